"""Embedded mode: the database is the queue. Poll for claimable items, claim one by compare-and-set, run it."""

from __future__ import annotations

import logging
import random
import signal
import time

from rq.timeouts import JobTimeoutException, UnixSignalDeathPenalty
from sqlalchemy.exc import SQLAlchemyError

from workers import store
from workers.runtime import Runtime
from workers.scheduler import Scheduler
from workers.tasks import process_item

log = logging.getLogger(__name__)

CANDIDATES = 32  # ids fetched per poll; shuffled so two workers rarely race for the same row


class Stop:
    """Set by SIGTERM/SIGINT: finish the current item, then leave."""

    def __init__(self) -> None:
        self.requested = False

    def install(self) -> None:
        """Handle SIGTERM and SIGINT in the main thread."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._request)

    def _request(self, *_: object) -> None:
        self.requested = True


def run_embedded(rt: Runtime, *, burst: bool = False, stop: Stop | None = None) -> int:
    """Process items until stopped (or, with burst, until nothing is claimable); returns how many ran."""
    stop = stop or Stop()
    scheduler = Scheduler(rt.settings, rt.engine, rt.queue, rt.name)
    ran = 0
    while not stop.requested:
        scheduler.tick()
        try:
            with rt.engine.connect() as conn:
                ids = store.candidates(conn, CANDIDATES)
        except SQLAlchemyError as exc:
            log.warning("database unavailable; waiting", extra={"error": type(exc).__name__})
            time.sleep(rt.settings.worker_poll_s)
            continue
        if not ids:
            if burst:
                break
            time.sleep(rt.settings.worker_poll_s)
            continue
        random.shuffle(ids)
        for item_id in ids:
            if stop.requested:
                break
            ran += _run_one(rt, item_id) != "skipped"
    return ran


def _run_one(rt: Runtime, item_id: str) -> str:
    try:
        with UnixSignalDeathPenalty(rt.settings.job_timeout_s, JobTimeoutException, job_id=item_id):
            return process_item(item_id)
    except JobTimeoutException:
        log.warning("item timed out", extra={"item_id": item_id, "timeout_s": rt.settings.job_timeout_s})
    except SQLAlchemyError as exc:
        log.warning(
            "item run hit a database error; it will be retried", extra={"item_id": item_id, "error": type(exc).__name__}
        )
        time.sleep(rt.settings.worker_poll_s)
    return "error"
