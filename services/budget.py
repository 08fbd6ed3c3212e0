"""The database-backed Budget: daily cost limits per user, per API key and global, checked before each call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, case, func, select
from sqlalchemy.orm import Session

from core.config import Settings
from core.errors import DailyLimitReached
from db.models import DailyLimit, LlmCall, User


def today() -> date:
    """The UTC day limits are counted in."""
    return datetime.now(UTC).date()


def next_day_start() -> datetime:
    """Midnight UTC at the start of tomorrow: when paused items resume."""
    start = datetime.combine(today() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return start


@dataclass(frozen=True)
class Limits:
    """The three limits that apply to one owner and key (USD per UTC day)."""

    global_usd: float
    user_usd: float
    key_usd: float | None


@dataclass(frozen=True)
class Spent:
    """What was booked today globally, by the user and by the key."""

    global_usd: float
    user_usd: float
    key_usd: float


def limits_for(s: Session, settings: Settings, *, username: str | None, key_id: int | None) -> Limits:
    """Settings' defaults, overridden by admin-set rows (scope global, user:<name>, key:<id>)."""
    scopes = ["global", f"user:{username}", f"key:{key_id}"]
    rows = dict(s.execute(select(DailyLimit.scope, DailyLimit.limit_usd).where(DailyLimit.scope.in_(scopes))).all())
    return Limits(
        global_usd=rows.get("global", settings.daily_limit_usd),
        user_usd=rows.get(f"user:{username}", settings.user_daily_limit_usd),
        key_usd=rows.get(f"key:{key_id}", settings.key_daily_limit_usd) if key_id is not None else None,
    )


def spent_today(s: Session, *, user_id: int | None, key_id: int | None) -> Spent:
    """Today's booked cost (one query over the ledger)."""
    row = s.execute(
        select(
            func.coalesce(func.sum(LlmCall.usd), 0.0),
            func.coalesce(func.sum(case((LlmCall.user_id == user_id, LlmCall.usd), else_=0.0)), 0.0),
            func.coalesce(func.sum(case((LlmCall.api_key_id == key_id, LlmCall.usd), else_=0.0)), 0.0),
        ).where(LlmCall.day == today())
    ).one()
    return Spent(float(row[0]), float(row[1]), float(row[2]))


def check(s: Session, settings: Settings, *, user_id: int, key_id: int | None, estimated_usd: float) -> None:
    """Raise DailyLimitReached when spending estimated_usd now would pass any of the three limits."""
    username = s.scalar(select(User.username).where(User.id == user_id))
    limits = limits_for(s, settings, username=username, key_id=key_id)
    spent = spent_today(s, user_id=user_id, key_id=key_id)
    checks = [("global", limits.global_usd, spent.global_usd), ("user", limits.user_usd, spent.user_usd)]
    if limits.key_usd is not None:
        checks.append(("api key", limits.key_usd, spent.key_usd))
    for scope, limit, used in checks:
        if used + estimated_usd > limit + 1e-9:
            raise DailyLimitReached(
                f"the {scope} daily cost limit of ${limit:.2f} would be passed "
                f"(spent today ${used:.4f}, this needs about ${estimated_usd:.4f}); "
                "it resets at midnight UTC or when an admin raises the limit",
                scope=scope,
                limit_usd=limit,
                spent_usd=used,
            )


class DbBudget:
    """The pipeline's Budget for one item: checks the ledger of its owner and key before each paid call."""

    def __init__(self, engine: Engine, settings: Settings, *, user_id: int, key_id: int | None) -> None:
        self._engine = engine
        self._settings = settings
        self._user_id = user_id
        self._key_id = key_id

    def check(self, estimated_usd: float) -> None:
        """Raise DailyLimitReached if this call would pass a limit; free calls are never refused."""
        if estimated_usd <= 0:
            return  # skips a query per offline call; a free call cannot pass a limit
        with Session(self._engine) as s:
            check(s, self._settings, user_id=self._user_id, key_id=self._key_id, estimated_usd=estimated_usd)
