"""REST API latency on 127.0.0.1: status and results at a steady request rate, and accepting 1,000 items.

Starts `python manage.py api` on a fresh PostgreSQL database (and the shared Redis, under a unique
queue name), drives it with a minimal asyncio HTTP/1.1 client at a fixed arrival rate (open loop: a slow answer does not
slow the sender), and prints p50/p95/p99 per route plus the time to accept one 1,000-item request.
Goals on the 2-core machine: status p95 < 50 ms at 200 req/s; 1,000 items accepted in < 1 s.

    .venv/bin/python bench/bench_api.py [--rate 200] [--duration 30] [--items 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pairgen import make_pairs  # noqa: E402

PG = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
REDIS = os.environ.get("ATS_BENCH_REDIS", "redis://127.0.0.1:6379/0")
WORKERS = 64  # client connections; enough for 200 req/s up to ~300 ms answers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin_sql(sql: str, params: tuple = ()) -> None:
    import psycopg

    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(sql, params)


def _prepare(db_url: str) -> str:
    """Migrate the database and create a user with a key; return the key."""
    from core.config import load_settings
    from db.migrate import upgrade
    from db.session import session_scope
    from services.api_keys import create_api_key
    from services.users import create_user

    settings = load_settings(database_url=db_url, redis_url=None)
    upgrade(settings)
    with session_scope(settings) as s:
        create_user(s, username="bench", role="recruiter", password="bench-password-123")
        _, key = create_api_key(s, username="bench", name="bench", scopes=("jobs:write", "jobs:read", "metrics"))
    return key


def _start_api(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "api", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the API did not start")


class _Conn:
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol for GETs with Content-Length.

    httpx spent 1.5-4.7 ms of CPU per request, as much as the server, on the same two cores; this costs
    ~0.1 ms, so the figures measure the server rather than the client.
    """

    def __init__(self, host: str, port: int, headers: dict[str, str]):
        self.host, self.port = host, port
        self._head = "".join(f"{k}: {v}\r\n" for k, v in {"Host": f"{host}:{port}", **headers}.items())
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """Send one GET and read the whole answer; returns the status code."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(f"GET {path} HTTP/1.1\r\n{self._head}\r\n".encode())
        try:
            head = await self._reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await self._reader.readexactly(length)
            if b"connection: close" in head.lower():
                self.close()
            return status
        except (OSError, asyncio.IncompleteReadError, ValueError):
            self.close()
            raise

    def close(self) -> None:
        """Drop the connection (the next GET opens a new one)."""
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


async def _steady(base: str, path: str, headers: dict, rate: float, duration: float) -> dict:
    """GETs due at a fixed rate for `duration` s, sent by WORKERS connections; latency counted from the due time.

    Counting from when a request was due (not when a connection got free) keeps a slow server's queueing
    in the figures; a fixed set of connections keeps the client from opening new ones when answers lag.
    """
    host, port = base.split("//", 1)[1].rsplit(":", 1)
    conns = [_Conn(host, int(port), headers) for _ in range(WORKERS)]
    latencies: list[float] = []
    errors = 0
    total = int(rate * duration)
    schedule = iter(range(total))
    t0 = time.perf_counter() + 0.05

    async def worker(conn: _Conn) -> None:
        nonlocal errors
        for i in schedule:  # one iterator shared by every worker: each takes the next due request
            due = t0 + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            try:
                errors += await conn.get(path) != 200
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
            latencies.append((time.perf_counter() - due) * 1000)

    cpu = time.process_time()
    await asyncio.gather(*(worker(c) for c in conns))
    elapsed = time.perf_counter() - t0
    for c in conns:
        c.close()
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": total,
        "achieved_rps": round(total / elapsed, 1),
        "errors": errors,
        "p50_ms": round(q[49], 2),
        "p95_ms": round(q[94], 2),
        "p99_ms": round(q[98], 2),
        "client_cpu_ms_per_req": round((time.process_time() - cpu) * 1000 / total, 2),
    }


def _cpu_s(pid: int) -> float:
    """CPU seconds of the API process and its children (uvicorn --workers)."""
    import psutil

    proc = psutil.Process(pid)
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            times = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _db_cpu_s(db_name: str) -> dict[int, float]:
    """CPU seconds per PostgreSQL backend serving the bench database (their title names it)."""
    import psutil

    out: dict[int, float] = {}
    for p in psutil.process_iter(["cmdline"]):
        try:
            if any(db_name in part for part in p.info["cmdline"] or ()):
                times = p.cpu_times()
                out[p.pid] = times.user + times.system
        except psutil.Error:
            continue
    return out


def _db_cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU spent between two readings by the backends alive at the second (one that exited is not counted)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


async def _inside_app(client: httpx.AsyncClient, headers: dict, route: str) -> dict[float, float]:
    """Cumulative counts of the app's own latency histogram for one route (time inside the app)."""
    text = (await client.get("/metrics", headers=headers)).text
    buckets: dict[float, float] = {}
    for line in text.splitlines():
        if line.startswith("ats_api_request_duration_seconds_bucket") and f'route="{route}"' in line:
            le = line.split('le="')[1].split('"')[0]
            buckets[float("inf") if le == "+Inf" else float(le)] = float(line.rsplit(" ", 1)[1])
    return buckets


