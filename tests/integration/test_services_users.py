"""services.users and services.api_keys on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.errors import Conflict, InputError, PermissionDenied
from db.models import ApiKey, AuditLog
from services import api_keys, users


def test_create_and_authenticate_with_audit(session):
    _, generated = users.create_user(session, username="alice", role="recruiter", team="red")
    assert generated and len(generated) >= 12
    assert users.authenticate(session, username="alice", password="wrong-password") is None
    who = users.authenticate(session, username="alice", password=generated, address="10.0.0.1")
    assert who is not None and who.role == "recruiter" and who.team == "red"
    actions = [a for (a,) in session.execute(select(AuditLog.action).order_by(AuditLog.id))]
    assert actions == ["user.create", "login.failed", "login"]


def test_duplicate_username_and_bad_role_are_refused(session):
    users.create_user(session, username="alice", role="recruiter", password="long enough")
    with pytest.raises(Conflict):
        users.create_user(session, username="alice", role="recruiter")
    with pytest.raises(Conflict):  # the sign-in form lower-cases names, so "Alice" would collide with "alice"
        users.create_user(session, username="Alice", role="recruiter")
    with pytest.raises(InputError):
        users.create_user(session, username="bob", role="owner")


def test_disabled_users_cannot_sign_in_and_only_admins_manage(session, make_user):
    alice = make_user("alice")
    admin = make_user("root", role="admin")
    with pytest.raises(PermissionDenied):
        users.set_disabled(session, actor=alice, username="root", disabled=True)
    users.set_disabled(session, actor=admin, username="alice", disabled=True)
    assert users.authenticate(session, username="alice", password="correct horse") is None
    with pytest.raises(Conflict):
        users.set_role(session, actor=admin, username="root", role="recruiter")


def test_ensure_admin_creates_admin_once(session, db_settings):
    first = users.ensure_admin(session, settings=db_settings)
    assert first is not None
    assert users.ensure_admin(session, settings=db_settings) is None
    assert users.principal_for(session, username="admin").role == "admin"


def test_api_key_shown_once_stored_hashed_verified_and_revoked(session, make_user):
    make_user("alice")
    info, key = api_keys.create_api_key(session, username="alice", name="ci", scopes=["jobs:read"])
    assert key.startswith("ats_") and info["prefix"] == key[:12]
    stored = session.scalar(select(ApiKey).where(ApiKey.id == info["id"]))
    assert key not in (stored.key_hash, stored.prefix) and len(stored.key_hash) == 64
    who = api_keys.verify_api_key(session, key=key)
    assert who is not None and who.api_key_id == info["id"] and who.scopes == frozenset({"jobs:read"})
    assert stored.last_used_at is not None
    assert api_keys.verify_api_key(session, key=key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    api_keys.revoke_api_key(session, actor=None, key_id=info["id"])
    assert api_keys.verify_api_key(session, key=key) is None
    assert api_keys.list_api_keys(session, username="alice")[0]["revoked_at"] is not None


def test_unknown_scope_is_refused(session, make_user):
    make_user("alice")
    with pytest.raises(InputError):
        api_keys.create_api_key(session, username="alice", name="x", scopes=["jobs:delete"])
