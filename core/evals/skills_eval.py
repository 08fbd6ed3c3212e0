"""Span-level evaluation of skill extraction on CoNLL job-posting sentences (SkillSpan format)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from core.skills import SkillMatcher, load_matcher
from core.types import Span

LABELS = ("knowledge", "skill")


@dataclass
class Sentence:
    """One labelled sentence: its text (tokens joined by single spaces) and gold spans per label."""

    text: str
    gold: dict[str, list[Span]] = field(default_factory=dict)


def _bio_spans(tags: list[str], offsets: list[Span]) -> list[Span]:
    spans: list[Span] = []
    current: list[int] | None = None
    for tag, (start, end) in zip(tags, offsets, strict=True):
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            if current:
                spans.append((current[0], current[1]))
            current = [start, end]
        elif tag.startswith("I-") and current is not None:
            current[1] = end
        else:
            if current:
                spans.append((current[0], current[1]))
            current = None
    if current:
        spans.append((current[0], current[1]))
    return spans


def read_conll(text: str) -> list[Sentence]:
    """Sentences of a CoNLL file: `token<TAB>skill-tag<TAB>knowledge-tag` lines, a blank line between sentences."""
    sentences: list[Sentence] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        rows = [line.split("\t") for line in block.split("\n") if line.strip()]
        if not rows:
            continue
        tokens, offsets, pos = [], [], 0
        for row in rows:
            tokens.append(row[0])
            offsets.append((pos, pos + len(row[0])))
            pos += len(row[0]) + 1
        skill_tags = [r[1] if len(r) > 1 else "O" for r in rows]
        knowledge_tags = [r[2] if len(r) > 2 else "O" for r in rows]
        sentences.append(
            Sentence(
                text=" ".join(tokens),
                gold={"skill": _bio_spans(skill_tags, offsets), "knowledge": _bio_spans(knowledge_tags, offsets)},
            )
        )
    return sentences


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _scores(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def predict(matcher: SkillMatcher, text: str) -> dict[str, list[Span]]:
    """Predicted spans per label: hard skills (tools, domain knowledge) as knowledge, soft skills as skill."""
    out: dict[str, list[Span]] = {"knowledge": [], "skill": []}
    out["knowledge"] = [m.span for m in matcher.find_requirements(text)]
    out["skill"] = [m.span for m in matcher.find(text) if matcher.kind_of(m.skill) == "soft"]
    return out


def evaluate_skills(sentences: list[Sentence], matcher: SkillMatcher | None = None) -> dict[str, Any]:
    """Precision, recall, F1 per label: a gold span is found when a prediction overlaps it; a prediction
    overlapping no gold span of either label is a false positive. Also ms per sentence (uncached)."""
    matcher = matcher or load_matcher()
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    elapsed = 0.0
    for sentence in sentences:
        started = time.perf_counter()
        predicted = predict(matcher, sentence.text)
        elapsed += time.perf_counter() - started
        every_gold = [*sentence.gold.get("knowledge", []), *sentence.gold.get("skill", [])]
        for label in LABELS:
            gold = sentence.gold.get(label, [])
            found = sum(1 for g in gold if any(_overlaps(g, p) for p in predicted[label]))
            counts[label]["tp"] += found
            counts[label]["fn"] += len(gold) - found
            counts[label]["fp"] += sum(1 for p in predicted[label] if not any(_overlaps(p, g) for g in every_gold))
    result: dict[str, Any] = {label: _scores(**counts[label]) for label in LABELS}
    result["sentences"] = len(sentences)
    result["ms_per_sentence"] = round(1000 * elapsed / max(1, len(sentences)), 4)
    return result
