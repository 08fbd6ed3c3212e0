"""Jobs page: the user's (or team's) jobs with status and counts; cancel and retry."""

from __future__ import annotations

from tests.ui.conftest import ROOT, new_app, sign_in, submit_pairs

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


def test_recruiter_sees_own_job_and_cancels_it(web_settings) -> None:
    job_id = submit_pairs(web_settings, "rita", [("c1", RESUME, JD), ("c2", RESUME, JD)])
    submit_pairs(web_settings, "otto", [("x", RESUME, JD)])
    at = sign_in(new_app(), "rita")
    at.switch_page("../pages/jobs.py").run()
    assert not at.exception
    assert at.selectbox(key="job_pick").value == job_id
    assert len(at.selectbox(key="job_pick").options) == 1  # otto's job (team red) is not listed
    assert at.subheader[0].value == "Queued · 0 of 2 finished"
    label = at.selectbox(key="job_pick").format_func(job_id)
    assert label.startswith("Senior Backend Engineer · 2 candidates · rita")  # named by the JD's title
    assert "queued" not in label  # the picker is not redrawn as the status changes: it does not show one
    at.button(key=f"cancel_{job_id}").click().run()
    assert at.subheader[0].value.startswith("Cancelled")


def test_manager_sees_team_jobs_and_finished_counts(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("c1", RESUME, JD)])
    submit_pairs(web_settings, "otto", [("x", RESUME, JD)])
    assert run_queue() == 2
    at = sign_in(new_app(), "mona")
    at.switch_page("../pages/jobs.py").run()
    assert not at.exception
    assert at.selectbox(key="job_pick").options and len(at.selectbox(key="job_pick").options) == 1
    assert at.selectbox(key="job_pick").value == job_id
    assert at.subheader[0].value == "Completed · 1 of 1 finished"
    table = at.dataframe[0].value
    assert list(table["owner"]) == ["rita"] and table.loc[0, "progress"] == 1.0
    assert list(table["job"]) == ["Senior Backend Engineer"] and list(table["submitted from"]) == ["web app"]
    assert not table.astype(str).apply(lambda col: col.str.contains("None|_")).any().any()
    assert at.query_params["job"] == job_id  # the page's URL names the job
