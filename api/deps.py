"""Typed dependencies: the request's API key, checked with its scope and rate limit in one worker-thread hop.

Every handoff to the thread pool costs a thread wake-up, which on a busy 2-core machine is most of a
status request's latency; so a route's database work — key lookup, scope, rate limit, the service
call, commit — runs as ONE blocking function (`Caller.run`), never as a chain of sync dependencies.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.errors import ApiError
from api.ratelimit import Limiter, auth_failure_delay, bucket_limits
from core.config import Settings
from observability import metrics
from services import audit
from services.api_keys import verify_api_key
from services.principal import Principal, has_scope
from services.sessions import session_scope

log = logging.getLogger("api.auth")
T = TypeVar("T")

# Declared as security schemes so the OpenAPI document shows both ways of sending a key.
_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer ats_…`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="`X-API-Key: ats_…` (the earlier app's header)")
_KEY_SHAPE = re.compile(r"^[A-Za-z0-9_-]{8,200}$")
_URL_KEY_PARAMS = ("api_key", "apikey", "key", "token", "access_token")


class _BadKey(Exception):
    """The key matched no active key (handled on the event loop, where slowing costs no thread)."""


class _LockedOut(Exception):
    """Too many failed keys from this address this minute: no key from it is checked until the minute ends."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after


def client_address(request: Request) -> str:
    """The peer address (a proxy in front must be trusted explicitly with uvicorn's --forwarded-allow-ips)."""
    return request.client.host if request.client else "unknown"


def _unauthorized(detail: str) -> ApiError:
    return ApiError(401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="ats"'})


def _rate_limit(limiter: Limiter, settings: Settings, principal: Principal, bucket: str) -> None:
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


class KeyCache:
    """Recently verified keys for a few seconds (by SHA-256, never the key): saves a query on every call.

    A revoked key or a disabled user therefore keeps working for at most ttl_s in a process that has just
    seen it (ATS_API_KEY_CACHE_S; 0 turns the cache off).
    """

    def __init__(self, ttl_s: float, max_entries: int = 10_000):
        self.ttl_s = ttl_s
        self._max = max_entries
        self._entries: dict[str, tuple[float, Principal]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Principal | None:
        """The cached principal of a key still fresh, else None."""
        if self.ttl_s <= 0:
            return None
        entry = self._entries.get(hashlib.sha256(key.encode()).hexdigest())
        return entry[1] if entry and entry[0] > time.monotonic() else None

    def put(self, key: str, principal: Principal) -> None:
        """Remember a verified key until the TTL passes."""
        if self.ttl_s <= 0:
            return
        with self._lock:
            if len(self._entries) >= self._max:
                self._entries.clear()  # crude but bounded; a miss costs one query
            self._entries[hashlib.sha256(key.encode()).hexdigest()] = (time.monotonic() + self.ttl_s, principal)


class Caller:
    """The request's API key; `run` checks it and does the route's work in one transaction."""

    def __init__(self, request: Request, key: str):
        self.request = request
        self.key = key
        self.settings: Settings = request.app.state.settings
        self._engine = request.app.state.engine
        self._limiter: Limiter = request.app.state.limiter
        self._keys: KeyCache = request.app.state.key_cache

    def _run_sync(self, scope: str, bucket: str, work: Callable[[Session, Principal], T]) -> T:
        with session_scope(self._engine) as session:
            # Every `run` reads, writing at most one row (a key's last_used_at, a CSV export's audit row): autocommit
            # spares the BEGIN and COMMIT round trips, and under READ COMMITTED each statement had its own snapshot
            # inside a transaction anyway. Writes of several rows go through `run_as` (a real transaction).
            session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            principal = self._keys.get(self.key)
            if principal is None:
                self._refuse_locked_out()
                # A key outside the issued alphabet is refused before it reaches SQL (NULs break PostgreSQL).
                principal = verify_api_key(session, key=self.key) if _KEY_SHAPE.match(self.key) else None
                if principal is None:
                    raise _BadKey
                self._keys.put(self.key, principal)
            if not has_scope(principal, scope):
                raise ApiError(403, "forbidden", f"this API key lacks the {scope} scope")
            _rate_limit(self._limiter, self.settings, principal, bucket)
            return work(session, principal)

    async def run(self, scope: str, bucket: str, work: Callable[[Session, Principal], T]) -> T:
        """Verify the key, check `scope`, count the `bucket` limit, then `work(session, principal)`; commit."""
        try:
            return await run_in_threadpool(self._run_sync, scope, bucket, work)
        except _BadKey:
            raise await self._failed_auth() from None
        except _LockedOut as exc:
            metrics.API_RATE_LIMITED.labels(limit="authfail").inc()
            raise ApiError(
                429,
                "rate_limited",
                f"too many failed API keys from this address; retry in {exc.retry_after} s",
                headers={"Retry-After": str(exc.retry_after)},
                retry_after=exc.retry_after,
            ) from None

    async def authorize(self, scope: str, bucket: str) -> Principal:
        """Only the checks of `run` (key, scope, rate limit): routes with a body call this before reading it."""
        return await self.run(scope, bucket, lambda _session, principal: principal)

    def _as_sync(self, principal: Principal, work: Callable[[Session, Principal], T]) -> T:
        with session_scope(self._engine) as session:
            return work(session, principal)

    async def run_as(self, principal: Principal, work: Callable[[Session, Principal], T]) -> T:
        """`work(session, principal)` for an already authorized principal, in one transaction."""
        return await run_in_threadpool(self._as_sync, principal, work)

    def _refuse_locked_out(self) -> None:
        """Past ATS_AUTH_FAIL_LOCK_PER_MINUTE failures from this address, keys not recently verified are not checked.

        Only keys that need a database check are refused: one verified in the last ATS_API_KEY_CACHE_S keeps working.
        """
        failures, retry_after = self._limiter.count("authfail", client_address(self.request))
        if failures >= self.settings.auth_fail_lock_per_minute:
            raise _LockedOut(retry_after)

    async def _failed_auth(self) -> ApiError:
        """Count a failure from this address; past the threshold, hold the answer and record a security event."""
        address = client_address(self.request)
        threshold = self.settings.auth_fail_per_minute
        decision = await run_in_threadpool(self._limiter.hit, "authfail", address, threshold)
        # One event when the threshold is crossed and one per further threshold's worth, not one per request.
        if decision.count > threshold and (decision.count - threshold - 1) % threshold == 0:
            log.warning("repeated API authentication failures", extra={"count": decision.count})
            await run_in_threadpool(self._record_failures, address, decision.count)
        delay = auth_failure_delay(decision.count, threshold)
        if delay:
            await asyncio.sleep(delay)  # slows guessing without holding a worker thread
        return _unauthorized("invalid or revoked API key")

    def _record_failures(self, address: str, failures: int) -> None:
        with session_scope(self._engine) as s:
            detail = {"failures_this_minute": failures, "path": self.request.url.path}
            audit.security_event(s, kind="api_auth_failures", severity="high", address=address, detail=detail)


async def get_caller(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header_key: Annotated[str | None, Depends(_header)],
) -> Caller:
    """The key from `Authorization: Bearer` or `X-API-Key`; 401 when there is none (never from the URL)."""
    key = bearer.credentials if bearer else header_key
    if not key or not key.strip():
        if any(k in request.query_params for k in _URL_KEY_PARAMS):
            raise _unauthorized("API keys are never accepted in a URL; send Authorization: Bearer <key>")
        raise _unauthorized("an API key is required: Authorization: Bearer <key> or X-API-Key: <key>")
    return Caller(request, key.strip())


CallerDep = Annotated[Caller, Depends(get_caller)]
