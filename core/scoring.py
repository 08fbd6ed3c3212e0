"""Deterministic ATS score, bullet scores and skill coverage; the formula is written out in docs/SCORING.md."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from core import facts
from core.ingest import split_bullets
from core.llm import verbs
from core.types import Bullet, CoverageEntry, CoverageEvidence, JDSignals

WEIGHTS = {"required_coverage": 0.45, "preferred_coverage": 0.15, "keyword_similarity": 0.25, "bullet_quality": 0.15}
CAP_BASE = 60  # with a must-have missing the score is capped at CAP_BASE + CAP_SPAN x required coverage
CAP_SPAN = 30
MAX_EVIDENCE = 3

_OUTCOME = re.compile(
    r"\b(?:reduc|increas|improv|sav|grew|grow|cut|boost|accelerat|lower|rais|doubl|tripl|decreas|eliminat|"
    r"revenue|latency|cost|throughput|uptime|conversion|retention|users|customers|faster|errors?|incidents?|"
    r"downtime|efficien|satisfaction|adoption|growth)",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"^(?:responsible for|help(?:ed|ing)|assist(?:ed|ing)|work(?:ed|ing) on|was |were |involved in"
    r"|participated in|duties)",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our)\b")
_FILLER = re.compile(r"\b(?:successfully|effectively|various|basically|actually|really|very|utili[sz]ed|etc)\b", re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w+#./-]*")


class _Jd(NamedTuple):
    """What scoring reads from one JD's signals, computed once per signals object."""

    terms: dict[str, float]  # JD terms an ATS searches for literally (lower case) -> weight
    top: float  # the heaviest term's weight
    required: frozenset[str]
    preferred: frozenset[str]  # preferred and not also required


_JD_MEMO: list[tuple[JDSignals, _Jd]] = []  # the last JD's reading: one pair asks for it many times


def _jd(signals: JDSignals) -> _Jd:
    for seen, reading in _JD_MEMO:
        if seen is signals:
            return reading
    terms = {k.term.lower().strip(): float(k.weight) for k in signals.keywords if k.term.strip() and k.weight > 0}
    top = max(terms.values(), default=1.0)
    for mention in [*signals.required, *signals.preferred]:  # the JD's skill names, canonical and as written
        for name in (mention.skill, mention.quote):
            terms.setdefault(name.lower().strip(), top)
    terms = {t: w for t, w in terms.items() if t}
    required = frozenset(m.skill for m in signals.required)
    reading = _Jd(
        terms, max(terms.values(), default=1.0), required, frozenset(m.skill for m in signals.preferred) - required
    )
    _JD_MEMO[:] = [(signals, reading)]
    return reading


@lru_cache(maxsize=256)
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w+#])" + re.escape(term) + r"(?![\w+#])")


_TOKEN = re.compile(r"[\w+#]+")


@lru_cache(maxsize=4096)
def _lowered(text: str) -> tuple[str, frozenset[str]]:
    """A text in lower case and its word set (each bullet is read several times per pair)."""
    lower = text.lower()
    return lower, frozenset(_TOKEN.findall(lower))


@lru_cache(maxsize=1024)
def _is_word(term: str) -> bool:
    return bool(_TOKEN.fullmatch(term))


def _found_weight(texts: list[str], terms: dict[str, float]) -> float:
    """Sum of the weights of the terms written, as whole words, in any of the texts."""
    parts = [_lowered(t) for t in texts]
    words = parts[0][1] if len(parts) == 1 else frozenset().union(*(w for _, w in parts))
    total = 0.0
    for term, weight in terms.items():
        if term in words:
            total += weight
        elif not _is_word(term) and any(term in lower and _term_pattern(term).search(lower) for lower, _ in parts):
            total += weight  # a phrase ('ci/cd', 'machine learning') needs the text itself
    return total


def _skills(text: str, matcher: Any) -> set[str]:
    return {m.skill for m in matcher.find(text)} if text.strip() else set()


def bullet_scores(text: str, signals: JDSignals, matcher: Any) -> dict[str, int]:
    """Relevance to the JD, impact and clarity of one bullet, each 0-100."""
    skills = _skills(text, matcher)
    jd = _jd(signals)
    found_weight = _found_weight([text], jd.terms)
    relevance = (
        0.4 * len(skills & jd.required)
        + 0.25 * len(skills & jd.preferred)
        + 0.5 * min(1.0, found_weight / (2 * jd.top))
    )
    return {
        "relevance": round(100 * min(1.0, relevance)),
        "impact": _impact(text),
        "clarity": _clarity(text),
    }


@lru_cache(maxsize=4096)
def _impact(text: str) -> int:
    """Quantified result, action-verb opening and outcome words."""
    nums = facts.numbers(text, words=False)
    opening = text.strip()
    score = (40 + (10 if any(n.kind != "plain" for n in nums) else 0)) if nums else 0
    score += 0 if _WEAK.match(opening) else 30 if _opens_with_action(opening) else 15
    score += 20 if _OUTCOME.search(text) else 0
    return min(100, score)


