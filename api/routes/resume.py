"""One pair, processed while the caller waits (with a timeout); the same result shape as a bulk item."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api import compat
from api.deps import CallerDep
from api.errors import ApiError
from api.intake import parse_json, parse_pair
from api.openapi import body_spec
from api.schemas import ErrorBody, LegacyResumeRequest, PairResult, ResumeRequest
from api.uploads import PAIR_FIELDS, is_multipart, options_of, pair_of, read_form, with_form
from core.config import Settings
from services import intake as service_intake
from services import sync
from services.principal import Principal

router = APIRouter(prefix="/api/resume", tags=["resume"])

_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 413, 422, 429, 504)}
_BODY_HELP = (
    "`{resume, jd, ref?, options?}`, or the earlier app's `{role, jd_text, bullets, extra_context?, settings?}`."
)


def _run(session: Session, principal: Principal, settings: Settings, raw: bytes) -> dict[str, Any]:
    resume, jd, options, _legacy = parse_pair(parse_json(raw))
    return _process(session, principal, settings, resume, jd, options, None)


def _process(
    session: Session,
    principal: Principal,
    settings: Settings,
    resume: str,
    jd: str,
    options: dict[str, Any] | None,
    ref: str | None,
) -> dict[str, Any]:
    # Imported here: only this route runs the pipeline inside the API process (the worker's public runner).
    from workers.tasks import item_runner

    try:
        result = sync.process_pair_now(
            session,
            principal=principal,
            resume=resume,
            jd=jd,
            ref=ref,
            options=options,
            timeout_s=settings.sync_timeout_s,
            run_item=item_runner(settings),
        )
    except TimeoutError:
        raise ApiError(
            504, "timeout", f"processing took longer than {settings.sync_timeout_s:g} s; submit it as a bulk job"
        ) from None
    return {**result, "results": compat.legacy_bullets(result), "coverage_summary": compat.legacy_coverage(result)}


@router.post(
    "/process",
    response_model=PairResult,
    responses=_ERRORS,
    summary="Process one pair synchronously",
    openapi_extra=with_form(body_spec(ResumeRequest, LegacyResumeRequest, description=_BODY_HELP), "pair"),
)
async def process_pair(request: Request, caller: CallerDep) -> dict:
    """The item result (scores, coverage, rewrites, flags) plus the earlier app's `results` per bullet."""
    principal = await caller.authorize("jobs:write", "sync")  # before the body is read
    settings = caller.settings
    if not is_multipart(request):
        raw = await request.body()
        return await caller.run_as(principal, lambda s, p: _run(s, p, settings, raw))
    form = await read_form(request, allowed=PAIR_FIELDS, max_files=2)
    options = options_of(form)
    service_intake.parse_options(options)  # before the file is read (OCR takes seconds a page)
    resume, jd, ref, document = await run_in_threadpool(pair_of, form, settings)
    result = await caller.run_as(principal, lambda s, p: _process(s, p, settings, resume, jd, options, ref))
    return {**result, "document": document} if document else result
