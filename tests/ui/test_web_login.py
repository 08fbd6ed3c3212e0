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
