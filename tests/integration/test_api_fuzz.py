"""Schemathesis over the OpenAPI document: no generated request may produce a 5xx (examples capped)."""
# ruff: noqa: F811 - pytest fixtures imported from api_support are arguments by design

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from core.config import load_settings
from tests.integration.api_support import make_api  # noqa: F401 - fixture

# The document does not depend on the database: build it once, at import, from a throwaway app.
_DOC = create_app(load_settings(database_url="sqlite://", redis_url=None)).openapi()
SCHEMA = schemathesis.openapi.from_dict(_DOC)
OPERATIONS = [(path, method) for path, ops in _DOC["paths"].items() for method in ops]


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m.upper()} {p}" for p, m in OPERATIONS])
def test_no_generated_request_gets_a_5xx(make_api, path, method):
    env = make_api(bulk_rate_per_minute=100_000, read_rate_per_minute=100_000, sync_rate_per_minute=100_000)
    auth = {"Authorization": f"Bearer {env.keys['admin']}"}
    operation = SCHEMA[path][method.upper()]

    @given(data=st.data())
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(data) -> None:
        case = data.draw(operation.as_strategy())
        response = case.call(app=env.client.app, headers=auth)
        assert response.status_code < 500, (method, path, response.status_code, response.text[:300])
        if response.status_code >= 400:
            body = response.json()
            assert {"error", "detail", "request_id"} <= set(body), body

    run()
