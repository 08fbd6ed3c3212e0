"""End to end with real worker processes: post, poll, results in JSON and CSV, the earlier app's fields, webhook."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from services.webhooks import SIGNATURE_HEADER, verify_signature
from tests.integration.api_support import JD, RESUME, make_api, start_workers, wait_for_status  # noqa: F401
from tests.integration.test_api_webhooks import Receiver

pytestmark = pytest.mark.timeout(300)

RESUME_B = RESUME.replace("finance team", "risk team").replace("30 analysts", "45 analysts")


def test_post_poll_and_read_results_as_json_and_csv(make_api, start_workers):
    env = make_api()
    start_workers(env, 1)
    body = {"items": [{"resume": RESUME, "jd": JD, "ref": "a"}, {"resume": RESUME_B, "jd": JD, "ref": "b"}]}
    accepted = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert accepted.status_code == 202, accepted.text
    job_id = accepted.json()["job_id"]

    status = wait_for_status(env, job_id)
    assert status["status"] == "completed" and status["job_status"] == "completed", status
    assert status["processed_candidates"] == status["total_candidates"] == 2
    assert status["progress"] == 1.0 and status["counts"]["completed"] == 2

    page = env.client.get(f"/api/bulk/results/{job_id}?limit=1", headers=env.auth()).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["items"][0]["ref"] == "a"
    result = page["items"][0]["result"]
    assert result["status"] == "COMPLETED"
    assert 0 <= result["score_before"] <= 100 and 0 <= result["score_after"] <= 100
    assert result["bullets"] and all("flags" in b and "scores" in b for b in result["bullets"])
    assert any(c["skill"] == "Python" for c in result["coverage"])
    second = env.client.get(f"/api/bulk/results/{job_id}?offset=1&limit=1", headers=env.auth()).json()
    assert second["items"][0]["ref"] == "b"

    response = env.client.get(f"/api/bulk/results/{job_id}?format=csv", headers=env.auth())
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["ref"] for r in rows} == {"a", "b"}
    assert len(rows) == sum(len(i["result"]["bullets"]) for i in page["items"] + second["items"])
    assert set(rows[0]) >= {"ref", "original", "rewrite", "accepted", "flags", "score_before", "score_after"}


def test_earlier_app_client_posts_its_shape_and_reads_its_fields(make_api, start_workers):
    env = make_api()
    start_workers(env, 1)
    body = {
        "job_description": JD,
        "candidates": [
            {"candidate_id": "cand-1", "bullets": ["Built data pipelines in Python and SQL", "Managed 4 engineers"]},
            {"candidate_id": "cand-2", "bullets": ["Wrote dashboards used by 30 analysts"]},
        ],
        "settings": {"tone": "professional", "max_len": 200, "variants": 1},
    }
    old_client = {"X-API-Key": env.keys["alice"]}
    accepted = env.client.post("/api/bulk/process", json=body, headers=old_client)
    assert accepted.status_code == 202
    job_id = accepted.json()["job_id"]
    deadline = time.monotonic() + 120
    while True:
        status = env.client.get(f"/api/bulk/status/{job_id}", headers=old_client).json()
        assert status["status"] in ("processing", "completed", "failed")
        if status["status"] != "processing" or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    assert status["status"] == "completed" and status["total_candidates"] == 2

    results = env.client.get(f"/api/bulk/results/{job_id}", headers=old_client).json()
    assert results["job_id"] == job_id and results["processed_candidates"] == 2
    by_id = {c["candidate_id"]: c for c in results["candidates"]}
    assert set(by_id) == {"cand-1", "cand-2"}
    first = by_id["cand-1"]
    assert first["status"] == "completed" and first["error_message"] is None
    assert [r["original"] for r in first["results"]] == body["candidates"][0]["bullets"]
    for bullet in first["results"]:
        assert bullet["revised"] and all(isinstance(v, str) and v for v in bullet["revised"])
        assert set(bullet["scores"]) == {"relevance", "impact", "clarity"}
        assert isinstance(bullet["notes"], str) and set(bullet["diff"]) == {"removed", "added_terms"}
    assert "Python" in first["coverage"]["hit"] and "AWS" in first["coverage"]["miss"]


def test_webhook_arrives_signed_when_the_job_completes(make_api, start_workers):
    env = make_api(webhook_secret="flow-test-hook-secret-0123")
    receiver = Receiver()
    try:
        start_workers(env, 1)
        body = {"jd": JD, "resumes": [RESUME], "callback_url": receiver.url}
        job_id = env.client.post("/api/bulk/process", json=body, headers=env.auth()).json()["job_id"]
        assert wait_for_status(env, job_id)["status"] == "completed"
        deadline = time.monotonic() + 30
        while not receiver.received and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(receiver.received) == 1
        headers, raw = receiver.received[0]
        assert verify_signature("flow-test-hook-secret-0123", headers[SIGNATURE_HEADER], raw)
        payload = json.loads(raw)
        assert payload["event"] == "job.completed" and payload["job"]["job_id"] == job_id
        assert payload["job"]["status"] == "completed" and payload["job"]["counts"]["completed"] == 1
    finally:
        receiver.close()


def test_one_pair_synchronously_in_both_shapes(make_api):
    env = make_api()
    response = env.client.post("/api/resume/process", json={"resume": RESUME, "jd": JD}, headers=env.auth())
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["status"] == "COMPLETED" and len(result["bullets"]) == 3
    assert len(result["results"]) == 3 and "Python" in result["coverage_summary"]["hit"]

    old = {"role": "Senior Data Engineer", "jd_text": JD, "bullets": ["Built data pipelines in Python and SQL"]}
    legacy = env.client.post("/api/resume/process", json=old, headers={"X-API-Key": env.keys["bob"]})
    assert legacy.status_code == 200, legacy.text
    body = legacy.json()
    assert body["results"][0]["original"] == old["bullets"][0]
    assert set(body["results"][0]["scores"]) == {"relevance", "impact", "clarity"}