def _bucket_quantile(before: dict[float, float], after: dict[float, float], q: float) -> float | None:
    """Upper bound (s) of the histogram bucket holding quantile q of the requests between two scrapes."""
    counts = {le: after.get(le, 0.0) - before.get(le, 0.0) for le in after}
    total = counts.get(float("inf"), 0.0)
    for le in sorted(counts):
        if total and counts[le] >= q * total:
            return le
    return None


async def _phase(client, url: str, route: str, headers: dict, rate: float, duration: float, pid: int, db: str) -> dict:
    """One steady phase, the server's and the database's CPU per request, and the app's own p50/p95."""
    inside = await _inside_app(client, headers, route)
    before, db_before = _cpu_s(pid), _db_cpu_s(db)
    figures = await _steady(str(client.base_url).rstrip("/"), url, headers, rate, duration)
    figures["server_cpu_ms_per_req"] = round((_cpu_s(pid) - before) * 1000 / figures["requests"], 2)
    figures["db_cpu_ms_per_req"] = round(_db_cpu_delta(db_before, _db_cpu_s(db)) * 1000 / figures["requests"], 2)
    after = await _inside_app(client, headers, route)
    figures["in_app_p50_le_ms"] = (_bucket_quantile(inside, after, 0.5) or 0) * 1000
    figures["in_app_p95_le_ms"] = (_bucket_quantile(inside, after, 0.95) or 0) * 1000
    return figures


async def _run(base: str, key: str, rate: float, duration: float, items: int, pid: int, db: str) -> dict:
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=WORKERS, max_keepalive_connections=WORKERS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        pairs = make_pairs(items, jds=1)
        body = {"jd": pairs[0][1], "resumes": [r for r, _ in pairs]}
        payload = json.dumps(body).encode()
        started = time.perf_counter()
        accepted = await client.post(
            "/api/bulk/process", content=payload, headers={**headers, "Content-Type": "application/json"}
        )
        accept_s = time.perf_counter() - started
        if accepted.status_code != 202:
            raise RuntimeError(f"bulk request refused: {accepted.status_code} {accepted.text[:300]}")
        job_id = accepted.json()["job_id"]
        status = await _phase(
            client, f"/api/bulk/status/{job_id}", "/api/bulk/status/{job_id}", headers, rate, duration, pid, db
        )
        results = await _phase(
            client,
            f"/api/bulk/results/{job_id}?limit=20",
            "/api/bulk/results/{job_id}",
            headers,
            rate,
            duration,
            pid,
            db,
        )
    return {
        "accept_items": items,
        "accept_s": round(accept_s, 3),
        "accept_body_mb": round(len(payload) / 1e6, 2),
        "status": status,
        "results_page20": results,
    }


def main() -> int:
    """Run the benchmark and print its figures (JSON on the last line)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second (default 200)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per route (default 30)")
    parser.add_argument("--items", type=int, default=1000, help="items in the bulk request (default 1000)")
    parser.add_argument("--api-workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    args = parser.parse_args()

    name = f"ats_bench_api_{secrets.token_hex(4)}"
    db_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    _admin_sql(f'CREATE DATABASE "{name}"')
    proc = None
    try:
        key = _prepare(db_url)
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ATS_")}
        env.update(
            {
                "DATABASE_URL": db_url,
                "REDIS_URL": REDIS,
                "ATS_QUEUE_NAME": name,
                "ATS_READ_RATE_PER_MINUTE": "10000000",
                "ATS_BULK_RATE_PER_MINUTE": "1000",
                "ATS_MAX_ITEMS_PER_JOB": str(max(1000, args.items)),
                "ATS_LOG_LEVEL": "WARNING",
            }
        )
        proc = _start_api(env, port, args.api_workers)
        base = f"http://127.0.0.1:{port}"
        figures = uvloop.run(_run(base, key, args.rate, args.duration, args.items, proc.pid, name))
        figures["load_average_1m"] = round(os.getloadavg()[0], 2)
        figures["api_workers"] = args.api_workers
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        _admin_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
        import redis

        conn = redis.Redis.from_url(REDIS)
        for k in conn.scan_iter(f"*{name}*"):
            conn.delete(k)
    s, r = figures["status"], figures["results_page20"]
    print(f"accept {figures['accept_items']} items ({figures['accept_body_mb']} MB): {figures['accept_s']:.3f} s")
    for label, f in (("status ", s), ("results", r)):
        print(
            f"{label} @ {f['achieved_rps']} req/s: p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms, errors {f['errors']}, "
            f"CPU per request: server {f['server_cpu_ms_per_req']} ms, database {f['db_cpu_ms_per_req']} ms, "
            f"client {f['client_cpu_ms_per_req']} ms; "
            f"inside the app p50 <= {f['in_app_p50_le_ms']:g} ms, p95 <= {f['in_app_p95_le_ms']:g} ms"
        )
    print(f"load average during the run: {figures['load_average_1m']} (2 cores)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
