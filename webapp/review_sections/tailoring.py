"""The tailored summary and skills lists (each accepted or kept like a bullet) and the questions to confirm.

Decisions go through the page's save callback with the section's review key ("summary", "skills:N").
"""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from services.review import section_key
from webapp.review_sections.bullets import DECISION_WORDS, SaveFn, when_text


def label(key: str) -> str:
    """'Summary' or 'Skills list N' (numbered from 1) for a section's review key."""
    kind, _, number = key.partition(":")
    return "Summary" if kind == "summary" else f"Skills list {int(number or 0) + 1}"


def text_html(text: str) -> str:
    """The text escaped for st.html with its line breaks kept (a tailored summary may stand on several lines)."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


def render(item: dict[str, Any], result: dict[str, Any], save: SaveFn) -> None:
    """Summary, skills lists and questions to confirm, with a decision for each proposal."""
    sections = [("summary", 0, result["summary"])] if result.get("summary") else []
    sections += [("skills", i, s) for i, s in enumerate(result.get("skills_section") or [])]
    if not sections:
        st.caption("No tailored summary or skills list was proposed for this candidate.")
    for kind, i, section in sections:
        key = section_key(kind, i)
        _section(item, key, label(key), section, save)
    questions = result.get("confirm") or []
    if questions:
        st.markdown("**To confirm with the candidate** (never added to the resume)")
        st.html("<ul>" + "".join(f"<li>{html.escape(q['question'])}</li>" for q in questions) + "</ul>")


def _section(item: dict[str, Any], key: str, title: str, section: dict[str, Any], save: SaveFn) -> None:
    review = (item.get("review") or {}).get(key)
    with st.container(border=True):
        passed = "passed the checks" if section.get("accepted") else "did not pass the checks"
        st.markdown(f"**{title}** · {passed}")
        was = text_html(section.get("original") or "(none)")
        st.html(f'<div style="font-size:.85rem;color:#5f6368">Was: {was}</div>')
        st.html(f"<div>{text_html(section.get('rewrite') or '')}</div>")
        for flag in section.get("flags") or []:
            st.html(f'<div style="font-size:.85rem;color:#b3261e">{html.escape(str(flag.get("detail", "")))}</div>')
        if review:
            words = DECISION_WORDS.get(review.get("decision"), "decided")
            st.caption(f"{review.get('by', 'Someone')} {words} · {when_text(review.get('at'))}")
        c1, c2 = st.columns(2)
        decided = (review or {}).get("decision")
        for column, label, decision in ((c1, "Accept", "accept"), (c2, "Keep original", "reject")):
            column.button(
                label,
                key=f"{decision}_section_{item['item_id']}_{key}",
                type="primary" if decided == decision else "secondary",
                on_click=save,
                args=(item, [(key, decision, None)]),
            )
