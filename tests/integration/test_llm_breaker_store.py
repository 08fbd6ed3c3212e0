"""The Redis BreakerStore: shared circuit state across processes, one half-open trial, fail-open without Redis."""

from __future__ import annotations

import pytest
import redis

from core.errors import CircuitOpenError
from core.llm.resilience import CircuitBreaker, MemoryBreakerStore
from workers.breaker_store import STATE_TTL_S, RedisBreakerStore, breaker_store_for

pytestmark = pytest.mark.redis


class Clock:
    """A clock tests move by hand."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def _fail() -> None:
    raise ConnectionError("provider down")


def test_two_workers_share_one_circuit(redis_namespace):
    url, name = redis_namespace
    clock = Clock()
    worker_a = CircuitBreaker("openai:default", RedisBreakerStore(redis.Redis.from_url(url), prefix=name), failures=3,
                              cooldown_s=10, clock=clock)  # fmt: skip
    worker_b = CircuitBreaker("openai:default", RedisBreakerStore(redis.Redis.from_url(url), prefix=name), failures=3,
                              cooldown_s=10, clock=clock)  # fmt: skip
    for breaker in (worker_a, worker_b, worker_a):
        with pytest.raises(ConnectionError):
            breaker.call(_fail)
    assert worker_b.state() == "open"
    with pytest.raises(CircuitOpenError):
        worker_b.call(lambda: "refused")
    conn = redis.Redis.from_url(url)
    key = f"{name}:breaker:openai:default"
    assert 0 < conn.ttl(key) <= STATE_TTL_S

    clock.now += 10
    assert worker_a.state() == "half_open"
    worker_a.before_call()  # A holds the one trial
    with pytest.raises(CircuitOpenError):
        worker_b.before_call()
    worker_a.record_success()
    assert worker_b.state() == "closed" and not conn.exists(key)
    assert worker_b.call(lambda: "ok") == "ok"


def test_store_round_trip(redis_namespace):
    url, name = redis_namespace
    store = RedisBreakerStore(redis.Redis.from_url(url), prefix=name)
    assert store.get("p").failures == 0 and store.get("p").opened_at is None
    assert [store.add_failure("p") for _ in range(3)] == [1, 2, 3]
    store.open("p", 1234.5)
    assert store.get("p").opened_at == 1234.5
    assert store.claim_trial("p", 5) is True and store.claim_trial("p", 5) is False
    store.reset("p")
    assert store.get("p").failures == 0 and store.claim_trial("p", 5) is True


def test_without_redis_the_circuit_fails_open(private_redis):
    store = RedisBreakerStore(redis.Redis.from_url(private_redis["url"], socket_timeout=0.5), prefix="t")
    breaker = CircuitBreaker("p", store, failures=1, cooldown_s=60)
    private_redis["stop"]()
    with pytest.raises(ConnectionError):
        breaker.call(_fail)  # the provider's error, not Redis's
    assert breaker.state() == "closed"
    assert breaker.call(lambda: "still served") == "still served"


def test_breaker_store_for_follows_redis_url(make_settings, redis_namespace):
    url, name = redis_namespace
    assert isinstance(breaker_store_for(make_settings()), MemoryBreakerStore)
    store = breaker_store_for(make_settings(redis_url=url, queue_name=name))
    assert isinstance(store, RedisBreakerStore) and store.prefix == name
    assert store.add_failure("openai:default") == 1
    assert redis.Redis.from_url(url).hget(f"{name}:breaker:openai:default", "failures") == b"1"
