"""The searchability checks of Review as a table (pure, no Streamlit), from the stored result.

Results stored before the checks existed get the two that need no resume text (contact details, measurable
results) computed here; the others say they were not run.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from core.searchability import FAIL, INFO, PASS, WARN, contact_check, measurable_check
from core.types import PiiFinding

STATUS_WORDS = {PASS: "✓ good", WARN: "! check", FAIL: "✗ fix", INFO: "· for information"}
COLUMNS = ["check", "result", "the job asks for", "the resume has", "what to do"]
_NEED_TEXT = ("Job title", "Years of experience", "Seniority", "Section headings")


def checks(result: dict[str, Any]) -> list[dict[str, str]]:
    """The stored checks, or the ones that can still be worked out from an older result."""
    stored = result.get("searchability")
    if stored:
        return list(stored)
    findings = [PiiFinding.model_validate({"span": (0, 0), "text": "", **p}) for p in result.get("pii") or []]
    standing = [
        b.get("rewrite") if b.get("accepted") and b.get("rewrite") else b.get("original") or ""
        for b in result.get("bullets") or []
    ]
    missing = [
        {
            "check": label,
            "label": label,
            "status": INFO,
            "wanted": "—",
            "found": "not checked for this result",
            "advice": "Resubmit the pair to run this check.",
        }
        for label in _NEED_TEXT
    ]
    return [*missing[:3], contact_check(findings), missing[3], measurable_check(standing)]


def checks_table(result: dict[str, Any]) -> pd.DataFrame:
    """One row per check: its name, the verdict in words, what the JD asks, what the resume has, what to do."""
    rows = [
        {
            "check": c.get("label", ""),
            "result": STATUS_WORDS.get(c.get("status", ""), c.get("status", "")),
            "the job asks for": c.get("wanted") or "—",
            "the resume has": c.get("found") or "—",
            "what to do": c.get("advice") or "—",
        }
        for c in checks(result)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(result: dict[str, Any]) -> tuple[int, int]:
    """(checks passed, checks with a verdict) — information-only checks are not counted."""
    judged = [c for c in checks(result) if c.get("status") in (PASS, WARN, FAIL)]
    return sum(1 for c in judged if c.get("status") == PASS), len(judged)
