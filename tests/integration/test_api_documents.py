"""multipart/form-data on POST /api/resume/process and /api/bulk/process: resume files in, refusals per file."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import func, select

from bench.doccorpus import parse, to_docx, to_pdf_platypus
from bench.hostile_docs import build as hostile_files
from core.ingest import normalise, split_bullets
from db.models import Job, JobItem
from db.session import session_scope
from tests.integration.api_support import JD, ROOT, make_api  # noqa: F401

pytestmark = pytest.mark.timeout(300)

SAMPLE = (ROOT / "samples" / "resume.txt").read_text()
PDF = to_pdf_platypus(parse(SAMPLE))
DOCX = to_docx(parse(SAMPLE))
HOSTILE = {c.name: c.data for c in hostile_files() if c.name in ("js-field.pdf", "macro.docm", "password-rc4.pdf")}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _counts(env) -> tuple[int, int]:
    with session_scope(env.settings) as s:
        return s.scalar(select(func.count()).select_from(Job)), s.scalar(select(func.count()).select_from(JobItem))


def test_one_pdf_resume_against_a_pasted_jd_is_processed_like_its_text(make_api):
    env = make_api(sync_timeout_s=300)  # the first sync call builds the pipeline in this process: slow on a busy box
    got = env.client.post(
        "/api/resume/process",
        files={"resume": ("Ana Lima.pdf", PDF, "application/pdf")},
        data={"jd": JD, "options": '{"tone": "concise"}'},
        headers=env.auth(),
    )
    assert got.status_code == 200, got.text
    body = got.json()
    expected = [b.text for b in split_bullets(normalise(SAMPLE))]
    assert [b["original"] for b in body["bullets"]] == expected  # the PDF reads as the text it was made from
    assert (
        body["document"] | {"file": "Ana Lima.pdf", "ref": "Ana Lima", "format": "pdf", "pages": 1} == body["document"]
    )
    assert body["document"]["bullets"] == len(expected) and body["document"]["ocr_pages"] == []
    with session_scope(env.settings) as s:
        assert s.scalar(select(JobItem.ref)) == "Ana Lima"  # the file names the candidate


def test_many_files_and_a_zip_against_a_jd_file_make_one_job(make_api):
    env = make_api()
    bundle = _zip({"march/cara.txt": SAMPLE.encode(), "dan.md": SAMPLE.encode(), "__MACOSX/._dan.md": b"x"})
    parts = [
        ("files", ("ana.pdf", PDF, "application/pdf")),
        ("files", ("ben.docx", DOCX, "application/octet-stream")),
        ("files", ("march.zip", bundle, "application/zip")),
        ("jd", ("jd.docx", to_docx(parse(JD)), "application/octet-stream")),
    ]
    headers = {**env.auth(), "Idempotency-Key": "march-upload"}
    got = env.client.post("/api/bulk/process", files=parts, headers=headers)
    assert got.status_code == 202, got.text
    again = env.client.post("/api/bulk/process", files=parts, headers=headers)  # a retried upload: the same job
    assert again.status_code == 202 and again.json()["job_id"] == got.json()["job_id"]
    other = env.client.post("/api/bulk/process", files=parts[1:], headers=headers)  # other files, same key
    assert other.status_code == 409 and _counts(env) == (1, 4)
    body = got.json()
    assert body["items"] == 4 and body["total_candidates"] == 4
    assert [d["file"] for d in body["documents"]] == [
        "ana.pdf",
        "ben.docx",
        "march.zip/march/cara.txt",
        "march.zip/dan.md",
    ]
    assert [d["format"] for d in body["documents"]] == ["pdf", "docx", "txt", "md"]
    with session_scope(env.settings) as s:
        refs = s.scalars(select(JobItem.ref).order_by(JobItem.seq)).all()
        name = s.scalar(select(Job.name))
    assert refs == ["ana", "ben", "cara", "dan"]
    assert "Senior Data Engineer" in name  # the JD file was read: the job is named after its title


def test_hostile_and_unreadable_files_refuse_the_request_naming_each_and_nothing_is_saved(make_api):
    env = make_api()
    files = [
        ("files", ("ana.pdf", PDF, "application/pdf")),
        ("files", ("js-field.pdf", HOSTILE["js-field.pdf"], "application/pdf")),
        ("files", ("cv.docm", HOSTILE["macro.docm"], "application/octet-stream")),
        ("files", ("locked.pdf", HOSTILE["password-rc4.pdf"], "application/pdf")),
        ("files", ("blank.txt", b"   \n", "text/plain")),
        ("files", ("short.txt", b"Ana Lima\n", "text/plain")),
    ]
    got = env.client.post("/api/bulk/process", files=files, data={"jd": JD}, headers=env.auth())
    assert got.status_code == 422, got.text
    body = got.json()
    assert body["error"] == "invalid_files" and body["request_id"]
    assert body["detail"].startswith("5 of 6 files cannot be used, so nothing was submitted: js-field.pdf: ")
    reasons = {f["file"]: f["reason"] for f in body["files"]}
    assert reasons["js-field.pdf"] in ("javascript", "active") and reasons["cv.docm"] == "macros"
    assert reasons["locked.pdf"] == "encrypted" and reasons["blank.txt"] == "empty"
    assert reasons["short.txt"] == "invalid"  # read, but the submission's own checks refuse it (no bullets)
    assert "ana.pdf" not in reasons
    assert all(f["error"] for f in body["files"])
    assert _counts(env) == (0, 0)

    one = env.client.post(
        "/api/resume/process",
        files={"resume": ("cv.docm", HOSTILE["macro.docm"], "application/octet-stream")},
        data={"jd": JD},
        headers=env.auth(),
    )
    assert one.status_code == 422 and one.json()["error"] == "invalid_file"
    assert one.json()["detail"].startswith("the resume cv.docm: the document contains macros")
    assert _counts(env) == (0, 0)


def test_a_file_over_the_document_limit_and_a_body_over_the_request_limit(make_api):
    env = make_api(doc_max_bytes=20_000, max_body_bytes=200_000, doc_max_files=2, bulk_rate_per_minute=100)
    got = env.client.post(
        "/api/bulk/process",
        files=[("files", ("ana.pdf", PDF, "application/pdf")), ("files", ("ben.txt", SAMPLE.encode(), "text/plain"))],
        data={"jd": JD},
        headers=env.auth(),
    )
    assert got.status_code == 422, got.text
    [refused] = got.json()["files"]
    assert refused["file"] == "ana.pdf" and refused["reason"] == "too_large"
    assert "ATS_DOC_MAX_BYTES" in refused["error"]

    big = env.client.post(
        "/api/bulk/process",
        files=[("files", ("huge.pdf", PDF * 5, "application/pdf"))],
        data={"jd": JD},
        headers=env.auth(),
    )
    assert big.status_code == 413 and big.json()["error"] == "payload_too_large"

    three = [("files", (f"{n}.txt", SAMPLE.encode(), "text/plain")) for n in range(3)]
    many = env.client.post("/api/bulk/process", files=three, data={"jd": JD}, headers=env.auth())
    assert many.status_code == 422 and "the limit is 2 (ATS_DOC_MAX_FILES)" in many.json()["detail"]
    four = [*three, ("files", ("4.txt", SAMPLE.encode(), "text/plain"))]
    parts = env.client.post("/api/bulk/process", files=four, data={"jd": JD}, headers=env.auth())
    assert parts.status_code == 400 and "Maximum number of files is 3" in parts.json()["detail"]  # the parser stops
    assert _counts(env) == (0, 0)


TXT = ("a.txt", SAMPLE.encode(), "text/plain")


MALFORMED = [
        ("/api/bulk/process", [("jd", (None, JD))], "'files' parts"),
        ("/api/bulk/process", [("files", TXT)], "send the job description once"),
        ("/api/bulk/process", [("files", TXT), ("jd", (None, JD)), ("jd", ("jd.txt", b"JD", "text/plain"))], "once"),
        ("/api/bulk/process", [("cv", TXT), ("jd", (None, JD))], "unexpected form field 'cv'"),
        ("/api/bulk/process", [("files", TXT), ("jd", (None, JD)), ("options", (None, "[1]"))], "JSON object"),
        ("/api/bulk/process", [("files", TXT), ("jd", (None, JD)), ("options", (None, '{"x": 1}'))], "option x"),
        ("/api/resume/process", [("resume", ("a.zip", _zip({"a.txt": b"x"}), "application/zip")), ("jd", (None, JD))],
         "a ZIP of resumes goes to POST /api/bulk/process"),
        ("/api/resume/process", [("resume", TXT)], "send the job description once"),
        ("/api/resume/process", [("resume", (None, SAMPLE)), ("jd", ("jd.pdf", b"%PDF-1.4 x", "application/pdf"))],
         "the job description jd.pdf: "),
    ]  # fmt: skip


def test_malformed_forms_get_a_422_that_says_what_to_send(make_api):
    env = make_api(bulk_rate_per_minute=1000, sync_rate_per_minute=1000)
    for path, parts, needle in MALFORMED:
        got = env.client.post(path, files=parts, headers=env.auth())
        assert got.status_code == 422, (needle, got.text)
        assert needle in got.json()["detail"] and got.json()["request_id"], (needle, got.text)
    assert _counts(env) == (0, 0)


def test_json_bodies_still_work_and_the_openapi_document_describes_the_form(make_api):
    env = make_api()
    got = env.client.post("/api/bulk/process", json={"jd": JD, "resumes": [SAMPLE]}, headers=env.auth())
    assert got.status_code == 202 and got.json()["items"] == 1 and got.json()["documents"] is None
    spec = env.client.get("/openapi.json").json()
    bulk = spec["paths"]["/api/bulk/process"]["post"]["requestBody"]
    assert set(bulk["content"]) == {"application/json", "multipart/form-data"}
    form = bulk["content"]["multipart/form-data"]["schema"]
    assert form["required"] == ["files", "jd"] and form["properties"]["files"]["items"]["format"] == "binary"
    assert "ATS_DOC_MAX_BYTES" in bulk["description"] and "invalid_files" in bulk["description"]
    pair = spec["paths"]["/api/resume/process"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert pair["required"] == ["resume", "jd"]
    assert "files" in spec["components"]["schemas"]["ErrorBody"]["properties"]
    assert "documents" in spec["components"]["schemas"]["Accepted"]["properties"]
