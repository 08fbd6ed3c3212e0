"""Item slots: a worker process runs up to N items at once, each on its own thread, so N model calls can be in
flight while the CPU stages take turns under the GIL (they are ~10 ms of a 5-15 s item with a real model).

Threads, not asyncio: the providers' SDK calls, the database writes and RQ's job bookkeeping are all blocking
code that is already safe to run from several threads, and a blocked thread costs little memory.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from rq.timeouts import BaseDeathPenalty, TimerDeathPenalty, UnixSignalDeathPenalty

log = logging.getLogger(__name__)


class Slots:
    """Up to `size` calls at once, each on a daemon thread; `submit` waits while every slot is busy."""

    def __init__(self, size: int, *, name: str = "ats-item") -> None:
        self.size = max(int(size), 1)
        self._name = name
        self._free = threading.Semaphore(self.size)
        self._done = threading.Condition()
        self._running = 0
        self._started = 0

    @property
    def running(self) -> int:
        """Calls in progress now."""
        with self._done:
            return self._running

    def reserve(self) -> None:
        """Wait for a free slot and hold it for the next `start` (a signal handler may interrupt the wait)."""
        self._free.acquire()

    def unreserve(self) -> None:
        """Give back a slot reserved and not used."""
        self._free.release()

    def start(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run fn(*args) on a new thread in the slot reserved before.

        The threads are daemons: a cold shutdown (second SIGTERM, SIGKILL) does not wait for them, and their items'
        leases expire so another worker takes them over.
        """
        with self._done:
            self._running += 1
            self._started += 1
            number = self._started
        try:
            threading.Thread(target=self._run, args=(fn, args), name=f"{self._name}-{number}", daemon=True).start()
        except BaseException:
            self._release()
            raise

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        """Wait for a free slot, then run fn(*args) in it."""
        self.reserve()
        self.start(fn, *args)

    def _run(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        try:
            fn(*args)
        except Exception:  # the callers record their own failures; this only keeps the slot count right
            log.exception("an item slot's call raised")
        finally:
            self._release()

    def _release(self) -> None:
        with self._done:
            self._running -= 1
            self._done.notify_all()
        self._free.release()

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every running call has returned; False if `timeout` passed first."""
        with self._done:
            return self._done.wait_for(lambda: self._running == 0, timeout)


def death_penalty_class(concurrency: int) -> type[BaseDeathPenalty]:
    """RQ's job timeout for this concurrency: SIGALRM on the main thread, else a timer per job thread."""
    return UnixSignalDeathPenalty if concurrency <= 1 else TimerDeathPenalty


def concurrency_for(configured: int, external_provider: bool) -> int:
    """Items a worker runs at once: ATS_WORKER_CONCURRENCY when items wait on a remote model, else 1.

    The offline engine is pure CPU: under the GIL a second thread would only add switching.
    """
    return max(configured, 1) if external_provider else 1
