"""The match gauge and the score breakdown of Review, from the stored score_breakdown (pure, no Streamlit)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

PARTS = {
    "required": "Required skills and qualifications met",
    "required_coverage": "Required skills found",
    "preferred": "Preferred ones met",
    "preferred_coverage": "Preferred skills found",
    "keywords": "Job description keywords used",
    "keyword_similarity": "Job description keywords used",
    "quality": "Bullet quality (impact and clarity)",
    "bullet_quality": "Bullet quality (impact and clarity)",
}
_FONT = "Source Sans Pro, Source Sans 3, DejaVu Sans, Helvetica, Arial, sans-serif"
BANDS = ((75, "#2e7d4f", "strong match"), (50, "#c77c02", "fair match"), (0, "#b3261e", "weak match"))


def band(score: float) -> tuple[str, str]:
    """The colour and the words for a score: strong from 75, fair from 50, else weak."""
    return next((colour, words) for low, colour, words in BANDS if score >= low)


def breakdown_table(breakdown: dict[str, Any]) -> pd.DataFrame:
    """One row per part of the score: how much of it the resume has (before → after), its weight, its points after.

    Reads the parts from the weights it finds, so parts added later show up with a readable name.
    """
    before, after = breakdown.get("before") or {}, breakdown.get("after") or {}
    weights = after.get("weights") or before.get("weights") or {}
    rows = []
    for part, weight in weights.items():
        b, a = before.get(part), after.get(part)
        rows.append(
            {
                "part": PARTS.get(part, part.replace("_", " ").capitalize()),
                "before": _percent(b),
                "after": _percent(a),
                "weight": f"{weight:.0%}",
                "points after": round(100 * weight * a, 1) if isinstance(a, int | float) else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=["part", "before", "after", "weight", "points after"])


def _percent(value: Any) -> str:
    return f"{value:.0%}" if isinstance(value, int | float) else "—"


def _names(names: list[str]) -> str:
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _why(part: dict[str, Any]) -> str:
    """The reason for a cap in words, with the requirements behind it."""
    stored = str(part.get("cap_reason") or "")
    gates = part.get("missing_gates") or []
    missing = part.get("missing_required") or []
    if "licence" in stored or "degree" in stored:
        n = len(gates)
        return f"{n} required licence, certification, degree or years of experience {_are(n)} missing ({_names(gates)})"
    if stored and "missing" not in stored:
        return stored  # a JD read with little confidence, or no requirements read at all
    n = len(missing)
    return f"{n} required skill{'s' if n != 1 else ''} {_are(n)} missing ({_names(missing)})"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def cap_reason(breakdown: dict[str, Any], which: str = "after") -> str | None:
    """Why the score is held below what its parts add up to, in words (None when nothing holds it back)."""
    part = breakdown.get(which) or {}
    cap, raw = part.get("cap"), part.get("raw")
    if cap is None or raw is None:
        return None
    why = _why(part)
    if raw > cap:
        return f"Capped at {cap} because {why}; its parts alone add up to {raw:.0f}."
    return f"It cannot go above {cap} while {why}."


def gauge_alt(score: int | None, before: int | None = None) -> str:
    """The gauge in words, for screen readers: 'Match score 81 of 100, strong match (was 79)'."""
    if score is None:
        return "Match score not available"
    was = f" (was {before})" if before is not None else ""
    return f"Match score {score} of 100, {band(score)[1]}{was}"


def _text(y: int, size: int, fill: str, body: str, bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text x="100" y="{y}" font-family="{_FONT}" text-anchor="middle" font-size="{size}"{weight} '
        f'fill="{fill}">{body}</text>'
    )


def gauge_svg(score: int | None, before: int | None = None, size: int = 220) -> str:
    """A half-circle gauge of the score after (coloured by band) with a tick at the score before, as SVG."""
    value = max(0, min(100, score or 0))
    colour, words = band(value)
    r, cx, cy, width = 80, 100, 95, 16

    def point(v: float) -> tuple[float, float]:
        angle = math.pi * (1 - v / 100)
        return cx + r * math.cos(angle), cy - r * math.sin(angle)

    x0, y0 = point(0)
    x1, y1 = point(100)
    xv, yv = point(value)
    track = f'<path d="M{x0:.1f},{y0:.1f} A{r},{r} 0 0 1 {x1:.1f},{y1:.1f}" stroke="#e6e8ec" '
    track += f'stroke-width="{width}" fill="none" stroke-linecap="round"/>'
    arc = (
        f'<path d="M{x0:.1f},{y0:.1f} A{r},{r} 0 0 1 {xv:.1f},{yv:.1f}" stroke="{colour}" '
        f'stroke-width="{width}" fill="none" stroke-linecap="round"/>'
        if value > 0
        else ""
    )
    tick = ""
    if before is not None:
        bx, by = point(max(0, min(100, before)))
        ox, oy = cx + (bx - cx) * 1.14, cy + (by - cy) * 1.14
        ix, iy = cx + (bx - cx) * 0.86, cy + (by - cy) * 0.86
        tick = f'<line x1="{ix:.1f}" y1="{iy:.1f}" x2="{ox:.1f}" y2="{oy:.1f}" stroke="#5f6368" stroke-width="3"/>'
    shown = "—" if score is None else str(value)
    was = f"was {before}" if before is not None else ""
    height = size * 0.62
    return (
        f'<svg role="img" aria-label="Match score {shown} of 100, {words}" viewBox="0 0 200 124" '
        f'width="{size}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="{_FONT}">'
        f"{track}{arc}{tick}"
        + _text(82, 34, colour, shown, bold=True)
        + _text(102, 12, "#3c4043", words)
        + _text(119, 11, "#5f6368", was)
        + "</svg>"
    )
