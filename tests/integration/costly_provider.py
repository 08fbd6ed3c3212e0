"""A test Provider with a cost: rewrites like the offline engine, charges per call, and logs every call it makes.

The log (one line per call, appended atomically) lets a test count the calls actually made, so a ledger
assertion can fail: a duplicated or lost ledger row shows up as a mismatch.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from core.types import Budget, JDSignals, RewriteBrief, RewriteOptions, RewriteReply, SignalsReply

USD_PER_CALL = 0.001


class CostlyProvider:
    """External-looking provider ("costly") that charges USD_PER_CALL for each rewrite."""

    name = "costly"
    model = "costly-1"
    external = True

    def __init__(self, offline, *, log_path: str | None = None, delay_s: float = 0.0, fail: str | None = None):
        self._offline = offline
        self._log = Path(log_path) if log_path else None
        self._delay = delay_s
        self._fail = fail
        self.calls: list[str] = []

    def _record(self, call_key: str) -> None:
        self.calls.append(call_key)
        if self._log is not None:
            fd = os.open(self._log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, f"{call_key} {os.getpid()}\n".encode())
            finally:
                os.close(fd)

    def rewrite(
        self,
        bullets: list[str],
        signals: JDSignals,
        *,
        budget: Budget,
        call_key: str = "",
        options: RewriteOptions | None = None,
        brief: RewriteBrief | None = None,
    ) -> RewriteReply:
        """The offline rewrite, charged and logged; sleeps delay_s to stand for network time."""
        budget.check(USD_PER_CALL)
        self._record(call_key)
        if self._delay:
            time.sleep(self._delay)
        if self._fail:
            raise RuntimeError(self._fail)
        reply = self._offline.rewrite(bullets, signals, budget=budget, call_key=call_key, options=options, brief=brief)
        record = reply.records[0].model_copy(
            update={
                "provider": self.name,
                "model": self.model,
                "usd": USD_PER_CALL,
                "input_tokens": 100,
                "output_tokens": 50,
            }
        )
        return reply.model_copy(update={"records": [record]})

    def extract_signals(self, jd_text: str, *, budget: Budget, call_key: str = "") -> SignalsReply:
        """Local signals (tests keep the LLM signals threshold at 0, so this is not called)."""
        return self._offline.extract_signals(jd_text, budget=budget, call_key=call_key)


def read_log(path: Path) -> list[tuple[str, int]]:
    """(call_key, pid) of every call logged."""
    if not path.exists():
        return []
    return [(k, int(p)) for k, p in (line.split() for line in path.read_text().splitlines() if line.strip())]
