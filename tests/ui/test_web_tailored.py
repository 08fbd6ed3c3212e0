"""Review offers the tailored resume: this candidate's as DOCX/TXT, every candidate's as a ZIP."""

from __future__ import annotations

from tests.ui.conftest import ROOT, new_app, sign_in, submit_pairs

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


def test_review_offers_tailored_resume_downloads(web_settings, run_queue) -> None:
    job_id = submit_pairs(web_settings, "rita", [("jordan", RESUME, JD)])
    run_queue()
    at = sign_in(new_app(), "rita")
    at.query_params["job"] = job_id
    at = at.switch_page("../pages/review.py").run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    for wanted in ("Tailored resume (DOCX)", "Tailored resume (TXT)", "Tailored resumes (DOCX, ZIP)"):
        assert wanted in labels, labels
    assert any("standing text" in c.value for c in at.caption)
