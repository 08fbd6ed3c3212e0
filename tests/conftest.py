"""Shared fixtures: settings objects, a private PostgreSQL database per test, and Redis namespaces."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PG_ADMIN_URL = os.environ.get("ATS_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SHARED_REDIS = os.environ.get("ATS_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def make_settings(tmp_path: Path):
    """Build Settings from explicit values, never from the developer's environment."""

    def _make(**values: object) -> Settings:
        values.setdefault("database_url", f"sqlite:///{tmp_path / 'ats.db'}")
        values.setdefault("redis_url", None)
        return load_settings(**values)

    return _make


def _pg_admin():
    import psycopg

    return psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database `ats_test_<random>`, dropped after the test."""
    name = f"ats_test_{secrets.token_hex(6)}"
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with _pg_admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def redis_namespace() -> Iterator[tuple[str, str]]:
    """The shared Redis URL and a unique queue name; every key under that name is deleted after."""
    import redis

    name = f"ats_test_{secrets.token_hex(6)}"
    yield SHARED_REDIS, name
    conn = redis.Redis.from_url(SHARED_REDIS)
    for key in conn.scan_iter(f"*{name}*"):
        conn.delete(key)


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[dict]:
    """A private redis-server on a free port (for tests that restart or break Redis)."""
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed; install it (apt-get install redis-server) to run this test")
    port = free_port()
    cmd = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    cmd += ["--dir", str(tmp_path)]
    state = {"port": port, "url": f"redis://127.0.0.1:{port}/0", "cmd": cmd}

    def start() -> None:
        state["proc"] = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def stop() -> None:
        proc = state.get("proc")
        if proc and proc.poll() is None:
            proc.kill()
            proc.wait(5)

    state["start"], state["stop"] = start, stop
    start()
    yield state
    stop()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium (never a downloaded browser), one for the whole session: Playwright's sync API
    allows one instance at a time, and tests/e2e and tests/security both drive it."""
    if not CHROMIUM.exists():
        pytest.fail("the browser tests could not run: /usr/bin/chromium is missing (apt-get install -y chromium)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # the first page of a cold server imports the whole app

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


_LAYER_ORDER = {"unit": 0, "integration": 1, "ui": 2, "e2e": 3}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the layers cheapest first (unit, integration, ui, e2e): failures show early, and the browser's
    event loop (Playwright's sync API) cannot leak into tests that call asyncio.run()."""

    def layer(item: pytest.Item) -> int:
        if item.get_closest_marker("e2e"):
            return _LAYER_ORDER["e2e"]  # browser tests outside tests/e2e (tests/security) run with the browser layer
        parts = Path(str(item.fspath)).relative_to(ROOT).parts
        return _LAYER_ORDER.get(parts[1], 1) if len(parts) > 1 else 1

    items.sort(key=layer)  # stable: keeps file order within a layer
