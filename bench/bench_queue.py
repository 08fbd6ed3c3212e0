"""Queue throughput: 1,000 pairs through PostgreSQL + Redis + 2 RQ workers, against the pipeline in one process
and against RQ running 1,000 no-op jobs; plus database round trips per item.

Run: .venv/bin/python bench/bench_queue.py [--pairs 1000 --workers 2 --jds 50]
Needs PostgreSQL on 127.0.0.1:5432 (trust) and Redis on 127.0.0.1:6379; creates and drops its own database.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from redis import Redis  # noqa: E402
from rq import Queue, Worker  # noqa: E402
from sqlalchemy import event, func, select  # noqa: E402

from bench.pairgen import make_pairs  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.types import ItemState, MemoryCache  # noqa: E402

PG = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
REDIS = "redis://127.0.0.1:6379/0"


def in_process(pairs: list[tuple[str, str]]) -> float:
    """(a) pairs/s of the pipeline alone: one process, no queue, no database."""
    ctx = build_context(load_settings(database_url="sqlite://", redis_url=None), cache=MemoryCache())
    for resume, jd in pairs[:20]:  # warm-up: spaCy and the matcher's first calls
        run_to_end(ItemState(resume_text=resume, jd_text=jd), ctx)
    ctx = build_context(load_settings(database_url="sqlite://", redis_url=None), cache=MemoryCache())
    started = time.perf_counter()
    for i, (resume, jd) in enumerate(pairs):
        run_to_end(ItemState(item_id=str(i), resume_text=resume, jd_text=jd), ctx)
    return len(pairs) / (time.perf_counter() - started)


def _spawn(code: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_workers(conn: Redis, queue: Queue, n: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(Worker.all(queue=queue)) < n:
        if time.monotonic() > deadline:
            raise SystemExit("workers did not register with RQ")
        time.sleep(0.1)


def rq_noop(n: int, workers: int) -> float:
    """(b) jobs/s of RQ alone: n no-op jobs through `workers` SimpleWorkers (no fork, like ours)."""
    name = f"bench_noop_{secrets.token_hex(4)}"
    conn = Redis.from_url(REDIS)
    queue = Queue(name, connection=conn)
    code = (
        f"from redis import Redis; from rq import Queue, SimpleWorker; c = Redis.from_url({REDIS!r}); "
        f"SimpleWorker([Queue({name!r}, connection=c)], connection=c, name={name!r} + __import__('uuid').uuid4().hex)"
        ".work(logging_level='WARNING')"
    )
    procs = [_spawn(code, {}) for _ in range(workers)]
    try:
        _wait_workers(conn, queue, workers)
        started = time.perf_counter()
        for start in range(0, n, 500):
            datas = [Queue.prepare_data("os.getpid", result_ttl=0) for _ in range(start, min(n, start + 500))]
            with conn.pipeline() as pipe:
                queue.enqueue_many(datas, pipeline=pipe)
                pipe.execute()
        while queue.count or queue.started_job_registry.count:
            time.sleep(0.005)
        return n / (time.perf_counter() - started)
    finally:
        for p in procs:
            p.kill()
            p.wait()
        for key in conn.scan_iter(f"*{name}*"):
            conn.delete(key)


def _create_db() -> tuple[str, str]:
    name = f"ats_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def _drop_db(name: str) -> None:
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _setup(url: str, queue_name: str):  # type: ignore[no-untyped-def]
    from db.migrate import upgrade
    from db.session import make_engine, session_scope
    from services import users

    settings = load_settings(
        database_url=url, redis_url=REDIS, queue_name=queue_name, log_level="WARNING", bcrypt_rounds=4
    )
    engine = make_engine(settings)
    upgrade(engine=engine)
    with session_scope(engine) as s:
        users.create_user(s, username="bench", role="recruiter", password="bench-password")
    with session_scope(engine) as s:
        owner = users.principal_for(s, username="bench")
    return settings, engine, owner


def end_to_end(pairs: list[tuple[str, str]], workers: int) -> dict[str, float]:
    """pairs/s from submit to the last item completed, through PostgreSQL + Redis + N `manage.py worker`."""
    from db.models import JobItem
    from db.session import session_scope
    from services import jobs

    db, url = _create_db()
    queue_name = f"bench_{secrets.token_hex(4)}"
    conn = Redis.from_url(REDIS)
    procs: list[subprocess.Popen] = []
    try:
        settings, engine, owner = _setup(url, queue_name)
        env = {"DATABASE_URL": url, "REDIS_URL": REDIS, "ATS_QUEUE_NAME": queue_name, "ATS_LOG_LEVEL": "WARNING"}
        code = "import sys, manage; sys.argv = ['manage.py', 'worker']; sys.exit(manage.run_app(manage.build_app()))"
        procs = [_spawn(code, env) for _ in range(workers)]
        _wait_workers(conn, Queue(queue_name, connection=conn), workers)
        started = time.perf_counter()
        with session_scope(engine) as s:
            jobs.submit_job(s, principal=owner, pairs=[{"resume": r, "jd": j} for r, j in pairs])
        submitted = time.perf_counter() - started
        done = 0
        while done < len(pairs):
            time.sleep(0.1)
            with engine.connect() as c:
                done = c.scalar(select(func.count()).select_from(JobItem).where(JobItem.status == "completed"))
            if any(p.poll() is not None for p in procs):
                raise SystemExit("a worker died")
        elapsed = time.perf_counter() - started
        trips = round_trips(settings, engine, owner, pairs[:100])
        engine.dispose()
        return {"pairs_per_s": len(pairs) / elapsed, "seconds": elapsed, "submit_s": submitted, **trips}
    finally:
        for p in procs:
            p.kill()
            p.wait()
        for key in conn.scan_iter(f"*{queue_name}*"):
            conn.delete(key)
        _drop_db(db)


def round_trips(settings, engine, owner, pairs) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Statements and commits per item, counted on the engine while process_item runs in this process."""
    from db.models import JobItem
    from db.session import make_engine, session_scope
    from services import jobs
    from services.cache import signals_cache_for
    from workers import runtime
    from workers.queue import DbQueue
    from workers.tasks import process_item

    with session_scope(engine) as s:
        job = jobs.submit_job(s, principal=owner, pairs=[{"resume": r, "jd": j} for r, j in pairs], queue=DbQueue())
        ids = list(s.scalars(select(JobItem.id).where(JobItem.job_id == job["job_id"])))
    engine = make_engine(settings, pre_ping=False)  # as a worker's engine
    ctx = build_context(settings, cache=signals_cache_for(settings, engine))
    runtime.set_runtime(runtime.Runtime(settings=settings, engine=engine, ctx=ctx, queue=DbQueue()))
    counts = {"statements": 0, "waits": 0}
    event.listen(engine, "before_cursor_execute", lambda *a: counts.__setitem__("statements", counts["statements"] + 1))
    real_wait = psycopg.Connection.wait

    def counted(gen):  # type: ignore[no-untyped-def]
        # psycopg's I/O generators yield when they must wait on the socket; a wait to read is a server reply.
        try:
            wait = gen.send(None)
            while True:
                counts["waits"] += int(wait) & 1
                wait = gen.send((yield wait))
        except StopIteration as stop:
            return stop.value

    def counting_wait(self, gen, *args, **kwargs):  # type: ignore[no-untyped-def]
        return real_wait(self, counted(gen), *args, **kwargs)

    psycopg.Connection.wait = counting_wait  # type: ignore[method-assign]
    try:
        for item_id in ids:
            process_item(item_id)
    finally:
        psycopg.Connection.wait = real_wait  # type: ignore[method-assign]
    n = len(ids)
    return {"statements_per_item": counts["statements"] / n, "round_trips_per_item": counts["waits"] / n}


