"""Review: a recruiter accepts, edits or rejects each rewrite; saved per bullet with compare-and-set."""

from __future__ import annotations

import json
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


def set_review(
    s: Session, *, principal: Principal, item_id: str, bullet_index: int, decision: str, text: str | None = None
) -> dict[str, Any]:
    """Record the decision on one bullet of a finished item; returns the item's whole review state."""
    require_scope(principal, "jobs:write")
    if decision not in DECISIONS:
        raise InputError(f"the decision must be one of {', '.join(DECISIONS)}")
    if decision == "edit" and (not text or not text.strip()):
        raise InputError("an edit needs the new text")
    if text is not None and len(text) > MAX_EDIT:
        raise InputError(f"the edited text is longer than {MAX_EDIT} characters")
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
        bullets = json.loads(cipher.decrypt(result_blob) or "{}").get("bullets", [])
        if not 0 <= bullet_index < len(bullets):
            raise InputError(f"the item has no bullet {bullet_index} (it has {len(bullets)})")
        review = json.loads(cipher.decrypt(review_blob)) if review_blob else {}
        review[str(bullet_index)] = {
            "decision": decision,
            "text": text.strip() if decision == "edit" and text else None,
            "by": principal.username,
            "at": utcnow().isoformat(),
        }
        stored = cipher.encrypt(json.dumps(review, ensure_ascii=False))
        same = JobItem.review.is_(None) if review_blob is None else JobItem.review == review_blob
        # Two reviewers on different bullets of one item must not overwrite each other: retry on a lost race.
        if s.execute(update(JobItem).where(JobItem.id == item_id, same).values(review=stored)).rowcount == 1:
            audit.record(s, actor=principal.username, action=f"review.{decision}", target=f"{item_id}:{bullet_index}")
            s.commit()
            return {int(k): v for k, v in review.items()}
        s.rollback()
    raise Conflict("the review changed while saving; try again")
