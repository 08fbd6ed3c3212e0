"""Quarantine: the items of a job held back as prompt injection, and a recruiter's release or reject of each."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.deps import CallerDep
from api.schemas import ErrorBody
from core.errors import InputError
from services import quarantine

router = APIRouter(prefix="/api/bulk", tags=["quarantine"])

JobId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$", description="The job id")]
ItemId = Annotated[str, Path(max_length=64, description="The item id (results: items[].item_id)")]
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 404, 409, 422, 429)}


class Flagged(BaseModel):
    """One flagged text, quoted as the candidate or employer wrote it, with what stands around it."""

    where: Literal["resume", "jd"]
    span: list[int] = Field(description="[start, end) in that text")
    before: str
    text: str
    after: str


class Decision(BaseModel):
    """A recruiter's decision on a quarantined item."""

    decision: Literal["released", "rejected"]
    by: str
    at: str = Field(description="UTC, ISO 8601")
    reason: str | None = None


class QuarantinedItem(BaseModel):
    """An item held back as prompt injection."""

    item_id: str
    ref: str | None
    status: str
    error: str | None
    category: str | None
    score: float | None
    flagged: list[Flagged]
    decision: Decision | None


class QuarantineList(BaseModel):
    """The quarantined items of a job."""

    job_id: str
    items: list[QuarantinedItem]


class RejectBody(BaseModel):
    """Why the item is rejected (kept with the item and shown in Review)."""

    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=quarantine.MAX_REASON)


class DecisionReply(BaseModel):
    """The item after the decision."""

    item_id: str
    status: str
    decision: Decision


@router.get(
    "/quarantine/{job_id}",
    response_model=QuarantineList,
    responses=_ERRORS,
    summary="Items held back as prompt injection",
)
async def quarantine_list(job_id: JobId, caller: CallerDep) -> dict[str, Any]:
    """Each quarantined item with its flagged sentences in context and any decision taken (scope jobs:read)."""
    items = await caller.run("jobs:read", "read", lambda s, p: quarantine.quarantined(s, principal=p, job_id=job_id))
    return {"job_id": job_id, "items": items}


@router.post(
    "/quarantine/{job_id}/{item_id}/release",
    response_model=DecisionReply,
    responses=_ERRORS,
    summary="Release a quarantined item to the offline engine",
)
async def quarantine_release(job_id: JobId, item_id: ItemId, caller: CallerDep) -> dict[str, Any]:
    """Queue the item again, processed by the offline engine only (never an external model); audited with who and
    when (scope jobs:write). 409 when the item is not quarantined or was already decided."""
    return await caller.run(
        "jobs:write", "read", lambda s, p: quarantine.release(s, principal=p, job_id=job_id, item_id=item_id)
    )


@router.post(
    "/quarantine/{job_id}/{item_id}/reject",
    response_model=DecisionReply,
    responses=_ERRORS,
    summary="Reject a quarantined item with a reason",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "Why the item is rejected",
            "content": {"application/json": {"schema": RejectBody.model_json_schema()}},
        }
    },
)
async def quarantine_reject(job_id: JobId, item_id: ItemId, request: Request, caller: CallerDep) -> dict[str, Any]:
    """The item ends rejected; the reason is kept and shown in Review; audited (scope jobs:write)."""
    principal = await caller.authorize("jobs:write", "read")  # the key first: a caller without one learns nothing
    try:
        body = RejectBody.model_validate_json(await request.body() or b"{}")
    except ValidationError as exc:
        raise InputError(
            f'a rejection needs {{"reason": "..."}} (1-{quarantine.MAX_REASON} characters): {exc.errors()[0]["msg"]}'
        ) from None
    return await caller.run_as(
        principal, lambda s, p: quarantine.reject(s, principal=p, job_id=job_id, item_id=item_id, reason=body.reason)
    )
