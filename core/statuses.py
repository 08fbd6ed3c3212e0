"""The status words of CONTRACTS.md and the one rule that derives a job's status from its items' statuses.

Every layer reads these names from here (the API, the web app, metrics, the workers' SQL), so a job never reads one
way in the API and another on a dashboard.
"""

from __future__ import annotations

from collections.abc import Mapping

ITEM_STATUSES = ("queued", "running", "paused_limit", "completed", "failed", "quarantined", "cancelled")
OPEN = ("queued", "running", "paused_limit")  # an item a worker may still touch; a job with one is not finished
TERMINAL = frozenset({"completed", "failed", "quarantined", "cancelled"})
FAILED = ("failed", "quarantined")  # finished without a result
JOB_STATUSES = ("queued", "running", "completed", "partially_failed", "failed", "cancelled")
JOB_FINISHED = frozenset({"completed", "partially_failed", "failed", "cancelled"})  # a job status that stays
STAGES = ("INGEST", "EXTRACT_SIGNALS", "PROCESS", "VALIDATE", "OUTPUT", "COMPLETED", "FAILED")
OPEN_STAGES = STAGES[:5]  # where an unfinished item can be


def derive_status(counts: Mapping[str, int], total: int, cancelled: bool) -> str:
    """The job status from its item counts per status, its item total and whether it was cancelled.

    queued: nothing started (a job whose only items are paused by a limit has not run either); running: some item
    running or finished while others wait; cancelled: cancelled and nothing still running, or every item either
    completed or cancelled with at least one cancelled; then completed / partially_failed / failed by the finished
    items.
    """
    done = sum(counts.get(k, 0) for k in TERMINAL)
    if cancelled and counts.get("running", 0) == 0:
        return "cancelled"
    if total and done >= total:
        completed = counts.get("completed", 0)
        if counts.get("cancelled", 0) and completed + counts.get("cancelled", 0) == total and completed < total:
            return "cancelled"
        if completed == total:
            return "completed"
        return "failed" if completed == 0 else "partially_failed"
    if counts.get("running", 0) or done:
        return "running"
    return "queued"
