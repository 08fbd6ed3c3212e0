"""A job's status, counts and progress, derived from its items (so progress bars are exact) by core.statuses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.statuses import ITEM_STATUSES, OPEN, STAGES, TERMINAL, derive_status
from db.models import Job, JobItem, LlmCall, as_utc

__all__ = ["ITEM_STATUSES", "OPEN", "STAGES", "TERMINAL", "derive_status", "status_dict", "status_dicts"]


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
        "name": job.name,
        "owner_id": job.owner_id,
    }


def _stage_pos(stage: str) -> int:
    return STAGES.index(stage) if stage in STAGES else len(STAGES)


# Job statuses (CONTRACTS) as the earlier app named them: it knew only these three.
_LEGACY_JOB_STATUS = {
    "queued": "processing",
    "running": "processing",
    "completed": "completed",
    "partially_failed": "completed",
    "failed": "failed",
    "cancelled": "failed",
}


def legacy_job_status(status: str) -> str:
    """processing | completed | failed."""
    return _LEGACY_JOB_STATUS.get(status, "processing")


def status_fields(status: dict[str, Any]) -> dict[str, Any]:
    """The status as the API and webhooks publish it: ours plus the earlier app's fields (`status` in its
    vocabulary, `job_status` in ours)."""
    counts = {k: int(v) for k, v in (status.get("counts") or {}).items()}
    total = int(status.get("total") or sum(counts.values()))
    processed = sum(counts.get(k, 0) for k in TERMINAL)
    return {
        **status,
        "counts": counts,
        "stages": {k: int(v) for k, v in (status.get("stages") or {}).items()},
        "progress": float(status.get("progress") or 0.0),
        "cost_usd": float(status.get("cost_usd") or 0.0),
        "job_status": status.get("status"),
        "status": legacy_job_status(str(status.get("status"))),
        "total_candidates": total,
        "processed_candidates": processed,
    }
