"""RQ's retry scheduler runs on the worker's sweeper thread: due retries reach the queue, one worker holds the lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from redis import Redis
from rq import Queue

from core.config import load_settings
from workers.rq_worker import RetryScheduler

pytestmark = pytest.mark.redis


def _settings(redis_namespace):
    url, name = redis_namespace
    return load_settings(redis_url=url, queue_name=name, database_url="sqlite://")


def test_a_due_retry_is_moved_onto_the_queue_and_a_future_one_waits(redis_namespace):
    settings = _settings(redis_namespace)
    queue = Queue(settings.queue_name, connection=Redis.from_url(settings.redis_url))
    due = queue.enqueue_at(datetime.now(UTC) - timedelta(seconds=1), print, "due")
    later = queue.enqueue_at(datetime.now(UTC) + timedelta(hours=1), print, "later")
    assert queue.job_ids == []
    retries = RetryScheduler(settings)
    try:
        retries.tick()
        assert queue.job_ids == [due.id]
        assert later.id in queue.scheduled_job_registry.get_job_ids()
    finally:
        retries.stop()


def test_one_worker_schedules_a_queue_and_another_takes_over_when_it_stops(redis_namespace):
    settings = _settings(redis_namespace)
    queue = Queue(settings.queue_name, connection=Redis.from_url(settings.redis_url))
    first, second = RetryScheduler(settings), RetryScheduler(settings)
    try:
        first.tick()
        second.tick()
        assert first.scheduler.acquired_locks == {settings.queue_name}
        assert second.scheduler.acquired_locks == set()
        first.stop()
        job = queue.enqueue_at(datetime.now(UTC) - timedelta(seconds=1), print, "after the handover")
        second.next_lock_try = 0.0  # it asks again every SCHEDULER_LOCK_RETRY_S
        second.tick()
        assert queue.job_ids == [job.id]
    finally:
        first.stop()
        second.stop()
