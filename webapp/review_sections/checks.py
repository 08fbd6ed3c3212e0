"""Searchability checks: job title, years, seniority, contact details, section headings, measurable results."""

from __future__ import annotations

from typing import Any

import streamlit as st

from webapp.checks_data import checks_table


def render(result: dict[str, Any]) -> None:
    """The checks as a table, each with what the job asks for, what the resume has and what to do."""
    st.dataframe(
        checks_table(result),
        hide_index=True,
        width="stretch",
        column_config={
            "check": st.column_config.TextColumn("check", width="small"),
            "result": st.column_config.TextColumn("result", width="small"),
            "what to do": st.column_config.TextColumn("what to do", width="large"),
        },
    )
    st.caption(
        "What an ATS search and a recruiter's first look rely on, beyond the skills. Change the resume only "
        "where the candidate confirms it."
    )
