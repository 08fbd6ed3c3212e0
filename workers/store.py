"""The item's row as a compare-and-set record: claim with a lease token, save, finish, pause, release.

The one store of both databases: every statement here runs on PostgreSQL and SQLite alike, through the worker's
SQLAlchemy engine, in the same transactions (tasks.py: the claim alone in autocommit; each save, pause, release and
finish one transaction with its ledger rows and stage history, the finish with the job's stamp). The statements are
built once, so each is the same SQL text every time: on PostgreSQL psycopg prepares a statement server-side after a
connection has sent it a few times (its `prepare_threshold`), which is the fast path. What differs by database is
the spelling of INSERT … ON CONFLICT DO NOTHING (`_INSERT_CALLS`), nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, literal_column, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from core.types import CallRecord, StageRecord
from db.crypto import Cipher
from db.models import CALL_ERROR_CHARS, JobItem, JobJd, LlmCall, SecurityEvent, StageEvent, utcnow


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


# The item's JD: stored once per job in job_jds (items from before hold their own copy). The outer columns are
# spelled out: SQLite's RETURNING is compiled without table names, which would make the subquery compare job_jds
# with itself.
_JOB_JD = (
    select(JobJd.text)
    .where(JobJd.job_id == literal_column("job_items.job_id"), JobJd.jd_hash == literal_column("job_items.jd_hash"))
    .scalar_subquery()
)

# Built once: the claim runs for every item, and building the statement costs more than sending it.
_CLAIM = (
    update(JobItem)
    .where(JobItem.id == bindparam("item_id"), claimable(bindparam("now")))
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
        func.coalesce(JobItem.jd_text, _JOB_JD),
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


# The columns a finished item writes besides its status (workers/finish.final_values gives them).
FINAL_COLUMNS = ("result", "error", "score_before", "score_after", "signals_cached", "cost_usd")

# The item is still this claim's: the compare-and-set behind every write after the claim.
_HELD = and_(JobItem.id == bindparam("item_id"), JobItem.lease_token == bindparam("token"), JobItem.status == "running")

_SAVE = (
    update(JobItem)
    .where(_HELD)
    .values(
        stage=bindparam("stage"), state=bindparam("state"), lease_until=bindparam("until"), updated_at=bindparam("now")
    )
)

_FINISH = (
    update(JobItem)
    .where(_HELD)
    .values(
        status=bindparam("status"),
        stage=bindparam("stage"),
        state=None,
        lease_token=None,
        lease_until=None,
        updated_at=bindparam("now"),
        finished_at=bindparam("now"),
        **{c: bindparam(f"v_{c}") for c in FINAL_COLUMNS},
    )
)


def _holder(claim_: Claim) -> dict[str, str]:
    return {"item_id": claim_.item_id, "token": claim_.token}


def save(conn: Connection, claim_: Claim, *, stage: str, state: str, lease_s: float) -> bool:
    """Save progress between stages and extend the lease; False when the lease was lost (stop at once)."""
    now = utcnow()
    params = {**_holder(claim_), "stage": stage, "state": state, "now": now, "until": now + timedelta(seconds=lease_s)}
    return conn.execute(_SAVE, params).rowcount == 1


def finish(conn: Connection, claim_: Claim, *, status: str, stage: str, values: dict[str, Any]) -> bool:
    """Write the final status and FINAL_COLUMNS once (CAS on the lease); False when another worker or a cancel got
    there first."""
    params = {**_holder(claim_), "status": status, "stage": stage, "now": utcnow()}
    params.update({f"v_{c}": values[c] for c in FINAL_COLUMNS})
    return conn.execute(_FINISH, params).rowcount == 1


def pause(conn: Connection, claim_: Claim, *, stage: str, state: str, until: datetime, reason: str) -> bool:
    """Park the item as paused_limit with its progress saved, to resume at `until` or when a limit is raised."""
    values = {"stage": stage, "state": state, "paused_until": until, "error": reason, "updated_at": utcnow()}
    stmt = update(JobItem).where(_HELD).values(status="paused_limit", lease_token=None, lease_until=None, **values)
    return conn.execute(stmt, _holder(claim_)).rowcount == 1


def release(conn: Connection, claim_: Claim, *, error: str, give_up: bool) -> bool:
    """After an unexpected error: back to queued for a retry (progress kept), or FAILED when out of attempts."""
    now = utcnow()
    values: dict[str, Any] = {"error": error, "lease_token": None, "lease_until": None, "updated_at": now}
    if give_up:
        values.update(status="failed", stage="FAILED", state=None, finished_at=now)
    else:
        values.update(status="queued")
    return conn.execute(update(JobItem).where(_HELD).values(**values), _holder(claim_)).rowcount == 1


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
    conn.execute(insert(StageEvent).values(rows))  # one statement (not executemany): one round trip


def call_fields(claim_: Claim, call: CallRecord, index: int, cipher: Cipher) -> dict[str, Any]:
    """The ledger columns one call record fills."""
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
        # Encrypted like the texts (a provider's error may quote the request back), cut to fit its column.
        "error": cipher.encrypt_to_fit(call.error or None, CALL_ERROR_CHARS),
        "cached": call.cached,
    }


# INSERT … ON CONFLICT (call_key) DO NOTHING, the one statement spelled per database.
_INSERT_CALLS = {
    name: dialect.insert(LlmCall).on_conflict_do_nothing(index_elements=["call_key"])
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}


def add_calls(
    conn: Connection, claim_: Claim, calls: Sequence[CallRecord], *, team: str | None, cipher: Cipher
) -> None:
    """Ledger rows for these calls; a call_key already booked is skipped (INSERT … ON CONFLICT DO NOTHING)."""
    if not calls:
        return
    now = utcnow()
    owner = {
        "item_id": claim_.item_id,
        "job_id": claim_.job_id,
        "user_id": claim_.owner_id,
        "api_key_id": claim_.api_key_id,
        "team": team,
        "day": now.date(),
        "created_at": now,
    }
    rows = [{**call_fields(claim_, c, i, cipher), **owner} for i, c in enumerate(calls)]
    conn.execute(_INSERT_CALLS[conn.dialect.name].values(rows))  # one statement, no RETURNING


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
