"""A style checker for any rewrite (model or offline): hedging openers, mixed tense inside a bullet, tense by role.

It reads verbs from the English lexicon (core/grammar.py), not from the offline engine's word lists, so it can
judge the engine's output as well as a model's. Used by the tests and by bench/bench_rewrites.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core import grammar

# The openers a recruiter reads as hedging (issue 13's list and their -ing forms).
HEDGES = (
    "helped",
    "helping",
    "help",
    "assisted",
    "assisting",
    "assist",
    "contributed to",
    "contributing to",
    "participated in",
    "participating in",
    "worked on",
    "working on",
    "involved in",
    "was involved in",
    "took part in",
)
_HEDGE = re.compile(r"^(?:i\s+)?(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[;,&]|\d[\w.,%$/-]*|\S")
_JOINERS = frozenset({"and", "or", "then", "&", ";", ","})
_PREPOSITIONS = frozenset("of for in at on with to from by as into about per via".split())
_OBJECT_STARTERS = frozenset(
    "a an the our their its his her my every each all new multiple several up out what how which who these those "
    "this that".split()
)
# In a current role, recurring work reads in the present ('Run weekly audits'); a piece of work that was finished
# may stay in the past ('Built the onboarding guide'), so only a past bullet about recurring work is flagged.
_RESULT = re.compile(r"\bfrom\s+\$?\d[^;]*\bto\s+\$?\d|\d\s?%|\b(?:cutting|reducing|saving|increasing)\b", re.I)
_RECURRING = re.compile(
    r"\b(?:daily|weekly|monthly|nightly|each|every|ongoing|routinely|(?:a|per|each)\s+(?:day|week|month|shift))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAKS = frozenset("that which who whom whose where when while because so although whereas".split())


@dataclass(frozen=True)
class StyleIssue:
    """One problem in a bullet: kind is 'hedged_opening', 'mixed_tense' or 'role_tense'."""

    kind: str
    detail: str


def hedged_opening(text: str) -> str | None:
    """The hedging opener a bullet starts with ('Helped', 'Contributed to'), or None."""
    found = _HEDGE.match(text.strip())
    return found.group(0) if found else None


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _opener_is_verb(tokens: list[str]) -> bool:
    first = tokens[0]
    if not grammar.verb_tags(first) or grammar.names_a_list(tokens[:3]):
        return False  # 'Excel and Crystal Reports for claims': names, not a verb
    others = grammar.other_readings(first)
    if not others:
        return True
    nxt = tokens[1].lower() if len(tokens) > 1 else ""
    if not nxt or nxt in _PREPOSITIONS or not nxt[:1].isalnum():
        return False  # 'Lead for payments', 'Design.'
    if "ADJ" in others and not grammar.verb_tags(nxt) and grammar.other_readings(nxt) == frozenset({"NOUN"}):
        return nxt in _OBJECT_STARTERS  # 'Top sales producer': an adjective before a noun
    after = tokens[2] if len(tokens) > 2 else ""
    counted = nxt[:1].isdigit() and (
        len(nxt) > 1 or after.endswith("s")
    )  # 'Process 300 invoices', not 'Tier 1 support'
    if grammar.verb_tags(first) <= {"VB", "VBP"} and nxt not in _OBJECT_STARTERS and not counted:
        return False  # 'Site cleanup', 'Grill and smoker station': a bare noun-or-verb word; no verdict on tense
    return True


def verb_slots(text: str) -> list[tuple[str, frozenset[str]]]:
    """(word, tenses it can carry) for the opening verb and each verb coordinated with it."""
    tokens = _tokens(text.strip())
    if not tokens or not _opener_is_verb(tokens):
        return []
    slots = [(tokens[0], grammar.tenses(tokens[0]))]
    i = 1
    depth = 0
    while i < len(tokens) - 1:
        joiner = tokens[i].lower()
        depth += (joiner == "(") - (joiner == ")")
        if joiner in _CLAUSE_BREAKS:
            break  # a relative or subordinate clause has its own subject and tense
        if joiner not in _JOINERS or depth > 0:
            i += 1
            continue
        j = i + 1
        if joiner == "," and tokens[j].lower() in ("and", "or", "then"):
            j += 1
        if j >= len(tokens):
            break
        word = tokens[j]
        tense = grammar.tenses(word)
        nxt = tokens[j + 1].lower() if j + 1 < len(tokens) else ""
        if joiner == ";" and not tense:
            break  # '; the coordinator sends them': a new clause with its own subject
        if nxt in ("as", "by") and grammar.verb_tags(word) & {"VBD", "VBN"}:
            i = j  # a participle ('reviewed as', 'selected by'), not a coordinated verb
            continue
        others = grammar.other_readings(word) - {"ADJ"}
        adjacent = i == 1
        is_verb = bool(tense) and (adjacent or not others or nxt in _OBJECT_STARTERS or nxt[:1].isdigit())
        if joiner == ";" and grammar.other_readings(word) and nxt not in _OBJECT_STARTERS:
            is_verb = False  # '; top seller of the year': a new clause opening with a noun phrase
        if joiner == "," and j == i + 1 and slots[0][1] == {"present"} and nxt not in _OBJECT_STARTERS:
            is_verb = False  # 'Prepare entries, accruals, prepaid amortization': a participle used as an adjective
        if joiner in ("and", "or") and not grammar.verb_tags(word) - {"VB", "VBP"}:
            is_verb = is_verb and not grammar.last_of_a_list(tokens, i, _PREPOSITIONS)  # '…, backups and log rotation'
        gerund_opener = slots[0][1] == frozenset({"gerund"})
        participle = tense == frozenset({"gerund"}) and not gerund_opener and nxt not in _OBJECT_STARTERS
        if is_verb and not participle and word[:1].islower():
            slots.append((word, tense))
        i = j
    return slots


def bullet_tense(text: str) -> frozenset[str]:
    """The tenses every verb slot of the bullet agrees on (empty: no verb opening, or mixed)."""
    slots = verb_slots(text)
    if not slots:
        return frozenset()
    common = set(slots[0][1])
    for _, tense in slots[1:]:
        common &= tense
    return frozenset(common)


def check(text: str, expected: str | None = None) -> list[StyleIssue]:
    """Every style problem of one bullet; expected is the role's tense ('present', 'past') when known."""
    issues: list[StyleIssue] = []
    hedge = hedged_opening(text)
    if hedge:
        issues.append(StyleIssue("hedged_opening", hedge))
    slots = verb_slots(text)
    if len(slots) > 1 and not bullet_tense(text):
        issues.append(StyleIssue("mixed_tense", ", ".join(w for w, _ in slots)))
    elif slots and expected in ("present", "past"):
        tense = bullet_tense(text) - {"gerund"}
        recurring = bool(_RECURRING.search(text)) and not _RESULT.search(text)  # a measured result is finished
        if tense and expected not in tense and (expected == "past" or recurring):
            issues.append(StyleIssue("role_tense", f"{slots[0][0]}: {expected} expected"))
    return issues


def count(texts: Iterable[str], expected: Sequence[str | None] | None = None) -> Counter[str]:
    """How many bullets have each kind of problem."""
    counts: Counter[str] = Counter()
    for i, text in enumerate(texts):
        tense = expected[i] if expected is not None and i < len(expected) else None
        counts.update({issue.kind for issue in check(text, tense)})
    return counts
