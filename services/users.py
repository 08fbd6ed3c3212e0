"""Users: create, sign in (bcrypt), roles and teams, first-run admin."""

from __future__ import annotations

import re
import secrets
from functools import lru_cache
from typing import Any

import bcrypt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.config import Settings
from core.errors import Conflict, InputError, NotFound, SignInPaused
from db.models import User, utcnow
from db.session import runtime_of
from services import audit, signin_guard
from services.principal import ROLES, Principal, require_admin

USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
MIN_PASSWORD = 8


def hash_password(password: str, rounds: int = 12) -> str:
    """bcrypt hash of a password."""
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def _check_password(password: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        return False


def _valid_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password must have at least {MIN_PASSWORD} characters")
    if len(password.encode("utf-8")) > 72:
        raise InputError("the password must be at most 72 bytes (bcrypt's limit)")


def _get(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user named {username!r}")
    return user


def _principal(user: User) -> Principal:
    return Principal(user_id=user.id, username=user.username, role=user.role, team=user.team)  # type: ignore[arg-type]


def create_user(
    s: Session,
    *,
    username: str,
    role: str,
    team: str | None = None,
    password: str | None = None,
    email: str | None = None,
    actor: Principal | None = None,
) -> tuple[User, str | None]:
    """Create a user; returns it with the generated password (None when one was given)."""
    require_admin(actor)
    if not USERNAME.match(username or ""):
        raise InputError("the username must be 2-64 letters, digits or . _ @ -")
    if role not in ROLES:
        raise InputError(f"the role must be one of {', '.join(ROLES)}")
    # Names are unique regardless of case: the sign-in form lower-cases what is typed.
    if s.scalar(select(User.username).where(func.lower(User.username) == username.lower())) is not None:
        raise Conflict(f"a user named {username!r} already exists (names are compared ignoring case)")
    generated = None
    if password is None:
        password = generated = secrets.token_urlsafe(12)
    _valid_password(password)
    user = User(
        username=username, role=role, team=team or None, email=email, password_hash=hash_password(password, _rounds(s))
    )
    s.add(user)
    s.flush()
    audit.record(s, actor=actor or "cli", action="user.create", target=username, detail={"role": role, "team": team})
    return user, generated


def authenticate(s: Session, *, username: str, password: str, address: str | None = None) -> Principal | None:
    """The principal when the password matches an enabled user, else None (every outcome audited).

    Raises:
        SignInPaused: the name or the address is locked after repeated failures (services/signin_guard); the
            password is not checked then. Also raised by the failure that starts a lock.
    """
    settings = runtime_of(s).settings
    verdict = signin_guard.check(s, settings=settings, username=username, address=address)
    if not verdict.allowed:
        audit.record(s, actor=username, action="login.locked", address=address)
        s.commit()  # the refusal is recorded even though the caller sees an exception
        raise SignInPaused(verdict.retry_after_s)
    user = s.scalar(select(User).where(User.username == username))
    # An unknown name still pays for one bcrypt check, so timing does not tell which usernames exist.
    hashed = user.password_hash if user is not None else _dummy_hash(_rounds(s))
    if not _check_password(password, hashed) or user is None or user.disabled:
        audit.record(s, actor=username, action="login.failed", address=address)
        verdict = signin_guard.failed(s, settings=settings, username=username, address=address)
        if not verdict.allowed:
            s.commit()
            raise SignInPaused(verdict.retry_after_s)
        return None
    signin_guard.succeeded(s, username=username)
    audit.record(s, actor=username, action="login", address=address)
    return _principal(user)


def principal_for(s: Session, *, username: str) -> Principal:
    """The principal of an existing enabled user (the web app's signed-in user)."""
    user = _get(s, username)
    if user.disabled:
        raise NotFound(f"the user {username!r} is disabled")
    return _principal(user)


def list_users(s: Session) -> list[dict[str, Any]]:
    """Every user, without password hashes."""
    return [
        {
            "id": u.id,
            "username": u.username,
            "role": u.role,
            "team": u.team,
            "email": u.email,
            "disabled": u.disabled,
            "created_at": u.created_at,
        }
        for u in s.scalars(select(User).order_by(User.username))
    ]


def set_role(s: Session, *, actor: Principal | None, username: str, role: str) -> None:
    """Change a user's role (admin only)."""
    require_admin(actor)
    if role not in ROLES:
        raise InputError(f"the role must be one of {', '.join(ROLES)}")
    user = _get(s, username)
    if user.role == "admin" and role != "admin" and _admins(s) <= 1:
        raise Conflict("the last admin cannot lose the admin role")
    user.role = role
    audit.record(s, actor=actor or "cli", action="user.role", target=username, detail={"role": role})


def set_team(s: Session, *, actor: Principal | None, username: str, team: str | None) -> None:
    """Move a user to a team (admin only)."""
    require_admin(actor)
    _get(s, username).team = team or None
    audit.record(s, actor=actor or "cli", action="user.team", target=username, detail={"team": team})


def set_disabled(s: Session, *, actor: Principal | None, username: str, disabled: bool) -> None:
    """Disable or re-enable a user (admin only); a disabled user cannot sign in and their keys stop working."""
    require_admin(actor)
    user = _get(s, username)
    if disabled and user.role == "admin" and not user.disabled and _admins(s) <= 1:
        raise Conflict("the last admin cannot be disabled")
    user.disabled = disabled
    audit.record(s, actor=actor or "cli", action="user.disable" if disabled else "user.enable", target=username)


def reset_password(s: Session, *, actor: Principal | None, username: str, password: str | None = None) -> str | None:
    """Set a new password (admin only); returns the generated one when none was given."""
    require_admin(actor)
    user = _get(s, username)
    generated = None
    if password is None:
        password = generated = secrets.token_urlsafe(12)
    _valid_password(password)
    user.password_hash = hash_password(password, _rounds(s))
    user.password_changed_at = utcnow()
    audit.record(s, actor=actor or "cli", action="user.reset_password", target=username)
    return generated


def change_password(s: Session, *, username: str, old: str, new: str) -> None:
    """A user changes their own password; the old one must match."""
    user = _get(s, username)
    if not _check_password(old, user.password_hash):
        audit.record(s, actor=username, action="password.change_failed")
        raise InputError("the current password is wrong")
    _valid_password(new)
    user.password_hash = hash_password(new, _rounds(s))
    user.password_changed_at = utcnow()
    audit.record(s, actor=username, action="password.change")


def ensure_admin(s: Session, *, settings: Settings) -> str | None:
    """Create `admin` on first run (no admin yet); returns the generated password once, else None."""
    if _admins(s) > 0:
        return None
    if s.scalar(select(User.id).where(User.username == "admin")) is not None:
        raise Conflict("a user named 'admin' exists but no user has the admin role; fix it with manage.py")
    _, generated = create_user(s, username="admin", role="admin", password=settings.admin_password)
    return generated


@lru_cache(maxsize=4)
def _dummy_hash(rounds: int) -> str:
    return hash_password(secrets.token_urlsafe(16), rounds)


def _rounds(s: Session) -> int:
    return runtime_of(s).settings.bcrypt_rounds


def _admins(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.disabled.is_(False))) or 0
