"""One pair processed while the caller waits: a one-item job run in this process (same ledger, limits, audit)."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.errors import DailyLimitReached
from core.types import RewriteOptions
from db.models import JobItem, utcnow
from db.session import runtime_of
from services.jobs import submit_job
from services.principal import Principal

POLL_S = 0.05


class _NoQueue:
    """This process runs the item itself; workers may still pick it up if it is left behind."""

    def enqueue(self, item_ids: Any) -> int:
        return 0

    def missing(self, item_ids: Any) -> list[str]:
        return []


_runtime_lock = threading.Lock()


def _ensure_runtime(settings: Any) -> None:
    from workers import runtime

    with _runtime_lock:
        if runtime._RUNTIME is None or runtime._RUNTIME.settings.database_url != settings.database_url:
            runtime.init_runtime(settings)


def process_pair_now(
    s: Session,
    *,
    principal: Principal,
    resume: str,
    jd: str,
    options: RewriteOptions | dict[str, Any] | None = None,
    timeout_s: float = 30.0,
) -> dict[str, Any]:
    """The CONTRACTS item result of one pair; raises TimeoutError when it takes longer than timeout_s.

    Raises InvalidRows/InputError for bad input and DailyLimitReached like submit_job.
    """
    settings = runtime_of(s).settings
    out = submit_job(
        s, principal=principal, pairs=[{"resume": resume, "jd": jd}], options=options, source="api", queue=_NoQueue()
    )
    item_id = s.scalar(select(JobItem.id).where(JobItem.job_id == out["job_id"]))
    _ensure_runtime(settings)
    from workers.tasks import process_item

    worker = threading.Thread(target=process_item, args=(item_id,), daemon=True, name="sync-item")
    started = time.monotonic()
    worker.start()
    worker.join(timeout_s)
    while True:
        # Another worker may have claimed the item first: then wait for its result until the deadline.
        status, result, error = s.execute(
            select(JobItem.status, JobItem.result, JobItem.error).where(JobItem.id == item_id)
        ).one()
        s.commit()  # end the read transaction so the next poll sees new writes
        if result:
            return json.loads(runtime_of(s).cipher.decrypt(result) or "{}")
        if status == "paused_limit":
            s.execute(update(JobItem).where(JobItem.id == item_id).values(status="cancelled", finished_at=utcnow()))
            s.commit()
            raise DailyLimitReached(error or "a daily cost limit was reached")
        if status in ("failed", "cancelled", "quarantined"):
            return {"status": "FAILED", "error": error or status}
        if time.monotonic() - started >= timeout_s:
            raise TimeoutError(f"the pair is still being processed after {timeout_s:g}s (job {out['job_id']})")
        time.sleep(POLL_S)
