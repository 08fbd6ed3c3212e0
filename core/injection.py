"""Prompt-injection detection: a scored verdict with a category and quoted evidence; never alters text."""

from __future__ import annotations

import re

from core.injection_cues import cue_hits
from core.injection_gates import gate_open, tokens_of
from core.injection_rules import RULES, Rule
from core.injection_rules_more import MORE_RULES
from core.injection_rules_paraphrase import PARAPHRASE_RULES
from core.injection_rules_verdict import LEAK_SCORE_JAILBREAK_RULES
from core.types import Evidence, InjectionResult

THRESHOLD = 0.5
MAX_EVIDENCE = 8
ALL_RULES = (*RULES, *LEAK_SCORE_JAILBREAK_RULES, *MORE_RULES, *PARAPHRASE_RULES)
_NO_PATTERN = re.compile(r"(?!)")
_MAX_SCAN = 200_000  # longer texts are refused at ingest; this only bounds the work


def _combine(weights: list[float]) -> float:
    """Noisy-OR: independent weak signals add up, one strong signal is enough."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


def detect_injection(text: str, *, use_gates: bool = True) -> InjectionResult:
    """Score text for instructions aimed at the model; returns the strongest category and evidence spans."""
    if not text:
        return InjectionResult()
    scanned = text[:_MAX_SCAN]
    hits: list[tuple[Rule, int, int]] = []
    tokens = tokens_of(scanned) if use_gates else frozenset()
    for rule in ALL_RULES:
        if use_gates and not gate_open(rule.name, scanned, tokens):
            continue
        for m in rule.pattern.finditer(scanned):
            if m.end() > m.start():
                hits.append((rule, m.start(), m.end()))
    for weight, start, end, category in cue_hits(scanned):
        hits.append((Rule(f"cues:{category}", category, weight, _NO_PATTERN), start, end))
    if not hits:
        return InjectionResult()
    # A rule counts once however often it fires; the strongest cue sentence stands for all of them.
    fired: dict[str, Rule] = {}
    for rule, _, _ in hits:
        if rule.name not in fired or rule.weight > fired[rule.name].weight:
            fired[rule.name] = rule
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
