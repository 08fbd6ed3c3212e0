"""Review page: the match report of a finished job; decisions persist with who and when; export says what it writes."""

from __future__ import annotations

import base64
import csv
import io
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


def _result(settings, job_id: str, seq: int = 0) -> dict:
    with session_scope(settings) as s:
        item = s.scalar(select(JobItem).where(JobItem.job_id == job_id, JobItem.seq == seq))
        return json.loads(runtime_of(s).cipher.decrypt(item.result))


def _open_review(job_id: str, user: str = "rita", **query: str):
    at = sign_in(new_app(), user)
    at.query_params["job"] = job_id
    for k, v in query.items():
        at.query_params[k] = v
    return at.switch_page("../pages/review.py").run()


def _svg(image) -> str:
    """The SVG markup of an st.image drawn from an SVG string."""
    url = image.proto.imgs[0].url
    return base64.b64decode(url.split(",", 1)[1]).decode() if url.startswith("data:image/svg") else ""


def _export_rows(settings, job_id: str) -> list[dict]:
    with session_scope(settings) as s:
        data = export_accepted(s, principal=principal_for(s, username="rita"), job_id=job_id).decode()
    return list(csv.DictReader(io.StringIO(data)))


def test_review_shows_the_match_report_with_nothing_decided(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    assert not at.exception
    result = _result(web_settings, job_id)
    assert at.query_params["candidate"]  # the candidate is in the URL as soon as it is shown
    gauges = [_svg(i) for i in at.get("image")]
    assert any(f">{result['score_after']}<" in g and f"was {result['score_before']}" in g for g in gauges)
    parts = at.dataframe[0].value
    assert list(parts["part"])[0] == "Required skills and qualifications met"
    assert "Preferred ones met" in list(parts["part"])
    metrics = {m.label: m.value for m in at.metric}
    rewritten = sum(1 for b in result["bullets"] if b["rewrite"] and b["accepted"])
    assert metrics["Rewritten"] == f"{rewritten} of {len(result['bullets'])}"
    assert metrics["Failed the checks"] == str(sum(1 for b in result["bullets"] if b["rewrite"] and not b["accepted"]))
    wanted = sum(1 for b in result["bullets"] if b["rewrite"])
    assert [t.label for t in at.tabs] == ["Bullets", "Skills", "Summary & skills list", "Searchability"]
    assert [p.proto.text for p in at.get("progress")] == [f"0 of {wanted} rewrites reviewed"]
    assert not [c for c in at.caption if "accepted the rewrite" in c.value]  # nothing pre-selected
    body = " ".join(h.proto.body for h in at.get("html"))
    assert "<del" in body and "<ins" in body and "Why:" in body  # differences marked, each bullet's reason shown
    assert "None" not in " ".join(str(m.value) for m in at.metric)
    assert len(at.dataframe) == 1  # only the open tab is drawn

    at.session_state["review_tab"] = "Skills"
    at.run()
    skills = at.dataframe[1].value
    assert list(skills.columns) == ["skill", "importance", "kind", "in JD", "in resume", "status", "evidence"]
    assert not skills["evidence"].str.contains(r"bullet 0\b").any()
    assert not at.get("progress")  # the bullets are not drawn behind the Skills tab

    at.session_state["review_tab"] = "Searchability"
    at.run()
    checks = result["searchability"]
    good = sum(1 for c in checks if c["status"] == "pass")
    judged = sum(1 for c in checks if c["status"] != "info")
    assert any(c.value == f"{good} of {judged} checks good." for c in at.caption)
    table = at.dataframe[1].value
    assert list(table["check"]) == [
        "Job title",
        "Years of experience",
        "Seniority",
        "Contact details",
        "Section headings",
        "Measurable results",
    ]
    assert "None" not in table.to_string()


def test_decisions_save_in_one_click_and_the_export_agrees(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    item_id = at.query_params["candidate"]
    result = _result(web_settings, job_id)
    rewritten = [b["index"] for b in result["bullets"] if b["rewrite"]]
    first, second = rewritten[0], rewritten[1]

    at.button(key=f"keep_{item_id}_{first}").click().run()
    assert not at.exception
    saved = _review_state(web_settings, job_id)
    assert saved[str(first)]["decision"] == "reject" and saved[str(first)]["by"] == "rita" and saved[str(first)]["at"]
    assert any(f"Bullet {first + 1}: kept the original." in s.value for s in at.success)
    assert at.get("progress")[0].proto.text.startswith("1 of ")

    at.button(key=f"edit_{item_id}_{second}").click().run()  # opens the text box
    at.text_area(key=f"text_{item_id}_{second}").input("Led the move of the card service to Kubernetes.")
    at.button(key=f"save_{item_id}_{second}").click().run()
    assert not at.exception
    assert _review_state(web_settings, job_id)[str(second)] | {"at": None} == {
        "decision": "edit",
        "text": "Led the move of the card service to Kubernetes.",
        "by": "rita",
        "at": None,
    }
    assert any("rita edited the text" in c.value for c in at.caption)
    rows = [r for r in _export_rows(web_settings, job_id) if r["bullet"].isdigit()]
    by_bullet = {int(r["bullet"]): r for r in rows}
    assert by_bullet[second + 1]["final"] == "Led the move of the card service to Kubernetes."
    assert by_bullet[second + 1]["decision"] == "edited" and by_bullet[first + 1]["decision"] == "kept original"
    undecided = [r for r in rows if int(r["bullet"]) - 1 not in (first, second)]
    assert {r["decision"] for r in undecided} <= {"not reviewed", "no rewrite"}
    assert all(r["final"] == r["original"] for r in undecided)  # nobody decided: the original, never "auto"
    caption = next(c.value for c in at.caption if "One row per bullet" in c.value)
    assert all(f"“{d}”" in caption for d in {r["decision"] for r in rows})  # the caption names every value


def test_summary_and_skills_lists_are_decided_like_bullets_and_exported(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    item_id = at.query_params["candidate"]
    result = _result(web_settings, job_id)
    assert result["summary"] and result["skills_section"]
    at.session_state["review_tab"] = "Summary & skills list"
    at.run()
    at.button(key=f"accept_section_{item_id}_summary").click().run()
    at.button(key=f"reject_section_{item_id}_skills:0").click().run()
    assert not at.exception
    saved = _review_state(web_settings, job_id)
    assert saved["summary"]["decision"] == "accept" and saved["skills:0"]["decision"] == "reject"
    assert any("Skills list 1: kept the original." in s.value for s in at.success)
    rows = {r["bullet"]: r for r in _export_rows(web_settings, job_id)}
    assert rows["summary"]["final"] == result["summary"]["rewrite"] and rows["summary"]["decision"] == "accepted"
    assert rows["skills 1"]["final"] == (result["skills_section"][0]["original"] or "")
    body = " ".join(h.proto.body for h in at.get("html"))
    assert all(q["question"] in body for q in result["confirm"])


def test_accept_all_that_passed_leaves_failed_and_decided_bullets_alone(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    item_id = at.query_params["candidate"]
    result = _result(web_settings, job_id)
    passed = [b["index"] for b in result["bullets"] if b["rewrite"] and b["accepted"]]
    at.button(key=f"keep_{item_id}_{passed[0]}").click().run()
    at.button(key=f"accept_all_{item_id}").click().run()
    assert not at.exception
    saved = _review_state(web_settings, job_id)
    assert saved[str(passed[0])]["decision"] == "reject"  # an earlier decision stands
    assert {saved[str(i)]["decision"] for i in passed[1:]} == {"accept"}
    assert set(saved) == {str(i) for i in passed}  # failed and unchanged bullets are not touched
    assert any(f"Accepted {len(passed) - 1} rewrites" in s.value for s in at.success)
    assert at.button(key=f"accept_all_{item_id}").disabled


def test_bullets_are_drawn_a_page_at_a_time_and_filtered(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id)
    item_id = at.query_params["candidate"]
    size = web_settings.web_review_page_size
    first = [b.key.rsplit("_", 1)[1] for b in at.button if b.key and b.key.startswith("edit_")]
    assert first == [str(i) for i in range(size)]
    at.number_input(key=f"bpage_{item_id}_All").set_value(2).run()
    second = [b.key.rsplit("_", 1)[1] for b in at.button if b.key and b.key.startswith("edit_")]
    assert second and second[0] == str(size) and not set(first) & set(second)
    result = _result(web_settings, job_id)
    at.button_group(key=f"bshow_{item_id}").set_value("Unchanged").run()
    unchanged = [b.key.rsplit("_", 1)[1] for b in at.button if b.key and b.key.startswith("edit_")]
    assert unchanged == [str(b["index"]) for b in result["bullets"] if not b["rewrite"]][:size]
    assert not [b for b in at.button if b.key and b.key.startswith("accept_" + item_id)]  # nothing to accept there


def test_bulk_job_ranks_candidates_and_the_url_opens_one(web_settings, run_queue) -> None:
    other = RESUME.replace("Kafka", "RabbitMQ").replace("k8s", "VMs")
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD), ("sam", other, JD)])
    run_queue()
    at = _open_review(job_id)
    assert not at.exception
    ranking = at.dataframe[0].value
    assert list(ranking["rank"]) == [1, 2] and set(ranking["candidate"]) == {"jordan", "sam"}
    assert ranking.iloc[0]["coverage %"] >= ranking.iloc[1]["coverage %"]
    assert not at.get("plotly_chart")  # the heatmap waits until asked for (plotly.js is the page's largest download)
    at.toggle(key="show_heatmap").set_value(True).run()
    charts = at.get("plotly_chart")
    assert len(charts) == 1 and "jordan" in charts[0].proto.spec and "sam" in charts[0].proto.spec

    sam = ranking.set_index("candidate").loc["sam", "item"]
    shared = _open_review(job_id, candidate=sam)  # a shared link opens that candidate
    assert shared.selectbox(key="review_candidate").value == sam
    shared.selectbox(key="review_candidate").set_value(ranking.set_index("candidate").loc["jordan", "item"]).run()
    assert shared.query_params["candidate"] != sam  # choosing another candidate updates the URL
    assert shared.query_params["job"] == job_id


def test_review_rereads_only_the_items_that_changed(web_settings, run_queue, monkeypatch) -> None:
    """Review's shared copy of a job: a finished item, a review saved elsewhere, re-read alone; the rest reused."""
    import webapp.review_items as review_items
    from services.jobs import job_status
    from services.review import set_reviews

    other = RESUME.replace("Kafka", "RabbitMQ")
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD), ("sam", other, JD)])
    read: list[list[str]] = []
    real = review_items.items_by_id
    monkeypatch.setattr(
        review_items, "items_by_id", lambda s, **kw: read.append(sorted(kw["item_ids"])) or real(s, **kw)
    )

    def items() -> list[dict]:
        with session_scope(web_settings) as s:
            rita = principal_for(s, username="rita")
            job = job_status(s, principal=rita, job_id=job_id)
        return review_items.job_items(rita, job)

    queued = items()
    assert [i["ref"] for i in queued] == ["jordan", "sam"] and not any(i["result"] for i in queued)
    run_queue()
    done = items()  # both finished: both read again, with their results
    assert all(i["result"] for i in done) and read[-1] == sorted(i["item_id"] for i in done)
    calls = len(read)
    assert [i["item_id"] for i in items()] == [i["item_id"] for i in done] and len(read) == calls  # nothing changed
    sam = done[1]
    index = int(sam["result"]["bullets"][0]["index"])
    with session_scope(web_settings) as s:  # another reviewer (or the API) saves a decision
        set_reviews(
            s, principal=principal_for(s, username="rita"), item_id=sam["item_id"], decisions=[(index, "reject", None)]
        )
    again = items()
    assert read[-1] == [sam["item_id"]]  # only that item is read again
    assert again[1]["review"][index]["decision"] == "reject" and again[0] is done[0]


def test_identifiers_in_red_with_advice_and_contact_details_quiet(web_settings, run_queue) -> None:
    risky = RESUME.replace("Seattle, WA", "Seattle, WA · SSN 536-22-8471")
    job_id = submit_pairs(web_settings, "rita", [("jordan", risky, JD)])
    run_queue()
    at = _open_review(job_id)
    errors = [e.value for e in at.error]
    assert any("Social Security number in the resume" in e and "Remove the Social Security number" in e for e in errors)
    assert not any("536-22" in e for e in errors)  # masked
    assert not at.warning  # contact details are not a warning
    assert any("Contact details: email address, phone number" in c.value for c in at.caption)
    assert not any("EMAIL_ADDRESS" in c.value or "US_SSN" in c.value for c in at.caption)


def test_other_team_cannot_open_the_job(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = _open_review(job_id, user="otto")
    assert not at.exception
    assert any("Nothing to review yet" in i.value for i in at.info)
