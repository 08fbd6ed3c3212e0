"""Review page: scores, coverage and diffs of a finished job; decisions persist with who and when; export."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import JobItem
from db.session import runtime_of, session_scope
from services.results import export_accepted
from services.users import principal_for
from tests.ui.conftest import ROOT, new_app, sign_in, submit_pairs

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


def _review_state(settings, job_id: str) -> dict:
    with session_scope(settings) as s:
        item = s.scalar(select(JobItem).where(JobItem.job_id == job_id).order_by(JobItem.seq))
        return json.loads(runtime_of(s).cipher.decrypt(item.review)) if item.review else {}


def _open_review(job_id: str, user: str = "rita"):
    at = sign_in(new_app(), user)
    at.query_params["job"] = job_id
    return at.switch_page("../../pages/review.py").run()


def test_review_shows_scores_diffs_and_saves_decisions(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert "ATS score before" in labels and "ATS score after" in labels
    assert any("<del" in m.value or "<ins" in m.value for m in at.markdown)  # differences highlighted
    coverage = at.dataframe[-1].value
    assert {"skill", "required", "before", "after", "evidence"} <= set(coverage.columns)

    first = at.radio[0]
    item_key = first.key.removeprefix("decision_")
    at.radio(key=f"decision_{item_key}").set_value("reject")
    at.button(key=f"save_{item_key}").click().run()
    assert not at.exception
    saved = _review_state(web_settings, job_id)
    bullet = item_key.rsplit("_", 1)[1]
    assert saved[bullet]["decision"] == "reject" and saved[bullet]["by"] == "rita" and saved[bullet]["at"]
    assert any("Saved: bullet" in s.value for s in at.success)

    at.radio(key=f"decision_{item_key}").set_value("edit")
    at.text_area(key=f"text_{item_key}").input("Led the move of the card service to Kubernetes.")
    at.button(key=f"save_{item_key}").click().run()
    saved = _review_state(web_settings, job_id)
    assert saved[bullet] | {"at": None} == {
        "decision": "edit",
        "text": "Led the move of the card service to Kubernetes.",
        "by": "rita",
        "at": None,
    }
    assert any("by rita" in c.value for c in at.caption)
    with session_scope(web_settings) as s:
        csv = export_accepted(s, principal=principal_for(s, username="rita"), job_id=job_id).decode()
    assert "Led the move of the card service to Kubernetes.,edit" in csv


def test_bullets_are_drawn_a_page_at_a_time(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    size = web_settings.web_review_page_size
    first = [r.key.rsplit("_", 1)[1] for r in at.radio]
    assert first == [str(i) for i in range(size)]  # only the first page's bullets carry a review form
    at.number_input[0].set_value(2).run()
    assert not at.exception
    second = [r.key.rsplit("_", 1)[1] for r in at.radio]
    assert second and second[0] == str(size) and not set(first) & set(second)


def test_bulk_job_shows_heatmap_and_ranking(web_settings, run_queue) -> None:
    other = RESUME.replace("Kafka", "RabbitMQ").replace("k8s", "VMs")
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD), ("sam", other, JD)])
    run_queue()
    at = _open_review(job_id)
    assert not at.exception
    assert any("Candidates × requirements" in e.label for e in at.expander)
    ranking = at.dataframe[0].value
    assert list(ranking["rank"]) == [1, 2] and set(ranking["candidate"]) == {"jordan", "sam"}
    assert ranking.iloc[0]["coverage %"] >= ranking.iloc[1]["coverage %"]
    assert not at.get("plotly_chart")  # the heatmap waits until asked for (plotly.js is the page's largest download)

    at.toggle(key="show_heatmap").set_value(True).run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 1 and "jordan" in charts[0].proto.spec and "sam" in charts[0].proto.spec
    assert at.dataframe[0].value["candidate"].tolist() == ranking["candidate"].tolist()  # the ranking stays


def test_other_team_cannot_open_the_job(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id, user="otto")
    assert not at.exception
    assert any("Nothing to review yet" in i.value for i in at.info)
