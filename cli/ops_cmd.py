"""`backup --to FILE` and `restore --from FILE`: pg_dump/pg_restore on PostgreSQL, the sqlite3 backup API on SQLite.

Backups hold the texts as stored: encrypted when ATS_ENCRYPTION_KEY is set, so keep the key with
(but apart from) the backup — a backup without its key cannot be read. Restore replaces the
database's contents: stop the api and the workers first (see docs/DEPLOY.md).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import typer
from sqlalchemy import create_engine, func, inspect, select, table, text
from sqlalchemy.engine import URL, make_url

from cli.common import emit_json, fail
from core.config import Settings, get_settings

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


def _sqlite_path(url: URL) -> Path:
    database = url.database or ""
    if database in ("", ":memory:"):
        fail("an in-memory SQLite database cannot be backed up; set DATABASE_URL to a file")
    return Path(database)


def _libpq(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore; the password goes in the environment, not argv."""
    args = ["--host", url.host or "127.0.0.1", "--port", str(url.port or 5432), "--dbname", url.database or ""]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        fail(f"{name} is not installed; install the PostgreSQL client (apt-get install postgresql-client)")
    return found  # type: ignore[return-value]


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        # pg_* print "pg_dump: error: ..." lines; the first error line is the readable reason.
        lines = [ln for ln in done.stderr.splitlines() if "error" in ln.lower()] or done.stderr.splitlines() or ["?"]
        fail(f"{what} failed: {lines[0].strip()}")


def table_counts(database_url: str) -> tuple[dict[str, int], str | None]:
    """Rows per table and the Alembic revision of a database."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            counts = {n: int(conn.execute(select(func.count()).select_from(table(n))).scalar_one()) for n in names}
            revision = None
            if "alembic_version" in names:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    counts.pop("alembic_version", None)
    return counts, revision


def backup(settings: Settings, target: Path) -> dict:
    """Write a consistent copy of the database to target; return the summary."""
    url = make_url(settings.database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if url.get_backend_name() == "sqlite":
        source = _sqlite_path(url)
        if not source.exists():
            fail(f"database file not found: {source}")
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
        # The backup API copies a consistent snapshot even while workers write (WAL included).
        with sqlite3.connect(source) as src, sqlite3.connect(tmp) as dst:
            src.backup(dst)
        tmp.replace(target)
        backend = "sqlite"
    elif url.get_backend_name() == "postgresql":
        args, env = _libpq(url)
        # Custom format: compressed, restorable table by table; one snapshot (pg_dump is transactional).
        cmd = [_tool("pg_dump"), *args, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
        _run(cmd, env, "pg_dump")
        backend = "postgresql"
    else:
        fail(f"backups support sqlite and postgresql, not {url.get_backend_name()}")
    counts, revision = table_counts(settings.database_url)
    return _summary("backup", backend, target, counts, revision, started)


def restore(settings: Settings, source: Path) -> dict:
    """Replace the database's contents with a backup file; return the summary."""
    if not source.is_file():
        fail(f"backup file not found: {source}")
    url = make_url(settings.database_url)
    head = source.read_bytes()[:16]
    started = time.monotonic()
    if url.get_backend_name() == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            fail(f"{source} is not a SQLite backup (a PostgreSQL dump needs a postgresql DATABASE_URL)")
        target = _sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as src, sqlite3.connect(target, timeout=30) as dst:
            src.backup(dst)
        backend = "sqlite"
    elif url.get_backend_name() == "postgresql":
        if not head.startswith(PGDUMP_MAGIC):
            fail(f"{source} is not a pg_dump custom-format file (made by `backup` on PostgreSQL)")
        args, env = _libpq(url)
        cmd = [_tool("pg_restore"), *args, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        _run([*cmd, "--single-transaction", "--exit-on-error", str(source)], env, "pg_restore")
        backend = "postgresql"
    else:
        fail(f"restore supports sqlite and postgresql, not {url.get_backend_name()}")
    counts, revision = table_counts(settings.database_url)
    return _summary("restore", backend, source, counts, revision, started)


def _summary(op: str, backend: str, path: Path, counts: dict[str, int], revision: str | None, started: float) -> dict:
    return {
        "op": op,
        "backend": backend,
        "file": str(path),
        "bytes": path.stat().st_size,
        "revision": revision,
        "tables": counts,
        "rows": sum(counts.values()),
        "seconds": round(time.monotonic() - started, 3),
    }


def register(app: typer.Typer) -> None:
    """Add the backup and restore commands."""

    @app.command("backup")
    def backup_cmd(to: Path = typer.Option(..., "--to", help="File to write (overwritten).")) -> None:
        """Write a consistent backup of the database (texts stay encrypted) and print a JSON summary."""
        if to.is_dir():
            fail(f"--to is a directory; give a file name: {to}")
        emit_json(backup(get_settings(), to))

    @app.command("restore")
    def restore_cmd(from_: Path = typer.Option(..., "--from", help="A file made by `backup`.")) -> None:
        """Replace the database's contents with a backup (stop api and workers first); print a JSON summary."""
        emit_json(restore(get_settings(), from_))
