"""The shared rate-limit stores: Redis (WATCH/MULTI on Redis's clock) and the database (SQLite, PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
import redis

from core.llm.ratelimit import RateLimiter, RateLimits, reserve
from db.models import RateLimitRow
from workers.rate_store import DbRateStore, RedisRateStore, rate_store_for

GAP = 60 * 1.01 / 600  # seconds between request starts at 600 RPM


def _book_concurrently(stores, per_store: int) -> list[float]:
    """Each store (as one worker process would hold it) books slots from 4 threads; returns the slot starts."""
    starts: list[float] = []
    lock = threading.Lock()

    def book(store) -> None:
        for _ in range(per_store // 4):

            def change(state, now):
                new, wait = reserve(state, RateLimits(rpm=600), now, 10)
                return new, now + wait

            start = store.update("openai:gpt-4o-mini:default", change)
            with lock:
                starts.append(start)

    threads = [threading.Thread(target=book, args=(s,)) for s in stores for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return sorted(starts)


def _assert_one_schedule(starts: list[float], n: int) -> None:
    assert len(starts) == n
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    # one shared schedule: every slot is GAP after the previous (a clock tick of slack for separate reads)
    assert min(gaps) >= GAP - 0.002


@pytest.mark.redis
def test_redis_store_gives_every_worker_its_own_slot(redis_namespace):
    url, name = redis_namespace
    stores = [RedisRateStore(redis.Redis.from_url(url), prefix=name) for _ in range(3)]
    _assert_one_schedule(_book_concurrently(stores, 40), 120)
    assert redis.Redis.from_url(url).ttl(f"{name}:ratelimit:openai:gpt-4o-mini:default") > 0


@pytest.mark.redis
def test_redis_store_paces_alone_when_redis_is_down(private_redis):
    store = RedisRateStore(redis.Redis.from_url(private_redis["url"], socket_timeout=0.5), prefix="t")
    private_redis["stop"]()
    limiter = RateLimiter(store, RateLimits(rpm=600), sleep=lambda s: None)
    waits = [limiter.acquire("k", 1) for _ in range(3)]
    assert waits[0] == 0.0
    assert waits[2] == pytest.approx(2 * GAP, abs=0.05)  # still paced, by this process alone


def test_database_store_shares_one_schedule(engine, db_settings):
    stores = [DbRateStore(engine) for _ in range(2)]
    _assert_one_schedule(_book_concurrently(stores, 24), 48)
    assert isinstance(rate_store_for(db_settings, engine), DbRateStore)
    from sqlalchemy import select

    with engine.connect() as conn:
        assert conn.scalar(select(RateLimitRow.key)) == "openai:gpt-4o-mini:default"
