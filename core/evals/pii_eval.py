"""Span-level PII evaluation on labelled rows, by the matching rules of CONTRACTS.md."""

from __future__ import annotations

from collections import Counter

from core.pii import PII_TYPES, find_pii

GATED_TYPES = ("EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "STREET_ADDRESS")
_ALIASES = {"DOMAIN_NAME": "URL"}


def map_type(label: str) -> str | None:
    """The project's type for a dataset label (regional phone types are phones), or None when not detected."""
    label = _ALIASES.get(label, label)
    if label in PII_TYPES:
        return label
    if label.endswith("PHONE_NUMBER") or label.endswith("MOBILE_NUMBER"):
        return "PHONE_NUMBER"
    return None


def _scores(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f2 = 5 * precision * recall / (4 * precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f2": round(f2, 4),
    }


def _merged(spans: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


def _overlaps(a: list[int] | tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_pii(rows: list[dict]) -> dict:
    """Per-type tp/fp/fn, precision, recall and F2, their micro total, and the rows of types not detected."""
    counts: dict[str, Counter] = {}
    skipped: Counter = Counter()
    for row in rows:
        label = str(row.get("entity", ""))
        text = str(row.get("text", ""))
        if label.startswith("NONE_OF:"):
            # A negative row: every prediction of a listed type is a false positive.
            listed = {t for t in (map_type(x.strip()) for x in label[len("NONE_OF:") :].split(",")) if t}
            gold_type, gold = None, []
        else:
            gold_type = map_type(label)
            if gold_type is None:
                skipped[label] += 1
                continue
            listed = {gold_type}
            gold = [tuple(s) for s in row.get("spans") or []]
        predictions = find_pii(text)
        for kind in listed:
            spans = _merged([p.span for p in predictions if p.type == kind])
            c = counts.setdefault(kind, Counter())
            if kind != gold_type:
                c["fp"] += len(spans)
                continue
            found = sum(1 for g in gold if any(_overlaps(g, p) for p in spans))
            c["tp"] += found
            c["fn"] += len(gold) - found
            c["fp"] += sum(1 for p in spans if not any(_overlaps(g, p) for g in gold))
    entities = {k: _scores(c["tp"], c["fp"], c["fn"]) for k, c in sorted(counts.items())}
    total = sum(counts.values(), Counter())
    return {
        "entities": entities,
        "micro": _scores(total["tp"], total["fp"], total["fn"]),
        "skipped": dict(sorted(skipped.items())),
    }
