"""The upload reader: CSV, XLSX and JSONL rows, every invalid row marked with its reason."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from webapp.uploads import UploadError, parse_upload, single_pair

LIMITS = {"max_resume_chars": 500, "max_jd_chars": 300, "max_rows": 5}


def _csv(rows: list[dict]) -> bytes:
    return pd.DataFrame(rows).to_csv(index=False).encode()


def test_csv_rows_with_reasons() -> None:
    data = _csv(
        [
            {"ref": "a", "resume": "- Built APIs in Python", "jd": "Python developer"},
            {"ref": "b", "resume": "", "jd": "Python developer"},
            {"ref": "c", "resume": "x" * 501, "jd": "Python developer"},
            {"ref": "a", "resume": "- Ran Kubernetes", "jd": "Python developer"},
        ]
    )
    parsed = parse_upload("batch.csv", data, **LIMITS)
    assert [r.ref for r in parsed.valid] == ["a"]
    reasons = {r.row: r.error for r in parsed.invalid}
    assert reasons[2] == "the resume is empty"
    assert "501" in reasons[3] and "500" in reasons[3]
    assert "repeats row 1" in reasons[4]
    preview = parsed.preview()
    assert list(preview["status"]) == ["ok", "invalid", "invalid", "invalid"]


def test_shared_jd_fills_rows_without_one() -> None:
    data = _csv([{"resume": "- Led a team"}, {"resume": "- Wrote Go"}])
    parsed = parse_upload("x.csv", data, shared_jd="Senior Go engineer", **LIMITS)
    assert len(parsed.valid) == 2
    assert parsed.valid[1].jd == "Senior Go engineer"
    assert parsed.valid[0].ref == "row-1"
    missing = parse_upload("x.csv", data, **LIMITS)
    assert all("job description is empty" in r.error for r in missing.invalid)


def test_xlsx_is_read() -> None:
    buf = io.BytesIO()
    pd.DataFrame([{"Resume": "- Shipped a React app", "JD": "Frontend role", "Ref": "r1"}]).to_excel(buf, index=False)
    parsed = parse_upload("batch.XLSX", buf.getvalue(), **LIMITS)
    assert parsed.valid[0].ref == "r1" and parsed.valid[0].jd == "Frontend role"


def test_jsonl_marks_broken_lines() -> None:
    lines = [json.dumps({"resume": "- Did SQL", "jd": "Analyst", "ref": "j1"}), "{not json", "[1, 2]"]
    parsed = parse_upload("b.jsonl", "\n".join(lines).encode(), **LIMITS)
    assert len(parsed.rows) == 3
    assert parsed.rows[1].error.startswith("not valid JSON")
    assert "JSON object" in parsed.rows[2].error


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("resume.pdf", b"%PDF", "unsupported file type"),
        ("a.csv", b"   ", "empty"),
        ("a.csv", b"name,jd\nx,y\n", "no 'resume' column"),
        ("a.csv", b"resume\n" + b"r\n" * 6, "at most 5"),
        ("a.xlsx", b"not a zip file", "could not be read"),
    ],
)
def test_file_level_errors(name: str, data: bytes, needle: str) -> None:
    with pytest.raises(UploadError, match=needle):
        parse_upload(name, data, **LIMITS)


def test_single_pair_uses_same_rules() -> None:
    assert single_pair("- Built things", "Engineer", max_resume_chars=100, max_jd_chars=100).error is None
    assert "limit is 10" in single_pair("x" * 20, "jd", max_resume_chars=10, max_jd_chars=100).error
