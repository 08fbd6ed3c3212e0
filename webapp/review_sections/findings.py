"""What the pipeline found in the inputs: prompt injection, personal data by severity, and item-level flags."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from webapp.labels import PII_WHERE, injection_category, item_flag, pii_type
from webapp.literal import md
from webapp.pii_view import contact_summary, must_remove


def injection(result: dict[str, Any]) -> None:
    """The prompt-injection verdict with its quoted evidence, when something was detected."""
    found = result.get("injection") or {}
    if not found.get("detected"):
        return
    quotes = "; ".join(f"“{html.escape(str(e.get('text', '')))}”" for e in found.get("evidence") or [])
    words = html.escape(injection_category(found.get("category")))
    st.error(
        "Instructions aimed at the model were found in the text. They were treated as data, never followed.",
        icon=":material/gpp_bad:",
    )
    st.html(
        f'<div style="font-size:.9rem;margin:-.5rem 0 .8rem 0">{words} (confidence {found.get("score", 0):.0%})'
        f"{': ' + quotes if quotes else ''}</div>"
    )


def pii(result: dict[str, Any]) -> None:
    """Identifiers that must go, in red with what to do; contact details as a quiet note."""
    found = result.get("pii") or []
    for finding in must_remove(found):
        where = PII_WHERE.get(finding["where"], finding["where"])
        advice = finding["advice"] or f"Remove the {pii_type(finding['type'])}: a resume does not need it."
        kind = pii_type(finding["type"])
        st.error(
            f"**{kind[:1].upper() + kind[1:]} in the {where}** ({md(finding['shown'])}). {advice}",
            icon=":material/report:",
        )
    note = contact_summary(found)
    if note:
        st.caption(f":material/contact_mail: {note}")


def item_flags(result: dict[str, Any]) -> None:
    """Flags on the item as a whole (not on one bullet)."""
    for flag in result.get("item_flags") or []:
        detail = str(flag.get("detail") or "")
        st.info(item_flag(flag.get("kind")), icon=":material/flag:")
        if detail:
            st.html(f'<div style="font-size:.85rem;color:#5f6368;margin-top:-.6rem">{html.escape(detail)}</div>')


def render(result: dict[str, Any]) -> None:
    """All findings, the most serious first."""
    injection(result)
    pii(result)
    item_flags(result)


def failed(item: dict[str, Any]) -> None:
    """Why a candidate has no result (failed, or held back as a prompt injection)."""
    reason = str(item.get("error") or "no result was stored")
    if item.get("status") == "quarantined":
        st.error("Held back: the texts contain instructions aimed at the model.", icon=":material/gpp_bad:")
    else:
        st.error("This candidate could not be processed.", icon=":material/error:")
    st.html(f'<div style="margin:-.5rem 0 .8rem 0"><b>Reason:</b> {html.escape(reason)}</div>')
