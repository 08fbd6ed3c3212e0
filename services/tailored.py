"""Tailored resumes: reviewed bullets, tailored summary and skills in place; DOCX or text; one file or a ZIP."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from core.documents.tailored import tailored_docx, tailored_lines, tailored_text
from core.errors import InputError, NotFound
from core.ingest import normalise, split_bullets
from core.tailor import tailored_document
from core.types import SectionRewrite
from db.models import JobItem
from db.session import runtime_of
from services import audit
from services.jobs import visible_job
from services.principal import Principal, require_scope
from services.results import _review, final_text

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def tailored_resume(
    s: Session, *, principal: Principal, job_id: str, item_id: str, fmt: str = "docx"
) -> tuple[str, bytes]:
    """(file name, bytes) of one candidate's tailored resume: every bullet's standing text after review."""
    _check(fmt)
    require_scope(principal, "jobs:read")
    job = visible_job(s, principal, job_id)
    items = _load(s, job.id, item_id)
    if not items:
        raise NotFound(f"no item {item_id} in job {job_id}")
    name, data = _render(items[0], runtime_of(s).cipher, fmt)
    audit.record(s, actor=principal.username, action="export", target=job.id, detail={"what": "tailored", "fmt": fmt})
    return name, data


def tailored_zip(s: Session, *, principal: Principal, job_id: str, fmt: str = "docx") -> bytes:
    """A ZIP of every completed candidate's tailored resume in the job (one file each, named by ref)."""
    _check(fmt)
    require_scope(principal, "jobs:read")
    job = visible_job(s, principal, job_id)
    cipher = runtime_of(s).cipher
    buf = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        used: set[str] = set()
        for item in _load(s, job.id, None):
            name, data = _render(item, cipher, fmt)
            while name in used:
                name = f"{item.seq + 1}-{name}"
            used.add(name)
            z.writestr(name, data)
            count += 1
    if not count:
        raise InputError("the job has no completed candidate to export yet")
    audit.record(
        s, actor=principal.username, action="export", target=job.id, detail={"what": "tailored.zip", "fmt": fmt}
    )
    return buf.getvalue()


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError("the tailored resume format must be docx or txt")


def _load(s: Session, job_id: str, item_id: str | None) -> list[JobItem]:
    columns = load_only(JobItem.id, JobItem.ref, JobItem.seq, JobItem.result, JobItem.review, JobItem.resume_text)
    q = select(JobItem).options(columns).where(JobItem.job_id == job_id, JobItem.status == "completed")
    if item_id is not None:
        q = q.where(JobItem.id == item_id)
    return list(s.scalars(q.order_by(JobItem.seq)))


def _render(item: JobItem, cipher: Any, fmt: str) -> tuple[str, bytes]:
    result = json.loads(cipher.decrypt(item.result)) if item.result else {}
    resume = cipher.decrypt(item.resume_text) if item.resume_text else ""
    ref = cipher.decrypt(item.ref)
    if not resume:
        raise InputError(f"the resume of item {ref or item.seq + 1} is no longer stored (purged)")
    review = _review(item.review, cipher)
    texts = {b["index"]: final_text(b, review.get(b["index"]))[0] for b in result.get("bullets", [])}
    text = normalise(resume)
    bullets = split_bullets(text)
    sections = [
        SectionRewrite.model_validate(x) for x in [result.get("summary"), *result.get("skills_section", [])] if x
    ]
    # The document as it reads after review: standing bullets, and the summary and skills lines the checks accepted.
    lines = tailored_lines(tailored_document(text, bullets, [texts.get(b.index, b.text) for b in bullets], sections))
    stem = _UNSAFE.sub("-", str(ref or f"candidate-{item.seq + 1}")).strip("-.")[:80] or "candidate"
    if fmt == "txt":
        return f"{stem}.txt", tailored_text(lines).encode("utf-8")
    return f"{stem}.docx", tailored_docx(lines)
