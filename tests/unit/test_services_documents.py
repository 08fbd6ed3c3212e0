"""services.documents: uploads read into resumes (ZIPs opened), refs made unique, the submission's checks applied."""

from __future__ import annotations

import io
import zipfile

import pytest

from core.config import load_settings
from core.errors import InputError
from services.documents import clean_name, combine, read_resumes, read_upload

RESUME = b"Ana Lima\n\nEXPERIENCE\n- Built the billing API in Python\n- Cut cloud costs 20% with autoscaling\n"
JD = "Backend Engineer\nRequirements: Python, APIs, AWS."
SETTINGS = load_settings(database_url="sqlite://", redis_url=None, doc_max_files=5, max_resume_chars=500)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_repeated_names_get_distinct_refs_and_zip_members_are_named_inside_their_zip() -> None:
    bundle = _zip({"a/ana.txt": RESUME, "ana.md": RESUME})
    batch = read_resumes([("ana.txt", RESUME), ("ana.md", RESUME), ("march.zip", bundle)], SETTINGS, jd=JD)
    assert [f.name for f in batch.files] == ["ana.txt", "ana.md", "march.zip/a/ana.txt", "march.zip/ana.md"]
    assert [f.ref for f in batch.files] == ["ana", "ana.md", "ana.txt", "ana-2"]
    assert all(f.ok for f in batch.files) and [p.ref for p in batch.pairs()] == ["ana", "ana.md", "ana.txt", "ana-2"]
    assert batch.files[0].described() | {"format": "txt", "bullets": 2, "ocr_pages": []} == batch.files[0].described()


def test_a_bad_zip_is_one_refusal_and_the_other_files_stand() -> None:
    reads = read_upload("bad.zip", b"PK\x03\x04 not a zip", SETTINGS) + read_upload("ana.txt", RESUME, SETTINGS)
    reads += read_upload("mac.zip", _zip({"__MACOSX/._ana.txt": b"x"}), SETTINGS)
    batch = combine(reads, SETTINGS, jd=JD)
    assert [(f.name, f.reason) for f in batch.refused] == [("bad.zip", "corrupt"), ("mac.zip", "empty")]
    assert [f.name for f in batch.valid] == ["ana.txt"]


def test_the_submission_checks_refuse_files_that_read_but_cannot_be_processed() -> None:
    long = RESUME + b"- " + b"word " * 200 + b"\n"
    batch = read_resumes([("ok.txt", RESUME), ("long.txt", long), ("name.txt", b"Ana Lima\n")], SETTINGS, jd=JD)
    refused = {f.name: (f.reason, f.error) for f in batch.refused}
    assert set(refused) == {"long.txt", "name.txt"}
    assert refused["long.txt"][0] == "invalid" and "ATS_MAX_RESUME_CHARS" in str(refused["long.txt"][1])
    unchecked = read_resumes([("name.txt", b"Ana Lima\n")], SETTINGS)  # without a JD only the reading is judged
    assert unchecked.files[0].ok and unchecked.jd is None
    with pytest.raises(InputError, match="job description is needed"):
        unchecked.pairs()


def test_more_files_than_the_limit_and_no_files_are_refused_as_a_whole() -> None:
    with pytest.raises(InputError, match="ATS_DOC_MAX_FILES"):
        read_resumes([(f"{n}.txt", RESUME) for n in range(6)], SETTINGS, jd=JD)
    with pytest.raises(InputError, match="no resume files"):
        read_resumes([], SETTINGS, jd=JD)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("C:\\Users\\x\\Ana Lima.pdf", "Ana Lima.pdf"),
        ("../../etc/cv.pdf", "cv.pdf"),
        ("a\x00b\n.pdf", "ab.pdf"),
        ("", "file"),
    ],
)
def test_client_file_names_are_shown_without_paths_or_control_characters(raw: str, shown: str) -> None:
    assert clean_name(raw) == shown
