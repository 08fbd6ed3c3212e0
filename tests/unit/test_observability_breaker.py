"""The observed breaker store publishes the real CircuitBreaker's transitions as a gauge."""

from __future__ import annotations

import pytest

from core.errors import CircuitOpenError
from core.llm.resilience import CircuitBreaker, MemoryBreakerStore
from observability import metrics
from observability.breaker import ObservedBreakerStore, provider_label


def _state(provider: str) -> float | None:
    return metrics.REGISTRY.get_sample_value("ats_circuit_breaker_state", {"provider": provider})


def test_breaker_transitions_reach_the_gauge() -> None:
    now = [1000.0]
    breaker = CircuitBreaker(
        "obs-test:http://10.0.0.1/v1",
        ObservedBreakerStore(MemoryBreakerStore(clock=lambda: now[0])),
        failures=2,
        cooldown_s=30,
        clock=lambda: now[0],
    )
    opened = metrics.REGISTRY.get_sample_value("ats_circuit_breaker_opened_total", {"provider": "obs-test"}) or 0

    def boom() -> None:
        raise TimeoutError("provider down")

    for _ in range(2):
        with pytest.raises(TimeoutError):
            breaker.call(boom)
    assert _state("obs-test") == 2
    with pytest.raises(CircuitOpenError):
        breaker.call(lambda: "refused while open")
    now[0] += 31  # half-open: one trial goes through and closes the circuit
    assert breaker.call(lambda: "ok") == "ok"
    assert _state("obs-test") == 0
    assert metrics.REGISTRY.get_sample_value("ats_circuit_breaker_opened_total", {"provider": "obs-test"}) == opened + 1


def test_provider_label_never_carries_the_url() -> None:
    assert provider_label("openai-compatible:http://user:pw@host/v1") == "openai-compatible"
    assert provider_label("anthropic:default") == "anthropic"
