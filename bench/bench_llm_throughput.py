"""Bulk jobs at model speed: 1,000 pairs through PostgreSQL + Redis + 2 `manage.py worker` processes against a local
OpenAI-format server that answers after 10 s and allows 500 requests a minute (429 + headers past it).

Run: .venv/bin/python bench/bench_llm_throughput.py [--pairs 1000 --workers 2 --latency 10 --rpm 500
     --inject-429 0.01 --concurrency N --kill-one-at 0.3]
Needs PostgreSQL on 127.0.0.1:5432 (trust) and redis-server on the PATH (own database, own redis-server, own fake
server process). Prints wall time, the share of the rate limit achieved, requests over the limit (the server
counts them over any 60 s window), 429s and their retries, items lost or doubled, and the workers' peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from redis import Redis  # noqa: E402
from rq import Queue  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.bench_queue import PrivateRedis, _create_db, _drop_db, _setup  # noqa: E402
from bench.pairgen import make_pairs  # noqa: E402
from tests.fakes.paced_server import max_per_window  # noqa: E402

WORKER = "import sys, manage; sys.argv = ['manage.py', 'worker']; sys.exit(manage.run_app(manage.build_app()))"
OPEN = ("queued", "running", "paused_limit")


class FakeServer:
    """tests/fakes/batch_server.py (the paced server plus both batch APIs) in its own process."""

    def __init__(self, latency: float, rpm: int, inject_429: float, batch_run_s: float) -> None:
        cmd = [sys.executable, "-m", "tests.fakes.batch_server", "--latency", str(latency), "--rpm", str(rpm)]
        cmd += ["--inject-429", str(inject_429), "--seed", "17", "--batch-run-s", str(batch_run_s)]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        if not line:
            raise SystemExit("the fake server did not start")
        self.url = json.loads(line)["openai_url"]

    def stats(self) -> dict:
        """What the server saw (GET /_fake/stats)."""
        base = self.url.rsplit("/v1", 1)[0]
        with urllib.request.urlopen(f"{base}/_fake/stats", timeout=30) as reply:  # noqa: S310 - 127.0.0.1 only
            return json.loads(reply.read())

    def stop(self) -> None:
        """Stop the server process."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _spawn(env: dict[str, str], log_dir: Path) -> subprocess.Popen:
    """One `manage.py worker` with its stderr kept in log_dir (a worker that dies says why)."""
    log = open(log_dir / f"worker-{time.monotonic_ns()}.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "-c", WORKER], cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=log
    )


def _wait_workers(queue: Queue, procs: list[subprocess.Popen], timeout: float) -> None:
    """Until every worker registered with RQ (loading the pipeline takes long on a busy machine)."""
    from rq import Worker

    deadline = time.monotonic() + timeout
    while len(Worker.all(queue=queue)) < len(procs):
        dead = [p for p in procs if p.poll() is not None]
        if dead:
            raise SystemExit(f"a worker exited with {dead[0].returncode}; see {getattr(dead[0].stderr, 'name', '')}")
        if time.monotonic() > deadline:
            raise SystemExit(f"workers did not register with RQ in {timeout:g} s")
        time.sleep(0.2)


class MemoryWatch:
    """Samples the workers' resident memory every half second; keeps the peak per process."""

    def __init__(self) -> None:
        self.pids: list[int] = []
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            for pid in list(self.pids):
                try:
                    rss = psutil.Process(pid).memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                self.peak[pid] = max(self.peak.get(pid, 0), rss)

    def stop(self) -> int:
        """Stop sampling; the highest peak of any worker, in MB."""
        self._stop.set()
        return max(self.peak.values(), default=0) // (1024 * 1024)


def _counts(engine) -> Counter:  # type: ignore[no-untyped-def]
    from db.models import JobItem

    with engine.connect() as c:
        return Counter(dict(c.execute(select(JobItem.status, func.count()).group_by(JobItem.status)).all()))


def _results(engine) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Each item's result without what differs by path and run (stage timings, cost), by its place in the job."""
    from db.models import JobItem

    with engine.connect() as c:
        rows = c.execute(select(JobItem.seq, JobItem.result)).all()
    out = {}
    for seq, raw in rows:
        result = json.loads(raw or "{}")
        out[seq] = json.dumps({k: v for k, v in result.items() if k not in ("stages", "cost")}, sort_keys=True)
    return out


