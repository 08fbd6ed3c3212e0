"""The item's row as a compare-and-set record: claim with a lease token, save, finish, pause, release."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, exists, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from core.types import CallRecord, StageRecord
from db.models import Job, JobItem, LlmCall, SecurityEvent, StageEvent, utcnow

OPEN = ("queued", "running", "paused_limit")


@dataclass(frozen=True)
class Claim:
    """An item this worker now holds: the lease token must match on every later write."""

    item_id: str
    token: str
    job_id: str
    attempts: int
    attempt_base: int
    owner_id: int
    api_key_id: int | None
    stage: str
    state: str | None
    resume_text: str | None
    jd_text: str | None
    error: str | None


def claimable(now: datetime):  # type: ignore[no-untyped-def]
    """Rows a worker may claim: queued, or running with an expired lease (its worker died)."""
    return or_(JobItem.status == "queued", and_(JobItem.status == "running", JobItem.lease_until < now))


# Built once: the claim runs for every item, and building the statement costs more than sending it.
_CLAIM = (
    update(JobItem)
    .where(
        JobItem.id == bindparam("item_id"),
        or_(
            JobItem.status == "queued",
            and_(JobItem.status == "running", JobItem.lease_until < bindparam("now")),
        ),
    )
    .values(
        status="running",
        attempts=JobItem.attempts + 1,
        lease_token=bindparam("token"),
        lease_until=bindparam("until"),
        updated_at=bindparam("now"),
    )
    .returning(
        JobItem.job_id,
        JobItem.attempts,
        JobItem.attempt_base,
        JobItem.owner_id,
        JobItem.api_key_id,
        JobItem.stage,
        JobItem.state,
        JobItem.resume_text,
        JobItem.jd_text,
        JobItem.error,
    )
)


def claim(conn: Connection, item_id: str, token: str, lease_s: float) -> Claim | None:
    """Take the item if it is claimable (one UPDATE … RETURNING); None when another worker has it or it is done."""
    now = utcnow()
    params = {"item_id": item_id, "now": now, "token": token, "until": now + timedelta(seconds=lease_s)}
    row = conn.execute(_CLAIM, params).first()
    if row is None:
        return None
    return Claim(item_id, token, *row)


def _held(item_id: str, token: str):  # type: ignore[no-untyped-def]
    return and_(JobItem.id == item_id, JobItem.lease_token == token, JobItem.status == "running")


def save(conn: Connection, claim_: Claim, *, stage: str, state: str, lease_s: float) -> bool:
    """Save progress between stages and extend the lease; False when the lease was lost (stop at once)."""
    now = utcnow()
    result = conn.execute(
        update(JobItem)
        .where(_held(claim_.item_id, claim_.token))
        .values(stage=stage, state=state, lease_until=now + timedelta(seconds=lease_s), updated_at=now)
    )
    return result.rowcount == 1


def finish(conn: Connection, claim_: Claim, *, status: str, stage: str, values: dict[str, Any]) -> bool:
    """Write the final status once (CAS on the lease); False when another worker or a cancel got there first."""
    now = utcnow()
    result = conn.execute(
        update(JobItem)
        .where(_held(claim_.item_id, claim_.token))
        .values(
            status=status,
            stage=stage,
            state=None,
            lease_token=None,
            lease_until=None,
            updated_at=now,
            finished_at=now,
            **values,
        )
    )
    return result.rowcount == 1


def mark_job_finished(conn: Connection, job_id: str) -> bool:
    """Stamp the job finished when no item is open; True for the one caller that stamped it."""
    now = utcnow()
    still_open = exists().where(JobItem.job_id == job_id, JobItem.status.in_(OPEN))
    result = conn.execute(
        update(Job).where(Job.id == job_id, Job.finished_at.is_(None), ~still_open).values(finished_at=now)
    )
    return result.rowcount == 1


def pause(conn: Connection, claim_: Claim, *, stage: str, state: str, until: datetime, reason: str) -> bool:
    """Park the item as paused_limit with its progress saved, to resume at `until` or when a limit is raised."""
    result = conn.execute(
        update(JobItem)
        .where(_held(claim_.item_id, claim_.token))
        .values(
            status="paused_limit",
            stage=stage,
            state=state,
            paused_until=until,
            error=reason,
            lease_token=None,
            lease_until=None,
            updated_at=utcnow(),
        )
    )
    return result.rowcount == 1


def release(conn: Connection, claim_: Claim, *, error: str, give_up: bool) -> bool:
    """After an unexpected error: back to queued for a retry (progress kept), or FAILED when out of attempts."""
    now = utcnow()
    values: dict[str, Any] = {"error": error, "lease_token": None, "lease_until": None, "updated_at": now}
    if give_up:
        values.update(status="failed", stage="FAILED", state=None, finished_at=now)
    else:
        values.update(status="queued")
    return conn.execute(update(JobItem).where(_held(claim_.item_id, claim_.token)).values(**values)).rowcount == 1


def add_stage_events(
    conn: Connection, claim_: Claim, records: Sequence[StageRecord], outcome: str | None = None
) -> None:
    """The stage history of this save in one multi-row INSERT."""
    if not records:
        return
    now = utcnow()
    rows = [
        {
            "item_id": claim_.item_id,
            "job_id": claim_.job_id,
            "stage": r.stage.value,
            "attempt": claim_.attempts,
            "ms": r.ms,
            "outcome": outcome if (outcome and i == len(records) - 1) else ("ok" if r.ok else "failed"),
            "at": now,
        }
        for i, r in enumerate(records)
    ]
    conn.execute(insert(StageEvent), rows)


def call_fields(claim_: Claim, call: CallRecord, index: int) -> dict[str, Any]:
    """The ledger columns one call record fills (shared with the PostgreSQL fast path)."""
    return {
        "call_key": call.call_key or f"{claim_.item_id}:{call.purpose}:{claim_.attempts}:{index}",
        "provider": call.provider,
        "model": call.model,
        "purpose": call.purpose,
        "input_tokens": call.input_tokens,
        "output_tokens": call.output_tokens,
        "usd": call.usd,
        "latency_ms": call.latency_ms,
        "ok": call.ok,
        "error": (call.error or None) and call.error[:500],
        "cached": call.cached,
    }


def add_calls(conn: Connection, claim_: Claim, calls: Sequence[CallRecord], *, team: str | None) -> None:
    """Ledger rows for these calls; a call_key already booked is skipped (INSERT … ON CONFLICT DO NOTHING)."""
    if not calls:
        return
    day, now = utcnow().date(), utcnow()
    owner = {
        "item_id": claim_.item_id,
        "job_id": claim_.job_id,
        "user_id": claim_.owner_id,
        "api_key_id": claim_.api_key_id,
        "team": team,
        "day": day,
        "created_at": now,
    }
    rows = [{**call_fields(claim_, c, i), **owner} for i, c in enumerate(calls)]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(LlmCall).on_conflict_do_nothing(index_elements=["call_key"]), rows)


def candidates(conn: Connection, limit: int) -> list[str]:
    """Ids a polling worker may try to claim, oldest first."""
    now = utcnow()
    q = select(JobItem.id).where(claimable(now)).order_by(JobItem.created_at, JobItem.seq).limit(limit)
    return list(conn.scalars(q))


def add_security_event(conn: Connection, claim_: Claim, *, kind: str, detail: dict[str, Any]) -> None:
    """A security event about this item (scores and categories only, never its text)."""
    conn.execute(
        insert(SecurityEvent).values(
            kind=kind, severity="high", job_id=claim_.job_id, item_id=claim_.item_id, detail=detail, at=utcnow()
        )
    )
