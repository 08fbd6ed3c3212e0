"""Results of a job: paged item results, the CONTRACTS CSV, and the export of accepted rewrites."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, load_only

from core.errors import InputError
from db.models import JobItem
from db.session import runtime_of
from services import audit
from services.jobs import visible_job
from services.principal import Principal, require_scope

CSV_COLUMNS = ["ref", "bullet_index", "original", "rewrite", "accepted", "flags", "score_before", "score_after"]
MAX_PAGE = 1000


def _review(stored: str | None, cipher: Any) -> dict[int, dict[str, Any]]:
    if not stored:
        return {}
    return {int(k): v for k, v in json.loads(cipher.decrypt(stored)).items()}


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
    items = [
        {
            "item_id": it.id,
            "ref": it.ref,
            "seq": it.seq,
            "status": it.status,
            "stage": it.stage,
            "error": it.error,
            "attempts": it.attempts,
            "result": json.loads(cipher.decrypt(it.result)) if it.result else None,
            "review": _review(it.review, cipher),
        }
        for it in _items(s, job.id, offset, limit)
    ]
    return {"job_id": job.id, "total": total, "offset": offset, "limit": limit, "items": items}


def _all_results(s: Session, principal: Principal, job_id: str) -> list[tuple[JobItem, dict | None, dict]]:
    require_scope(principal, "jobs:read")
    job = visible_job(s, principal, job_id)
    cipher = runtime_of(s).cipher
    return [
        (it, json.loads(cipher.decrypt(it.result)) if it.result else None, _review(it.review, cipher))
        for it in _items(s, job.id)
    ]


def results_csv(s: Session, *, principal: Principal, job_id: str) -> str:
    """The CONTRACTS CSV: one row per bullet of each finished item."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item, result, _ in _all_results(s, principal, job_id):
        if not result:
            continue
        ref = item.ref if item.ref is not None else str(item.seq + 1)
        for b in result.get("bullets", []):
            flags = ";".join(f["kind"] for f in b.get("flags", []))
            writer.writerow(
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
    return out.getvalue()


def final_text(bullet: dict[str, Any], review: dict[str, Any] | None) -> tuple[str, str]:
    """The text that stands for a bullet after review, and the decision that chose it."""
    if review:
        decision = review.get("decision")
        if decision == "edit" and review.get("text"):
            return review["text"], "edit"
        if decision == "accept" and bullet.get("rewrite"):
            return bullet["rewrite"], "accept"
        if decision == "reject":
            return bullet["original"], "reject"
    if bullet.get("accepted") and bullet.get("rewrite"):
        return bullet["rewrite"], "auto"
    return bullet["original"], "original"


def export_accepted(s: Session, *, principal: Principal, job_id: str, fmt: str = "csv") -> bytes:
    """Every bullet's standing text after review (edits, accepted rewrites, else the original), as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        raise InputError("the export format must be csv or xlsx")
    rows = []
    for item, result, review in _all_results(s, principal, job_id):
        if not result:
            continue
        ref = item.ref if item.ref is not None else str(item.seq + 1)
        for b in result.get("bullets", []):
            text, decision = final_text(b, review.get(b["index"]))
            rows.append(
                {"ref": ref, "bullet_index": b["index"], "original": b["original"], "final": text, "decision": decision}
            )
    columns = ["ref", "bullet_index", "original", "final", "decision"]
    audit.record(s, actor=principal.username, action="export", target=job_id, detail={"what": "accepted", "fmt": fmt})
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")
    import pandas as pd

    buf = io.BytesIO()
    pd.DataFrame(rows, columns=columns).to_excel(buf, index=False, engine="openpyxl")
    return buf.getvalue()
