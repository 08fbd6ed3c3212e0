"""The phrase-rule layer: every weighted rule (with its word gate), as hits on a text.

The earlier sentence-pair cues are gone: the genre layer does their job (and they fired on JDs for AI-security
roles)."""

from __future__ import annotations

import re
from typing import NamedTuple

from core.injection_gates import GATES, tokens_of
from core.injection_lexicon import NEGATION_BEFORE
from core.injection_rules import RULES, Rule
from core.injection_rules_more import MORE_RULES
from core.injection_rules_paraphrase import PARAPHRASE_RULES
from core.injection_rules_verdict import LEAK_SCORE_JAILBREAK_RULES

ALL_RULES = (*RULES, *LEAK_SCORE_JAILBREAK_RULES, *MORE_RULES, *PARAPHRASE_RULES)
_DROP_VERB = re.compile(
    r"(?:ignor|disregard|forget|skip|overrid|bypass|neglect|overlook|omit|reveal|leak|disclos|expos|dump|print)",
    re.IGNORECASE,
)


# Another system's rules named in the third person ("get the bot to reveal its system prompt"): not the reader's.
_THIRD_PARTY_RULES = re.compile(
    r"\b(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:system\s+)?(?:prompts?|instructions|rules|guidelines|guardrails|"
    r"configuration|config|settings|polic(?:y|ies)|checks|filters|training|programming)\b",
    re.IGNORECASE,
)


def _warning(text: str, start: int) -> bool:
    """A rule hit that opens on a drop or leak verb under a negation, reported or refused ("do not skip or ignore the
    safety instructions", "must refuse to reveal its system prompt")."""
    before = text[max(0, start - 40) : start].lower()
    return bool(_DROP_VERB.match(text, start)) and bool(NEGATION_BEFORE.search(before))


# Which rules each gate word opens, so a text's words pick its rules at once (the same set as gate_open per rule).
_UNGATED = tuple(i for i, rule in enumerate(ALL_RULES) if rule.name not in GATES)
_BY_WORD: dict[str, list[int]] = {}
_BY_MARK: dict[str, list[int]] = {}
for _i, _rule in enumerate(ALL_RULES):
    if _rule.name in GATES:
        for _word in GATES[_rule.name].words:
            _BY_WORD.setdefault(_word, []).append(_i)
        for _mark in GATES[_rule.name].marks:
            _BY_MARK.setdefault(_mark, []).append(_i)


def _open_rules(text: str, tokens: frozenset[str]) -> list[Rule]:
    """The rules whose gate the text opens, in their table order."""
    chosen = set(_UNGATED)
    for word in tokens.intersection(_BY_WORD):
        chosen.update(_BY_WORD[word])
    for mark, indices in _BY_MARK.items():
        if mark in text:
            chosen.update(indices)
    out = []
    for i in sorted(chosen):
        rule = ALL_RULES[i]
        gate = GATES.get(rule.name)
        if gate is None or not gate.also or gate.also & tokens:
            out.append(rule)
    return out


class RuleHit(NamedTuple):
    """One rule matched text[start:end]."""

    rule: Rule
    start: int
    end: int


def rule_hits(text: str, *, use_gates: bool = True, windows: list[tuple[int, int]] | None = None) -> list[RuleHit]:
    """Every rule match in text; gates skip rules whose required words are absent, and with windows (the sentences
    the genre layer found worth reading, with their neighbours) rules look only there. Both only save time: a test
    checks that they change no verdict on any labelled text."""
    hits: list[RuleHit] = []
    regions = windows if use_gates and windows is not None else [(0, len(text))]
    if use_gates and not regions:
        return hits
    tokens = tokens_of(text) if use_gates else frozenset()
    for rule in _open_rules(text, tokens) if use_gates else ALL_RULES:
        for start, end in regions:
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start() and not _warning(text, m.start()) and not _THIRD_PARTY_RULES.search(m.group()):
                    hits.append(RuleHit(rule, m.start(), m.end()))
    return hits
