"""The per-item state machine: advance() runs exactly one stage so callers can save between stages."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from core import confirm, ingest, injection, output_guard, pii, tailor, validate
from core.bullet_score import bullet_scores
from core.context import PipelineContext
from core.errors import AtsError, DailyLimitReached
from core.result import build_result
from core.types import (
    STAGE_ORDER,
    TERMINAL_STAGES,
    BulletResult,
    Flag,
    ItemState,
    RewriteBrief,
    Stage,
    StageRecord,
)

StageFn = Callable[[ItemState, PipelineContext], ItemState]


def jd_cache_key(jd_clean: str) -> str:
    """Cache key of a normalised job description."""
    return hashlib.sha256(jd_clean.encode("utf-8")).hexdigest()


def _ingest(state: ItemState, ctx: PipelineContext) -> ItemState:
    pair = ingest.prepare(state.resume_text, state.jd_text, ctx.limits)
    resume, jd, bullets = pair.resume, pair.jd, pair.bullets
    jd_findings, jd_verdict = ingest.scan_jd(jd)  # remembered per JD text, like its signals
    findings = pii.find_pii(resume, where="resume") + jd_findings
    verdict = injection.detect_injection(resume)
    if jd_verdict.score > verdict.score:
        verdict = jd_verdict
    state = state.model_copy(
        update={"resume_clean": resume, "jd_clean": jd, "bullets": bullets, "pii": findings, "injection": verdict}
    )
    if verdict.detected:
        # A released item (offline_only set before INGEST, services/quarantine.py) goes on, offline only.
        if ctx.injection_policy == "quarantine" and not state.offline_only:
            return state.model_copy(
                update={
                    "quarantined": True,
                    "stage": Stage.FAILED,
                    "error": f"quarantined: the text contains instructions aimed at the model ({verdict.category})",
                }
            )
        state = state.model_copy(update={"offline_only": True})
    return state


def _extract_signals(state: ItemState, ctx: PipelineContext) -> ItemState:
    assert state.jd_clean is not None
    key = jd_cache_key(state.jd_clean)
    cached = ctx.cache.get(key)
    if cached is not None:
        return state.model_copy(update={"signals": cached, "signals_cached": True})
    signals = ctx.extractor.extract(state.jd_clean)
    calls = list(state.calls)
    wants_llm = signals.confidence < ctx.llm_signals_threshold and ctx.provider.external and not state.offline_only
    if wants_llm:
        redacted, redaction = pii.redact_texts([state.jd_clean])
        reply = ctx.provider.extract_signals(
            redacted[0], budget=ctx.budget, call_key=f"{state.item_id}:signals:{state.attempt}"
        )
        calls.extend(reply.records)
        if reply.signals.confidence >= signals.confidence:
            title = reply.signals.title or ""
            title = "" if output_guard.unsafe_output(title, redacted[0]) else redaction.restore(title)
            signals = reply.signals.model_copy(update={"title": title or None})
    ctx.cache.set(key, signals)
    return state.model_copy(update={"signals": signals, "signals_cached": False, "calls": calls})


def _process(state: ItemState, ctx: PipelineContext) -> ItemState:
    assert state.signals is not None
    provider = ctx.offline if state.offline_only else ctx.provider
    texts = [b.text for b in state.bullets]
    flags: list[Flag] = []
    if state.offline_only and ctx.provider.external:
        flags.append(Flag(kind="offline_only", detail="injection detected: processed by the offline engine only"))
    call_key = f"{state.item_id}:rewrite:{state.attempt}"
    assert state.resume_clean is not None
    brief = state.brief or tailor.make_brief(
        state.resume_clean, state.bullets, state.signals, ctx.matcher, state.jd_clean or ""
    )
    if provider.external:
        redacted, redaction = pii.redact_texts(texts + _brief_texts(brief))
        sent = _with_brief_texts(brief, redacted[len(texts) :])
        reply = provider.rewrite(
            redacted[: len(texts)],
            state.signals,
            budget=ctx.budget,
            call_key=call_key,
            options=state.options,
            brief=sent,
        )
        # Refused before any PII goes back: a model may wrap a placeholder in a link or an image.
        guarded, refused = output_guard.guard_rewrites(list(reply.rewrites), redacted[: len(texts)])
        flags.extend(refused)
        rewrites = [
            r.model_copy(
                update={"rewrite": redaction.restore(r.rewrite), "variants": [redaction.restore(v) for v in r.variants]}
            )
            for r in guarded
        ]
    else:
        reply = provider.rewrite(
            texts, state.signals, budget=ctx.budget, call_key=call_key, options=state.options, brief=brief
        )
        rewrites = list(reply.rewrites)
    if len(rewrites) != len(texts) or [r.index for r in rewrites] != list(range(len(texts))):
        raise AtsError("the rewrite engine returned bullets that do not line up with the resume's bullets")
    return state.model_copy(
        update={
            "brief": brief,
            "rewrites": rewrites,
            "process_flags": flags + list(reply.flags),
            "calls": [*state.calls, *reply.records],
        }
    )


def _brief_texts(brief: RewriteBrief) -> list[str]:
    """The brief's user-derived strings (quotes of the resume, JD wording), to be redacted with the bullets."""
    return [s.quote for s in brief.implied] + [s.requirement for s in brief.implied] + list(brief.confirm)


