"""Operations costs: one JSON log line, one /metrics scrape over 10,000 items, backup and restore of that database.

Run: .venv/bin/python bench/bench_ops.py [--items 10000]
Needs PostgreSQL on 127.0.0.1:5432 (trust); creates and drops its own database.
"""

from __future__ import annotations

import argparse
import io
import logging
import secrets
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from cli import ops_cmd  # noqa: E402
from core.config import load_settings  # noqa: E402
from db.crypto import Cipher  # noqa: E402
from db.migrate import upgrade  # noqa: E402
from db.models import Job, JobItem, User  # noqa: E402
from db.session import make_engine, session_scope  # noqa: E402
from observability import logs, state  # noqa: E402

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def bench_logs(n: int = 20_000) -> tuple[float, float]:
    """Microseconds per JSON line: plain, and with a resume's texts registered with protect()."""
    handler = logs.configure_logging(None, stream=io.StringIO())
    log = logging.getLogger("bench")
    resume = ("Built Kubernetes clusters for payment teams across three regions. " * 50).strip()
    try:
        with logs.log_context(request_id="r" * 16, job_id=str(uuid.uuid4()), item_id=uuid.uuid4().hex, stage="PROCESS"):
            t0 = time.perf_counter()
            for i in range(n):
                log.info("stage done in %s ms", i, extra={"ms": 1.5, "provider": "offline"})
            plain = (time.perf_counter() - t0) / n * 1e6
            with logs.protect([resume, "jane@example.com", "+1 415 555 0100"]):
                t0 = time.perf_counter()
                for i in range(n):
                    log.info("stage done in %s ms", i, extra={"ms": 1.5, "provider": "offline"})
                protected = (time.perf_counter() - t0) / n * 1e6
    finally:
        logging.getLogger().removeHandler(handler)
    return plain, protected


def seed(settings, n: int) -> None:
    cipher = Cipher(settings.encryption_key)
    text = cipher.encrypt("Jane Roe\n- Built Kubernetes clusters for payment teams\n" * 20)
    engine = make_engine(settings)
    now = datetime.now(UTC)
    with session_scope(engine) as s:
        user = User(username="bench", role="recruiter", password_hash="x" * 60)
        s.add(user)
        s.flush()
        statuses = ["completed"] * 7 + ["queued", "running", "failed"]
        for j in range(n // 100):
            job = Job(id=str(uuid.uuid4()), owner_id=user.id, source="api", total=100)
            s.add(job)
            s.flush()
            rows = [
                {
                    "id": uuid.uuid4().hex,
                    "job_id": job.id,
                    "seq": i,
                    "owner_id": user.id,
                    "status": statuses[i % 10],
                    "stage": "COMPLETED" if i % 10 < 7 else "PROCESS",
                    "resume_text": text,
                    "jd_text": text,
                    "created_at": now - timedelta(minutes=j % 60),
                    "updated_at": now,
                    "finished_at": now if i % 10 < 7 else None,
                }
                for i in range(100)
            ]
            s.execute(insert(JobItem), rows)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()

    plain, protected = bench_logs()
    print(f"log line: {plain:.1f} µs plain, {protected:.1f} µs with a 3 KB resume + 2 PII values protected")

    name = f"ats_bench_{secrets.token_hex(5)}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        settings = load_settings(database_url=url, encryption_key=Fernet.generate_key().decode())
        upgrade(settings)
        t0 = time.perf_counter()
        seed(settings, args.items)
        print(f"seeded {args.items} items in {time.perf_counter() - t0:.1f} s")
        timings = []
        for _ in range(5):
            t0 = time.perf_counter()
            state.refresh_state(settings, force=True)
            body, _ = state.metrics.render()
            timings.append((time.perf_counter() - t0) * 1000)
        print(f"/metrics with state over {args.items} items: median {sorted(timings)[2]:.1f} ms ({len(body)} bytes)")
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "ats.dump"
            made = ops_cmd.backup(settings, dump)
            print(f"backup: {made['seconds']:.2f} s, {made['bytes'] / 1e6:.1f} MB, {made['rows']} rows")
            back = ops_cmd.restore(settings, dump)
            print(f"restore: {back['seconds']:.2f} s, rows equal: {back['tables'] == made['tables']}")
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
