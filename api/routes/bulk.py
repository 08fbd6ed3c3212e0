"""Bulk jobs: accept many pairs (202), report status, page through results as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Header, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api import compat
from api.deps import CallerDep
from api.errors import ApiError
from api.intake import parse_bulk, parse_json
from api.openapi import body_spec
from api.schemas import BULK_REQUEST_MODELS, Accepted, ErrorBody, JobResults, JobStatus
from api.uploads import BULK_FIELDS, FormIn, bulk_batch, is_multipart, options_of, read_form, with_form
from core.config import Settings
from core.errors import ConfigError, InputError
from services import intake as service_intake
from services import jobs, results
from services.documents import FileBatch
from services.principal import Principal
from services.webhooks import check_callback_url

router = APIRouter(prefix="/api/bulk", tags=["bulk"])

JobId = Annotated[
    str, Path(pattern=r"^[A-Za-z0-9-]{1,64}$", description="The job id returned by POST /api/bulk/process")
]
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 404, 409, 413, 422, 429)}
_BODY_HELP = (
    "One of: `{items: [{resume, jd, ref?}], options?, callback_url?}`; `{jd, resumes: [resume | {resume, ref?}]}` "
    "(one JD for every resume); the earlier app's `{job_description, candidates: [{candidate_id, bullets}], "
    "settings: {tone, max_len, variants}}`."
)


def _accept(
    session: Session,
    principal: Principal,
    settings: Settings,
    raw: bytes,
    idempotency_key: str | None,
    sent: jobs.CollectingQueue,
) -> dict:
    """Parse, check and submit, in the worker thread (a 10 MB body is too much JSON for the event loop)."""
    data = parse_json(raw)
    bulk = parse_bulk(
        data,
        max_items=settings.max_items_per_job,
        check_rows=lambda pairs: service_intake.check_pairs(pairs, settings)[1],
    )
    _check_callback(settings, bulk.callback_url)
    accepted = jobs.submit_job(
        session,
        principal=principal,
        pairs=[service_intake.as_pair(p) for p in bulk.rows],
        options=bulk.options,
        source="api",
        idempotency_key=idempotency_key,
        callback_url=bulk.callback_url,
        queue=sent,
    )
    return {**accepted, "status": "processing", "total_candidates": accepted["items"]}


def _check_callback(settings: Settings, url: str | None) -> None:
    if url:
        try:
            settings.require_webhook_secret()  # a callback nobody could verify is refused up front
            check_callback_url(url, allow_private=settings.webhook_allow_private)
        except (InputError, ConfigError) as exc:
            raise ApiError(422, "invalid_callback_url", str(exc)) from None


def _accept_files(
    session: Session,
    principal: Principal,
    form: FormIn,
    batch: FileBatch,
    idempotency_key: str | None,
    sent: jobs.CollectingQueue,
) -> dict:
    """Submit the files already read (every one readable) as one job."""
    uploads = form.files["files"]
    accepted = jobs.submit_job(
        session,
        principal=principal,
        pairs=batch.pairs(),
        options=options_of(form),
        source="api",
        idempotency_key=idempotency_key,
        callback_url=form.texts.get("callback_url") or None,
        queue=sent,
        file_name=uploads[0][0] if len(uploads) == 1 else None,  # one ZIP (or file) names the job
    )
    documents = [f.described() for f in batch.files]
    return {**accepted, "status": "processing", "total_candidates": accepted["items"], "documents": documents}


@router.post(
    "/process",
    status_code=202,
    response_model=Accepted,
    responses=_ERRORS,
    summary="Submit pairs for processing",
    openapi_extra=with_form(body_spec(*BULK_REQUEST_MODELS, description=_BODY_HELP), "bulk"),
)
async def process_bulk(
    request: Request,
    caller: CallerDep,
    background: BackgroundTasks,
    idempotency_key: Annotated[str | None, Header(max_length=200, alias="Idempotency-Key")] = None,
) -> dict:
    """Queue a job; the same Idempotency-Key with the same body returns the same job, with another body 409."""
    principal = await caller.authorize("jobs:write", "bulk")  # before a byte of a large body is read
    sent = jobs.CollectingQueue()
    if is_multipart(request):
        settings = caller.settings
        form = await read_form(request, allowed=BULK_FIELDS, max_files=settings.doc_max_files + 1)  # + the JD
        service_intake.parse_options(options_of(form))  # cheap checks first: reading files may take seconds (OCR)
        _check_callback(settings, form.texts.get("callback_url"))
        batch = await run_in_threadpool(bulk_batch, form, settings)  # no database session held while reading
        accepted = await caller.run_as(principal, lambda s, p: _accept_files(s, p, form, batch, idempotency_key, sent))
    else:
        raw = await request.body()
        accepted = await caller.run_as(
            principal, lambda s, p: _accept(s, p, caller.settings, raw, idempotency_key, sent)
        )
    if sent.item_ids:
        # The items are committed, so the 202 need not wait for RQ (a quarter second for 1,000 items); should
        # the process die before this runs, the workers' scan finds the queued items and enqueues them.
        background.add_task(jobs.send_items, caller.settings, sent.item_ids)
    return accepted


@router.get("/status/{job_id}", response_model=JobStatus, responses=_ERRORS, summary="Status of a job")
async def bulk_status(job_id: JobId, caller: CallerDep) -> dict:
    """Counts per status and stage, progress and cost so far; another owner's job answers 404."""
    return await caller.run(
        "jobs:read", "read", lambda s, p: compat.status_fields(jobs.job_status(s, principal=p, job_id=job_id))
    )


@router.get(
    "/results/{job_id}",
    response_model=JobResults,
    responses={**_ERRORS, 200: {"content": {"application/json": {}, "text/csv": {}}}},
    summary="Results of a job, paged",
)
async def bulk_results(
    job_id: JobId,
    caller: CallerDep,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    format: Annotated[Literal["json", "csv"], Query(description="json (paged) or csv (every bullet)")] = "json",
) -> Any:
    """Per item: scores before/after, coverage, rewrites with flags, PII flags, review state."""
    if format == "csv":
        text = await caller.run("jobs:read", "read", lambda s, p: results.results_csv(s, principal=p, job_id=job_id))
        headers = {"Content-Disposition": f'attachment; filename="job-{job_id}.csv"'}
        return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
    return await caller.run("jobs:read", "read", lambda s, p: _page(s, p, job_id, offset, limit))


def _page(session: Session, principal: Principal, job_id: str, offset: int, limit: int) -> dict:
    status = compat.status_fields(jobs.job_status(session, principal=principal, job_id=job_id))
    page = results.job_results(session, principal=principal, job_id=job_id, offset=offset, limit=limit)
    candidates = [compat.legacy_candidate(item) for item in page["items"]]
    return {**status, **page, "candidates": candidates}
