"""With REDIS_URL: an RQ worker that runs items in its own process (pipeline loaded once, no fork per job)."""

from __future__ import annotations

import logging
import sys
import threading
import time
import uuid

from redis import Redis
from redis.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import Queue, SimpleWorker
from rq.executions import Execution
from rq.job import Job, JobStatus, Retry
from rq.results import Result
from rq.timeouts import JobTimeoutException
from rq.utils import now, utcformat
from rq.worker import WorkerStatus

from workers.embedded import Stop
from workers.queue import TASK
from workers.runtime import Runtime
from workers.scheduler import Scheduler

log = logging.getLogger(__name__)

TICK_S = 1.0
BEAT_SLACK_S = 10  # a worker key may expire this much sooner than RQ would have it (its TTL is minutes)
SUSPEND_CHECK_S = 1.0


class PipelineWorker(SimpleWorker):
    """SimpleWorker: jobs run in this process, so the loaded pipeline is reused; RQ's SIGALRM death
    penalty still enforces each job's timeout.

    RQ's own bookkeeping cost ~13 Redis round trips a job (~2.7 ms of CPU, a fifth of an item's). For our own
    item jobs (never dependents, callbacks, repeats, webhooks or rate limits) it is done in two pipelines: one
    to start (execution, started registry, job status, busy) and one to finish (result, finished registry,
    execution cleanup, idle); with LMOVE + HGETALL to dequeue that is 4 round trips. Any other job, and every
    failure (Retry, failed registry), takes RQ's own path.
    """

    def set_state(self, state: str, pipeline: Pipeline | None = None) -> None:
        """RQ's set_state, minus the write when the state is already the one stored (idle is set twice a job)."""
        if pipeline is None and state == getattr(self, "_stored_state", None):
            self._state = state
            return
        super().set_state(state, pipeline=pipeline)
        self._stored_state = state  # a pipelined write that fails raises, and the worker is rebuilt

    def heartbeat(self, timeout: int | None = None, pipeline: Pipeline | None = None) -> None:
        """RQ's heartbeat, pipelined; a standalone one is skipped while the last one still holds the key for as long
        (less BEAT_SLACK_S): RQ sends up to five per job, each a round trip."""
        ttl = timeout or self.worker_ttl + 60
        now = time.monotonic()
        if pipeline is not None:
            super().heartbeat(ttl, pipeline=pipeline)
        elif now + ttl - getattr(self, "_alive_until", 0.0) > BEAT_SLACK_S:
            with self.connection.pipeline(transaction=False) as pipe:
                super().heartbeat(ttl, pipeline=pipe)
                pipe.execute()
        else:
            return
        self._alive_until = now + ttl

    def check_for_suspension(self, burst: bool) -> None:
        """`rq suspend` is honoured within SUSPEND_CHECK_S instead of costing a round trip before every job."""
        now = time.monotonic()
        if now < getattr(self, "_next_suspend_check", 0.0):
            return
        self._next_suspend_check = now + SUSPEND_CHECK_S
        super().check_for_suspension(burst)

    def execute_job(self, job: Job, queue: Queue) -> None:
        """Run the job here; our item jobs take the two-pipeline path, anything else RQ's own."""
        if not _lean(job):
            super().execute_job(job, queue)
            return
        ttl = self.get_heartbeat_ttl(job)
        with self.connection.pipeline() as pipe:  # what prepare_execution + prepare_job_execution send, at once
            execution = Execution.create(job, ttl, pipeline=pipe, worker_name=self.name)
            self.executions[execution.id] = execution
            self.set_state(WorkerStatus.BUSY, pipeline=pipe)
            self.heartbeat(ttl, pipeline=pipe)
            job.prepare_for_execution(self.name, pipeline=pipe)
            pipe.persist(job.key)
            if len(self.queues) == 1:
                pipe.lrem(queue.intermediate_queue_key, 1, job.id)
            pipe.execute()
        try:
            job.started_at = now()
            with self.death_penalty_class(job.timeout or queue.DEFAULT_TIMEOUT, JobTimeoutException, job_id=job.id):
                value = job.perform()
        except BaseException:  # noqa: BLE001 - RQ's failure path: Retry with backoff, failed registry, handlers
            self._finalize_failure(job, queue, execution, sys.exc_info())
            self.set_state(WorkerStatus.IDLE)
            return
        if isinstance(value, Retry):
            self._finalize_success(job, queue, execution, value)
            self.set_state(WorkerStatus.IDLE)
            return
        self._succeeded(job, queue, execution, value)

    def _succeeded(self, job: Job, queue: Queue, execution: Execution, value: object) -> None:
        # RQ's handle_job_success, minus WATCH + SMEMBERS of dependents (our jobs have none) and minus re-saving
        # the whole job hash (data, meta: only status and end time changed).
        ended = job.ended_at = now()
        job._result = value
        job._status = JobStatus.FINISHED
        result_ttl = job.get_result_ttl(self.default_result_ttl)
        stamp = utcformat(ended)
        with self.connection.pipeline() as pipe:
            self.increment_successful_job_count(pipeline=pipe)
            self.increment_total_working_time(ended - (job.started_at or ended), pipe)
            pipe.hset(job.key, mapping={"status": JobStatus.FINISHED.value, "ended_at": stamp, "last_heartbeat": stamp})
            if result_ttl != 0:
                Result.create(
                    job,
                    Result.Type.SUCCESSFUL,
                    result_ttl,
                    return_value=value,
                    worker_name=self.name,
                    pipeline=pipe,
                    execution_id=execution.id,
                    execution_started_at=execution.created_at,
                    execution_ended_at=ended,
                )
                job.finished_job_registry.add(job, result_ttl, pipe)
            job.cleanup(result_ttl, pipeline=pipe, remove_from_queue=False)
            self.cleanup_execution(job, pipeline=pipe, execution=execution)
            self.set_state(WorkerStatus.IDLE, pipeline=pipe)
            self.heartbeat(pipeline=pipe)
            pipe.execute()


