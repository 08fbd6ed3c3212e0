"""What one shared-JD request costs in storage: a bulk job of N short resumes against one long JD, submitted through
the jobs service on a fresh PostgreSQL database with texts encrypted, and the database's growth measured.

Run: .venv/bin/python bench/bench_shared_jd.py [--items 1000 --jd-chars 29000]
Prints the request's size, the submit time, the growth of the database (tables, TOAST and indexes) and the JD
characters stored; the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402

from bench.bench_queue import PG, _create_db, _drop_db  # noqa: E402


def _jd(chars: int) -> str:
    base = (ROOT / "samples/jd.txt").read_text()
    lines = [f"- Requirement {i}: hands-on experience with service {i} under load." for i in range(chars // 60)]
    return (base + "\n" + "\n".join(lines))[:chars]


def _size(name: str) -> int:
    with psycopg.connect(PG.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as c:
        c.execute("CHECKPOINT")
        return int(c.execute("SELECT pg_database_size(current_database())").fetchone()[0])


def main() -> None:
    """Submit one shared-JD job and print what it stored."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--jd-chars", type=int, default=29_000)
    args = parser.parse_args()
    from core.config import load_settings
    from db.migrate import upgrade
    from db.session import make_engine, session_scope
    from services import jobs, users

    jd = _jd(args.jd_chars)
    resumes = [f"- Built service {i} in Python and Go" for i in range(args.items)]
    request = json.dumps({"jd": jd, "resumes": resumes}).encode()
    name, url = _create_db()
    try:
        settings = load_settings(
            database_url=url, redis_url=None, encryption_key=Fernet.generate_key().decode(), bcrypt_rounds=4
        )
        engine = make_engine(settings)
        upgrade(engine=engine)
        with session_scope(engine) as s:
            users.create_user(s, username="bench", role="recruiter", password="bench-password")
        before = _size(name)
        started = time.perf_counter()
        with session_scope(engine) as s:
            owner = users.principal_for(s, username="bench")
            jobs.submit_job(
                s, principal=owner, pairs=[{"resume": r, "jd": jd} for r in resumes], queue=jobs.CollectingQueue()
            )
        seconds = time.perf_counter() - started
        grown = _size(name) - before
        with engine.connect() as c:
            from sqlalchemy import inspect, text

            queries = ["SELECT COALESCE(SUM(LENGTH(jd_text)), 0) FROM job_items"]
            if inspect(engine).has_table("job_jds"):  # not before the JD was stored once per job
                queries.append("SELECT COALESCE(SUM(LENGTH(text)), 0) FROM job_jds")
            stored = sum(int(c.execute(text(q)).scalar() or 0) for q in queries)
        engine.dispose()
    finally:
        _drop_db(name)
    out = {
        "items": args.items,
        "request_bytes": len(request),
        "submit_s": round(seconds, 2),
        "db_growth_bytes": grown,
        "growth_per_request_byte": round(grown / len(request), 1),
        "jd_chars_stored": stored,
    }
    print(
        f"{args.items} resumes x one {len(jd):,}-char JD: request {len(request):,} bytes; submit {seconds:.2f} s; "
        f"database grew {grown / 1e6:.1f} MB ({grown / len(request):.1f} x the request); JD chars stored {stored:,}"
    )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
