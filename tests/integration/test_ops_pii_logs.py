"""A job full of PII runs through the real API and the real worker; no log line carries PII or resume/JD text."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, text

from tests.conftest import free_port
from tests.processes import kill_group

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

PII = [
    "Maria Gonzalez",
    "maria.gonzalez@example.org",
    "+1 (415) 555-0199",
    "+44 20 7946 0958",
    "512-44-7890",
    "4111 1111 1111 1111",
    "1600 Amphitheatre Parkway",
    "03/14/1987",
    "linkedin.com/in/maria-gonzalez-42",
    "github.com/mgonzalez-dev",
]


def _resume(i: int) -> str:
    return (
        f"Maria Gonzalez\nmaria.gonzalez@example.org | +1 (415) 555-0199 | +44 20 7946 0958\n"
        f"1600 Amphitheatre Parkway, Mountain View, CA 94043 | DOB 03/14/1987 | SSN 512-44-7890\n"
        f"linkedin.com/in/maria-gonzalez-42 | github.com/mgonzalez-dev\n\nExperience\n"
        f"Senior Platform Engineer, Zorblax Systems, 2019-2024\n"
        f"- Orchestrated Kubernetes clusters for seventeen payment teams in region {i}\n"
        f"- Paid vendors with corporate card 4111 1111 1111 1111 after approvals\n"
        f"- Reduced deployment time for the quarterly ledger migration by 40%\n"
        f"- Mentored four junior engineers on Terraform module hygiene\n"
    )


JD = (
    "Staff Infrastructure Engineer at Quillfeather Analytics.\n"
    "Requirements:\n- Kubernetes and Terraform in production\n- Experience with AWS and observability\n"
    "Nice to have:\n- Go or Rust\n"
)


def _secret_snippets() -> list[str]:
    """Every PII value plus every resume and JD line long enough to be telling."""
    lines = [ln.strip("- ").strip() for ln in (_resume(0) + "\n" + JD).splitlines()]
    return PII + [ln for ln in lines if len(ln) >= 20 and "region" not in ln] + ["Orchestrated Kubernetes clusters"]


def _env(pg_url: str, redis_url: str, queue: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ATS_", "DATABASE_URL", "REDIS_URL", "OTEL_"))}
    return {
        **base,
        "DATABASE_URL": pg_url,
        "REDIS_URL": redis_url,
        "ATS_QUEUE_NAME": queue,
        "ATS_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "ATS_LOG_LEVEL": "DEBUG",  # the most talkative setting: every debug line must be clean too
        "ATS_ADMIN_PASSWORD": secrets.token_urlsafe(16),
    }


def _manage(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"manage.py {args[0]} failed: {done.stderr[-2000:]}"
    return done


def _last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def test_pii_job_leaves_no_trace_in_logs(pg_url: str, redis_namespace: tuple[str, str], tmp_path: Path) -> None:
    redis_url, queue = redis_namespace
    env = _env(pg_url, redis_url, queue)
    stderr_of: dict[str, str] = {}
    stderr_of["migrate"] = _manage(env, "migrate").stderr
    user = _manage(env, "create-user", "--username", "ops_pii", "--role", "recruiter")
    stderr_of["create-user"] = user.stderr
    made = _manage(env, "create-api-key", "--user", "ops_pii", "--name", "pii-test")
    stderr_of["create-api-key"] = made.stderr
    key = _last_json(made.stdout)["key"]
    scraper = _manage(env, "create-api-key", "--user", "ops_pii", "--name", "prometheus", "--scopes", "metrics")
    metrics_key = _last_json(scraper.stdout)["key"]

    port = free_port()
    api_log = tmp_path / "api.log"
    with api_log.open("w") as sink:
        api = subprocess.Popen(
            [sys.executable, "manage.py", "api", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        headers = {"Authorization": f"Bearer {key}", "X-Request-ID": "pii-test-request-0001"}
        body = {"items": [{"resume": _resume(i), "jd": JD, "ref": f"cand-{i}"} for i in range(3)]}
        posted = httpx.post(f"{base}/api/bulk/process", json=body, headers=headers, timeout=30)
        assert posted.status_code == 202, posted.text
        job_id = posted.json()["job_id"]

        worker = _manage(env, "worker", "--burst", timeout=300)
        stderr_of["worker"] = worker.stderr + worker.stdout

        status = httpx.get(f"{base}/api/bulk/status/{job_id}", headers=headers, timeout=10).json()
        assert status["status"] == "completed", status
        results = httpx.get(f"{base}/api/bulk/results/{job_id}", headers=headers, timeout=30).json()
        found = {p["type"] for item in results["items"] for p in item["result"]["pii"]}
        assert {"EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD"} <= found  # the texts really held PII
        csv_export = httpx.get(f"{base}/api/bulk/results/{job_id}?format=csv", headers=headers, timeout=30)
        assert csv_export.status_code == 200 and "Orchestrated" in csv_export.text
        stderr_of["cli-status"] = _manage(env, "status", job_id).stderr

        # /metrics exposes the project's registry: this process's request counters and the database state.
        scrape = httpx.get(f"{base}/metrics", headers={"Authorization": f"Bearer {metrics_key}"}, timeout=30)
        assert scrape.status_code == 200, scrape.text
        assert 'ats_items{status="completed"} 3.0' in scrape.text
        assert 'ats_api_requests_total{method="POST",route="/api/bulk/process",status="202"} 1.0' in scrape.text
        assert "ats_spend_today_usd" in scrape.text and "ats_queue_depth" in scrape.text
    finally:
        api.send_signal(signal.SIGTERM)
        try:
            api.wait(20)
        finally:
            kill_group(api)
    stderr_of["api"] = api_log.read_text()

    lines = [(name, ln) for name, text in stderr_of.items() for ln in text.splitlines() if ln.strip()]
    assert lines, "no log line at all: the processes did not log"
    for snippet in _secret_snippets():
        pattern = re.compile(re.escape(snippet), re.IGNORECASE)
        leaks = [f"{name}: {ln[:200]}" for name, ln in lines if pattern.search(ln)]
        assert not leaks, f"{snippet!r} reached the logs:\n" + "\n".join(leaks[:5])

    # The export was audited with the caller's address (bound by the API's edge middleware).
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, address FROM audit_log WHERE action = 'export'")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [("ops_pii", "127.0.0.1")]

    # The lines are structured and carry the ids that make them useful.
    parsed = {name: [json.loads(ln) for n, ln in lines if n == name] for name in ("api", "worker")}
    assert any(rec.get("request_id") == "pii-test-request-0001" for rec in parsed["api"])
    worker_ids = [rec for rec in parsed["worker"] if rec.get("item_id") and rec.get("job_id") == job_id]
    assert worker_ids, "worker lines carry no job_id/item_id"
    # The submitting request's id travelled with the queued items (RQ job meta) into the worker's lines.
    assert all(rec.get("request_id") == "pii-test-request-0001" for rec in worker_ids)
    assert any(rec.get("stage") for rec in parsed["worker"]), "worker lines carry no stage:\n" + "\n".join(
        json.dumps(r) for r in parsed["worker"][:15]
    )
