"""Where a batch-mode job's provider batches are: shown beside its status while they run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LlmBatch


def batch_progress(s: Session, job_id: str) -> dict[str, Any]:
    """The job's batches (status, the provider's word, requests answered / failed of total) and their sums."""
    rows = s.execute(
        select(
            LlmBatch.status,
            LlmBatch.provider_status,
            LlmBatch.total,
            LlmBatch.completed,
            LlmBatch.failed,
            LlmBatch.created_at,
            LlmBatch.ended_at,
        )
        .where(LlmBatch.job_id == str(job_id))
        .order_by(LlmBatch.created_at)
    ).all()
    batches = [
        {
            "status": r.status,
            "provider_status": r.provider_status,
            "requests": r.total,
            "answered": r.completed,
            "failed": r.failed,
            "created_at": r.created_at.isoformat() if r.created_at else None,
            "ended_at": r.ended_at.isoformat() if r.ended_at else None,
        }
        for r in rows
    ]
    return {
        "batches": batches,
        "requests": sum(b["requests"] for b in batches),
        "answered": sum(b["answered"] for b in batches),
        "failed": sum(b["failed"] for b in batches),
        "running": sum(1 for b in batches if b["status"] in ("submitting", "running", "collecting")),
    }
