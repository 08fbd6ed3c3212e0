"""One job-status rule (core.statuses.derive_status): the API's status and the metrics gauge agree on the cases where
two copies of the rule used to disagree."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from db.models import Job, JobItem, utcnow
from services import metrics_state
from services.jobs import job_status

CASES = [
    # (item statuses, job cancelled, the status both must read)
    (["paused_limit"], False, "queued"),  # metrics said "running"
    (["running", "cancelled"], True, "running"),  # metrics said "cancelled" while an item still runs
    (["completed", "cancelled"], False, "cancelled"),  # metrics said "completed"
    (["completed", "failed"], False, "partially_failed"),
    (["queued", "completed"], False, "running"),
]


@pytest.mark.parametrize(("statuses", "cancelled", "expected"), CASES)
def test_the_api_and_metrics_read_one_status(session, make_user, db_settings, statuses, cancelled, expected) -> None:
    owner = make_user("stat")
    now = utcnow()
    job = Job(id=uuid.uuid4().hex, owner_id=owner.user_id, source="api", total=len(statuses))
    job.cancelled_at = now if cancelled else None
    session.add(job)
    session.flush()
    for i, status in enumerate(statuses):
        finished = now - timedelta(minutes=1) if status in ("completed", "failed", "cancelled") else None
        session.add(
            JobItem(
                id=uuid.uuid4().hex, job_id=job.id, seq=i, owner_id=owner.user_id, status=status, stage="INGEST",
                finished_at=finished,
            )
        )  # fmt: skip
    session.commit()

    api = job_status(session, principal=owner, job_id=job.id)["status"]
    metrics = metrics_state.snapshot(session, db_settings)["jobs"]
    assert api == expected
    assert metrics == {expected: 1}
