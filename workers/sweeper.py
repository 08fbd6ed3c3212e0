"""The sweeper, run inside every worker (one at a time, by a lease row): reap stuck items, re-enqueue what Redis
lost, resume paused items, stamp finished jobs, purge old texts, expired web sign-ins and forgotten sign-in failure
counts. (RQ's own scheduler, for delayed retries, also runs.)"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from redis.exceptions import RedisError
from sqlalchemy import Engine, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from core.config import Settings
from db.models import JobItem, Lease, utcnow
from db.session import runtime_of, session_scope
from observability import metrics
from services import signin_guard, web_sessions
from services.dispatch import DbQueue, ItemQueue, resume_paused
from services.finishing import Finished, stamp_finished
from services.webhooks import jobs_finished

log = logging.getLogger(__name__)

SCAN_LIMIT = 5000  # items looked at per scan; the next scan continues
PURGE_EVERY_S = 24 * 3600
SIGNINS_EVERY_S = 3600  # expired web sign-ins are deleted this often (and at each sign-in, for that user)
REAPED = "the worker stopped or timed out mid-item"


def reap(engine: Engine, queue: ItemQueue) -> int:
    """Items whose lease expired (their worker died or hung) go back to queued and are re-enqueued."""
    now = utcnow()
    # SKIP LOCKED: a row another session holds (a save in flight, or a dead worker's transaction the server has not
    # yet closed) is left to the next scan instead of blocking this sweeper, and every other one, behind it.
    stale = (
        select(JobItem.id)
        .where(JobItem.status == "running", JobItem.lease_until < now)
        .with_for_update(skip_locked=True)
    )
    reason = runtime_of(engine).cipher.encrypt(REAPED)  # every error text is stored encrypted, this one too
    with engine.begin() as conn:
        ids = list(
            conn.scalars(
                update(JobItem)
                .where(JobItem.id.in_(stale), JobItem.status == "running", JobItem.lease_until < now)
                .values(
                    status="queued",
                    lease_token=None,
                    lease_until=None,
                    updated_at=now,
                    error=reason,
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


def finish_jobs(engine: Engine) -> Finished:
    """Stamp every unfinished job that has no open item (races between the last two items end here)."""
    with engine.begin() as conn:
        return stamp_finished(conn)


def purge_signins(engine: Engine, settings: Settings) -> dict[str, int]:
    """Web sessions expired over a day ago and sign-in failure counts already forgotten, deleted on a schedule (a
    sign-in also drops its own user's expired sessions, but a user who never signs in again would keep them)."""
    with session_scope(engine) as s:
        return {
            "sessions_purged": web_sessions.purge_expired(s),
            "signin_counts_purged": signin_guard.purge_forgotten(s, settings=settings),
        }


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


class Sweeper:
    """Runs each piece of sweeping when it is due; call tick() often."""

    def __init__(self, settings: Settings, engine: Engine, queue: ItemQueue, holder: str) -> None:
        self.settings, self.engine, self.queue, self.holder = settings, engine, queue, holder
        self._next_scan = 0.0
        self._next_purge = 0.0
        self._next_signins = 0.0

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
                    jobs_finished(self.settings, self.engine, finished)
            if force or now >= self._next_signins:
                self._next_signins = now + SIGNINS_EVERY_S
                if force or take_lease(self.engine, "signins", self.holder, SIGNINS_EVERY_S * 0.9):
                    done.update(purge_signins(self.engine, self.settings))
            if self.settings.retention_days > 0 and now >= self._next_purge:
                self._next_purge = now + 3600
                if take_lease(self.engine, "purge", self.holder, PURGE_EVERY_S):
                    from services.retention import purge_engine

                    done["purged"] = purge_engine(self.engine, days=self.settings.retention_days)["items"]
        except (SQLAlchemyError, RedisError) as exc:
            log.warning("sweep failed; retrying next tick", extra={"error": type(exc).__name__})
        return done
