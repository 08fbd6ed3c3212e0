"""Review: scores, coverage with evidence, rewrites with differences marked; accept, edit or reject; export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from services.jobs import list_jobs
from services.results import MAX_PAGE, export_accepted, job_results
from services.review import set_review
from webapp import figures, links, review_view
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.review_data import coverage_matrix, item_overview, ranking
from webapp.state import db, flash, settings
from webapp.ui import job_label

principal = require_page("review")
page_size = settings().web_review_page_size

st.title("Review")


@st.cache_resource(ttl=600, max_entries=8, show_spinner=False)
def _job_items(job_id: str, stamp: tuple, _load: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """A job's items, shared by every session that may see the job, while no item changes status.

    Results are final once written, and every widget on this page reruns it: re-reading and decrypting 200
    results on each click would make the page sluggish. Only sessions that found the job through
    list_jobs (visibility checked) reach this; the review state of the item on screen is re-read each run.
    """
    return _load()


def _load_items(job_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    with db() as s:
        while True:
            page = job_results(s, principal=principal, job_id=job_id, offset=len(items), limit=MAX_PAGE)
            items.extend(page["items"])
            if len(items) >= page["total"] or not page["items"]:
                return items


def _items(job: dict[str, Any]) -> list[dict[str, Any]]:
    """The job's items (cached while its status counts stay the same)."""
    stamp = tuple(sorted(job["counts"].items()))
    return _job_items(job["job_id"], stamp, lambda: _load_items(job["job_id"]))


def _fresh_review(job_id: str, item: dict[str, Any]) -> None:
    """Re-read the review state of the item on screen (another reviewer may have saved meanwhile)."""
    with db() as s:
        page = job_results(s, principal=principal, job_id=job_id, offset=int(item.get("seq", 0)), limit=1)
    if page["items"] and page["items"][0]["item_id"] == item["item_id"]:
        item["review"] = page["items"][0].get("review") or {}


def _save(item_id: str, index: int, decision: str, text: str | None) -> None:
    with user_errors("save review"):
        with db() as s:
            review = set_review(
                s, principal=principal, item_id=item_id, bullet_index=index, decision=decision, text=text
            )
        for kept in _items(next(j for j in jobs if j["job_id"] == job_id)):
            if kept["item_id"] == item_id:
                kept["review"] = review  # the shared copy shows this decision at once
        flash(f"Saved: bullet {index + 1} · {review_view.DECISIONS[decision]}.")
        st.rerun()


def _export(job_id: str, fmt: str) -> bytes:
    with db() as s:
        return export_accepted(s, principal=principal, job_id=job_id, fmt=fmt)


with user_errors("review"):
    with db() as s:
        jobs = list_jobs(s, principal=principal, limit=100)
    if not jobs:
        st.info("Nothing to review yet. Submit a job; its results appear here as items finish.")
        links.link("submit", "Go to Submit", icon=":material/upload_file:")
        st.stop()
    ids = [j["job_id"] for j in jobs]
    labels = {j["job_id"]: job_label(j) for j in jobs}
    wanted = st.query_params.get("job")
    job_id = st.selectbox("Job", ids, index=ids.index(wanted) if wanted in ids else 0, format_func=labels.get)
    if job_id != wanted:
        st.query_params["job"] = job_id

    items = _items(next(j for j in jobs if j["job_id"] == job_id))
    overview = item_overview(items)
    finished = [i for i in items if i.get("result")]

    a, b, c, d = st.columns([1, 1, 1, 2])
    a.metric("Items", len(items))
    b.metric("With results", len(finished))
    c.metric("Awaiting review", int(overview["awaiting review"].sum()) if not overview.empty else 0)
    with d:
        st.caption("Export the text that stands for every bullet (accepted, edited, else the original).")
        e1, e2 = st.columns(2)
        e1.download_button(
            "Export CSV",
            data=lambda: _export(job_id, "csv"),
            file_name=f"rewrites-{job_id[:8]}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            disabled=not finished,
        )
        e2.download_button(
            "Export XLSX",
            data=lambda: _export(job_id, "xlsx"),
            file_name=f"rewrites-{job_id[:8]}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/download:",
            disabled=not finished,
        )

    if not finished:
        st.info("No item has finished yet. Results appear as the worker completes them.")
        links.link("jobs", "Watch progress on Jobs", icon=":material/list_alt:", job=job_id)
        st.stop()

    if len(finished) > 1:
        with st.expander(f"Candidates × requirements ({len(finished)} candidates)", expanded=True):
            # The heatmap waits until asked for: plotly.js is the largest download of the app, and a page that
            # holds a chart is drawn only once it has loaded (about 2 s in a new browser).
            if st.toggle("Show the heatmap (who covers which requirement)", key="show_heatmap"):
                matrix = coverage_matrix(items)
                if matrix.empty or matrix.shape[1] == 0:
                    st.caption("The job descriptions named no skills from the taxonomy.")
                else:
                    st.plotly_chart(figures.coverage_heatmap(matrix), width="stretch", key="heatmap")
                    st.caption("Green: in the resume · yellow: named by the rewrite · red: missing · blank: not asked.")
            st.dataframe(ranking(items), hide_index=True, width="stretch", height=min(38 * len(finished) + 38, 420))

    st.subheader("Item")
    refs = {row["item"]: row for row in overview.to_dict("records")}
    item_ids = [i["item_id"] for i in items]
    wanted_item = st.query_params.get("item")
    start = item_ids.index(wanted_item) if wanted_item in item_ids else item_ids.index(finished[0]["item_id"])
    item_id = st.selectbox(
        "Candidate",
        item_ids,
        index=start,
        format_func=lambda i: (
            f"{refs[i]['ref']} · {refs[i]['status']} · score {refs[i]['score before']} → {refs[i]['score after']}"
            f" · {refs[i]['awaiting review']} awaiting review"
        ),
    )
    item = next(i for i in items if i["item_id"] == item_id)
    _fresh_review(job_id, item)
    result = item.get("result")
    if item.get("status") in ("failed", "quarantined") or not result or result.get("status") == "FAILED":
        st.error(f"This item did not complete: {item.get('error') or 'no result yet'}.")
        if result:
            review_view.item_flags(result)
        st.stop()

    review_view.scores(result)
    review_view.item_flags(result)
    tab_bullets, tab_coverage = st.tabs(["Bullets", "Coverage"])
    with tab_coverage:
        review_view.coverage(result)
    with tab_bullets:
        bullets = result.get("bullets") or []
        pages = max(1, -(-len(bullets) // page_size))
        label = f"Bullets, page (of {pages}; {page_size} a page)"
        part = st.number_input(label, 1, pages, 1, key=f"bpage_{item_id}") if pages > 1 else 1
        for b in bullets[(part - 1) * page_size : part * page_size]:
            review_view.bullet(item, b, _save)
