"""A recruiter uploads a PDF resume and a refused file in a real browser, previews them and submits the PDF."""

from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import expect

from bench.doccorpus import parse, to_pdf_platypus
from bench.hostile_docs import build as hostile_files
from core.documents import read_document
from core.ingest import normalise, split_bullets
from tests.e2e.conftest import ROOT, USERS, shot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


def test_recruiter_uploads_a_pdf_resume_sees_it_read_and_submits_it(page, app_server, tmp_path) -> None:
    pdf = tmp_path / "Jordan Lee.pdf"
    pdf.write_bytes(to_pdf_platypus(parse(RESUME)))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(next(c.data for c in hostile_files() if c.name == "password-rc4.pdf"))  # refused: password
    sign_in(page, app_server["base"], "rita", USERS["rita"][2])
    page.get_by_role("tab", name="Upload resume files").click()
    panel = page.get_by_role("tabpanel", name="Upload resume files")
    panel.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files([str(pdf), str(locked)])
    panel.get_by_role("textbox", name="Job description").fill(JD)
    panel.get_by_role("textbox", name="Job description").press("Control+Enter")

    expect(panel.get_by_text("1 of 2 files cannot be used and will be left out")).to_be_visible(timeout=60_000)
    expect(panel.get_by_text(re.compile(r"PDF · 1 page\(s\) · OCR: no · 13 bullet\(s\) found"))).to_be_visible()
    submit = panel.get_by_role("button", name="Submit 1 resume")
    expect(submit).to_be_enabled()
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)
    shot(page, "recruiter-documents-preview")
    submit.click()

    expect(page.locator("h1").filter(has_text=re.compile(r"^Jobs$"))).to_be_visible()
    expect(page.get_by_text("Completed · 1 of 1 finished").first).to_be_visible(timeout=240_000)  # busy box

    # The loop closed: the job's tailored resumes come back as a ZIP of Word files, one per candidate.
    page.get_by_role("link", name="Open in Review").click()
    expect(page.locator("h1").filter(has_text=re.compile(r"^Review$"))).to_be_visible()
    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Tailored resumes (DOCX, ZIP)").click()
    with zipfile.ZipFile(info.value.path()) as bundle:
        assert bundle.namelist() == ["Jordan-Lee.docx"]
        docx = bundle.read("Jordan-Lee.docx")
    read_back = [b.text for b in split_bullets(read_document(docx, "t.docx").text)]
    assert read_back == [b.text for b in split_bullets(normalise(read_document(pdf.read_bytes(), "j.pdf").text))]
