"""A provider batch as a scriptable state machine, shared by the OpenAI and Anthropic batch fakes.

A batch waits `validate_s`, then answers its requests evenly over `run_s` seconds (so a poll sees progress), then
ends as its Lifecycle says: completed, expired (only the first `answered` share has answers), or failed (none).
Each request is answered by the plain fake server exactly as a live call with the same body would be, so a batch
gives the same results as the live path.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Answer = Callable[[str, bytes], tuple[int, bytes]]  # (path, body) -> (HTTP status, response body)
_ids = itertools.count(1)


@dataclass(frozen=True)
class Lifecycle:
    """How one batch runs."""

    validate_s: float = 0.0
    run_s: float = 0.3
    outcome: str = "completed"  # completed | expired | failed
    answered: float = 1.0  # with "expired": the share of requests answered before the window closed
    errors: frozenset[str] = frozenset()  # custom ids answered with a per-request server error


@dataclass(frozen=True)
class LineOutcome:
    """One request's fate: answered (status, body), or not run (`missing`: expired, cancelled, failed)."""

    custom_id: str
    status: int = 0
    body: dict = field(default_factory=dict)
    missing: str = ""


@dataclass
class FakeBatch:
    """One batch: its requests (custom id, path, body), lifecycle and clock."""

    lines: list[tuple[str, str, bytes]]
    lifecycle: Lifecycle
    prefix: str
    created: float = field(default_factory=time.time)
    cancelled_at: float | None = None
    metadata: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)  # what one wire format keeps beside the batch (file ids...)

    def __post_init__(self) -> None:
        self.id = f"{self.prefix}_{next(_ids):06d}"
        self._outcomes: list[LineOutcome] | None = None
        self._lock = threading.Lock()

    def phase(self, now: float | None = None) -> str:
        """validating | in_progress | ended."""
        now = time.time() if now is None else now
        if self.cancelled_at is not None:
            return "ended"
        elapsed = now - self.created
        if elapsed < self.lifecycle.validate_s:
            return "validating"
        if self.lifecycle.outcome == "failed":
            return "ended"
        return "in_progress" if elapsed < self.lifecycle.validate_s + self.lifecycle.run_s else "ended"

    def share_done(self, now: float | None = None) -> float:
        """The share of requests answered so far."""
        now = time.time() if now is None else now
        end = self.cancelled_at if self.cancelled_at is not None else now
        run = max(self.lifecycle.run_s, 1e-9)
        share = min(max((end - self.created - self.lifecycle.validate_s) / run, 0.0), 1.0)
        if self.lifecycle.outcome == "expired":
            share = min(share, self.lifecycle.answered)
        return 0.0 if self.lifecycle.outcome == "failed" else share

    def counts(self) -> tuple[int, int, int]:
        """(answered ok, answered with an error, total) so far."""
        total = len(self.lines)
        answered = int(total * self.share_done())
        errors = sum(1 for cid, _, _ in self.lines[:answered] if cid in self.lifecycle.errors)
        return answered - errors, errors, total

    def outcomes(self, answer: Answer) -> list[LineOutcome]:
        """Every request's fate, computed once when the batch has ended (answers come from the live fake)."""
        with self._lock:
            if self._outcomes is None:
                answered = int(len(self.lines) * self.share_done())
                why = "cancelled" if self.cancelled_at is not None else self.lifecycle.outcome
                out = []
                for i, (custom_id, path, body) in enumerate(self.lines):
                    if i >= answered:
                        out.append(LineOutcome(custom_id, missing=why))
                    elif custom_id in self.lifecycle.errors:
                        out.append(LineOutcome(custom_id, 500, {"error": {"message": "internal error"}}))
                    else:
                        status, reply = answer(path, body)
                        out.append(LineOutcome(custom_id, status, json.loads(reply)))
                self._outcomes = out
            return self._outcomes
