"""process_item(item_id): claim, run the pipeline stage by stage, save with compare-and-set, finish once."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from core.errors import DailyLimitReached
from core.pipeline import advance
from core.types import TERMINAL_STAGES, CallRecord, ItemState
from observability import metrics, tracing
from observability.logs import log_context, protect
from services.budget import next_day_start
from workers import store, store_pg
from workers.finish import after_finish, final_values
from workers.runtime import Runtime, get_runtime

log = logging.getLogger(__name__)


class LeaseLost(Exception):
    """Another worker (after a timeout) or a cancel took the item; this run stops without writing."""


def process_item(item_id: str) -> str:
    """Run one item to its end (or pause); returns the outcome. Safe to call any number of times."""
    rt = get_runtime()
    token = uuid.uuid4().hex
    if rt.on_postgres:
        claim = store_pg.claim(rt.hot, item_id, token, rt.settings.stuck_after_s)
    else:
        with rt.autocommit.connect() as conn:
            claim = store.claim(conn, item_id, token, rt.settings.stuck_after_s)
    if claim is None:
        return "skipped"  # finished, cancelled, paused, or held by a live worker: nothing to do
    with tracing.item_span(item_id), log_context(job_id=claim.job_id, item_id=item_id, worker=rt.name):
        return _run(rt, claim)


def _run(rt: Runtime, claim: store.Claim) -> str:
    cipher = _cipher(rt)
    used = claim.attempts - claim.attempt_base
    if used > rt.settings.item_max_attempts:
        return _give_up(rt, claim, f"gave up after {used - 1} attempts: {claim.error or 'the worker stopped'}")
    job = rt.job(claim.job_id)
    if claim.state:
        state = ItemState.model_validate_json(cipher.decrypt(claim.state) or "")
    else:
        state = ItemState(
            item_id=claim.item_id,
            resume_text=cipher.decrypt(claim.resume_text) or "",
            jd_text=cipher.decrypt(claim.jd_text) or "",
            options=job.options,
        )
    if used > 1:
        metrics.RETRIES.labels(kind="item").inc()
    state = state.model_copy(update={"attempt": claim.attempts})
    ctx = rt.context_for(user_id=claim.owner_id, key_id=claim.api_key_id)
    saved_calls, saved_stages = len(state.calls), len(state.stages)
    metrics.ITEMS_IN_PROGRESS.inc()
    try:
        with protect([state.resume_text, state.jd_text]):
            while state.stage not in TERMINAL_STAGES:
                try:
                    with tracing.stage_span(state.stage.value), log_context(stage=state.stage.value):
                        state = advance(state, ctx)
                except DailyLimitReached as exc:
                    return _pause(rt, claim, state, exc, saved_calls, saved_stages, job.team)
                _observe(state, saved_stages, saved_calls)
                if state.stage in TERMINAL_STAGES:
                    break
                if _worth_saving(state.calls[saved_calls:], ctx.offline.name):
                    _save(rt, claim, state, saved_calls, saved_stages, job.team)
                    saved_calls, saved_stages = len(state.calls), len(state.stages)
            return _finish(rt, claim, state, saved_calls, saved_stages, job)
    except LeaseLost:
        log.warning("lease lost; another worker or a cancel owns the item now")
        return "lost"
    except BaseException as exc:  # noqa: BLE001 - the worker edge: record, release, let the queue retry
        _release(rt, claim, exc, state.calls[saved_calls:], job.team)
        raise
    finally:
        metrics.ITEMS_IN_PROGRESS.dec()


def _cipher(rt: Runtime) -> Any:
    from db.session import runtime_of

    return runtime_of(rt.engine).cipher


def _worth_saving(new_calls: list[CallRecord], offline_name: str) -> bool:
    # Cheap local stages are saved together with the next save; a paid or slow model call is saved at once
    # so that a crash after it never pays for it again.
    return any(c.provider != offline_name and not c.cached for c in new_calls)


def _observe(state: ItemState, saved_stages: int, saved_calls: int) -> None:
    last = state.stages[-1] if state.stages else None
    if last is not None:
        metrics.observe_stage(last.stage.value, last.ms / 1000, "ok" if last.ok else "failed")
        outcome = "ok" if last.ok else "failed"
        log.debug("stage done", extra={"stage": last.stage.value, "ms": round(last.ms, 2), "outcome": outcome})
    if state.calls and len(state.calls) > saved_calls:
        new = state.calls[-1]
        if new.call_key and new not in state.calls[:-1]:
            metrics.observe_call_record(new)


def _state_blob(rt: Runtime, state: ItemState) -> str:
    return _cipher(rt).encrypt(state.model_dump_json()) or ""


def _save(
    rt: Runtime, claim: store.Claim, state: ItemState, saved_calls: int, saved_stages: int, team: str | None
) -> None:
    with rt.engine.begin() as conn:
        # Calls are booked even if the lease was lost: they were paid for.
        store.add_calls(conn, claim, state.calls[saved_calls:], team=team)
        if not store.save(
            conn, claim, stage=state.stage.value, state=_state_blob(rt, state), lease_s=rt.settings.stuck_after_s
        ):
            raise LeaseLost
        store.add_stage_events(conn, claim, state.stages[saved_stages:])


def _finish(rt: Runtime, claim: store.Claim, state: ItemState, saved_calls: int, saved_stages: int, job: Any) -> str:
    status, values = final_values(state, _cipher(rt))
    calls, stages = state.calls[saved_calls:], state.stages[saved_stages:]
    if rt.on_postgres:
        ours, still_open = store_pg.finish_one_statement(
            rt.hot,
            claim,
            status=status,
            stage=state.stage.value,
            values=values,
            records=stages,
            calls=calls,
            team=job.team,
        )
        if not ours:
            raise LeaseLost
        _security_event(rt, claim, state, status)
        # Two workers finishing a job's last items at once may each see the other open; the scheduler's
        # sweep stamps such a job within one scan interval.
        job_done = False
        if not still_open:
            with rt.engine.begin() as conn:
                job_done = store.mark_job_finished(conn, claim.job_id)
    else:
        with rt.engine.begin() as conn:
            store.add_calls(conn, claim, calls, team=job.team)
            if not store.finish(conn, claim, status=status, stage=state.stage.value, values=values):
                raise LeaseLost
            store.add_stage_events(conn, claim, stages, outcome=status)
            job_done = store.mark_job_finished(conn, claim.job_id)
        _security_event(rt, claim, state, status)
    metrics.ITEMS_FINISHED.labels(status=status).inc()
    usd = sum(c.usd for c in state.calls)
    log.info("item finished", extra={"status": status, "stage": state.stage.value, "usd": usd})
    if job_done:
        after_finish(rt, claim.job_id, job.callback_url)
    return status


def _security_event(rt: Runtime, claim: store.Claim, state: ItemState, status: str) -> None:
    if state.injection is None or not state.injection.detected:
        return
    detail = {"score": state.injection.score, "category": state.injection.category, "status": status}
    with rt.engine.begin() as conn:
        store.add_security_event(conn, claim, kind="prompt_injection", detail=detail)


def _pause(
    rt: Runtime,
    claim: store.Claim,
    state: ItemState,
    exc: DailyLimitReached,
    saved_calls: int,
    saved_stages: int,
    team: str | None,
) -> str:
    metrics.BUDGET_REFUSED.labels(scope=exc.scope).inc()
    with rt.engine.begin() as conn:
        store.add_calls(conn, claim, state.calls[saved_calls:], team=team)
        if not store.pause(
            conn, claim, stage=state.stage.value, state=_state_blob(rt, state), until=next_day_start(), reason=str(exc)
        ):
            raise LeaseLost
        store.add_stage_events(conn, claim, state.stages[saved_stages:])
    log.info("item paused by a daily limit", extra={"scope": exc.scope})
    return "paused_limit"


def _release(rt: Runtime, claim: store.Claim, exc: BaseException, unsaved: list[CallRecord], team: str | None) -> None:
    error = _describe(exc)
    give_up = claim.attempts - claim.attempt_base >= rt.settings.item_max_attempts
    log.warning("item run failed; released", extra={"error": error, "give_up": give_up})
    for attempt in range(3):  # a fresh connection: the one that failed may be dead (pg_terminate_backend)
        try:
            with rt.engine.begin() as conn:
                store.add_calls(conn, claim, unsaved, team=team)
                store.release(conn, claim, error=error, give_up=give_up)
                if give_up:
                    store.mark_job_finished(conn, claim.job_id)
            if give_up:
                metrics.ITEMS_FINISHED.labels(status="failed").inc()
            return
        except Exception as again:  # noqa: BLE001 - the lease expires and the reaper recovers the item
            log.warning("release failed", extra={"error_type": type(again).__name__, "attempt": attempt + 1})
            time.sleep(0.2 * (attempt + 1))


def _give_up(rt: Runtime, claim: store.Claim, error: str) -> str:
    with rt.engine.begin() as conn:
        store.release(conn, claim, error=error[:2000], give_up=True)
        job_done = store.mark_job_finished(conn, claim.job_id)
    metrics.ITEMS_FINISHED.labels(status="failed").inc()
    if job_done:
        after_finish(rt, claim.job_id, rt.job(claim.job_id).callback_url)
    return "failed"


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    text = str(exc).splitlines()[0][:300] if str(exc) else ""
    return f"{name}: {text}" if text else name
