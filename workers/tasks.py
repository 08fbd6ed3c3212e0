"""process_item(item_id): claim, run the pipeline stage by stage, save with compare-and-set, finish once."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from core import ingest
from core.config import Settings
from core.errors import DailyLimitReached
from core.llm.batch_mode import BatchQueued, stage_context
from core.pipeline import advance
from core.types import TERMINAL_STAGES, CallRecord, ItemState, Stage
from observability import metrics, tracing
from observability.logs import log_context, protect
from services.budget import next_day_start
from services.finishing import Finished, stamp_finished
from workers import batches, store
from workers.finish import after_finish, final_values
from workers.runtime import Runtime, ensure_runtime, get_runtime

log = logging.getLogger(__name__)


class LeaseLost(Exception):
    """Another worker (after a timeout) or a cancel took the item; this run stops without writing."""


def process_item(item_id: str) -> str:
    """Run one item to its end (or pause); returns the outcome. Safe to call any number of times."""
    rt = get_runtime()
    token = uuid.uuid4().hex
    with rt.autocommit.connect() as conn:  # one statement: no transaction around it
        claim = store.claim(conn, item_id, token, rt.settings.stuck_after_s)
    if claim is None:
        return "skipped"  # finished, cancelled, paused, or held by a live worker: nothing to do
    with tracing.item_span(item_id), log_context(job_id=claim.job_id, item_id=item_id, worker=rt.name):
        return _run(rt, claim)


class ItemRunner:
    """process_item for a process that is not a worker (the API's synchronous route): `load()` loads this process's
    runtime for the settings (once; the caller does it after the input passed its checks and before its clock
    starts), and a call runs one item."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def load(self) -> None:
        """Load the pipeline for these settings unless this process already has it."""
        ensure_runtime(self.settings)

    def __call__(self, item_id: str) -> str:
        self.load()
        return process_item(item_id)


def item_runner(settings: Settings) -> ItemRunner:
    """The public runner services.sync receives (services never import workers)."""
    return ItemRunner(settings)


def _run(rt: Runtime, claim: store.Claim) -> str:
    cipher = _cipher(rt)
    used = claim.attempts - claim.attempt_base
    if used > rt.settings.item_max_attempts:
        last = cipher.decrypt(claim.error) or "the worker stopped"
        return _give_up(rt, claim, f"gave up after {used - 1} attempts: {last}")
    job = rt.job(claim.job_id)
    if claim.state:
        saved = ItemState.model_validate_json(cipher.decrypt(claim.state) or "")
        state = _with_jd(saved, cipher.decrypt(claim.jd_text))
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
                        state = advance(state, stage_context(state, ctx))
                except DailyLimitReached as exc:
                    return _pause(rt, claim, state, exc, saved_calls, saved_stages, job.team)
                except BatchQueued as queued:  # batch mode: PROCESS's request waits in a provider batch
                    _save(
                        rt, claim, state.model_copy(update={"batch": queued.slot}), saved_calls, saved_stages, job.team
                    )
                    if not batches.park(rt.engine, claim.item_id, claim.token, rt.settings.batch_window_s):
                        raise LeaseLost from None
                    return "batched"
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
    # The JD is stored once per job (job_jds) and comes back with every claim: a saved state leaves it out, or each
    # parked or paused item would hold it twice more (raw and normalised).
    return _cipher(rt).encrypt(state.model_copy(update={"jd_text": "", "jd_clean": None}).model_dump_json()) or ""


def _with_jd(state: ItemState, jd: str | None) -> ItemState:
    """A saved state with its JD put back (INGEST's normalised copy too, once INGEST has run)."""
    if state.jd_text or jd is None:
        return state  # saved with its JD (before it was left out)
    clean = ingest.normalise(jd) if state.stage != Stage.INGEST else None
    return state.model_copy(update={"jd_text": jd, "jd_clean": clean})


def _save(
    rt: Runtime, claim: store.Claim, state: ItemState, saved_calls: int, saved_stages: int, team: str | None
) -> None:
    with rt.engine.begin() as conn:
        # Calls are booked even if the lease was lost: they were paid for (the transaction commits either way).
        store.add_calls(conn, claim, state.calls[saved_calls:], team=team, cipher=_cipher(rt))
        held = store.save(
            conn, claim, stage=state.stage.value, state=_state_blob(rt, state), lease_s=rt.settings.stuck_after_s
        )
        if held:
            store.add_stage_events(conn, claim, state.stages[saved_stages:])
    if not held:
        raise LeaseLost


def _finish(rt: Runtime, claim: store.Claim, state: ItemState, saved_calls: int, saved_stages: int, job: Any) -> str:
    status, values = final_values(state, _cipher(rt))
    # One transaction, on PostgreSQL and SQLite alike: the calls (booked even if the lease was lost), the item's
    # final write and its stage history. The job's stamp follows it.
    with rt.engine.begin() as conn:
        store.add_calls(conn, claim, state.calls[saved_calls:], team=job.team, cipher=_cipher(rt))
        held = store.finish(conn, claim, status=status, stage=state.stage.value, values=values)
        if held:
            store.add_stage_events(conn, claim, state.stages[saved_stages:], outcome=status)
    if not held:
        raise LeaseLost
    stamped = _stamp(rt, claim.job_id)
    _security_event(rt, claim, state, status)
    metrics.ITEMS_FINISHED.labels(status=status).inc()
    usd = sum(c.usd for c in state.calls)
    log.info("item finished", extra={"status": status, "stage": state.stage.value, "usd": usd})
    after_finish(rt, stamped)
    return status


def _stamp(rt: Runtime, job_id: str) -> Finished:
    """Stamp the job finished if no item of it is open, in its own statement after the item's write committed: of
    several items of a job finishing at once, the last to commit then sees the others done (inside the item's
    transaction, PostgreSQL would show each of them the others still running, and the stamp would wait for the
    sweeper)."""
    with rt.autocommit.connect() as conn:
        return stamp_finished(conn, job_id)


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
        store.add_calls(conn, claim, state.calls[saved_calls:], team=team, cipher=_cipher(rt))
        held = store.pause(
            conn,
            claim,
            stage=state.stage.value,
            state=_state_blob(rt, state),
            until=next_day_start(),
            reason=_cipher(rt).encrypt(str(exc)),
        )
        if held:
            store.add_stage_events(conn, claim, state.stages[saved_stages:])
    if not held:
        raise LeaseLost
    log.info("item paused by a daily limit", extra={"scope": exc.scope})
    return "paused_limit"


def _release(rt: Runtime, claim: store.Claim, exc: BaseException, unsaved: list[CallRecord], team: str | None) -> None:
    error = _describe(exc)
    give_up = claim.attempts - claim.attempt_base >= rt.settings.item_max_attempts
    log.warning("item run failed; released", extra={"error": error, "give_up": give_up})
    for attempt in range(3):  # a fresh connection: the one that failed may be dead (pg_terminate_backend)
        try:
            with rt.engine.begin() as conn:
                store.add_calls(conn, claim, unsaved, team=team, cipher=_cipher(rt))
                store.release(conn, claim, error=_cipher(rt).encrypt(error), give_up=give_up)
            stamped = _stamp(rt, claim.job_id) if give_up else []
            if give_up:
                metrics.ITEMS_FINISHED.labels(status="failed").inc()
            after_finish(rt, stamped)  # a job ended by its last item giving up sends its webhook too
            return
        except Exception as again:  # noqa: BLE001 - the lease expires and the reaper recovers the item
            log.warning("release failed", extra={"error_type": type(again).__name__, "attempt": attempt + 1})
            time.sleep(0.2 * (attempt + 1))


def _give_up(rt: Runtime, claim: store.Claim, error: str) -> str:
    with rt.engine.begin() as conn:
        store.release(conn, claim, error=_cipher(rt).encrypt(error[:2000]), give_up=True)
    stamped = _stamp(rt, claim.job_id)
    metrics.ITEMS_FINISHED.labels(status="failed").inc()
    after_finish(rt, stamped)
    return "failed"


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    text = str(exc).splitlines()[0][:300] if str(exc) else ""
    return f"{name}: {text}" if text else name
