"""A job's status, counts and progress, derived from its items (so progress bars are exact)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Job, JobItem, LlmCall, as_utc

ITEM_STATUSES = ("queued", "running", "paused_limit", "completed", "failed", "quarantined", "cancelled")
TERMINAL = frozenset({"completed", "failed", "quarantined", "cancelled"})
OPEN = ("queued", "running", "paused_limit")
STAGES = ("INGEST", "EXTRACT_SIGNALS", "PROCESS", "VALIDATE", "OUTPUT", "COMPLETED", "FAILED")


def derive_status(counts: dict[str, int], total: int, cancelled: bool) -> str:
    """The job status of CONTRACTS.md from its item counts."""
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


def status_dicts(s: Session, jobs: Sequence[Job]) -> list[dict[str, Any]]:
    """Status dicts of several jobs in three queries (counts, stages and cost grouped by job)."""
    ids = [j.id for j in jobs]
    if not ids:
        return []
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(ITEM_STATUSES, 0))
    stages: dict[str, dict[str, int]] = defaultdict(dict)
    rows = s.execute(
        select(JobItem.job_id, JobItem.status, JobItem.stage, func.count())
        .where(JobItem.job_id.in_(ids))
        .group_by(JobItem.job_id, JobItem.status, JobItem.stage)
    ).all()
    for job_id, status, stage, n in rows:
        counts[job_id][status] = counts[job_id].get(status, 0) + n
        stages[job_id][stage] = stages[job_id].get(stage, 0) + n
    cost = dict(
        s.execute(
            select(LlmCall.job_id, func.coalesce(func.sum(LlmCall.usd), 0.0))
            .where(LlmCall.job_id.in_(ids))
            .group_by(LlmCall.job_id)
        ).all()
    )
    return [status_dict(job, counts[job.id], stages[job.id], float(cost.get(job.id, 0.0))) for job in jobs]


def status_dict(job: Job, counts: dict[str, int], stages: dict[str, int], cost_usd: float) -> dict[str, Any]:
    """The status dict of one job from its item counts per status and per stage and its LLM cost."""
    c = {**dict.fromkeys(ITEM_STATUSES, 0), **counts}
    done = sum(c.get(k, 0) for k in TERMINAL)
    return {
        "job_id": job.id,
        "status": derive_status(c, job.total, job.cancelled_at is not None),
        "counts": c,
        "stages": {k: v for k, v in sorted(stages.items(), key=lambda kv: _stage_pos(kv[0]))},
        "total": job.total,
        "progress": round(done / job.total, 4) if job.total else 1.0,
        "cost_usd": round(cost_usd, 6),
        "estimated_cost": job.estimated_usd,
        "created_at": as_utc(job.created_at),
        "finished_at": as_utc(job.finished_at),
        "source": job.source,
        "owner_id": job.owner_id,
    }


def _stage_pos(stage: str) -> int:
    return STAGES.index(stage) if stage in STAGES else len(STAGES)
