"""services.web_sessions on SQLite and PostgreSQL: tickets, cookies, and every way a session stops opening."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.errors import PermissionDenied
from db.models import AuditLog, WebSession, utcnow
from services import users, web_sessions

KEY = "integration-cookie-key-long-enough-0123456789"


@pytest.fixture
def settings(db_settings):
    return db_settings.model_copy(update={"cookie_key": KEY})


def _signed_in(session, settings, principal) -> tuple[int, str]:
    opened = web_sessions.open_session(session, principal=principal, settings=settings, address="10.0.0.9")
    cookie = web_sessions.redeem_ticket(session, ticket=opened.ticket, settings=settings)
    session.commit()
    assert cookie is not None
    return opened.session_id, cookie


def test_ticket_trades_once_for_a_cookie_stored_only_as_a_hash(session, settings, make_user):
    rita = make_user("rita")
    opened = web_sessions.open_session(session, principal=rita, settings=settings)
    assert web_sessions.ticket_pending(session, session_id=opened.session_id)
    cookie = web_sessions.redeem_ticket(session, ticket=opened.ticket, settings=settings)
    assert cookie is not None
    assert web_sessions.redeem_ticket(session, ticket=opened.ticket, settings=settings) is None  # one try only
    assert not web_sessions.ticket_pending(session, session_id=opened.session_id)
    row = session.get(WebSession, opened.session_id)
    secret = cookie.split(".")[0]
    assert secret not in (row.cookie_hash or "") and opened.ticket not in str(row.ticket_hash)
    found = web_sessions.session_for_cookie(session, cookie=cookie, settings=settings)
    assert found is not None and found[0] == opened.session_id and found[1].username == "rita"


def test_expired_ticket_gives_no_cookie(session, settings, make_user):
    rita = make_user("rita")
    opened = web_sessions.open_session(session, principal=rita, settings=settings)
    later = utcnow() + timedelta(seconds=web_sessions.TICKET_TTL_S + 1)
    assert web_sessions.redeem_ticket(session, ticket=opened.ticket, settings=settings, now=later) is None


def test_forged_or_foreign_cookies_open_nothing(session, settings, make_user):
    _, cookie = _signed_in(session, settings, make_user("rita"))
    secret, _, sig = cookie.partition(".")
    other = settings.model_copy(update={"cookie_key": "another-install-cookie-key-0123456789abcdef"})
    assert web_sessions.session_for_cookie(session, cookie=cookie, settings=other) is None
    assert web_sessions.session_for_cookie(session, cookie=f"{secret}.{'0' * len(sig)}", settings=settings) is None
    assert web_sessions.session_for_cookie(session, cookie="rita", settings=settings) is None


def test_sign_out_revokes_the_cookie_and_the_tab(session, settings, make_user):
    sid, cookie = _signed_in(session, settings, make_user("rita"))
    web_sessions.close(session, session_id=sid)
    session.commit()
    assert web_sessions.principal_of(session, session_id=sid) is None
    assert web_sessions.session_for_cookie(session, cookie=cookie, settings=settings) is None
    assert "logout" in session.scalars(select(AuditLog.action)).all()


def test_password_change_ends_older_sessions_only(session, settings, make_user):
    rita = make_user("rita")
    sid, cookie = _signed_in(session, settings, rita)
    users.change_password(session, username="rita", old="correct horse", new="a new password 1")
    session.commit()
    assert web_sessions.session_for_cookie(session, cookie=cookie, settings=settings) is None
    newer, _ = _signed_in(session, settings, rita)
    assert web_sessions.principal_of(session, session_id=newer) is not None


def test_admin_reset_and_disable_end_sessions(session, settings, make_user):
    admin = make_user("root", role="admin")
    sid, _ = _signed_in(session, settings, make_user("rita"))
    users.reset_password(session, actor=admin, username="rita")
    session.commit()
    assert web_sessions.principal_of(session, session_id=sid) is None
    sid, _ = _signed_in(session, settings, make_user("mona"))
    users.set_disabled(session, actor=admin, username="mona", disabled=True)
    session.commit()
    assert web_sessions.principal_of(session, session_id=sid) is None


def test_sign_out_everywhere(session, settings, make_user):
    rita, otto, admin = make_user("rita"), make_user("otto"), make_user("root", role="admin")
    first, _ = _signed_in(session, settings, rita)
    second, cookie = _signed_in(session, settings, rita)
    others, _ = _signed_in(session, settings, otto)
    assert len(web_sessions.open_sessions(session, username="rita")) == 2
    with pytest.raises(PermissionDenied):
        web_sessions.close_all(session, username="rita", actor=otto)
    assert web_sessions.close_all(session, username="rita", actor=rita) == 2
    session.commit()
    assert web_sessions.principal_of(session, session_id=first) is None
    assert web_sessions.session_for_cookie(session, cookie=cookie, settings=settings) is None
    assert web_sessions.principal_of(session, session_id=others) is not None
    assert web_sessions.close_all(session, username="otto", actor=admin) == 1
    session.commit()
    assert web_sessions.principal_of(session, session_id=others) is None
    assert web_sessions.open_sessions(session, username="rita") == []


def test_expired_session_opens_nothing(session, settings, make_user):
    sid, cookie = _signed_in(session, settings, make_user("rita"))
    later = utcnow() + timedelta(days=settings.cookie_expiry_days, seconds=1)
    assert web_sessions.principal_of(session, session_id=sid, now=later) is None
    assert web_sessions.session_for_cookie(session, cookie=cookie, settings=settings, now=later) is None


def test_the_sweeper_deletes_expired_sessions_and_forgotten_failures_without_a_sign_in(
    session, settings, engine, make_user
):
    from db.models import SignInThrottle
    from services import signin_guard
    from services.dispatch import DbQueue
    from workers.sweeper import Sweeper

    rita = make_user("rita")
    long_ago = utcnow() - timedelta(days=settings.cookie_expiry_days + 2)
    live = web_sessions.open_session(session, principal=rita, settings=settings).session_id
    web_sessions.open_session(session, principal=rita, settings=settings, now=long_ago)  # expired two days ago
    forgotten = utcnow() - timedelta(seconds=settings.signin_forget_s + 60)
    signin_guard.failed(session, settings=settings, username="ghost", address="10.0.0.7", now=forgotten)
    signin_guard.failed(session, settings=settings, username="rita", address=None)  # recent: still counted
    session.commit()
    done = Sweeper(settings, engine, DbQueue(), "test").tick(force=True)  # nobody signs in meanwhile
    assert done["sessions_purged"] == 1 and done["signin_counts_purged"] == 2
    assert list(session.scalars(select(WebSession.id))) == [live]
    assert list(session.scalars(select(SignInThrottle.key))) == ["user:rita"]
