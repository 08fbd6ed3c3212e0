"""Bulk submission: accepted shapes, every bad row at once, idempotency, limits, size limit, visibility."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Job, JobItem
from db.session import session_scope
from tests.integration.api_support import JD, RESUME, make_api  # noqa: F401 - fixture

RESUME_B = RESUME.replace("finance team", "risk team")


def _count(env, model) -> int:
    with session_scope(env.settings) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_items_shape_is_accepted_and_status_is_readable(make_api):
    env = make_api()
    body = {"items": [{"resume": RESUME, "jd": JD, "ref": "c-1"}, {"resume": RESUME_B, "jd": JD}]}
    response = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["items"] == 2 and accepted["estimated_cost"] == 0.0 and accepted["status"] == "processing"
    status = env.client.get(f"/api/bulk/status/{accepted['job_id']}", headers=env.auth()).json()
    assert status["job_id"] == accepted["job_id"]
    assert status["status"] == "processing" and status["job_status"] == "queued"
    assert status["total_candidates"] == 2 and status["processed_candidates"] == 0
    assert status["counts"]["queued"] == 2 and status["stages"] == {"INGEST": 2}


def test_one_jd_for_many_resumes_is_stored_per_item(make_api):
    env = make_api()
    body = {"jd": JD, "resumes": [RESUME, {"resume": RESUME_B, "ref": "b"}], "options": {"tone": "concise"}}
    response = env.client.post("/api/bulk/process", json=body, headers=env.auth("bob", header="x-api-key"))
    assert response.status_code == 202, response.text
    with session_scope(env.settings) as s:
        refs = s.scalars(select(JobItem.ref).order_by(JobItem.seq)).all()
        options = s.scalar(select(Job.options))
    assert refs == [None, "b"] and options["tone"] == "concise"


def test_earlier_app_bulk_shape_is_accepted(make_api):
    env = make_api()
    body = {
        "job_description": JD,
        "candidates": [
            {"candidate_id": "cand-1", "bullets": ["Built data pipelines in Python", "Managed 4 engineers"]},
            {"candidate_id": "cand-2", "bullets": ["Wrote SQL reports for finance"]},
        ],
        "settings": {"tone": "professional", "max_len": 200, "variants": 2},
    }
    response = env.client.post("/api/bulk/process", json=body, headers={"X-API-Key": env.keys["alice"]})
    assert response.status_code == 202, response.text
    assert response.json()["total_candidates"] == 2
    with session_scope(env.settings) as s:
        assert s.scalar(select(Job.options))["variants"] == 2
        assert s.scalars(select(JobItem.ref).order_by(JobItem.seq)).all() == ["cand-1", "cand-2"]


def test_every_bad_row_is_listed_and_nothing_is_enqueued(make_api):
    env = make_api()
    items = [
        {"resume": RESUME, "jd": JD},
        {"resume": RESUME},  # malformed: no jd
        {"resume": "   ", "jd": JD},  # well-formed but empty: the services' check
        {"resume": RESUME, "jd": JD, "extra": 1},  # unknown field
        {"resume": "x" * 60_000, "jd": JD, "ref": "long"},  # over the resume size limit
    ]
    response = env.client.post("/api/bulk/process", json={"items": items}, headers=env.auth())
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_rows" and body["request_id"]
    assert [r["row"] for r in body["rows"]] == [2, 3, 4, 5]
    assert "jd" in body["rows"][0]["error"] and body["rows"][3]["ref"] == "long"
    assert _count(env, Job) == 0 and _count(env, JobItem) == 0


def test_earlier_shape_refuses_more_than_twenty_bullets(make_api):
    env = make_api()
    body = {"job_description": JD, "candidates": [{"candidate_id": "x", "bullets": ["Did a thing"] * 21}]}
    response = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert response.status_code == 422
    assert response.json()["rows"][0]["ref"] == "x" and "20" in response.json()["rows"][0]["error"]


def test_too_many_items_and_bad_bodies_are_422_json(make_api):
    env = make_api(max_items_per_job=3)
    response = env.client.post("/api/bulk/process", json={"jd": JD, "resumes": [RESUME] * 4}, headers=env.auth())
    assert response.status_code == 422 and response.json()["error"] == "too_many_items"
    not_json = env.client.post("/api/bulk/process", content=b"{nope", headers=env.auth())
    assert not_json.status_code == 422 and not_json.json()["error"] == "validation_error"
    unknown = env.client.post("/api/bulk/process", json={"what": 1}, headers=env.auth())
    assert unknown.status_code == 422 and "shape" in unknown.json()["detail"]
    bad_options = env.client.post(
        "/api/bulk/process", json={"jd": JD, "resumes": [RESUME], "options": {"variants": 9}}, headers=env.auth()
    )
    assert bad_options.status_code == 422 and "variants" in bad_options.json()["detail"]
    assert _count(env, Job) == 0


def test_body_over_the_limit_is_413_before_it_is_read(make_api):
    env = make_api(max_body_bytes=10_000)
    big = b'{"jd": "' + b"a" * 20_000 + b'", "resumes": ["x"]}'
    response = env.client.post("/api/bulk/process", content=big, headers=env.auth())
    assert response.status_code == 413 and response.json()["error"] == "payload_too_large"

    def chunks():  # no Content-Length: the limit must trip while streaming
        for _ in range(30):
            yield b"a" * 1000

    streamed = env.client.post("/api/bulk/process", content=chunks(), headers=env.auth())
    assert streamed.status_code == 413 and streamed.json()["request_id"]
    assert _count(env, Job) == 0


def test_idempotency_key_same_body_same_job_other_body_409(make_api):
    env = make_api()
    headers = {**env.auth(), "Idempotency-Key": "order-42"}
    body = {"jd": JD, "resumes": [RESUME]}
    first = env.client.post("/api/bulk/process", json=body, headers=headers)
    again = env.client.post("/api/bulk/process", json=body, headers=headers)
    assert first.status_code == again.status_code == 202
    assert first.json()["job_id"] == again.json()["job_id"]
    other = env.client.post("/api/bulk/process", json={"jd": JD, "resumes": [RESUME_B]}, headers=headers)
    assert other.status_code == 409 and other.json()["error"] == "conflict"
    assert _count(env, Job) == 1


def test_another_owners_job_is_404_like_a_missing_one(make_api):
    env = make_api()
    job_id = env.client.post("/api/bulk/process", json={"jd": JD, "resumes": [RESUME]}, headers=env.auth()).json()[
        "job_id"
    ]
    mine = env.client.get(f"/api/bulk/status/{job_id}", headers=env.auth("alice"))
    assert mine.status_code == 200
    for path in (f"/api/bulk/status/{job_id}", f"/api/bulk/results/{job_id}", f"/api/bulk/results/{job_id}?format=csv"):
        theirs = env.client.get(path, headers=env.auth("bob"))
        missing = env.client.get(path.replace(job_id, "11111111-2222-3333-4444-555555555555"), headers=env.auth("bob"))
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["detail"] == missing.json()["detail"]


def test_bulk_rate_limit_per_key_is_429_with_retry_after(make_api):
    env = make_api(bulk_rate_per_minute=2)
    body = {"jd": JD, "resumes": [RESUME]}
    codes = [env.client.post("/api/bulk/process", json=body, headers=env.auth()).status_code for _ in range(3)]
    assert codes == [202, 202, 429]
    limited = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert limited.json()["error"] == "rate_limited" and 1 <= int(limited.headers["Retry-After"]) <= 60
    # Another key has its own budget of requests.
    assert env.client.post("/api/bulk/process", json=body, headers=env.auth("bob")).status_code == 202


def test_daily_cost_limit_is_429_with_limit_spend_and_reset(make_api):
    env = make_api(llm_provider="openai", key_daily_limit_usd=0.000001)
    response = env.client.post("/api/bulk/process", json={"jd": JD, "resumes": [RESUME]}, headers=env.auth())
    assert response.status_code == 429, response.text
    body = response.json()
    assert body["error"] == "daily_cost_limit"
    assert body["limit"] == 0.000001 and body["spend"] == 0.0 and body["resets_at"].endswith("+00:00")
    assert int(response.headers["Retry-After"]) > 0
    assert _count(env, Job) == 0


def test_private_callback_urls_are_refused_unless_allowed(make_api):
    env = make_api(webhook_allow_private=False)
    body = {"jd": JD, "resumes": [RESUME], "callback_url": "http://127.0.0.1:9/hook"}
    response = env.client.post("/api/bulk/process", json=body, headers=env.auth())
    assert response.status_code == 422 and response.json()["error"] == "invalid_callback_url"
    body["callback_url"] = "ftp://example.com/x"
    assert env.client.post("/api/bulk/process", json=body, headers=env.auth()).status_code == 422
    assert _count(env, Job) == 0


def test_nul_characters_and_odd_ids_are_refused_not_crashed(make_api):
    env = make_api()
    items = [{"resume": RESUME, "jd": JD}, {"resume": RESUME + "\x00", "jd": JD}]
    response = env.client.post("/api/bulk/process", json={"items": items}, headers=env.auth())
    assert response.status_code == 422 and response.json()["rows"][0]["row"] == 2
    assert "NUL" in response.json()["rows"][0]["error"]
    assert env.client.get("/api/bulk/status/bad%00id", headers=env.auth()).status_code == 422
    odd_key = env.client.get("/api/bulk/status/x", headers={"X-API-Key": "ats_\x01weird"})
    assert odd_key.status_code == 401
    assert _count(env, Job) == 0
