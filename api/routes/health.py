"""Liveness (no key, no statistics) and readiness (database, Redis, workers; needs a key)."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from api.deps import CallerDep
from api.schemas import ErrorBody, Health, Readiness
from core.config import Settings

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness")
async def health() -> dict:
    """The process answers. Deliberately says nothing else: it needs no key."""
    return {"status": "ok"}


def _timed(check) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as exc:  # noqa: BLE001 - a readiness probe reports any failure as "down", by type only
        detail, ok = {"error": type(exc).__name__}, False
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1), **(detail or {})}


def _database(engine) -> dict[str, Any]:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return {}


def _redis(settings: Settings) -> dict[str, Any]:
    import redis

    client = redis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return {}


def _workers(settings: Settings) -> dict[str, Any]:
    """RQ workers listening on our queue (with Redis); in embedded mode the database queue has no registry."""
    if not settings.redis_url:
        return {"mode": "embedded", "count": None}
    import redis
    from rq import Queue, Worker

    client = redis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
    try:
        count = Worker.count(queue=Queue(settings.queue_name, connection=client))
    finally:
        client.close()
    return {"mode": "rq", "count": count}


def readiness(settings: Settings, engine) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body): 503 when the database or Redis is down; 'degraded' when no worker listens."""
    checks = {"database": _timed(lambda: _database(engine))}
    if settings.redis_url:
        checks["redis"] = _timed(lambda: _redis(settings))
    checks["workers"] = _timed(lambda: _workers(settings))
    if checks["workers"]["ok"] and checks["workers"].get("count") == 0:
        checks["workers"]["ok"] = False
    hard_down = not checks["database"]["ok"] or not checks.get("redis", {"ok": True})["ok"]
    status = "ok" if all(c["ok"] for c in checks.values()) else "degraded"
    return (503 if hard_down else 200), {"status": status, "checks": checks}


@router.get(
    "/health/ready",
    response_model=Readiness,
    responses={503: {"model": Readiness}, 401: {"model": ErrorBody}, 429: {"model": ErrorBody}},
    summary="Readiness",
)
async def ready(request: Request, caller: CallerDep) -> Any:
    """Can this API serve and can its jobs run: database, Redis (when configured) and workers."""
    code, body = await caller.run("", "read", lambda _s, _p: readiness(caller.settings, request.app.state.engine))
    return JSONResponse(body, status_code=code) if code != 200 else body
