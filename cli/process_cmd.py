"""`process`: run one (resume, JD) pair through the whole pipeline and print a report or the item result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from cli.common import emit_json, fail, read_document_file


def process(
    resume: Path = typer.Option(..., "--resume", help="the resume: PDF, DOCX, TXT, MD or RTF"),
    jd: Path = typer.Option(..., "--jd", help="the job description: PDF, DOCX, TXT, MD or RTF"),
    as_json: bool = typer.Option(False, "--json", help="print the item result as JSON (one line)"),
    provider: str | None = typer.Option(None, "--provider", help="offline | openai | anthropic | openai-compatible"),
    model: str | None = typer.Option(None, "--model", help="model name (default: the provider's)"),
    base_url: str | None = typer.Option(None, "--base-url", help="API base URL (required for openai-compatible)"),
) -> None:
    """Rewrite a resume's bullets for a job description and score it before and after."""
    from core import ingest
    from core.config import load_settings
    from core.factory import build_context, limits_from
    from core.pipeline import run_to_end
    from core.types import ItemState

    resume_text = read_document_file(resume, "resume")
    jd_text = read_document_file(jd, "job description")
    overrides: dict[str, str | None] = {k: v for k, v in (("llm_model", model), ("llm_base_url", base_url)) if v}
    if provider:
        overrides["llm_provider"] = provider
        if provider != "offline" and not model:
            overrides["llm_model"] = None  # ATS_LLM_MODEL belongs to ATS_LLM_PROVIDER, not to this one
    settings = load_settings(**overrides)
    try:  # check the cheap things before loading the skills taxonomy (seconds)
        ingest.check_limits(ingest.normalise(resume_text), ingest.normalise(jd_text), limits_from(settings))
    except ingest.InputError as exc:
        fail(str(exc))
    ctx = build_context(settings)
    state = run_to_end(ItemState(item_id="cli", resume_text=resume_text, jd_text=jd_text), ctx)
    result = state.result or {}
    if as_json:
        emit_json(result)
    else:
        typer.echo(format_report(result))
    if result.get("status") != "COMPLETED":
        fail(result.get("error") or "the item failed", code=1)


def format_report(result: dict[str, Any]) -> str:
    """A readable plain-text report of one item result."""
    lines: list[str] = []
    add = lines.append
    if result.get("status") != "COMPLETED":
        add(f"FAILED: {result.get('error')}")
        _injection(result, add)
        return "\n".join(lines)
    signals = result.get("signals") or {}
    for flag in result.get("item_flags") or []:
        add(f"! {flag['kind']}: {flag['detail']}")
    add(f"ATS score: {result['score_before']} -> {result['score_after']}  (0-100, see docs/SCORING.md)")
    after = result.get("score_breakdown", {}).get("after", {})
    if after.get("cap") is not None:
        missing = ", ".join(after.get("missing_required", []))
        add(f"  capped at {after['cap']}: {after.get('cap_reason') or 'required skills missing'}")
        if missing:
            add(f"  required and missing: {missing}")
    if after.get("listed_only"):
        add(f"  only in a keyword list (counted for less): {', '.join(after['listed_only'])}")
    add("")
    add("Job description")
    add(
        f"  title: {signals.get('title') or '-'}   seniority: {signals.get('seniority') or '-'}   "
        f"years: {signals.get('years') if signals.get('years') is not None else '-'}   "
        f"confidence: {signals.get('confidence', 0):.2f}"
    )
    for note in signals.get("notes") or []:
        add(f"  ! {note}")
    add("")
    add("Coverage (before -> after)")
    for entry in result.get("coverage", []):
        mark = lambda ok: "yes" if ok else "no "  # noqa: E731 - a two-state column
        kind = "required " if entry["required"] else "preferred"
        where = ", ".join(
            ("bullet " + str(e["bullet"]) if e["bullet"] >= 0 else "resume")
            + (f" via {e['via']}" if e.get("via") else "")
            + (" (keyword list)" if e.get("listed") else "")
            for e in entry["evidence"]
        )
        name = entry.get("jd_name") or entry["skill"]
        add(
            f"  {kind}  {mark(entry['before'])} -> {mark(entry['after'])}  {name}"
            + (f"  ({where})" if where else f"  [{entry['how']}]" if entry.get("how") else "")
        )
    add("")
    add("Bullets")
    for bullet in result.get("bullets", []):
        scores = bullet["scores"]
        add(f"  [{bullet['index']}] {bullet['original']}")
        if bullet["rewrite"] and bullet["accepted"]:
            add(f"   -> {bullet['rewrite']}")
        elif bullet["rewrite"]:
            add(f"   x  rejected: {bullet['rewrite']}")
        else:
            add("   =  unchanged")
        add(
            f"      relevance {scores['relevance']}  impact {scores['impact']}  clarity {scores['clarity']}"
            + (f"   why: {bullet['rationale']}" if bullet.get("rationale") else "")
        )
        for flag in bullet.get("flags", []):
            add(f"      ! {flag['kind']}: {flag['detail']}")
    add("")
    pii = result.get("pii") or []
    add("Personal data found: " + (", ".join(f"{p['type']} ({p['where']})" for p in pii) if pii else "none"))
    _injection(result, add)
    cost = result.get("cost") or {}
    add(
        f"Engine: {cost.get('provider')} / {cost.get('model')}   tokens {cost.get('input_tokens', 0)} in, "
        f"{cost.get('output_tokens', 0)} out   ${cost.get('usd', 0):.4f}"
    )
    add("Stages: " + ", ".join(f"{s['stage']} {s['ms']:.1f} ms" for s in result.get("stages", [])))
    return "\n".join(lines)


def _injection(result: dict[str, Any], add: Any) -> None:
    verdict = result.get("injection") or {}
    if verdict.get("detected"):
        add(f"Prompt injection: {verdict.get('category')} (score {verdict.get('score', 0):.2f})")
    else:
        add("Prompt injection: none detected")


def register(app: typer.Typer) -> None:
    """Add the process command."""
    app.command("process")(process)
