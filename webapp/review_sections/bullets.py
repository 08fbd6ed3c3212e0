"""The bullets of one item: each with its reason, scores and flags, and the reviewer's decision.

Nothing is decided until a reviewer clicks: Accept rewrite, Keep original, or Edit (a text box; Ctrl+Enter saves).
Decisions are saved in the buttons' callbacks, so a click costs one run of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from webapp.bullet_html import bullet_html, scores_text
from webapp.literal import md
from webapp.review_data import (
    FAILED,
    REWRITTEN,
    UNCHANGED,
    bullet_state,
    passed_undecided,
    review_for,
    review_progress,
    to_review,
)
from webapp.ui import when

DECISION_WORDS = {"accept": "accepted the rewrite", "reject": "kept the original", "edit": "edited the text"}
STATE_BADGES = {
    REWRITTEN: ":green-badge[rewrite passed the checks]",
    FAILED: ":orange-badge[rewrite failed the checks]",
    UNCHANGED: ":gray-badge[unchanged]",
}
SHOW = {
    "All": lambda item, b: True,
    "To review": lambda item, b: bullet_state(b) != UNCHANGED and review_for(item, int(b["index"])) is None,
    "Failed the checks": lambda item, b: bullet_state(b) == FAILED,
    "Unchanged": lambda item, b: bullet_state(b) == UNCHANGED,
}

# (item, [(bullet index, decision, edited text or None), ...]) -> saved?; shows its own errors and confirmation.
SaveFn = Callable[[dict[str, Any], Sequence[tuple[int | str, str, str | None]]], bool]


def render(item: dict[str, Any], result: dict[str, Any], save: SaveFn, page_size: int) -> None:
    """Progress, Accept all that passed, a filter, and the bullets `page_size` a page."""
    item_id = item["item_id"]
    bullets = result.get("bullets") or []
    reviewed, total = review_progress(item)
    left, right = st.columns([3, 2], vertical_alignment="center")
    if total:
        left.progress(reviewed / total, text=f"{reviewed} of {total} rewrites reviewed")
    else:
        left.caption("No rewrite was proposed for this resume: there is nothing to decide.")
    passed = passed_undecided(item)
    right.button(
        f"Accept all {len(passed)} that passed the checks" if passed else "Every passed rewrite is decided",
        key=f"accept_all_{item_id}",
        icon=":material/done_all:",
        disabled=not passed,
        on_click=save,
        args=(item, [(i, "accept", None) for i in passed]),
        width="stretch",
    )
    show = st.segmented_control("Show", list(SHOW), default="All", key=f"bshow_{item_id}") or "All"
    shown = [b for b in bullets if SHOW[show](item, b)]
    if not shown:
        st.caption("No bullet matches this filter.")
        return
    pages = max(1, -(-len(shown) // page_size))
    label = f"Page (of {pages}; {page_size} bullets a page)"
    part = st.number_input(label, 1, pages, 1, key=f"bpage_{item_id}_{show}") if pages > 1 else 1
    for b in shown[(part - 1) * page_size : part * page_size]:
        bullet(item, b, save)
    if total and reviewed == total:
        st.caption("Every rewrite of this resume is decided.")
    elif len(to_review(item)) and show == "All":
        st.caption("Bullets nobody decides keep their original text in the export.")


def bullet(item: dict[str, Any], b: dict[str, Any], save: SaveFn) -> None:
    """One bullet: number, state and scores; the texts, reason and flags; the decision and its buttons."""
    index = int(b.get("index", 0))
    state = bullet_state(b)
    saved = review_for(item, index)
    with st.container(border=True):
        st.markdown(f"**Bullet {index + 1}** &nbsp; {STATE_BADGES[state]} &nbsp; :gray[{scores_text(b)}]")
        edited = saved.get("text") if saved and saved.get("decision") == "edit" else None
        st.html(bullet_html(b, edited=edited))
        if saved:
            words = DECISION_WORDS.get(saved.get("decision"), "decided")
            st.caption(f"{md(saved.get('by', 'Someone'))} {words} · {when_text(saved.get('at'))}")
        _buttons(item, b, state, saved, save)


def _buttons(item: dict[str, Any], b: dict[str, Any], state: str, saved: dict | None, save: SaveFn) -> None:
    index = int(b["index"])
    key = f"{item['item_id']}_{index}"
    decided = (saved or {}).get("decision")
    editing = f"editing_{key}"
    c1, c2, c3, _ = st.columns([1.3, 1.2, 1, 2])
    if state != UNCHANGED:
        c1.button(
            "Accept rewrite anyway" if state == FAILED else "Accept rewrite",
            key=f"accept_{key}",
            type="primary" if decided == "accept" else "secondary",
            on_click=save,
            args=(item, [(index, "accept", None)]),
        )
        c2.button(
            "Keep original",
            key=f"keep_{key}",
            type="primary" if decided == "reject" else "secondary",
            on_click=save,
            args=(item, [(index, "reject", None)]),
        )
    c3.button(
        "Edit",
        key=f"edit_{key}",
        icon=":material/edit:",
        type="primary" if decided == "edit" else "secondary",
        on_click=_toggle,
        args=(editing,),
    )
    if st.session_state.get(editing):
        with st.form(f"editform_{key}", border=False):
            start = (saved or {}).get("text") or b.get("rewrite") or b.get("original") or ""
            st.text_area("Your text for this bullet (Ctrl+Enter saves)", value=start, height=90, key=f"text_{key}")
            st.form_submit_button("Save edit", key=f"save_{key}", on_click=_save_edit, args=(item, index, save))


def _toggle(flag: str) -> None:
    st.session_state[flag] = not st.session_state.get(flag, False)


def _save_edit(item: dict[str, Any], index: int, save: SaveFn) -> None:
    key = f"{item['item_id']}_{index}"
    if save(item, [(index, "edit", st.session_state.get(f"text_{key}", ""))]):
        st.session_state[f"editing_{key}"] = False


def when_text(value: Any) -> str:
    """A stored timestamp (ISO string or datetime) for display."""
    if hasattr(value, "tzinfo"):
        return when(value)
    return str(value or "—").replace("T", " ")[:16] + (" UTC" if value else "")
