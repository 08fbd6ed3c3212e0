"""Steps the browser tests of the security suite share: an API key, a job through the REST API, Review."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from typing import Any

from playwright.sync_api import expect

from tests.security.conftest import RECRUITER, manage


def api_key(app: dict, username: str = RECRUITER[0]) -> str:
    """A new API key of the user, made with `manage.py create-api-key`."""
    done = manage(app["env"], "create-api-key", "--user", username, "--name", f"security-{time.monotonic_ns()}")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])["key"]


def call(app: dict, key: str, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
    """One REST call with the key; returns (status, body bytes), error statuses included."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(app["api"] + path, data=data, method=method)  # noqa: S310 - local URL
    request.add_header("Authorization", f"Bearer {key}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310 - local URL
            return reply.status, reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def submit_and_wait(app: dict, key: str, items: list[dict[str, str]], timeout_s: float = 120) -> str:
    """POST the items as one bulk job and wait until the app's worker finished it; returns the job id."""
    status, body = call(app, key, "POST", "/api/bulk/process", {"items": items})
    assert status == 202, body
    job_id = json.loads(body)["job_id"]
    deadline = time.monotonic() + timeout_s
    while True:
        status, body = call(app, key, "GET", f"/api/bulk/status/{job_id}")
        state = json.loads(body)["job_status"]
        if state not in ("queued", "running"):
            assert state == "completed", body
            return job_id
        assert time.monotonic() < deadline, f"job {job_id} still {state}"
        time.sleep(0.5)  # the worker is a separate process: poll its progress


def sign_in(page, app: dict, username: str = RECRUITER[0], password: str = RECRUITER[1]) -> None:
    """Sign in through the form and wait for the first page."""
    page.goto(app["base"])
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def open_review(page, ref: str) -> None:
    """Open Review from the sidebar; the newest job is shown first: check it is the one whose candidate is `ref`."""
    page.get_by_role("link", name="Review").click()
    expect(page.locator("h1").filter(has_text=re.compile(r"^Review$"))).to_be_visible()
    expect(page.locator("h3").filter(has_text=re.compile(r"^Candidate$"))).to_be_visible()
    expect(page.get_by_role("combobox", name="Candidate")).to_have_value(re.compile(re.escape(ref)))


def open_export(page) -> None:
    """Open Review's Export section (an expander) so its download buttons can be clicked."""
    page.locator("summary").filter(has_text="Export").click()
    expect(page.get_by_role("button", name="Export CSV")).to_be_enabled()
