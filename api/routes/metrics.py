"""Prometheus metrics: this process's counters plus cluster state read at scrape time."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import CallerDep
from api.schemas import ErrorBody
from services import metrics_state

router = APIRouter(tags=["metrics"])


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Prometheus metrics",
)
async def prometheus(caller: CallerDep) -> Response:
    """Requests and latency, jobs and items by state, stage durations, LLM tokens and cost, cache hits, queue depth."""
    body, content_type = await caller.run(
        "metrics", "read", lambda _s, _p: metrics_state.render_metrics(caller.settings)
    )
    return Response(body, media_type=content_type)
