"""One set of pair rules (core.ingest.prepare + services.intake): the API/CLI submission, the web upload and INGEST
refuse the same pair with the same words, and repeated refs are refused everywhere, not only in the web app."""

from __future__ import annotations

import pandas as pd
import pytest

from core.config import load_settings
from core.context import Limits
from core.errors import InputError
from core.ingest import prepare
from services.intake import check_pairs
from webapp.uploads import parse_upload

RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Requirements: Python, PostgreSQL."
SETTINGS = load_settings(database_url="sqlite://", redis_url=None, max_resume_chars=400, max_jd_chars=300)


def _upload_reasons(rows: list[dict]) -> dict[int, str | None]:
    data = pd.DataFrame(rows).to_csv(index=False).encode()
    parsed = parse_upload("b.csv", data, max_resume_chars=400, max_jd_chars=300, max_rows=10)
    return {r.row: r.error for r in parsed.rows}


@pytest.mark.parametrize(
    ("resume", "jd"),
    [(" ", JD), (RESUME, "\n"), ("x" * 401, JD), (RESUME, "y" * 301), (RESUME + "\x00", JD)],
)
def test_a_bad_pair_reads_the_same_at_submission_upload_and_ingest(resume: str, jd: str) -> None:
    _, errors = check_pairs([{"resume": resume, "jd": jd, "ref": "r"}], SETTINGS)
    with pytest.raises(InputError) as ingest_error:
        prepare(resume, jd, Limits(400, 300, 80))
    upload = _upload_reasons([{"ref": "r", "resume": resume, "jd": jd}])
    assert errors[0]["error"] == str(ingest_error.value) == upload[1]


def test_repeated_refs_are_refused_at_submission_with_the_row_they_repeat() -> None:
    pairs = [
        {"resume": RESUME, "jd": JD, "ref": "a"},
        {"resume": RESUME, "jd": JD, "ref": None},
        {"resume": RESUME, "jd": JD, "ref": None},  # no ref: never a clash
        {"resume": RESUME, "jd": JD, "ref": "a"},
        {"resume": " ", "jd": JD, "ref": "a"},  # its own problem is its reason
    ]
    good, errors = check_pairs(pairs, SETTINGS)
    assert len(good) == 3
    assert errors == [
        {"row": 4, "ref": "a", "error": "ref 'a' repeats row 1; each candidate needs its own ref"},
        {"row": 5, "ref": "a", "error": "the resume is empty"},
    ]


def test_the_upload_marks_repeated_refs_with_the_same_words() -> None:
    reasons = _upload_reasons([{"ref": "a", "resume": RESUME, "jd": JD}, {"ref": "a", "resume": RESUME, "jd": JD}])
    assert reasons == {1: None, 2: "ref 'a' repeats row 1; each candidate needs its own ref"}
