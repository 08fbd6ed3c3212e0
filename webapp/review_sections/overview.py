"""The job's counts: candidates, how many have results, and how much of the review is done."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st


def render(items: list[dict[str, Any]], finished: list[dict[str, Any]], overview: pd.DataFrame) -> None:
    """Three metrics across the top of the page."""
    reviewed = int(overview["reviewed"].sum()) if not overview.empty else 0
    wanted = int(overview["to review"].sum()) if not overview.empty else 0
    a, b, c = st.columns(3)
    a.metric("Candidates", len(items))
    b.metric("With results", f"{len(finished)} of {len(items)}")
    c.metric("Rewrites reviewed", f"{reviewed} of {wanted}", help="Across every candidate of this job.")
