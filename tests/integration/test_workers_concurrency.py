"""Many items in their model call at once per worker: the RQ worker and the embedded loop, timeouts on slot threads,
warm and cold stops of real worker processes, cancellation mid-flight."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from sqlalchemy import func, select

from core.factory import build_context, load_local
from core.llm.offline import OfflineProvider
from db.models import JobItem, StageEvent
from services import jobs
from services.cache import signals_cache_for
from services.dispatch import DbQueue, RqQueue, rq_job_id
from tests.integration.costly_provider import CostlyProvider, read_log
from tests.integration.test_workers_processes import Cluster
from workers import runtime as worker_runtime
from workers.embedded import run_embedded
from workers.rq_worker import PipelineWorker
from workers.slots import Slots, concurrency_for

RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS."


class CountingProvider(CostlyProvider):
    """CostlyProvider that also records the most calls it had in flight at once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()

    def rewrite(self, *args, **kwargs):
        with self._lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            return super().rewrite(*args, **kwargs)
        finally:
            with self._lock:
                self.in_flight -= 1


def _runtime(settings, engine, queue, **provider_kw):
    matcher, extractor = load_local()
    provider = CountingProvider(OfflineProvider(matcher=matcher, extractor=extractor), **provider_kw)
    settings = settings.model_copy(update={"llm_signals_threshold": 0.0})
    ctx = build_context(settings, provider=provider, cache=signals_cache_for(settings, engine))
    rt = worker_runtime.Runtime(settings=settings, engine=engine, ctx=ctx, queue=queue)
    worker_runtime.set_runtime(rt)
    return rt, provider


def _submit(session, principal, n: int, queue=None) -> list[str]:
    job_id = jobs.submit_job(session, principal=principal, pairs=[{"resume": RESUME, "jd": JD}] * n, queue=queue)[
        "job_id"
    ]
    session.commit()
    return list(session.scalars(select(JobItem.id).where(JobItem.job_id == job_id).order_by(JobItem.seq)))


@pytest.fixture
def rq_settings(db_settings, redis_namespace):
    url, name = redis_namespace
    yield db_settings.model_copy(update={"redis_url": url, "queue_name": name, "worker_concurrency": 8})
    worker_runtime.set_runtime(None)


def test_concurrency_is_one_for_the_offline_engine():
    assert concurrency_for(32, external_provider=True) == 32
    assert concurrency_for(32, external_provider=False) == 1
    assert concurrency_for(0, external_provider=True) == 1


def test_slots_never_run_more_than_their_size_and_drain():
    slots, lock, peak, now = Slots(3), threading.Lock(), [0], [0]

    def call() -> None:
        with lock:
            now[0] += 1
            peak[0] = max(peak[0], now[0])
        time.sleep(0.05)
        with lock:
            now[0] -= 1

    for _ in range(12):
        slots.submit(call)
    assert slots.drain(5)
    assert peak[0] == 3 and slots.running == 0


def test_rq_worker_runs_items_side_by_side_with_rq_bookkeeping(session, make_user, engine, rq_settings):
    queue = RqQueue(rq_settings)
    rt, provider = _runtime(rq_settings, engine, queue, delay_s=1.0)
    ids = _submit(session, make_user("alice"), 16, queue)
    worker = PipelineWorker([queue.queue], connection=queue.connection, concurrency=8)
    started = time.monotonic()
    worker.work(burst=True, with_scheduler=False)
    took = time.monotonic() - started
    assert provider.peak == 8  # eight calls in flight at once, never more
    assert took < 8.0  # 16 one-second calls, 8 at a time: ~2 s (one at a time would be 16 s)
    session.expire_all()
    assert [session.get(JobItem, i).status for i in ids] == ["completed"] * 16
    rq_ids = [rq_job_id(rq_settings.queue_name, i) for i in ids]
    for rq_id in rq_ids:  # RQ's own success path ran for every job
        rq_job = queue.queue.fetch_job(rq_id)
        assert rq_job.get_status() == "finished" and rq_job.return_value() == "completed"
    assert sorted(queue.queue.finished_job_registry.get_job_ids()) == sorted(rq_ids)
    assert queue.queue.started_job_registry.get_job_ids() == [] and queue.queue.count == 0
    assert int(queue.connection.hget(worker.key, "successful_job_count")) == 16
    assert worker.slots.running == 0


def test_job_timeout_reaches_a_slot_thread(session, make_user, engine, rq_settings):
    settings = rq_settings.model_copy(update={"job_timeout_s": 1})
    queue = RqQueue(settings)
    _runtime(settings, engine, queue, delay_s=2.0)
    (item_id,) = _submit(session, make_user("alice"), 1, queue)
    worker = PipelineWorker([queue.queue], connection=queue.connection, concurrency=4)
    worker.work(burst=True, with_scheduler=False)
    # The timer's exception lands in the job's thread when it next runs Python code (here after the 2 s sleep;
    # a network read returns by ATS_LLM_TIMEOUT_S): the run is abandoned, not finished.
    session.expire_all()
    item = session.get(JobItem, item_id)
    assert item.status == "queued" and "JobTimeoutException" in item.error  # released for a retry
    assert queue.queue.fetch_job(rq_job_id(settings.queue_name, item_id)).get_status() == "scheduled"


