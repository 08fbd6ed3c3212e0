# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design
"""The API refuses repeated refs like the web upload does (services.intake.repeated_refs), saving nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from db.models import Job
from db.session import session_scope
from tests.integration.api_support import JD, RESUME, make_api  # noqa: F401 - fixture


def test_repeated_refs_are_refused_with_the_row_they_repeat(make_api) -> None:
    env = make_api()
    items = [{"resume": RESUME, "jd": JD, "ref": "c-1"}, {"resume": RESUME, "jd": JD, "ref": "c-1"}]
    reply = env.client.post("/api/bulk/process", json={"items": items}, headers=env.auth())
    assert reply.status_code == 422 and reply.json()["error"] == "invalid_rows", reply.text
    assert reply.json()["rows"] == [
        {"row": 2, "ref": "c-1", "error": "ref 'c-1' repeats row 1; each candidate needs its own ref"}
    ]
    with session_scope(env.settings) as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 0
    fine = [{"resume": RESUME, "jd": JD, "ref": "c-1"}, {"resume": RESUME, "jd": JD, "ref": "c-2"}]
    assert env.client.post("/api/bulk/process", json={"items": fine}, headers=env.auth()).status_code == 202
