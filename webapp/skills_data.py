"""The skills table of Review: one row per JD requirement, built from the stored coverage (pure, no Streamlit)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from webapp.labels import bullet_number

COLUMNS = ["skill", "importance", "kind", "in JD", "in resume", "status", "evidence"]
# Status words, in the order the table lists them (gaps first).
MISSING, BY_REWRITE, ASSUMED = "missing", "added by the rewrite", "not judged on paper"
NARROWER, YEARS, IN_RESUME = "through a narrower skill", "enough years", "in the resume"
_STATUS_ORDER = {MISSING: 0, BY_REWRITE: 1, ASSUMED: 2, NARROWER: 3, YEARS: 4, IN_RESUME: 5}
KINDS = {
    "tool": "hard skill",
    "knowledge": "hard skill",
    "soft": "soft skill",
    "soft_skill": "soft skill",
    "certification": "certification",
    "licence": "licence",
    "license": "licence",
    "degree": "degree",
    "experience_years": "years of experience",
    "years": "years of experience",
    "condition": "condition of the job",
}


def _vias(entry: dict[str, Any]) -> list[str]:
    """The narrower skills that met the requirement (when no evidence names the requirement itself)."""
    evidence = entry.get("evidence") or []
    if not evidence or not all(e.get("via") for e in evidence):
        return []
    return list(dict.fromkeys(str(e["via"]) for e in evidence))


def status(entry: dict[str, Any]) -> str:
    """How the resume meets one requirement: directly, through a narrower skill, only after the rewrite, or not."""
    how = str(entry.get("how") or "")
    if not entry.get("after") and not entry.get("before"):
        return MISSING
    if not entry.get("before"):
        return BY_REWRITE
    if how == "assumed":
        return ASSUMED
    if how.startswith("years"):
        return YEARS
    return NARROWER if _vias(entry) else IN_RESUME


def _status_text(entry: dict[str, Any], state: str) -> str:
    if state == NARROWER:
        return f"{state} ({', '.join(_vias(entry)[:2])})"
    if state == ASSUMED:
        return f"{state} (ask at the interview)"
    return state


def evidence_text(entry: dict[str, Any]) -> str:
    """The quotes that show a skill, each with where it sits ('bullet 4', 'elsewhere in the resume')."""
    parts = []
    for e in entry.get("evidence") or []:
        where = bullet_number(e.get("bullet"))
        via = f", as {e['via']}" if e.get("via") and e["via"] != e.get("quote") else ""
        listed = ", in a keyword list only" if e.get("listed") else ""
        parts.append(f"“{e.get('quote', '')}” ({where}{via}{listed})")
    return "; ".join(parts) or "—"


def _name(entry: dict[str, Any]) -> str:
    """The requirement as the JD wrote it, with its alternatives ('Python or Go') and the canonical name if other."""
    skill = str(entry.get("skill", ""))
    shown = str(entry.get("jd_name") or skill)
    alternatives = [str(a) for a in entry.get("alternatives") or [] if str(a) not in (skill, shown)]
    if alternatives:
        shown = " or ".join([shown, *alternatives])
    if skill and skill.lower() not in shown.lower():
        shown += f" ({skill})"
    return shown


def _count(counts: dict[str, Any], skill: str, key: str) -> str:
    value = (counts.get(skill) or {}).get(key)
    return "—" if value is None else str(value)


def skills_table(result: dict[str, Any]) -> pd.DataFrame:
    """Required first, then preferred; within each the gaps first, then by how often the JD names the skill."""
    counts = result.get("skill_counts") or {}
    rows = []
    for entry in result.get("coverage") or []:
        skill = str(entry.get("skill", ""))
        kind = entry.get("kind") or "skill"
        if kind == "skill":  # the taxonomy knows whether a skill is hard (a tool, knowledge) or soft
            kind = (counts.get(skill) or {}).get("kind") or kind
        state = status(entry)
        rows.append(
            {
                "skill": _name(entry),
                "importance": "required" if entry.get("required") else "preferred",
                "kind": KINDS.get(str(kind), str(kind).replace("_", " ")),
                "in JD": _count(counts, skill, "jd"),
                "in resume": _count(counts, skill, "resume"),
                "status": _status_text(entry, state),
                "evidence": evidence_text(entry),
                "_order": (0 if entry.get("required") else 1, _STATUS_ORDER[state], -_number(counts, skill)),
            }
        )
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame(rows).sort_values("_order", kind="stable", ignore_index=True)
    return frame[COLUMNS]


def _number(counts: dict[str, Any], skill: str) -> int:
    value = (counts.get(skill) or {}).get("jd")
    return int(value) if isinstance(value, int) else 0


def missing_required(result: dict[str, Any]) -> list[str]:
    """Required skills the resume does not show even after the rewrite, as the JD names them."""
    return [_name(e) for e in result.get("coverage") or [] if e.get("required") and status(e) == MISSING]
