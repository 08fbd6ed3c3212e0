"""Prompt-injection detection: a scored verdict with a category and quoted evidence; never alters text."""

from __future__ import annotations

from core.injection_rules import RULES, Rule
from core.injection_rules_more import MORE_RULES
from core.types import Evidence, InjectionResult

THRESHOLD = 0.5
MAX_EVIDENCE = 8
ALL_RULES = (*RULES, *MORE_RULES)
_MAX_SCAN = 200_000  # longer texts are refused at ingest; this only bounds the work


def _combine(weights: list[float]) -> float:
    """Noisy-OR: independent weak signals add up, one strong signal is enough."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def detect_injection(text: str) -> InjectionResult:
    """Score text for instructions aimed at the model; returns the strongest category and evidence spans."""
    if not text:
        return InjectionResult()
    scanned = text[:_MAX_SCAN]
    hits: list[tuple[Rule, int, int]] = []
    for rule in ALL_RULES:
        for m in rule.pattern.finditer(scanned):
            if m.end() > m.start():
                hits.append((rule, m.start(), m.end()))
    if not hits:
        return InjectionResult()
    fired = {rule.name: rule for rule, _, _ in hits}
    score = _combine([rule.weight for rule in fired.values()])
    by_category: dict[str, float] = {}
    for rule in fired.values():
        by_category[rule.category] = max(by_category.get(rule.category, 0.0), rule.weight)
    category = max(by_category, key=lambda c: by_category[c])
    evidence = [
        Evidence(span=(start, end), text=scanned[start:end])
        for _, start, end in sorted(hits, key=lambda h: (-h[0].weight, h[1]))[:MAX_EVIDENCE]
    ]
    evidence.sort(key=lambda e: e.span)
    return InjectionResult(detected=score >= THRESHOLD, score=round(score, 3), category=category, evidence=evidence)
