"""The fake LLM server with a model's latency and a provider's rate limit: requests per minute over a sliding
60-second window (429 + Retry-After past it), rate-limit headers on every answer in each provider's own format
(OpenAI `x-ratelimit-*`, Anthropic `anthropic-ratelimit-*`), and 429s injected at random to prove retries.

Run alone for benchmarks: `python -m tests.fakes.paced_server --latency 10 --rpm 500` prints its URL;
`GET /_fake/stats` returns what it saw (arrivals, requests over the limit, the most in flight at once).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tests.fakes.llm_server import FakeLLMServer, _error

WINDOW_S = 60.0
MODEL_PATHS = ("/chat/completions", "/messages")


@dataclass
class PacedLLMServer(FakeLLMServer):
    """FakeLLMServer + latency + a sliding-window RPM/TPM limit + injected 429s."""

    latency_s: float = 0.0
    rpm: int = 0  # 0 = no limit
    tpm: int = 0
    window_s: float = WINDOW_S  # tests shorten it: the window then holds rpm * window_s / 60 requests
    headroom: float = 0.0  # enforce rpm * (1 + headroom) while the headers say rpm (short test windows: jitter)
    inject_429: float = 0.0  # share of accepted-looking requests answered 429 anyway (Retry-After: 1)
    seed: int = 0
    accepted: list[float] = field(default_factory=list)  # arrival times (monotonic) of requests served
    over_limit: list[float] = field(default_factory=list)  # arrivals refused because the window was full
    injected: int = 0
    max_in_flight: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        self._window: deque[tuple[float, int]] = deque()
        self._pace_lock = threading.Lock()
        self._rng = random.Random(self.seed)
        self._in_flight = 0

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        """Model calls are metered, delayed and answered; anything else goes to the plain server."""
        if not path.split("?")[0].rstrip("/").endswith(MODEL_PATHS):
            return super().answer(path, headers, body)
        anthropic = path.split("?")[0].rstrip("/").endswith("/messages")
        tokens = math.ceil(len(body) / 4)
        now = time.monotonic()
        with self._pace_lock:
            while self._window and self._window[0][0] <= now - self.window_s:
                self._window.popleft()
            used = len(self._window)
            used_tokens = sum(t for _, t in self._window)
            reset = (self._window[0][0] + self.window_s - now) if self._window else 0.0
            share = self.window_s / WINDOW_S * (1 + self.headroom)
            full = (self.rpm and used >= self.rpm * share) or (self.tpm and used_tokens + tokens > self.tpm * share)
            if full:
                self.over_limit.append(now)
                limits = self._headers(anthropic, used, used_tokens, reset)
                wait = {"retry-after": f"{max(reset, 0.001):.3f}"}
                return 429, {**limits, **wait}, _error(anthropic, "rate_limit_error", "rate limited")
            if self.inject_429 and self._rng.random() < self.inject_429:
                self.injected += 1
                return 429, {"retry-after": "1"}, _error(anthropic, "rate_limit_error", "try again in 1s")
            self._window.append((now, tokens))
            self.accepted.append(now)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            limits = self._headers(anthropic, used + 1, used_tokens + tokens, reset or self.window_s)
        try:
            if self.latency_s:
                self._stop.wait(self.latency_s)
            status, extra, reply = super().answer(path, headers, body)
        finally:
            with self._pace_lock:
                self._in_flight -= 1
        return status, {**limits, **extra}, reply

    def _headers(self, anthropic: bool, used: int, used_tokens: int, reset_s: float) -> dict[str, str]:
        out: dict[str, str] = {}
        if anthropic:
            at = datetime.fromtimestamp(time.time() + reset_s, tz=UTC).isoformat().replace("+00:00", "Z")
            if self.rpm:
                out["anthropic-ratelimit-requests-limit"] = str(self.rpm)
                out["anthropic-ratelimit-requests-remaining"] = str(max(self.rpm - used, 0))
                out["anthropic-ratelimit-requests-reset"] = at
            if self.tpm:
                out["anthropic-ratelimit-input-tokens-limit"] = str(self.tpm)
                out["anthropic-ratelimit-input-tokens-remaining"] = str(max(self.tpm - used_tokens, 0))
                out["anthropic-ratelimit-input-tokens-reset"] = at
            return out
        if self.rpm:
            out["x-ratelimit-limit-requests"] = str(self.rpm)
            out["x-ratelimit-remaining-requests"] = str(max(self.rpm - used, 0))
            out["x-ratelimit-reset-requests"] = f"{reset_s:.3f}s"
        if self.tpm:
            out["x-ratelimit-limit-tokens"] = str(self.tpm)
            out["x-ratelimit-remaining-tokens"] = str(max(self.tpm - used_tokens, 0))
            out["x-ratelimit-reset-tokens"] = f"{reset_s:.3f}s"
        return out

    def answer_get(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """`/_fake/stats` for a benchmark in another process; anything else goes to the plain server."""
        if path.split("?")[0] == "/_fake/stats":
            return 200, {}, json.dumps(self.stats()).encode()
        return super().answer_get(path, headers)

    def stats(self) -> dict[str, object]:
        """What the server saw: accepted arrivals (seconds since the first), refusals, injected 429s, peak load."""
        with self._pace_lock:
            first = self.accepted[0] if self.accepted else 0.0
            return {
                "accepted": [round(t - first, 4) for t in self.accepted],
                "over_limit": len(self.over_limit),
                "injected_429": self.injected,
                "max_in_flight": self.max_in_flight,
                "rpm": self.rpm,
                "latency_s": self.latency_s,
            }


def max_per_window(arrivals: list[float], window: float = WINDOW_S) -> int:
    """The most arrivals in any half-open window of this length."""
    import bisect

    ordered = sorted(arrivals)
    return max((bisect.bisect_left(ordered, t + window) - i for i, t in enumerate(ordered)), default=0)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command-line knobs of a paced server (shared with the batch server)."""
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--rpm", type=int, default=0)
    parser.add_argument("--tpm", type=int, default=0)
    parser.add_argument("--inject-429", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)


def knobs(args: argparse.Namespace) -> dict[str, float]:
    """The PacedLLMServer fields those arguments set."""
    return {
        "latency_s": args.latency,
        "rpm": args.rpm,
        "tpm": args.tpm,
        "inject_429": args.inject_429,
        "seed": args.seed,
    }


def main() -> None:
    """Serve until SIGTERM/SIGINT; print the base URLs as one JSON line first."""
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    serve(PacedLLMServer(**knobs(parser.parse_args())))  # type: ignore[arg-type]


def serve(server: FakeLLMServer) -> None:
    """Start the server, print its base URLs as one JSON line, serve until SIGTERM/SIGINT."""
    server.start()
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: done.set())
    print(json.dumps({"openai_url": server.openai_url, "anthropic_url": server.anthropic_url}), flush=True)
    done.wait()
    server.stop()


if __name__ == "__main__":
    main()
