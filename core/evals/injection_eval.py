"""Row-level evaluation of the injection detector: recall, false-positive rate and per-category counts."""

from __future__ import annotations

from collections import Counter

from core.injection import detect_injection


def evaluate_injection(rows: list[dict]) -> dict:
    """Confusion counts, recall, FPR, precision, F1, balanced accuracy and flagged counts per category."""
    counts: Counter = Counter()
    per_category: dict[str, Counter] = {}
    for row in rows:
        label = int(row.get("label", 0))
        flagged = detect_injection(str(row.get("text", ""))).detected
        key = ("tp" if flagged else "fn") if label == 1 else ("fp" if flagged else "tn")
        counts[key] += 1
        category = per_category.setdefault(str(row.get("category") or "uncategorised"), Counter())
        category["n"] += 1
        category["flagged"] += int(flagged)
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    recall = tp / (tp + fn) if tp + fn else 0.0
    fpr = fp / (fp + tn) if fp + tn else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(rows),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "recall": round(recall, 4),
        "fpr": round(fpr, 4),
        "precision": round(precision, 4),
        "f1": round(f1, 4),
        "balanced_accuracy": round((recall + 1 - fpr) / 2, 4),
        "by_category": {k: {"n": c["n"], "flagged": c["flagged"]} for k, c in sorted(per_category.items())},
    }
