"""Submit's resume files: one file, many, or a ZIP of them against one JD; each previewed, refused ones listed.

Refused files are listed with their reason above the table and left out; the rest can be submitted as one job
(nothing is saved until Submit, and then the whole job at once). Files are read once per session (OCR takes
seconds a page): the reads are kept in the session by file content, never in a cache shared between users.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from core.config import Settings
from core.errors import DocumentError, InputError
from core.ingest import normalise, split_bullets
from services.documents import ACCEPTED, FileBatch, FileRead, combine, read_jd_file, read_upload
from services.jobs import submit_job
from services.principal import Principal
from webapp import links
from webapp.batch import BatchCheck, check_batch
from webapp.errors import user_errors
from webapp.literal import md
from webapp.state import db, flash
from webapp.uploads import ParsedUpload, UploadRow

_CACHE_KEY = "doc_reads"
_REASONS = {
    "too_large": "file too large",
    "too_many_pages": "too many pages",
    "encrypted": "password-protected",
    "corrupt": "damaged file",
    "javascript": "contains JavaScript",
    "active": "contains actions",
    "image_too_large": "image too large",
    "page_size": "page too large",
    "too_complex": "too complex",
    "zip_bomb": "unpacks too large",
    "xml_bomb": "unsafe XML",
    "macros": "contains macros",
    "unsupported": "unsupported type",
    "zip": "ZIP not expected here",
    "empty": "no text",
    "ocr_unavailable": "scan, OCR unavailable",
    "ocr_unreadable": "scan unreadable",
    "ocr_timeout": "scan took too long",
    "too_many_files": "too many files",
    "invalid": "cannot be processed",
}


def reason_words(reason: str | None) -> str:
    """A refusal's short code in words."""
    return _REASONS.get(reason or "", (reason or "refused").replace("_", " "))


def ocr_words(info: dict) -> str:
    """'no', or which pages were read by OCR and the mean confidence."""
    pages = info.get("ocr_pages") or []
    if not pages:
        return "no"
    conf = info.get("ocr_confidence")
    where = f"page {pages[0]}" if len(pages) == 1 else f"{len(pages)} pages"
    return f"yes, {where}" + (f", {conf:.0%} confidence" if conf is not None else "")


def refused_table(batch: FileBatch) -> pd.DataFrame:
    """The refused files only: name, reason in words and what to fix."""
    return pd.DataFrame(
        [{"file": f.name, "reason": reason_words(f.reason), "what to do": f.error} for f in batch.refused],
        columns=["file", "reason", "what to do"],
    )


def files_table(batch: FileBatch) -> pd.DataFrame:
    """Every file of the upload: status, how it was read (format, pages, OCR) and the bullets found."""
    rows = [
        {
            "file": f.name,
            "ref": f.ref,
            "status": "ready" if f.ok else "refused",
            "format": str(f.info.get("format", "")).upper(),
            "pages": f.info.get("pages"),
            "OCR": ocr_words(f.info) if f.info else "",
            "bullets": f.bullets if f.info else None,
            "characters": f.info.get("chars"),
            "reason": "" if f.ok else reason_words(f.reason),
        }
        for f in batch.files
    ]
    columns = ["file", "ref", "status", "format", "pages", "OCR", "bullets", "characters", "reason"]
    return pd.DataFrame(rows, columns=columns)


def _digest(name: str, data: bytes) -> str:
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest()


def _reads(uploads: list, settings: Settings) -> list[FileRead]:
    """Every uploaded file read, reusing this session's earlier reads of the same bytes."""
    cache: dict[str, list[FileRead]] = st.session_state.setdefault(_CACHE_KEY, {})
    keep: dict[str, list[FileRead]] = {}
    out: list[FileRead] = []
    for up in uploads:
        data = up.getvalue()
        key = _digest(up.name, data)
        if key not in cache:
            with st.spinner(f"Reading {md(up.name)}…"):  # names are user text: shown literally
                cache[key] = read_upload(up.name, data, settings)
        keep[key] = cache[key]
        out.extend(cache[key])
    st.session_state[_CACHE_KEY] = keep  # files removed from the uploader are forgotten
    return out


def _jd(settings: Settings) -> str | None:
    """The job description: an uploaded file if there is one, else the pasted text; None (with a message) if neither."""
    left, right = st.columns(2)
    pasted = left.text_area("Job description", height=160, key="doc_jd", placeholder="Paste the job description")
    file = right.file_uploader("…or upload it as a file", type=list(ACCEPTED), key="doc_jd_file")
    if file is None:
        return pasted if pasted.strip() else None
    data = file.getvalue()
    key = f"jd:{_digest(file.name, data)}"
    cache = st.session_state.setdefault("doc_jd_read", {})
    if key not in cache:
        try:
            cache.clear()
            cache[key] = read_jd_file(file.name, data, settings)
        except DocumentError as exc:
            cache[key] = exc
    got = cache[key]
    if isinstance(got, DocumentError):
        right.error(f"{md(got)}. Upload another file or paste the text.", icon=":material/error:")
        return None
    right.caption(
        f"Read {len(got):,} characters from {md(file.name)}."
        + (" The pasted text is not used." if pasted.strip() else "")
    )
    return got


