"""Pure tables for the Review page, built from the items of `services.results.job_results`."""

from __future__ import annotations

from typing import Any

import pandas as pd

# Cell values of the candidates x requirements matrix.
MISSING, ADDED_BY_REWRITE, IN_ORIGINAL = 0, 1, 2
PREFERRED_MARK = " (nice to have)"


def coverage_table(result: dict[str, Any]) -> pd.DataFrame:
    """One row per JD skill: required?, covered before / after, and the quoted evidence."""
    rows = []
    for entry in result.get("coverage") or []:
        quotes = [f"“{e.get('quote', '')}” (bullet {int(e.get('bullet', 0)) + 1})" for e in entry.get("evidence") or []]
        rows.append(
            {
                "skill": entry.get("skill", ""),
                "required": bool(entry.get("required")),
                "before": bool(entry.get("before")),
                "after": bool(entry.get("after")),
                "evidence": "; ".join(quotes) or "—",
            }
        )
    frame = pd.DataFrame(rows, columns=["skill", "required", "before", "after", "evidence"])
    return frame.sort_values(["required", "after", "skill"], ascending=[False, True, True], ignore_index=True)


def coverage_matrix(items: list[dict[str, Any]]) -> pd.DataFrame:
    """Candidates (rows, by ref) x JD skills (columns): 2 in the original, 1 only after the rewrite, 0 missing.

    A skill that is not part of a candidate's JD is left empty (NaN): bulk jobs may mix JDs.
    """
    cells: dict[str, dict[str, float]] = {}
    required_count: dict[str, int] = {}
    preferred_count: dict[str, int] = {}
    for item in _completed(items):
        row: dict[str, float] = {}
        for entry in item["result"].get("coverage") or []:
            skill = str(entry.get("skill", ""))
            column = skill if entry.get("required") else skill + PREFERRED_MARK
            counter = required_count if entry.get("required") else preferred_count
            counter[column] = counter.get(column, 0) + 1
            row[column] = IN_ORIGINAL if entry.get("before") else ADDED_BY_REWRITE if entry.get("after") else MISSING
        cells[_label(item)] = row
    # Required skills first, the most widely asked for leftmost.
    columns = sorted(required_count, key=lambda c: (-required_count[c], c))
    columns += sorted(preferred_count, key=lambda c: (-preferred_count[c], c))
    frame = pd.DataFrame.from_dict(cells, orient="index", columns=columns, dtype=float)
    order = ranking(items)["candidate"].tolist()
    return frame.reindex([c for c in order if c in frame.index])


def ranking(items: list[dict[str, Any]]) -> pd.DataFrame:
    """Candidates ranked by required-skill coverage after the rewrite, then by the ATS score after."""
    rows = []
    for item in _completed(items):
        result = item["result"]
        required = [c for c in result.get("coverage") or [] if c.get("required")]
        covered = sum(1 for c in required if c.get("after"))
        before, after = result.get("score_before"), result.get("score_after")
        rows.append(
            {
                "candidate": _label(item),
                "required covered": f"{covered}/{len(required)}",
                "coverage %": round(100 * covered / len(required)) if required else 0,
                "score before": before,
                "score after": after,
                "lift": (after - before) if before is not None and after is not None else None,
                "flags": sum(len(b.get("flags") or []) for b in result.get("bullets") or []),
            }
        )
    columns = ["candidate", "required covered", "coverage %", "score before", "score after", "lift", "flags"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["coverage %", "score after"], ascending=[False, False], ignore_index=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame


def item_overview(items: list[dict[str, Any]]) -> pd.DataFrame:
    """One line per item for the item picker: ref, status, scores and how many rewrites await a decision."""
    rows = []
    for item in items:
        result = item.get("result") or {}
        bullets = result.get("bullets") or []
        review = item.get("review") or {}
        pending = sum(1 for b in bullets if b.get("rewrite") and str(b.get("index")) not in _keys(review))
        rows.append(
            {
                "item": item.get("item_id"),
                "ref": item.get("ref") or f"item {item.get('item_id')}",
                "status": item.get("status"),
                "score before": result.get("score_before"),
                "score after": result.get("score_after"),
                "awaiting review": pending,
                "error": item.get("error") or "",
            }
        )
    columns = ["item", "ref", "status", "score before", "score after", "awaiting review", "error"]
    return pd.DataFrame(rows, columns=columns)


def review_for(item: dict[str, Any], bullet_index: int) -> dict[str, Any] | None:
    """The saved decision for one bullet (keys may arrive as int or str after JSON)."""
    review = item.get("review") or {}
    return review.get(bullet_index) or review.get(str(bullet_index))


def _keys(review: dict) -> set[str]:
    return {str(k) for k in review}


def _completed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if i.get("result") and i["result"].get("status") == "COMPLETED"]


def _label(item: dict[str, Any]) -> str:
    return str(item.get("ref") or f"item {item.get('item_id')}")
