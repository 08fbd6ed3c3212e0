"""With REDIS_URL: an RQ worker that runs items in its own process (pipeline loaded once, no fork per job)."""

from __future__ import annotations

import logging
import threading
import time
import uuid

from redis import Redis
from redis.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import Queue, SimpleWorker

from workers.embedded import Stop
from workers.runtime import Runtime
from workers.scheduler import Scheduler

log = logging.getLogger(__name__)

TICK_S = 1.0


class PipelineWorker(SimpleWorker):
    """SimpleWorker: jobs run in this process, so the loaded pipeline is reused; RQ's SIGALRM death
    penalty still enforces each job's timeout (perform_job wraps the call in it)."""

    def set_state(self, state: str, pipeline: Pipeline | None = None) -> None:
        """RQ's set_state, minus the write when the state is already the one stored (idle is set twice a job)."""
        if pipeline is None and state == getattr(self, "_stored_state", None):
            self._state = state
            return
        super().set_state(state, pipeline=pipeline)
        self._stored_state = state if pipeline is None else None

    def heartbeat(self, timeout: int | None = None, pipeline: Pipeline | None = None) -> None:
        """RQ's heartbeat, sent as one pipelined round trip instead of three (it runs several times per job)."""
        if pipeline is not None:
            super().heartbeat(timeout, pipeline=pipeline)
            return
        with self.connection.pipeline(transaction=False) as pipe:
            super().heartbeat(timeout, pipeline=pipe)
            pipe.execute()


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
