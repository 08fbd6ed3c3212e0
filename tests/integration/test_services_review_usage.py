"""services.review, results exports, usage dashboards and limits, retention, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.errors import Conflict, InputError, NotFound, PermissionDenied
from core.factory import build_context, load_local
from core.llm.offline import OfflineProvider
from db.models import JobItem
from services import jobs, results, retention, review, team_report, usage
from services.budget import today
from services.cache import signals_cache_for
from services.dispatch import DbQueue
from tests.integration.costly_provider import USD_PER_CALL, CostlyProvider
from workers import runtime as worker_runtime
from workers.tasks import process_item

RESUME = "Experience\n- Responsible for building REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS. Nice to have: Kubernetes."


@pytest.fixture
def finished_job(session, engine, db_settings, make_user):
    """A completed two-item job of alice (team red), processed by a paid provider."""
    matcher, extractor = load_local()
    settings = db_settings.model_copy(update={"llm_signals_threshold": 0.0})
    provider = CostlyProvider(OfflineProvider(matcher=matcher, extractor=extractor))
    ctx = build_context(settings, provider=provider, cache=signals_cache_for(settings, engine))
    worker_runtime.set_runtime(worker_runtime.Runtime(settings=settings, engine=engine, ctx=ctx, queue=DbQueue()))
    alice = make_user("alice", team="red")
    job_id = jobs.submit_job(
        session, principal=alice, pairs=[{"resume": RESUME, "jd": JD, "ref": f"c{i}"} for i in range(2)]
    )["job_id"]
    for item_id in session.scalars(select(JobItem.id).where(JobItem.job_id == job_id)):
        assert process_item(item_id) == "completed"
    session.commit()
    yield alice, job_id
    worker_runtime.set_runtime(None)


def test_review_decisions_are_kept_per_bullet_and_shape_the_export(session, finished_job, make_user):
    alice, job_id = finished_job
    item = results.job_results(session, principal=alice, job_id=job_id)["items"][0]

    def export() -> list[dict[str, str]]:
        rows = csv.DictReader(io.StringIO(results.export_accepted(session, principal=alice, job_id=job_id).decode()))
        return [r for r in rows if r["ref"] == "c0" and r["bullet"].isdigit()]

    bullets = item["result"]["bullets"]
    assert [r["decision"] for r in export()] == ["not reviewed" if b["rewrite"] else "no rewrite" for b in bullets]
    assert [r["final"] for r in export()] == [b["original"] for b in bullets]  # undecided: never the rewrite
    review.set_review(
        session, principal=alice, item_id=item["item_id"], bullet_index=0, decision="edit", text="Built APIs"
    )
    state = review.set_review(session, principal=alice, item_id=item["item_id"], bullet_index=1, decision="reject")
    assert state[0]["decision"] == "edit" and state[0]["text"] == "Built APIs" and state[1]["decision"] == "reject"
    assert results.job_results(session, principal=alice, job_id=job_id)["items"][0]["review"][0]["by"] == "alice"
    mine = export()
    assert [r["bullet"] for r in mine] == ["1", "2"]  # numbered from 1, as the Review page does
    assert mine[0]["final"] == "Built APIs" and mine[0]["decision"] == "edited"
    assert mine[1]["final"] == mine[1]["original"] and mine[1]["decision"] == "kept original"
    state = review.set_reviews(
        session, principal=alice, item_id=item["item_id"], decisions=[(0, "accept", None), (1, "accept", None)]
    )
    assert state[0]["decision"] == state[1]["decision"] == "accept" and state[0]["text"] is None
    assert [(r["final"], r["decision"]) for r in export()] == [
        (b["rewrite"], "accepted") if b["rewrite"] else (b["original"], "no rewrite") for b in bullets
    ]
    with pytest.raises(InputError):  # one bad decision refuses the whole batch
        review.set_reviews(
            session, principal=alice, item_id=item["item_id"], decisions=[(0, "reject", None), (1, "maybe", None)]
        )
    assert results.job_results(session, principal=alice, job_id=job_id)["items"][0]["review"][0]["decision"] == "accept"
    rows = list(csv.DictReader(io.StringIO(results.export_accepted(session, principal=alice, job_id=job_id).decode())))
    book = load_workbook(io.BytesIO(results.export_accepted(session, principal=alice, job_id=job_id, fmt="xlsx")))
    assert book.active.max_row == len(rows) + 1
    with pytest.raises(InputError):
        review.set_review(session, principal=alice, item_id=item["item_id"], bullet_index=99, decision="accept")
    with pytest.raises(InputError):
        review.set_review(session, principal=alice, item_id=item["item_id"], bullet_index=0, decision="edit")
    bob = make_user("bob", team="blue")
    with pytest.raises(NotFound):
        review.set_review(session, principal=bob, item_id=item["item_id"], bullet_index=0, decision="accept")


def test_summary_and_skills_lists_are_reviewed_like_bullets(session, finished_job):
    alice, _ = finished_job  # the fixture's worker runtime processes this job too
    sample = Path(__file__).resolve().parents[2] / "samples"
    pair = {"resume": (sample / "resume.txt").read_text(), "jd": (sample / "jd.txt").read_text(), "ref": "c0"}
    job_id = jobs.submit_job(session, principal=alice, pairs=[pair])["job_id"]
    for item_id in session.scalars(select(JobItem.id).where(JobItem.job_id == job_id)):
        assert process_item(item_id) == "completed"
    session.commit()
    item = results.job_results(session, principal=alice, job_id=job_id)["items"][0]
    result = item["result"]
    assert result["summary"] is not None and result["skills_section"]
    state = review.set_reviews(
        session,
        principal=alice,
        item_id=item["item_id"],
        decisions=[("summary", "edit", "Backend engineer building REST APIs in Python."), ("skills:0", "accept", None)],
    )
    assert state["summary"]["text"] == "Backend engineer building REST APIs in Python." and state["skills:0"]["by"]
    rows = csv.DictReader(io.StringIO(results.export_accepted(session, principal=alice, job_id=job_id).decode()))
    mine = {r["bullet"]: r for r in rows if r["ref"] == "c0"}
    assert mine["summary"]["decision"] == "edited" and mine["summary"]["final"].startswith("Backend engineer")
    assert mine["skills 1"]["final"] == result["skills_section"][0]["rewrite"]
    with pytest.raises(InputError):
        review.set_review(session, principal=alice, item_id=item["item_id"], bullet_index="skills:9", decision="accept")
    with pytest.raises(InputError):
        review.set_review(session, principal=alice, item_id=item["item_id"], bullet_index="headline", decision="accept")


def test_results_csv_has_the_contract_columns(session, finished_job):
    alice, job_id = finished_job
    rows = list(csv.reader(io.StringIO(results.results_csv(session, principal=alice, job_id=job_id))))
    assert rows[0] == results.CSV_COLUMNS
    assert len(rows) == 1 + 2 * 2 and {r[0] for r in rows[1:]} == {"c0", "c1"}


def test_a_queued_item_cannot_be_reviewed(session, make_user):
    alice = make_user("alice")
    job_id = jobs.submit_job(session, principal=alice, pairs=[{"resume": RESUME, "jd": JD}])["job_id"]
    item_id = session.scalar(select(JobItem.id).where(JobItem.job_id == job_id))
    with pytest.raises(Conflict):
        review.set_review(session, principal=alice, item_id=item_id, bullet_index=0, decision="accept")


def test_usage_frames_count_the_ledger_and_items(session, finished_job, make_user):
    alice, job_id = finished_job
    day = today()
    cost = usage.cost_per_day(session, start=day, end=day)
    assert list(cost["day"]) == [day] and cost["usd"].iloc[0] == pytest.approx(2 * USD_PER_CALL)
    assert cost["calls"].iloc[0] == 2
    assert usage.cost_per_day(session, start=day, end=day, team="blue").empty
    items = usage.items_per_day(session, start=day, end=day, team="red")
    assert items["completed"].iloc[0] == 2 and items["failed"].iloc[0] == 0
    lift = usage.score_lift(session, start=day, end=day)
    assert lift["items"].iloc[0] == 2 and lift["lift"].iloc[0] == pytest.approx(
        lift["score_after"].iloc[0] - lift["score_before"].iloc[0]
    )
    hits = usage.cache_hit_rate(session, start=day, end=day)
    assert hits["hits"].iloc[0] == 1 and hits["misses"].iloc[0] == 1 and hits["rate"].iloc[0] == 0.5
    per_user = usage.usage_per_user(session, start=day, end=day)
    assert per_user.iloc[0]["username"] == "alice" and per_user.iloc[0]["calls"] == 2
    assert usage.spend_today(session)["spent"] == pytest.approx(2 * USD_PER_CALL)


def test_team_report_counts_throughput_reviews_coverage_and_gaps(session, finished_job, make_user):
    alice, first_job = finished_job  # the fixture's worker runtime processes this job too
    sample = Path(__file__).resolve().parents[2] / "samples"
    pair = {"resume": (sample / "resume.txt").read_text(), "jd": (sample / "jd.txt").read_text()}
    job_id = jobs.submit_job(session, principal=alice, pairs=[pair | {"ref": "s1"}, pair | {"ref": "s2"}])["job_id"]
    for item_id in session.scalars(select(JobItem.id).where(JobItem.job_id == job_id)):
        assert process_item(item_id) == "completed"
    session.commit()
    items = results.job_results(session, principal=alice, job_id=job_id)["items"]
    wanted = [b["index"] for b in items[0]["result"]["bullets"] if b["rewrite"]]
    review.set_reviews(session, principal=alice, item_id=items[0]["item_id"], decisions=[(wanted[0], "accept", None)])
    day = today()
    report = team_report.team_report(session, start=day, end=day, team="red")
    people = report["throughput"].to_dict("records")
    earlier = 2  # the fixture's two candidates (a JD with no required skills read)
    to_review = sum(1 for it in items for b in it["result"]["bullets"] if b["rewrite"])
    assert people[0]["recruiter"] == "alice" and people[0]["jobs"] == 2 and people[0]["completed"] == 2 + earlier
    assert people[0]["reviewed"] == 1 and people[0]["to review"] >= to_review
    assert report["review_completion"] == round(1 / people[0]["to review"], 3)
    # Every completed candidate of the day with required skills read is judged (the fixture's two and these two).
    everyone = items + results.job_results(session, principal=alice, job_id=first_job)["items"]
    judged = [[c for c in it["result"]["coverage"] if c["required"]] for it in everyone]
    judged = [req for req in judged if req]
    shares = [sum(c["after"] for c in req) / len(req) for req in judged]
    assert judged and report["mean_coverage"] == round(sum(shares) / len(shares), 3)
    missing: dict[str, int] = {}
    for req in judged:
        for c in req:
            if not c["after"]:
                missing[c["jd_name"] or c["skill"]] = missing.get(c["jd_name"] or c["skill"], 0) + 1
    gaps = {g["skill"]: g for g in report["missing"].to_dict("records")}
    assert set(gaps) == set(missing)
    assert all(
        gaps[k]["candidates missing it"] == n and gaps[k]["share"] == round(n / len(judged), 3)
        for k, n in missing.items()
    )
    assert report["mean_lift"] is not None
    assert team_report.team_report(session, start=day, end=day, team="blue")["candidates"] == 0  # other team
    mine = team_report.team_report(session, start=day, end=day, user_id=alice.user_id, limit=1)
    assert mine["candidates"] == 1 and mine["truncated"]


def test_limits_are_set_by_admins_only(session, make_user):
    alice, admin = make_user("alice"), make_user("root", role="admin")
    with pytest.raises(PermissionDenied):
        usage.set_daily_limit(session, actor=alice, scope="global", value=1)
    with pytest.raises(InputError):
        usage.set_daily_limit(session, actor=admin, scope="team:x", value=1)
    limits = usage.set_daily_limit(session, actor=admin, scope="user:alice", value=2.5)
    assert limits["user:alice"] == 2.5 and usage.spend_today(session)["limit"] == limits["global"]


def test_purge_removes_texts_and_keeps_the_ledger(session, finished_job):
    alice, job_id = finished_job
    out = retention.purge(session, older_than=timedelta(0))
    assert out == {"jobs": 1, "items": 2, "cutoff": out["cutoff"]}
    item = session.scalar(select(JobItem).where(JobItem.job_id == job_id))
    assert item.resume_text is None and item.result is None and item.score_after is not None
    assert jobs.job_status(session, principal=alice, job_id=job_id)["cost_usd"] == pytest.approx(2 * USD_PER_CALL)
    assert retention.purge(session, older_than=timedelta(0))["jobs"] == 0
    assert retention.parse_age("2w") == timedelta(weeks=2)
