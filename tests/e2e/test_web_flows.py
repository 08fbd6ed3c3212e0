"""Each role's flow in a real browser, with a screenshot of every page (tests/e2e/artifacts/)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, ROOT, USERS, shot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()
ROW_PX = 35  # a dataframe's header and row height


def _heading(page, text: str):
    return page.locator("h1").filter(has_text=re.compile(rf"^{re.escape(text)}$"))


def _go(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(_heading(page, title)).to_be_visible()


def _settled(page) -> None:
    """Wait until the app has finished its run (the status widget is gone)."""
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)


def _batch(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["ref", "resume", "jd"])
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue())
    return path


def test_recruiter_submits_a_batch_reviews_with_the_keyboard_and_exports(page, app_server, tmp_path) -> None:
    base = app_server["base"]
    sign_in(page, base, "rita", USERS["rita"][2])
    expect(_heading(page, "Submit")).to_be_visible()
    page.get_by_role("tab", name="Upload a batch").click()
    bad = _batch(
        tmp_path / "march.csv", [{"ref": "jordan", "resume": RESUME, "jd": JD}, {"ref": "x", "resume": " ", "jd": JD}]
    )
    page.get_by_role("tabpanel", name="Upload a batch").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        str(bad)
    )
    expect(page.get_by_text("1 row of 2 cannot be processed")).to_be_visible()
    expect(page.get_by_role("button", name="Submit")).to_be_disabled()
    shot(page, "recruiter-01-submit-refused-row")

    other = RESUME.replace("Kafka", "RabbitMQ").replace("k8s", "VMs")
    (tmp_path / "fixed").mkdir()
    good = _batch(
        tmp_path / "fixed" / "march.csv",
        [{"ref": "jordan", "resume": RESUME, "jd": JD}, {"ref": "sam", "resume": other, "jd": JD}],
    )
    page.get_by_role("tabpanel", name="Upload a batch").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        str(good)
    )
    expect(page.get_by_text("cannot be processed")).to_have_count(0)
    page.get_by_role("button", name="Submit").click()

    expect(_heading(page, "Jobs")).to_be_visible()
    expect(page.get_by_role("combobox", name="Job")).to_have_value(
        re.compile(r"^march\.csv · Senior Backend Engineer · 2")
    )
    expect(page.get_by_text("Completed · 2 of 2 finished").first).to_be_visible(timeout=120_000)  # live status
    shot(page, "recruiter-02-jobs")

    page.get_by_role("link", name="Open in Review").click()
    expect(_heading(page, "Review")).to_be_visible()
    expect(page.get_by_text("Match score after the rewrite").first).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"Match score \d+ of 100"))).to_be_visible()
    expect(page.get_by_text(re.compile("accepted the rewrite|kept the original"))).to_have_count(0)  # none decided
    _settled(page)
    shot(page, "recruiter-03-review")

    picker = page.get_by_role("combobox", name="Candidate")
    first = picker.input_value()
    box = page.get_by_test_id("stDataFrame").first.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 2 * ROW_PX + ROW_PX / 2)  # the second row's selection box
    expect(picker).not_to_have_value(first)  # the clicked candidate opens below
    _settled(page)

    progress = page.get_by_text(re.compile(r"^0 of \d+ rewrites reviewed$"))
    expect(progress).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Accept all \d+ that passed the checks$")).click()
    expect(page.get_by_text(re.compile(r"^Accepted \d+ rewrites that passed the checks\.$"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^\d+ of \d+ rewrites reviewed$"))).not_to_have_text(re.compile("^0 of"))

    page.get_by_role("button", name="Edit").first.click()
    box_text = page.get_by_label(re.compile("Your text for this bullet"))
    box_text.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Led the move of the card service to Kubernetes.")
    page.keyboard.press("Control+Enter")  # keyboard only: the form is submitted
    expect(page.get_by_text(re.compile(r"^Bullet 1: edited the text\.$"))).to_be_visible()
    expect(page.get_by_text("Your edit: Led the move of the card service to Kubernetes.")).to_be_visible()
    _settled(page)
    shot(page, "recruiter-04-review-decided")

    page.get_by_role("tab", name="Skills", exact=True).click()
    expect(page.get_by_text(re.compile("“Through a narrower skill”"))).to_be_visible()
    _settled(page)
    shot(page, "recruiter-05-review-skills")
    page.get_by_role("tab", name="Searchability").click()
    expect(page.get_by_text(re.compile(r"^\d of \d checks good\.$"))).to_be_visible()
    _settled(page)
    shot(page, "recruiter-06-review-searchability")

    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export CSV").click()
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_text())))
    assert {r["decision"] for r in rows} <= {"accepted", "edited", "kept original", "not reviewed", "no rewrite"}
    assert "edited" in {r["decision"] for r in rows} and "accepted" in {r["decision"] for r in rows}
    assert min(int(r["bullet"]) for r in rows if r["bullet"].isdigit()) == 1  # bullets count from 1
    expect(page.get_by_text("Traceback")).to_have_count(0)


def test_manager_dashboard_and_team_pages(page, app_server) -> None:
    base = app_server["base"]
    sign_in(page, base, "mona", USERS["mona"][2])
    expect(_heading(page, "Submit")).to_be_visible()
    _go(page, "Dashboard")
    for label in ("Candidates finished", "Rewrites reviewed", "Required skills covered", "Average score lift"):
        expect(page.get_by_text(label, exact=True)).to_be_visible()
    expect(page.get_by_text("JD cache hit rate")).to_have_count(0)
    expect(page.get_by_text("Throughput per recruiter")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("No paid model was used in these dates")).to_be_visible()  # no $-1..$1 cost axes
    _settled(page)
    shot(page, "manager-01-dashboard")
    _go(page, "Jobs")
    _settled(page)
    shot(page, "manager-02-jobs")
    _go(page, "Review")
    _settled(page)
    shot(page, "manager-03-review")
    expect(page.get_by_text("Traceback")).to_have_count(0)


def test_admin_pages_in_words(page, app_server) -> None:
    base = app_server["base"]
    sign_in(page, base, "admin", ADMIN_PASSWORD)
    expect(_heading(page, "Submit")).to_be_visible()
    _go(page, "Admin")
    users = page.get_by_test_id("stDataFrame").first
    expect(users).to_be_visible()
    expect(page.get_by_text("created_at")).to_have_count(0)
    _settled(page)
    shot(page, "admin-01-users")
    for n, tab in enumerate(("API keys", "Daily limits", "Audit log", "Security events"), start=2):
        page.get_by_role("tab", name=tab).click()
        _settled(page)
        shot(page, f"admin-0{n}-{tab.lower().replace(' ', '-')}")
        expect(page.get_by_text("Something went wrong")).to_have_count(0)
    page.get_by_role("tab", name="Audit log").click()
    # actions in words (the grid is drawn on a canvas; its cells are also in an accessible table)
    expect(page.get_by_text("signed in", exact=True).first).to_be_attached()
    expect(page.get_by_text("login", exact=True)).to_have_count(0)
    _go(page, "Dashboard")
    _settled(page)
    shot(page, "admin-06-dashboard")
    _go(page, "Account")
    _settled(page)
    shot(page, "admin-07-account")
    expect(page.get_by_text("Traceback")).to_have_count(0)
