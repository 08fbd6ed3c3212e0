"""RQ transport, scheduler work, timeouts under the no-fork worker, the JD cache and the synchronous path."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from redis import Redis
from sqlalchemy import select, update

from core.factory import build_context, load_local
from core.llm.offline import OfflineProvider
from core.types import JDSignals
from db.models import JobItem, utcnow
from services import jobs, sync
from services.cache import DbSignalsCache, LocalFront, RedisSignalsCache, signals_cache_for
from services.dispatch import RqQueue, rq_job_id
from tests.integration.costly_provider import CostlyProvider
from workers import runtime as worker_runtime
from workers.embedded import run_embedded
from workers.rq_worker import PipelineWorker
from workers.sweeper import Sweeper, reap, requeue_lost
from workers.tasks import item_runner

RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS."


def _runtime(settings, engine, queue, **provider_kw):
    matcher, extractor = load_local()
    provider = CostlyProvider(OfflineProvider(matcher=matcher, extractor=extractor), **provider_kw)
    settings = settings.model_copy(update={"llm_signals_threshold": 0.0})
    ctx = build_context(settings, provider=provider, cache=signals_cache_for(settings, engine))
    rt = worker_runtime.Runtime(settings=settings, engine=engine, ctx=ctx, queue=queue)
    worker_runtime.set_runtime(rt)
    return rt


@pytest.fixture
def rq_setup(db_settings, engine, redis_namespace):
    """Settings with the shared Redis and a private queue name, and an RqQueue on it."""
    url, name = redis_namespace
    settings = db_settings.model_copy(update={"redis_url": url, "queue_name": name, "job_timeout_s": 1})
    yield settings, RqQueue(settings)
    worker_runtime.set_runtime(None)


def _item_ids(session, job_id):
    session.commit()
    return list(session.scalars(select(JobItem.id).where(JobItem.job_id == job_id).order_by(JobItem.seq)))


def test_one_deterministic_rq_job_per_item_and_lost_jobs_are_found(session, make_user, rq_setup):
    settings, queue = rq_setup
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}] * 3, queue=queue)["job_id"]
    ids = _item_ids(session, job_id)
    assert queue.queue.count == 3 and queue.missing(ids) == []
    assert sorted(queue.queue.job_ids) == sorted(rq_job_id(settings.queue_name, i) for i in ids)
    queue.connection.delete(f"rq:job:{rq_job_id(settings.queue_name, ids[0])}")  # Redis lost one
    assert queue.missing(ids) == [ids[0]]
    assert requeue_lost(session.get_bind(), queue, grace_s=0) == 1
    assert queue.missing(ids) == []


def test_reaper_requeues_items_whose_lease_expired(session, make_user, rq_setup):
    _, queue = rq_setup
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}], queue=queue)["job_id"]
    (item_id,) = _item_ids(session, job_id)
    session.execute(
        update(JobItem).values(status="running", lease_token="dead", lease_until=utcnow() - timedelta(seconds=1))
    )
    session.commit()
    queue.queue.empty()
    assert reap(session.get_bind(), queue) == 1
    assert session.scalar(select(JobItem.status)) == "queued" and queue.queue.count == 1


def test_job_timeout_is_enforced_without_forking(session, make_user, rq_setup, engine):
    settings, queue = rq_setup
    _runtime(settings, engine, queue, delay_s=5.0)
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}], queue=queue)["job_id"]
    worker = PipelineWorker([queue.queue], connection=queue.connection)
    started = time.monotonic()
    worker.work(burst=True, with_scheduler=False)
    assert time.monotonic() - started < 4.0  # the 1 s job timeout cut the 5 s call short, in this process
    item = session.scalar(select(JobItem).where(JobItem.job_id == job_id))
    assert item.status == "queued" and "JobTimeoutException" in item.error  # released for a retry
    rq_job = queue.queue.fetch_job(rq_job_id(settings.queue_name, item.id))
    assert rq_job.get_status() == "scheduled"  # RQ's Retry with backoff took it


def test_embedded_loop_processes_everything_and_the_scheduler_finishes_jobs(session, make_user, engine, db_settings):
    from services.dispatch import DbQueue

    rt = _runtime(db_settings, engine, DbQueue())
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}] * 4)["job_id"]
    assert run_embedded(rt, burst=True) == 4
    session.commit()
    status = jobs.job_status(session, principal=alice, job_id=job_id)
    assert status["status"] == "completed" and status["finished_at"] is not None
    assert Sweeper(rt.settings, engine, rt.queue, "t").tick(force=True)["jobs_finished"] == 0
    worker_runtime.set_runtime(None)


def test_redis_signal_cache_expires_and_the_db_cache_is_real(engine, redis_namespace):
    url, name = redis_namespace
    conn = Redis.from_url(url)
    signals = JDSignals(title="Engineer", confidence=0.9)
    redis_cache = RedisSignalsCache(conn, ttl_s=60, prefix=name)
    redis_cache.set("k1", signals)
    assert redis_cache.get("k1") == signals and 0 < conn.ttl(f"{name}:jd:k1") <= 60
    assert redis_cache.get("nope") is None
    db_cache = DbSignalsCache(engine, ttl_s=60)
    db_cache.set("k1", signals)
    db_cache.set("k1", signals.model_copy(update={"title": "Lead"}))
    assert DbSignalsCache(engine, ttl_s=60).get("k1").title == "Lead"  # shared through the table, replaced
    expired = DbSignalsCache(engine, ttl_s=-1)
    expired.set("k2", signals)
    assert expired.get("k2") is None and expired.purge_expired() == 1
    front = LocalFront(db_cache)
    assert front.get("k1").title == "Lead"
    db_cache.set("k1", signals)  # another worker's write: the memo keeps serving its copy for its short TTL
    assert front.get("k1").title == "Lead"


def test_process_pair_now_returns_the_item_result_and_times_out(session, make_user, engine, db_settings):
    from services.dispatch import DbQueue

    _runtime(db_settings, engine, DbQueue())
    alice = make_user("alice")
    result = sync.process_pair_now(
        session, principal=alice, resume=RESUME, jd=JD, timeout_s=30, run_item=item_runner(db_settings)
    )
    assert result["status"] == "COMPLETED" and result["bullets"] and result["cost"]["provider"] == "costly"
    _runtime(db_settings, engine, DbQueue(), delay_s=2.0)
    with pytest.raises(TimeoutError):
        sync.process_pair_now(
            session, principal=alice, resume=RESUME, jd=JD, timeout_s=0.3, run_item=item_runner(db_settings)
        )
    for thread in threading.enumerate():
        if thread.name == "sync-item":
            thread.join(10)  # it finishes the item in the background; let it before the database goes
    worker_runtime.set_runtime(None)


def test_rq_queue_name_is_safe_for_job_ids():
    assert rq_job_id("ats.prod", "abc") == "ats_prod-item-abc"  # RQ allows letters, digits, _ and - only


def test_paused_items_resume_when_their_day_is_over(session, make_user, db_settings):
    from services.dispatch import DbQueue, resume_paused

    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}] * 2)["job_id"]
    first, second = _item_ids(session, job_id)
    now = utcnow()
    session.execute(update(JobItem).where(JobItem.id == first).values(status="paused_limit", paused_until=now))
    later = now + timedelta(hours=5)
    session.execute(update(JobItem).where(JobItem.id == second).values(status="paused_limit", paused_until=later))
    session.commit()
    assert resume_paused(session.get_bind(), DbQueue()) == 1
    statuses = dict(session.execute(select(JobItem.id, JobItem.status)).all())
    assert statuses == {first: "queued", second: "paused_limit"}


def test_item_jobs_leave_rq_state_as_rq_itself_would(session, make_user, rq_setup, engine):
    settings, queue = rq_setup
    _runtime(settings.model_copy(update={"job_timeout_s": 60}), engine, queue)
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}] * 2, queue=queue)["job_id"]
    ids = _item_ids(session, job_id)
    worker = PipelineWorker([queue.queue], connection=queue.connection)
    worker.work(burst=True, with_scheduler=False)
    session.expire_all()
    assert [session.get(JobItem, i).status for i in ids] == ["completed", "completed"]
    rq_ids = [rq_job_id(settings.queue_name, i) for i in ids]
    for rq_id in rq_ids:  # the two-pipeline path: status, result and registries as RQ's own success path leaves them
        rq_job = queue.queue.fetch_job(rq_id)
        assert rq_job.get_status() == "finished" and rq_job.return_value() == "completed"
        assert rq_job.ended_at is not None and rq_job.worker_name == worker.name
    assert sorted(queue.queue.finished_job_registry.get_job_ids()) == sorted(rq_ids)
    assert queue.queue.started_job_registry.get_job_ids() == [] and queue.queue.count == 0
    assert int(queue.connection.hget(worker.key, "successful_job_count")) == 2
