"""Searchability checks against a reader's labels of resume/JD pairs.

Each label row: {"pair": "<folder>/<nn>" (files <nn>_resume.txt and <nn>_jd.txt under the root), "title": the
verdict a reader gives the job-title check ("pass" when the JD's title, with or without its level word, is in
the resume, else "fail"), "years": years of experience from the dated roles as of `today`, "seniority": the
level word of the latest title or null, "sections": which of Summary/Experience/Education/Skills have a heading}.
Figures: title accuracy, years within one year, seniority accuracy, and per-section heading precision/recall.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from core.ingest import normalise
from core.searchability import PASS, heading_of, latest_level, title_check, years_found
from core.types import JDSignals

SECTIONS = ("Summary", "Experience", "Education", "Skills")
YEARS_TOLERANCE = 1.0


def read_labels(path: Path) -> list[dict[str, Any]]:
    """The label rows of a JSONL file."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def headings(resume: str) -> set[str]:
    """The standard sections the resume has a heading for (what the sections check reads)."""
    return {name for line in resume.split("\n") if (name := heading_of(line)) in SECTIONS}


def evaluate(
    rows: list[dict[str, Any]], root: Path, signals_of: Callable[[str], JDSignals], today: date
) -> dict[str, Any]:
    """Run the checks on every labelled pair and compare; returns the figures and the misses."""
    title_ok = years_ok = level_ok = 0
    tp = fp = fn = 0
    misses: list[dict[str, Any]] = []
    for row in rows:
        resume = normalise((root / f"{row['pair']}_resume.txt").read_text())
        jd = normalise((root / f"{row['pair']}_jd.txt").read_text())
        signals = signals_of(jd)
        title = "pass" if title_check(resume, signals, jd)["status"] == PASS else "fail"
        years = years_found(resume, today)[0]
        level = latest_level(resume, today)
        found = headings(resume)
        wanted = set(row["sections"])
        title_ok += title == row["title"]
        years_ok += abs(years - float(row["years"])) <= YEARS_TOLERANCE
        level_ok += level == row.get("seniority")
        tp, fp, fn = tp + len(found & wanted), fp + len(found - wanted), fn + len(wanted - found)
        miss = {
            "title": (title, row["title"]) if title != row["title"] else None,
            "years": (years, row["years"]) if abs(years - float(row["years"])) > YEARS_TOLERANCE else None,
            "seniority": (level, row.get("seniority")) if level != row.get("seniority") else None,
            "sections": (sorted(found), sorted(wanted)) if found != wanted else None,
        }
        if any(miss.values()):
            misses.append({"pair": row["pair"], **{k: v for k, v in miss.items() if v}})
    n = len(rows) or 1
    return {
        "pairs": len(rows),
        "title_accuracy": round(title_ok / n, 3),
        "years_within_1": round(years_ok / n, 3),
        "seniority_accuracy": round(level_ok / n, 3),
        "sections_precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "sections_recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "misses": misses,
    }
