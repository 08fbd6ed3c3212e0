"""State gauges read from PostgreSQL at scrape time: items/jobs by status, queue depth, spend."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from core.config import load_settings
from core.statuses import derive_status
from db.migrate import upgrade
from db.models import DailyLimit, Job, JobItem, LlmCall, User
from db.session import make_engine, session_scope
from observability import metrics
from services import metrics_state as state

pytestmark = pytest.mark.postgres


def _sample(body: bytes, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(body.decode()):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    raise AssertionError(f"{name} {labels} not rendered")


def _seed(settings) -> None:
    now = datetime.now(UTC)
    engine = make_engine(settings)
    with session_scope(engine) as s:
        user = User(username="m1", role="recruiter", password_hash="x" * 60)
        s.add(user)
        s.flush()

        def job(statuses: list[tuple[str, str]], cancelled: bool = False) -> None:
            j = Job(id=str(uuid.uuid4()), owner_id=user.id, source="api", total=len(statuses))
            j.cancelled_at = now if cancelled else None
            s.add(j)
            s.flush()
            for i, (status, stage) in enumerate(statuses):
                finished = now - timedelta(minutes=2) if status in ("completed", "failed", "quarantined") else None
                s.add(
                    JobItem(
                        id=uuid.uuid4().hex,
                        job_id=j.id,
                        seq=i,
                        owner_id=user.id,
                        status=status,
                        stage=stage,
                        finished_at=finished,
                        created_at=now - timedelta(minutes=30),
                    )
                )

        job([("completed", "COMPLETED"), ("completed", "COMPLETED")])  # completed
        job([("completed", "COMPLETED"), ("failed", "FAILED")])  # partially_failed
        job([("queued", "INGEST"), ("queued", "INGEST"), ("queued", "INGEST")])  # queued
        job([("running", "PROCESS"), ("queued", "INGEST"), ("quarantined", "FAILED")])  # running
        job([("cancelled", "INGEST")], cancelled=True)  # cancelled
        for i, usd in enumerate((0.25, 0.5)):
            s.add(LlmCall(call_key=f"k{i}", provider="openai", model="m", purpose="rewrite", usd=usd, day=date.today()))
        s.add(LlmCall(call_key="old", provider="openai", model="m", purpose="rewrite", usd=9.0, day=date(2020, 1, 1)))
        s.add(DailyLimit(scope="global", limit_usd=20.0))
    engine.dispose()


def test_render_metrics_reflects_the_database(pg_url: str) -> None:
    settings = load_settings(database_url=pg_url, queue_name="q-test")
    upgrade(settings)
    _seed(settings)
    assert state.refresh_state(settings, force=True) is True
    body, _ = metrics.render()

    assert _sample(body, "ats_items", status="queued") == 4
    assert _sample(body, "ats_items", status="completed") == 3
    assert _sample(body, "ats_items", status="paused_limit") == 0
    assert _sample(body, "ats_items_by_stage", stage="INGEST") == 4
    assert _sample(body, "ats_items_by_stage", stage="PROCESS") == 1
    for status, n in {"completed": 1, "partially_failed": 1, "queued": 1, "running": 1, "cancelled": 1}.items():
        assert _sample(body, "ats_jobs", status=status) == n, status
    assert _sample(body, "ats_queue_depth", queue="q-test") == 4
    assert 1700 < _sample(body, "ats_queue_oldest_age_seconds") < 1900
    assert _sample(body, "ats_items_finished_last_15m") == 5
    assert _sample(body, "ats_items_failed_last_15m") == 2
    assert _sample(body, "ats_spend_today_usd") == pytest.approx(0.75)
    assert _sample(body, "ats_daily_limit_usd") == 20.0

    # A second scrape within the interval does not query again.
    assert state.refresh_state(settings) is False


def test_database_down_keeps_the_scrape_alive() -> None:
    settings = load_settings(database_url="postgresql+psycopg://postgres@127.0.0.1:1/none")
    before = metrics.REGISTRY.get_sample_value("ats_metrics_state_errors_total") or 0
    assert state.refresh_state(settings, force=True) is False
    assert metrics.REGISTRY.get_sample_value("ats_metrics_state_errors_total") == before + 1
    body, _ = state.render_metrics(settings)
    assert b"ats_items" in body


@pytest.mark.parametrize(
    ("counts", "cancelled", "expected"),
    [
        ({"queued": 2}, False, "queued"),
        ({"queued": 1, "completed": 1}, False, "running"),
        ({"paused_limit": 1}, False, "queued"),  # the API's rule (metrics said "running")
        ({"completed": 2}, False, "completed"),
        ({"completed": 1, "quarantined": 1}, False, "partially_failed"),
        ({"failed": 2}, False, "failed"),
        ({"queued": 2}, True, "cancelled"),
    ],
)
def test_job_status_rules(counts: dict, cancelled: bool, expected: str) -> None:
    assert derive_status(counts, sum(counts.values()), cancelled) == expected
