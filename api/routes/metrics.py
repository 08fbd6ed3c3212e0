"""Prometheus metrics: this process's counters plus cluster state read at scrape time."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import MetricsDep
from api.schemas import ErrorBody
from observability import metrics

router = APIRouter(tags=["metrics"])


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Prometheus metrics",
)
def prometheus(request: Request, _principal: MetricsDep) -> Response:
    """Requests and latency, jobs and items by state, stage durations, LLM tokens and cost, cache hits, queue depth."""
    refresh = getattr(request.app.state, "refresh_metrics", None)
    if refresh is not None:
        refresh()
    body, content_type = metrics.render()
    return Response(body, media_type=content_type)
