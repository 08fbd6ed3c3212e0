"""Review: a recruiter accepts, edits or rejects each rewrite, the tailored summary and each skills list; saved per
bullet (key "0", "1", …) or section (key "summary", "skills:0", …) with compare-and-set."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.errors import Conflict, InputError, NotFound
from db.models import Job, JobItem, utcnow
from db.session import runtime_of
from services import audit
from services.principal import Principal, job_visibility, require_scope

DECISIONS = ("accept", "reject", "edit")
MAX_EDIT = 2000
TRIES = 5


Target = int | str  # a bullet index, or a section key: "summary", "skills:N" (N = its place in skills_section)


def section_key(kind: str, index: int = 0) -> str:
    """The review key of a tailored section ('summary', or 'skills:N' for the N-th skills list)."""
    return "summary" if kind == "summary" else f"skills:{index}"


def _key(target: Target, result: dict[str, Any]) -> str:
    """The stored key of a decision's target, refused when the item has no such bullet or section."""
    bullets = result.get("bullets", [])
    if isinstance(target, int):
        if not 0 <= target < len(bullets):
            raise InputError(f"the item has no bullet {target} (it has {len(bullets)})")
        return str(target)
    if target == "summary" and result.get("summary"):
        return target
    kind, _, number = target.partition(":")
    if kind == "skills" and number.isdigit() and int(number) < len(result.get("skills_section") or []):
        return target
    raise InputError(f"the item has no section {target!r} to review")


def review_state(stored: dict[str, Any]) -> dict[Target, dict[str, Any]]:
    """Stored review JSON as returned to callers: bullets under int keys, sections under their string keys."""
    return {(int(k) if k.isdigit() else k): v for k, v in stored.items()}


def set_review(
    s: Session, *, principal: Principal, item_id: str, bullet_index: Target, decision: str, text: str | None = None
) -> dict[Target, dict[str, Any]]:
    """Record the decision on one bullet of a finished item; returns the item's whole review state."""
    return set_reviews(s, principal=principal, item_id=item_id, decisions=[(bullet_index, decision, text)])


def _check(decision: str, text: str | None) -> None:
    if decision not in DECISIONS:
        raise InputError(f"the decision must be one of {', '.join(DECISIONS)}")
    if decision == "edit" and (not text or not text.strip()):
        raise InputError("an edit needs the new text")
    if text is not None and len(text) > MAX_EDIT:
        raise InputError(f"the edited text is longer than {MAX_EDIT} characters")


def set_reviews(
    s: Session, *, principal: Principal, item_id: str, decisions: Sequence[tuple[Target, str, str | None]]
) -> dict[Target, dict[str, Any]]:
    """Record decisions on several bullets or sections of one finished item at once (all or none); returns its
    review state.

    Each decision is (bullet index or section key, "accept" | "reject" | "edit", text of an edit or None).
    """
    require_scope(principal, "jobs:write")
    for _, decision, text in decisions:
        _check(decision, text)
    cipher = runtime_of(s).cipher
    for _ in range(TRIES):
        row = s.execute(
            select(JobItem.result, JobItem.review, JobItem.status)
            .join(Job, Job.id == JobItem.job_id)
            .where(JobItem.id == item_id, job_visibility(principal))
        ).first()
        if row is None:
            raise NotFound(f"no item {item_id}")
        result_blob, review_blob, status = row
        if status != "completed" or not result_blob:
            raise Conflict("only a completed item can be reviewed")
        result = json.loads(cipher.decrypt(result_blob) or "{}")
        review = json.loads(cipher.decrypt(review_blob)) if review_blob else {}
        at = utcnow().isoformat()
        for target, decision, text in decisions:
            review[_key(target, result)] = {
                "decision": decision,
                "text": text.strip() if decision == "edit" and text else None,
                "by": principal.username,
                "at": at,
            }
        stored = cipher.encrypt(json.dumps(review, ensure_ascii=False))
        same = JobItem.review.is_(None) if review_blob is None else JobItem.review == review_blob
        # Two reviewers on different bullets of one item must not overwrite each other: retry on a lost race.
        if s.execute(update(JobItem).where(JobItem.id == item_id, same).values(review=stored)).rowcount == 1:
            for target, decision, _ in decisions:
                audit.record(s, actor=principal.username, action=f"review.{decision}", target=f"{item_id}:{target}")
            s.commit()
            return review_state(review)
        s.rollback()
    raise Conflict("the review changed while saving; try again")
