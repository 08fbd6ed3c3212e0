"""Rate limiters (Redis shared across processes, memory fallback) and concurrent idempotent submissions."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import redis
from sqlalchemy import func, insert, select, text

from api.ratelimit import MemoryLimiter, RedisLimiter, auth_failure_delay
from db.models import Job
from db.session import get_engine, session_scope
from services import jobs
from services.api_keys import verify_api_key
from services.intake import check_pairs, parse_options, request_hash
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
    # Every identical post succeeds with the one job (the losers of the insert race re-read the winner's).
    assert [r.status_code for r in responses] == [202] * 6, [r.text for r in responses]
    assert len({r.json()["job_id"] for r in responses}) == 1
    with session_scope(env.settings) as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 1


def test_concurrent_posts_with_one_idempotency_key_and_two_bodies(make_api):
    env = make_api(bulk_rate_per_minute=100)
    headers = {**env.auth(), "Idempotency-Key": "race-2"}
    bodies = [{"jd": JD, "resumes": [RESUME]}, {"jd": JD + "\nAlso: Spark.", "resumes": [RESUME]}] * 3

    async def fire() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=env.client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            return await asyncio.gather(*(client.post("/api/bulk/process", json=b, headers=headers) for b in bodies))

    responses = asyncio.run(fire())
    by_body = [{r.status_code for r in responses[i::2]} for i in (0, 1)]
    assert sorted(by_body, key=min) == [{202}, {409}], [r.text for r in responses]
    assert all(r.json()["error"] == "conflict" for r in responses if r.status_code == 409)
    assert len({r.json()["job_id"] for r in responses if r.status_code == 202}) == 1


def test_submit_losing_the_insert_race_returns_the_winners_job(make_api):
    """Deterministic race: another transaction holds the same key's row uncommitted while submit_job inserts."""
    env = make_api()
    with session_scope(env.settings) as s:
        alice = verify_api_key(s, key=env.keys["alice"])
    assert alice is not None
    pairs = [{"resume": RESUME, "jd": JD}]
    digest = request_hash(check_pairs(pairs, env.settings)[0], parse_options(None))
    winner_id = "00000000-0000-4000-8000-000000000001"
    engine = get_engine(env.settings)
    with engine.connect() as other:
        other.execute(
            insert(Job).values(
                id=winner_id,
                owner_id=alice.user_id,
                source="api",
                options={},
                total=1,
                idempotency_key="race-3",
                request_hash=digest,
            )
        )  # not committed yet: submit_job's lookup cannot see it, its insert must wait for it
        with ThreadPoolExecutor(1) as pool:
            future = pool.submit(_submit, env.settings, alice, pairs, "race-3")
            _wait_for_lock_wait(engine)
            other.commit()
            reply = future.result(timeout=30)
    assert reply["job_id"] == winner_id and reply["duplicate"] is True
    with session_scope(env.settings) as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 1


def _submit(settings, principal, pairs, key):
    with session_scope(settings) as s:
        return jobs.submit_job(s, principal=principal, pairs=pairs, source="api", idempotency_key=key)


def _wait_for_lock_wait(engine, timeout_s: float = 20.0) -> None:
    """Until some session of this database waits on a row lock (the racing insert), else fail."""
    deadline = time.monotonic() + timeout_s
    with engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            ).scalar()
            conn.rollback()
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError("the racing insert never waited on the uncommitted row")
