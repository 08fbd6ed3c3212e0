"""Review: the match report of each candidate and the decision on each rewrite; export what stands.

Layout only: each part is a section module under webapp/review_sections/ (see its docstring).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from services.jobs import list_jobs
from webapp import links
from webapp.checks_data import summary as checks_summary
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.review_data import item_overview
from webapp.review_items import job_items, refresh_review, save_decisions
from webapp.review_sections import (
    bullets,
    checks,
    export,
    findings,
    gauge,
    overview,
    picker,
    quarantine,
    ranking,
    skills,
    tailored,
    tailoring,
)
from webapp.state import db, flash, settings

principal = require_page("review")
page_size = settings().web_review_page_size

st.title("Review")


def _save(item: dict[str, Any], decisions: Sequence[tuple[int | str, str, str | None]]) -> bool:
    """Save decisions (a button's callback, before the page runs again); the page then shows the result."""
    with user_errors("save review"):
        save_decisions(principal, item, decisions)
        if len(decisions) == 1:
            index, decision, _ = decisions[0]
            what = f"Bullet {index + 1}" if isinstance(index, int) else tailoring.label(index)
            flash(f"{what}: {bullets.DECISION_WORDS[decision]}.")
        else:
            flash(f"Accepted {len(decisions)} rewrites that passed the checks.")
        return True
    return False


with user_errors("review"):
    with db() as s:
        jobs = list_jobs(s, principal=principal, limit=100)
    if not jobs:
        st.info("Nothing to review yet. Submit a job; its results appear here as items finish.")
        links.link("submit", "Go to Submit", icon=":material/upload_file:")
        st.stop()
    job = picker.job(jobs)
    job_id = job["job_id"]
    items = job_items(principal, job)
    table = item_overview(items)
    finished = [i for i in items if i.get("result")]

    overview.render(items, finished, table)
    if not finished:
        st.info("No candidate has finished yet. Results appear as the worker completes them.")
        links.link("jobs", "Watch progress on Jobs", icon=":material/list_alt:", job=job_id)
        st.stop()
    ranking.render(items, finished)
    with st.expander("Export", icon=":material/download:"):
        export.render(principal, job_id, enabled=bool(finished))
        tailored.render_job(principal, job_id, enabled=bool(finished))

    st.subheader("Candidate")
    item = picker.candidate(items, finished, table)
    refresh_review(principal, job_id, item)
    result = item.get("result")
    if item.get("status") in ("failed", "quarantined") or not result or result.get("status") == "FAILED":
        findings.failed(item)
        if result:
            findings.render(result)
        quarantine.render(principal, job_id, item)
        st.stop()

    gauge.render(result)
    findings.render(result)
    tailored.render_candidate(principal, job_id, item)
    # Only the open tab is drawn (a click on another reruns the page): the browser draws a third as much.
    tab_bullets, tab_skills, tab_tailoring, tab_checks = st.tabs(
        ["Bullets", "Skills", "Summary & skills list", "Searchability"],  # fixed labels: the open tab stays open
        key="review_tab",
        on_change="rerun",
    )
    if tab_skills.open:
        with tab_skills:
            skills.render(result)
    if tab_tailoring.open:
        with tab_tailoring:
            tailoring.render(item, result, _save)
    if tab_checks.open:
        with tab_checks:
            good, judged = checks_summary(result)
            st.caption(f"{good} of {judged} checks good.")
            checks.render(result)
    if tab_bullets.open:
        with tab_bullets:
            bullets.render(item, result, _save, page_size)
