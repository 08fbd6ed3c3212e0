"""The per-item state machine: advance() runs exactly one stage so callers can save between stages."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from core import ingest, injection, pii, scoring, validate
from core.context import PipelineContext
from core.errors import AtsError, DailyLimitReached
from core.result import build_result
from core.types import (
    STAGE_ORDER,
    TERMINAL_STAGES,
    BulletResult,
    Flag,
    ItemState,
    Stage,
    StageRecord,
)

StageFn = Callable[[ItemState, PipelineContext], ItemState]


def jd_cache_key(jd_clean: str) -> str:
    """Cache key of a normalised job description."""
    return hashlib.sha256(jd_clean.encode("utf-8")).hexdigest()


def _ingest(state: ItemState, ctx: PipelineContext) -> ItemState:
    resume = ingest.normalise(state.resume_text)
    jd = ingest.normalise(state.jd_text)
    ingest.check_limits(resume, jd, ctx.limits)
    bullets = ingest.split_bullets(resume)
    if not bullets:
        raise ingest.InputError("no bullets or sentences were found in the resume; paste the resume's text")
    if len(bullets) > ctx.limits.max_bullets:
        raise ingest.InputError(
            f"the resume has {len(bullets)} bullets; the limit is {ctx.limits.max_bullets} (ATS_MAX_BULLETS)"
        )
    jd_findings, jd_verdict = ingest.scan_jd(jd)  # remembered per JD text, like its signals
    findings = pii.find_pii(resume, where="resume") + jd_findings
    verdict = injection.detect_injection(resume)
    if jd_verdict.score > verdict.score:
        verdict = jd_verdict
    state = state.model_copy(
        update={"resume_clean": resume, "jd_clean": jd, "bullets": bullets, "pii": findings, "injection": verdict}
    )
    if verdict.detected:
        if ctx.injection_policy == "quarantine":
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
            signals = reply.signals.model_copy(update={"title": redaction.restore(reply.signals.title or "") or None})
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
    if provider.external:
        redacted, redaction = pii.redact_texts(texts)
        reply = provider.rewrite(redacted, state.signals, budget=ctx.budget, call_key=call_key, options=state.options)
        rewrites = [
            r.model_copy(
                update={"rewrite": redaction.restore(r.rewrite), "variants": [redaction.restore(v) for v in r.variants]}
            )
            for r in reply.rewrites
        ]
    else:
        reply = provider.rewrite(texts, state.signals, budget=ctx.budget, call_key=call_key, options=state.options)
        rewrites = list(reply.rewrites)
    if len(rewrites) != len(texts) or [r.index for r in rewrites] != list(range(len(texts))):
        raise AtsError("the rewrite engine returned bullets that do not line up with the resume's bullets")
    return state.model_copy(
        update={
            "rewrites": rewrites,
            "process_flags": flags + list(reply.flags),
            "calls": [*state.calls, *reply.records],
        }
    )


def _validate(state: ItemState, ctx: PipelineContext) -> ItemState:
    assert state.signals is not None and state.rewrites is not None
    results: list[BulletResult] = []
    for bullet, proposal in zip(state.bullets, state.rewrites, strict=True):
        rewrite = proposal.rewrite.strip()
        changed = bool(rewrite) and rewrite != bullet.text
        flags = validate.check_rewrite(bullet.text, rewrite, matcher=ctx.matcher) if changed else []
        accepted = changed and not flags
        standing = rewrite if accepted else bullet.text
        results.append(
            BulletResult(
                index=bullet.index,
                original=bullet.text,
                rewrite=rewrite if changed else None,
                accepted=accepted,
                scores=scoring.bullet_scores(standing, state.signals, ctx.matcher),
                flags=flags,
                keywords_used=proposal.keywords_used,
                rationale=proposal.rationale,
                variants=[
                    v
                    for v in proposal.variants
                    if v and not validate.check_rewrite(bullet.text, v, matcher=ctx.matcher)
                ],
                section=bullet.section,
            )
        )
    return state.model_copy(update={"bullet_results": results})


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
