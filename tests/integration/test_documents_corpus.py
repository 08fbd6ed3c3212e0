"""The generated document corpus (a subset; bench/bench_documents.py reads all of it) against the issue's goals.

Every tenth source resume, rendered by python-docx, reportlab (platypus and canvas) and Chromium in one and two
columns, plus image-only PDFs read by OCR. Built once per session: a few seconds, then a second or two of OCR.
"""

from __future__ import annotations

import shutil
import statistics

import pytest

from bench import doccorpus
from core.documents import read_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def corpus() -> list[tuple[doccorpus.Doc, object]]:
    assert shutil.which("tesseract"), (
        "tesseract-ocr is not installed (make test installs it: scripts/ensure_tesseract.sh)"
    )
    resumes = doccorpus.load_sources()[::10]
    with doccorpus.Chromium() as chromium:
        docs = list(doccorpus.build(resumes, chromium=chromium, ocr_every=5))
    return [(d, read_document(d.data, d.name)) for d in docs]


def test_corpus_covers_every_producer_layout_and_ocr(corpus) -> None:
    producers = {d.producer for d, _ in corpus}
    assert producers == {"python-docx", "reportlab-platypus", "reportlab-canvas", "chromium", "image-only"}
    assert any(d.two_columns for d, _ in corpus) and sum(d.ocr for d, _ in corpus) >= 2


def test_text_fidelity_of_text_pdfs_and_docx(corpus) -> None:
    scores = {d.name: doccorpus.char_f1(d.expected, doc.text) for d, doc in corpus if not d.ocr}
    assert statistics.fmean(scores.values()) >= 0.98, scores
    assert min(scores.values()) >= 0.95, scores


def test_ocr_pages_are_flagged_and_faithful(corpus) -> None:
    scanned = [(d, doc) for d, doc in corpus if d.ocr]
    for d, doc in scanned:
        assert doc.ocr_pages == (1,) and 0.5 < doc.ocr_confidence <= 1, d.name
        assert doccorpus.char_f1(d.expected, doc.text) >= 0.90, d.name
    assert all(not doc.ocr for d, doc in corpus if not d.ocr)


def test_bullets_keep_their_boundaries(corpus) -> None:
    expected = matched = 0
    for d, doc in corpus:
        if not d.ocr:
            n, ok, _ = doccorpus.bullet_scores(d.expected, doc.text)
            expected, matched = expected + n, matched + ok
    assert expected > 100 and matched / expected >= 0.95


def test_two_column_reading_order_is_right_on_every_two_column_file(corpus) -> None:
    two = [(d, doc) for d, doc in corpus if d.two_columns and not d.ocr]
    assert len(two) >= 6
    wrong = [d.name for d, doc in two if not doccorpus.order_right(d.expected, doc.text)]
    assert wrong == []
