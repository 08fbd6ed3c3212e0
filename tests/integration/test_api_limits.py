"""Rate limiters (Redis shared across processes, memory fallback) and concurrent idempotent submissions."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import asyncio

import httpx
import redis
from sqlalchemy import func, select

from api.ratelimit import MemoryLimiter, RedisLimiter, auth_failure_delay
from db.models import Job
from db.session import session_scope
from tests.integration.api_support import JD, RESUME, make_api  # noqa: F401 - fixture


def test_redis_limiter_is_shared_by_every_process(redis_namespace):
    url, namespace = redis_namespace
    one = RedisLimiter(redis.Redis.from_url(url), prefix=namespace)
    two = RedisLimiter(redis.Redis.from_url(url), prefix=namespace)  # another API process
    decisions = [limiter.hit("bulk", "key-1", 3) for limiter in (one, two, one, two)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert decisions[-1].count == 4 and 1 <= decisions[-1].retry_after <= 60
    assert one.hit("bulk", "key-2", 3).allowed  # per key


def test_redis_limiter_falls_back_to_memory_when_redis_is_down(private_redis):
    limiter = RedisLimiter(redis.Redis.from_url(private_redis["url"], socket_timeout=0.5), prefix="t")
    assert limiter.hit("read", "k", 2).count == 1
    private_redis["stop"]()
    decisions = [limiter.hit("read", "k", 2) for _ in range(3)]
    assert [d.allowed for d in decisions] == [True, True, False]


def test_memory_limiter_and_failed_auth_delays():
    limiter = MemoryLimiter()
    assert [limiter.hit("sync", "k", 2).allowed for _ in range(3)] == [True, True, False]
    assert auth_failure_delay(10, 10) == 0.0 and auth_failure_delay(12, 10) == 0.5 and auth_failure_delay(99, 10) == 3.0


def test_embedded_mode_limits_in_memory(make_api):
    env = make_api(redis_url=None, bulk_rate_per_minute=1)
    body = {"jd": JD, "resumes": [RESUME]}
    assert env.client.post("/api/bulk/process", json=body, headers=env.auth()).status_code == 202
    assert env.client.post("/api/bulk/process", json=body, headers=env.auth()).status_code == 429


def test_concurrent_posts_with_one_idempotency_key_make_one_job(make_api):
    env = make_api(bulk_rate_per_minute=100)
    headers = {**env.auth(), "Idempotency-Key": "race-1"}
    body = {"jd": JD, "resumes": [RESUME]}

    async def fire() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=env.client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            return await asyncio.gather(
                *(client.post("/api/bulk/process", json=body, headers=headers) for _ in range(6))
            )

    responses = asyncio.run(fire())
    assert {r.status_code for r in responses} <= {202, 409}, [r.text for r in responses]
    assert len({r.json()["job_id"] for r in responses if r.status_code == 202}) == 1
    with session_scope(env.settings) as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 1
