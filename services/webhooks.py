"""Signed completion webhooks: HMAC-SHA256 over timestamp and body, retried with backoff, sent only to the address
checked as public (services.egress), with the payload built from services.progress."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from core.config import Settings
from core.errors import ConfigError, InputError
from db.models import Job
from observability import metrics
from services.egress import Resolver, pinned, public_addresses
from services.progress import status_dicts, status_fields

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-ATS-Signature"
TIMESTAMP_HEADER = "X-ATS-Timestamp"
EVENT_HEADER = "X-ATS-Event"
_RETRY_STATUSES = {408, 425, 429}


def webhook_secret(settings: Settings) -> str:
    """The signing secret ATS_WEBHOOK_SECRET (its own setting, never derived from another key); ConfigError if unset."""
    return settings.require_webhook_secret()


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Hex HMAC-SHA256 of `timestamp.body`: binding the time stops a captured delivery being replayed later."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify_signature(
    secret: str, header: str, body: bytes, *, tolerance_s: int = 300, now: float | None = None
) -> bool:
    """What a receiver does: parse `t=…,v1=…`, check the age and compare the HMAC in constant time."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), given)


def check_callback_url(url: str, *, allow_private: bool, resolve: Resolver | None = None) -> list[str]:
    """Check a callback URL; returns the addresses its host resolves to, all globally routable (none when allowed).

    Raises:
        InputError: with a message saying why the URL is refused.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        raise InputError("callback_url is not a valid URL") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise InputError("callback_url must be an absolute http:// or https:// URL")
    if parts.username or parts.password:
        raise InputError("callback_url must not carry credentials")
    if allow_private:
        return []  # tests and internal receivers: any address, resolved when the webhook is sent
    return public_addresses(host, resolve=resolve)


def _body(job_status: dict[str, Any]) -> bytes:
    payload = {"event": "job.completed", "job_id": job_status.get("job_id"), "job": job_status}
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()


def _pinned_request(url: str, *, allow_private: bool, resolve: Resolver | None) -> tuple[str, dict[str, str], dict]:
    """The URL, Host header and TLS name for a request that connects to the address just checked (no second lookup)."""
    addresses = check_callback_url(url, allow_private=allow_private, resolve=resolve)
    if not addresses:  # private targets allowed: resolve without the check, and still connect where we resolved
        addresses = public_addresses(urlsplit(url).hostname or "", allow_private=True, resolve=resolve)
    return pinned(url, addresses[0])


def deliver_job_webhook(
    settings: Settings,
    job_status_dict: dict[str, Any],
    callback_url: str,
    secret: str | None = None,
    *,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    base_delay_s: float = 1.0,
    resolve: Resolver | None = None,
) -> bool:
    """POST the finished job's status to callback_url, signed; retry 5xx/timeouts with backoff. True on a 2xx.

    The URL is checked again here (not only at submission): DNS may point elsewhere by the time the job ends. The
    connection goes to the address that check saw (egress.pinned), so a DNS answer that changes after the check
    (rebinding) cannot redirect the delivery.
    """
    job_id = job_status_dict.get("job_id")
    try:
        url, host_header, extensions = _pinned_request(
            callback_url, allow_private=settings.webhook_allow_private, resolve=resolve
        )
    except InputError as exc:
        log.warning("webhook refused", extra={"job_id": job_id, "reason": str(exc)})
        return False
    try:
        secret = secret or webhook_secret(settings)
    except ConfigError:
        log.warning("webhook not sent: ATS_WEBHOOK_SECRET is not set", extra={"job_id": job_id})
        return False
    body = _body(job_status_dict)
    own = client is None
    http = client or httpx.Client(timeout=10.0, follow_redirects=False)
    try:
        for attempt in range(1, settings.webhook_max_attempts + 1):
            timestamp = str(int(time.time()))
            headers = {
                **host_header,
                "Content-Type": "application/json",
                "User-Agent": "ats-resume-agent-webhook/1",
                EVENT_HEADER: "job.completed",
                TIMESTAMP_HEADER: timestamp,
                SIGNATURE_HEADER: f"t={timestamp},v1={sign(secret, timestamp, body)}",
            }
            retry = True
            try:
                reply = http.post(url, content=body, headers=headers, extensions=extensions)
                if 200 <= reply.status_code < 300:
                    metrics.WEBHOOKS.labels(outcome="ok").inc()
                    log.info("webhook delivered", extra={"job_id": job_id, "attempt": attempt})
                    return True
                retry = reply.status_code >= 500 or reply.status_code in _RETRY_STATUSES
                outcome = f"status {reply.status_code}"
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            metrics.WEBHOOKS.labels(outcome="error").inc()
            log.warning("webhook attempt failed", extra={"job_id": job_id, "attempt": attempt, "outcome": outcome})
            if not retry or attempt == settings.webhook_max_attempts:
                metrics.WEBHOOKS.labels(outcome="gave_up").inc()
                return False
            metrics.RETRIES.labels(kind="webhook").inc()
            # Exponential backoff with jitter so many finished jobs do not retry in lockstep.
            sleep(min(60.0, base_delay_s * 2 ** (attempt - 1)) * (0.5 + random.random() / 2))
    finally:
        if own:
            http.close()
    return False


def notify_job_finished(settings: Settings, engine: Engine, job_id: str) -> bool | None:
    """Deliver a finished job's webhook if it asked for one; None when it did not."""
    with Session(engine) as s:
        job = s.get(Job, job_id)
        if job is None or not job.callback_url:
            return None
        status, url = status_fields(status_dicts(s, [job])[0]), job.callback_url
    return deliver_job_webhook(settings, status, url)


def jobs_finished(settings: Settings, engine: Engine, finished: list[tuple[str, str | None]]) -> None:
    """The one place webhooks fire: for each job just stamped finished (id, callback URL), deliver in the background.

    Called only by whoever stamped the job finished (the stamp is a compare-and-set, so one caller per job): a
    job's webhook fires once; a thread because retries with backoff can take a minute.
    """
    for job_id, url in finished:
        log.info("job finished", extra={"job_id": job_id})
        if url:
            threading.Thread(
                target=notify_job_finished, args=(settings, engine, job_id), daemon=True, name="webhook"
            ).start()
