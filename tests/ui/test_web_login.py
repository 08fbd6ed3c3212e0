"""Sign-in, role-filtered navigation and role gating."""

from __future__ import annotations

from tests.ui.conftest import new_app, page_titles, sign_in


def test_login_success_shows_role_pages(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    assert not at.exception
    assert at.session_state["authentication_status"] is True
    assert "Submit" in page_titles(at)


def test_login_failure_stays_on_sign_in(web_settings) -> None:
    at = sign_in(new_app(), "rita", "wrong-password")
    assert at.session_state["authentication_status"] is False
    assert any("Wrong username or password" in e.value for e in at.error)
    assert "ATS Resume Agent" in page_titles(at)


def test_placeholder_cookie_key_refuses_production(web_settings, monkeypatch) -> None:
    from core.config import DEV_COOKIE_KEY, get_settings

    monkeypatch.setenv("ATS_ENV", "production")
    monkeypatch.setenv("ATS_COOKIE_KEY", DEV_COOKIE_KEY)
    get_settings.cache_clear()
    at = new_app().run()
    assert not at.exception
    assert any("cannot start" in e.value and "ATS_COOKIE_KEY" in e.value for e in at.error)
    assert not at.text_input  # no sign-in form


def test_unmigrated_database_says_what_to_run(web_settings, monkeypatch, tmp_path) -> None:
    from core.config import get_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    at = new_app().run()
    assert not at.exception
    assert any("python manage.py migrate" in e.value for e in at.error)
