"""One pair processed while the caller waits: a one-item job run in this process (same ledger, limits, audit)."""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.errors import DailyLimitReached
from core.types import RewriteOptions
from db.models import JobItem, utcnow
from db.session import runtime_of
from services.jobs import submit_job
from services.principal import Principal

POLL_S = 0.05


class InlineRunner(Protocol):
    """Runs an item in this process: `load()` readies the pipeline, a call runs the item (workers.tasks.ItemRunner)."""

    def load(self) -> None:
        """Load what running an item needs (once per process)."""

    def __call__(self, item_id: str) -> object:
        """Run the item to its end."""


class _NoQueue:
    """This process runs the item itself; workers may still pick it up if it is left behind."""

    def enqueue(self, item_ids: Any) -> int:
        return 0

    def missing(self, item_ids: Any) -> list[str]:
        return []


def process_pair_now(
    s: Session,
    *,
    principal: Principal,
    resume: str,
    jd: str,
    run_item: InlineRunner,
    options: RewriteOptions | dict[str, Any] | None = None,
    timeout_s: float = 30.0,
    ref: str | None = None,
) -> dict[str, Any]:
    """The CONTRACTS item result of one pair; raises TimeoutError when it takes longer than timeout_s.

    `run_item(item_id)` runs the item in this process (the caller passes the worker's public runner,
    `workers.tasks.item_runner`): services never import workers.

    Raises InvalidRows/InputError for bad input and DailyLimitReached like submit_job.
    """
    out = submit_job(
        s,
        principal=principal,
        pairs=[{"resume": resume, "jd": jd, "ref": ref}],
        options=options,
        source="api",
        queue=_NoQueue(),
    )
    item_id = s.scalar(select(JobItem.id).where(JobItem.job_id == out["job_id"]))
    run_item.load()  # loading the pipeline is not part of the pair's time budget
    worker = threading.Thread(target=run_item, args=(item_id,), daemon=True, name="sync-item")
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
            raise DailyLimitReached(runtime_of(s).cipher.decrypt(error) or "a daily cost limit was reached")
        if status in ("failed", "cancelled", "quarantined"):
            return {"status": "FAILED", "error": runtime_of(s).cipher.decrypt(error) or status}
        if time.monotonic() - started >= timeout_s:
            raise TimeoutError(f"the pair is still being processed after {timeout_s:g}s (job {out['job_id']})")
        time.sleep(POLL_S)
