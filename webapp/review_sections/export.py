"""Export buttons: the text that stands for every bullet, as CSV or XLSX."""

from __future__ import annotations

import streamlit as st

from services.principal import Principal
from services.results import ACCEPTED, EDITED, EXPORT_COLUMNS, KEPT, NOT_REVIEWED, UNCHANGED, export_accepted
from webapp.state import db

EXPLAINED = (
    f"One row per bullet, numbered from 1, then one for the tailored summary and each skills list (“summary”, "
    f"“skills 1”…) when the candidate has them; columns: {', '.join(EXPORT_COLUMNS)}. The final text is the rewrite "
    f"you accepted (decision “{ACCEPTED}”) or your edit (“{EDITED}”); every other row keeps its original text: "
    f"“{KEPT}”, “{NOT_REVIEWED}” (nobody decided yet) or “{UNCHANGED}”."
)
FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _export(principal: Principal, job_id: str, fmt: str) -> bytes:
    with db() as s:
        return export_accepted(s, principal=principal, job_id=job_id, fmt=fmt)


def render(principal: Principal, job_id: str, enabled: bool) -> None:
    """Two download buttons (the file is built only when clicked) with what they write."""
    st.caption(EXPLAINED)
    for column, (fmt, mime) in zip(st.columns(len(FORMATS)), FORMATS.items(), strict=True):
        column.download_button(
            f"Export {fmt.upper()}",
            data=lambda fmt=fmt: _export(principal, job_id, fmt),
            file_name=f"rewrites-{job_id[:8]}.{fmt}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            disabled=not enabled,
        )
