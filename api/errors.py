"""The API's one error shape, {error, detail, request_id}, and the handlers that convert project errors into it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import (
    AtsError,
    Conflict,
    DailyLimitReached,
    InputError,
    NotFound,
    PermissionDenied,
    ProviderError,
)

log = logging.getLogger("api.errors")

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
    504: "timeout",
}


class ApiError(Exception):
    """An error the API answers with directly: status, code, readable detail and extra fields."""

    def __init__(self, status: int, error: str, detail: str, *, headers: dict[str, str] | None = None, **extra: Any):
        super().__init__(detail)
        self.status, self.error, self.detail = status, error, detail
        self.headers = headers or {}
        self.extra = extra


def request_id_of(request: Request) -> str | None:
    """The id the edge middleware gave this request."""
    return request.scope.get("state", {}).get("request_id")


def error_body(error: str, detail: Any, request_id: str | None, **extra: Any) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"error": error, "detail": detail, "request_id": request_id, **extra}


def error_response(request: Request, status: int, error: str, detail: Any, *, headers=None, **extra) -> JSONResponse:
    """A JSONResponse in the error shape."""
    body = error_body(error, detail, request_id_of(request), **extra)
    return JSONResponse(body, status_code=status, headers=headers)


def next_utc_midnight(now: datetime | None = None) -> datetime:
    """When daily cost limits reset."""
    now = now or datetime.now(UTC)
    return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def _clean_validation_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep location, message and type only: the offending input may be resume text and never goes back out."""
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e.get("type")} for e in errors
    ]


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(request, exc.status, exc.error, exc.detail, headers=exc.headers, **exc.extra)


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = _clean_validation_errors(list(exc.errors()))
    where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
    return error_response(request, 422, "validation_error", f"invalid request: {where}", errors=errors)


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _STATUS_CODES.get(exc.status_code, "error")
    return error_response(request, exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None))


async def _project(request: Request, exc: AtsError) -> JSONResponse:
    if isinstance(exc, NotFound):
        return error_response(request, 404, "not_found", "not found")
    if isinstance(exc, PermissionDenied):
        return error_response(request, 403, "forbidden", str(exc))
    if isinstance(exc, Conflict):
        return error_response(request, 409, "conflict", str(exc))
    if isinstance(exc, DailyLimitReached):
        resets = next_utc_midnight()
        retry = max(1, int((resets - datetime.now(UTC)).total_seconds()))
        return error_response(
            request,
            429,
            "daily_cost_limit",
            str(exc),
            headers={"Retry-After": str(retry)},
            scope=exc.scope,
            limit=round(exc.limit_usd, 6),
            spend=round(exc.spent_usd, 6),
            resets_at=resets.isoformat(),
        )
    if isinstance(exc, InputError):
        rows = getattr(exc, "rows", None)
        if rows is not None:
            return error_response(request, 422, "invalid_rows", str(exc), rows=rows)
        return error_response(request, 422, "invalid_input", str(exc))
    if isinstance(exc, ProviderError):
        return error_response(request, 503, "provider_unavailable", "the model provider is unavailable; retry later")
    log.error("unhandled project error", extra={"error_type": type(exc).__name__})
    return error_response(request, 500, "internal_error", "internal error")


async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
    # A unique key hit by two identical requests at once (e.g. the same Idempotency-Key): the loser retries.
    if isinstance(exc, IntegrityError):
        return error_response(request, 409, "conflict", "a concurrent request conflicted with this one; retry it")
    if isinstance(exc, OperationalError) or exc.connection_invalidated:
        log.warning("database unavailable", extra={"error_type": type(exc.orig).__name__})
        return error_response(
            request, 503, "unavailable", "the database is unavailable; retry later", headers={"Retry-After": "5"}
        )
    log.error("database error", extra={"error_type": type(exc.orig).__name__})
    return error_response(request, 500, "internal_error", "internal error")


async def _pool_timeout(request: Request, exc: PoolTimeout) -> JSONResponse:
    log.warning("database pool exhausted", extra={"error_type": type(exc).__name__})
    return error_response(request, 503, "unavailable", "the server is busy; retry later", headers={"Retry-After": "5"})


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Logged with its type only: messages of unexpected errors may quote user text.
    log.error("unhandled error in request", extra={"error_type": type(exc).__name__}, exc_info=exc)
    return error_response(request, 500, "internal_error", "internal error")


def install_error_handlers(app: FastAPI) -> None:
    """Register every handler so no error leaves the API in another shape."""
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(AtsError, _project)  # type: ignore[arg-type]
    app.add_exception_handler(DBAPIError, _database)  # type: ignore[arg-type]
    app.add_exception_handler(PoolTimeout, _pool_timeout)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
