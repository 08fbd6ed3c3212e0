"""Retention: remove the texts and results of old jobs; keep the ledger, scores and counts for the dashboards."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from core.errors import InputError
from db.models import Job, JobItem, JobJd, utcnow
from services import audit
from services.principal import Principal, require_admin

_AGE = re.compile(r"^\s*(\d+)\s*([dhw]?)\s*$")
_UNIT = {"d": "days", "": "days", "h": "hours", "w": "weeks"}


def parse_age(text: str) -> timedelta:
    """'30d', '12h', '2w' or '30' (days) as a timedelta."""
    match = _AGE.match(text or "")
    if not match:
        raise InputError(f"cannot read the age {text!r}; write it like 30d, 12h or 2w")
    return timedelta(**{_UNIT[match.group(2)]: int(match.group(1))})


def purge(s: Session, *, older_than: timedelta, actor: Principal | None = None) -> dict[str, Any]:
    """Blank resume/JD texts (the job's stored JDs too), saved states, results and reviews of finished jobs created
    before the cutoff."""
    require_admin(actor)
    cutoff = utcnow() - older_than
    job_ids = list(
        s.scalars(select(Job.id).where(Job.created_at < cutoff, Job.finished_at.is_not(None), Job.purged_at.is_(None)))
    )
    items = 0
    for start in range(0, len(job_ids), 500):
        batch = job_ids[start : start + 500]
        items += (
            s.execute(
                update(JobItem)
                .where(JobItem.job_id.in_(batch))
                .values(resume_text=None, jd_text=None, state=None, result=None, review=None)
            ).rowcount
            or 0
        )
        s.execute(update(JobJd).where(JobJd.job_id.in_(batch)).values(text=None))
        s.execute(update(Job).where(Job.id.in_(batch)).values(purged_at=utcnow(), callback_url=None))
    audit.record(
        s,
        actor=actor or "system",
        action="purge",
        detail={"jobs": len(job_ids), "items": items, "cutoff": cutoff.isoformat()},
    )
    s.commit()
    return {"jobs": len(job_ids), "items": items, "cutoff": cutoff.isoformat()}


def purge_engine(engine: Engine, *, days: int) -> dict[str, Any]:
    """purge() in its own session (the worker's daily run)."""
    with Session(engine) as s:
        return purge(s, older_than=timedelta(days=days))
