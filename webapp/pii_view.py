"""Personal data findings for Review, by severity (pure, no Streamlit)."""

from __future__ import annotations

from typing import Any

from webapp.labels import PII_WHERE, pii_type

# Identifiers a resume never needs; the detector marks them "high". The rest are contact details.
HIGH = "high"


def mask(text: str) -> str:
    """Only the last few letters or digits of an identifier, the rest as dots ('•••••6789')."""
    kept = [c for c in str(text) if c.isalnum()]
    tail = "".join(kept[-4:]) if len(kept) > 6 else ""
    return "•" * max(3, len(kept) - len(tail)) + tail


def must_remove(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """High-severity findings, one per type and place, with the advice the detector gave and a masked value."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for f in findings:
        if f.get("severity") != HIGH:
            continue
        key = (str(f.get("type")), str(f.get("where") or "resume"))
        if key not in out:
            out[key] = {
                "type": key[0],
                "where": key[1],
                "advice": f.get("recommendation"),
                "shown": mask(f.get("text", "")),
                "count": 0,
            }
        out[key]["count"] += 1
    return list(out.values())


def contact_summary(findings: list[dict[str, Any]]) -> str | None:
    """One sentence naming the contact details found (None when there are none)."""
    places: dict[str, list[str]] = {}
    for f in findings:
        if f.get("severity") == HIGH:
            continue
        where = PII_WHERE.get(str(f.get("where") or "resume"), str(f.get("where")))
        kind = pii_type(f.get("type"))
        if kind not in places.setdefault(where, []):
            places[where].append(kind)
    if not places:
        return None
    parts = [f"{', '.join(kinds)} in the {where}" for where, kinds in places.items()]
    return (
        f"Contact details: {'; '.join(parts)}. Normal for a resume; they are never sent to an external model "
        "(placeholders go instead)."
    )
