"""The skills table: each JD requirement, how often the JD and the resume name it, how it is met, the evidence."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from webapp.skills_data import missing_required, skills_table


def render(result: dict[str, Any]) -> None:
    """The required skills still missing named above the table, then the table (gaps first)."""
    table = skills_table(result)
    if table.empty:
        st.caption("The job description named no skills this app knows.")
        return
    missing = missing_required(result)
    if missing:
        st.html(_missing_html(missing))
    else:
        st.caption("The resume shows every required skill.")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "skill": st.column_config.TextColumn("skill (as the JD names it)", width="medium"),
            "in JD": st.column_config.TextColumn("in JD", help="How often the job description names it."),
            "in resume": st.column_config.TextColumn("in resume", help="How often the original resume names it."),
            "evidence": st.column_config.TextColumn("evidence (quoted)", width="large"),
        },
    )
    st.caption(
        "“In the resume”: named before the rewrite. “Through a narrower skill”: a more specific skill meets it "
        "(Terraform for infrastructure as code). “Added by the rewrite”: only the rewritten bullets name it — "
        "confirm it with the candidate. “Elsewhere in the resume”: outside the bullets (summary, skills list)."
    )


def _missing_html(missing: list[str]) -> str:
    names = ", ".join(html.escape(m) for m in missing)
    return f'<div style="color:#8a1c1c"><b>Required and missing ({len(missing)}):</b> {names}</div>'
