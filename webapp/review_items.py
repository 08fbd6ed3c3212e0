"""The Review page's data: a job's items (shared while unchanged), the item's fresh review state, saving decisions."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import streamlit as st

from services.principal import Principal
from services.results import MAX_PAGE, item_versions, items_by_id, job_results
from services.review import set_reviews
from webapp.state import db


class _SharedItems:
    """One job's items as last read, with the version of each (services.results.item_versions)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: dict[str, dict[str, Any]] = {}
        self.versions: dict[str, tuple[Any, ...]] = {}


@st.cache_resource(max_entries=8, show_spinner=False)
def _shared(job_id: str) -> _SharedItems:
    """A job's items, shared by every session that may see the job (only sessions that found it through
    list_jobs, visibility checked, reach this).

    Every widget on the page reruns it: re-reading and decrypting 200 results on each click made the page
    sluggish, and while a job runs every finished item changed what a whole-job cache was keyed on. Each run
    compares the items' versions (status, last write, stored review; nothing decrypted) and re-reads only the
    items that changed.
    """
    return _SharedItems()


def job_items(principal: Principal, job: dict[str, Any]) -> list[dict[str, Any]]:
    """The items of a job the principal found through list_jobs, in the job's order; only changed ones re-read."""
    job_id = job["job_id"]
    shared = _shared(job_id)
    with db() as s, shared.lock:
        versions = item_versions(s, principal=principal, job_id=job_id)
        stale = [i for i, v in versions.items() if shared.versions.get(i) != v]
        for start in range(0, len(stale), MAX_PAGE):
            for item in items_by_id(s, principal=principal, job_id=job_id, item_ids=stale[start : start + MAX_PAGE]):
                shared.items[item["item_id"]] = item
                shared.versions[item["item_id"]] = versions[item["item_id"]]
        for gone in set(shared.items) - set(versions):
            shared.items.pop(gone)
            shared.versions.pop(gone, None)
        return sorted(shared.items.values(), key=lambda i: i["seq"])


def refresh_review(principal: Principal, job_id: str, item: dict[str, Any]) -> None:
    """Re-read the review state of the item on screen (another reviewer may have saved meanwhile)."""
    with db() as s:
        page = job_results(s, principal=principal, job_id=job_id, offset=int(item.get("seq", 0)), limit=1)
    if page["items"] and page["items"][0]["item_id"] == item["item_id"]:
        item["review"] = page["items"][0].get("review") or {}


def save_decisions(
    principal: Principal, item: dict[str, Any], decisions: Sequence[tuple[int | str, str, str | None]]
) -> dict[int | str, dict[str, Any]]:
    """Save decisions on bullets or sections ('summary', 'skills:N') of one item; the shared copy of the item shows
    them at once. Returns its review."""
    with db() as s:
        review = set_reviews(s, principal=principal, item_id=item["item_id"], decisions=decisions)
    item["review"] = review
    return review
