"""API access: every route but liveness and docs needs a key, headers, error shape, failed-auth slowing."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import time

from sqlalchemy import select

from db.models import SecurityEvent
from db.session import session_scope
from tests.integration.api_support import make_api  # noqa: F401 - fixture

PUBLIC = {"/health"}


def _example_path(path: str) -> str:
    return path.replace("{job_id}", "00000000-0000-0000-0000-000000000000")


def test_every_documented_route_requires_a_key(make_api):
    env = make_api()
    doc = env.client.get("/openapi.json").json()
    assert env.client.get("/docs").status_code == 200
    seen = 0
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            url = _example_path(path)
            response = env.client.request(method.upper(), url, json={})
            if path in PUBLIC:
                assert response.status_code == 200, path
                assert "security" not in operation
                continue
            seen += 1
            assert response.status_code == 401, (method, path, response.status_code)
            body = response.json()
            assert body["error"] == "unauthorized" and body["request_id"]
            assert operation.get("security"), f"{method} {path} does not declare its key in the document"
            bad = env.client.request(
                method.upper(), url, json={}, headers={"Authorization": "Bearer ats_wrongwrongwrong"}
            )
            assert bad.status_code == 401, (method, path)
    assert seen >= 6


def test_liveness_says_nothing_but_ok(make_api):
    env = make_api()
    response = env.client.get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_both_key_headers_work_and_a_key_in_the_url_is_refused(make_api):
    env = make_api()
    for header in ("bearer", "x-api-key"):
        response = env.client.get("/health/ready", headers=env.auth(header=header))
        assert response.status_code == 200, response.text
        assert response.json()["checks"]["database"]["ok"] is True
    key = env.keys["alice"]
    refused = env.client.get(f"/health/ready?api_key={key}")
    assert refused.status_code == 401 and "URL" in refused.json()["detail"]


def test_security_headers_request_id_and_cors(make_api):
    env = make_api(cors_origins="https://hr.example.com")
    response = env.client.get("/health", headers={"X-Request-ID": "abc123-request-id"})
    assert response.headers["x-request-id"] == "abc123-request-id"
    for name in ("x-content-type-options", "x-frame-options", "strict-transport-security", "content-security-policy"):
        assert name in response.headers, name
    preflight = env.client.options(
        "/api/bulk/process",
        headers={
            "Origin": "https://hr.example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://hr.example.com"
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    other = env.client.options(
        "/api/bulk/process", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in other.headers


def test_scopes_are_enforced(make_api):
    env = make_api()
    response = env.client.post("/api/bulk/process", json={"jd": "x", "resumes": ["y"]}, headers=env.auth("reader"))
    assert response.status_code == 403 and response.json()["error"] == "forbidden"
    assert env.client.get("/metrics", headers=env.auth("alice")).status_code == 403
    # Least privilege (services.principal.has_scope): an admin's key has its scopes, not its owner's role.
    assert env.client.get("/metrics", headers=env.auth("admin")).status_code == 403
    submit = env.client.post("/api/bulk/process", json={"jd": "x", "resumes": ["y"]}, headers=env.auth("scraper"))
    assert submit.status_code == 403  # the admin's metrics key cannot submit either
    metrics = env.client.get("/metrics", headers=env.auth("scraper"))
    assert metrics.status_code == 200
    assert "ats_api_requests_total" in metrics.text


def test_repeated_failed_auth_is_slowed_and_recorded(make_api):
    env = make_api(auth_fail_per_minute=3)
    bad = {"Authorization": "Bearer ats_notarealkeynotarealkey"}
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        assert env.client.get("/api/bulk/status/x", headers=bad).status_code == 401
        timings.append(time.perf_counter() - started)
    assert timings[-1] >= 0.4  # the 5th failure is 2 past the threshold: held 0.5 s
    assert max(timings[:3]) < 0.4
    with session_scope(env.settings) as s:
        events = s.scalars(select(SecurityEvent).where(SecurityEvent.kind == "api_auth_failures")).all()
        assert len(events) == 1
        assert events[0].address == "testclient"


def test_a_revoked_key_stops_working(make_api):
    from services.api_keys import list_api_keys, revoke_api_key

    env = make_api(api_key_cache_s=0)
    assert env.client.get("/health/ready", headers=env.auth("bob")).status_code == 200
    with session_scope(env.settings) as s:
        key_id = next(k["id"] for k in list_api_keys(s, username="bob"))
        revoke_api_key(s, actor=None, key_id=key_id)
    assert env.client.get("/health/ready", headers=env.auth("bob")).status_code == 401
    assert env.client.get("/health/ready", headers=env.auth("alice")).status_code == 200


def test_verified_keys_are_cached_only_for_the_configured_time(make_api):
    from services.api_keys import list_api_keys, revoke_api_key

    env = make_api(api_key_cache_s=0.5)
    assert env.client.get("/health/ready", headers=env.auth("bob")).status_code == 200
    with session_scope(env.settings) as s:
        revoke_api_key(s, actor=None, key_id=next(k["id"] for k in list_api_keys(s, username="bob")))
    time.sleep(0.6)
    assert env.client.get("/health/ready", headers=env.auth("bob")).status_code == 401
