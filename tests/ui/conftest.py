"""UI fixtures: a migrated SQLite database with one user per role, and AppTest helpers to sign in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.config import Settings, get_settings
from db.migrate import upgrade
from db.session import session_scope

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "webapp" / "main.py")
PASSWORDS = {"admin": "admin-pass-123", "rita": "recruiter-pass-1", "mona": "manager-pass-1", "otto": "other-team-pw1"}


@pytest.fixture
def web_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings for the app under test (a fresh SQLite file, no login delay), with four users."""
    from services.users import create_user

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'web.db'}")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("ATS_WEB_REFRESH_S", "60")
    monkeypatch.setenv("ATS_COOKIE_KEY", "ui-test-cookie-key-of-at-least-32-bytes")
    get_settings.cache_clear()
    settings = get_settings()
    upgrade(settings)
    with session_scope(settings) as s:
        create_user(s, username="admin", role="admin", password=PASSWORDS["admin"])
        create_user(s, username="rita", role="recruiter", team="blue", password=PASSWORDS["rita"])
        create_user(s, username="mona", role="manager", team="blue", password=PASSWORDS["mona"])
        create_user(s, username="otto", role="recruiter", team="red", password=PASSWORDS["otto"])
    yield settings
    get_settings.cache_clear()


def new_app() -> AppTest:
    """A fresh AppTest of the web app's script (one browser session)."""
    return AppTest.from_file(APP, default_timeout=30)


def sign_in(at: AppTest, username: str, password: str | None = None) -> AppTest:
    """Run the app, fill the sign-in form and submit it; returns the app after the follow-up run."""
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(password or PASSWORDS[username])
    at.button[0].click().run()
    return at


def page_titles(at: AppTest) -> list[str]:
    """The titles rendered by st.title on the current run."""
    return [t.value for t in at.title]


@pytest.fixture(scope="session")
def pipeline_ctx():
    """The pipeline context (taxonomy, matcher, offline engine), loaded once for every UI test."""
    from core.config import load_settings
    from core.factory import build_context

    return build_context(load_settings(database_url="sqlite://", redis_url=None))


@pytest.fixture
def run_queue(web_settings: Settings, pipeline_ctx):
    """Run every queued item to the end in this process (the worker's own loop, in burst mode)."""
    from dataclasses import replace

    import workers.runtime as runtime
    from db.session import get_engine
    from services.cache import signals_cache_for
    from services.dispatch import queue_for
    from workers.embedded import run_embedded

    engine = get_engine(web_settings)
    ctx = replace(pipeline_ctx, cache=signals_cache_for(web_settings, engine))
    rt = runtime.Runtime(settings=web_settings, engine=engine, ctx=ctx, queue=queue_for(web_settings))

    def _run() -> int:
        runtime.set_runtime(rt)
        try:
            return run_embedded(rt, burst=True)
        finally:
            runtime.set_runtime(None)

    return _run


def submit_pairs(settings: Settings, username: str, pairs: list[tuple[str, str, str]]) -> str:
    """Submit (ref, resume, jd) pairs as a user through the jobs service; returns the job id."""
    from services.jobs import PairIn, submit_job
    from services.users import principal_for

    with session_scope(settings) as s:
        principal = principal_for(s, username=username)
        out = submit_job(s, principal=principal, pairs=[PairIn(resume=r, jd=j, ref=ref) for ref, r, j in pairs])
    return out["job_id"]
