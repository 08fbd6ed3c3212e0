"""Rendering pieces of the Review page: one item's scores, flags, coverage and the bullet review forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from webapp.diff import diff_html
from webapp.review_data import coverage_table, review_for
from webapp.ui import when

DECISIONS = {"accept": "Accept rewrite", "edit": "Edit", "reject": "Keep original"}
FLAG_WORDS = {
    "invented_number": "adds a number the original does not have",
    "invented_skill": "adds a skill the original does not show",
    "invented_entity": "adds an employer, title, degree or date",
    "pii_added": "adds personal data",
    "llm_fallback": "the model failed; the offline engine wrote this",
}

SaveFn = Callable[[str, int, str, str | None], None]


def scores(result: dict[str, Any]) -> None:
    """Score before → after, and how many rewrites stand."""
    before, after = result.get("score_before"), result.get("score_after")
    bullets = result.get("bullets") or []
    a, b, c, d = st.columns(4)
    a.metric("ATS score before", before if before is not None else "—")
    delta = (after - before) if before is not None and after is not None else None
    b.metric("ATS score after", after if after is not None else "—", delta=delta)
    c.metric("Rewrites that passed checks", f"{sum(1 for x in bullets if x.get('accepted'))}/{len(bullets)}")
    d.metric("Flags", sum(len(x.get("flags") or []) for x in bullets) + len(result.get("item_flags") or []))


def item_flags(result: dict[str, Any]) -> None:
    """PII found in the inputs, prompt-injection findings and item-level flags, each with its reason."""
    injection = result.get("injection") or {}
    if injection.get("detected"):
        quotes = "; ".join(f"“{e.get('text', '')}”" for e in injection.get("evidence") or [])
        kind, score = injection.get("category", "unknown"), injection.get("score", 0)
        st.error(
            f"Prompt injection detected ({kind}, score {score:.2f}): "
            f"{quotes or 'no quote'}. The text was treated as data, never as instructions.",
            icon=":material/gpp_bad:",
        )
    pii = result.get("pii") or []
    if pii:
        kinds = sorted({f"{p.get('type')} ({p.get('where', 'resume')})" for p in pii})
        st.warning(
            f"Personal data in the inputs: {', '.join(kinds)}. It was redacted before any model call.",
            icon=":material/shield_person:",
        )
    for flag in result.get("item_flags") or []:
        st.info(f"{flag.get('kind')}: {flag.get('detail', '')}", icon=":material/flag:")


def coverage(result: dict[str, Any]) -> None:
    """The JD's skills: required?, covered before and after, and the quoted evidence."""
    table = coverage_table(result)
    if table.empty:
        st.caption("The job description named no skills from the taxonomy.")
        return
    missing = table[(table["required"]) & (~table["after"])]["skill"].tolist()
    if missing:
        st.caption("Required and still missing: " + ", ".join(missing))
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "required": st.column_config.CheckboxColumn("required"),
            "before": st.column_config.CheckboxColumn("before"),
            "after": st.column_config.CheckboxColumn("after"),
            "evidence": st.column_config.TextColumn("evidence (quoted)", width="large"),
        },
    )


def bullet(item: dict[str, Any], b: dict[str, Any], save: SaveFn) -> None:
    """One bullet: original and rewrite with the differences marked, its flags, and the review form."""
    index = int(b.get("index", 0))
    original, rewrite = b.get("original", ""), b.get("rewrite")
    saved = review_for(item, index)
    with st.container(border=True):
        left, right = st.columns(2)
        if rewrite:
            old_html, new_html = diff_html(original, rewrite)
        else:
            old_html, new_html = diff_html(original, original)[0], "<i>no rewrite</i>"
        left.markdown(f"**Bullet {index + 1} · original**<br>{old_html}", unsafe_allow_html=True)
        label = "rewrite" if b.get("accepted") else "rewrite (failed the checks; the original stands)"
        right.markdown(f"**{label}**<br>{new_html}", unsafe_allow_html=True)
        for flag in b.get("flags") or []:
            kind = flag.get("kind", "")
            st.caption(f"⚑ {kind}: {FLAG_WORDS.get(kind, '')} {flag.get('detail', '')}".strip())
        if saved:
            st.caption(
                f"Decision: **{DECISIONS.get(saved.get('decision'), saved.get('decision'))}**"
                f" by {saved.get('by', '—')} at {when_text(saved.get('at'))}"
            )
        _form(item, index, rewrite or original, bool(rewrite), saved, save)


def _form(item: dict[str, Any], index: int, text: str, has_rewrite: bool, saved: dict | None, save: SaveFn) -> None:
    key = f"{item['item_id']}_{index}"
    options = list(DECISIONS) if has_rewrite else ["edit", "reject"]
    current = (saved or {}).get("decision")
    with st.form(f"review_{key}", border=False):
        choice = st.radio(
            "Decision",
            options,
            index=options.index(current) if current in options else 0,
            format_func=DECISIONS.get,
            horizontal=True,
            key=f"decision_{key}",
        )
        edited = st.text_area(
            "Edited text (used when the decision is Edit)",
            value=(saved or {}).get("text") or text,
            height=80,
            key=f"text_{key}",
        )
        if st.form_submit_button("Save decision", key=f"save_{key}"):
            save(item["item_id"], index, choice, edited if choice == "edit" else None)


def when_text(value: Any) -> str:
    """A stored timestamp (ISO string or datetime) for display."""
    if hasattr(value, "tzinfo"):
        return when(value)
    return str(value or "—").replace("T", " ")[:16] + (" UTC" if value else "")
