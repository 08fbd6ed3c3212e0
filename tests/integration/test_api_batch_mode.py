"""Batch mode through the REST API: the option is accepted, the answer shows both estimates, the status the
provider batches' progress; the CLI's `submit --batch` the same."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from db.models import Job, LlmBatch, utcnow
from db.session import session_scope
from tests.integration.api_support import JD, RESUME, make_api  # noqa: F401 - fixture

OPENAI = {"llm_provider": "openai", "openai_api_key": "sk-test", "llm_model": "gpt-4o-mini"}


def test_batch_option_shows_both_prices_and_the_batch_progress(make_api):
    env = make_api(**OPENAI)
    body = {"items": [{"resume": RESUME, "jd": JD}] * 3, "options": {"batch": True}}
    response = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert response.status_code == 202, response.text
    accepted = response.json()
    live, batch = accepted["estimated_cost_live"], accepted["estimated_cost_batch"]
    assert live > 0 and batch == pytest.approx(live / 2, abs=1e-6)
    assert accepted["estimated_cost"] == batch  # the job is priced as it will run
    with session_scope(env.settings) as s:
        assert s.scalar(select(Job.options).where(Job.id == accepted["job_id"]))["batch"] is True
        now = utcnow()
        s.execute(
            insert(LlmBatch).values(
                id="b" * 24, job_id=accepted["job_id"], provider="openai", model="gpt-4o-mini", status="running",
                provider_status="in_progress", total=3, completed=2, failed=0, created_at=now - timedelta(minutes=5),
                updated_at=now,
            )
        )  # fmt: skip
    status = env.client.get(f"/api/bulk/status/{accepted['job_id']}", headers=env.auth()).json()
    assert status["batch"]["requests"] == 3 and status["batch"]["answered"] == 2 and status["batch"]["running"] == 1
    assert status["batch"]["batches"][0]["provider_status"] == "in_progress"


def test_without_a_batch_api_the_estimate_says_so(make_api):
    env = make_api()  # the offline engine: nothing to batch, nothing to pay
    body = {"items": [{"resume": RESUME, "jd": JD}], "options": {"batch": True}}
    accepted = env.client.post("/api/bulk/process", json=body, headers=env.auth()).json()
    assert accepted["estimated_cost"] == 0.0 and accepted["estimated_cost_batch"] is None
    bad = env.client.post("/api/bulk/process", json={**body, "options": {"batch": "sometimes"}}, headers=env.auth())
    assert bad.status_code == 422


def test_cli_submit_batch_prints_both_estimates(tmp_path):
    import json

    from tests.integration.test_jobs_cli import _manage

    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ats.db'}",
        "ATS_BCRYPT_ROUNDS": "4",
        "ATS_LLM_PROVIDER": "openai",
        "OPENAI_API_KEY": "sk-test",
    }
    assert _manage("migrate", env=env)[0] == 0
    assert _manage("create-user", "--username", "rita", "--role", "recruiter", env=env)[0] == 0
    rows = tmp_path / "pairs.jsonl"
    rows.write_text(json.dumps({"resume": RESUME, "jd": JD}) + "\n")
    code, out, err = _manage("submit", "--input", str(rows), "--user", "rita", "--batch", env=env)
    assert code == 0, err
    assert (
        out["estimated_cost"] == out["estimated_cost_batch"] == pytest.approx(out["estimated_cost_live"] / 2, abs=1e-6)
    )
