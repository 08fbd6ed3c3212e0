"""Small display helpers shared by the pages: statuses, money, times and job labels."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from webapp import labels

OPEN_STATUSES = frozenset({"queued", "running"})


def status_text(status: str) -> str:
    """A status in words (plain text: it also goes into pickers and tables, where icons do not render)."""
    return labels.status(status)


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


def job_name(job: dict[str, Any]) -> str:
    """What the job is called: its stored name (the JD's title or the file), else when it was submitted."""
    return str(job.get("name") or f"Job of {when(job.get('created_at'))}")


def job_label(job: dict[str, Any]) -> str:
    """One line naming a job in pickers: name, size, owner, day (no status: pickers are not redrawn as it changes)."""
    total = int(job.get("total", 0))
    created = job.get("created_at")
    day = f" · {created:%d %b %Y}" if isinstance(created, datetime) else ""
    return f"{job_name(job)} · {total} candidate{'s' if total != 1 else ''} · {job.get('owner', '')}{day}"


def done_count(job: dict[str, Any]) -> int:
    """Items that reached a final status."""
    counts = job.get("counts", {})
    return sum(counts.get(k, 0) for k in ("completed", "failed", "quarantined", "cancelled"))
