"""The match gauge: the score after (before as a tick), what it is made of, why it is capped, what the rewrite did."""

from __future__ import annotations

from typing import Any

import streamlit as st

from webapp.review_data import FAILED, REWRITTEN, UNCHANGED, bullet_counts
from webapp.score_view import breakdown_table, cap_reason, gauge_alt, gauge_svg


def render(result: dict[str, Any]) -> None:
    """Gauge, score breakdown with the reason for any cap, and the bullet counts (real failures only)."""
    before, after = result.get("score_before"), result.get("score_after")
    breakdown = result.get("score_breakdown") or {}
    bullets = result.get("bullets") or []
    counts = bullet_counts(bullets)
    g, parts, side = st.columns([1.1, 2.4, 1.1])
    with g:
        st.image(gauge_svg(after, before), width=220, alt=gauge_alt(after, before))
        lift = (after - before) if before is not None and after is not None else None
        st.caption(
            "Match score after the rewrite"
            + (f" ({lift:+d} from {before})" if lift is not None else "")
            + ". The grey tick marks the score before."
        )
    with parts:
        table = breakdown_table(breakdown)
        if table.empty:
            st.caption("No breakdown was stored for this score.")
        else:
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                column_config={
                    "part": st.column_config.TextColumn("part of the score", width="medium"),
                    "points after": st.column_config.NumberColumn("points after", format="%.1f"),
                },
            )
        reason = cap_reason(breakdown)
        if reason:
            st.caption(reason)
    with side:
        st.metric("Rewritten", f"{counts[REWRITTEN]} of {len(bullets)}", help="Rewrites that passed the checks.")
        st.metric(
            "Failed the checks",
            counts[FAILED],
            help="Rewrites the checks refused (an invented number, skill or fact); the original stands.",
        )
        st.metric("Unchanged", counts[UNCHANGED], help="Bullets that needed no change.")
