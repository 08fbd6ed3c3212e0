"""The app started as `make run` starts it (python manage.py run) on free ports and a temporary database,
and a real headless chromium driven by Playwright. Without chromium these tests FAIL and say so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, free_port  # the browser fixture lives in tests/conftest.py

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ADMIN_PASSWORD = "e2e-admin-password-1"
USERS = {"rita": ("recruiter", "blue", "e2e-recruiter-pw-1"), "mona": ("manager", "blue", "e2e-manager-pw-1")}
START_TIMEOUT_S = 90


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - a local test URL
            return resp.status == 200
    except OSError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # what Ctrl-C does: run stops all three processes
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@contextmanager
def running_app(env: dict[str, str], home: Path, web_port: int, api_port: int) -> Iterator[subprocess.Popen]:
    """`python manage.py run` with this environment, its output in home/run.log, until it answers on both ports;
    stopped as Ctrl-C stops it when the block ends, even when the block fails."""
    with (home / "run.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "run"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not (
                _answers(f"http://127.0.0.1:{web_port}/_stcore/health")
                and _answers(f"http://127.0.0.1:{api_port}/health")
            ):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"`manage.py run` did not start; its output:\n{(home / 'run.log').read_text()[-3000:]}")
                time.sleep(0.3)  # polling a server that is starting, not waiting on the page under test
            yield proc
        finally:
            _stop(proc)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """`python manage.py run` (web + REST API + worker) on free ports with its own SQLite database."""
    if not CHROMIUM.exists():
        pytest.fail(
            "the e2e tests could not run: /usr/bin/chromium is missing. Install it with "
            "`apt-get install -y chromium` (make test does this when run as root)."
        )
    home = tmp_path_factory.mktemp("e2e_app")
    web_port, api_port = free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{home / 'ats.db'}",
        "ATS_WEB_PORT": str(web_port),
        "ATS_API_PORT": str(api_port),
        "ATS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "ATS_COOKIE_KEY": "e2e-cookie-key-that-is-long-enough-for-hs256",
    }
    env.pop("REDIS_URL", None)
    base = f"http://127.0.0.1:{web_port}"
    try:
        with running_app(env, home, web_port, api_port) as proc:
            for name, (role, team, password) in USERS.items():
                subprocess.run(
                    [
                        sys.executable,
                        "manage.py",
                        "create-user",
                        "--username",
                        name,
                        "--role",
                        role,
                        "--team",
                        team,
                        "--password-stdin",
                    ],
                    cwd=ROOT,
                    env=env,
                    input=password + "\n",
                    text=True,
                    check=True,
                    capture_output=True,
                )
            yield {"base": base, "api": f"http://127.0.0.1:{api_port}", "log": home / "run.log", "proc": proc}
    finally:  # the app's whole output, shutdown included, beside the screenshots (its warnings are tested)
        ARTIFACTS.mkdir(exist_ok=True)
        if (home / "run.log").exists():
            (ARTIFACTS / "app-run.log").write_text((home / "run.log").read_text())


@pytest.fixture
def page(browser, app_server) -> Iterator[object]:
    """A fresh browser context (no cookies) and page, 30 s default timeout for waits."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.set_default_navigation_timeout(90_000)  # a page load fetches the app's scripts: slow on a loaded machine
    yield pg
    context.close()


def sign_in(page, base: str, username: str, password: str, path: str = "") -> None:
    """Open the app (at `path`) and sign in through the login form; returns once the browser holds the cookie.

    The page trades its one-time ticket for the HttpOnly cookie with an image request to /session/start just
    after the first signed-in page is drawn; a reload or a typed URL needs that cookie.
    """
    page.goto(base + path)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    with page.expect_response(lambda r: "/session/start" in r.url and r.status == 200):
        page.get_by_role("button", name="Sign in").click()


def shot(page, name: str) -> None:
    """Save a full-page screenshot under tests/e2e/artifacts/."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
