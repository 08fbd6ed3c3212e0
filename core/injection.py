"""Prompt-injection detection: a scored verdict with a category and quoted evidence; never alters text."""

from __future__ import annotations

import re

from core.types import Evidence, InjectionResult

THRESHOLD = 0.5

_RULES: list[tuple[str, float, re.Pattern[str]]] = [
    (
        "instruction_override",
        0.9,
        re.compile(
            r"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|your|"
            r"the)\b[^.\n]{0,30}\b(?:instructions?|prompts?|rules|directions|guidelines|context)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "role_tag",
        0.8,
        re.compile(r"\[(?:system|assistant|inst)\]|<\|?(?:system|im_start|assistant)\|?>|^\s*system\s*:", re.I | re.M),
    ),
    (
        "prompt_leak",
        0.85,
        re.compile(
            r"\b(?:reveal|print|show|repeat|output|tell me)\b[^.\n]{0,40}"
            r"\b(?:system prompt|your (?:prompt|instructions))",
            re.IGNORECASE,
        ),
    ),
    (
        "score_manipulation",
        0.8,
        re.compile(
            r"\b(?:rate|score|rank|mark|evaluate)\b[^.\n]{0,40}\b(?:10/10|100%|highest|perfect|top candidate|"
            r"strong(?:est)? match)",
            re.IGNORECASE,
        ),
    ),
    (
        "hidden_note",
        0.8,
        re.compile(r"\bnote to (?:the )?(?:ai|llm|model|assistant|screener|bot)\b", re.IGNORECASE),
    ),
    (
        "jailbreak",
        0.85,
        re.compile(r"\b(?:DAN|do anything now|developer mode|jailbreak)\b", re.IGNORECASE),
    ),
]


def detect_injection(text: str) -> InjectionResult:
    """Score text for instructions aimed at the model; returns evidence spans and the strongest category."""
    best_score = 0.0
    best_category: str | None = None
    evidence: list[Evidence] = []
    for category, weight, pattern in _RULES:
        for m in pattern.finditer(text):
            evidence.append(Evidence(span=(m.start(), m.end()), text=m.group()))
            if weight > best_score:
                best_score, best_category = weight, category
    score = min(1.0, best_score + 0.05 * max(0, len(evidence) - 1))
    detected = score >= THRESHOLD
    return InjectionResult(detected=detected, score=round(score, 3), category=best_category, evidence=evidence)
