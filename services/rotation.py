"""Re-encrypt every stored text under the newest ATS_ENCRYPTION_KEY (MultiFernet.rotate), in small batches."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.errors import ConfigError
from db.models import JobItem
from db.session import runtime_of
from services import audit
from services.principal import Principal, require_admin

BATCH = 200
COLUMNS = ("resume_text", "jd_text", "state", "result", "review")


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
    audit.record(s, actor=actor or "cli", action="rotate_key", detail={"items": rotated, "skipped": skipped})
    s.commit()
    return {"items_rotated": rotated, "items_skipped": skipped}
