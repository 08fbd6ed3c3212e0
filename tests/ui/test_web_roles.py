"""Role gating: what each URL draws for each role (decided on the server), and each page refusing a role."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import ROOT, new_app, page_titles, sign_in
from webapp import nav, routing


def _menu(role: str | None) -> set[str]:
    return {s.spec.url_path for s in routing.plan(role) if s.visible}


@pytest.mark.parametrize(
    ("role", "menu"),
    [
        ("recruiter", {"submit", "jobs", "review", "account"}),
        ("manager", {"submit", "jobs", "review", "dashboard", "account"}),
        ("admin", {"submit", "jobs", "review", "dashboard", "admin", "account"}),
    ],
)
def test_menu_lists_only_the_roles_pages_and_every_url_is_registered(role, menu) -> None:
    slots = routing.plan(role)
    assert _menu(role) == menu
    assert {s.spec.url_path for s in slots} == {p.url_path for p in nav.PAGES} | {"login"}
    for slot in slots:  # a page outside the role is a refusal at its URL: its file is never run
        if slot.spec.url_path in menu:
            assert slot.draws == "page"
        elif slot.spec.url_path != "login":
            assert slot.draws == "refusal" and role not in slot.spec.roles
    assert [s.spec.url_path for s in slots if s.default] == ["submit"]


def test_signed_out_every_url_draws_the_sign_in_form() -> None:
    slots = routing.plan(None)
    assert {s.draws for s in slots} == {"sign_in"}
    assert {s.spec.url_path for s in slots} == {p.url_path for p in nav.PAGES} | {"login"}
    assert _menu(None) == {"login"}


def test_refusal_names_the_roles() -> None:
    admin = next(p for p in nav.PAGES if p.url_path == "admin")
    dashboard = next(p for p in nav.PAGES if p.url_path == "dashboard")
    assert "for admins only" in nav.refusal(admin)
    assert "for managers and admins only" in nav.refusal(dashboard)


def test_recruiter_cannot_open_admin_or_dashboard(web_settings) -> None:
    at = sign_in(new_app(), "rita")
    for page in ("admin", "dashboard"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"../pages/{page}.py")
    # A stale link that runs the page file itself: its own guard refuses (the tab's session is rita's).
    session_id = at.session_state["_web_session"]
    for page in ("admin", "dashboard"):
        direct = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=30)
        direct.session_state["_web_session"] = session_id
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
    assert "Submit" not in page_titles(at)
