"""Turn a posted JSON body (any accepted shape) into pairs and options, listing every bad row at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from api import compat
from api.errors import ApiError
from api.schemas import (
    BulkItemsRequest,
    BulkJdRequest,
    ItemIn,
    LegacyBulkRequest,
    LegacyCandidate,
    LegacyResumeRequest,
    ResumeIn,
    ResumeRequest,
)

RowCheck = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
_RESUME_ROW: TypeAdapter[str | ResumeIn] = TypeAdapter(str | ResumeIn)

# Each shape is recognised by its list field; the list's rows are what "row N" refers to in errors.
_BULK_SHAPES: tuple[tuple[str, type[BaseModel]], ...] = (
    ("items", BulkItemsRequest),
    ("resumes", BulkJdRequest),
    ("candidates", LegacyBulkRequest),
)
_SHAPES_HELP = "send {items: [{resume, jd, ref?}]}, {jd, resumes: [...]} or {job_description, candidates: [...]}"


@dataclass
class BulkInput:
    """What a bulk request asks for."""

    rows: list[dict[str, Any]]
    options: dict[str, Any] | None
    callback_url: str | None


def parse_json(raw: bytes) -> Any:
    """The body as JSON, or 422 saying it is not."""
    if not raw.strip():
        raise ApiError(422, "validation_error", "a JSON body is required")
    try:
        return json.loads(raw)
    except RecursionError:
        # A body like [[[[…]]]] 200,000 deep exhausts the parser's stack: a client error, not a server one.
        raise ApiError(400, "bad_request", "the JSON body is nested too deeply; send a flat object") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(422, "validation_error", f"the body is not valid JSON: {exc.__class__.__name__}") from exc


def _ref_of(row: Any) -> str | None:
    if isinstance(row, dict):
        ref = row.get("ref", row.get("candidate_id"))
        return str(ref)[:200] if ref is not None else None
    return None


def _messages(exc: ValidationError) -> list[str]:
    """Readable `where: what` lines of a pydantic error, without the input (it may be resume text)."""
    return [f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()]


def _refuse(rows: list[dict[str, Any]], general: list[str]) -> ApiError:
    if general:
        return ApiError(422, "validation_error", "invalid request: " + "; ".join(general[:10]), rows=rows or None)
    return ApiError(422, "invalid_rows", f"{len(rows)} row(s) are invalid; nothing was enqueued", rows=rows)


def _row_pair(field: str, row: Any, data: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """One validated row as a pair dict, plus a shape-specific error (None when fine)."""
    if field == "items":
        item = ItemIn.model_validate(row)
        return item.model_dump(), None
    if field == "resumes":
        one = _RESUME_ROW.validate_python(row)
        if isinstance(one, ResumeIn):
            return {"resume": one.resume, "jd": data.get("jd"), "ref": one.ref}, None
        return {"resume": one, "jd": data.get("jd"), "ref": None}, None
    cand = LegacyCandidate.model_validate(row)
    pair = {
        "resume": compat.bullets_to_resume(cand.bullets),
        "jd": data.get("job_description"),
        "ref": cand.candidate_id,
    }
    return pair, compat.legacy_row_error(cand)


def _nul_problem(pair: dict[str, Any]) -> str | None:
    """NUL characters cannot be stored (PostgreSQL text refuses them) and never belong in a resume."""
    bad = [k for k in ("resume", "jd", "ref") if isinstance(pair.get(k), str) and "\x00" in pair[k]]
    return f"{', '.join(bad)} contains NUL characters (\\u0000); remove them" if bad else None


def _envelope_errors(model: type[BaseModel], field: str, data: dict[str, Any]) -> list[str]:
    """Errors of the request apart from its rows (options, callback_url, the shared JD...)."""
    try:
        model.model_validate({**data, field: []})
    except ValidationError as exc:
        return _messages(exc)
    return []


def parse_bulk(data: Any, *, max_items: int, check_rows: RowCheck | None = None) -> BulkInput:
    """Validate a bulk body of any accepted shape; rows are numbered from 1, like services' row errors.

    check_rows (the services' content checks) runs over the well-formed rows when others are malformed,
    so one answer lists every bad row.

    Raises:
        ApiError: 422 with every bad row (or what is wrong with the request as a whole).
    """
    if not isinstance(data, dict):
        raise ApiError(422, "validation_error", f"the body must be a JSON object: {_SHAPES_HELP}")
    found = [(field, model) for field, model in _BULK_SHAPES if field in data]
    if len(found) != 1:
        raise ApiError(422, "validation_error", f"unrecognised request shape: {_SHAPES_HELP}")
    field, model = found[0]
    raw_rows = data[field]
    if not isinstance(raw_rows, list) or not raw_rows:
        raise ApiError(422, "validation_error", f"{field} must be a non-empty list")
    if len(raw_rows) > max_items:
        raise ApiError(422, "too_many_items", f"{len(raw_rows)} items is more than the maximum of {max_items}")
    general = _envelope_errors(model, field, data)
    if general:
        raise _refuse([], general)
    pairs: list[tuple[int, dict[str, Any]]] = []
    bad: list[dict[str, Any]] = []
    for row, raw in enumerate(raw_rows, start=1):
        try:
            pair, problem = _row_pair(field, raw, data)
            problem = problem or _nul_problem(pair)
        except ValidationError as exc:
            problem = "; ".join(_messages(exc))
            pair = None
        if problem:
            bad.append({"row": row, "ref": _ref_of(raw), "error": problem})
        elif pair is not None:
            pairs.append((row, pair))
    if bad:
        if check_rows and pairs:
            for err in check_rows([p for _, p in pairs]):
                bad.append({**err, "row": pairs[int(err["row"]) - 1][0]})
        raise _refuse(sorted(bad, key=lambda e: e["row"]), [])
    envelope = model.model_validate({**data, field: []})
    options = getattr(envelope, "options", None) or getattr(envelope, "settings", None)
    return BulkInput([p for _, p in pairs], options.model_dump() if options else None, envelope.callback_url)


def parse_pair(data: Any) -> tuple[str, str, dict[str, Any] | None, bool]:
    """(resume, jd, options, legacy) from a one-pair body of either accepted shape."""
    if not isinstance(data, dict):
        raise ApiError(
            422, "validation_error", "the body must be a JSON object: {resume, jd} or {role, jd_text, bullets}"
        )
    legacy = "jd_text" in data or "bullets" in data
    try:
        if legacy:
            old = LegacyResumeRequest.model_validate(data)
            if not [b for b in old.bullets if b.strip()]:
                raise ApiError(422, "validation_error", "bullets must contain at least one non-empty bullet")
            resume, jd = compat.legacy_resume_pair(old)
            problem = _nul_problem({"resume": resume, "jd": jd})
            if problem:
                raise ApiError(422, "validation_error", problem)
            return resume, jd, compat.legacy_options(old.settings), True
        new = ResumeRequest.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, "validation_error", "invalid request: " + "; ".join(_messages(exc)[:10])) from None
    problem = _nul_problem({"resume": new.resume, "jd": new.jd, "ref": new.ref})
    if problem:
        raise ApiError(422, "validation_error", problem)
    return new.resume, new.jd, new.options.model_dump() if new.options else None, False
