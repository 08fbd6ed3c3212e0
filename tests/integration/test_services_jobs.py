"""services.jobs and services.results on SQLite and PostgreSQL: submit, refuse bad rows whole, see only your own."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.errors import Conflict, DailyLimitReached, InvalidRows, NotFound, PermissionDenied
from db.models import Job, JobItem
from services import jobs, results
from services.principal import Principal

RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS. Nice to have: Kubernetes."


def _pairs(n: int) -> list[dict]:
    return [{"resume": RESUME, "jd": JD, "ref": f"r{i}"} for i in range(n)]


def test_submit_saves_items_and_status_counts_them(session, make_user):
    alice = make_user("alice")
    out = jobs.submit_job(session, principal=alice, pairs=_pairs(3))
    assert out["items"] == 3 and out["estimated_cost"] == 0.0
    status = jobs.job_status(session, principal=alice, job_id=out["job_id"])
    assert status["status"] == "queued"
    assert status["counts"]["queued"] == 3 and status["stages"] == {"INGEST": 3}
    assert status["progress"] == 0.0 and status["cost_usd"] == 0.0
    page = results.job_results(session, principal=alice, job_id=out["job_id"], offset=1, limit=1)
    assert page["total"] == 3 and [i["ref"] for i in page["items"]] == ["r1"]
    assert page["items"][0]["result"] is None


def test_a_job_with_one_bad_row_is_refused_whole_with_that_rows_error(session, make_user):
    alice = make_user("alice")
    pairs = _pairs(4)
    pairs[2] = {"resume": RESUME, "jd": "   ", "ref": "bad"}
    with pytest.raises(InvalidRows) as err:
        jobs.submit_job(session, principal=alice, pairs=pairs)
    assert err.value.rows == [{"row": 3, "ref": "bad", "error": "the job description is empty"}]
    assert session.scalar(select(func.count()).select_from(JobItem)) == 0
    assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_every_bad_row_is_reported_at_once(session, make_user, db_settings):
    alice = make_user("alice")
    too_long = "- " + "x" * (db_settings.max_resume_chars + 10)
    pairs = [{"resume": "", "jd": JD}, {"resume": RESUME, "jd": JD}, {"resume": too_long, "jd": JD}, {"jd": JD}]
    with pytest.raises(InvalidRows) as err:
        jobs.submit_job(session, principal=alice, pairs=pairs)
    assert [r["row"] for r in err.value.rows] == [1, 3, 4]
    assert "ATS_MAX_RESUME_CHARS" in err.value.rows[1]["error"]


def test_a_row_with_nul_bytes_is_refused_with_a_reason(session, make_user):
    alice = make_user("alice")
    pairs = [{"resume": RESUME, "jd": JD}, {"resume": "%PDF-1.7\x00\x00binary", "jd": JD, "ref": "pdf"}]
    with pytest.raises(InvalidRows) as err:
        jobs.submit_job(session, principal=alice, pairs=pairs)
    assert err.value.rows[0]["row"] == 2 and "binary file" in err.value.rows[0]["error"]
    assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_visibility_own_team_all(session, make_user):
    alice, bob = make_user("alice", team="red"), make_user("bob", team="blue")
    manager, admin = make_user("mona", role="manager", team="red"), make_user("root", role="admin")
    job_a = jobs.submit_job(session, principal=alice, pairs=_pairs(1))["job_id"]
    job_b = jobs.submit_job(session, principal=bob, pairs=_pairs(1))["job_id"]
    with pytest.raises(NotFound):
        jobs.job_status(session, principal=bob, job_id=job_a)
    with pytest.raises(NotFound):
        results.job_results(session, principal=alice, job_id=job_b)
    assert {j["job_id"] for j in jobs.list_jobs(session, principal=manager)} == {job_a}
    assert {j["job_id"] for j in jobs.list_jobs(session, principal=admin)} == {job_a, job_b}
    assert jobs.list_jobs(session, principal=alice)[0]["owner"] == "alice"


def test_idempotency_key_returns_the_same_job_and_refuses_a_different_request(session, make_user):
    alice = make_user("alice")
    first = jobs.submit_job(session, principal=alice, pairs=_pairs(2), idempotency_key="k1")
    again = jobs.submit_job(session, principal=alice, pairs=_pairs(2), idempotency_key="k1")
    assert again["job_id"] == first["job_id"] and again["duplicate"] is True
    with pytest.raises(Conflict):
        jobs.submit_job(session, principal=alice, pairs=_pairs(3), idempotency_key="k1")
    assert session.scalar(select(func.count()).select_from(Job)) == 1


def test_a_job_over_the_daily_limit_is_refused(make_user, db_settings, engine):
    from sqlalchemy.orm import Session

    from db.session import make_engine

    paid = make_engine(db_settings.model_copy(update={"llm_provider": "openai", "user_daily_limit_usd": 0.00001}))
    alice = make_user("alice")
    with Session(paid) as s:
        with pytest.raises(DailyLimitReached) as err:
            jobs.submit_job(s, principal=alice, pairs=_pairs(50))
        assert err.value.scope == "user" and "daily cost limit" in str(err.value)
        assert s.scalar(select(func.count()).select_from(Job)) == 0
    paid.dispose()


def test_a_read_only_key_cannot_submit(session, make_user):
    alice = make_user("alice")
    reader = Principal(alice.user_id, "alice", "recruiter", api_key_id=9, scopes=frozenset({"jobs:read"}))
    with pytest.raises(PermissionDenied):
        jobs.submit_job(session, principal=reader, pairs=_pairs(1))


def test_cancel_marks_unfinished_items_and_the_job(session, make_user):
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=_pairs(3))["job_id"]
    status = jobs.cancel_job(session, principal=alice, job_id=job_id)
    assert status["status"] == "cancelled" and status["counts"]["cancelled"] == 3 and status["progress"] == 1.0
