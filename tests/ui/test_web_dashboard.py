"""Dashboard: the team's throughput, review completion, coverage, lift and gaps; cost only after a paid model."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import select

from db.models import JobItem, LlmCall, User
from db.session import session_scope
from services.review import set_reviews
from services.users import principal_for
from tests.ui.conftest import ROOT, new_app, sign_in, submit_pairs

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()
NO_CONTAINERS = RESUME.replace("k8s", "VMs").replace("Kubernetes, ", "").replace("Docker", "Vagrant")


def _dashboard(user: str):
    at = sign_in(new_app(), user)
    return at.switch_page("../pages/dashboard.py").run()


def _values(array) -> list:
    """A trace's values, whether plotly wrote them as a list or as a typed array (dtype + base64 data)."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _spec(chart) -> dict:
    return json.loads(chart.proto.spec)


def _title(chart) -> str:
    return _spec(chart)["layout"].get("title", {}).get("text", "")


def test_manager_sees_the_team_without_cost_panels_for_the_offline_engine(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("a", RESUME, JD), ("b", NO_CONTAINERS, JD)])
    submit_pairs(web_settings, "otto", [("x", RESUME, JD)])  # team red: not mona's
    run_queue()
    with session_scope(web_settings) as s:
        item_id = s.scalar(select(JobItem.id).where(JobItem.job_id == job_id, JobItem.seq == 0))
        set_reviews(s, principal=principal_for(s, username="rita"), item_id=item_id, decisions=[(0, "accept", None)])
    at = _dashboard("mona")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Candidates finished"] == "2"
    reviewed, _, wanted = next(m.help for m in at.metric if m.label == "Rewrites reviewed").split()[:3]
    assert reviewed == "1" and int(wanted) > 1
    assert metrics["Rewrites reviewed"] == f"{1 / int(wanted):.0%}"
    assert metrics["Required skills covered"].endswith("%") and metrics["Average score lift"].startswith("+")
    people = at.dataframe[0].value
    assert list(people["recruiter"]) == ["rita"] and people.loc[0, "completed"] == 2 and people.loc[0, "reviewed"] == 1
    charts = at.get("plotly_chart")
    titles = [_title(c) for c in charts]
    assert titles == [
        "Candidates finished per day",
        "Average match score, before → after",
        "Throughput per recruiter",
        "Required skills most often missing",
    ]  # left column, then right; no cost charts: nothing was paid for
    assert any("No paid model was used" in c.value for c in at.caption)
    per_day = _spec(charts[0])["layout"]["xaxis"]
    assert per_day["type"] == "date" and per_day["tickformat"] == "%d %b" and per_day["dtick"] == 86_400_000
    assert [t["name"] for t in _spec(charts[0])["data"]] == ["completed"]
    missing = _spec(charts[3])["data"][0]
    shares = dict(zip(_values(missing["y"]), _values(missing["x"]), strict=True))
    assert shares["Kubernetes"] == shares["Docker"] == 50.0  # missing for one of the two candidates
    labels = [m.label for m in at.metric]
    assert "JD cache hit rate" not in labels and not any("_" in label for label in labels)


def test_cost_panels_appear_once_a_paid_model_was_used(web_settings, run_queue) -> None:
    submit_pairs(web_settings, "rita", [("a", RESUME, JD)])
    run_queue()
    with session_scope(web_settings) as s:
        rita = s.scalar(select(User).where(User.username == "rita"))
        s.add(
            LlmCall(
                call_key="paid-1",
                user_id=rita.id,
                team="blue",
                provider="openai",
                model="gpt-4o-mini",
                purpose="rewrite",
                input_tokens=900,
                output_tokens=300,
                usd=0.0021,
                day=datetime.now(UTC).date(),
            )
        )
    at = _dashboard("mona")
    assert not at.exception
    titles = [_title(c) for c in at.get("plotly_chart")]
    assert "Cost per day (USD)" in titles and "Spend per user (USD)" in titles
    cost = next(_spec(c) for c in at.get("plotly_chart") if _title(c) == "Cost per day (USD)")
    assert cost["layout"]["yaxis"]["rangemode"] == "nonnegative"  # never a $-1..$1 axis
    assert {m.label: m.value for m in at.metric}["Spent in these dates"] == "$0.0021"
    table = at.dataframe[-1].value
    assert {"user", "cost (USD)", "input tokens", "output tokens"} <= set(table.columns)


def test_admin_picks_a_team(web_settings, run_queue) -> None:
    submit_pairs(web_settings, "rita", [("a", RESUME, JD)])
    submit_pairs(web_settings, "otto", [("x", RESUME, JD)])
    run_queue()
    at = _dashboard("admin")
    assert {m.label: m.value for m in at.metric}["Candidates finished"] == "2"
    at.selectbox(key="dash_team").set_value("red").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Candidates finished"] == "1"
    assert list(at.dataframe[0].value["recruiter"]) == ["otto"]
