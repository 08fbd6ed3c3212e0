"""Dispatch: getting items to workers — RQ (one job per item, deterministic ids) with REDIS_URL, else the database
itself. Services enqueue here; the RQ job names the worker task by its import path, so nothing here imports workers."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry
from rq.job import JobStatus
from sqlalchemy import Engine, and_, or_, update

from core.config import Settings
from db.models import JobItem, utcnow

log = logging.getLogger(__name__)

TASK = "workers.tasks.process_item"  # what an RQ worker runs for each item (by path: no import)
_SAFE = re.compile(r"[^A-Za-z0-9_-]")  # RQ job ids allow only these
ENQUEUE_BATCH = 500  # jobs per Redis pipeline round trip
RETRY_INTERVALS = [2, 10, 30]  # seconds between RQ retries of an item whose run raised
# `started` is not live for an item the database still has queued: a running job claims its item within
# milliseconds, so such a job belonged to a worker that died between starting it and claiming the item.
LIVE = {JobStatus.QUEUED.value, JobStatus.SCHEDULED.value, JobStatus.DEFERRED.value}


def rq_job_id(queue_name: str, item_id: str) -> str:
    """The RQ job id of an item: the same on every enqueue, so duplicates collapse onto one job."""
    return f"{_SAFE.sub('_', queue_name)}-item-{item_id}"


class ItemQueue(Protocol):
    """Where submitted item ids go."""

    def enqueue(self, item_ids: Sequence[str]) -> int:
        """Hand items to workers; returns how many were sent."""

    def missing(self, item_ids: Sequence[str]) -> list[str]:
        """The items that have no live job in the transport (lost, failed or never sent)."""


class DbQueue:
    """Embedded mode: `queued` rows are the queue, so enqueueing is a no-op and nothing is ever lost."""

    def enqueue(self, item_ids: Sequence[str]) -> int:
        """Nothing to send: workers poll the table."""
        return 0

    def missing(self, item_ids: Sequence[str]) -> list[str]:
        """Nothing can be lost."""
        return []


class RqQueue:
    """One RQ job per item on the configured queue."""

    def __init__(self, settings: Settings, connection: Redis | None = None) -> None:
        assert settings.redis_url, "RqQueue needs REDIS_URL"
        self.connection = connection or Redis.from_url(settings.redis_url, socket_timeout=10, socket_connect_timeout=5)
        self.queue = Queue(settings.queue_name, connection=self.connection)
        self._timeout = settings.job_timeout_s
        self._retry = Retry(max=max(settings.item_max_attempts - 1, 0) or 1, interval=RETRY_INTERVALS)

    def enqueue(self, item_ids: Sequence[str]) -> int:
        """enqueue_many in batches (one pipeline round trip per batch)."""
        from observability.tracing import queue_carrier

        carrier = queue_carrier()  # the submitting request's trace and request id, continued by the worker
        meta = {"trace": carrier} if carrier else None
        sent = 0
        for batch in _chunks(item_ids, ENQUEUE_BATCH):
            datas = [
                Queue.prepare_data(
                    TASK,
                    args=(item_id,),
                    job_id=rq_job_id(self.queue.name, item_id),
                    timeout=self._timeout,
                    retry=self._retry,
                    result_ttl=60,  # the database keeps the result; 0 makes RQ delete the job, which costs more
                    failure_ttl=24 * 3600,
                    description=f"item {item_id}",
                    meta=meta,
                )
                for item_id in batch
            ]
            with self.connection.pipeline() as pipe:
                self.queue.enqueue_many(datas, pipeline=pipe)
                pipe.execute()
            sent += len(batch)
        return sent

    def missing(self, item_ids: Sequence[str]) -> list[str]:
        """Items whose RQ job is gone (Redis restarted, evicted), ended without finishing the item, or started by a
        worker that died before claiming it."""
        out: list[str] = []
        # A job a worker dequeued but never started sits in the queue's intermediate list (RQ moves it out as the
        # job starts, milliseconds later): one still there when its item has been queued past the grace belonged
        # to a worker that died in between. RQ's own sweep of that list runs only every few minutes.
        taken = {raw.decode() for raw in self.connection.lrange(self.queue.intermediate_queue_key, 0, -1)}
        for batch in _chunks(item_ids, ENQUEUE_BATCH):
            with self.connection.pipeline(transaction=False) as pipe:
                for item_id in batch:
                    pipe.hget(f"rq:job:{rq_job_id(self.queue.name, item_id)}", "status")
                statuses = pipe.execute()
            for item_id, status in zip(batch, statuses, strict=True):
                if status is None or status.decode() not in LIVE or rq_job_id(self.queue.name, item_id) in taken:
                    out.append(item_id)
        return out


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_QUEUES: dict[tuple[str | None, str], ItemQueue] = {}


def queue_for(settings: Settings) -> ItemQueue:
    """The process-wide queue for these settings: RQ with REDIS_URL, else the database."""
    key = (settings.redis_url, settings.queue_name)
    found = _QUEUES.get(key)
    if found is None:
        found = _QUEUES[key] = RqQueue(settings) if settings.redis_url else DbQueue()
    return found


class CollectingQueue:
    """A queue that only remembers the ids, so a caller can send them after answering (`send_items`)."""

    def __init__(self) -> None:
        self.item_ids: list[str] = []

    def enqueue(self, item_ids: Sequence[str]) -> int:
        """Remember the ids; nothing is sent yet."""
        self.item_ids.extend(item_ids)
        return len(item_ids)

    def missing(self, item_ids: Sequence[str]) -> list[str]:
        """Nothing was sent, so nothing can be lost yet."""
        return []


def send(queue: ItemQueue, item_ids: Sequence[str]) -> None:
    """Enqueue committed items; a Redis failure is logged (the database holds them and the workers' sweep resends)."""
    try:
        queue.enqueue(item_ids)
    except RedisError as exc:
        log.warning("enqueue failed; the scan will re-enqueue", extra={"items": len(item_ids), "error": str(exc)})


def send_items(settings: Settings, item_ids: list[str]) -> None:
    """Enqueue committed items on the configured queue (see `send`)."""
    send(queue_for(settings), item_ids)


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
