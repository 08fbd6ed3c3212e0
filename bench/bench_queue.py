"""Queue throughput: 1,000 pairs through PostgreSQL + Redis + 2 RQ workers, against the pipeline in one process
and against RQ running 1,000 no-op jobs; database round trips and CPU per item.

Run: .venv/bin/python bench/bench_queue.py [--pairs 1000 --workers 2 --jds 50]
Needs PostgreSQL on 127.0.0.1:5432 (trust) and redis-server on the PATH: it creates (and drops) its own database
and starts its own redis-server, so the CPU of every process doing the work can be counted. On a shared machine
wall-clock rates move with other people's load; the CPU figures (ms per item, summed over the workers, their
PostgreSQL backends and redis-server) do not, and give the rate two otherwise idle cores would reach.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import psycopg  # noqa: E402
from redis import Redis  # noqa: E402
from rq import Queue, Worker  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.pairgen import make_pairs  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.types import ItemState, MemoryCache  # noqa: E402

PG = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def _cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            t = psutil.Process(pid).cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def in_process(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """(a) pairs/s of the pipeline alone (one process, no queue, no database): wall clock and per CPU second."""
    settings = load_settings(database_url="sqlite://", redis_url=None)
    ctx = build_context(settings, cache=MemoryCache())
    for resume, jd in pairs[:20]:  # warm-up: spaCy and the matcher's first calls
        run_to_end(ItemState(resume_text=resume, jd_text=jd), ctx)
    ctx = build_context(settings, cache=MemoryCache())
    started, cpu = time.perf_counter(), time.process_time()
    for i, (resume, jd) in enumerate(pairs):
        run_to_end(ItemState(item_id=str(i), resume_text=resume, jd_text=jd), ctx)
    return len(pairs) / (time.perf_counter() - started), len(pairs) / (time.process_time() - cpu)


class PrivateRedis:
    """A redis-server of our own (no persistence) so its CPU is ours alone."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.dir = tempfile.mkdtemp(prefix="bench_redis_")
        cmd = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            self.dir,
        ]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        for _ in range(100):
            try:
                Redis.from_url(self.url).ping()
                return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def stop(self) -> None:
        """Kill the server."""
        self.proc.kill()
        self.proc.wait()


