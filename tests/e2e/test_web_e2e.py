"""The main flows in a real browser against `python manage.py run`."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, ROOT, USERS, shot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


def _heading(page, text: str):
    return page.locator("h1").filter(has_text=re.compile(rf"^{re.escape(text)}$"))


def test_submit_review_accept_export(page, app_server) -> None:
    base = app_server["base"]
    page.goto(base)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    shot(page, "01-login")
    sign_in(page, base, "admin", ADMIN_PASSWORD)
    expect(_heading(page, "Submit")).to_be_visible()

    page.get_by_label("Resume", exact=True).fill(RESUME)
    page.get_by_label("Job description", exact=True).first.fill(JD)  # the files tab has its own JD box
    page.get_by_label("Reference (optional)").fill("jordan")
    page.get_by_label("Reference (optional)").press("Enter")
    expect(page.get_by_text("Estimated cost $0.0000")).to_be_visible()
    shot(page, "02-submit")
    page.get_by_role("button", name="Submit").click()

    expect(_heading(page, "Jobs")).to_be_visible()
    expect(page.get_by_text("Completed · 1 of 1 finished").first).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Cost so far", exact=True)).to_have_count(0)  # the offline engine costs nothing
    shot(page, "03-jobs")

    page.get_by_role("link", name="Open in Review").click()
    expect(_heading(page, "Review")).to_be_visible()
    expect(page.get_by_text("Match score after the rewrite")).to_be_visible()
    expect(page.locator("ins").first).to_be_visible()  # the rewrite's added words are marked
    shot(page, "04-review")

    page.get_by_role("button", name="Accept rewrite", exact=True).first.click()
    expect(page.get_by_text(re.compile(r"Bullet \d+: accepted the rewrite"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"admin accepted the rewrite"))).to_be_visible()
    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export CSV").click()
    exported = info.value.path().read_text()
    assert exported.startswith("ref,bullet,original,final,decision")
    assert ",accepted" in exported and ",not reviewed" in exported
    shot(page, "05-review-saved")

    last_element = {
        "Dashboard": page.get_by_text("Recruiters", exact=True),
        "Admin": page.get_by_role("tab", name="Security events"),
        "Account": page.get_by_role("button", name="Change password"),
    }
    for title, rendered in last_element.items():
        page.get_by_role("link", name=title).click()
        expect(_heading(page, title)).to_be_visible()
        expect(rendered).to_be_visible()
        shot(page, f"06-{title.lower()}")
    expect(page.get_by_text("Traceback")).to_have_count(0)


def test_recruiter_cannot_reach_admin(page, app_server) -> None:
    base = app_server["base"]
    role, _, password = USERS["rita"]
    sign_in(page, base, "rita", password)
    expect(_heading(page, "Submit")).to_be_visible()
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)
    expect(page.get_by_role("link", name="Dashboard")).to_have_count(0)
    page.goto(f"{base}/admin")  # typing the URL: the cookie signs rita in again; the server refuses the page there
    expect(_heading(page, "Admin")).to_be_visible()
    expect(page.get_by_text("This page is for admins only")).to_be_visible()
    expect(page.get_by_text("API keys")).to_have_count(0)
    assert page.url == f"{base}/admin"
    shot(page, "07-recruiter-admin-url")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    expect(page.get_by_text("Signed out.")).to_be_visible()
    page.reload()  # the session is revoked (and the cookie dropped): a reload does not sign rita in again
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    expect(_heading(page, "Submit")).to_have_count(0)
