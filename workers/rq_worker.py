"""With REDIS_URL: an RQ worker that runs items in its own process (pipeline loaded once, no fork per job)."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import Any

from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import Queue, SimpleWorker
from rq.job import Job
from rq.scheduler import RQScheduler
from rq.worker import WorkerStatus

from core.config import Settings
from workers.batches import rounds_for
from workers.embedded import Stop
from workers.runtime import Runtime
from workers.slots import Slots, concurrency_for, death_penalty_class
from workers.sweeper import Sweeper

log = logging.getLogger(__name__)

TICK_S = 1.0
SCHEDULER_LOCK_RETRY_S = 15.0  # a worker without the scheduler lock asks again this often (RQ waits 10 minutes)


class PipelineWorker(SimpleWorker):
    """RQ's SimpleWorker (jobs run in this process, so the pipeline loaded once serves every item) that runs up to
    `concurrency` jobs at once, each on its own thread.

    Only public RQ API. Before each dequeue the worker waits for a free slot (reading IDLE: no job is in hand, so a
    SIGTERM stops it at once), so it never takes a job it cannot start; `execute_job` (the hook RQ leaves to worker
    classes) then does what SimpleWorker does — `prepare_execution`, then `perform_job`, which keeps RQ's own
    bookkeeping (started registry, result, Retry, failed registry, counters) — with `perform_job` on the slot's
    thread. RQ 3 tracks several executions per worker. With one slot it is exactly SimpleWorker. `teardown` waits
    for the running jobs (a warm stop) before the worker unregisters; after a cold one (second signal, SIGKILL)
    their leases expire and the sweeper re-enqueues them.
    """

    def __init__(self, *args: Any, concurrency: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.slots = Slots(concurrency, name="ats-job")
        # SIGALRM reaches only the main thread; a job on a slot thread gets a timer that raises in that thread.
        self.death_penalty_class = death_penalty_class(concurrency)

    def dequeue_job_and_maintain_ttl(self, timeout: int | None, max_idle_time: int | None = None) -> Any:
        """RQ's dequeue, once a slot is free for what it returns."""
        if self.slots.size == 1:
            return super().dequeue_job_and_maintain_ttl(timeout, max_idle_time)
        self.set_state(WorkerStatus.IDLE)
        self.slots.reserve()
        try:
            found = super().dequeue_job_and_maintain_ttl(timeout, max_idle_time)
        except BaseException:
            self.slots.unreserve()
            raise
        if found is None:
            self.slots.unreserve()
        return found

    def execute_job(self, job: Job, queue: Queue) -> None:
        """Run the job here: inline with one slot, else on the slot reserved for it."""
        if self.slots.size == 1:
            super().execute_job(job, queue)
            return
        try:
            execution = self.prepare_execution(job)
        except BaseException:
            self.slots.unreserve()
            raise
        self.slots.start(self.perform_job, job, queue, execution)

    def teardown(self) -> None:
        """Let running jobs finish (a warm stop), then unregister as RQ does."""
        if self.slots.running:
            log.info("waiting for running items before stopping", extra={"items": self.slots.running})
        self.slots.drain()
        super().teardown()


class RetryScheduler:
    """RQ's scheduler (it moves delayed retries onto the queue when due), run on the sweeper thread.

    `work(with_scheduler=True)` would fork it into a child process. A fork inherits the worker's database
    connections, so after a SIGKILL (the OOM killer) the child kept the dead worker's open transaction, and its row
    locks, alive: every other worker's sweeper then blocked on those rows and the dead worker's items stayed
    `running` for as long as the child lived. In a thread it dies with its worker.
    """

    def __init__(self, settings: Settings) -> None:
        assert settings.redis_url
        connection = Redis.from_url(settings.redis_url, socket_connect_timeout=5, socket_timeout=10)
        self.scheduler = RQScheduler([settings.queue_name], connection=connection, logging_level="WARNING")
        self.born = False
        self.next_lock_try = 0.0

    def tick(self) -> None:
        """Hold (or take over) the queue's scheduler lock and enqueue the retries that are due."""
        try:
            now = time.monotonic()
            if not self.scheduler.acquired_locks and now >= self.next_lock_try:
                self.next_lock_try = now + SCHEDULER_LOCK_RETRY_S
                self.scheduler.acquire_locks()  # the holder's lock outlives it by about a minute, then this wins
            if not self.scheduler.acquired_locks:
                return  # another worker schedules this queue
            if not self.born:
                self.scheduler.register_birth()
                self.born = True
            self.scheduler.heartbeat()
            self.scheduler.enqueue_scheduled_jobs()
        except RedisError as exc:
            log.warning("retry scheduling failed; retrying next tick", extra={"error": type(exc).__name__})

    def stop(self) -> None:
        """Release the lock so another worker's scheduler takes over at once."""
        try:
            if self.born:
                self.scheduler.stop()
            else:
                self.scheduler.release_locks()
        except RedisError:
            pass  # the lock expires on its own


def _sweeper_thread(rt: Runtime, stop: threading.Event) -> threading.Thread:
    sweeper = Sweeper(rt.settings, rt.engine, rt.queue, rt.name)
    batch_rounds = rounds_for(rt)
    retries = RetryScheduler(rt.settings)

    def loop() -> None:
        try:
            while not stop.is_set():
                sweeper.tick()
                batch_rounds.tick()
                retries.tick()
                stop.wait(TICK_S)
        finally:
            retries.stop()

    thread = threading.Thread(target=loop, name="ats-sweeper", daemon=True)
    thread.start()
    return thread


def run_rq(rt: Runtime, *, burst: bool = False) -> None:
    """Consume the RQ queue; survive Redis restarts (the sweeper thread re-enqueues what was lost)."""
    assert rt.settings.redis_url
    done = threading.Event()
    if burst:
        Sweeper(rt.settings, rt.engine, rt.queue, rt.name).tick(force=True)
        rounds_for(rt).tick()
        retries = RetryScheduler(rt.settings)
        retries.tick()
        retries.stop()
    else:
        thread = _sweeper_thread(rt, done)
    try:
        while True:
            try:
                conn = Redis.from_url(rt.settings.redis_url, socket_connect_timeout=5, health_check_interval=10)
                queue = Queue(rt.settings.queue_name, connection=conn)
                worker = PipelineWorker(
                    [queue],
                    connection=conn,
                    name=f"{rt.settings.queue_name}:{rt.name}:{uuid.uuid4().hex[:6]}",
                    concurrency=concurrency_for(rt.settings.worker_concurrency, rt.ctx.provider.external),
                )
                # RQ logs three INFO lines per job; the worker's own "item finished" line says it once.
                rq_level = "DEBUG" if rt.settings.log_level.upper() == "DEBUG" else "WARNING"
                worker.work(burst=burst, with_scheduler=False, logging_level=rq_level)  # RetryScheduler instead
                return
            except (RedisConnectionError, RedisTimeoutError) as exc:
                # Redis went away under the worker (restart, failover): reconnect; the database knows what is left.
                log.warning("lost Redis; reconnecting", extra={"error": type(exc).__name__})
                time.sleep(1.0)
    finally:
        done.set()
        if not burst:
            thread.join(TICK_S + 5)  # the scheduler lock is released before the process goes


__all__ = ["PipelineWorker", "run_rq", "Stop"]
