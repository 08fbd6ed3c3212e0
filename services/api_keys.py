"""API keys: shown once, stored as SHA-256, found by prefix, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import InputError, NotFound
from db.models import ApiKey, User, utcnow
from services import audit
from services.principal import ALL_SCOPES, KEY_SCOPES, Principal, require_admin

PREFIX_LEN = 12  # "ats_" + 8 characters: enough to find the row, useless to an attacker
LAST_USED_EVERY = timedelta(seconds=60)  # write last_used_at at most once a minute per key


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _info(row: ApiKey, username: str | None = None) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "prefix": row.prefix,
        "scopes": row.scopes.split(",") if row.scopes else [],
        "username": username,
        "created_at": row.created_at,
        "revoked_at": row.revoked_at,
        "last_used_at": row.last_used_at,
    }


def create_api_key(
    s: Session,
    *,
    username: str,
    name: str,
    scopes: tuple[str, ...] | list[str] = ("jobs:write", "jobs:read"),
    actor: Principal | None = None,
) -> tuple[dict[str, Any], str]:
    """Create a key for a user; returns (info, key) — the key is shown this once."""
    if actor is not None and not actor.is_admin and actor.username != username:
        require_admin(actor)
    if actor is not None and not actor.is_admin and set(scopes) & (KEY_SCOPES - ALL_SCOPES):
        require_admin(actor)  # only an admin (or the operator's CLI) may mint metrics/admin keys
    unknown = sorted(set(scopes) - KEY_SCOPES)
    if unknown or not scopes:
        raise InputError(f"unknown or empty scopes {unknown}; choose from {', '.join(sorted(KEY_SCOPES))}")
    if not name or len(name) > 100:
        raise InputError("the key name must be 1-100 characters")
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user named {username!r}")
    key = "ats_" + secrets.token_urlsafe(32)
    row = ApiKey(user_id=user.id, name=name, prefix=key[:PREFIX_LEN], key_hash=_digest(key), scopes=",".join(scopes))
    s.add(row)
    s.flush()
    audit.record(s, actor=actor or "cli", action="api_key.create", target=f"{username}:{row.prefix}")
    return _info(row, username), key


def verify_api_key(s: Session, *, key: str) -> Principal | None:
    """The principal of a valid, unrevoked key of an enabled user, else None."""
    if not key or not key.startswith("ats_") or len(key) < PREFIX_LEN + 8:
        return None
    digest = _digest(key)
    rows = s.execute(
        select(ApiKey, User).join(User, User.id == ApiKey.user_id).where(ApiKey.prefix == key[:PREFIX_LEN])
    ).all()
    for row, user in rows:
        if hmac.compare_digest(row.key_hash, digest) and row.revoked_at is None and not user.disabled:
            now = utcnow()
            last = row.last_used_at
            if last is None or now - (last if last.tzinfo else last.replace(tzinfo=now.tzinfo)) > LAST_USED_EVERY:
                row.last_used_at = now
            return Principal(
                user_id=user.id,
                username=user.username,
                role=user.role,  # type: ignore[arg-type]
                team=user.team,
                api_key_id=row.id,
                scopes=frozenset(row.scopes.split(",")),
            )
    return None


def revoke_api_key(s: Session, *, actor: Principal | None, key_id: int) -> None:
    """Revoke a key: its owner or an admin may."""
    row = s.get(ApiKey, key_id)
    if row is None or (actor is not None and not actor.is_admin and row.user_id != actor.user_id):
        raise NotFound(f"no API key {key_id}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    audit.record(s, actor=actor or "cli", action="api_key.revoke", target=row.prefix)


def list_api_keys(s: Session, *, username: str | None = None) -> list[dict[str, Any]]:
    """Keys (never their secret), of one user or all."""
    q = select(ApiKey, User.username).join(User, User.id == ApiKey.user_id).order_by(ApiKey.id)
    if username is not None:
        q = q.where(User.username == username)
    return [_info(row, name) for row, name in s.execute(q).all()]
