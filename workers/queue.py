"""Getting items to workers: RQ (one job per item, deterministic ids) with REDIS_URL, else the database itself."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from redis import Redis
from rq import Queue, Retry
from rq.job import JobStatus

from core.config import Settings

log = logging.getLogger(__name__)

TASK = "workers.tasks.process_item"
_SAFE = re.compile(r"[^A-Za-z0-9_-]")  # RQ job ids allow only these
ENQUEUE_BATCH = 500  # jobs per Redis pipeline round trip
RETRY_INTERVALS = [2, 10, 30]  # seconds between RQ retries of an item whose run raised
LIVE = {JobStatus.QUEUED.value, JobStatus.STARTED.value, JobStatus.SCHEDULED.value, JobStatus.DEFERRED.value}


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
        """Items whose RQ job is gone (Redis restarted, evicted) or ended without finishing the item."""
        out: list[str] = []
        for batch in _chunks(item_ids, ENQUEUE_BATCH):
            with self.connection.pipeline(transaction=False) as pipe:
                for item_id in batch:
                    pipe.hget(f"rq:job:{rq_job_id(self.queue.name, item_id)}", "status")
                statuses = pipe.execute()
            for item_id, status in zip(batch, statuses, strict=True):
                if status is None or status.decode() not in LIVE:
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
