"""Small display helpers shared by the pages: statuses, money, times and job labels."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

OPEN_STATUSES = frozenset({"queued", "running"})


def status_text(status: str) -> str:
    """A status in words (plain text: it also goes into pickers and tables, where icons do not render)."""
    return status.replace("_", " ")


def money(usd: float | None) -> str:
    """Dollars with enough places for sub-cent model calls."""
    return "—" if usd is None else f"${usd:,.4f}"


def when(moment: datetime | None) -> str:
    """A UTC timestamp as 'YYYY-MM-DD HH:MM UTC'."""
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def job_label(job: dict[str, Any]) -> str:
    """One line naming a job in pickers: when, status, size, owner."""
    return (
        f"{when(job.get('created_at'))} · {status_text(job['status'])} · {job.get('total', 0)} item(s)"
        f" · {job.get('owner', '')} · {job['job_id'][:8]}"
    )


def done_count(job: dict[str, Any]) -> int:
    """Items that reached a final status."""
    counts = job.get("counts", {})
    return sum(counts.get(k, 0) for k in ("completed", "failed", "quarantined", "cancelled"))
