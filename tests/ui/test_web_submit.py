"""Submit page: a bad row blocks the batch with its reason; a good pair or batch creates a job."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from db.models import Job, JobItem
from db.session import session_scope
from tests.ui.conftest import ROOT, new_app, sign_in

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


def _count(settings, model) -> int:
    with session_scope(settings) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_bad_row_shows_reason_and_enqueues_nothing(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    data = pd.DataFrame(
        [{"ref": "good", "resume": RESUME, "jd": JD}, {"ref": "empty", "resume": "   ", "jd": JD}]
    ).to_csv(index=False)
    at.file_uploader(key="batch_file").set_value(("batch.csv", data.encode(), "text/csv")).run()
    assert not at.exception
    refused = at.dataframe[0].value  # the refused rows come first, above the whole file
    assert refused.to_dict("records") == [{"row": 2, "ref": "empty", "reason": "the resume is empty"}]
    table = at.dataframe[1].value
    bad = table[table["ref"] == "empty"].iloc[0]
    assert bad["status"] == "invalid" and bad["reason"] == "the resume is empty"
    assert any("1 row of 2 cannot be processed" in e.value for e in at.error)
    assert at.button(key="submit_batch").disabled
    assert _count(web_settings, Job) == 0 and _count(web_settings, JobItem) == 0


def test_upload_with_shared_jd_submits_a_job(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    data = pd.DataFrame([{"ref": "a", "resume": RESUME}, {"ref": "b", "resume": RESUME}]).to_csv(index=False)
    at.text_area(key="batch_jd").input(JD)
    at.file_uploader(key="batch_file").set_value(("batch.csv", data.encode(), "text/csv")).run()
    assert not at.error
    at.button(key="submit_batch").click().run()
    assert not at.exception
    assert _count(web_settings, Job) == 1 and _count(web_settings, JobItem) == 2
    assert at.query_params.get("job")  # landed on the job's page
    assert "Jobs" in [t.value for t in at.title]
    with session_scope(web_settings) as s:
        assert s.scalar(select(Job.name)) == "batch.csv · Senior Backend Engineer"  # the file, and the JD's title


def test_pasted_pair_creates_a_job(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    at.text_area(key="paste_resume").input(RESUME)
    at.text_area(key="paste_jd").input(JD).run()
    assert any("Estimated cost $0.0000" in c.value for c in at.caption)
    at.button(key="submit_pair").click().run()
    assert not at.exception
    assert _count(web_settings, Job) == 1
    assert any("Job submitted" in s.value for s in at.success)
