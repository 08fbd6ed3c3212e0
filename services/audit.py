"""The audit log and security events: who did what (never resume or JD text)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditLog, SecurityEvent

_ADDRESS: ContextVar[str | None] = ContextVar("ats_audit_address", default=None)


@contextmanager
def acting_from(address: str | None) -> Iterator[None]:
    """Bind the client address that audit rows written inside the block record (the web app and the API set it)."""
    token = _ADDRESS.set(address)
    try:
        yield
    finally:
        _ADDRESS.reset(token)


def _name(actor: Any) -> str | None:
    if actor is None or isinstance(actor, str):
        return actor
    return getattr(actor, "username", str(actor))


def record(
    s: Session, *, actor: Any, action: str, target: str | None = None, address: str | None = None, detail: Any = None
) -> None:
    """Add an audit row (committed with the caller's transaction)."""
    address = address or _ADDRESS.get()
    s.add(AuditLog(actor=_name(actor), action=action, target=target, address=address, detail=detail))


def security_event(
    s: Session,
    *,
    kind: str,
    severity: str = "medium",
    actor: Any = None,
    job_id: str | None = None,
    item_id: str | None = None,
    address: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add a security event (injection detected, key misuse, failed logins)."""
    s.add(
        SecurityEvent(
            kind=kind,
            severity=severity,
            actor=_name(actor),
            job_id=job_id,
            item_id=item_id,
            address=address or _ADDRESS.get(),
            detail=detail,
        )
    )


def list_audit(s: Session, *, filters: dict[str, Any] | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Audit rows, newest first; filters: actor, action, since (datetime), until (datetime)."""
    f = filters or {}
    q = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if f.get("actor"):
        q = q.where(AuditLog.actor == f["actor"])
    if f.get("action"):
        q = q.where(AuditLog.action == f["action"])
    if isinstance(f.get("since"), datetime):
        q = q.where(AuditLog.at >= f["since"])
    if isinstance(f.get("until"), datetime):
        q = q.where(AuditLog.at < f["until"])
    return [
        {
            "id": r.id,
            "at": r.at,
            "actor": r.actor,
            "action": r.action,
            "target": r.target,
            "address": r.address,
            "detail": r.detail,
        }
        for r in s.scalars(q)
    ]


def list_security_events(s: Session, *, kind: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Security events, newest first."""
    q = select(SecurityEvent).order_by(SecurityEvent.id.desc()).limit(limit)
    if kind:
        q = q.where(SecurityEvent.kind == kind)
    return [
        {
            "id": r.id,
            "at": r.at,
            "kind": r.kind,
            "severity": r.severity,
            "actor": r.actor,
            "job_id": r.job_id,
            "item_id": r.item_id,
            "address": r.address,
            "detail": r.detail,
        }
        for r in s.scalars(q)
    ]
