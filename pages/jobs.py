"""Jobs: my jobs (a manager: the team's) with live status, progress, counts and cost; cancel and retry."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from services.jobs import cancel_job, job_status, list_jobs, retry_failed
from webapp import labels, links
from webapp.batch import batch_caption
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.query import url_select
from webapp.state import db, settings
from webapp.ui import OPEN_STATUSES, done_count, job_label, job_name, money, status_text, when

principal = require_page("jobs")
refresh = settings().web_refresh_s
SHOWN_COUNTS = ("queued", "running", "completed", "failed", "quarantined", "paused_limit")

st.title("Jobs")
if principal.role == "admin":
    scope = "All jobs"
elif principal.role == "manager" and principal.team:
    scope = "Your team's jobs"
else:
    scope = "Your jobs"
st.caption(f"{scope}, newest first. Status and progress update every {refresh:g} s while a job runs.")


def _load() -> list[dict[str, Any]]:
    with db() as s:
        return list_jobs(s, principal=principal, limit=100)


def jobs_table(jobs: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per job, in words (no ids, no raw statuses)."""
    return pd.DataFrame(
        [
            {
                "job": job_name(j),
                "created": when(j["created_at"]),
                "owner": j.get("owner") or "—",
                "status": status_text(j["status"]),
                "progress": j["progress"],
                "done": f"{done_count(j)} of {j['total']}",
                "failed or held back": j["counts"].get("failed", 0) + j["counts"].get("quarantined", 0),
                "cost so far": j["cost_usd"],
                "submitted from": labels.SOURCES.get(str(j.get("source")), labels.humanise(j.get("source"))),
            }
            for j in jobs
        ]
    )


def _table(jobs: list[dict[str, Any]]) -> None:
    frame = jobs_table(jobs)
    if not frame["cost so far"].any():  # the offline engine: no money column full of zeros
        frame = frame.drop(columns=["cost so far"])
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            "job": st.column_config.TextColumn("job", width="medium"),
            "progress": st.column_config.ProgressColumn("progress", min_value=0.0, max_value=1.0, format="percent"),
            "cost so far": st.column_config.NumberColumn("cost so far", format="$%.4f"),
        },
    )


def _detail(job_id: str) -> None:
    with user_errors("job status"):
        with db() as s:
            job = job_status(s, principal=principal, job_id=job_id)
        counts = job["counts"]
        st.subheader(f"{status_text(job['status']).capitalize()} · {done_count(job)} of {job['total']} finished")
        st.progress(job["progress"], text=f"{job['progress']:.0%}")
        shown = [k for k in SHOWN_COUNTS if counts.get(k) or k == "completed"]
        for col, key in zip(st.columns(max(4, len(shown))), shown, strict=False):
            col.metric(labels.status(key).capitalize(), counts.get(key, 0))
        st.caption(f"Submitted {when(job.get('created_at'))}.")
        if job["cost_usd"] or job.get("estimated_cost"):
            a, b, _ = st.columns(3)
            a.metric("Cost so far", money(job["cost_usd"]))
            b.metric("Estimated", money(job.get("estimated_cost")))
        if job.get("stages") and job["status"] in OPEN_STATUSES:
            st.caption(
                "Where the candidates are: " + " · ".join(f"{labels.stage(k)} {v}" for k, v in job["stages"].items())
            )
        if job.get("batch"):
            st.caption(batch_caption(job["batch"]))
        if counts.get("paused_limit"):
            st.warning(
                "Some candidates wait for the daily cost limit to reset (UTC midnight); they resume on their own."
            )
        left, mid, right = st.columns(3)
        if left.button("Cancel job", disabled=job["status"] not in OPEN_STATUSES, key=f"cancel_{job_id}"):
            with db() as s:
                cancel_job(s, principal=principal, job_id=job_id)
            st.toast("Job cancelled; running candidates stop at their next step.")
            st.rerun()
        if mid.button("Retry failed candidates", disabled=not counts.get("failed"), key=f"retry_{job_id}"):
            with db() as s:
                out = retry_failed(s, principal=principal, job_id=job_id)
            st.toast(f"Failed candidates queued again; the job is {status_text(out['status'])}.")
            st.rerun()
        with right:
            links.link("review", "Open in Review", icon=":material/rate_review:", job=job_id)


jobs = _load()
if not jobs:
    st.info("No jobs yet. Submit a resume and a job description to start.")
    links.link("submit", "Go to Submit", icon=":material/upload_file:")
    st.stop()

live = any(j["status"] in OPEN_STATUSES for j in jobs)
labels_by_id = {j["job_id"]: job_label(j) for j in jobs}
chosen = url_select("Job", list(labels_by_id), param="job", key="job_pick", format_func=labels_by_id.__getitem__)


@st.fragment(run_every=refresh if live else None)
def live_view() -> None:
    """The chosen job and the list, re-read on every tick while something is still running."""
    _detail(chosen)
    st.divider()
    current = _load()
    _table(current)
    if live and not any(j["status"] in OPEN_STATUSES for j in current):
        st.rerun()  # everything finished: one full run turns the polling off


live_view()
