"""Typed dependencies: settings, a database session, the API-key principal, scopes and rate limits."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.errors import ApiError
from api.ratelimit import Limiter, auth_failure_delay, bucket_limits
from core.config import Settings
from db.session import session_scope
from observability import metrics
from services import audit
from services.api_keys import verify_api_key
from services.principal import Principal

log = logging.getLogger("api.auth")

# Declared as security schemes so the OpenAPI document shows both ways of sending a key.
_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer ats_…`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="`X-API-Key: ats_…` (the earlier app's header)")


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    """A session for this request: committed when the route succeeds, rolled back when it raises."""
    with session_scope(request.app.state.engine) as session:
        yield session


def get_limiter(request: Request) -> Limiter:
    """The app's rate limiter."""
    return request.app.state.limiter


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
LimiterDep = Annotated[Limiter, Depends(get_limiter)]


def client_address(request: Request) -> str:
    """The peer address (a proxy in front should be trusted explicitly by uvicorn's --forwarded-allow-ips)."""
    return request.client.host if request.client else "unknown"


def _unauthorized(detail: str) -> ApiError:
    return ApiError(401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="ats"'})


def _record_auth_failures(request: Request, address: str, failures: int) -> None:
    """Write a security event in its own transaction (the request's session is rolled back on 401)."""
    with session_scope(request.app.state.engine) as s:
        detail = {"failures_this_minute": failures, "path": request.url.path}
        audit.security_event(s, kind="api_auth_failures", severity="high", address=address, detail=detail)


async def _failed_auth(request: Request, settings: Settings, limiter: Limiter, detail: str) -> ApiError:
    """Count a failure from this address; past the threshold, hold the answer and record a security event."""
    address = client_address(request)
    decision = await run_in_threadpool(limiter.hit, "authfail", address, settings.auth_fail_per_minute)
    threshold = settings.auth_fail_per_minute
    # One event when the threshold is crossed and one per further threshold's worth, not one per request.
    if decision.count > threshold and (decision.count - threshold - 1) % threshold == 0:
        log.warning("repeated API authentication failures", extra={"count": decision.count})
        await run_in_threadpool(_record_auth_failures, request, address, decision.count)
    delay = auth_failure_delay(decision.count, threshold)
    if delay:
        await asyncio.sleep(delay)  # slows guessing without holding a worker thread
    return _unauthorized(detail)


async def get_principal(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header_key: Annotated[str | None, Depends(_header)],
) -> Principal:
    """The principal of the request's API key (Bearer or X-API-Key); 401 otherwise."""
    key = bearer.credentials if bearer else header_key
    if not key:
        if any(k in request.query_params for k in ("api_key", "key", "token", "access_token")):
            raise _unauthorized("API keys are never accepted in a URL; send Authorization: Bearer <key>")
        raise _unauthorized("an API key is required: Authorization: Bearer <key> or X-API-Key: <key>")
    principal = await run_in_threadpool(verify_api_key, session, key=key.strip())
    if principal is None:
        raise await _failed_auth(request, settings, limiter, "invalid or revoked API key")
    request.state.api_key_id = principal.api_key_id
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def has_scope(principal: Principal, scope: str) -> bool:
    """A key has the scope, or the admin scope; an admin's key has every scope."""
    return not scope or principal.is_admin or scope in principal.scopes or "admin" in principal.scopes


def require(scope: str, bucket: str):
    """A dependency: the principal, checked for `scope` and counted against the `bucket` rate limit."""

    def _dependency(principal: PrincipalDep, settings: SettingsDep, limiter: LimiterDep) -> Principal:
        if not has_scope(principal, scope):
            raise ApiError(403, "forbidden", f"this API key lacks the {scope} scope")
        limit = bucket_limits(settings)[bucket]
        decision = limiter.hit(bucket, str(principal.api_key_id), limit)
        if not decision.allowed:
            metrics.API_RATE_LIMITED.labels(limit=bucket).inc()
            raise ApiError(
                429,
                "rate_limited",
                f"rate limit of {limit} {bucket} requests a minute per key reached; retry in {decision.retry_after} s",
                headers={"Retry-After": str(decision.retry_after)},
                limit=limit,
                retry_after=decision.retry_after,
            )
        return principal

    return _dependency


WriterDep = Annotated[Principal, Depends(require("jobs:write", "bulk"))]
ReaderDep = Annotated[Principal, Depends(require("jobs:read", "read"))]
SyncDep = Annotated[Principal, Depends(require("jobs:write", "sync"))]
MetricsDep = Annotated[Principal, Depends(require("metrics", "read"))]
AnyKeyDep = Annotated[Principal, Depends(require("", "read"))]
