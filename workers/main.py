"""`python manage.py worker`: load the pipeline once, then consume RQ (REDIS_URL) or poll the database."""

from __future__ import annotations

import logging

from core.config import Settings
from core.types import Provider
from workers.runtime import Runtime, init_runtime

log = logging.getLogger(__name__)


def run_worker(settings: Settings, *, burst: bool = False, provider: Provider | None = None) -> Runtime:
    """Run a worker in this process until stopped (or until the queue is empty with burst)."""
    rt = init_runtime(settings, provider=provider)
    log.info("worker ready", extra={"mode": "embedded" if settings.embedded else "rq", "worker": rt.name})
    if settings.embedded:
        from workers.embedded import Stop, run_embedded

        stop = Stop()
        stop.install()
        run_embedded(rt, burst=burst, stop=stop)
    else:
        from workers.rq_worker import run_rq

        run_rq(rt, burst=burst)
    return rt
