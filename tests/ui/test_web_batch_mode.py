"""Submit offers batch mode when the provider has a batch API (both prices shown) and the job keeps the choice."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import select

from core.config import get_settings
from db.models import Job
from db.session import session_scope
from tests.ui.conftest import ROOT, new_app, sign_in
from webapp.batch import batch_caption

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


@pytest.fixture
def openai_settings(web_settings, monkeypatch):
    monkeypatch.setenv("ATS_LLM_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    get_settings.cache_clear()
    return get_settings()


def _upload(at):
    data = pd.DataFrame([{"ref": "a", "resume": RESUME, "jd": JD}, {"ref": "b", "resume": RESUME, "jd": JD}])
    at.file_uploader(key="batch_file").set_value(("two.csv", data.to_csv(index=False).encode(), "text/csv")).run()
    return at


def test_batch_mode_is_offered_with_both_prices_and_kept_on_the_job(openai_settings) -> None:
    at = _upload(sign_in(new_app(), "rita"))
    assert not at.exception
    box = at.checkbox(key="submit_batch_batch")
    assert "half price" in box.label and "instead of" in box.label
    assert any("in batch mode" in c.value for c in at.caption)
    box.check().run()
    at.button(key="submit_batch").click().run()
    assert not at.exception
    with session_scope(openai_settings) as s:
        assert s.scalar(select(Job.options))["batch"] is True


def test_no_batch_mode_with_the_offline_engine(web_settings) -> None:
    at = _upload(sign_in(new_app(), "rita"))
    assert not at.exception
    assert not [c for c in at.checkbox if c.key == "submit_batch_batch"]


def test_batch_caption_reads_the_progress():
    running = {
        "batches": [{"status": "running", "provider_status": "in_progress"}],
        "requests": 10,
        "answered": 4,
        "failed": 0,
        "running": 1,
    }
    assert batch_caption(running) == (
        "Batch mode: 4 of 10 model requests answered so far (in_progress); results within 24 h."
    )
    done = {**running, "running": 0, "answered": 8, "failed": 2}
    assert batch_caption(done).endswith("8 of 10 model requests answered by the provider's batch; 2 ran live instead.")
    assert "gathered" in batch_caption({"batches": []})
