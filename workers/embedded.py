"""Embedded mode: the database is the queue. Poll for claimable items, claim one by compare-and-set, run it."""

from __future__ import annotations

import logging
import random
import signal
import threading
import time

from rq.timeouts import BaseDeathPenalty, JobTimeoutException
from sqlalchemy.exc import SQLAlchemyError

from workers import store
from workers.batches import rounds_for
from workers.runtime import Runtime
from workers.slots import Slots, concurrency_for, death_penalty_class
from workers.sweeper import Sweeper
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
    """Process items until stopped (or, with burst, until nothing is claimable); returns how many ran.

    Up to ATS_WORKER_CONCURRENCY items run at once on slot threads (one, inline, with the offline engine); a
    stop request lets the running ones finish.
    """
    stop = stop or Stop()
    sweeper = Sweeper(rt.settings, rt.engine, rt.queue, rt.name)
    slots = Slots(concurrency_for(rt.settings.worker_concurrency, rt.ctx.provider.external))
    runs = _Runs(rt, death_penalty_class(slots.size))
    batch_rounds = rounds_for(rt)
    while not stop.requested:
        sweeper.tick()
        batch_rounds.tick()
        try:
            with rt.engine.connect() as conn:
                ids = [i for i in store.candidates(conn, CANDIDATES + slots.size) if not runs.holds(i)]
        except SQLAlchemyError as exc:
            log.warning("database unavailable; waiting", extra={"error": type(exc).__name__})
            time.sleep(rt.settings.worker_poll_s)
            continue
        if not ids:
            if burst and not slots.running:
                break
            time.sleep(rt.settings.worker_poll_s)
            continue
        random.shuffle(ids)
        for item_id in ids:
            if stop.requested:
                break
            if slots.size == 1:
                runs.run(item_id)
                continue
            slots.reserve()
            if stop.requested:  # asked to stop while every slot was busy: take nothing more
                slots.unreserve()
                break
            runs.hold(item_id)
            slots.start(runs.run, item_id)
    slots.drain()
    return runs.ran


class _Runs:
    """The items this worker is running and how many it ran (shared by the slot threads)."""

    def __init__(self, rt: Runtime, penalty: type[BaseDeathPenalty]) -> None:
        self.rt, self.penalty, self.ran = rt, penalty, 0
        self._held: set[str] = set()
        self._lock = threading.Lock()

    def hold(self, item_id: str) -> None:
        """Mark an item as handed to a slot (polls skip it until its run ends)."""
        with self._lock:
            self._held.add(item_id)

    def holds(self, item_id: str) -> bool:
        """Whether a slot has this item."""
        with self._lock:
            return item_id in self._held

    def run(self, item_id: str) -> None:
        """Run one item under the job timeout."""
        try:
            outcome = _run_one(self.rt, item_id, self.penalty)
        finally:
            with self._lock:
                self._held.discard(item_id)
        if outcome != "skipped":
            with self._lock:
                self.ran += 1


def _run_one(rt: Runtime, item_id: str, penalty: type[BaseDeathPenalty]) -> str:
    try:
        with penalty(rt.settings.job_timeout_s, JobTimeoutException, job_id=item_id):
            return process_item(item_id)
    except JobTimeoutException:
        log.warning("item timed out", extra={"item_id": item_id, "timeout_s": rt.settings.job_timeout_s})
    except SQLAlchemyError as exc:
        log.warning(
            "item run hit a database error; it will be retried", extra={"item_id": item_id, "error": type(exc).__name__}
        )
        time.sleep(rt.settings.worker_poll_s)
    return "error"