def test_embedded_loop_runs_items_side_by_side(session, make_user, engine, db_settings):
    settings = db_settings.model_copy(update={"worker_concurrency": 8})
    rt, provider = _runtime(settings, engine, DbQueue(), delay_s=1.0)
    ids = _submit(session, make_user("alice"), 16)
    started = time.monotonic()
    assert run_embedded(rt, burst=True) == 16
    assert time.monotonic() - started < 8.0
    assert provider.peak == 8
    assert sorted(provider.calls) == sorted(f"{i}:rewrite:1" for i in ids)  # each item called once
    with engine.connect() as conn:
        done = conn.scalar(select(func.count()).select_from(StageEvent).where(StageEvent.outcome == "completed"))
    assert done == 16
    worker_runtime.set_runtime(None)


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["rq", "embedded"])
def test_sigterm_lets_running_items_finish_and_leaves_the_rest_queued(tmp_path, pg_url, redis_namespace, mode):
    url, name = redis_namespace
    # Leases (stuck_after_s) far longer than a call: on a busy machine a 3 s lease expired under a 3 s call and the
    # sweeper took the item back, which is the crash path, not the warm stop this test is about.
    values = {"database_url": pg_url, "worker_concurrency": 4, "job_timeout_s": 60, "stuck_after_s": 30}
    values.update({"redis_url": url, "queue_name": name} if mode == "rq" else {"redis_url": None})
    c = Cluster(tmp_path, values)
    try:
        worker = c.start(delay=3.0)
        c.submit(8)
        c.wait_for(lambda n: n["running"] == 4, timeout=60)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0  # warm stop: it waited for its four calls
        counts = c.counts()
        assert counts["completed"] == 4 and counts["queued"] == 4 and counts["running"] == 0
        c.start(delay=0.0)
        c.wait_for(lambda n: n["completed"] == 8)
        assert len(c.ledger()) == len(read_log(c.log)) == 8  # every call made once, booked once
    finally:
        c.stop()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
def test_kill_9_with_many_items_in_flight_loses_nothing(tmp_path, pg_url, redis_namespace):
    url, name = redis_namespace
    values = {"database_url": pg_url, "redis_url": url, "queue_name": name, "worker_concurrency": 16}
    c = Cluster(tmp_path, values)
    try:
        victim = c.start(delay=2.0)
        c.submit(40)
        c.wait_for(lambda n: n["running"] >= 12, timeout=60)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(5)
        c.start_workers(0.0, 0.0)
        c.wait_for(lambda n: n["completed"] == 40, timeout=120)
        completions = c.completions()
        assert len(completions) == 40 and set(completions.values()) == {1}  # none lost, none doubled
        keys = [k for _, k in c.ledger()]
        assert len(keys) == len(set(keys))
    finally:
        c.stop()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.slow
def test_cancel_stops_items_in_flight_without_completing_them(tmp_path, pg_url, redis_namespace):
    url, name = redis_namespace
    values = {"database_url": pg_url, "redis_url": url, "queue_name": name, "worker_concurrency": 8}
    c = Cluster(tmp_path, values)
    try:
        c.start(delay=2.0)
        job_id = c.submit(8)
        c.wait_for(lambda n: n["running"] >= 6, timeout=60)
        from db.session import session_scope

        with session_scope(c.engine) as s:
            jobs.cancel_job(s, principal=c.owner, job_id=job_id)
        time.sleep(3.0)  # the calls in flight return and find their lease gone
        counts = c.counts()
        assert counts["completed"] == 0 and counts["cancelled"] == 8
        assert c.completions() == {}
    finally:
        c.stop()


def test_a_job_taken_by_a_worker_that_died_before_starting_it_counts_as_lost(session, make_user, rq_settings):
    queue = RqQueue(rq_settings)
    first, second = _submit(session, make_user("alice"), 2, queue)
    # A worker's dequeue moves the job to the intermediate list; this one dies before starting it.
    job, _ = queue.queue.dequeue_any([queue.queue], None, connection=queue.connection)
    taken = first if job.id == rq_job_id(rq_settings.queue_name, first) else second
    assert queue.missing([first, second]) == [taken]
    job.set_status("started")  # started by a worker that died before claiming the item: lost as well
    queue.connection.lrem(queue.queue.intermediate_queue_key, 1, job.id)
    assert queue.missing([first, second]) == [taken]
