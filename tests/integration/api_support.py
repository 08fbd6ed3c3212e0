"""Fixtures for the REST API tests: a migrated PostgreSQL database, users with keys, a client, real workers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from core.config import Settings
from db.migrate import upgrade
from db.models import User
from db.session import session_scope
from services.api_keys import create_api_key
from services.users import create_user
from tests.processes import kill_group

ROOT = Path(__file__).resolve().parents[2]

RESUME = """Jane Doe
Experience
- Built data pipelines in Python and SQL for the finance team
- Managed a team of 4 engineers delivering a reporting platform
- Wrote dashboards used by 30 analysts every week
"""
JD = """Senior Data Engineer
Requirements: Python, SQL, Airflow, AWS. Experience leading engineers.
Nice to have: Kubernetes, dbt.
"""


@dataclass
class ApiEnv:
    """A running app with its settings and the keys of two recruiters and an admin."""

    settings: Settings
    client: TestClient
    keys: dict[str, str] = field(default_factory=dict)

    def auth(self, who: str = "alice", *, header: str = "bearer") -> dict[str, str]:
        """Headers carrying `who`'s key as a Bearer token or in X-API-Key."""
        key = self.keys[who]
        return {"Authorization": f"Bearer {key}"} if header == "bearer" else {"X-API-Key": key}

    def env_vars(self) -> dict[str, str]:
        """The environment a worker process needs to serve this app's database and queue."""
        env = {
            k: v for k, v in os.environ.items() if not k.startswith("ATS_") and k not in ("DATABASE_URL", "REDIS_URL")
        }
        env.update({"DATABASE_URL": self.settings.database_url, "ATS_QUEUE_NAME": self.settings.queue_name})
        if self.settings.redis_url:
            env["REDIS_URL"] = self.settings.redis_url
        env["ATS_WEBHOOK_ALLOW_PRIVATE"] = "true" if self.settings.webhook_allow_private else "false"
        if self.settings.cookie_key:
            env["ATS_COOKIE_KEY"] = self.settings.cookie_key
        if self.settings.webhook_secret:
            env["ATS_WEBHOOK_SECRET"] = self.settings.webhook_secret
        return env


def add_key(settings: Settings, username: str, role: str, scopes: tuple[str, ...], team: str | None = None) -> str:
    """Create a user (if new) and one key for it; return the key."""
    with session_scope(settings) as s:
        if s.scalar(select(User).where(User.username == username)) is None:
            create_user(s, username=username, role=role, team=team, password="pw-" + username + "-123456")
        _, key = create_api_key(s, username=username, name=f"{username}-key", scopes=scopes)
    return key


@pytest.fixture
def make_api(make_settings, pg_url, redis_namespace) -> Iterator[Callable[..., ApiEnv]]:
    """Build an app on a fresh migrated database and a private Redis namespace; settings may be overridden."""
    redis_url, namespace = redis_namespace
    clients: list[TestClient] = []

    def _make(**overrides: Any) -> ApiEnv:
        values: dict[str, Any] = {
            "database_url": pg_url,
            "redis_url": redis_url,
            "queue_name": namespace,
            "webhook_allow_private": True,
            "webhook_secret": "api-test-webhook-secret-0123456789",
        }
        values.update(overrides)
        settings = make_settings(**values)
        upgrade(settings)
        keys = {
            "alice": add_key(settings, "alice", "recruiter", ("jobs:write", "jobs:read")),
            "bob": add_key(settings, "bob", "recruiter", ("jobs:write", "jobs:read")),
            "reader": add_key(settings, "carol", "recruiter", ("jobs:read",)),
            "admin": add_key(settings, "root", "admin", ("jobs:write", "jobs:read")),
            "scraper": add_key(settings, "root", "admin", ("metrics",)),
        }
        client = TestClient(create_app(settings), raise_server_exceptions=False)
        clients.append(client)
        return ApiEnv(settings=settings, client=client, keys=keys)

    yield _make
    for client in clients:
        client.close()
    get_engine_dispose(pg_url)


def get_engine_dispose(url: str) -> None:
    """Close pooled connections so the test database can be dropped."""
    from db import session as db_session

    for (db_url, _), engine in list(db_session._ENGINES.items()):  # noqa: SLF001 - test cleanup
        if db_url == url:
            engine.dispose()


@dataclass
class Workers:
    """Real `python manage.py worker` processes serving one app's queue."""

    procs: list[subprocess.Popen] = field(default_factory=list)


@pytest.fixture
def start_workers() -> Iterator[Callable[[ApiEnv, int], Workers]]:
    """Start N worker processes for an ApiEnv; they are stopped after the test."""
    started: list[subprocess.Popen] = []

    def _start(env: ApiEnv, count: int = 1) -> Workers:
        procs = []
        for _ in range(count):
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "manage.py"), "worker"],
                cwd=ROOT,
                env=env.env_vars(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            procs.append(proc)
            started.append(proc)
        return Workers(procs)

    yield _start
    for proc in started:
        proc.terminate()
    for proc in started:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        kill_group(proc)


def wait_for_status(env: ApiEnv, job_id: str, who: str = "alice", timeout_s: float = 90.0) -> dict[str, Any]:
    """Poll the status route until the job is no longer processing."""
    deadline = time.monotonic() + timeout_s
    while True:
        body = env.client.get(f"/api/bulk/status/{job_id}", headers=env.auth(who)).json()
        if body["status"] != "processing" or time.monotonic() > deadline:
            return body
        time.sleep(0.25)
