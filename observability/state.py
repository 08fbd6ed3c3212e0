"""Cluster-wide state gauges set from a snapshot (services.metrics_state reads it from the database at scrape time)."""

from __future__ import annotations

from typing import Any

from core.statuses import ITEM_STATUSES, JOB_STATUSES, OPEN_STAGES
from observability import metrics


def publish(snap: dict[str, Any], *, queue: str = "ats") -> None:
    """Set the state gauges from a snapshot."""
    metrics.set_labelled(metrics.ITEMS_BY_STATUS, "status", snap["items"], known=ITEM_STATUSES)
    metrics.set_labelled(metrics.ITEMS_BY_STAGE, "stage", snap["stages"], known=OPEN_STAGES)
    metrics.set_labelled(metrics.JOBS_BY_STATUS, "status", snap["jobs"], known=JOB_STATUSES)
    metrics.QUEUE_DEPTH.labels(queue=queue).set(snap["queued"])
    metrics.OLDEST_QUEUED_AGE.set(snap["oldest_queued_s"])
    metrics.ITEMS_COMPLETED_RECENT.set(snap["finished_recent"])
    metrics.ITEMS_FAILED_RECENT.set(snap["failed_recent"])
    metrics.SPEND_TODAY.set(snap["spent_today"])
    metrics.DAILY_LIMIT.set(snap["daily_limit"])
