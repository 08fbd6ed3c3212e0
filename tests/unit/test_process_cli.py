"""`python manage.py process`: a readable report or the item result JSON; bad input = one line, non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from manage import build_app

ROOT = Path(__file__).resolve().parents[2]
RESUME = ROOT / "samples" / "resume.txt"
JD = ROOT / "samples" / "jd.txt"
OFFLINE = {"ATS_LLM_PROVIDER": "offline", "ATS_INJECTION_POLICY": "quarantine"}


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "process", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **OFFLINE, **(env or {})},
    )


def test_json_on_the_last_line_is_the_item_result():
    result = CliRunner().invoke(
        build_app(), ["process", "--resume", str(RESUME), "--jd", str(JD), "--json"], env=OFFLINE
    )
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout.strip().splitlines()[-1])
    assert item["status"] == "COMPLETED" and item["error"] is None
    assert 0 <= item["score_before"] <= item["score_after"] <= 100
    assert len(item["bullets"]) == 13 and item["coverage"] and item["cost"]["provider"] == "offline"


def test_the_report_is_readable():
    result = CliRunner().invoke(build_app(), ["process", "--resume", str(RESUME), "--jd", str(JD)], env=OFFLINE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "ATS score:" in out and "Coverage (before -> after)" in out and "Kubernetes" in out
    assert "-> Owned the migration of the card-authorization service" in out
    assert "EMAIL_ADDRESS (resume)" in out and "jordan.rivera@example.com" not in out  # no PII echoed


def bad_file(kind: str, folder: Path) -> Path:
    """A path that is wrong in the given way."""
    path = folder / f"{kind}.txt"
    if kind == "empty":
        path.write_text(" \n")
    elif kind == "damaged-pdf":
        path.write_bytes(b"%PDF-1.7\x00\x01\x02")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    elif kind == "directory":
        return folder
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "resume file not found"),
        ("empty", "the file has no text"),
        ("damaged-pdf", "the PDF is damaged"),
        ("binary", "not text, PDF or a Word document"),
        ("directory", "is a directory"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path, kind, message):
    done = run_cli("--resume", str(bad_file(kind, tmp_path)), "--jd", str(JD))
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and message in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_over_the_limit_names_the_setting():
    done = run_cli("--resume", str(RESUME), "--jd", str(JD), env={"ATS_MAX_RESUME_CHARS": "200"})
    assert done.returncode != 0 and "ATS_MAX_RESUME_CHARS" in done.stderr and "Traceback" not in done.stderr


def test_unknown_provider_is_one_line():
    done = run_cli("--resume", str(RESUME), "--jd", str(JD), "--provider", "bogus")
    assert done.returncode != 0 and "llm_provider" in done.stderr and done.stderr.strip().count("\n") == 0


def test_a_failed_item_exits_non_zero_with_its_reason(tmp_path):
    resume = tmp_path / "r.txt"
    resume.write_text("Pat Doe\npat@example.com\n")
    result = CliRunner().invoke(
        build_app(), ["process", "--resume", str(resume), "--jd", str(JD), "--json"], env=OFFLINE
    )
    assert result.exit_code == 1
    item = json.loads(result.stdout.strip().splitlines()[-1])
    assert item["status"] == "FAILED" and "no bullets" in item["error"] and "no bullets" in result.stderr


def test_item_flags_lead_the_report():
    from cli.process_cmd import format_report

    result = CliRunner().invoke(
        build_app(), ["process", "--resume", str(RESUME), "--jd", str(JD), "--json"], env=OFFLINE
    )
    item = json.loads(result.stdout.strip().splitlines()[-1])
    item["item_flags"] = [{"kind": "llm_fallback", "detail": "model not used; offline rewrite", "tokens": []}]
    assert format_report(item).splitlines()[0] == "! llm_fallback: model not used; offline rewrite"


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_pdf_or_docx_resume_gives_the_bullets_of_its_text(tmp_path, kind):
    from bench.doccorpus import load_sources, to_docx, to_pdf_platypus

    source = load_sources(1)[0]  # samples/resume.txt
    path = tmp_path / f"resume.{kind}"
    path.write_bytes(to_pdf_platypus(source) if kind == "pdf" else to_docx(source))
    runs = [
        CliRunner().invoke(build_app(), ["process", "--resume", str(p), "--jd", str(JD), "--json"], env=OFFLINE)
        for p in (RESUME, path)
    ]
    assert [r.exit_code for r in runs] == [0, 0], runs[1].output
    text_item, doc_item = (json.loads(r.stdout.strip().splitlines()[-1]) for r in runs)
    assert [b["original"] for b in doc_item["bullets"]] == [b["original"] for b in text_item["bullets"]]
    assert doc_item["score_before"] == text_item["score_before"]
