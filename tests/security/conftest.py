"""Fixtures of the security suite: the UI fixtures, and `make run`'s app (its keys generated, none given) in a
real browser, with a local "attacker" server that records every request a page makes to it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, free_port
from tests.e2e.conftest import running_app
from tests.integration.api_support import make_api  # noqa: F401 - fixture
from tests.ui.conftest import pipeline_ctx, run_queue, web_settings  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "security-admin-password-1"
RECRUITER = ("rita", "security-recruiter-pw-1")


class Attacker:
    """An HTTP server on 127.0.0.1 that answers 200 to anything and remembers each path asked for."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Attacker:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        """A URL on this server."""
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def attacker() -> Iterator[Attacker]:
    """A running Attacker."""
    with Attacker() as running:
        yield running


def manage(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `python manage.py ARGS` with env; returns the completed process (output captured as text)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        text=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def secure_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """`python manage.py run` with no secret in its environment (it generates them), on free ports and SQLite."""
    if not CHROMIUM.exists():
        pytest.fail("the browser tests could not run: /usr/bin/chromium is missing (apt-get install -y chromium)")
    home = tmp_path_factory.mktemp("security_app")
    web_port, api_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATS_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{home / 'ats.db'}",
            "ATS_DATA_DIR": str(home / "data"),
            "ATS_WEB_PORT": str(web_port),
            "ATS_API_PORT": str(api_port),
            "ATS_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "ATS_BCRYPT_ROUNDS": "4",
            "ATS_INJECTION_POLICY": "offline",  # hostile text is processed (offline engine) and shown, not quarantined
        }
    )
    base = f"http://127.0.0.1:{web_port}"
    with running_app(env, home, web_port, api_port):
        name, password = RECRUITER
        made = manage(env, "create-user", "--username", name, "--role", "recruiter", "--password-stdin", stdin=password)
        assert made.returncode == 0, made.stderr
        yield {"base": base, "api": f"http://127.0.0.1:{api_port}", "home": home, "env": env, "log": home / "run.log"}


@pytest.fixture
def page(browser, secure_app) -> Iterator[object]:
    """A fresh browser context (no cookies) and page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()
