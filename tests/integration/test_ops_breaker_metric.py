"""The worker's breaker wiring: a dead provider opens the shared Redis circuit and the gauge shows it."""

from __future__ import annotations

import pytest

from core.config import load_settings
from core.llm.registry import make_provider
from core.types import UnlimitedBudget
from observability import metrics
from observability.breaker import ObservedBreakerStore
from tests.conftest import free_port
from workers.breaker_store import RedisBreakerStore, breaker_store_for

pytestmark = pytest.mark.redis


def test_dead_provider_opens_the_shared_circuit_and_the_gauge(redis_namespace: tuple[str, str]) -> None:
    url, name = redis_namespace
    settings = load_settings(
        database_url="sqlite://",
        redis_url=url,
        queue_name=name,  # the breaker keys live under this prefix; the fixture deletes them
        llm_provider="openai-compatible",
        llm_base_url=f"http://127.0.0.1:{free_port()}/v1",  # nothing listens there
        llm_breaker_failures=1,
        llm_max_retries=0,
        llm_timeout_s=2,
    )
    inner = breaker_store_for(settings)
    assert isinstance(inner, RedisBreakerStore)
    provider = make_provider(settings, breaker_store=ObservedBreakerStore(inner))
    before = metrics.REGISTRY.get_sample_value("ats_circuit_breaker_opened_total", {"provider": "openai-compatible"})
    reply = provider.extract_signals("Kubernetes engineer", budget=UnlimitedBudget())
    assert reply.signals.confidence == 0.0 and reply.records[0].ok is False  # the failure is answered, not raised
    assert metrics.REGISTRY.get_sample_value("ats_circuit_breaker_state", {"provider": "openai-compatible"}) == 2
    after = metrics.REGISTRY.get_sample_value("ats_circuit_breaker_opened_total", {"provider": "openai-compatible"})
    assert after == (before or 0) + 1
    # Another worker process sees the same open circuit through Redis.
    key = f"openai-compatible:{settings.llm_base_url}"
    assert RedisBreakerStore(inner.connection, prefix=name).get(key).opened_at is not None