def _lean(job: Job) -> bool:
    """Whether a job may take the two-pipeline path: an item job with none of RQ's extras."""
    return (
        job.func_name == TASK
        and not job._success_callback_name
        and job.repeats_left is None
        and not job.has_rate_limit
        and not job.webhooks
    )


def _scheduler_thread(rt: Runtime, stop: threading.Event) -> threading.Thread:
    scheduler = Scheduler(rt.settings, rt.engine, rt.queue, rt.name)

    def loop() -> None:
        while not stop.is_set():
            scheduler.tick()
            stop.wait(TICK_S)

    thread = threading.Thread(target=loop, name="ats-scheduler", daemon=True)
    thread.start()
    return thread


def run_rq(rt: Runtime, *, burst: bool = False) -> None:
    """Consume the RQ queue; survive Redis restarts (the scheduler thread re-enqueues what was lost)."""
    assert rt.settings.redis_url
    done = threading.Event()
    if burst:
        Scheduler(rt.settings, rt.engine, rt.queue, rt.name).tick(force=True)
    else:
        _scheduler_thread(rt, done)
    try:
        while True:
            try:
                conn = Redis.from_url(rt.settings.redis_url, socket_connect_timeout=5, health_check_interval=10)
                queue = Queue(rt.settings.queue_name, connection=conn)
                worker = PipelineWorker(
                    [queue], connection=conn, name=f"{rt.settings.queue_name}:{rt.name}:{uuid.uuid4().hex[:6]}"
                )
                # RQ logs three INFO lines per job; the worker's own "item finished" line says it once.
                rq_level = "DEBUG" if rt.settings.log_level.upper() == "DEBUG" else "WARNING"
                worker.work(burst=burst, with_scheduler=True, logging_level=rq_level)
                return
            except (RedisConnectionError, RedisTimeoutError) as exc:
                # Redis went away under the worker (restart, failover): reconnect; the database knows what is left.
                log.warning("lost Redis; reconnecting", extra={"error": type(exc).__name__})
                time.sleep(1.0)
    finally:
        done.set()


__all__ = ["PipelineWorker", "run_rq", "Stop"]
