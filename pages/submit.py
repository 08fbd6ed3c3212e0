"""Submit: paste one pair, upload resume files (PDF, DOCX…) or a batch table; every problem shown before sending."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services.jobs import submit_job
from webapp import document_upload, links
from webapp.batch import BatchCheck, check_batch, provider_label
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.literal import md
from webapp.state import db, flash, settings
from webapp.uploads import ParsedUpload, UploadError, parse_upload, single_pair

principal = require_page("submit")
cfg = settings()
limits = {"max_resume_chars": cfg.max_resume_chars, "max_jd_chars": cfg.max_jd_chars}

st.title("Submit")
st.caption(f"Processed by the {provider_label(cfg)}. Nothing is sent until you press Submit.")


def _summary(check: BatchCheck) -> None:
    rows = check.parsed.rows
    a, b, c, d = st.columns(4)
    a.metric("Rows", len(rows))
    b.metric("Valid", len(check.parsed.valid))
    c.metric("Invalid", len(check.parsed.invalid))
    d.metric("Estimated cost", f"${check.estimated_usd:,.4f}")
    if check.estimated_batch_usd is not None:
        d.caption(f"${check.estimated_batch_usd:,.4f} in batch mode")


def _batch_mode(check: BatchCheck, key: str) -> bool:
    """The batch-mode choice, offered when the provider has a batch API."""
    if check.estimated_batch_usd is None:
        return False
    return st.checkbox(
        f"Batch mode: half price (${check.estimated_batch_usd:,.4f} instead of ${check.estimated_usd:,.4f}), "
        "results within 24 hours",
        key=f"{key}_batch",
        help="The model calls go through the provider's batch API. Items the batch does not answer run live.",
    )


def _submit(check: BatchCheck, key: str, file_name: str | None = None) -> None:
    if not check.ok:
        bad = check.parsed.invalid
        st.error(
            f"{len(bad)} row{'s' if len(bad) != 1 else ''} of {len(check.parsed.rows)} cannot be processed, so "
            "nothing was sent. Fix these rows and upload the file again:",
            icon=":material/error:",
        )
        st.dataframe(bad_rows(check.parsed), hide_index=True, width="stretch", key=f"{key}_bad")
    batch = _batch_mode(check, key)
    if st.button("Submit", type="primary", disabled=not check.ok, key=key, icon=":material/send:"):
        with user_errors("submit"):
            with db() as s:
                out = submit_job(
                    s,
                    principal=principal,
                    pairs=check.pairs(),
                    options={"batch": batch},
                    source="ui",
                    file_name=file_name,
                )
            flash(f"Job submitted: {out['items']} candidate(s), estimated ${out['estimated_cost']:,.4f}.")
            links.go("jobs", job=out["job_id"])


def bad_rows(parsed: ParsedUpload) -> pd.DataFrame:
    """The refused rows only: their number in the file, reference and reason."""
    return pd.DataFrame(
        [{"row": r.row, "ref": r.ref or "—", "reason": r.error} for r in parsed.invalid],
        columns=["row", "ref", "reason"],
    )


def _preview(parsed: ParsedUpload) -> None:
    frame = parsed.preview()
    st.caption("Every row of the file (refused rows in red):")
    st.dataframe(
        frame.style.apply(
            lambda row: ["background-color: #fde2e1" if row["status"] == "invalid" else "" for _ in row], axis=1
        ),
        hide_index=True,
        width="stretch",
        column_config={"reason": st.column_config.TextColumn("reason", width="large")},
    )


paste, files, upload = st.tabs(["Paste one pair", "Upload resume files", "Upload a batch"])

with paste:
    left, right = st.columns(2)
    resume = left.text_area("Resume", height=320, key="paste_resume", placeholder="Paste the resume's text")
    jd = right.text_area("Job description", height=320, key="paste_jd", placeholder="Paste the job description")
    ref = st.text_input("Reference (optional)", key="paste_ref", placeholder="e.g. candidate name or ATS id")
    if resume.strip() or jd.strip():
        row = single_pair(resume, jd, **limits)
        row.ref = ref.strip() or "pasted"
        check = check_batch(ParsedUpload([row]), cfg)
        if row.error:
            st.warning(f"Not ready: {md(row.error)}.")
        else:
            st.caption(f"Estimated cost ${check.estimated_usd:,.4f} · {provider_label(cfg)}")
        if st.button("Submit", type="primary", disabled=not check.ok, key="submit_pair", icon=":material/send:"):
            with user_errors("submit"):
                with db() as s:
                    out = submit_job(s, principal=principal, pairs=check.pairs(), source="ui")
                flash("Job submitted: 1 candidate.")
                links.go("jobs", job=out["job_id"])
    else:
        st.info("Paste a resume and a job description to see the estimate and submit.")

with files:
    document_upload.render(principal, cfg)

with upload:
    st.markdown(
        "Columns **resume**, **jd** and **ref** (optional). Leave out **jd** and paste one job description "
        "below to use it for every row. CSV (UTF-8), XLSX or JSONL (one object per line)."
    )
    file = st.file_uploader("Batch file", type=["csv", "xlsx", "jsonl"], key="batch_file")
    shared = st.text_area("One job description for all rows (optional)", height=140, key="batch_jd")
    if file is not None:
        try:
            parsed = parse_upload(
                file.name,
                file.getvalue(),
                shared_jd=shared or None,
                max_rows=cfg.max_items_per_job,
                max_unzipped_bytes=cfg.max_unzipped_bytes,
                **limits,
            )
        except UploadError as exc:
            st.error(f"{md(exc)}.")
        else:
            check = check_batch(parsed, cfg)
            _summary(check)
            _submit(check, key="submit_batch", file_name=file.name)
            _preview(check.parsed)
