"""Who is acting: a signed-in user or an API key, and what each may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import ColumnElement, true

from core.errors import PermissionDenied
from db.models import Job

Role = Literal["recruiter", "manager", "admin"]
ROLES: tuple[str, ...] = ("recruiter", "manager", "admin")
ALL_SCOPES = frozenset({"jobs:write", "jobs:read"})
KEY_SCOPES = ALL_SCOPES | {"metrics", "admin"}  # what an API key may be given (metrics/admin: the REST API's)


@dataclass(frozen=True)
class Principal:
    """The acting user (and key, when the request came with one)."""

    user_id: int
    username: str
    role: Role
    team: str | None = None
    api_key_id: int | None = None
    scopes: frozenset[str] = field(default_factory=lambda: ALL_SCOPES)

    @property
    def is_admin(self) -> bool:
        """True for admins."""
        return self.role == "admin"


def job_visibility(principal: Principal) -> ColumnElement[bool]:
    """SQL condition on jobs: a recruiter or key sees its own, a manager the team's, an admin all."""
    if principal.api_key_id is not None or principal.role == "recruiter":
        return Job.owner_id == principal.user_id
    if principal.role == "manager":
        if principal.team is None:
            return Job.owner_id == principal.user_id
        return (Job.team == principal.team) | (Job.owner_id == principal.user_id)
    return true()


def has_scope(principal: Principal, scope: str) -> bool:
    """Whether the principal may act under `scope` — the one scope rule for the API and the services.

    Least privilege: an API key holds exactly the scopes it was given. Its owner's role never widens it (an admin's
    key with jobs:read cannot read metrics) and the `admin` scope implies no other scope; a leaked key can do only
    what it was made for. A signed-in user (no key) acts with its role, checked by the services themselves.
    """
    return not scope or principal.api_key_id is None or scope in principal.scopes


def require_scope(principal: Principal, scope: str) -> None:
    """Raise PermissionDenied when an API key lacks the scope."""
    if not has_scope(principal, scope):
        raise PermissionDenied(f"this API key lacks the {scope} scope")


def require_admin(principal: Principal | None) -> None:
    """Raise PermissionDenied unless the actor is an admin (None = the operator's CLI, trusted)."""
    if principal is not None and not principal.is_admin:
        raise PermissionDenied("only an admin may do this")