def main() -> None:
    """Run the three measurements and print them (JSON on the last line)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--jds", type=int, default=50, help="distinct JDs among the pairs (the JD cache works)")
    args = parser.parse_args()
    pairs = make_pairs(args.pairs, jds=args.jds)
    a = in_process(pairs)
    print(f"(a) pipeline in one process, no queue/db: {a:.1f} pairs/s")
    b = rq_noop(args.pairs, args.workers)
    print(f"(b) RQ, {args.pairs} no-op jobs, {args.workers} workers: {b:.1f} jobs/s")
    e = end_to_end(pairs, args.workers)
    print(
        f"end to end, PostgreSQL + Redis + {args.workers} workers: {e['pairs_per_s']:.1f} pairs/s "
        f"({e['seconds']:.1f} s, submit {e['submit_s']:.2f} s)"
    )
    print(f"ratio vs (a): {e['pairs_per_s'] / a:.2f}x   ratio vs (b): {e['pairs_per_s'] / b:.3f}x")
    print(f"database per item: {e['statements_per_item']:.1f} statements, {e['round_trips_per_item']:.1f} round trips")
    print(
        json.dumps(
            {
                "pairs": args.pairs,
                "workers": args.workers,
                "in_process_pairs_per_s": round(a, 1),
                "rq_noop_jobs_per_s": round(b, 1),
                "e2e_pairs_per_s": round(e["pairs_per_s"], 1),
                "ratio_vs_in_process": round(e["pairs_per_s"] / a, 2),
                "ratio_vs_rq_noop": round(e["pairs_per_s"] / b, 3),
                "statements_per_item": round(e["statements_per_item"], 2),
                "round_trips_per_item": round(e["round_trips_per_item"], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
