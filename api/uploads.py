"""multipart/form-data on the submit routes: resume files (PDF, DOCX, TXT, MD, RTF, ZIPs of them), a JD as text or file.

The form is read in the event loop (bytes only); the documents are read in a worker thread before any database
session is opened (OCR takes seconds a page). Any refused file refuses the request, naming every file and its reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from api.errors import ApiError
from core.config import Settings
from core.errors import DocumentError, InputError
from services.documents import FileBatch, FileRead, clean_name, read_jd_file, read_resumes

MULTIPART = "multipart/form-data"
BULK_FIELDS = ("files", "jd", "options", "callback_url")
PAIR_FIELDS = ("resume", "jd", "ref", "options")
_FORMATS = "PDF, DOCX, TXT, MD or RTF"


def is_multipart(request: Request) -> bool:
    """True when the body is a form with files rather than JSON."""
    return request.headers.get("content-type", "").lower().startswith(MULTIPART)


@dataclass
class FormIn:
    """A posted form: its text fields and its files, by field name, in order."""

    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)


async def read_form(request: Request, *, allowed: tuple[str, ...], max_files: int) -> FormIn:
    """The form's parts (unknown or repeated text fields are a 422 naming them)."""
    out = FormIn()
    # Starlette answers 400 for a malformed body or too many parts; text parts are capped at 1 MB each by default.
    async with request.form(max_files=max_files, max_fields=len(allowed) + 4) as form:
        for name, value in form.multi_items():
            if name not in allowed:
                raise ApiError(
                    422, "validation_error", f"unexpected form field '{clean_name(name)}'; send {', '.join(allowed)}"
                )
            if isinstance(value, UploadFile):
                data = await value.read()
                out.files.setdefault(name, []).append((clean_name(value.filename, fallback=name), data))
            elif name in out.texts:
                raise ApiError(422, "validation_error", f"the form field '{name}' was sent twice; send it once")
            else:
                out.texts[name] = value
    return out


def options_of(form: FormIn) -> dict[str, Any] | None:
    """The `options` field: a JSON object with the JSON body's options (tone, max_len, variants, batch)."""
    raw = form.texts.get("options")
    if raw is None or not raw.strip():
        return None
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(422, "validation_error", 'options must be a JSON object, e.g. {"tone": "concise"}') from None
    if not isinstance(value, dict):
        raise ApiError(422, "validation_error", 'options must be a JSON object, e.g. {"tone": "concise"}')
    return value


def _one_text_or_file(form: FormIn, name: str, what: str, settings: Settings) -> tuple[str, str | None]:
    """(text, file name or None) of a field sent either as text or as one file."""
    files, text = form.files.get(name, []), form.texts.get(name)
    if len(files) + (text is not None) != 1:
        raise ApiError(
            422,
            "validation_error",
            f"send the {what} once, as the form field '{name}': its text, or one file ({_FORMATS})",
        )
    if text is not None:
        return text, None
    file_name, data = files[0]
    try:
        return read_jd_file(file_name, data, settings), file_name
    except DocumentError as exc:
        raise ApiError(422, "invalid_file", str(exc), files=[_jd_refusal(file_name, exc)]) from None


def _jd_refusal(name: str, exc: DocumentError) -> dict[str, Any]:
    return {"file": name, "ref": None, "reason": exc.reason, "error": str(exc)}


def refuse_files(refused: list[FileRead], total: int) -> ApiError:
    """422 naming every refused file with its reason; nothing was saved."""
    head = "; ".join(f"{f.name}: {f.error}" for f in refused[:3])
    more = f" (and {len(refused) - 3} more)" if len(refused) > 3 else ""
    return ApiError(
        422,
        "invalid_files",
        f"{len(refused)} of {total} files cannot be used, so nothing was submitted: {head}{more}. "
        "Fix or remove them and send the request again.",
        files=[f.refusal() for f in refused],
    )


def bulk_batch(form: FormIn, settings: Settings) -> FileBatch:
    """The bulk form read: every resume file against the JD; 422 when any file is refused."""
    files = form.files.get("files", [])
    if not files:
        raise ApiError(422, "validation_error", f"send the resumes as one or more 'files' parts ({_FORMATS}, or ZIP)")
    jd, _ = _one_text_or_file(form, "jd", "job description", settings)
    try:
        batch = read_resumes(files, settings, jd=jd)
    except InputError as exc:
        raise ApiError(422, "invalid_files", str(exc)) from None
    if batch.refused:
        raise refuse_files(batch.refused, len(batch.files))
    return batch


