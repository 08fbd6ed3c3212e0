"""Review's quarantine section: the flagged sentence in context, and Release (offline engine only) or Reject."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from services.principal import Principal, has_scope
from services.quarantine import MAX_REASON, quarantined_item, reject, release
from webapp.errors import user_errors
from webapp.state import db, flash

_WHERE = {"resume": "In the resume", "jd": "In the job description"}


def flagged_html(flagged: dict[str, Any]) -> str:
    """One flagged text with what stands around it, the flagged part marked (all of it escaped)."""
    return (
        f'<div style="font-size:.85rem;color:#5f6368">{_WHERE.get(flagged["where"], flagged["where"])}</div>'
        '<div style="white-space:pre-wrap;border-left:3px solid #d93025;padding:.3rem .6rem;margin-bottom:.6rem">'
        f"{html.escape(flagged['before'])}<mark>{html.escape(flagged['text'])}</mark>{html.escape(flagged['after'])}"
        "</div>"
    )


def decision_words(decision: dict[str, Any]) -> str:
    """'Released by rita at …' / 'Rejected by rita at …: reason'."""
    at = str(decision.get("at", "")).replace("T", " ")
    if decision.get("decision") == "released":
        return f"Released by {decision.get('by')} at {at} UTC: processed by the offline engine only."
    return f"Rejected by {decision.get('by')} at {at} UTC: {decision.get('reason', '')}"


def render(principal: Principal, job_id: str, item: dict[str, Any]) -> None:
    """For a quarantined item: what was flagged, in context, and the two decisions (or the one already taken)."""
    if item.get("status") != "quarantined":
        return
    with user_errors("quarantine"):
        with db() as s:
            view = quarantined_item(s, principal=principal, job_id=job_id, item_id=item["item_id"])
        with st.container(border=True, key="quarantine"):
            st.markdown("**Quarantine**")
            for flagged in view["flagged"]:
                st.html(flagged_html(flagged))
            if not view["flagged"]:
                st.caption("The flagged text could not be located in the stored texts.")
            if view["decision"]:
                st.info(decision_words(view["decision"]), icon=":material/gavel:")
                return
            if not has_scope(principal, "jobs:write"):
                st.caption("Only a reviewer who may change jobs can release or reject this candidate.")
                return
            left, right = st.columns(2)
            with left:
                st.caption("Release: the candidate is processed by the offline engine only; no model sees the text.")
                if st.button("Release (offline only)", key="quarantine_release", icon=":material/lock_open:"):
                    _decide(principal, job_id, item["item_id"], None)
            with right:
                reason = st.text_input("Reason for rejecting", key="quarantine_reason", max_chars=MAX_REASON)
                if st.button("Reject", key="quarantine_reject", icon=":material/block:"):
                    _decide(principal, job_id, item["item_id"], reason)


def _decide(principal: Principal, job_id: str, item_id: str, reason: str | None) -> None:
    """Release (reason None) or reject, then show the page again with a message."""
    with db() as s:
        if reason is None:
            release(s, principal=principal, job_id=job_id, item_id=item_id)
            flash("Released: the candidate is queued for the offline engine.")
        else:
            reject(s, principal=principal, job_id=job_id, item_id=item_id, reason=reason)
            flash("Rejected; the reason is kept with the candidate.")
    st.rerun()
