"""Role gating: each role sees only its pages, and each page refuses a role it is not for."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import ROOT, new_app, page_titles, sign_in


def _nav_pages(at: AppTest) -> set[str]:
    return {Path(str(info["script_path"])).stem for info in at._registered_pages.values()}


@pytest.mark.parametrize(
    ("user", "pages"),
    [
        ("rita", {"submit", "jobs", "review", "account"}),
        ("mona", {"submit", "jobs", "review", "dashboard", "account"}),
        ("admin", {"submit", "jobs", "review", "dashboard", "admin", "account"}),
    ],
)
def test_navigation_lists_only_the_roles_pages(web_settings, user, pages) -> None:
    at = sign_in(new_app(), user)
    assert _nav_pages(at) == pages


def test_recruiter_cannot_open_admin_or_dashboard(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    for page in ("admin", "dashboard"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"../../pages/{page}.py")
    # The legacy pages/ fallback (or a stale link) runs the page file itself: its own guard refuses.
    for page in ("admin", "dashboard"):
        direct = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=30)
        direct.session_state["authentication_status"] = True
        direct.session_state["name"] = "rita"
        direct.run()
        assert not direct.exception
        assert any("only" in e.value for e in direct.error)
        assert page_titles(direct) == []  # nothing of the page rendered


def test_signed_out_session_gets_no_page(web_settings) -> None:
    direct = AppTest.from_file(str(ROOT / "pages" / "jobs.py"), default_timeout=30).run()
    assert any("Sign in again" in w.value for w in direct.warning)
    assert page_titles(direct) == []


def test_disabled_user_is_signed_out(web_settings) -> None:
    from db.session import session_scope
    from services.users import set_disabled

    at = sign_in(new_app(), "rita")
    assert "Submit" in page_titles(at)
    with session_scope(web_settings) as s:
        set_disabled(s, actor=None, username="rita", disabled=True)
    at.run()
    assert "ATS Resume Agent" in page_titles(at)  # back on the sign-in page
    assert _nav_pages(at) == {"login"}


def test_sign_out(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    at.button(key="sign_out").click().run()
    assert not at.exception
    assert at.session_state["authentication_status"] is None
    assert any("Signed out" in i.value for i in at.info)
    assert page_titles(at) == []  # nothing of the page is drawn after signing out
    at.run()  # in a browser the cookie widget triggers this run
    assert _nav_pages(at) == {"login"}
