"""Scheduler work run inside workers: reap stuck items, re-enqueue what Redis lost, resume paused items, purge."""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from redis.exceptions import RedisError
from sqlalchemy import Engine, and_, exists, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from core.config import Settings
from db.models import Job, JobItem, Lease, utcnow
from observability import metrics
from workers.queue import DbQueue, ItemQueue

log = logging.getLogger(__name__)

SCAN_LIMIT = 5000  # items looked at per scan; the next scan continues
PURGE_EVERY_S = 24 * 3600


def reap(engine: Engine, queue: ItemQueue) -> int:
    """Items whose lease expired (their worker died or hung) go back to queued and are re-enqueued."""
    now = utcnow()
    with engine.begin() as conn:
        ids = list(
            conn.scalars(
                update(JobItem)
                .where(JobItem.status == "running", JobItem.lease_until < now)
                .values(
                    status="queued",
                    lease_token=None,
                    lease_until=None,
                    updated_at=now,
                    error="the worker stopped or timed out mid-item",
                )
                .returning(JobItem.id)
            )
        )
    if ids:
        log.warning("reaped stuck items", extra={"items": len(ids)})
        metrics.RETRIES.labels(kind="requeue").inc(len(ids))
        queue.enqueue(ids)
    return len(ids)


def requeue_lost(engine: Engine, queue: ItemQueue, grace_s: float) -> int:
    """Queued items the transport does not hold (Redis restarted, job failed for good) are enqueued again."""
    if isinstance(queue, DbQueue):
        return 0  # the table is the queue: nothing can be lost
    cutoff = utcnow() - timedelta(seconds=grace_s)
    with engine.connect() as conn:
        ids = list(
            conn.scalars(
                select(JobItem.id)
                .where(JobItem.status == "queued", JobItem.updated_at < cutoff)
                .order_by(JobItem.updated_at)
                .limit(SCAN_LIMIT)
            )
        )
    lost = queue.missing(ids) if ids else []
    if lost:
        log.warning("re-enqueued items the queue had lost", extra={"items": len(lost)})
        metrics.RETRIES.labels(kind="requeue").inc(len(lost))
        queue.enqueue(lost)
    return len(lost)


def resume_paused(engine: Engine, queue: ItemQueue, *, force: bool = False) -> int:
    """Paused items whose day is over (or all of them, when a limit was raised) are queued again."""
    now = utcnow()
    due = JobItem.status == "paused_limit"
    if not force:
        due = and_(due, or_(JobItem.paused_until.is_(None), JobItem.paused_until <= now))
    with engine.begin() as conn:
        ids = list(
            conn.scalars(
                update(JobItem)
                .where(due)
                .values(status="queued", paused_until=None, updated_at=now)
                .returning(JobItem.id)
            )
        )
    if ids:
        queue.enqueue(ids)
    return len(ids)


def finish_jobs(engine: Engine) -> list[tuple[str, str | None]]:
    """Stamp every unfinished job that has no open item (races between the last two items end here)."""
    now = utcnow()
    still_open = exists().where(JobItem.job_id == Job.id, JobItem.status.in_(("queued", "running", "paused_limit")))
    with engine.begin() as conn:
        rows = conn.execute(
            update(Job)
            .where(Job.finished_at.is_(None), ~still_open)
            .values(finished_at=now)
            .returning(Job.id, Job.callback_url)
        ).all()
    return [(r[0], r[1]) for r in rows]


def take_lease(engine: Engine, name: str, holder: str, seconds: float) -> bool:
    """True when this holder may run the named work now (one worker at a time across machines)."""
    now = utcnow()
    until = now + timedelta(seconds=seconds)
    with engine.begin() as conn:
        got = conn.execute(
            update(Lease)
            .where(Lease.name == name, or_(Lease.until < now, Lease.holder == holder))
            .values(holder=holder, until=until, last_run_at=now)
        ).rowcount
        if got:
            return True
        if conn.scalar(select(Lease.name).where(Lease.name == name)) is not None:
            return False
    try:
        with engine.begin() as conn:
            conn.execute(insert(Lease).values(name=name, holder=holder, until=until, last_run_at=now))
        return True
    except IntegrityError:
        return False


class Scheduler:
    """Runs each piece of scheduler work when it is due; call tick() often."""

    def __init__(self, settings: Settings, engine: Engine, queue: ItemQueue, holder: str) -> None:
        self.settings, self.engine, self.queue, self.holder = settings, engine, queue, holder
        self._next_scan = 0.0
        self._next_purge = 0.0

    def tick(self, *, force: bool = False) -> dict[str, int]:
        """Run what is due; errors are logged and retried on the next tick (the database may be restarting)."""
        done: dict[str, int] = {}
        now = time.monotonic()
        try:
            if force or now >= self._next_scan:
                self._next_scan = now + self.settings.scan_interval_s
                if force or take_lease(self.engine, "scan", self.holder, self.settings.scan_interval_s * 0.9):
                    done["reaped"] = reap(self.engine, self.queue)
                    done["requeued"] = requeue_lost(
                        self.engine, self.queue, 0 if force else self.settings.requeue_grace_s
                    )
                    done["resumed"] = resume_paused(self.engine, self.queue)
                    finished = finish_jobs(self.engine)
                    done["jobs_finished"] = len(finished)
                    self._notify(finished)
            if self.settings.retention_days > 0 and now >= self._next_purge:
                self._next_purge = now + 3600
                if take_lease(self.engine, "purge", self.holder, PURGE_EVERY_S):
                    from services.retention import purge_engine

                    done["purged"] = purge_engine(self.engine, days=self.settings.retention_days)["items"]
        except (SQLAlchemyError, RedisError) as exc:
            log.warning("scheduler work failed; retrying next tick", extra={"error": type(exc).__name__})
        return done

    def _notify(self, finished: list[tuple[str, str | None]]) -> None:
        for job_id, url in finished:
            if url:
                from api.webhooks import notify_job_finished

                threading.Thread(
                    target=notify_job_finished, args=(self.settings, self.engine, job_id), daemon=True
                ).start()
