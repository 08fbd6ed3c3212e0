"""Tailored resume downloads: this candidate's resume with the reviewed texts in place, or all of them as a ZIP."""

from __future__ import annotations

from typing import Any

import streamlit as st

from services.principal import Principal
from services.tailored import FORMATS, tailored_resume, tailored_zip
from webapp.state import db

EXPLAINED = (
    "The resume as the candidate wrote it (its sections, headings and bullets in their order) with each bullet's "
    "standing text: the rewrite you accepted, your edit, else the original."
)


def _one(principal: Principal, job_id: str, item_id: str, fmt: str) -> bytes:
    with db() as s:
        return tailored_resume(s, principal=principal, job_id=job_id, item_id=item_id, fmt=fmt)[1]


def _all(principal: Principal, job_id: str, fmt: str) -> bytes:
    with db() as s:
        return tailored_zip(s, principal=principal, job_id=job_id, fmt=fmt)


def render_job(principal: Principal, job_id: str, enabled: bool) -> None:
    """ZIPs of every finished candidate's tailored resume (built only when clicked)."""
    st.caption(EXPLAINED)
    for column, fmt in zip(st.columns(len(FORMATS)), FORMATS, strict=True):
        column.download_button(
            f"Tailored resumes ({fmt.upper()}, ZIP)",
            data=lambda fmt=fmt: _all(principal, job_id, fmt),
            file_name=f"tailored-{job_id[:8]}-{fmt}.zip",
            mime="application/zip",
            on_click="ignore",
            icon=":material/folder_zip:",
            disabled=not enabled,
            key=f"tailored_zip_{fmt}",
        )


def render_candidate(principal: Principal, job_id: str, item: dict[str, Any]) -> None:
    """This candidate's tailored resume as DOCX or text."""
    ref = str(item.get("ref") or "candidate")
    for column, (fmt, mime) in zip(st.columns(len(FORMATS)), FORMATS.items(), strict=True):
        column.download_button(
            f"Tailored resume ({fmt.upper()})",
            data=lambda fmt=fmt: _one(principal, job_id, item["item_id"], fmt),
            file_name=f"{ref}-tailored.{fmt}",
            mime=mime,
            on_click="ignore",
            icon=":material/description:",
            key=f"tailored_{item['item_id']}_{fmt}",
        )
