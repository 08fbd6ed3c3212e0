"""GET /api/bulk/tailored/{job}/{item} and /api/bulk/tailored/{job}: the tailored resume over the REST API."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import select

from core.documents import read_document
from core.ingest import split_bullets
from db.models import JobItem
from db.session import session_scope
from tests.integration.api_support import JD, RESUME, make_api  # noqa: F401

pytestmark = pytest.mark.timeout(300)


def test_tailored_resume_as_docx_text_and_zip_and_only_for_the_owner(make_api):
    env = make_api()
    done = env.client.post("/api/resume/process", json={"resume": RESUME, "jd": JD, "ref": "ana"}, headers=env.auth())
    assert done.status_code == 200, done.text
    with session_scope(env.settings) as s:
        job_id, item_id = s.execute(select(JobItem.job_id, JobItem.id)).one()

    docx = env.client.get(f"/api/bulk/tailored/{job_id}/{item_id}", headers=env.auth())
    assert docx.status_code == 200, docx.text
    assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    text = env.client.get(f"/api/bulk/tailored/{job_id}/{item_id}?format=txt", headers=env.auth())
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    originals = [b["original"] for b in done.json()["bullets"]]
    assert [b.text for b in split_bullets(text.text)] == originals  # nobody reviewed: the originals stand
    assert [b.text for b in split_bullets(read_document(docx.content, "t.docx").text)] == originals

    bundle = env.client.get(f"/api/bulk/tailored/{job_id}?format=txt", headers=env.auth())
    assert bundle.status_code == 200 and bundle.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(bundle.content)) as z:
        assert len(z.namelist()) == 1 and z.read(z.namelist()[0]).decode() == text.text

    assert env.client.get(f"/api/bulk/tailored/{job_id}/{item_id}", headers=env.auth("bob")).status_code == 404
    assert env.client.get(f"/api/bulk/tailored/{job_id}?format=pdf", headers=env.auth()).status_code == 422
    spec = env.client.get("/openapi.json").json()
    assert "/api/bulk/tailored/{job_id}/{item_id}" in spec["paths"] and "/api/bulk/tailored/{job_id}" in spec["paths"]