def _with_brief_texts(brief: RewriteBrief, texts: list[str]) -> RewriteBrief:
    n = len(brief.implied)
    implied = [
        s.model_copy(update={"quote": texts[i], "requirement": texts[n + i]}) for i, s in enumerate(brief.implied)
    ]
    return brief.model_copy(update={"implied": implied, "confirm": texts[2 * n :]})


def _validate(state: ItemState, ctx: PipelineContext) -> ItemState:
    assert state.signals is not None and state.rewrites is not None and state.resume_clean is not None
    brief = state.brief
    results: list[BulletResult] = []
    for bullet, proposal in zip(state.bullets, state.rewrites, strict=True):
        rewrite = proposal.rewrite.strip()
        kept = brief.keep.get(bullet.index) if brief else None
        listed = (bullet.section or "") in tailor.KEPT_SECTIONS
        changed = bool(rewrite) and rewrite != bullet.text and kept is None
        implied = tailor.bullet_implied(brief, bullet.index, ctx.matcher)
        flags = validate.check_bullet(bullet.text, rewrite, matcher=ctx.matcher, implied=implied) if changed else []
        accepted = changed and not flags
        standing = rewrite if accepted else bullet.text
        results.append(
            BulletResult(
                index=bullet.index,
                original=bullet.text,
                rewrite=rewrite if changed else None,
                accepted=accepted,
                scores=bullet_scores(standing, state.signals, ctx.matcher, implied=implied),
                # a bullet kept for what it is (unreadable, a heading) is flagged; a credential line is just kept
                flags=flags + ([Flag(kind="kept", detail=kept)] if kept and not listed else []),
                keywords_used=proposal.keywords_used,
                rationale=kept or proposal.rationale,
                variants=[
                    v
                    for v in proposal.variants
                    if v
                    and kept is None
                    and not validate.check_bullet(bullet.text, v, matcher=ctx.matcher, implied=implied)
                ],
                section=bullet.section,
            )
        )
    entries = tailor.original_coverage(state.resume_clean, state.bullets, state.signals, ctx.matcher)
    sections = tailor.tailor_sections(
        state.resume_clean, state.bullets, results, state.signals, ctx.matcher, brief, state.jd_clean or "", entries
    )
    questions = confirm.confirm_list(entries, state.signals, getattr(ctx.matcher, "kind_of", None))
    return state.model_copy(update={"bullet_results": results, "sections": sections, "confirm": questions})


def _output(state: ItemState, ctx: PipelineContext) -> ItemState:
    return state.model_copy(update={"result": build_result(state, ctx)})


STAGES: dict[Stage, StageFn] = {
    Stage.INGEST: _ingest,
    Stage.EXTRACT_SIGNALS: _extract_signals,
    Stage.PROCESS: _process,
    Stage.VALIDATE: _validate,
    Stage.OUTPUT: _output,
}


def next_stage(stage: Stage) -> Stage:
    """The stage after `stage` in the fixed order."""
    return STAGE_ORDER[STAGE_ORDER.index(stage) + 1]


def advance(state: ItemState, ctx: PipelineContext) -> ItemState:
    """Run the state's current stage and return the new state; terminal states come back unchanged."""
    if state.stage in TERMINAL_STAGES:
        return state
    stage = state.stage
    started = time.perf_counter()
    try:
        new = STAGES[stage](state, ctx)
    except DailyLimitReached:
        raise  # the caller pauses the item; nothing about the item is wrong
    except AtsError as exc:
        ms = (time.perf_counter() - started) * 1000
        failed = state.model_copy(
            update={
                "stage": Stage.FAILED,
                "error": f"{stage.value}: {exc}",
                "stages": [*state.stages, StageRecord(stage=stage, ms=round(ms, 3), ok=False)],
            }
        )
        return failed.model_copy(update={"result": build_result(failed, ctx)})
    ms = (time.perf_counter() - started) * 1000
    record = StageRecord(stage=stage, ms=round(ms, 3), ok=new.stage != Stage.FAILED)
    update: dict[str, object] = {"stages": [*new.stages, record]}
    if new.stage != Stage.FAILED:
        update["stage"] = next_stage(stage)
    new = new.model_copy(update=update)
    if stage == Stage.OUTPUT and new.result is not None:  # the result was built before OUTPUT's own record existed
        new.result["stages"] = [{"stage": r.stage.value, "ms": r.ms, "ok": r.ok} for r in new.stages]
    if new.stage == Stage.FAILED and new.result is None:
        new = new.model_copy(update={"result": build_result(new, ctx)})
    return new


def run_to_end(state: ItemState, ctx: PipelineContext) -> ItemState:
    """Advance until COMPLETED or FAILED."""
    while state.stage not in TERMINAL_STAGES:
        state = advance(state, ctx)
    return state