def _spawn(code: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_workers(queue: Queue, n: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while len(Worker.all(queue=queue)) < n:
        if time.monotonic() > deadline:
            raise SystemExit("workers did not register with RQ")
        time.sleep(0.1)


def rq_noop(redis: PrivateRedis, n: int, workers: int) -> tuple[float, float]:
    """(b) RQ alone: n no-op jobs through `workers` SimpleWorkers (no fork, like ours); (jobs/s, CPU ms a job)."""
    name = "noop"
    conn = Redis.from_url(redis.url)
    queue = Queue(name, connection=conn)
    code = (
        f"import uuid; from redis import Redis; from rq import Queue, SimpleWorker; c = Redis.from_url({redis.url!r});"
        f" SimpleWorker([Queue({name!r}, connection=c)], connection=c, name=uuid.uuid4().hex)"
        ".work(logging_level='WARNING')"
    )
    procs = [_spawn(code, {}) for _ in range(workers)]
    try:
        _wait_workers(queue, workers)
        pids = [p.pid for p in procs] + [redis.proc.pid]
        cpu0, started = _cpu(pids), time.perf_counter()
        for start in range(0, n, 500):
            datas = [Queue.prepare_data("os.getpid", result_ttl=0) for _ in range(start, min(n, start + 500))]
            with conn.pipeline() as pipe:
                queue.enqueue_many(datas, pipeline=pipe)
                pipe.execute()
        while queue.count or queue.started_job_registry.count:
            time.sleep(0.005)
        elapsed, cpu = time.perf_counter() - started, _cpu(pids) - cpu0
        return n / elapsed, cpu * 1000 / n
    finally:
        for p in procs:
            p.kill()
            p.wait()


def _create_db() -> tuple[str, str]:
    name = f"ats_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def _drop_db(name: str) -> None:
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _backends(db: str) -> list[int]:
    with psycopg.connect(PG, autocommit=True) as c:
        rows = c.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (db,)).fetchall()
    return [r[0] for r in rows]


def _setup(url: str, redis_url: str, queue_name: str):  # type: ignore[no-untyped-def]
    from db.migrate import upgrade
    from db.session import make_engine, session_scope
    from services import users

    settings = load_settings(
        database_url=url, redis_url=redis_url, queue_name=queue_name, log_level="WARNING", bcrypt_rounds=4
    )
    engine = make_engine(settings)
    upgrade(engine=engine)
    with session_scope(engine) as s:
        users.create_user(s, username="bench", role="recruiter", password="bench-password")
    with session_scope(engine) as s:
        owner = users.principal_for(s, username="bench")
    return settings, engine, owner


def end_to_end(redis: PrivateRedis, pairs: list[tuple[str, str]], workers: int) -> dict[str, float]:
    """Submit to the last item completed through PostgreSQL + Redis + N `manage.py worker` processes."""
    from db.models import JobItem
    from db.session import session_scope
    from services import jobs

    db, url = _create_db()
    procs: list[subprocess.Popen] = []
    try:
        settings, engine, owner = _setup(url, redis.url, "ats")
        env = {"DATABASE_URL": url, "REDIS_URL": redis.url, "ATS_QUEUE_NAME": "ats", "ATS_LOG_LEVEL": "WARNING"}
        code = "import sys, manage; sys.argv = ['manage.py', 'worker']; sys.exit(manage.run_app(manage.build_app()))"
        procs = [_spawn(code, env) for _ in range(workers)]
        _wait_workers(Queue("ats", connection=Redis.from_url(redis.url)), workers)
        time.sleep(1.0)  # let the workers' first scheduler scan open their database connections
        watched = [p.pid for p in procs] + [redis.proc.pid]
        backends = _backends(db)
        cpu0 = _cpu(watched + backends)
        parts0 = {"workers": _cpu([p.pid for p in procs]), "redis": _cpu([redis.proc.pid]), "postgres": _cpu(backends)}
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
        new_backends = [pid for pid in _backends(db) if pid not in backends]
        cpu_all = _cpu(watched + backends + new_backends) - cpu0
        parts = {
            "workers": _cpu([p.pid for p in procs]) - parts0["workers"],
            "redis": _cpu([redis.proc.pid]) - parts0["redis"],
            "postgres": _cpu(backends + new_backends) - parts0["postgres"],
        }
        trips = round_trips(settings, pairs[:100])
        engine.dispose()
        return {
            "pairs_per_s": len(pairs) / elapsed,
            "seconds": elapsed,
            "submit_s": submitted,
            "cpu_ms_per_item": cpu_all * 1000 / len(pairs),
            **{f"cpu_ms_{k}": v * 1000 / len(pairs) for k, v in parts.items()},
            **trips,
        }
    finally:
        for p in procs:
            p.kill()
            p.wait()
        _drop_db(db)


def round_trips(settings, pairs) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """PostgreSQL statements and round trips per item while process_item runs in this process."""
    from db.models import JobItem
    from db.session import make_engine, session_scope
    from services import jobs
    from services.cache import signals_cache_for
    from services.dispatch import DbQueue
    from services.users import principal_for
    from workers import runtime
    from workers.tasks import process_item

    engine = make_engine(settings, pre_ping=False)  # as a worker's engine
    with session_scope(engine) as s:
        owner = principal_for(s, username="bench")
        job = jobs.submit_job(s, principal=owner, pairs=[{"resume": r, "jd": j} for r, j in pairs], queue=DbQueue())
        ids = list(s.scalars(select(JobItem.id).where(JobItem.job_id == job["job_id"])))
    ctx = build_context(settings, cache=signals_cache_for(settings, engine))
    rt = runtime.Runtime(settings=settings, engine=engine, ctx=ctx, queue=DbQueue())
    runtime.set_runtime(rt)
    counts = {"statements": 0, "waits": 0}
    # Counted in psycopg, under SQLAlchemy: every statement and every reply waited for.
    real_execute, real_executemany = psycopg.Cursor.execute, psycopg.Cursor.executemany

    def count_execute(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts["statements"] += 1
        return real_execute(self, *args, **kwargs)

    def count_executemany(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts["statements"] += 1
        return real_executemany(self, *args, **kwargs)

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
    psycopg.Cursor.execute, psycopg.Cursor.executemany = count_execute, count_executemany  # type: ignore[method-assign]
    try:
        for item_id in ids:
            process_item(item_id)
    finally:
        psycopg.Connection.wait = real_wait  # type: ignore[method-assign]
        psycopg.Cursor.execute, psycopg.Cursor.executemany = real_execute, real_executemany  # type: ignore[method-assign]
        runtime.set_runtime(None)
        engine.dispose()
    n = len(ids)
    return {"statements_per_item": counts["statements"] / n, "round_trips_per_item": counts["waits"] / n}


def main() -> None:
    """Run the measurements and print them (JSON on the last line)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--jds", type=int, default=50, help="distinct JDs among the pairs (the JD cache works)")
    args = parser.parse_args()
    pairs = make_pairs(args.pairs, jds=args.jds)
    a_wall, a_cpu = in_process(pairs)
    print(f"(a) pipeline in one process, no queue/db: {a_wall:.1f} pairs/s wall, {a_cpu:.1f} pairs per CPU-second")
    redis = PrivateRedis()
    try:
        b, b_cpu = rq_noop(redis, args.pairs, args.workers)
        print(
            f"(b) RQ, {args.pairs} no-op jobs, {args.workers} SimpleWorkers: {b:.1f} jobs/s, {b_cpu:.2f} CPU ms a job"
        )
        e = end_to_end(redis, pairs, args.workers)
    finally:
        redis.stop()
    cores = min(args.workers, psutil.cpu_count() or 1)
    projected = cores * 1000 / e["cpu_ms_per_item"]
    print(
        f"end to end, PostgreSQL + Redis + {args.workers} workers: {e['pairs_per_s']:.1f} pairs/s wall "
        f"({e['seconds']:.1f} s, submit {e['submit_s']:.2f} s)"
    )
    print(f"ratio vs (a): {e['pairs_per_s'] / a_wall:.2f}x wall   ratio vs (b): {e['pairs_per_s'] / b:.3f}x")
    print(
        f"CPU per item (workers + their PostgreSQL backends + redis-server): {e['cpu_ms_per_item']:.1f} ms "
        f"(pipeline alone {1000 / a_cpu:.1f} ms) -> {projected:.1f} pairs/s on {cores} idle cores = "
        f"{projected / a_cpu:.2f}x (a)"
    )
    print(f"database per item: {e['statements_per_item']:.1f} statements, {e['round_trips_per_item']:.1f} round trips")
    print(
        json.dumps(
            {
                "pairs": args.pairs,
                "workers": args.workers,
                "in_process_pairs_per_s": round(a_wall, 1),
                "in_process_pairs_per_cpu_s": round(a_cpu, 1),
                "rq_noop_jobs_per_s": round(b, 1),
                "rq_noop_cpu_ms_per_job": round(b_cpu, 2),
                "e2e_pairs_per_s": round(e["pairs_per_s"], 1),
                "ratio_vs_in_process": round(e["pairs_per_s"] / a_wall, 2),
                "ratio_vs_rq_noop": round(e["pairs_per_s"] / b, 3),
                "e2e_cpu_ms_per_item": round(e["cpu_ms_per_item"], 2),
                "projected_pairs_per_s": round(projected, 1),
                "projected_ratio_vs_in_process": round(projected / a_cpu, 2),
                "cpu_ms_workers": round(e["cpu_ms_workers"], 2),
                "cpu_ms_postgres": round(e["cpu_ms_postgres"], 2),
                "cpu_ms_redis": round(e["cpu_ms_redis"], 2),
                "statements_per_item": round(e["statements_per_item"], 2),
                "round_trips_per_item": round(e["round_trips_per_item"], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
