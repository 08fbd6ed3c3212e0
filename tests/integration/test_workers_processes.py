"""Real worker processes against real PostgreSQL and Redis: kill -9, Redis restart, dropped connections, 2 × 200."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from db.migrate import upgrade
from db.models import JobItem, LlmCall, StageEvent
from db.session import make_engine, session_scope
from services import jobs, users
from tests.integration.costly_provider import read_log
from tests.processes import children, stop_all

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS. Nice to have: Kubernetes."


class Cluster:
    """A migrated database, a user, and worker processes started on demand."""

    def __init__(self, tmp: Path, values: dict) -> None:
        self.values = {
            "llm_signals_threshold": 0.0,
            "worker_poll_s": 0.05,
            "scan_interval_s": 0.5,
            "requeue_grace_s": 0.5,
            "stuck_after_s": 3,
            "bcrypt_rounds": 4,
            "log_level": "WARNING",
            **values,
        }
        from core.config import load_settings

        self.settings = load_settings(**self.values)
        self.engine = make_engine(self.settings)
        upgrade(engine=self.engine)
        self.tmp = tmp
        self.log = tmp / "calls.log"
        self.procs: list[subprocess.Popen] = []
        with session_scope(self.engine) as s:
            users.create_user(s, username="alice", role="recruiter", password="correct horse")
        with session_scope(self.engine) as s:
            self.owner = users.principal_for(s, username="alice")

    def start(self, delay: float = 0.0) -> subprocess.Popen:
        """Start one worker process; return once it has loaded the pipeline and said so."""
        return self.start_workers(delay)[0]

    def start_workers(self, *delays: float) -> list[subprocess.Popen]:
        """Start one worker per delay, side by side; return once every one of them is ready."""
        started = []
        for delay in delays:
            cmd = [sys.executable, str(HERE / "worker_proc.py"), json.dumps(self.values), str(self.log), str(delay)]
            with open(self.tmp / f"worker-{len(self.procs)}.err", "wb") as err:
                proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
            self.procs.append(proc)
            started.append(proc)
        for proc in started:
            self.wait_ready(proc)
        return started

    def wait_ready(self, proc: subprocess.Popen, timeout: float = 60.0) -> None:
        """Wait until the worker wrote its pid to the ready file (it logged "worker ready")."""
        marker = Path(f"{self.log}.ready")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if marker.exists() and str(proc.pid) in marker.read_text().split():
                return
            if proc.poll() is not None:
                pytest.fail(f"worker {proc.pid} exited with {proc.returncode} before it was ready{self.stderr_tails()}")
            time.sleep(0.05)
        pytest.fail(f"worker {proc.pid} not ready after {timeout} s{self.stderr_tails()}")

    def stderr_tails(self, lines: int = 15) -> str:
        """The last lines each worker wrote to stderr, for a failure message."""
        out = []
        for n, proc in enumerate(self.procs):
            text = (self.tmp / f"worker-{n}.err").read_text(errors="replace").splitlines()[-lines:]
            out.append(f"\n--- worker {proc.pid} (exit {proc.poll()}) stderr:\n" + "\n".join(text))
        return "".join(out)

    def submit(self, n: int) -> str:
        """A job of n small pairs; returns its id."""
        with session_scope(self.engine) as s:
            pairs = [{"resume": RESUME, "jd": JD, "ref": str(i)} for i in range(n)]
            return jobs.submit_job(s, principal=self.owner, pairs=pairs)["job_id"]

    def counts(self) -> Counter:
        """Items by status."""
        with self.engine.connect() as conn:
            return Counter(dict(conn.execute(select(JobItem.status, func.count()).group_by(JobItem.status)).all()))

    def wait_for(self, predicate, timeout: float = 60.0) -> None:
        """Poll until predicate(counts) holds; fail with the counts otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            counts = self.counts()
            if predicate(counts):
                return
            dead = [p.returncode for p in self.procs if p.poll() is not None and p.returncode not in (0, -9, -15)]
            assert not dead, f"a worker exited with {dead}{self.stderr_tails()}"
            time.sleep(0.1)
        pytest.fail(f"timed out; items by status: {dict(self.counts())}{self.stderr_tails()}")

    def ledger(self) -> list[tuple[str, str]]:
        """(item_id, call_key) of every ledger row."""
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(LlmCall.item_id, LlmCall.call_key))]

    def completions(self) -> Counter:
        """How many times each item was written as completed."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(StageEvent.item_id).where(StageEvent.outcome == "completed")).scalars()
            return Counter(rows)

    def stop(self) -> None:
        """Stop every worker still running."""
        stop_all(self.procs, grace_s=3)
        self.engine.dispose()


@pytest.fixture
def cluster(tmp_path, pg_url, redis_namespace):
    """Workers on the test PostgreSQL database and a private queue name on the shared Redis."""
    url, name = redis_namespace
    made: list[Cluster] = []

    def _make(**values) -> Cluster:
        c = Cluster(tmp_path, {"database_url": pg_url, "redis_url": url, "queue_name": name, **values})
        made.append(c)
        return c

    yield _make
    for c in made:
        c.stop()


def _exactly_once(c: Cluster, n: int) -> None:
    completions = c.completions()
    assert len(completions) == n and set(completions.values()) == {1}
    ledger = c.ledger()
    keys = [k for _, k in ledger]
    assert len(keys) == len(set(keys))


def test_kill_9_mid_item_everything_completes_once_with_one_ledger_row_per_saved_call(cluster):
    c = cluster()
    victim = c.start(delay=0.25)
    # No forked child: one (RQ's scheduler process) would keep the killed worker's database transaction, and its
    # row locks, open, and the sweeper would wait on them for as long as it lived.
    assert children(victim.pid) == []
    c.submit(12)
    c.wait_for(lambda n: n["completed"] >= 3)
    os.kill(victim.pid, signal.SIGKILL)  # inside provider calls almost surely (0.25 s of each ~0.26 s)
    victim.wait(5)
    unfinished = 12 - c.counts()["completed"]
    c.start(delay=0.0)
    c.wait_for(lambda n: n["completed"] == 12)
    _exactly_once(c, 12)
    per_item = Counter(item for item, _ in c.ledger())
    assert set(per_item.values()) == {1}  # the call lost with the killed worker was never booked, none twice
    calls = read_log(c.log)
    assert 0 <= len(calls) - len(c.ledger()) <= unfinished  # only calls in flight at the kill went unbooked


def test_redis_restarted_mid_batch_every_item_completes_once(tmp_path, pg_url, private_redis):
    c = Cluster(tmp_path, {"database_url": pg_url, "redis_url": private_redis["url"], "queue_name": "ats"})
    try:
        c.start_workers(0.02, 0.02)
        c.submit(80)
        c.wait_for(lambda n: n["completed"] >= 15)
        private_redis["stop"]()  # no persistence: the queue is gone
        time.sleep(0.5)
        private_redis["start"]()
        c.wait_for(lambda n: n["completed"] == 80, timeout=90)
        _exactly_once(c, 80)
        assert len(c.ledger()) == len(read_log(c.log)) == 80
    finally:
        c.stop()


def test_database_connection_terminated_mid_item_recovers(cluster, pg_url):
    c = cluster(redis_url=None)  # embedded: the database is the queue
    c.start(delay=0.6)
    c.submit(4)
    deadline = time.monotonic() + 30
    while not read_log(c.log) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert read_log(c.log), "the worker never reached the provider"
    dbname = pg_url.rsplit("/", 1)[1]
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s", (dbname,)
        ).fetchone()[0]
    assert killed >= 1
    c.wait_for(lambda n: n["completed"] == 4)
    _exactly_once(c, 4)
    assert len(c.ledger()) == len(read_log(c.log))  # every paid call booked exactly once, even the interrupted one


def test_two_workers_200_items_each_processed_exactly_once(cluster):
    c = cluster()
    c.start_workers(0.0, 0.0)
    c.submit(400)
    c.wait_for(lambda n: n["completed"] == 400, timeout=120)
    _exactly_once(c, 400)
    calls = read_log(c.log)
    assert len(calls) == len(c.ledger()) == 400
    by_worker = Counter(pid for _, pid in calls)
    assert len(by_worker) == 2 and min(by_worker.values()) > 50


def test_two_embedded_workers_share_sqlite_each_item_once(tmp_path):
    c = Cluster(tmp_path, {"database_url": f"sqlite:///{tmp_path / 'ats.db'}", "redis_url": None})
    try:
        c.start_workers(0.1, 0.1)  # both have loaded the pipeline before the work (~6 s for one) is submitted
        c.submit(60)
        c.wait_for(lambda n: n["completed"] == 60, timeout=90)
        _exactly_once(c, 60)
        calls = read_log(c.log)
        assert len(calls) == len(c.ledger()) == 60
        assert len({pid for _, pid in calls}) == 2  # both claimed work from the same table
    finally:
        c.stop()
