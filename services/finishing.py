"""When a job is finished, decided in one place: no item of it is still open. The stamp is a compare-and-set (only
a job not yet stamped), so exactly one caller stamps each job and that caller fires its webhook."""

from __future__ import annotations

from sqlalchemy import Connection, exists, update
from sqlalchemy.orm import Session

from core.statuses import OPEN
from db.models import Job, JobItem, utcnow

Finished = list[tuple[str, str | None]]  # (job id, callback URL) of each job a call stamped


def stamp_finished(conn: Connection | Session, job_id: str | None = None) -> Finished:
    """Stamp finished_at on the job (or, without an id, on every unstamped job) that has no open item.

    Returns the jobs this call stamped, for services.webhooks.jobs_finished once the transaction has committed.
    """
    still_open = exists().where(JobItem.job_id == Job.id, JobItem.status.in_(OPEN))
    stmt = update(Job).where(Job.finished_at.is_(None), ~still_open)
    if job_id is not None:
        stmt = stmt.where(Job.id == job_id)
    rows = conn.execute(stmt.values(finished_at=utcnow()).returning(Job.id, Job.callback_url)).all()
    return [(r[0], r[1]) for r in rows]
