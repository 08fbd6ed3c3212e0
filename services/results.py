"""Results of a job: paged item results, the CONTRACTS CSV, and the export of accepted rewrites."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, load_only

from core.errors import InputError
from db.models import JobItem
from db.session import runtime_of
from services import audit, spreadsheet
from services.jobs import visible_job
from services.principal import Principal, require_scope
from services.review import review_state, section_key

CSV_COLUMNS = ["ref", "bullet_index", "original", "rewrite", "accepted", "flags", "score_before", "score_after"]
MAX_PAGE = 1000


def _review(stored: str | None, cipher: Any) -> dict[int | str, dict[str, Any]]:
    if not stored:
        return {}
    return review_state(json.loads(cipher.decrypt(stored)))


# What callers read of an item; the encrypted resume and JD texts (kilobytes each) stay in the database.
_RESULT_COLUMNS = load_only(
    JobItem.id,
    JobItem.ref,
    JobItem.seq,
    JobItem.status,
    JobItem.stage,
    JobItem.error,
    JobItem.attempts,
    JobItem.result,
    JobItem.review,
)


def _ref(item: JobItem, cipher: Any) -> str:
    """The item's ref as the caller gave it (decrypted), else its place in the job from 1."""
    ref: str | None = cipher.decrypt(item.ref)
    return ref if ref is not None else str(item.seq + 1)


def _items(s: Session, job_id: str, offset: int = 0, limit: int | None = None) -> list[JobItem]:
    q = select(JobItem).options(_RESULT_COLUMNS).where(JobItem.job_id == job_id).order_by(JobItem.seq).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return list(s.scalars(q))


def job_results(s: Session, *, principal: Principal, job_id: str, offset: int = 0, limit: int = 100) -> dict[str, Any]:
    """One page of a visible job's items with their results (None until finished) and review state."""
    require_scope(principal, "jobs:read")
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise InputError(f"offset must be >= 0 and limit between 1 and {MAX_PAGE}")
    job = visible_job(s, principal, job_id)
    cipher = runtime_of(s).cipher
    total = s.scalar(select(func.count()).select_from(JobItem).where(JobItem.job_id == job.id)) or 0
    items = [_item(it, cipher) for it in _items(s, job.id, offset, limit)]
    return {"job_id": job.id, "total": total, "offset": offset, "limit": limit, "items": items}


def _item(it: JobItem, cipher: Any) -> dict[str, Any]:
    return {
        "item_id": it.id,
        "ref": cipher.decrypt(it.ref),
        "seq": it.seq,
        "status": it.status,
        "stage": it.stage,
        "error": cipher.decrypt(it.error),
        "attempts": it.attempts,
        "result": json.loads(cipher.decrypt(it.result)) if it.result else None,
        "review": _review(it.review, cipher),
    }


def item_versions(s: Session, *, principal: Principal, job_id: str) -> dict[str, tuple[Any, ...]]:
    """Item id -> its version (status, last write, stored review) for a visible job, nothing decrypted: a cache of
    job_results items compares these to re-read only the items that changed."""
    require_scope(principal, "jobs:read")
    job = visible_job(s, principal, job_id)
    rows = s.execute(
        select(JobItem.id, JobItem.status, JobItem.updated_at, JobItem.review).where(JobItem.job_id == job.id)
    )
    return {item_id: (status, updated, review) for item_id, status, updated, review in rows}


def items_by_id(s: Session, *, principal: Principal, job_id: str, item_ids: list[str]) -> list[dict[str, Any]]:
    """The named items of a visible job, as job_results gives them (ids of other jobs are left out)."""
    require_scope(principal, "jobs:read")
    if len(item_ids) > MAX_PAGE:
        raise InputError(f"at most {MAX_PAGE} items at a time")
    job = visible_job(s, principal, job_id)
    cipher = runtime_of(s).cipher
    q = select(JobItem).options(_RESULT_COLUMNS).where(JobItem.job_id == job.id, JobItem.id.in_(item_ids))
    return [_item(it, cipher) for it in s.scalars(q)]


def _all_results(s: Session, principal: Principal, job_id: str) -> list[tuple[JobItem, dict | None, dict]]:
    require_scope(principal, "jobs:read")
    job = visible_job(s, principal, job_id)
    cipher = runtime_of(s).cipher
    return [
        (it, json.loads(cipher.decrypt(it.result)) if it.result else None, _review(it.review, cipher))
        for it in _items(s, job.id)
    ]


