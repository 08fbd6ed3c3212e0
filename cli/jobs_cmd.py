"""Operator commands for durable jobs: migrate, create-user, create-api-key, submit, status, purge, rotate-key."""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

import typer

from cli.common import emit_json, fail, read_document_file, read_text_file
from core.errors import InvalidRows
from core.statuses import JOB_FINISHED

# The operator at the console acts with an admin's visibility.
CLI_ACTOR = "cli"


def _settings():  # type: ignore[no-untyped-def]
    from core.config import get_settings

    return get_settings()


def _operator():  # type: ignore[no-untyped-def]
    from services.principal import Principal

    return Principal(user_id=0, username=CLI_ACTOR, role="admin")


def migrate() -> None:
    """Create or upgrade the database schema (alembic upgrade head)."""
    from db.migrate import upgrade

    emit_json({"revision": upgrade(_settings())})


def create_user(
    username: str = typer.Option(..., "--username"),
    role: str = typer.Option(..., "--role", help="recruiter | manager | admin"),
    team: str | None = typer.Option(None, "--team"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from standard input"),
) -> None:
    """Create a user; prints the generated password once when none is given."""
    from db.session import session_scope
    from services.users import create_user as create

    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    if password_stdin and not password:
        fail("no password on standard input")
    with session_scope(_settings()) as s:
        user, generated = create(s, username=username, role=role, team=team, password=password)
        out: dict[str, Any] = {"username": user.username, "role": user.role, "team": user.team}
    if generated:
        out["password"] = generated
    emit_json(out)


def create_api_key(
    user: str = typer.Option(..., "--user"),
    name: str = typer.Option(..., "--name"),
    scopes: str = typer.Option("jobs:write,jobs:read", "--scopes"),
) -> None:
    """Create an API key for a user; the key is shown this once."""
    from db.session import session_scope
    from services.api_keys import create_api_key as create

    with session_scope(_settings()) as s:
        info, key = create(s, username=user, name=name, scopes=[x.strip() for x in scopes.split(",") if x.strip()])
    emit_json({"key": key, "prefix": info["prefix"], "id": info["id"], "scopes": info["scopes"]})


def read_pairs(path: Path) -> list[dict[str, Any]]:
    """Rows of a CSV (columns resume, jd, ref) or JSONL file ({"resume", "jd", "ref"} per line)."""
    text = read_text_file(path, "input")
    if path.suffix.lower() == ".jsonl":
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    fail(f"{path}:{number} is not valid JSON ({exc.msg})")
        return rows
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = {"resume", "jd"} - set(reader.fieldnames or [])
        if missing:
            fail(f"{path} lacks the column(s) {', '.join(sorted(missing))}; expected resume, jd and optionally ref")
        return [dict(r) for r in reader]
    fail(f"{path}: the input must be .csv or .jsonl")
    return []


def read_folder(folder: Path, jd_file: Path) -> list[dict[str, Any]]:
    """One pair per resume file in the folder (PDF, DOCX, TXT, MD, RTF, or ZIPs of them) against one JD file."""
    from core.documents import SUFFIXES, DocumentLimits
    from core.documents.batch import read_batch
    from core.errors import DocumentError

    if not folder.is_dir():
        fail(f"--dir {folder} is not a folder")
    jd = read_document_file(jd_file, "job description")
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (*SUFFIXES, ".zip"))
    if not paths:
        fail(f"{folder} holds no resume files (PDF, DOCX, TXT, MD, RTF or ZIP)")
    settings = _settings()
    try:
        read = read_batch(
            [(p.name, p.read_bytes()) for p in paths],
            DocumentLimits.from_settings(settings),
            max_files=settings.doc_max_files,
        )
    except DocumentError as exc:
        fail(f"{exc} (nothing was submitted)")
    refused = [f"{r.name}: {r.error}" for r in read if r.document is None]
    if refused:
        fail("; ".join(refused) + " (nothing was submitted)")
    return [{"resume": r.document.text, "jd": jd, "ref": Path(r.name).stem} for r in read if r.document]


def submit(
    input: Path | None = typer.Option(None, "--input", help="CSV (resume, jd, ref) or JSONL"),
    folder: Path | None = typer.Option(None, "--dir", help="a folder of resume files (with --jd)"),
    jd_file: Path | None = typer.Option(None, "--jd", help="with --dir: the job description file for every resume"),
    user: str = typer.Option(..., "--user", help="the job's owner"),
    wait: bool = typer.Option(False, "--wait", help="wait for the job to finish and print its status"),
    timeout: float = typer.Option(0, "--timeout", help="with --wait: give up after this many seconds (0 = never)"),
    batch: bool = typer.Option(False, "--batch", help="send the model calls through the provider's batch API"),
) -> None:
    """Submit a batch as a job owned by a user: a CSV/JSONL of pairs, or a folder of resumes against one JD
    (--batch: the model calls at half price through the provider's batch API, results within 24 h)."""
    from db.session import session_scope
    from services.jobs import job_status, submit_job
    from services.users import principal_for

    if (input is None) == (folder is None) or (folder is not None) != (jd_file is not None):
        fail("give either --input F.csv|F.jsonl, or --dir FOLDER with --jd FILE")
    pairs = read_pairs(input) if input is not None else read_folder(folder, jd_file)  # type: ignore[arg-type]
    settings = _settings()
    with session_scope(settings) as s:
        owner = principal_for(s, username=user)
        try:
            out = submit_job(s, principal=owner, pairs=pairs, options={"batch": batch}, source="ui")
        except InvalidRows as exc:
            fail("; ".join(f"row {r['row']}: {r['error']}" for r in exc.rows) + " (nothing was submitted)")
    if not wait:
        shown = ("job_id", "items", "estimated_cost", "estimated_cost_live", "estimated_cost_batch")
        emit_json({key: out[key] for key in shown if key in out})
        return
    started = time.monotonic()
    while True:
        with session_scope(settings) as s:
            status = job_status(s, principal=owner, job_id=out["job_id"])
        if status["status"] in JOB_FINISHED:
            emit_json(status)
            return
        if timeout and time.monotonic() - started > timeout:
            fail(f"job {out['job_id']} is still {status['status']} after {timeout:g}s")
        typer.echo(f"{status['status']} {status['progress']:.0%}", err=True)
        time.sleep(1.0)


def status(job_id: str = typer.Argument(..., help="the job id")) -> None:
    """A job's status, counts by status and stage, progress and cost."""
    from db.session import session_scope
    from services.jobs import job_status

    with session_scope(_settings()) as s:
        emit_json(job_status(s, principal=_operator(), job_id=job_id))


def purge(older_than: str = typer.Option(..., "--older-than", help="e.g. 30d, 12h, 2w")) -> None:
    """Remove texts and results of finished jobs older than the age; the cost ledger stays."""
    from db.session import session_scope
    from services.retention import parse_age
    from services.retention import purge as run_purge

    with session_scope(_settings()) as s:
        emit_json(run_purge(s, older_than=parse_age(older_than)))


def rotate_key() -> None:
    """Re-encrypt stored texts under the first key of ATS_ENCRYPTION_KEY (keep the old keys after it meanwhile)."""
    from db.session import session_scope
    from services.rotation import rotate_key as rotate

    with session_scope(_settings()) as s:
        emit_json(rotate(s))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("migrate")(migrate)
    app.command("create-user")(create_user)
    app.command("create-api-key")(create_api_key)
    app.command("submit")(submit)
    app.command("status")(status)
    app.command("purge")(purge)
    app.command("rotate-key")(rotate_key)
