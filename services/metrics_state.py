"""Cluster-wide gauges read from the database at scrape time: jobs/items by state, queue depth, spend.

Counters live in each process; these facts live in the database (the source of truth that every worker on every
machine writes), so the API's GET /metrics refreshes them just before rendering. A job's status here is the API's
(`core.statuses.derive_status`), never a second copy of the rule. Queries are aggregates over indexed columns,
cached for MIN_INTERVAL_S so a burst of scrapes costs one round of queries.
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

from core.config import Settings
from core.statuses import FAILED, OPEN, derive_status
from db.models import DailyLimit, Job, JobItem, LlmCall
from db.session import session_scope
from observability import metrics
from observability.state import publish

JOB_WINDOW = timedelta(days=7)  # jobs by status counts recent jobs only: old ones never change
RECENT = timedelta(minutes=15)
MIN_INTERVAL_S = 5.0

log = logging.getLogger(__name__)
_lock = threading.Lock()
_last_refresh = 0.0


def snapshot(session: Session, settings: Settings, *, now: datetime | None = None) -> dict[str, Any]:
    """Read the state facts from the database (no side effects)."""
    now = now or datetime.now(UTC)
    items = dict(session.execute(select(JobItem.status, func.count()).group_by(JobItem.status)).all())
    stages = dict(
        session.execute(
            select(JobItem.stage, func.count()).where(JobItem.status.in_(OPEN)).group_by(JobItem.stage)
        ).all()
    )
    per_job: dict[str, Counter[str]] = defaultdict(Counter)
    facts: dict[str, tuple[int, bool]] = {}
    rows = session.execute(
        select(Job.id, Job.total, Job.cancelled_at, JobItem.status, func.count())
        .join(JobItem, JobItem.job_id == Job.id)
        .where(Job.created_at >= now - JOB_WINDOW)
        .group_by(Job.id, Job.total, Job.cancelled_at, JobItem.status)
    ).all()
    for job_id, total, cancelled_at, status, n in rows:
        per_job[job_id][status] += n
        facts[job_id] = (total, cancelled_at is not None)
    jobs = Counter(derive_status(c, facts[j][0], facts[j][1]) for j, c in per_job.items())
    oldest = session.execute(select(func.min(JobItem.created_at)).where(JobItem.status == "queued")).scalar()
    finished = session.execute(select(func.count()).where(JobItem.finished_at >= now - RECENT)).scalar_one()
    failed = session.execute(
        select(func.count()).where(JobItem.finished_at >= now - RECENT, JobItem.status.in_(FAILED))
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


def refresh_state(settings: Settings, *, force: bool = False) -> bool:
    """Refresh the state gauges from the database at most every MIN_INTERVAL_S; True when refreshed."""
    global _last_refresh
    with _lock:
        if not force and time.monotonic() - _last_refresh < MIN_INTERVAL_S:
            return False
        try:
            with session_scope(settings) as session:
                publish(snapshot(session, settings), queue=settings.queue_name)
        except SQLAlchemyError as exc:
            # A scrape must still answer: the gauges keep their last values and the failure is counted.
            metrics.STATE_ERRORS.inc()
            log.warning("metrics state refresh failed", extra={"error_type": type(exc).__name__})
            return False
        _last_refresh = time.monotonic()
        return True


def render_metrics(settings: Settings) -> tuple[bytes, str]:
    """Refresh the state gauges, then render the whole registry (what GET /metrics returns)."""
    refresh_state(settings)
    return metrics.render()
