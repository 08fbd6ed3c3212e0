"""Sign-in, sign-out and the session each run looks up in the database."""

from __future__ import annotations

from sqlalchemy import select

from db.models import AuditLog, WebSession
from db.session import session_scope
from tests.ui.conftest import new_app, page_titles, sign_in
from webapp import auth


def test_login_success_opens_a_session_and_shows_role_pages(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    assert not at.exception
    assert "Submit" in page_titles(at)
    session_id = at.session_state[auth.SESSION_KEY]
    with session_scope(web_settings) as s:
        row = s.get(WebSession, session_id)
        assert row is not None and row.revoked_at is None and row.ticket_hash is not None  # cookie not yet traded
    assert at.session_state[auth.TICKET_KEY]  # the page offers the ticket until the browser trades it


def test_login_is_case_insensitive_on_the_name(web_settings) -> None:
    at = sign_in(new_app(), "Rita", "recruiter-pass-1")
    assert "Submit" in page_titles(at)


def test_login_failure_stays_on_sign_in(web_settings) -> None:
    at = sign_in(new_app(), "rita", "wrong-password")
    assert auth.SESSION_KEY not in at.session_state
    assert any("Wrong username or password" in e.value for e in at.error)
    assert "ATS Resume Agent" in page_titles(at)
    with session_scope(web_settings) as s:
        assert s.scalars(select(WebSession)).all() == []
        assert "login.failed" in s.scalars(select(AuditLog.action)).all()


def test_empty_form_says_what_to_type(web_settings) -> None:
    at = new_app().run()
    at.button[0].click().run()
    assert any("Type your username and your password" in e.value for e in at.error)


def test_unmigrated_database_says_what_to_run(web_settings, monkeypatch, tmp_path) -> None:
    from core.config import get_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    at = new_app().run()
    assert not at.exception
    assert any("python manage.py migrate" in e.value for e in at.error)


def test_sign_out_revokes_the_session(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    session_id = at.session_state[auth.SESSION_KEY]
    at.button(key="sign_out").click().run()
    assert not at.exception
    assert auth.SESSION_KEY not in at.session_state
    assert any("Signed out" in i.value for i in at.info)
    assert "ATS Resume Agent" in page_titles(at) and "Submit" not in page_titles(at)
    with session_scope(web_settings) as s:
        row = s.get(WebSession, session_id)
        assert row.revoked_at is not None and row.revoked_why == "sign_out"


def test_session_revoked_elsewhere_signs_the_tab_out(web_settings) -> None:
    from services import web_sessions
    from services.users import principal_for

    at = sign_in(new_app(), "rita")
    other = sign_in(new_app(), "rita")  # a second browser of the same user
    assert "Submit" in page_titles(other)
    with session_scope(web_settings) as s:
        web_sessions.close_all(s, username="rita", actor=principal_for(s, username="rita"))
    for tab in (at, other):
        tab.run()
        assert "Submit" not in page_titles(tab)
        assert any("Your session has ended" in i.value for i in tab.info)
