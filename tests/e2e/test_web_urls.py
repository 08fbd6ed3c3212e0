"""Every page at its own URL, for every role: opened directly, reloaded, refused on the server outside the role;
and a revoked session opening nothing, in the tab that had it, on reload, and as a copied cookie."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, USERS, shot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PAGES = ("submit", "jobs", "review", "dashboard", "admin", "account")
TITLES = {p: p.capitalize() for p in PAGES}
ALLOWED = {
    "rita": {"submit", "jobs", "review", "account"},
    "mona": {"submit", "jobs", "review", "dashboard", "account"},
    "admin": set(PAGES),
}
PASSWORDS = {"rita": USERS["rita"][2], "mona": USERS["mona"][2], "admin": ADMIN_PASSWORD}


def _heading(page, text: str):
    return page.locator("h1").filter(has_text=re.compile(rf"^{re.escape(text)}$"))


def _settled(page) -> None:
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)


def _new_page(context):
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(90_000)
    return page


def _cookie(context, name: str = "ats_auth") -> dict:
    return next(c for c in context.cookies() if c["name"] == name)


@pytest.mark.parametrize("user", ["rita", "mona", "admin"])
def test_every_page_opens_by_url_and_survives_a_reload(page, app_server, user) -> None:
    base = app_server["base"]
    sign_in(page, base, user, PASSWORDS[user])
    expect(_heading(page, "Submit")).to_be_visible()
    cookie = _cookie(page.context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"  # set by the server, out of scripts' reach
    for name in PAGES:
        page.goto(f"{base}/{name}")
        expect(_heading(page, TITLES[name])).to_be_visible()
        refused = page.get_by_text(re.compile(r"^This page is for .* only\."))
        if name in ALLOWED[user]:
            expect(refused).to_have_count(0)
        else:
            expect(refused).to_be_visible()  # the server draws a refusal at the URL; the page itself never ran
        page.reload()
        expect(_heading(page, TITLES[name])).to_be_visible()
        # Submit is the root page; a page may add its own choice to the query string (the Jobs page its job).
        assert urlsplit(page.url).path == ("/" if name == "submit" else f"/{name}")
        expect(page.get_by_text("Page not found")).to_have_count(0)
        _settled(page)
        shot(page, f"url-{user}-{name}")
    menu = page.get_by_test_id("stSidebarNav")
    for name in PAGES:
        expect(menu.get_by_role("link", name=TITLES[name])).to_have_count(1 if name in ALLOWED[user] else 0)
    expect(page.get_by_text("Traceback")).to_have_count(0)


def test_signing_in_at_a_url_opens_that_page_with_its_query(page, app_server) -> None:
    base = app_server["base"]
    sign_in(page, base, "rita", PASSWORDS["rita"], path="/review?job=not-a-job")
    expect(_heading(page, "Review")).to_be_visible()
    assert page.url.startswith(f"{base}/review")
    shot(page, "url-sign-in-at-review")


def test_a_revoked_session_opens_nothing(browser, app_server) -> None:
    base = app_server["base"]
    first = browser.new_context(viewport={"width": 1400, "height": 1000})
    second = browser.new_context(viewport={"width": 1400, "height": 1000})
    thief = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        tab = _new_page(first)
        sign_in(tab, base, "mona", PASSWORDS["mona"], path="/jobs")
        expect(_heading(tab, "Jobs")).to_be_visible()
        stolen = _cookie(first)

        other = _new_page(second)
        sign_in(other, base, "mona", PASSWORDS["mona"], path="/account")
        expect(_heading(other, "Account")).to_be_visible()
        expect(other.get_by_test_id("stDataFrame").first).to_be_visible()  # the sessions table
        _settled(other)
        shot(other, "revoke-01-account-sessions")
        other.get_by_role("button", name="Sign out everywhere").click()
        expect(other.get_by_role("button", name="Sign in")).to_be_visible()

        # The open tab of the first browser: its next click finds the session gone.
        tab.get_by_test_id("stSidebarNav").get_by_role("link", name="Review").click()
        expect(tab.get_by_text(re.compile("Your session has ended"))).to_be_visible()
        expect(_heading(tab, "Review")).to_have_count(0)
        _settled(tab)
        shot(tab, "revoke-02-open-tab-signed-out")
        tab.reload()
        expect(tab.get_by_role("button", name="Sign in")).to_be_visible()

        # The cookie copied before the revocation opens nothing either.
        thief.add_cookies([{k: stolen[k] for k in ("name", "value", "domain", "path")}])
        pirate = _new_page(thief)
        pirate.goto(f"{base}/jobs")
        expect(pirate.get_by_role("button", name="Sign in")).to_be_visible()
        expect(_heading(pirate, "Jobs")).to_have_count(0)
        shot(pirate, "revoke-03-copied-cookie")
    finally:
        for context in (first, second, thief):
            context.close()


def test_no_deprecation_warnings_while_the_app_runs(app_server) -> None:
    """Runs last in this module (the flows above have driven every page): the app's output has no warnings."""
    output = app_server["log"].read_text()
    assert "Application startup complete" in output  # the log is the web app's output
    flagged = [line for line in output.splitlines() if re.search(r"deprecat|will be removed", line, re.IGNORECASE)]
    assert flagged == []
