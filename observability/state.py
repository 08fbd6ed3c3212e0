"""Cluster-wide gauges read from the database at scrape time: jobs/items by state, queue depth, spend.

Counters live in each process; these facts live in the database (the source of truth that every
worker on every machine writes), so the API's GET /metrics refreshes them just before rendering:

    from observability.state import render_metrics
    body, content_type = render_metrics(settings)

Queries are aggregates over indexed columns, cached for MIN_INTERVAL_S so a burst of scrapes
costs one round of queries.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from observability import metrics

ITEM_STATUSES = ("queued", "running", "paused_limit", "completed", "failed", "quarantined", "cancelled")
JOB_STATUSES = ("queued", "running", "completed", "partially_failed", "failed", "cancelled")
OPEN_STATUSES = ("queued", "running", "paused_limit")
STAGES = ("INGEST", "EXTRACT_SIGNALS", "PROCESS", "VALIDATE", "OUTPUT")
JOB_WINDOW = timedelta(days=7)  # jobs by status counts recent jobs only: old ones never change
RECENT = timedelta(minutes=15)
MIN_INTERVAL_S = 5.0

log = logging.getLogger(__name__)
_lock = threading.Lock()
_last_refresh = 0.0


def job_status(counts: dict[str, int], cancelled: bool) -> str:
    """A job's status from its items' statuses (the CONTRACTS rules)."""
    if cancelled:
        return "cancelled"
    open_items = sum(counts.get(s, 0) for s in OPEN_STATUSES)
    if open_items:
        untouched = counts.get("queued", 0) == sum(counts.values())
        return "queued" if untouched else "running"
    done = counts.get("completed", 0)
    bad = counts.get("failed", 0) + counts.get("quarantined", 0)
    if bad == 0 and done:
        return "completed"
    return "partially_failed" if done else "failed"


def snapshot(session: Session, settings: Any, *, now: datetime | None = None) -> dict[str, Any]:
    """Read the state facts from the database (no side effects)."""
    from db.models import DailyLimit, Job, JobItem, LlmCall

    now = now or datetime.now(UTC)
    items = dict(session.execute(select(JobItem.status, func.count()).group_by(JobItem.status)).all())
    stages = dict(
        session.execute(
            select(JobItem.stage, func.count()).where(JobItem.status.in_(OPEN_STATUSES)).group_by(JobItem.stage)
        ).all()
    )
    per_job: dict[str, Counter[str]] = defaultdict(Counter)
    cancelled: dict[str, bool] = {}
    rows = session.execute(
        select(Job.id, Job.cancelled_at, JobItem.status, func.count())
        .join(JobItem, JobItem.job_id == Job.id)
        .where(Job.created_at >= now - JOB_WINDOW)
        .group_by(Job.id, Job.cancelled_at, JobItem.status)
    ).all()
    for job_id, cancelled_at, status, n in rows:
        per_job[job_id][status] += n
        cancelled[job_id] = cancelled_at is not None
    jobs = Counter(job_status(dict(c), cancelled[j]) for j, c in per_job.items())
    oldest = session.execute(select(func.min(JobItem.created_at)).where(JobItem.status == "queued")).scalar()
    finished = session.execute(select(func.count()).where(JobItem.finished_at >= now - RECENT)).scalar_one()
    failed = session.execute(
        select(func.count()).where(JobItem.finished_at >= now - RECENT, JobItem.status.in_(("failed", "quarantined")))
    ).scalar_one()
    spent = session.execute(select(func.coalesce(func.sum(LlmCall.usd), 0.0)).where(LlmCall.day == now.date())).scalar()
    limit_row = session.get(DailyLimit, "global")
    return {
        "items": items,
        "stages": stages,
        "jobs": dict(jobs),
        "queued": int(items.get("queued", 0)),
        "oldest_queued_s": _age(oldest, now),
        "finished_recent": int(finished),
        "failed_recent": int(failed),
        "spent_today": float(spent or 0.0),
        "daily_limit": float(limit_row.limit_usd if limit_row else settings.daily_limit_usd),
    }


def _age(then: datetime | None, now: datetime) -> float:
    if then is None:
        return 0.0
    if then.tzinfo is None:  # SQLite returns naive datetimes (stored as UTC)
        then = then.replace(tzinfo=UTC)
    return max(0.0, (now - then).total_seconds())


def publish(snap: dict[str, Any], *, queue: str = "ats") -> None:
    """Set the state gauges from a snapshot."""
    metrics.set_labelled(metrics.ITEMS_BY_STATUS, "status", snap["items"], known=ITEM_STATUSES)
    metrics.set_labelled(metrics.ITEMS_BY_STAGE, "stage", snap["stages"], known=STAGES)
    metrics.set_labelled(metrics.JOBS_BY_STATUS, "status", snap["jobs"], known=JOB_STATUSES)
    metrics.QUEUE_DEPTH.labels(queue=queue).set(snap["queued"])
    metrics.OLDEST_QUEUED_AGE.set(snap["oldest_queued_s"])
    metrics.ITEMS_COMPLETED_RECENT.set(snap["finished_recent"])
    metrics.ITEMS_FAILED_RECENT.set(snap["failed_recent"])
    metrics.SPEND_TODAY.set(snap["spent_today"])
    metrics.DAILY_LIMIT.set(snap["daily_limit"])


def refresh_state(settings: Any, *, force: bool = False) -> bool:
    """Refresh the state gauges from the database at most every MIN_INTERVAL_S; True when refreshed."""
    global _last_refresh
    from db.session import session_scope

    with _lock:
        if not force and time.monotonic() - _last_refresh < MIN_INTERVAL_S:
            return False
        try:
            with session_scope(settings) as session:
                publish(snapshot(session, settings), queue=getattr(settings, "queue_name", "ats"))
        except SQLAlchemyError as exc:
            # A scrape must still answer: the gauges keep their last values and the failure is counted.
            metrics.STATE_ERRORS.inc()
            log.warning("metrics state refresh failed", extra={"error_type": type(exc).__name__})
            return False
        _last_refresh = time.monotonic()
        return True


def render_metrics(settings: Any) -> tuple[bytes, str]:
    """Refresh the state gauges, then render the whole registry (what GET /metrics returns)."""
    refresh_state(settings)
    return metrics.render()
