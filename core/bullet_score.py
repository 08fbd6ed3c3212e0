"""The bullet score: relevance to the JD, impact and clarity of one bullet, each 0-100 (docs/SCORING.md).

It rewards what a recruiter values: a verb that owns the work, a measured result, and the JD's words used where the
bullet has the evidence for them. A hedging opener ('Helped', 'Contributed to') earns no verb credit.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from core import facts, grammar, style_check
from core.types import JDSignals

_OUTCOME = re.compile(
    r"\b(?:reduc|increas|improv|sav|grew|grow|cut|boost|accelerat|lower|rais|doubl|tripl|decreas|eliminat|"
    r"revenue|latency|cost|throughput|uptime|conversion|retention|users|customers|faster|errors?|incidents?|"
    r"downtime|efficien|satisfaction|adoption|growth)",
    re.IGNORECASE,
)
_WEAK = re.compile(r"^(?:responsible for|was |were |duties|tasked with|in charge of)", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our)\b")
_FILLER = re.compile(r"\b(?:successfully|effectively|various|basically|actually|really|very|utili[sz]ed|etc)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'-]*")


def bullet_scores(text: str, signals: JDSignals, matcher: Any, *, implied: Collection[str] = ()) -> dict[str, int]:
    """Relevance to the JD, impact and clarity of one bullet, each 0-100.

    `implied` names requirements the bullet meets through a narrower skill: written beside that evidence they count
    like the skill itself.
    """
    from core.scoring import jd_reading, skills_in, weight_found  # the JD's terms are read once, by scoring

    shown = skills_in(text, matcher)
    jd = jd_reading(signals)
    evidenced = shown | (set(implied) & shown)
    relevance = (
        0.4 * len(evidenced & jd.required)
        + 0.25 * len(evidenced & jd.preferred)
        + 0.5 * min(1.0, weight_found([text], jd.terms) / (2 * jd.top))
    )
    return {"relevance": round(100 * min(1.0, relevance)), "impact": impact(text), "clarity": clarity(text)}


def owns_the_work(text: str) -> bool:
    """True when the bullet opens with a verb (any tense) that is not a hedge."""
    if style_check.hedged_opening(text) or _WEAK.match(text.strip()):
        return False
    first = _WORD.match(text.strip())
    return first is not None and bool(style_check.verb_slots(text)) and bool(grammar.verb_tags(first.group(0)))


@lru_cache(maxsize=4096)
def impact(text: str) -> int:
    """A measured result (a number; more for money or a percentage), a verb that owns the work, outcome words."""
    nums = facts.numbers(text, words=False)
    opening = text.strip()
    score = (40 + (10 if any(n.kind != "plain" for n in nums) else 0)) if nums else 0
    if style_check.hedged_opening(opening) or _WEAK.match(opening):
        score += 0
    else:
        score += 30 if owns_the_work(opening) else 15
    score += 20 if _OUTCOME.search(text) else 0
    return min(100, score)


@lru_cache(maxsize=4096)
def clarity(text: str) -> int:
    """Length in the readable range, no filler, no hedge or first person, one tense, one sentence."""
    words = len(text.split())
    score = 100
    if words > 30:
        score -= 3 * (words - 30)
    elif words < 8:
        score -= 8 * (8 - words)
    score -= 10 * len(_FILLER.findall(text))
    issues = {i.kind for i in style_check.check(text)}
    score -= 15 if ("hedged_opening" in issues or _WEAK.match(text.strip())) else 0
    score -= 15 if "mixed_tense" in issues else 0
    score -= 10 if _FIRST_PERSON.search(text) else 0
    score -= 5 * max(0, len(re.findall(r"[.!?](?:\s|$)", text.strip())) - 1)
    return max(0, min(100, score))
