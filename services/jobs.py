"""Jobs: submit a batch (all rows checked first), status, list, cancel, retry the failed items."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, insert, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.config import Settings
from core.errors import Conflict, DailyLimitReached, InvalidRows, NotFound
from core.job_name import job_name
from core.statuses import OPEN
from core.types import RewriteOptions
from db.models import Job, JobItem, JobJd, LlmCall, User, utcnow
from db.session import runtime_of
from observability import metrics
from services import audit, budget
from services.batch_progress import batch_progress
from services.dispatch import CollectingQueue, ItemQueue, queue_for, send, send_items
from services.estimate import batch_available, estimate_item_usd
from services.finishing import stamp_finished
from services.intake import PairIn, check_pairs, parse_options, request_hash
from services.principal import Principal, job_visibility, require_scope
from services.progress import status_dict, status_dicts
from services.webhooks import jobs_finished

__all__ = [
    "PairIn",
    "CollectingQueue",
    "send_items",
    "submit_job",
    "job_status",
    "list_jobs",
    "cancel_job",
    "retry_failed",
    "visible_job",
]

log = logging.getLogger(__name__)


def new_id() -> str:
    """A random 32-hex id for items (and the job id's source)."""
    return uuid.uuid4().hex


def visible_job(s: Session, principal: Principal, job_id: str) -> Job:
    """The job if the principal may see it, else NotFound (never 403: existence is not disclosed)."""
    job = s.scalar(select(Job).where(Job.id == str(job_id), job_visibility(principal)))
    if job is None:
        raise NotFound(f"no job {job_id}")
    return job


def _idempotent_reply(s: Session, principal: Principal, key: str, digest: str) -> dict[str, Any] | None:
    """The reply for the owner's earlier job under this Idempotency-Key (Conflict for another body), else None."""
    existing = s.scalar(select(Job).where(Job.owner_id == principal.user_id, Job.idempotency_key == key))
    if existing is None:
        return None
    if existing.request_hash != digest:
        raise Conflict("this Idempotency-Key was already used for a different request")
    return {"job_id": existing.id, "items": existing.total, "estimated_cost": existing.estimated_usd, "duplicate": True}


def submit_job(
    s: Session,
    *,
    principal: Principal,
    pairs: Any,
    options: RewriteOptions | dict[str, Any] | None = None,
    source: str = "ui",
    idempotency_key: str | None = None,
    callback_url: str | None = None,
    queue: ItemQueue | None = None,
    file_name: str | None = None,
) -> dict[str, Any]:
    """Check every pair, estimate and check the cost, save the job and its items, commit, then enqueue.

    The job is named after its JD's title (`file_name`, the uploaded file, when given; see core.job_name).

    Raises InvalidRows (every bad row, nothing saved), DailyLimitReached, or Conflict (idempotency key reused
    for a different request). The session is committed here so workers can see the items before they get them.
    """
    require_scope(principal, "jobs:write")
    rt = runtime_of(s)
    settings, cipher = rt.settings, rt.cipher
    opts = parse_options(options)
    good, errors = check_pairs(pairs, settings)
    if errors:
        raise InvalidRows(errors)
    digest = request_hash(good, opts)
    if idempotency_key:
        earlier = _idempotent_reply(s, principal, idempotency_key, digest)
        if earlier is not None:
            return earlier
    live, batch = _estimates(settings, good)
    estimate = batch if (opts.batch and batch is not None) else live
    if estimate > 0:
        try:
            budget.check(s, settings, user_id=principal.user_id, key_id=principal.api_key_id, estimated_usd=estimate)
        except DailyLimitReached as exc:
            metrics.BUDGET_REFUSED.labels(scope=exc.scope).inc()
            raise
    team = s.scalar(select(User.team).where(User.id == principal.user_id))
    job = Job(
        id=str(uuid.uuid4()),
        owner_id=principal.user_id,
        api_key_id=principal.api_key_id,
        team=team,
        source=source,
        name=job_name((p.jd for p in good), file_name),
        options=opts.model_dump(),
        total=len(good),
        estimated_usd=estimate,
        idempotency_key=idempotency_key,
        request_hash=digest,
        callback_url=callback_url,
    )
    try:
        # A savepoint, so losing the race below undoes only this insert, not the caller's transaction.
        with s.begin_nested():
            s.add(job)
            s.flush()
    except IntegrityError:
        # Two posts with one Idempotency-Key at the same moment: PostgreSQL holds this insert until the
        # other commits, then refuses it on uq_jobs_owner_idem; answer with the job that won.
        earlier = _idempotent_reply(s, principal, idempotency_key, digest) if idempotency_key else None
        if earlier is None:
            raise
        return earlier
    now = utcnow()
    rows = [
        {
            "id": new_id(),
            "job_id": job.id,
            "seq": i,
            "ref": cipher.encrypt(p.ref),
            "owner_id": principal.user_id,
            "api_key_id": principal.api_key_id,
            "resume_text": cipher.encrypt(p.resume),
            "jd_text": None,  # in job_jds, once per job
            "jd_hash": p.jd_hash,
            "stage": "INGEST",
            "status": "queued",
            "attempts": 0,
            "attempt_base": 0,
            "cost_usd": 0.0,
            "created_at": now,
            "updated_at": now,
        }
        for i, p in enumerate(good)
    ]
    # One stored JD per distinct JD of the job: a shared JD costs its size once, not once per item.
    jds = {p.jd_hash: p.jd for p in reversed(good)}  # the first raw text of each normalised JD
    s.execute(insert(JobJd), [{"job_id": job.id, "jd_hash": h, "text": cipher.encrypt(jd)} for h, jd in jds.items()])
    s.execute(insert(JobItem), rows)
    audit.record(
        s,
        actor=principal.username,
        action="job.submit",
        target=job.id,
        detail={"items": len(rows), "source": source, "estimated_usd": estimate},
    )
    s.commit()
    metrics.JOBS_SUBMITTED.labels(source=source).inc()
    metrics.ITEMS_SUBMITTED.labels(source=source).inc(len(rows))
    send(queue or queue_for(settings), [r["id"] for r in rows])
    return {
        "job_id": job.id,
        "items": len(rows),
        "estimated_cost": estimate,
        "estimated_cost_live": live,
        "estimated_cost_batch": batch,
    }


def _estimates(settings: Settings, good: Sequence[Any]) -> tuple[float, float | None]:
    """The job's estimate with live calls, and through the provider's batch API (None when it has none)."""
    live = round(sum(estimate_item_usd(settings, resume=p.resume, jd=p.jd, bullets=p.bullets) for p in good), 6)
    if not batch_available(settings):
        return live, None
    batch = sum(estimate_item_usd(settings, resume=p.resume, jd=p.jd, bullets=p.bullets, batch=True) for p in good)
    return live, round(batch, 6)


_GROUPS = (
    select(JobItem.status, JobItem.stage, func.count().label("n"))
    .where(JobItem.job_id == bindparam("job_id"))
    .group_by(JobItem.status, JobItem.stage)
    .subquery()
)
_STATUS_STMT = (
    select(
        Job,
        _GROUPS.c.status,
        _GROUPS.c.stage,
        _GROUPS.c.n,
        select(func.coalesce(func.sum(LlmCall.usd), 0.0)).where(LlmCall.job_id == Job.id).scalar_subquery(),
    )
    .outerjoin(_GROUPS, true())
    .where(Job.id == bindparam("job_id"))
)


def job_status(s: Session, *, principal: Principal, job_id: str) -> dict[str, Any]:
    """The CONTRACTS status dict of a visible job."""
    require_scope(principal, "jobs:read")
    # One statement (the API's status route is polled hard), built once: the visible job, one row per
    # (status, stage) group of its items, and its LLM cost; no row at all when the job is missing or not visible.
    rows = s.execute(_STATUS_STMT.where(job_visibility(principal)), {"job_id": str(job_id)}).all()
    if not rows:
        raise NotFound(f"no job {job_id}")
    counts: dict[str, int] = {}
    stages: dict[str, int] = {}
    for _job, status, stage, n, _cost in rows:
        if status is not None:  # a job without items has one row of NULLs from the outer join
            counts[status] = counts.get(status, 0) + n
            stages[stage] = stages.get(stage, 0) + n
    out = status_dict(rows[0][0], counts, stages, float(rows[0][4]))
    if (rows[0][0].options or {}).get("batch"):
        out["batch"] = batch_progress(s, str(job_id))  # the provider batches' progress while they run
    return out


def list_jobs(s: Session, *, principal: Principal, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """The principal's visible jobs, newest first, as status dicts with created_at, source and owner."""
    require_scope(principal, "jobs:read")
    rows = s.execute(
        select(Job, User.username)
        .join(User, User.id == Job.owner_id)
        .where(job_visibility(principal))
        .order_by(Job.created_at.desc(), Job.id)
        .limit(limit)
        .offset(offset)
    ).all()
    owners = {job.id: name for job, name in rows}
    out = status_dicts(s, [job for job, _ in rows])
    for d in out:
        d["owner"] = owners[d["job_id"]]
    return out


def cancel_job(s: Session, *, principal: Principal, job_id: str) -> dict[str, Any]:
    """Cancel every unfinished item (a running one stops at its next save); returns the status."""
    require_scope(principal, "jobs:write")
    job = visible_job(s, principal, job_id)
    now = utcnow()
    if job.cancelled_at is None:
        job.cancelled_at = now
    s.execute(
        update(JobItem)
        .where(JobItem.job_id == job.id, JobItem.status.in_(OPEN))
        .values(status="cancelled", lease_token=None, updated_at=now, finished_at=now, state=None)
    )
    stamped = stamp_finished(s, job.id)  # every item is closed now: the job is finished, by the one rule
    audit.record(s, actor=principal.username, action="job.cancel", target=job.id)
    s.commit()
    s.refresh(job)
    rt = runtime_of(s)
    jobs_finished(rt.settings, s.get_bind(), stamped)  # its webhook, like a job whose last item ended
    return status_dicts(s, [job])[0]


def retry_failed(s: Session, *, principal: Principal, job_id: str, queue: ItemQueue | None = None) -> dict[str, Any]:
    """Queue the failed items of a job again from the start (quarantined and cancelled items stay)."""
    require_scope(principal, "jobs:write")
    job = visible_job(s, principal, job_id)
    ids = list(s.scalars(select(JobItem.id).where(JobItem.job_id == job.id, JobItem.status == "failed")))
    if ids:
        s.execute(
            update(JobItem)
            .where(JobItem.id.in_(ids), JobItem.status == "failed")
            .values(
                status="queued",
                stage="INGEST",
                attempt_base=JobItem.attempts,
                error=None,
                state=None,
                result=None,
                lease_token=None,
                finished_at=None,
                updated_at=utcnow(),
            )
        )
        job.finished_at = None
        job.cancelled_at = None
    audit.record(s, actor=principal.username, action="job.retry_failed", target=job.id, detail={"items": len(ids)})
    s.commit()
    if ids:
        send(queue or queue_for(runtime_of(s).settings), ids)
    return status_dicts(s, [job])[0]
