"""Prometheus metrics: this process's counters plus cluster state read at scrape time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import MetricsDep
from api.schemas import ErrorBody
from observability import state

router = APIRouter(tags=["metrics"])


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Prometheus metrics",
)
def prometheus(request: Request, _principal: MetricsDep) -> Response:
    """Requests and latency, jobs and items by state, stage durations, LLM tokens and cost, cache hits, queue depth."""
    body, content_type = state.render_metrics(request.app.state.settings)
    return Response(body, media_type=content_type)