def _opens_with_action(text: str) -> bool:
    """True when the first word is an action verb in the past tense or its base form."""
    first = _WORD.match(text)
    if first is None:
        return False
    form = verbs.verb_forms().get(first.group(0).lower())
    return form is not None and (form[1] == "past" or first.group(0).lower() == form[0])


@lru_cache(maxsize=4096)
def _clarity(text: str) -> int:
    words = len(text.split())
    score = 100
    if words > 30:
        score -= 3 * (words - 30)
    elif words < 8:
        score -= 8 * (8 - words)
    score -= 10 * len(_FILLER.findall(text))
    score -= 15 if _WEAK.match(text.strip()) else 0
    score -= 10 if _FIRST_PERSON.search(text) else 0
    score -= 5 * max(0, len(re.findall(r"[.!?](?:\s|$)", text.strip())) - 1)
    return max(0, min(100, score))


@lru_cache(maxsize=256)
def rest_of_resume(resume_text: str) -> str:
    """The resume without its bullets (contact block, headings, skills lists): the part rewrites never touch."""
    pieces: list[str] = []
    pos = 0
    for bullet in split_bullets(resume_text):
        pieces.append(resume_text[pos : bullet.span[0]])
        pos = max(pos, bullet.span[1])
    pieces.append(resume_text[pos:])
    return "\n".join(pieces)


def ats_score(
    bullet_texts: list[str], resume_text: str, signals: JDSignals, matcher: Any
) -> tuple[int, dict[str, Any]]:
    """The 0-100 ATS score of the resume with these bullets, and how it was reached."""
    rest = rest_of_resume(resume_text)
    found = _skills(rest, matcher).union(*(_skills(t, matcher) for t in bullet_texts))
    required = list(dict.fromkeys(m.skill for m in signals.required))
    preferred = [s for s in dict.fromkeys(m.skill for m in signals.preferred) if s not in required]
    terms = _jd(signals).terms
    parts: dict[str, float | None] = {
        "required_coverage": _share([s in found for s in required]),
        "preferred_coverage": _share([s in found for s in preferred]),
        "keyword_similarity": (_found_weight([rest, *bullet_texts], terms) / sum(terms.values()) if terms else None),
        "bullet_quality": (
            sum(_impact(t) + _clarity(t) for t in bullet_texts) / (200 * len(bullet_texts)) if bullet_texts else None
        ),
    }
    used = {k: WEIGHTS[k] for k, v in parts.items() if v is not None}
    total = sum(used.values())
    raw = 100 * sum(WEIGHTS[k] * v for k, v in parts.items() if v is not None) / total if total else 0.0
    missing = [s for s in required if s not in found]
    covered = parts["required_coverage"] or 0.0
    cap = int(CAP_BASE + CAP_SPAN * covered) if missing else None
    score = round(min(raw, cap) if cap is not None else raw)
    breakdown = {
        **{k: (round(v, 4) if v is not None else None) for k, v in parts.items()},
        "weights": {k: round(w / total, 4) for k, w in used.items()} if total else {},
        "raw": round(raw, 2),
        "cap": cap,
        "matched_required": [s for s in required if s in found],
        "missing_required": missing,
        "matched_preferred": [s for s in preferred if s in found],
        "missing_preferred": [s for s in preferred if s not in found],
    }
    return max(0, min(100, score)), breakdown


def _share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def coverage(
    before_texts: list[str],
    after_texts: list[str],
    resume_text: str,
    bullets: list[Bullet],
    signals: JDSignals,
    matcher: Any,
) -> list[CoverageEntry]:
    """For each JD skill: required or not, shown before and after the rewrites, and where."""
    rest = rest_of_resume(resume_text)
    rest_mentions = matcher.find(rest) if rest.strip() else []
    before_found = {m.skill for m in rest_mentions}.union(*(_skills(t, matcher) for t in before_texts))
    indexes = [b.index for b in bullets] if len(bullets) == len(after_texts) else list(range(len(after_texts)))
    places: dict[str, dict[tuple[int, str], None]] = {}  # skill -> ordered (bullet, quote) where it shows
    for i, text in zip(indexes, after_texts, strict=True):
        for m in matcher.find(text):
            places.setdefault(m.skill, {})[(i, m.quote)] = None
    for m in rest_mentions:
        places.setdefault(m.skill, {})[(-1, m.quote)] = None
    required = {m.skill for m in signals.required}
    entries: list[CoverageEntry] = []
    for skill in signals.skill_names():
        evidence = [CoverageEvidence(bullet=i, quote=q) for i, q in places.get(skill, {})]
        entries.append(
            CoverageEntry(
                skill=skill,
                required=skill in required,
                before=skill in before_found,
                after=bool(evidence),
                evidence=evidence[:MAX_EVIDENCE],
            )
        )
    return entries
