"""Jobs: my jobs (a manager: the team's) with live status, progress, counts and cost; cancel and retry."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from services.jobs import cancel_job, job_status, list_jobs, retry_failed
from webapp import links
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.state import db, settings
from webapp.ui import OPEN_STATUSES, done_count, job_label, money, status_text, when

principal = require_page("jobs")
refresh = settings().web_refresh_s

st.title("Jobs")
if principal.role == "admin":
    scope = "All jobs"
elif principal.role == "manager" and principal.team:
    scope = f"Jobs of team {principal.team}"
else:
    scope = "Your jobs"
st.caption(f"{scope}, newest first. Status and progress update every {refresh:g} s while a job runs.")


def _load() -> list[dict[str, Any]]:
    with db() as s:
        return list_jobs(s, principal=principal, limit=100)


def _table(jobs: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(
        [
            {
                "created": when(j["created_at"]),
                "owner": j.get("owner"),
                "status": status_text(j["status"]),
                "progress": j["progress"],
                "done": f"{done_count(j)}/{j['total']}",
                "failed": j["counts"].get("failed", 0) + j["counts"].get("quarantined", 0),
                "cost so far": j["cost_usd"],
                "source": j.get("source"),
                "job": j["job_id"][:8],
            }
            for j in jobs
        ]
    )
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            "progress": st.column_config.ProgressColumn("progress", min_value=0.0, max_value=1.0, format="percent"),
            "cost so far": st.column_config.NumberColumn("cost so far", format="$%.4f"),
        },
    )


def _detail(job_id: str) -> None:
    with user_errors("job status"):
        with db() as s:
            job = job_status(s, principal=principal, job_id=job_id)
        counts = job["counts"]
        st.subheader(f"{status_text(job['status'])} · {done_count(job)} of {job['total']} item(s) finished")
        st.progress(job["progress"], text=f"{job['progress']:.0%}")
        shown = ("queued", "running", "completed", "failed", "quarantined", "paused_limit")
        for col, key in zip(st.columns(len(shown)), shown, strict=True):
            col.metric(key.replace("_", " "), counts.get(key, 0))
        a, b, c = st.columns(3)
        a.metric("Cost so far", money(job["cost_usd"]))
        b.metric("Estimated", money(job.get("estimated_cost")))
        c.metric("Created", when(job.get("created_at")))
        if job.get("stages"):
            st.caption("Stages: " + " · ".join(f"{k} {v}" for k, v in job["stages"].items()))
        if counts.get("paused_limit"):
            st.warning("Some items wait for the daily cost limit to reset (UTC midnight); they resume on their own.")
        left, mid, right = st.columns(3)
        if left.button("Cancel job", disabled=job["status"] not in OPEN_STATUSES, key=f"cancel_{job_id}"):
            with db() as s:
                cancel_job(s, principal=principal, job_id=job_id)
            st.toast("Job cancelled; running items stop at their next step.")
            st.rerun()
        if mid.button("Retry failed items", disabled=not counts.get("failed"), key=f"retry_{job_id}"):
            with db() as s:
                out = retry_failed(s, principal=principal, job_id=job_id)
            st.toast(f"Failed items queued again; job is {out['status']}.")
            st.rerun()
        with right:
            links.link("review", "Open in Review", icon=":material/rate_review:", job=job_id)


jobs = _load()
if not jobs:
    st.info("No jobs yet. Submit a resume and a job description to start.")
    links.link("submit", "Go to Submit", icon=":material/upload_file:")
    st.stop()

live = any(j["status"] in OPEN_STATUSES for j in jobs)
ids = [j["job_id"] for j in jobs]
labels = {j["job_id"]: job_label(j) for j in jobs}
wanted = st.query_params.get("job")
default = ids.index(wanted) if wanted in ids else 0
chosen = st.selectbox("Job", ids, index=default, format_func=labels.get, key="job_pick")
if chosen != wanted:
    st.query_params["job"] = chosen


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
