"""ASGI middleware: request id, security headers, request metrics, and the body-size limit."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from starlette.exceptions import HTTPException

from api.errors import error_body
from observability import metrics
from observability.logs import log_context
from observability.tracing import request_span
from services.audit import acting_from

log = logging.getLogger("api.middleware")

Scope = dict[str, Any]
ASGIApp = Callable[..., Any]

_REQUEST_ID_OK = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
    (b"cache-control", b"no-store"),
)
# The API answers JSON, CSV and text only; the Swagger page needs its scripts from the CDN FastAPI names.
_CSP_API = b"default-src 'none'; frame-ancestors 'none'"
_CSP_DOCS = (
    b"default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    b"connect-src 'self'; frame-ancestors 'none'"
)
_DOC_PATHS = ("/docs", "/redoc")


async def send_json(send: Callable, status: int, body: dict[str, Any], headers: list | None = None) -> None:
    """Send a complete JSON response from middleware (before the app has answered)."""
    data = json.dumps(body).encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())] + (headers or [])
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": data})


def _incoming_request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _REQUEST_ID_OK.match(candidate):
                return candidate
    return uuid.uuid4().hex


def _route_label(scope: Scope) -> str:
    """The route template (never the raw path: job ids would explode the metric's label set)."""
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class EdgeMiddleware:
    """Outermost layer: request id, security headers, log context, a trace span, metrics; hides crashes."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        csp = _CSP_DOCS if scope.get("path", "").startswith(_DOC_PATHS) else _CSP_API
        extra = [*SECURITY_HEADERS, (b"content-security-policy", csp), (b"x-request-id", request_id.encode())]
        method = scope.get("method", "")
        started = time.perf_counter()
        state = {"status": 500, "started": False}

        async def send_wrapper(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                state["status"], state["started"] = message["status"], True
                have = {name.lower() for name, _ in message.get("headers", ())}
                message["headers"] = list(message.get("headers", ())) + [h for h in extra if h[0] not in have]
            await send(message)

        metrics.API_IN_FLIGHT.inc()
        client = scope.get("client")
        with (
            log_context(request_id=request_id),
            acting_from(client[0] if client else None),
            request_span(method, "http") as span,
        ):
            try:
                await self.app(scope, receive, send_wrapper)
            except Exception as exc:  # noqa: BLE001 - the HTTP edge: log the type, answer JSON, never a traceback
                log.error("request crashed", extra={"error_type": type(exc).__name__}, exc_info=exc)
                if not state["started"]:
                    await send_json(send_wrapper, 500, error_body("internal_error", "internal error", request_id))
            finally:
                metrics.API_IN_FLIGHT.dec()
                route = _route_label(scope)
                span.update_name(f"{method} {route}")
                span.set_attribute("http.route", route)
                span.set_attribute("http.status_code", int(state["status"]))
                metrics.observe_request(method, route, int(state["status"]), time.perf_counter() - started)


class _BodyTooLarge(HTTPException):
    """Raised inside receive() once the streamed body passes the limit (FastAPI re-raises HTTPExceptions)."""

    def __init__(self, detail: str):
        super().__init__(413, detail, headers={"connection": "close"})


class BodyLimitMiddleware:
    """Refuses bodies over max_bytes with 413: by Content-Length up front, or while streaming a chunked body."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = scope.get("state", {}).get("request_id")
        detail = f"request body is larger than {self.max_bytes} bytes"
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await send_json(send, 400, error_body("bad_request", "invalid Content-Length", request_id))
                    return
                if declared > self.max_bytes:
                    # Answer before reading a byte of the body; close so the client stops sending.
                    await send_json(
                        send, 413, error_body("payload_too_large", detail, request_id), [(b"connection", b"close")]
                    )
                    return
        received = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge(detail)
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await send_json(
                    send, 413, error_body("payload_too_large", detail, request_id), [(b"connection", b"close")]
                )
