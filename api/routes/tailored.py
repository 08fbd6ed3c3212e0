"""Tailored resumes: one candidate's resume with the reviewed texts in place (DOCX or text), or a job's as a ZIP."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from api.deps import CallerDep
from api.schemas import ErrorBody
from services import tailored

router = APIRouter(prefix="/api/bulk", tags=["bulk"])

JobId = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$", description="The job id")]
# No pattern: a malformed id must reach the key check first (401), then answer 404 like any id the caller cannot see.
ItemId = Annotated[str, Path(max_length=64, description="The item id (results: items[].item_id)")]
Fmt = Annotated[Literal["docx", "txt"], Query(description="docx (Word) or txt (plain text)")]
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 404, 422, 429)}
_DOCX = tailored.FORMATS["docx"]


@router.get(
    "/tailored/{job_id}/{item_id}",
    responses={**_ERRORS, 200: {"content": {_DOCX: {}, "text/plain": {}}}},
    summary="One candidate's tailored resume",
    response_class=Response,
)
async def tailored_one(job_id: JobId, item_id: ItemId, caller: CallerDep, format: Fmt = "docx") -> Response:
    """The resume's sections and bullets in order, each bullet's text after review (accepted, edited, else original)."""
    name, data = await caller.run(
        "jobs:read",
        "read",
        lambda s, p: tailored.tailored_resume(s, principal=p, job_id=job_id, item_id=item_id, fmt=format),
    )
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(data, media_type=tailored.FORMATS[format], headers=headers)


@router.get(
    "/tailored/{job_id}",
    responses={**_ERRORS, 200: {"content": {"application/zip": {}}}},
    summary="Every finished candidate's tailored resume, as a ZIP",
    response_class=Response,
)
async def tailored_all(job_id: JobId, caller: CallerDep, format: Fmt = "docx") -> Response:
    """One file per completed candidate, named by its ref."""
    data = await caller.run(
        "jobs:read", "read", lambda s, p: tailored.tailored_zip(s, principal=p, job_id=job_id, fmt=format)
    )
    headers = {"Content-Disposition": f'attachment; filename="tailored-{job_id}-{format}.zip"'}
    return Response(data, media_type="application/zip", headers=headers)
