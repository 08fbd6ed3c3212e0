"""`eval pii|injection|skills|match`: measure the detectors on labelled files; JSON on the last line."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from cli.common import emit_json, fail

eval_app = typer.Typer(no_args_is_help=True, help="Measure the detectors on labelled data.")


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        fail(f"input file not found: {path}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            fail(f"{path}:{number} is not valid JSON ({exc.msg})")
    if not rows:
        fail(f"{path} holds no rows")
    return rows


@eval_app.command("pii")
def eval_pii(input: Path = typer.Option(..., "--input", help="JSONL of labelled PII rows")) -> None:
    """Span-level precision, recall and F2 per PII type."""
    from core.evals.pii_eval import evaluate_pii

    emit_json(evaluate_pii(_read_jsonl(input)))


@eval_app.command("injection")
def eval_injection(input: Path = typer.Option(..., "--input", help="JSONL rows with text and label")) -> None:
    """Recall, false-positive rate and per-category counts of the injection detector."""
    from core.evals.injection_eval import evaluate_injection

    emit_json(evaluate_injection(_read_jsonl(input)))


@eval_app.command("skills")
def eval_skills(input: Path = typer.Option(..., "--input", help="CoNLL file: token, skill tag, knowledge tag")) -> None:
    """Precision, recall and F1 of hard-skill (Knowledge) and soft-skill (Skill) extraction."""
    from core.evals.skills_eval import evaluate_skills, read_conll

    if not input.is_file():
        fail(f"input file not found: {input}")
    emit_json(evaluate_skills(read_conll(input.read_text(encoding="utf-8"))))


@eval_app.command("match")
def eval_match(
    input: Path = typer.Option(..., "--input", help="folder with labels.jsonl and the pairs it names"),
    details: bool = typer.Option(False, "--details", help="also list each pair's misses and false positives"),
) -> None:
    """Ranking (Spearman with recruiter fit), requirement recall/precision and coverage accuracy."""
    from core.config import load_settings
    from core.errors import InputError
    from core.evals.match_eval import evaluate_match, read_folder
    from core.factory import build_context
    from core.pipeline import run_to_end
    from core.types import ItemState

    if not input.is_dir():
        fail(f"input folder not found: {input}")
    try:
        rows = read_folder(input)
    except InputError as exc:
        fail(str(exc))
    ctx = build_context(load_settings(llm_provider="offline"))

    def run_pair(resume: str, jd: str) -> dict:
        state = run_to_end(ItemState(item_id="eval", resume_text=resume, jd_text=jd), ctx)
        return state.result or {}

    def canonical(name: str) -> set[str]:
        return {m.skill for m in ctx.matcher.find(name)}

    emit_json(evaluate_match(rows, run_pair, canonical, details=details))


def register(app: typer.Typer) -> None:
    """Add the eval command group."""
    app.add_typer(eval_app, name="eval")
