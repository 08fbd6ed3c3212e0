"""Re-encrypt every stored text under the newest ATS_ENCRYPTION_KEY (MultiFernet.rotate), in small batches."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from core.errors import ConfigError
from db.models import CALL_ERROR_CHARS, JobItem, JobJd, LlmCall
from db.session import runtime_of
from services import audit
from services.principal import Principal, require_admin

BATCH = 200
COLUMNS = ("ref", "error", "resume_text", "jd_text", "state", "result", "review")


def rotate_key(s: Session, *, actor: Principal | None = None) -> dict[str, Any]:
    """Rotate every item's texts; safe to run while workers run (each row is rewritten only if unchanged)."""
    require_admin(actor)
    cipher = runtime_of(s).cipher
    if not cipher.enabled:
        raise ConfigError("ATS_ENCRYPTION_KEY is not set: put the new key first, then the old ones, comma-separated")
    cols = [getattr(JobItem, c) for c in COLUMNS]
    rotated = skipped = 0
    last = ""
    while True:
        rows = s.execute(select(JobItem.id, *cols).where(JobItem.id > last).order_by(JobItem.id).limit(BATCH)).all()
        if not rows:
            break
        for row in rows:
            old = dict(zip(COLUMNS, row[1:], strict=True))
            new = {k: cipher.rotate(v) for k, v in old.items()}
            if new == old:
                continue
            # Compare-and-set on the old values: a worker that saved meanwhile keeps its write.
            match = [getattr(JobItem, k).is_(None) if v is None else getattr(JobItem, k) == v for k, v in old.items()]
            done = s.execute(update(JobItem).where(JobItem.id == row[0], *match).values(**new)).rowcount
            rotated += done or 0
            skipped += 0 if done else 1
        s.commit()
        last = rows[-1][0]
    jds = _rotate_job_jds(s, cipher)
    calls = _rotate_call_errors(s, cipher)
    detail = {"items": rotated, "skipped": skipped, "jds": jds, "call_errors": calls}
    audit.record(s, actor=actor or "cli", action="rotate_key", detail=detail)
    s.commit()
    return {"items_rotated": rotated, "items_skipped": skipped, "jds_rotated": jds, "call_errors_rotated": calls}


def _rotate_job_jds(s: Session, cipher: Any) -> int:
    """Rotate the JDs stored once per job (written once at submission, so no compare-and-set is needed)."""
    done = 0
    last = ("", "")
    while True:
        rows = s.execute(
            select(JobJd.job_id, JobJd.jd_hash, JobJd.text)
            .where(tuple_(JobJd.job_id, JobJd.jd_hash) > tuple_(*last))
            .order_by(JobJd.job_id, JobJd.jd_hash)
            .limit(BATCH)
        ).all()
        if not rows:
            return done
        for job_id, jd_hash, text in rows:
            new = cipher.rotate(text)
            if new != text:
                s.execute(update(JobJd).where(JobJd.job_id == job_id, JobJd.jd_hash == jd_hash).values(text=new))
                done += 1
        s.commit()
        last = (rows[-1][0], rows[-1][1])


def _rotate_call_errors(s: Session, cipher: Any) -> int:
    """Rotate the ledger's provider errors (written once per call, so no compare-and-set is needed)."""
    done = 0
    last = 0
    while True:
        rows = s.execute(
            select(LlmCall.id, LlmCall.error)
            .where(LlmCall.id > last, LlmCall.error.is_not(None))
            .order_by(LlmCall.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return done
        for call_id, error in rows:
            new = cipher.rotate(error, CALL_ERROR_CHARS)
            if new != error:
                s.execute(update(LlmCall).where(LlmCall.id == call_id).values(error=new))
                done += 1
        s.commit()
        last = rows[-1][0]
