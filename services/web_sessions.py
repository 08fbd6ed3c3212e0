"""Web sign-in sessions kept in the database: a browser's cookie is only as good as its row.

Signing in opens a row and hands out a one-time ticket; the browser trades the ticket for an HttpOnly cookie
(webapp/session_routes.py), whose secret is stored only as a SHA-256. Every run of the web app looks its session
up again (`principal_of`), so a session signed out, revoked ("sign out everywhere", by the user or an admin),
expired, older than the user's last password change, or of a disabled user opens nothing, in every tab at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from core.config import Settings
from db.models import User, WebSession, as_utc, utcnow
from services import audit, users
from services.principal import Principal, require_admin

TICKET_TTL_S = 60  # the page offers its ticket at once; a minute covers a slow first load
EXPIRED_KEPT = timedelta(days=1)  # an expired session's row is deleted this long after its expiry


@dataclass(frozen=True)
class Opened:
    """A new session: its id (kept server-side by the tab) and the one-time ticket the browser trades for a cookie."""

    session_id: int
    ticket: str


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _sign(settings: Settings, secret: str) -> str:
    key = settings.require_cookie_key().encode("utf-8")
    return hmac.new(key, f"web-session:{secret}".encode(), hashlib.sha256).hexdigest()


def _secret_of(settings: Settings, cookie: str) -> str | None:
    """The cookie's secret when its signature matches this install's cookie key, else None."""
    secret, _, sig = cookie.partition(".")
    if not secret or not hmac.compare_digest(sig, _sign(settings, secret)):
        return None
    return secret


def _alive(row: WebSession, user: User, now: datetime) -> bool:
    """The one rule for a usable session (every check below goes through it)."""
    changed = as_utc(user.password_changed_at)
    return (
        row.revoked_at is None
        and as_utc(row.expires_at) > now  # type: ignore[operator]
        and not user.disabled
        and (changed is None or as_utc(row.created_at) >= changed)  # type: ignore[operator]
    )


def _principal(user: User) -> Principal:
    return Principal(user_id=user.id, username=user.username, role=user.role, team=user.team)  # type: ignore[arg-type]


def open_session(
    s: Session, *, principal: Principal, settings: Settings, address: str | None = None, now: datetime | None = None
) -> Opened:
    """Open a session for a user whose password was just checked; returns its id and the cookie ticket."""
    now = now or utcnow()
    purge_expired(s, user_id=principal.user_id, now=now)  # the user's own, while we are here
    ticket = secrets.token_urlsafe(32)
    row = WebSession(
        user_id=principal.user_id,
        ticket_hash=_sha(ticket),
        ticket_expires_at=now + timedelta(seconds=TICKET_TTL_S),
        created_at=now,
        expires_at=now + timedelta(days=settings.cookie_expiry_days),
        address=(address or None) and address[:64],
    )
    s.add(row)
    s.flush()
    return Opened(session_id=row.id, ticket=ticket)


def sign_in(
    s: Session, *, username: str, password: str, settings: Settings, address: str | None = None
) -> tuple[Principal, Opened] | None:
    """Check a typed name and password (services.users.authenticate: throttled, audited) and open a session.

    Names are unique ignoring case, so "Rita" signs in "rita". None for a wrong name or password (the caller says
    so without telling which); SignInPaused propagates while the name or the address is locked.
    """
    typed = username.strip()
    stored = s.scalar(select(User.username).where(func.lower(User.username) == typed.lower()))
    principal = users.authenticate(s, username=stored or typed, password=password, address=address)
    if principal is None:
        return None
    return principal, open_session(s, principal=principal, settings=settings, address=address)


def purge_expired(s: Session, *, user_id: int | None = None, now: datetime | None = None) -> int:
    """Delete sessions expired more than EXPIRED_KEPT ago (a user's, or everyone's: the sweeper's hourly run).
    Returns how many rows went."""
    stmt = delete(WebSession).where(WebSession.expires_at < (now or utcnow()) - EXPIRED_KEPT)
    if user_id is not None:
        stmt = stmt.where(WebSession.user_id == user_id)
    return int(s.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def redeem_ticket(s: Session, *, ticket: str, settings: Settings, now: datetime | None = None) -> str | None:
    """Trade a ticket once for the cookie value (None when unknown, used, expired or its session is dead)."""
    now = now or utcnow()
    row = s.scalar(select(WebSession).where(WebSession.ticket_hash == _sha(ticket)))
    if row is None:
        return None
    user = s.get(User, row.user_id)
    fresh = row.ticket_expires_at is not None and as_utc(row.ticket_expires_at) > now  # type: ignore[operator]
    row.ticket_hash, row.ticket_expires_at = None, None  # used or not, a ticket is good for one try
    if user is None or not fresh or not _alive(row, user, now):
        return None
    secret = secrets.token_urlsafe(32)
    row.cookie_hash = _sha(secret)
    return f"{secret}.{_sign(settings, secret)}"


def principal_of(s: Session, *, session_id: int, now: datetime | None = None) -> Principal | None:
    """The signed-in user of a session as the database has them now; None when the session no longer opens."""
    found = s.execute(
        select(WebSession, User).join(User, User.id == WebSession.user_id).where(WebSession.id == session_id)
    ).first()
    if found is None or not _alive(found[0], found[1], now or utcnow()):
        return None
    return _principal(found[1])


def session_for_cookie(
    s: Session, *, cookie: str, settings: Settings, now: datetime | None = None
) -> tuple[int, Principal] | None:
    """The session id and user a browser's cookie stands for, or None (forged, unknown, revoked, expired)."""
    secret = _secret_of(settings, cookie)
    if secret is None:
        return None
    found = s.execute(
        select(WebSession, User).join(User, User.id == WebSession.user_id).where(WebSession.cookie_hash == _sha(secret))
    ).first()
    if found is None or not _alive(found[0], found[1], now or utcnow()):
        return None
    return found[0].id, _principal(found[1])


def ticket_pending(s: Session, *, session_id: int, now: datetime | None = None) -> bool:
    """True while the session's ticket has not been traded and may still be (the page keeps offering it)."""
    row = s.get(WebSession, session_id)
    return bool(
        row is not None and row.ticket_hash is not None and as_utc(row.ticket_expires_at) > (now or utcnow())  # type: ignore[operator]
    )


def close(s: Session, *, session_id: int, why: str = "sign_out", address: str | None = None) -> None:
    """Sign one session out (the sidebar's Sign out); its cookie opens nothing from now on."""
    row = s.get(WebSession, session_id)
    if row is None or row.revoked_at is not None:
        return
    row.revoked_at, row.revoked_why = utcnow(), why
    user = s.get(User, row.user_id)
    audit.record(s, actor=user.username if user else None, action="logout", address=address)


def close_by_cookie(s: Session, *, cookie: str, settings: Settings) -> None:
    """Sign out the session a cookie stands for (the cookie-clearing route), if any."""
    found = session_for_cookie(s, cookie=cookie, settings=settings)
    if found is not None:
        close(s, session_id=found[0])


def close_all(s: Session, *, username: str, actor: Principal | None) -> int:
    """Sign a user out everywhere: every open session of theirs is revoked. Returns how many were open.

    A user may do it for themselves; for anyone else it takes an admin.
    """
    if actor is None or actor.username != username:
        require_admin(actor)
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        return 0
    why = "everywhere" if actor is not None and actor.username == username else "admin"
    result = s.execute(
        update(WebSession)
        .where(WebSession.user_id == user.id, WebSession.revoked_at.is_(None), WebSession.expires_at > utcnow())
        .values(revoked_at=utcnow(), revoked_why=why)
    )
    count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    audit.record(s, actor=actor or "cli", action="sessions.revoke_all", target=username, detail={"sessions": count})
    return count


def check_ready(s: Session) -> None:
    """Raise the database's error when it is unreachable or not migrated this far (the sign-in page says so)."""
    s.execute(select(WebSession.id).limit(1))


def open_sessions(s: Session, *, username: str, now: datetime | None = None) -> list[dict[str, Any]]:
    """A user's sessions that still open, newest first: when each began, until when, and from where."""
    now = now or utcnow()
    rows = s.execute(
        select(WebSession, User)
        .join(User, User.id == WebSession.user_id)
        .where(User.username == username, WebSession.revoked_at.is_(None))
        .order_by(WebSession.created_at.desc())
    ).all()
    return [
        {"id": row.id, "created_at": row.created_at, "expires_at": row.expires_at, "address": row.address}
        for row, user in rows
        if _alive(row, user, now)
    ]
