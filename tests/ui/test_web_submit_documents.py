"""Submit page, resume files: each file previewed (text, OCR, bullets), refused files listed, the rest submitted."""

from __future__ import annotations

import io
import shutil
import zipfile

from sqlalchemy import func, select

from bench.doccorpus import parse, to_docx, to_image_pdf, to_pdf_platypus
from bench.hostile_docs import build as hostile_files
from core.documents import read_document
from db.models import Job, JobItem
from db.session import session_scope
from tests.ui.conftest import ROOT, new_app, sign_in
from webapp.document_upload import ocr_words
from webapp.literal import md

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()
PDF = to_pdf_platypus(parse(RESUME))
MACRO = next(c.data for c in hostile_files() if c.name == "macro.docm")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _count(settings, model) -> int:
    with session_scope(settings) as s:
        return s.scalar(select(func.count()).select_from(model))


def _frame(at, first_column: str, columns: set[str]):
    """The rendered dataframe whose columns are these (tables have no keys in AppTest)."""
    for df in at.dataframe:
        frame = df.value
        if set(frame.columns) == columns and frame.columns[0] == first_column:
            return frame
    raise AssertionError(f"no table with columns {columns}")


def test_refused_files_are_listed_above_the_table_and_the_rest_is_submitted(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    bundle = _zip({"ben.docx": to_docx(parse(RESUME)), "notes/blank.txt": b"   "})
    at.file_uploader(key="doc_files").set_value(
        [
            ("ana.pdf", PDF, "application/pdf"),
            ("cv.docm", MACRO, "application/octet-stream"),
            ("march.zip", bundle, "application/zip"),
        ]
    )
    at.text_area(key="doc_jd").input(JD).run()
    assert not at.exception
    assert any("2 of 4 files cannot be used and will be left out" in e.value for e in at.error)
    refused = _frame(at, "file", {"file", "reason", "what to do"})
    assert refused["file"].tolist() == ["cv.docm", "march.zip/notes/blank.txt"]
    assert refused["reason"].tolist() == ["contains macros", "no text"]
    assert "save it as .docx" in refused["what to do"].iloc[0]

    table = _frame(at, "file", {"file", "ref", "status", "format", "pages", "OCR", "bullets", "characters", "reason"})
    ready = table[table["status"] == "ready"]
    assert ready["file"].tolist() == ["ana.pdf", "march.zip/ben.docx"]
    assert ready["format"].tolist() == ["PDF", "DOCX"] and ready["OCR"].tolist() == ["no", "no"]
    assert ready["bullets"].tolist() == [13, 13]  # what INGEST will split: the sample's 13 bullets

    # The preview shows the first readable file's text exactly as read, and its bullets.
    assert [c.value for c in at.code] == [read_document(PDF).text]
    assert any("13 bullet(s) found" in c.value and "OCR: no" in c.value for c in at.caption)

    button = at.button(key="submit_docs")
    assert button.label == "Submit 2 resumes" and not button.disabled
    assert _count(web_settings, Job) == 0  # nothing saved before Submit
    button.click().run()
    assert not at.exception
    with session_scope(web_settings) as s:
        assert s.scalars(select(JobItem.ref).order_by(JobItem.seq)).all() == ["ana", "ben"]
        assert _count(web_settings, Job) == 1
    assert "Jobs" in [t.value for t in at.title]


def test_a_jd_file_is_read_and_without_a_jd_nothing_can_be_submitted(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    at.file_uploader(key="doc_files").set_value(("ana.txt", RESUME.encode(), "text/plain")).run()
    assert not at.exception
    assert at.button(key="submit_docs").disabled
    assert any("Add the job description" in w.value for w in at.warning)
    at.file_uploader(key="doc_jd_file").set_value(("jd.pdf", b"%PDF-1.4 broken", "application/pdf")).run()
    assert any(md("the job description jd.pdf") in e.value for e in at.error)
    assert at.button(key="submit_docs").disabled

    at.file_uploader(key="doc_jd_file").set_value(("jd.docx", to_docx(parse(JD)), "application/octet-stream")).run()
    assert not at.exception
    assert any(f"characters from {md('jd.docx')}" in c.value for c in at.caption)  # names are shown escaped
    assert not at.button(key="submit_docs").disabled
    at.button(key="submit_docs").click().run()
    with session_scope(web_settings) as s:
        assert s.scalar(select(JobItem.ref)) == "ana"
        assert "Senior Backend Engineer" in s.scalar(select(Job.name))  # the job named after the JD file's title


def test_ocr_words_say_which_pages_and_the_confidence() -> None:
    assert ocr_words({"ocr_pages": []}) == "no"
    assert ocr_words({"ocr_pages": [1], "ocr_confidence": 0.934}) == "yes, page 1, 93% confidence"
    assert ocr_words({"ocr_pages": [1, 2], "ocr_confidence": None}) == "yes, 2 pages"


def test_a_scanned_pdf_is_previewed_as_read_by_ocr(web_settings) -> None:
    assert shutil.which("tesseract"), (
        "tesseract-ocr is not installed (make test installs it: scripts/ensure_tesseract.sh)"
    )
    at = sign_in(new_app(), "rita")
    scan = to_image_pdf(PDF, dpi=200, pages=1)
    at.file_uploader(key="doc_files").set_value(("scan.pdf", scan, "application/pdf"))
    at.text_area(key="doc_jd").input(JD).run()
    assert not at.exception
    table = _frame(at, "file", {"file", "ref", "status", "format", "pages", "OCR", "bullets", "characters", "reason"})
    assert table["status"].tolist() == ["ready"]
    assert table["OCR"].iloc[0].startswith("yes, page 1, ") and table["OCR"].iloc[0].endswith("% confidence")
    assert not at.button(key="submit_docs").disabled