def _check(engine, n: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Items lost or doubled, ledger duplicates, offline fallbacks (a 429 not retried would show as one)."""
    from db.models import JobItem, LlmCall, StageEvent

    with engine.connect() as c:
        finals = Counter(
            c.scalars(select(StageEvent.item_id).where(StageEvent.outcome.in_(("completed", "failed", "quarantined"))))
        )
        keys = list(c.scalars(select(LlmCall.call_key)))
        paid = Counter(
            c.scalars(select(LlmCall.item_id).where(LlmCall.purpose == "rewrite", LlmCall.ok, LlmCall.usd > 0))
        )
        results = list(c.scalars(select(JobItem.result)))
        usd = c.scalar(select(func.coalesce(func.sum(LlmCall.usd), 0.0)))
    return {
        "lost": n - len(finals),
        "doubled": sum(1 for v in finals.values() if v > 1),
        "duplicate_ledger_keys": len(keys) - len(set(keys)),
        "items_paid_twice": sum(1 for v in paid.values() if v > 1),
        "fallbacks": sum(1 for r in results if r and '"llm_fallback"' in r),
        "booked_usd": round(float(usd), 6),
    }


def run(args: argparse.Namespace, *, batch: bool = False) -> dict:
    """One end-to-end run (live, or in batch mode); returns its figures."""
    from db.session import session_scope
    from services import jobs

    pairs = make_pairs(args.pairs, jds=args.jds)
    server = FakeServer(args.latency, args.rpm, args.inject_429, args.batch_run_s)
    redis = PrivateRedis()
    db, url = _create_db()
    procs: list[subprocess.Popen] = []
    log_dir = Path(tempfile.mkdtemp(prefix="bench-llm-"))
    watch = MemoryWatch()
    try:
        settings, engine, owner = _setup(url, redis.url, "ats")
        env = {
            "DATABASE_URL": url,
            "REDIS_URL": redis.url,
            "ATS_QUEUE_NAME": "ats",
            "ATS_LOG_LEVEL": "WARNING",
            "ATS_LLM_PROVIDER": "openai",
            "ATS_LLM_MODEL": "gpt-4o-mini",
            "ATS_LLM_BASE_URL": server.url,
            "OPENAI_API_KEY": "sk-bench",
            "ATS_LLM_RPM": str(args.rpm),
            "ATS_DAILY_LIMIT_USD": "1000",
            "ATS_USER_DAILY_LIMIT_USD": "1000",
            "ATS_BATCH_POLL_S": "2",
        }
        if args.concurrency:
            env["ATS_WORKER_CONCURRENCY"] = str(args.concurrency)
        procs = [_spawn(env, log_dir) for _ in range(args.workers)]
        watch.pids = [p.pid for p in procs]
        _wait_workers(Queue("ats", connection=Redis.from_url(redis.url)), procs, args.start_timeout_s)
        load_before = os.getloadavg()
        started = time.monotonic()
        with session_scope(engine) as s:
            jobs.submit_job(
                s, principal=owner, pairs=[{"resume": r, "jd": j} for r, j in pairs], options={"batch": batch}
            )
        killed = False
        next_report = started + 30
        while True:
            time.sleep(0.5)
            counts = _counts(engine)
            done = args.pairs - sum(counts.get(k, 0) for k in OPEN)
            if done >= args.pairs:
                break
            if args.kill_one_at and not killed and done >= args.kill_one_at * args.pairs:
                os.kill(procs[0].pid, signal.SIGKILL)  # mid-run, with its items in flight
                procs[0].wait()
                procs.append(_spawn(env, log_dir))
                watch.pids.append(procs[-1].pid)
                killed = True
                print(f"  killed worker {procs[0].pid} (kill -9) at {done} done; started a replacement", flush=True)
            if time.monotonic() > next_report:
                next_report += 30
                print(f"  {time.monotonic() - started:6.0f} s: {dict(counts)}", flush=True)
            if time.monotonic() - started > args.max_s:
                raise SystemExit(f"not done after {args.max_s} s: {dict(counts)}")
        elapsed = time.monotonic() - started
        load_after = os.getloadavg()
        stats = server.stats()
        checks = _check(engine, args.pairs)
        final = _counts(engine)
        results = _results(engine)
        engine.dispose()
    finally:
        peak_mb = watch.stop()
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        redis.stop()
        server.stop()
        _drop_db(db)
    arrivals = stats["accepted"]
    busiest = max_per_window(arrivals)  # requests in the busiest minute: the rate the limit allowed
    return {
        "pairs": args.pairs,
        "workers": args.workers,
        "latency_s": args.latency,
        "rpm": args.rpm,
        "concurrency": args.concurrency or "default",
        "seconds": round(elapsed, 1),
        "pairs_per_minute": round(args.pairs / elapsed * 60, 1),
        "requests": len(arrivals),
        "share_of_limit": round(busiest / args.rpm, 3) if args.rpm else None,
        "share_of_limit_whole_run": round(len(arrivals) / (elapsed / 60) / args.rpm, 3) if args.rpm else None,
        "over_limit_429": stats["over_limit"],
        "max_requests_in_any_60s": busiest,
        "injected_429": stats["injected_429"],
        "max_in_flight": stats["max_in_flight"],
        "peak_worker_rss_mb": peak_mb,
        "killed_a_worker": bool(args.kill_one_at),
        "statuses": dict(final),
        **checks,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "batch": batch,
        "_results": results,
    }


def main() -> None:
    """Run the benchmark and print its figures (the last line is JSON)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--jds", type=int, default=50)
    parser.add_argument("--latency", type=float, default=10.0)
    parser.add_argument("--rpm", type=int, default=500)
    parser.add_argument("--inject-429", type=float, default=0.01, help="share of requests answered 429 anyway")
    parser.add_argument("--concurrency", type=int, default=0, help="ATS_WORKER_CONCURRENCY (0: the default)")
    parser.add_argument("--kill-one-at", type=float, default=0.0, help="kill -9 a worker when this share is done")
    parser.add_argument("--max-s", type=float, default=1800.0)
    parser.add_argument("--start-timeout-s", type=float, default=600.0, help="how long workers may take to start")
    parser.add_argument("--batch", action="store_true", help="then the same pairs again in batch mode, compared")
    parser.add_argument("--batch-run-s", type=float, default=30.0, help="how long the fake batch takes to answer")
    args = parser.parse_args()
    live = run(args)
    _print(live)
    if not args.batch:
        print(json.dumps({k: v for k, v in live.items() if not k.startswith("_")}))
        return
    batched = run(args, batch=True)
    _print(batched)
    same = sum(1 for seq, digest in live["_results"].items() if batched["_results"].get(seq) == digest)
    ratio = batched["booked_usd"] / live["booked_usd"] if live["booked_usd"] else 0.0
    print(
        f"batch mode: {same} of {args.pairs} results the same as live; booked ${batched['booked_usd']:.4f} vs "
        f"${live['booked_usd']:.4f} live = {ratio:.3f}x"
    )
    summary = {"live": live, "batch": batched, "same_results": same, "batch_cost_ratio": round(ratio, 4)}
    for run_figures in (live, batched):
        run_figures.pop("_results")
    print(json.dumps(summary))


def _print(r: dict) -> None:
    mode = "batch mode" if r["batch"] else "live"
    print(
        f"[{mode}] {r['pairs']} pairs, {r['workers']} workers (concurrency {r['concurrency']}), "
        f"{r['latency_s']:g} s latency, {r['rpm']} RPM: {r['seconds']:.1f} s ({r['pairs_per_minute']:.0f} pairs/min)"
    )
    print(
        f"requests {r['requests']}; busiest minute {r['max_requests_in_any_60s']} = {r['share_of_limit']:.0%} of the "
        f"limit ({r['share_of_limit_whole_run']:.0%} averaged over the whole run); refused over the limit: "
        f"{r['over_limit_429']}; in flight at most {r['max_in_flight']}"
    )
    print(
        f"429s injected {r['injected_429']}, offline fallbacks {r['fallbacks']}; items lost {r['lost']}, doubled "
        f"{r['doubled']}, paid twice {r['items_paid_twice']}, duplicate ledger keys {r['duplicate_ledger_keys']}; "
        f"booked ${r['booked_usd']:.4f}"
    )
    print(f"peak worker RSS {r['peak_worker_rss_mb']} MB; load average {r['load_before']} -> {r['load_after']}")


if __name__ == "__main__":
    main()
