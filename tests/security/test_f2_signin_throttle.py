"""Finding 2: web sign-in is throttled per username and per address: exponential backoff, a temporary lock during
which even the right password is refused, a security event when a lock begins, and one message whichever part
was wrong (and whether or not the name exists)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import SignInPaused
from db.migrate import upgrade
from db.models import utcnow
from db.session import session_scope
from services import audit, signin_guard, users

PASSWORD = "rita-password-1"


@pytest.fixture
def settings(make_settings):
    settings = make_settings(bcrypt_rounds=4, signin_free_failures=3, signin_free_failures_per_address=6)
    upgrade(settings)
    with session_scope(settings) as s:
        users.create_user(s, username="rita", role="recruiter", password=PASSWORD)
    return settings


def _try(settings, username: str, password: str, address: str = "203.0.113.5"):
    """One sign-in attempt in its own transaction, as the web app makes it: principal, None, or the pause."""
    try:
        with session_scope(settings) as s:
            return users.authenticate(s, username=username, password=password, address=address)
    except SignInPaused as exc:
        return exc


def test_the_right_password_is_refused_while_the_name_is_locked(settings) -> None:
    assert [_try(settings, "rita", "wrong-password") for _ in range(3)] == [None, None, None]
    paused = _try(settings, "rita", "wrong-password")  # the failure past the free ones starts a lock
    assert isinstance(paused, SignInPaused) and paused.retry_after_s >= 1
    again = _try(settings, "rita", PASSWORD)  # 40 guesses then the right one used to work; now it does not
    assert isinstance(again, SignInPaused)
    with session_scope(settings) as s:
        events = audit.list_security_events(s, kind="signin_locked")
        actions = [r["action"] for r in audit.list_audit(s)]
    assert len(events) == 1 and events[0]["actor"] == "rita" and events[0]["address"] == "203.0.113.5"
    assert actions.count("login.failed") == 4 and actions.count("login.locked") == 1 and "login" not in actions


def test_an_unknown_name_is_locked_the_same_way(settings) -> None:
    unknown = [_try(settings, "nobody", "wrong-password", address="198.51.100.1") for _ in range(4)]
    known = [_try(settings, "rita", "wrong-password", address="198.51.100.2") for _ in range(4)]
    assert unknown[:3] == known[:3] == [None, None, None]
    assert str(unknown[3]) == str(known[3])  # the lock says nothing about whether the name exists


def test_many_names_from_one_address_lock_the_address(settings) -> None:
    for i in range(6):
        assert _try(settings, f"guess{i}", "wrong-password", address="192.0.2.9") is None
    assert isinstance(_try(settings, "guess-new", "wrong-password", address="192.0.2.9"), SignInPaused)
    assert isinstance(_try(settings, "rita", PASSWORD, address="192.0.2.9"), SignInPaused)
    assert _try(settings, "rita", PASSWORD, address="192.0.2.10") is not None  # another address is not affected


def test_locks_double_up_to_the_cap_and_are_forgotten(settings) -> None:
    start = utcnow()
    waits = []
    with session_scope(settings) as s:
        for i in range(12):
            waits.append(
                signin_guard.failed(
                    s, settings=settings, username="zed", address=None, now=start + timedelta(seconds=i)
                ).retry_after_s
            )
    assert waits[:3] == [0, 0, 0]
    assert waits[3:8] == [2, 4, 8, 16, 32]  # ATS_SIGNIN_LOCK_BASE_S doubled per failure
    assert max(waits) <= settings.signin_max_lock_s
    later = start + timedelta(seconds=settings.signin_forget_s + settings.signin_max_lock_s + 20)
    with session_scope(settings) as s:
        assert signin_guard.check(s, settings=settings, username="zed", address=None, now=later).allowed
        assert signin_guard.failed(s, settings=settings, username="zed", address=None, now=later).allowed


def test_a_success_clears_the_names_count(settings) -> None:
    for _ in range(3):
        assert _try(settings, "rita", "wrong-password") is None
    assert _try(settings, "rita", PASSWORD) is not None
    assert _try(settings, "rita", "wrong-password") is None  # counting starts again


@pytest.fixture
def long_locks(monkeypatch):
    """Locks of a minute, set before web_settings reads the environment (a 2 s lock can end mid-test on a busy box)."""
    monkeypatch.setenv("ATS_SIGNIN_LOCK_BASE_S", "60")


def test_the_sign_in_page_says_the_same_for_a_wrong_name_or_password(long_locks, web_settings) -> None:
    from tests.ui.conftest import PASSWORDS, new_app, sign_in

    texts = []
    for name in ("otto", "no-such-user"):
        for _ in range(web_settings.signin_free_failures + 1):
            at = sign_in(new_app(), name, "wrong-password")
        texts.append([e.value for e in at.error])
    assert texts[0] == texts[1] and any("paused" in t and "try again in" in t for t in texts[0])
    at = sign_in(new_app(), "otto", PASSWORDS["otto"])  # locked: the right password does not open it
    assert "_web_session" not in at.session_state and any("paused" in e.value for e in at.error)
