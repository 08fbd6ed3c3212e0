"""Batch mode end to end: real `manage.py worker` processes, PostgreSQL + Redis (and the embedded queue), the real
SDKs against the batch fakes. A batch job finishes with the live job's results at half the booked cost; an
expired batch and a killed worker lose nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from core.config import load_settings
from db.migrate import upgrade
from db.models import JobItem, LlmBatch, LlmCall
from db.session import make_engine, session_scope
from services import jobs, users
from tests.fakes.batch_lifecycle import Lifecycle
from tests.fakes.batch_server import BatchLLMServer
from tests.processes import stop_all

pytestmark = [pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [
    {
        "resume": f"Experience\n- Built REST APIs in Python for {n + 2} teams\n- Led a team of {n + 3} engineers\n"
        "- Migrated the billing service to AWS",
        "jd": "Backend engineer. Required: Python, AWS. Nice to have: Kubernetes.",
        "ref": f"c{n}",
    }
    for n in range(6)
]
FINAL = ("completed", "failed", "quarantined", "cancelled")


class Deployment:
    """A migrated database, a user, a batch fake and `manage.py worker` processes started on demand."""

    def __init__(self, values: dict, server: BatchLLMServer, kind: str) -> None:
        url = server.anthropic_url if kind == "anthropic" else server.openai_url
        self.env = {
            "DATABASE_URL": values["database_url"],
            "ATS_QUEUE_NAME": values.get("queue_name", "ats"),
            "ATS_LLM_PROVIDER": kind,
            "ATS_LLM_BASE_URL": url,
            "OPENAI_API_KEY": "sk-test",
            "ANTHROPIC_API_KEY": "sk-ant-test",
            "ATS_LLM_SIGNALS_THRESHOLD": "0",
            "ATS_BATCH_POLL_S": "0.3",
            "ATS_BATCH_GATHER_S": "60",  # a job goes out as one batch once all its items are parked
            "ATS_SCAN_INTERVAL_S": "0.5",
            "ATS_REQUEUE_GRACE_S": "0.5",
            "ATS_WORKER_POLL_S": "0.05",
            "ATS_LOG_LEVEL": "WARNING",
        }
        if values.get("redis_url"):
            self.env["REDIS_URL"] = values["redis_url"]
        self.settings = load_settings(**values, bcrypt_rounds=4)
        self.engine = make_engine(self.settings)
        upgrade(engine=self.engine)
        with session_scope(self.engine) as s:
            users.create_user(s, username="alice", role="recruiter", password="correct horse")
        with session_scope(self.engine) as s:
            self.owner = users.principal_for(s, username="alice")
        self.procs: list[subprocess.Popen] = []

    def start(self) -> subprocess.Popen:
        """One `manage.py worker`."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("ATS_") and k not in ("REDIS_URL",)}
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "worker"],
            cwd=ROOT,
            env={**env, **self.env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.procs.append(proc)
        return proc

    def submit(self, *, batch: bool) -> str:
        """A job of the six pairs."""
        with session_scope(self.engine) as s:
            return jobs.submit_job(s, principal=self.owner, pairs=PAIRS, options={"batch": batch})["job_id"]

    def statuses(self, job_id: str) -> list[str]:
        """Its items' statuses."""
        with self.engine.connect() as conn:
            return list(conn.scalars(select(JobItem.status).where(JobItem.job_id == job_id)))

    def wait_done(self, job_id: str, timeout: float = 240.0) -> None:
        """Until every item of the job is final."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(s in FINAL for s in self.statuses(job_id)):
                return
            dead = [p.returncode for p in self.procs if p.poll() is not None and p.returncode not in (0, -9, -15)]
            assert not dead, f"a worker exited with {dead}"
            time.sleep(0.2)
        pytest.fail(f"timed out: {self.statuses(job_id)}")

    def results(self, job_id: str) -> dict[int, dict]:
        """Each item's result without stage timings and cost, by its place in the job."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(JobItem.seq, JobItem.result).where(JobItem.job_id == job_id)).all()
        return {seq: {k: v for k, v in json.loads(r).items() if k not in ("stages", "cost")} for seq, r in rows}

    def ledger(self, job_id: str) -> list[tuple[str, str, float, bool]]:
        """(call_key, purpose, usd, ok) of the job's ledger rows."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(LlmCall.call_key, LlmCall.purpose, LlmCall.usd, LlmCall.ok).where(LlmCall.job_id == job_id)
            )
            return [tuple(r) for r in rows]

    def batches(self, job_id: str) -> list:
        """The job's llm_batches rows."""
        with self.engine.connect() as conn:
            return conn.execute(select(LlmBatch).where(LlmBatch.job_id == job_id)).all()

    def stop(self) -> None:
        """Stop every worker still running."""
        stop_all(self.procs, grace_s=10)
        self.engine.dispose()


@pytest.fixture
def deploy(pg_url, redis_namespace, tmp_path):
    made: list[Deployment] = []
    servers: list[BatchLLMServer] = []

    def _make(kind: str = "openai", mode: str = "rq") -> tuple[Deployment, BatchLLMServer]:
        server = BatchLLMServer().start()
        servers.append(server)
        if mode == "rq":
            url, name = redis_namespace
            values = {"database_url": pg_url, "redis_url": url, "queue_name": name}
        else:
            values = {"database_url": f"sqlite:///{tmp_path / 'ats.db'}", "redis_url": None}
        d = Deployment(values, server, kind)
        made.append(d)
        return d, server

    yield _make
    for d in made:
        d.stop()
    for s in servers:
        s.stop()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.parametrize(("kind", "mode"), [("openai", "rq"), ("anthropic", "rq"), ("openai", "embedded")])
def test_a_batch_job_gives_the_live_results_at_half_the_booked_cost(deploy, kind, mode):
    d, server = deploy(kind, mode)
    server.run_batches(Lifecycle(validate_s=0.2, run_s=1.5))
    d.start()
    d.start()
    live = d.submit(batch=False)
    d.wait_done(live)
    batched = d.submit(batch=True)
    d.wait_done(batched)
    assert d.statuses(batched) == ["completed"] * len(PAIRS)
    assert d.results(batched) == d.results(live)  # same rewrites, flags, scores and coverage
    live_calls = [c for c in d.ledger(live) if c[1] == "rewrite"]
    batch_calls = [c for c in d.ledger(batched) if c[1] == "rewrite"]
    assert len(batch_calls) == len(live_calls) == len(PAIRS)
    assert all(key.endswith(":batch") and ok for key, _, _, ok in batch_calls)
    assert sum(c[2] for c in batch_calls) == pytest.approx(sum(c[2] for c in live_calls) / 2, rel=1e-3)
    (row,) = d.batches(batched)
    assert (row.status, row.total, row.completed, row.failed) == ("done", len(PAIRS), len(PAIRS), 0)
    fake = server.anthropic_batches if kind == "anthropic" else server.openai_batches
    assert len(fake.batches) == 1 and len(next(iter(fake.batches.values())).lines) == len(PAIRS)


@pytest.mark.postgres
@pytest.mark.redis
def test_an_expired_batch_and_a_killed_worker_lose_nothing(deploy):
    d, server = deploy("openai", "rq")
    server.run_batches(Lifecycle(run_s=4.0, outcome="expired", answered=0.5))
    victim = d.start()
    d.start()
    job_id = d.submit(batch=True)
    deadline = time.monotonic() + 90
    while not any(b.status == "running" for b in d.batches(job_id)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert d.batches(job_id), "no batch was formed"
    os.kill(victim.pid, signal.SIGKILL)  # while its batch runs: the other worker's driver carries on
    d.wait_done(job_id)
    assert d.statuses(job_id) == ["completed"] * len(PAIRS)
    calls = d.ledger(job_id)
    batch_ok = [c for c in calls if c[0].endswith(":batch") and c[3]]
    batch_missed = [c for c in calls if c[0].endswith(":batch") and not c[3]]
    live = [c for c in calls if c[1] == "rewrite" and not c[0].endswith(":batch")]
    assert len(batch_ok) == 3 and len(batch_missed) == 3 and len(live) == 3  # the missed half ran live
    assert all(c[2] == 0 for c in batch_missed)
    assert len({c[0] for c in calls}) == len(calls)
