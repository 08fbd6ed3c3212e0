"""Quarantine: items held back as prompt injection, shown with the flagged sentence in context, released to the
offline engine or rejected with a reason; every decision audited (who, when).

Self-contained on purpose: it reads and writes job_items through the models, enqueues through services.dispatch and
records through services.audit, so a change of layering elsewhere does not reach into it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.errors import Conflict, InputError, NotFound
from core.types import ItemState, RewriteOptions
from db.models import AuditLog, Job, JobItem, JobJd, utcnow
from db.session import runtime_of
from services import audit
from services.dispatch import ItemQueue, queue_for, send
from services.jobs import visible_job
from services.principal import Principal, require_scope

CONTEXT_CHARS = 160  # shown on each side of the flagged text
MAX_REASON = 500
_ACTIONS = {"item.release": "released", "item.reject": "rejected"}  # the audit log is where decisions live


def _item(s: Session, principal: Principal, job_id: str, item_id: str) -> tuple[Job, JobItem]:
    job = visible_job(s, principal, job_id)
    item = s.scalar(select(JobItem).where(JobItem.job_id == job.id, JobItem.id == str(item_id)))
    if item is None:
        raise NotFound(f"no item {item_id} in job {job_id}")
    return job, item


def in_context(text: str, quote: str, where: str) -> dict[str, Any] | None:
    """The quote located in text with up to CONTEXT_CHARS before and after it (cut at line starts/ends if near)."""
    at = text.find(quote) if quote else -1
    if at < 0:
        return None
    end = at + len(quote)
    start = max(0, at - CONTEXT_CHARS)
    stop = min(len(text), end + CONTEXT_CHARS)
    before, after = text[start:at], text[end:stop]
    return {
        "where": where,
        "span": [at, end],
        "before": ("…" if start > 0 else "") + before,
        "text": quote,
        "after": after + ("…" if stop < len(text) else ""),
    }


def _decision(s: Session, item_id: str) -> dict[str, Any] | None:
    """The last release or reject of the item, from the audit log (who, when, why)."""
    row = s.scalar(
        select(AuditLog)
        .where(AuditLog.target == item_id, AuditLog.action.in_(tuple(_ACTIONS)))
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    found = {"decision": _ACTIONS[row.action], "by": row.actor or "", "at": row.at.isoformat(timespec="seconds")}
    reason = (row.detail or {}).get("reason")
    if reason:
        found["reason"] = reason
    return found


def _jd_text(s: Session, item: JobItem) -> str:
    """The item's JD: stored once per job in job_jds (items from before hold their own copy)."""
    cipher = runtime_of(s).cipher
    if item.jd_text:
        return cipher.decrypt(item.jd_text) or ""
    stored = s.scalar(select(JobJd.text).where(JobJd.job_id == item.job_id, JobJd.jd_hash == item.jd_hash))
    return (cipher.decrypt(stored) or "") if stored else ""


def describe(s: Session, item: JobItem) -> dict[str, Any]:
    """One quarantined (or released, or rejected) item: its verdict, each flagged text in context, the decision."""
    cipher = runtime_of(s).cipher
    result = json.loads(cipher.decrypt(item.result) or "{}") if item.result else {}
    verdict = result.get("injection") or {}
    texts = {"resume": cipher.decrypt(item.resume_text) or "", "jd": _jd_text(s, item)}
    flagged = []
    for evidence in verdict.get("evidence") or []:
        quote = str(evidence.get("text") or "")
        found = in_context(texts["resume"], quote, "resume") or in_context(texts["jd"], quote, "jd")
        if found is not None:
            flagged.append(found)
    return {
        "item_id": item.id,
        "ref": cipher.decrypt(item.ref),
        "status": item.status,
        "error": cipher.decrypt(item.error),
        "category": verdict.get("category"),
        "score": verdict.get("score"),
        "flagged": flagged,
        "decision": _decision(s, item.id),
    }


def quarantined_item(s: Session, *, principal: Principal, job_id: str, item_id: str) -> dict[str, Any]:
    """One item of the job as describe() shows it (any status: a released item shows its decision too)."""
    require_scope(principal, "jobs:read")
    _job, item = _item(s, principal, job_id, item_id)
    return describe(s, item)


def quarantined(s: Session, *, principal: Principal, job_id: str) -> list[dict[str, Any]]:
    """Every item of the job held back as prompt injection, with any decision already taken on it."""
    require_scope(principal, "jobs:read")
    job = visible_job(s, principal, job_id)
    items = s.scalars(
        select(JobItem).where(JobItem.job_id == job.id, JobItem.status == "quarantined").order_by(JobItem.seq)
    )
    return [describe(s, item) for item in items]


def _undecided(s: Session, item: JobItem) -> None:
    if item.status != "quarantined":
        raise Conflict(f"item {item.id} is {item.status}, not quarantined")
    decided = _decision(s, item.id)
    if decided is not None and decided["decision"] == "rejected":
        raise Conflict(f"item {item.id} was already rejected")


def release(
    s: Session, *, principal: Principal, job_id: str, item_id: str, queue: ItemQueue | None = None
) -> dict[str, Any]:
    """Queue a quarantined item again, for the offline engine only (no text of it reaches an external model)."""
    require_scope(principal, "jobs:write")
    job, item = _item(s, principal, job_id, item_id)
    _undecided(s, item)
    cipher = runtime_of(s).cipher
    # The saved state starts at INGEST with offline_only set: the pipeline keeps that item off every external model
    # even though the detector flags it again, and the item is not quarantined a second time.
    state = ItemState(
        item_id=item.id,
        resume_text=cipher.decrypt(item.resume_text) or "",
        jd_text="",  # left out like every saved state: the claim brings the job's JD back (workers/tasks.py)
        options=RewriteOptions.model_validate(job.options or {}),
        offline_only=True,
    )
    changed = s.scalar(
        update(JobItem)
        .where(JobItem.id == item.id, JobItem.status == "quarantined")
        .values(
            status="queued",
            stage="INGEST",
            attempt_base=JobItem.attempts,
            error=None,
            result=None,
            state=cipher.encrypt(state.model_dump_json()),
            lease_token=None,
            finished_at=None,
            updated_at=utcnow(),
        )
        .returning(JobItem.id)
        .execution_options(synchronize_session=False)
    )
    if changed is None:
        raise Conflict(f"item {item.id} changed while it was being released; reload it")
    job.finished_at = None
    audit.record(s, actor=principal.username, action="item.release", target=item.id, detail={"job": job.id})
    s.commit()
    send(queue or queue_for(runtime_of(s).settings), [item.id])
    return {"item_id": item.id, "status": "queued", "decision": _decision(s, item.id)}


def reject(s: Session, *, principal: Principal, job_id: str, item_id: str, reason: str) -> dict[str, Any]:
    """Close a quarantined item as rejected, with the reviewer's reason; it stays out of every result."""
    require_scope(principal, "jobs:write")
    reason = " ".join((reason or "").split())
    if not reason:
        raise InputError("a rejection needs a reason")
    if len(reason) > MAX_REASON:
        raise InputError(f"the reason is longer than {MAX_REASON} characters")
    job, item = _item(s, principal, job_id, item_id)
    _undecided(s, item)
    item.error = runtime_of(s).cipher.encrypt(f"rejected by {principal.username}: {reason}")  # texts at rest
    item.updated_at = utcnow()
    detail = {"job": job.id, "reason": reason}
    audit.record(s, actor=principal.username, action="item.reject", target=item.id, detail=detail)
    s.commit()
    return {"item_id": item.id, "status": item.status, "decision": _decision(s, item.id)}
