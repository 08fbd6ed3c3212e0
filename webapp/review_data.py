"""Pure tables for the Review page, built from the items of `services.results.job_results`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from webapp.labels import status as status_words

# Cell values of the candidates x requirements matrix.
MISSING, ADDED_BY_REWRITE, IN_ORIGINAL = 0, 1, 2
PREFERRED_MARK = " (nice to have)"


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
                "item": item.get("item_id"),
                "candidate": _label(item),
                "required covered": f"{covered}/{len(required)}",
                "coverage %": round(100 * covered / len(required)) if required else 0,
                "score before": before,
                "score after": after,
                "lift": (after - before) if before is not None and after is not None else None,
                "flags": sum(len(b.get("flags") or []) for b in result.get("bullets") or []),
                "reviewed": "{} of {}".format(*review_progress(item)),
            }
        )
    columns = ["item", "candidate", "required covered", "coverage %", "score before", "score after", "lift", "flags"]
    columns.append("reviewed")
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["coverage %", "score after"], ascending=[False, False], ignore_index=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame


def item_overview(items: list[dict[str, Any]]) -> pd.DataFrame:
    """One line per item for the candidate picker: ref, status, scores and review progress."""
    rows = []
    for item in items:
        result = item.get("result") or {}
        reviewed, wanted = review_progress(item)
        rows.append(
            {
                "item": item.get("item_id"),
                "ref": _label(item),
                "status": status_words(item.get("status")),
                "score before": _score(result.get("score_before")),
                "score after": _score(result.get("score_after")),
                "reviewed": reviewed,
                "to review": wanted,
                "awaiting review": wanted - reviewed,
                "error": item.get("error") or "",
            }
        )
    columns = ["item", "ref", "status", "score before", "score after", "reviewed", "to review", "awaiting review"]
    return pd.DataFrame(rows, columns=[*columns, "error"])


def _score(value: Any) -> Any:
    return "—" if value is None else value


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


# What became of a bullet in the pipeline (before any reviewer saw it).
REWRITTEN, FAILED, UNCHANGED = "rewritten", "failed", "unchanged"


def bullet_state(bullet: dict[str, Any]) -> str:
    """'rewritten' (a rewrite that passed the checks), 'failed' (one that did not), or 'unchanged' (none proposed)."""
    if not bullet.get("rewrite") or bullet.get("rewrite") == bullet.get("original"):
        return UNCHANGED
    return REWRITTEN if bullet.get("accepted") else FAILED


def bullet_counts(bullets: list[dict[str, Any]]) -> dict[str, int]:
    """How many bullets were rewritten, failed the checks, or were left unchanged."""
    counts = {REWRITTEN: 0, FAILED: 0, UNCHANGED: 0}
    for b in bullets:
        counts[bullet_state(b)] += 1
    return counts


def to_review(item: dict[str, Any]) -> list[int]:
    """Indexes of the bullets that ask for a decision: every bullet with a rewrite, passed or failed."""
    bullets = (item.get("result") or {}).get("bullets") or []
    return [int(b["index"]) for b in bullets if bullet_state(b) != UNCHANGED]


def review_progress(item: dict[str, Any]) -> tuple[int, int]:
    """(bullets decided, bullets that ask for a decision) of one item."""
    wanted = to_review(item)
    decided = _keys(item.get("review") or {})
    return sum(1 for i in wanted if str(i) in decided), len(wanted)


def passed_undecided(item: dict[str, Any]) -> list[int]:
    """Indexes of rewrites that passed the checks and nobody has decided yet ("Accept all that passed")."""
    bullets = (item.get("result") or {}).get("bullets") or []
    decided = _keys(item.get("review") or {})
    return [int(b["index"]) for b in bullets if bullet_state(b) == REWRITTEN and str(b["index"]) not in decided]
