"""What a manager asks of a team's work: throughput per recruiter, review completion, coverage, lift, gaps.

Read from the finished items of a date range (their results and review state, decrypted here), newest first
and at most `limit` of them; `truncated` says when the range held more.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Job, JobItem, User
from db.session import runtime_of

MAX_ITEMS = 5000
THROUGHPUT_COLUMNS = ["recruiter", "jobs", "candidates", "completed", "to review", "reviewed"]
MISSING_COLUMNS = ["skill", "candidates missing it", "share"]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The range as [start 00:00 UTC, the day after end 00:00 UTC)."""
    return datetime.combine(start, time.min, tzinfo=UTC), datetime.combine(
        end + timedelta(days=1), time.min, tzinfo=UTC
    )


def _rewritten(result: dict[str, Any]) -> list[int]:
    """Bullets with a proposed rewrite (the ones a reviewer decides)."""
    return [
        int(b["index"])
        for b in result.get("bullets") or []
        if b.get("rewrite") and b.get("rewrite") != b.get("original")
    ]


def _required_share(result: dict[str, Any]) -> float | None:
    required = [c for c in result.get("coverage") or [] if c.get("required")]
    return sum(1 for c in required if c.get("after")) / len(required) if required else None


def team_report(
    s: Session,
    *,
    start: date,
    end: date,
    team: str | None = None,
    user_id: int | None = None,
    limit: int = MAX_ITEMS,
) -> dict[str, Any]:
    """Throughput per recruiter, review completion, mean required coverage and lift, most-missing skills."""
    lo, hi = _bounds(start, end)
    q = (
        select(JobItem.job_id, JobItem.status, JobItem.result, JobItem.review, User.username)
        .join(Job, Job.id == JobItem.job_id)
        .join(User, User.id == JobItem.owner_id)
        .where(JobItem.finished_at >= lo, JobItem.finished_at < hi)
        .order_by(JobItem.finished_at.desc())
        .limit(limit + 1)
    )
    if team:
        q = q.where(Job.team == team)
    if user_id is not None:
        q = q.where(JobItem.owner_id == user_id)
    rows = s.execute(q).all()
    truncated = len(rows) > limit
    cipher = runtime_of(s).cipher
    per: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"jobs": set(), "candidates": 0, "completed": 0, "to": 0, "done": 0}
    )
    coverage: list[float] = []
    lifts: list[float] = []
    missing: Counter[str] = Counter()
    judged = 0
    for job_id, status, result_blob, review_blob, username in rows[:limit]:
        mine = per[username]
        mine["jobs"].add(job_id)
        mine["candidates"] += 1
        if status != "completed" or not result_blob:
            continue
        mine["completed"] += 1
        result = json.loads(cipher.decrypt(result_blob))
        review = json.loads(cipher.decrypt(review_blob)) if review_blob else {}
        wanted = _rewritten(result)
        mine["to"] += len(wanted)
        mine["done"] += sum(1 for i in wanted if str(i) in review)
        share = _required_share(result)
        if share is not None:
            coverage.append(share)
            judged += 1
            for c in result.get("coverage") or []:
                if c.get("required") and not c.get("after"):
                    missing[str(c.get("jd_name") or c.get("skill"))] += 1
        if result.get("score_before") is not None and result.get("score_after") is not None:
            lifts.append(float(result["score_after"]) - float(result["score_before"]))
    throughput = pd.DataFrame(
        [
            [name, len(v["jobs"]), v["candidates"], v["completed"], v["to"], v["done"]]
            for name, v in sorted(per.items(), key=lambda kv: (-kv[1]["candidates"], kv[0]))
        ],
        columns=THROUGHPUT_COLUMNS,
    )
    gaps = pd.DataFrame(
        [[skill, n, round(n / judged, 3)] for skill, n in missing.most_common(15)], columns=MISSING_COLUMNS
    )
    to_review, reviewed = int(throughput["to review"].sum()), int(throughput["reviewed"].sum())
    return {
        "throughput": throughput,
        "missing": gaps,
        "to_review": to_review,
        "reviewed": reviewed,
        "review_completion": round(reviewed / to_review, 3) if to_review else None,
        "mean_coverage": round(sum(coverage) / len(coverage), 3) if coverage else None,
        "mean_lift": round(sum(lifts) / len(lifts), 2) if lifts else None,
        "candidates": len(rows[:limit]),
        "truncated": truncated,
    }
