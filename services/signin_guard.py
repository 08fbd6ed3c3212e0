"""Web sign-in throttling: per typed username and per client address, exponential backoff, temporary lockout.

Each key ("user:<name as typed, lower-cased>", "addr:<address>") counts failed sign-ins. The first
ATS_SIGNIN_FREE_FAILURES (per name) or ATS_SIGNIN_FREE_FAILURES_PER_ADDRESS (per address) cost nothing; each one
after that locks the key for ATS_SIGNIN_LOCK_BASE_S doubled per further failure, up to ATS_SIGNIN_MAX_LOCK_S.
While either key is locked a sign-in is refused without looking at the password, so guessing on gains nothing;
names that do not exist are counted the same way, so a lock tells nothing about which names exist. A success
clears its name's count (never the address's: one good account must not reset a sweep over many). Counts are
forgotten ATS_SIGNIN_FORGET_S after the last failure. A lock beginning is a security event.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.config import Settings
from db.models import SignInThrottle, as_utc, utcnow
from services import audit


@dataclass(frozen=True)
class Verdict:
    """Whether a sign-in may be tried now, and if not, in how many seconds."""

    allowed: bool
    retry_after_s: int = 0


def _keys(username: str, address: str | None) -> list[str]:
    keys = [f"user:{username.strip().lower()[:64]}"]
    if address:
        keys.append(f"addr:{address[:64]}")
    return keys


def _free(key: str, settings: Settings) -> int:
    return settings.signin_free_failures if key.startswith("user:") else settings.signin_free_failures_per_address


def check(
    s: Session, *, settings: Settings, username: str, address: str | None, now: datetime | None = None
) -> Verdict:
    """Allowed unless the name or the address is locked now."""
    now = now or utcnow()
    keys = _keys(username, address)
    until = [as_utc(t) for t in s.scalars(select(SignInThrottle.locked_until).where(SignInThrottle.key.in_(keys)))]
    wait = max(((t - now).total_seconds() for t in until if t is not None), default=0.0)
    return Verdict(allowed=wait <= 0, retry_after_s=max(0, math.ceil(wait)))


def failed(
    s: Session, *, settings: Settings, username: str, address: str | None, now: datetime | None = None
) -> Verdict:
    """Count a failed sign-in for the name and the address; returns how long sign-in now waits (0: not locked)."""
    now = now or utcnow()
    waits = []
    for key in _keys(username, address):
        failures = _count(s, key, now, forget=now - timedelta(seconds=settings.signin_forget_s))
        over = failures - _free(key, settings)
        lock_s = min(settings.signin_max_lock_s, settings.signin_lock_base_s * 2 ** (over - 1)) if over > 0 else 0.0
        if lock_s:
            s.execute(
                update(SignInThrottle)
                .where(SignInThrottle.key == key)
                .values(locked_until=now + timedelta(seconds=lock_s))
            )
        if over == 1:
            audit.security_event(
                s,
                kind="signin_locked",
                severity="high",
                actor=username[:64] if key.startswith("user:") else None,
                address=address,
                detail={"by": key.split(":", 1)[0], "failures": failures, "locked_s": lock_s},
            )
        waits.append(lock_s)
    return Verdict(allowed=not any(waits), retry_after_s=math.ceil(max(waits, default=0.0)))


def succeeded(s: Session, *, username: str) -> None:
    """A correct password: the name's count starts again (the address's does not)."""
    s.execute(delete(SignInThrottle).where(SignInThrottle.key == _keys(username, None)[0]))


def purge_forgotten(s: Session, *, settings: Settings, now: datetime | None = None) -> int:
    """Delete counts already forgotten (last failure over ATS_SIGNIN_FORGET_S ago) whose lock, if any, is over:
    they would start again from one anyway. Returns how many rows went."""
    now = now or utcnow()
    forget = now - timedelta(seconds=settings.signin_forget_s)
    done = (SignInThrottle.locked_until.is_(None)) | (SignInThrottle.locked_until < now)
    stmt = delete(SignInThrottle).where(SignInThrottle.last_failure_at < forget, done)
    return int(s.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def _count(s: Session, key: str, now: datetime, *, forget: datetime) -> int:
    """Add one failure to key in one statement (concurrent sign-ins each count) and return the new count."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(SignInThrottle).values(key=key, failures=1, locked_until=None, last_failure_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=["key"],
        set_={
            "failures": case((SignInThrottle.last_failure_at < forget, 1), else_=SignInThrottle.failures + 1),
            "last_failure_at": now,
        },
    )
    return int(s.execute(stmt.returning(SignInThrottle.failures)).scalar_one())