def pair_of(form: FormIn, settings: Settings) -> tuple[str, str, str | None, dict[str, Any] | None]:
    """(resume text, JD text, ref, document summary or None) of the one-pair form; 422 naming a refused file."""
    jd, _ = _one_text_or_file(form, "jd", "job description", settings)
    files, text = form.files.get("resume", []), form.texts.get("resume")
    if len(files) + (text is not None) != 1:
        raise ApiError(
            422, "validation_error", f"send the resume once, as the form field 'resume': one file ({_FORMATS}) or text"
        )
    ref = (form.texts.get("ref") or "").strip() or None
    if ref is not None and len(ref) > 200:
        raise ApiError(422, "validation_error", "ref is longer than 200 characters")
    if text is not None:
        return text, jd, ref, None
    if files[0][0].lower().endswith(".zip"):
        raise ApiError(422, "invalid_file", "a ZIP of resumes goes to POST /api/bulk/process; send one resume here")
    try:
        read = read_resumes(files, settings, jd=jd).files[0]
    except InputError as exc:
        raise ApiError(422, "invalid_file", str(exc)) from None
    if not read.ok:
        detail = f"the resume {read.name}: {read.error}; fix the file and send it again"
        raise ApiError(422, "invalid_file", detail, files=[read.refusal()])
    return read.text, jd, ref or read.ref, read.described()


_BINARY = {"type": "string", "format": "binary"}
_OPTIONS = {
    "type": "string",
    "description": 'The JSON body\'s `options` as a JSON object in text, e.g. `{"tone": "concise", "batch": false}`.',
    "example": '{"tone": "concise"}',
}


def _text_or_file(description: str) -> dict[str, Any]:
    return {"anyOf": [{"type": "string"}, _BINARY], "description": description}


_EXAMPLES = {
    "bulk": "`curl -H 'Authorization: Bearer ats_…' -F files=@ana.pdf -F files=@resumes.zip -F jd=@jd.docx "
    '-F \'options={"tone": "concise"}\' https://ats.example/api/bulk/process`.',
    "pair": "`curl -H 'Authorization: Bearer ats_…' -F resume=@ana.pdf -F 'jd=Senior Data Engineer…' -F ref=ana "
    "https://ats.example/api/resume/process`.",
}


def _default(name: str) -> Any:
    """A setting's default (route documents are built at import, before any app has its settings)."""
    return Settings.model_fields[name].default


def form_schema(kind: str) -> dict[str, Any]:
    """The multipart/form-data schema of the bulk or the one-pair route, with the limits that apply."""
    jd = _text_or_file(f"The job description: its text, or one file ({_FORMATS}).")
    if kind == "bulk":
        props: dict[str, Any] = {
            "files": {
                "type": "array",
                "items": _BINARY,
                "description": f"Resume files ({_FORMATS}) or ZIPs of them, one part each; at most "
                f"{_default('doc_max_files')} resumes in all (ATS_DOC_MAX_FILES by default). The ref of each is "
                "its file name without the extension.",
            },
            "jd": jd,
            "options": _OPTIONS,
            "callback_url": {"type": "string", "maxLength": 2000, "description": "Webhook called when the job ends."},
        }
        required = ["files", "jd"]
    else:
        props = {
            "resume": _text_or_file(f"The resume: one file ({_FORMATS}), or its text."),
            "jd": jd,
            "ref": {"type": "string", "maxLength": 200, "description": "Your reference (default: the file's name)."},
            "options": _OPTIONS,
        }
        required = ["resume", "jd"]
    return {"type": "object", "properties": props, "required": required}


def limits_text(kind: str) -> str:
    """The limits and refusals of a multipart request, in words, for the OpenAPI description (default settings)."""
    mb = 2**20
    return (
        " Or **multipart/form-data**: resume files, and the JD as a file or as text. By default the whole body is at "
        f"most {_default('max_body_bytes') / mb:g} MB (ATS_MAX_BODY_BYTES; over it: 413), each file at most "
        f"{_default('doc_max_bytes') / mb:g} MB and {_default('doc_max_pages')} pages (ATS_DOC_MAX_BYTES, "
        "ATS_DOC_MAX_PAGES). Password-protected, damaged, JavaScript- or macro-carrying files, ZIP and XML bombs, "
        "huge images and unreadable scans are refused: a 422 `invalid_files` (`invalid_file` on the one-pair route) "
        "whose `files` list names each file with a short `reason` (too_large, too_many_pages, encrypted, corrupt, "
        "javascript, macros, zip_bomb, xml_bomb, image_too_large, ocr_unreadable, invalid…) and what to fix; "
        "nothing is saved. Scanned pages are read by OCR (seconds a page); how each file was read is in the "
        f"answer's `documents` (`document` on the one-pair route). Example: {_EXAMPLES[kind]}"
    )


def with_form(spec: dict[str, Any], kind: str) -> dict[str, Any]:
    """`openapi_extra` of a JSON route with the multipart form added beside the JSON body."""
    body = spec["requestBody"]
    content = {
        **body["content"],
        MULTIPART: {
            "schema": form_schema(kind),
            "encoding": {"options": {"contentType": "text/plain"}},
        },
    }
    return {"requestBody": {**body, "description": body["description"] + limits_text(kind), "content": content}}
