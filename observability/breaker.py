"""A circuit-breaker store wrapper that publishes the breaker's state as a Prometheus gauge.

core/ stays free of metrics: the edge (worker runtime, API) wraps whatever store it passes to
`make_provider(..., breaker_store=...)`:

    store = ObservedBreakerStore(RedisBreakerStore(conn))   # or MemoryBreakerStore()

`open()` sets `ats_circuit_breaker_state{provider}` to 2 (and counts the opening), `reset()` to 0.
While open, the breaker half-opens by time alone; the gauge stays 2 until a trial call succeeds.
"""

from __future__ import annotations

from typing import Any

from observability import metrics


def provider_label(key: str) -> str:
    """The provider name of a breaker key such as 'openai-compatible:http://host/v1' (never the URL)."""
    return key.split(":", 1)[0] or "unknown"


class ObservedBreakerStore:
    """Delegates every call to the inner BreakerStore and mirrors open/closed into metrics."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def get(self, key: str) -> Any:
        """The state for key (as the inner store says)."""
        return self.inner.get(key)

    def add_failure(self, key: str) -> int:
        """Count one more consecutive failure."""
        return self.inner.add_failure(key)

    def open(self, key: str, at: float) -> None:
        """Open the circuit and publish it."""
        self.inner.open(key, at)
        metrics.set_circuit_state(provider_label(key), "open")

    def reset(self, key: str) -> None:
        """Close the circuit and publish it."""
        self.inner.reset(key)
        metrics.set_circuit_state(provider_label(key), "closed")

    def claim_trial(self, key: str, ttl_s: float) -> bool:
        """Let one caller make the half-open trial call."""
        return self.inner.claim_trial(key, ttl_s)
