"""The item result: the one JSON shape shared by `process --json`, the API and the exports."""

from __future__ import annotations

from typing import Any

from core import scoring
from core import searchability as checks
from core.context import PipelineContext
from core.ingest import split_bullets
from core.tailor import tailored_document
from core.types import CallRecord, ItemState, Stage


def summarise_cost(calls: list[CallRecord], provider: str, model: str) -> dict[str, Any]:
    """Total tokens and dollars over an item's calls."""
    return {
        "provider": calls[-1].provider if calls else provider,
        "model": calls[-1].model if calls else model,
        "input_tokens": sum(c.input_tokens for c in calls),
        "output_tokens": sum(c.output_tokens for c in calls),
        "usd": round(sum(c.usd for c in calls), 6),
        "calls": len(calls),
    }


def build_result(state: ItemState, ctx: PipelineContext) -> dict[str, Any]:
    """Assemble the CONTRACTS.md item result from a finished (or failed) state."""
    signals = state.signals
    bullets = state.bullet_results or []
    result: dict[str, Any] = {
        "status": Stage.COMPLETED.value if state.stage != Stage.FAILED else Stage.FAILED.value,
        "error": state.error,
        "quarantined": state.quarantined,
        "stages": [{"stage": r.stage.value, "ms": r.ms, "ok": r.ok} for r in state.stages],
        "signals": signals.model_dump(mode="json") if signals else None,
        "bullets": [b.model_dump(mode="json") for b in bullets],
        "item_flags": [f.model_dump() for f in state.process_flags],
        "score_before": None,
        "score_after": None,
        "score_breakdown": {},
        "coverage": [],
        "pii": [p.model_dump(mode="json") for p in state.pii],
        "injection": (state.injection.model_dump(mode="json") if state.injection else None),
        "cost": summarise_cost(state.calls, ctx.provider.name, ctx.provider.model),
        "summary": next((x.model_dump(mode="json") for x in state.sections if x.kind == "summary"), None),
        "skills_section": [x.model_dump(mode="json") for x in state.sections if x.kind == "skills"],
        "confirm": list(state.confirm),
    }
    if signals is not None and state.bullet_results is not None and state.resume_clean is not None:
        before_texts = [b.original for b in bullets]
        after_texts = [b.rewrite if (b.accepted and b.rewrite) else b.original for b in bullets]
        (before, breakdown_before), cov = scoring.score_before_and_coverage(
            before_texts, after_texts, state.resume_clean, state.bullets, signals, ctx.matcher, state.jd_clean
        )
        # after: the document as it reads with the standing bullets, summary and skills lists in place
        document = tailored_document(state.resume_clean, state.bullets, after_texts, state.sections)
        after_bullets = [b.text for b in split_bullets(document)] or after_texts
        # the same without our summary: what the resume itself shows, which our summary's words never raise
        plain = tailored_document(
            state.resume_clean, state.bullets, after_texts, [x for x in state.sections if x.kind != "summary"]
        )
        after, breakdown_after = scoring.ats_score(
            after_bullets, document, signals, ctx.matcher, state.jd_clean, plain_text=plain
        )
        result["score_before"] = before
        result["score_after"] = after
        result["score_breakdown"] = {"before": breakdown_before, "after": breakdown_after}
        result["coverage"] = [c.model_dump(mode="json") for c in cov]
        result["searchability"] = checks.searchability(
            state.resume_clean, state.jd_clean or "", signals, after_texts, state.pii
        )
        result["skill_counts"] = checks.skill_counts(
            state.jd_clean or "", state.resume_clean, result["coverage"], ctx.matcher
        )
    return result