def _check(batch: FileBatch, settings: Settings) -> BatchCheck:
    """The readable files through the same row checks and estimate as an uploaded table."""
    rows = [UploadRow(row=i, ref=f.ref, resume=f.text, jd=batch.jd or "") for i, f in enumerate(batch.valid, 1)]
    return check_batch(ParsedUpload(rows), settings)


def _preview(batch: FileBatch) -> None:
    """One file at a time: how it was read, the bullets found and the text itself (shown literally)."""
    readable = batch.valid or batch.files
    names = [f.name for f in readable]
    chosen = st.selectbox("Preview a file", names, key="doc_preview")
    f = next(x for x in readable if x.name == chosen)
    if not f.ok:
        st.caption(f"Refused: {md(f.error)}")
        return
    st.caption(
        f"{md(str(f.info.get('format', '')).upper())} · {f.info.get('pages')} page(s) · OCR: {md(ocr_words(f.info))} · "
        f"{f.bullets} bullet(s) found · {f.info.get('chars', 0):,} characters"
    )
    for warning in f.info.get("warnings", []):
        st.caption(f"Note: {md(warning)}")
    left, right = st.columns(2)
    left.caption("Text read (what the pipeline will see)")
    left.code(f.text, language=None, wrap_lines=True, height=320)  # literal: never Markdown or HTML
    bullets = [b.text for b in split_bullets(normalise(f.text))]
    right.caption("Bullets found")
    right.dataframe(
        pd.DataFrame({"bullet": range(1, len(bullets) + 1), "text": bullets}),
        hide_index=True,
        width="stretch",
        height=320,
        key="doc_bullets",
    )


def _batch_mode(check: BatchCheck) -> bool:
    if check.estimated_batch_usd is None:
        return False
    return st.checkbox(
        f"Batch mode: half price (${check.estimated_batch_usd:,.4f} instead of ${check.estimated_usd:,.4f}), "
        "results within 24 hours",
        key="doc_batch",
    )


def render(principal: Principal, settings: Settings) -> None:
    """The tab: files and JD in, every file previewed, the readable ones submitted as one job."""
    st.markdown(
        "Resumes as **PDF, DOCX, TXT, Markdown or RTF** — one file, several, or a **ZIP** of them — against one job "
        f"description. At most {settings.doc_max_files} resumes, each up to {settings.doc_max_bytes / 2**20:g} MB "
        f"and {settings.doc_max_pages} pages. Scanned pages are read by OCR (a few seconds a page)."
    )
    uploads = st.file_uploader("Resume files", type=[*ACCEPTED, "zip"], accept_multiple_files=True, key="doc_files")
    jd = _jd(settings)
    if not uploads:
        st.info("Upload one or more resume files to see how each one reads.")
        return
    try:
        batch = combine(_reads(uploads, settings), settings, jd=jd)
    except InputError as exc:
        st.error(f"{md(exc)}.", icon=":material/error:")
        return
    if batch.refused:
        n, total = len(batch.refused), len(batch.files)
        st.error(
            f"{n} of {total} file{'s' if total != 1 else ''} cannot be used and will be left out; "
            "the others can still be submitted. Fix these and upload them again:",
            icon=":material/error:",
        )
        st.dataframe(refused_table(batch), hide_index=True, width="stretch", key="doc_refused")
    check = _check(batch, settings) if jd and batch.valid else None
    a, b, c, d = st.columns(4)
    a.metric("Files", len(batch.files))
    b.metric("Ready", len(batch.valid))
    c.metric("Refused", len(batch.refused))
    d.metric("Estimated cost", f"${check.estimated_usd:,.4f}" if check else "—")
    st.dataframe(files_table(batch), hide_index=True, width="stretch", key="doc_table")
    _preview(batch)
    if jd is None:
        st.warning("Add the job description (paste it or upload it) to submit.")
    elif check is not None and not check.ok:
        problems = sorted({r.error for r in check.parsed.invalid if r.error})
        st.error(f"These resumes cannot be submitted: {md('; '.join(problems))}.", icon=":material/error:")
    ready = check is not None and check.ok
    batch_mode = _batch_mode(check) if check is not None else False
    label = f"Submit {len(batch.valid)} resume{'s' if len(batch.valid) != 1 else ''}"
    if st.button(label, type="primary", disabled=not ready, key="submit_docs", icon=":material/send:"):
        with user_errors("submit"):
            with db() as s:
                out = submit_job(
                    s,
                    principal=principal,
                    pairs=batch.pairs(),
                    options={"batch": batch_mode},
                    source="ui",
                    file_name=uploads[0].name if len(uploads) == 1 else None,
                )
            st.session_state.pop(_CACHE_KEY, None)
            flash(f"Job submitted: {out['items']} candidate(s), estimated ${out['estimated_cost']:,.4f}.")
            links.go("jobs", job=out["job_id"])