def results_csv(s: Session, *, principal: Principal, job_id: str) -> str:
    """The CONTRACTS CSV: one row per bullet of each finished item (formula-safe cells)."""
    rows = []
    cipher = runtime_of(s).cipher
    for item, result, _ in _all_results(s, principal, job_id):
        if not result:
            continue
        ref = _ref(item, cipher)
        for b in result.get("bullets", []):
            flags = ";".join(f["kind"] for f in b.get("flags", []))
            rows.append(
                [
                    ref,
                    b["index"],
                    b["original"],
                    b.get("rewrite") or "",
                    str(bool(b.get("accepted"))).lower(),
                    flags,
                    result.get("score_before"),
                    result.get("score_after"),
                ]
            )
    audit.record(s, actor=principal.username, action="export", target=job_id, detail={"what": "results", "fmt": "csv"})
    return spreadsheet.csv_text(CSV_COLUMNS, rows)


# The decision column of the export: what chose the final text of each bullet.
ACCEPTED, EDITED, KEPT, NOT_REVIEWED, UNCHANGED = "accepted", "edited", "kept original", "not reviewed", "no rewrite"
EXPORT_COLUMNS = ["ref", "bullet", "original", "final", "decision"]


def final_text(bullet: dict[str, Any], review: dict[str, Any] | None) -> tuple[str, str]:
    """The text that stands for a bullet after review, and the decision that chose it.

    Only a reviewer's decision puts a rewrite or an edit in the export: a bullet nobody decided keeps its
    original text ("not reviewed"), whether its rewrite passed the checks or not.
    """
    if review:
        decision = review.get("decision")
        if decision == "edit" and review.get("text"):
            return review["text"], EDITED
        if decision == "accept" and bullet.get("rewrite"):
            return bullet["rewrite"], ACCEPTED
        if decision == "reject":
            return bullet["original"], KEPT
    return bullet["original"], NOT_REVIEWED if bullet.get("rewrite") else UNCHANGED


def _section_rows(ref: str, result: dict[str, Any], review: dict[Any, Any]) -> list[dict[str, Any]]:
    """Export rows of the tailored summary and skills lists ('summary', 'skills 1', …), decided like bullets."""
    sections = [("summary", 0, result.get("summary"))] if result.get("summary") else []
    sections += [("skills", i, s) for i, s in enumerate(result.get("skills_section") or [])]
    rows = []
    for kind, i, section in sections:
        original = section.get("original") or ""
        text, decision = final_text(
            {"original": original, "rewrite": section.get("rewrite")}, review.get(section_key(kind, i))
        )
        label = "summary" if kind == "summary" else f"skills {i + 1}"
        rows.append({"ref": ref, "bullet": label, "original": original, "final": text, "decision": decision})
    return rows


def export_accepted(s: Session, *, principal: Principal, job_id: str, fmt: str = "csv") -> bytes:
    """One row per bullet of each finished item, then its tailored summary and skills lists: the original and the
    final text after review, as CSV or XLSX.

    Bullets are numbered from 1 within their item, as the Review page numbers them; sections are named ('summary',
    'skills 1'). A new summary or list that nobody accepted leaves the original (empty when there was none).
    """
    if fmt not in ("csv", "xlsx"):
        raise InputError("the export format must be csv or xlsx")
    rows = []
    cipher = runtime_of(s).cipher
    for item, result, review in _all_results(s, principal, job_id):
        if not result:
            continue
        ref = _ref(item, cipher)
        for b in result.get("bullets", []):
            text, decision = final_text(b, review.get(b["index"]))
            rows.append(
                {"ref": ref, "bullet": b["index"] + 1, "original": b["original"], "final": text, "decision": decision}
            )
        rows.extend(_section_rows(ref, result, review))
    columns = EXPORT_COLUMNS
    audit.record(s, actor=principal.username, action="export", target=job_id, detail={"what": "accepted", "fmt": fmt})
    if fmt == "csv":
        return spreadsheet.csv_text(columns, rows).encode("utf-8")
    return spreadsheet.xlsx_bytes(columns, rows, sheet="rewrites")
