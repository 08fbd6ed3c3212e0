"""Usage for the dashboards (pandas DataFrames), today's spend, and the daily limits admins set."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Select, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.errors import InputError
from db.models import DailyLimit, Job, JobItem, LlmCall, User, utcnow
from db.session import runtime_of
from services import audit, budget
from services.dispatch import queue_for, resume_paused
from services.principal import Principal, require_admin


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min, tzinfo=UTC), datetime.combine(
        end + timedelta(days=1), time.min, tzinfo=UTC
    )


def _frame(s: Session, q: Select, columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(s.execute(q).all(), columns=columns)
    if "day" in df and len(df):
        df["day"] = pd.to_datetime(df["day"]).dt.date
    return df


def cost_per_day(
    s: Session, *, start: date, end: date, team: str | None = None, user_id: int | None = None
) -> pd.DataFrame:
    """Columns day, usd, calls, input_tokens, output_tokens (from the ledger)."""
    q = (
        select(
            LlmCall.day,
            func.sum(LlmCall.usd),
            func.count(),
            func.sum(LlmCall.input_tokens),
            func.sum(LlmCall.output_tokens),
        )
        .where(LlmCall.day >= start, LlmCall.day <= end)
        .group_by(LlmCall.day)
        .order_by(LlmCall.day)
    )
    return _frame(s, _ledger_scope(q, team, user_id), ["day", "usd", "calls", "input_tokens", "output_tokens"])


def cost_per_day_by_model(
    s: Session, *, start: date, end: date, team: str | None = None, user_id: int | None = None
) -> pd.DataFrame:
    """Columns day, provider, model, usd, calls (the ledger per day and model, for the dashboard)."""
    q = (
        select(LlmCall.day, LlmCall.provider, LlmCall.model, func.sum(LlmCall.usd), func.count())
        .where(LlmCall.day >= start, LlmCall.day <= end)
        .group_by(LlmCall.day, LlmCall.provider, LlmCall.model)
        .order_by(LlmCall.day, LlmCall.provider, LlmCall.model)
    )
    return _frame(s, _ledger_scope(q, team, user_id), ["day", "provider", "model", "usd", "calls"])


def _items_by_day(start: date, end: date, team: str | None, user_id: int | None, *cols: Any) -> Select:
    lo, hi = _bounds(start, end)
    day = func.date(JobItem.finished_at)
    q = select(day, *cols).where(JobItem.finished_at >= lo, JobItem.finished_at < hi).group_by(day).order_by(day)
    if team:
        q = q.join(Job, Job.id == JobItem.job_id).where(Job.team == team)
    if user_id is not None:
        q = q.where(JobItem.owner_id == user_id)
    return q


def _ledger_scope(q: Select, team: str | None, user_id: int | None) -> Select:
    if team:
        q = q.where(LlmCall.team == team)
    if user_id is not None:
        q = q.where(LlmCall.user_id == user_id)
    return q


def _count(status: str) -> Any:
    return func.sum(case((JobItem.status == status, 1), else_=0))


def items_per_day(
    s: Session, *, start: date, end: date, team: str | None = None, user_id: int | None = None
) -> pd.DataFrame:
    """Columns day, completed, failed, quarantined, cancelled (items that finished that day)."""
    cols = [_count(k) for k in ("completed", "failed", "quarantined", "cancelled")]
    q = _items_by_day(start, end, team, user_id, *cols)
    return _frame(s, q, ["day", "completed", "failed", "quarantined", "cancelled"])


def score_lift(
    s: Session, *, start: date, end: date, team: str | None = None, user_id: int | None = None
) -> pd.DataFrame:
    """Columns day, items, score_before, score_after, lift (means over completed items)."""
    q = _items_by_day(
        start, end, team, user_id, func.count(), func.avg(JobItem.score_before), func.avg(JobItem.score_after)
    ).where(JobItem.status == "completed", JobItem.score_before.is_not(None))
    df = _frame(s, q, ["day", "items", "score_before", "score_after"])
    df["lift"] = df["score_after"] - df["score_before"]
    return df


def cache_hit_rate(
    s: Session, *, start: date, end: date, team: str | None = None, user_id: int | None = None
) -> pd.DataFrame:
    """Columns day, hits, misses, rate (JD signal cache, per completed item)."""
    hits = func.sum(case((JobItem.signals_cached.is_(True), 1), else_=0))
    misses = func.sum(case((JobItem.signals_cached.is_(False), 1), else_=0))
    df = _frame(s, _items_by_day(start, end, team, user_id, hits, misses), ["day", "hits", "misses"])
    total = df["hits"] + df["misses"]
    df["rate"] = (df["hits"] / total.where(total > 0)).fillna(0.0)
    return df


def usage_per_user(
    s: Session, *, start: date, end: date, team: str | None = None, user_id: int | None = None
) -> pd.DataFrame:
    """Columns username, team, calls, usd, input_tokens, output_tokens."""
    q = (
        select(
            User.username,
            User.team,
            func.count(LlmCall.id),
            func.coalesce(func.sum(LlmCall.usd), 0.0),
            func.coalesce(func.sum(LlmCall.input_tokens), 0),
            func.coalesce(func.sum(LlmCall.output_tokens), 0),
        )
        .join(LlmCall, LlmCall.user_id == User.id)
        .where(LlmCall.day >= start, LlmCall.day <= end)
        .group_by(User.username, User.team)
        .order_by(func.sum(LlmCall.usd).desc(), User.username)
    )
    if team:
        q = q.where(User.team == team)
    if user_id is not None:
        q = q.where(User.id == user_id)
    return _frame(s, q, ["username", "team", "calls", "usd", "input_tokens", "output_tokens"])


def spend_today(s: Session) -> dict[str, float]:
    """Today's global spend and the global limit."""
    settings = runtime_of(s).settings
    limits = budget.limits_for(s, settings, username=None, key_id=None)
    spent = budget.spent_today(s, user_id=None, key_id=None)
    return {"spent": round(spent.global_usd, 6), "limit": limits.global_usd}


def get_daily_limits(s: Session) -> dict[str, float]:
    """Every limit in force: the settings' defaults, overridden by admin-set scopes."""
    settings = runtime_of(s).settings
    out = {
        "global": settings.daily_limit_usd,
        "user:*": settings.user_daily_limit_usd,
        "key:*": settings.key_daily_limit_usd,
    }
    out.update(dict(s.execute(select(DailyLimit.scope, DailyLimit.limit_usd)).all()))
    return out


def set_daily_limit(s: Session, *, actor: Principal | None, scope: str, value: float) -> dict[str, float]:
    """Set a limit (scope global, user:<name> or key:<id>); raising one resumes paused items at once."""
    require_admin(actor)
    if not (scope == "global" or scope.startswith(("user:", "key:"))) or scope.endswith(":"):
        raise InputError("the scope must be global, user:<username> or key:<id>")
    if value < 0:
        raise InputError("a limit cannot be negative")
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    now = utcnow()
    name = actor.username if actor else "cli"
    stmt = dialect.insert(DailyLimit).values(scope=scope, limit_usd=float(value), updated_at=now, updated_by=name)
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=["scope"], set_={"limit_usd": float(value), "updated_at": now, "updated_by": name}
        )
    )
    audit.record(s, actor=name, action="limit.set", target=scope, detail={"usd": value})
    s.commit()
    resume_paused(s.get_bind(), queue_for(runtime_of(s).settings), force=True)
    return get_daily_limits(s)
