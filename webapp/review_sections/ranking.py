"""Bulk jobs: candidates ranked by required-skill coverage (click a row to open one), the heatmap on request."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from webapp import figures
from webapp.query import pick
from webapp.review_data import coverage_matrix, ranking
from webapp.review_sections.picker import CANDIDATE_KEY

TABLE_KEY = "ranking_table"
SHOWN = ["rank", "candidate", "required covered", "coverage %", "score before", "score after", "lift", "reviewed"]


def _open_clicked(frame: pd.DataFrame) -> None:
    """The table's selection callback: open the clicked candidate below (and in the URL)."""
    rows = st.session_state[TABLE_KEY].selection.rows
    if rows:
        pick(CANDIDATE_KEY, frame.iloc[rows[0]]["item"], "candidate")


def render(items: list[dict[str, Any]], finished: list[dict[str, Any]]) -> None:
    """The ranking table, with the heatmap behind a toggle (only for jobs of two or more finished items)."""
    if len(finished) < 2:
        return
    with st.expander(f"Candidates ranked ({len(finished)} with results)", expanded=True):
        frame = ranking(items)
        st.dataframe(
            frame,
            hide_index=True,
            width="stretch",
            height=min(35 * len(frame) + 38, 420),
            column_order=SHOWN,
            column_config={
                "required covered": st.column_config.TextColumn("required skills", help="Found after the rewrite."),
                "coverage %": st.column_config.ProgressColumn("coverage", format="%d%%", min_value=0, max_value=100),
                "lift": st.column_config.NumberColumn("lift", format="%+d"),
            },
            key=TABLE_KEY,
            on_select=lambda: _open_clicked(frame),
            selection_mode="single-row",
        )
        st.caption("Click a row to open that candidate below.")
        # The heatmap waits until asked for: plotly.js is the largest download of the app, and a page that
        # holds a chart is drawn only once it has loaded (about 2 s in a new browser).
        if st.toggle("Show the heatmap (who covers which requirement)", key="show_heatmap"):
            matrix = coverage_matrix(items)
            if matrix.empty or matrix.shape[1] == 0:
                st.caption("The job descriptions named no skills this app knows.")
            else:
                st.plotly_chart(figures.coverage_heatmap(matrix), width="stretch", key="heatmap")
                st.caption("Green: in the resume · yellow: named by the rewrite · red: missing · blank: not asked.")
