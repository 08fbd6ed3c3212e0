"""Fifty malformed or hostile files (bench/hostile_docs.py): each refused with its reason, none crashes or reads."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from bench.hostile_docs import Hostile, build
from core.documents import DocumentError, DocumentLimits, read_document

CASES = list(build())


def test_there_are_fifty_distinct_cases() -> None:
    assert len(CASES) == 50 and len({c.name for c in CASES}) == 50


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_is_refused_with_its_reason(case: Hostile) -> None:
    if case.reasons == ("ocr_unreadable",):
        assert shutil.which("tesseract"), (
            "tesseract-ocr is not installed (make test installs it: scripts/ensure_tesseract.sh)"
        )
    limits = dataclasses.replace(DocumentLimits(), **case.limits)
    with pytest.raises(DocumentError) as err:
        read_document(case.data, case.name, limits=limits)
    assert err.value.reason in case.reasons, str(err.value)
    message = str(err.value)
    assert message and "Traceback" not in message and len(message) < 300
