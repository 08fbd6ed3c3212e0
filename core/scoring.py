"""The ATS score and coverage of a pair (core.ats_score, core.coverage; bullet scores: core/bullet_score.py).

Formula in docs/SCORING.md."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from core import ats_score as ats
from core.bullet_score import clarity, impact
from core.coverage import Judged, entries_of, judge_all, requirement_coverage, requirements_of
from core.ingest import split_bullets
from core.jd_terms import terms_of
from core.resume_view import read_resume
from core.text_similarity import text_similarity
from core.types import Bullet, CoverageEntry, JDSignals


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


class _Texts:
    """Texts read once (lower case, word sets) for any number of whole-word look-ups of lower-case terms."""

    __slots__ = ("parts", "words")

    def __init__(self, texts: list[str]) -> None:
        self.parts = [_lowered(t) for t in texts]
        self.words = self.parts[0][1] if len(self.parts) == 1 else frozenset().union(*(w for _, w in self.parts))

    def has(self, term: str) -> bool:
        """True when the term is written, as whole words, in any of the texts."""
        if term in self.words:
            return True
        # a phrase ('ci/cd', 'machine learning') needs the text itself
        if _is_word(term):
            return False
        return any(term in lower and _term_pattern(term).search(lower) for lower, _ in self.parts)


def _found_weight(texts: list[str], terms: dict[str, float]) -> float:
    """Sum of the weights of the terms written, as whole words, in any of the texts."""
    read = _Texts(texts)
    total = 0.0
    for term, weight in terms.items():
        if read.has(term):
            total += weight
    return total


def _skills(text: str, matcher: Any) -> set[str]:
    return {m.skill for m in matcher.find(text)} if text.strip() else set()


def jd_reading(signals: JDSignals) -> _Jd:
    """The JD's searchable terms and skill sets (computed once per signals object)."""
    return _jd(signals)


def skills_in(text: str, matcher: Any) -> set[str]:
    """Canonical skills a text shows."""
    return _skills(text, matcher)


def weight_found(texts: list[str], terms: dict[str, float]) -> float:
    """Sum of the weights of the JD terms written in the texts."""
    return _found_weight(texts, terms)


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


def _written_somewhere(terms: tuple[str, ...], texts: _Texts) -> bool:
    return any(texts.has(t.lower()) for t in terms)


def terms_written(judged: list[Judged], resume_text: str, bullet_texts: list[str], signals: JDSignals) -> list[float]:
    """For each requirement group, where the JD's own words for it are written (docs/SCORING.md, "JD terms
    written"): 1 in the work described (a bullet or any statement line), `ats.TERM_LISTED` only in a keyword list,
    0 not written; -1 when the group has no words to search for (a condition, a long duty)."""
    view = read_resume(rest_of_resume(resume_text))
    work = [line.text for line in view.lines if not line.listing] + list(bullet_texts)
    lists = [line.text for line in view.lines if line.listing]
    terms = terms_of(signals, requirements_of(signals))
    work_read = _Texts(work)
    lists_read: _Texts | None = None
    out: list[float] = []
    for i, _ in enumerate(judged):
        names = terms.get(i, ())
        if not names:
            out.append(-1.0)
        elif _written_somewhere(names, work_read):
            out.append(1.0)
        elif lists:
            lists_read = lists_read or _Texts(lists)
            out.append(ats.TERM_LISTED if _written_somewhere(names, lists_read) else 0.0)
        else:
            out.append(0.0)
    return out


def keyword_similarity(texts: list[str], signals: JDSignals) -> float | None:
    """Summed weight of the JD terms written in the texts / summed weight of all JD terms (None: no terms)."""
    terms = _jd(signals).terms
    return _found_weight(texts, terms) / sum(terms.values()) if terms else None


def bullet_quality(bullet_texts: list[str]) -> float | None:
    """Mean of (impact + clarity) / 200 over the bullets (None: no bullets)."""
    if not bullet_texts:
        return None
    return sum(impact(t) + clarity(t) for t in bullet_texts) / (200 * len(bullet_texts))


def _no_more_than(judged: list[Judged], plain: list[Judged]) -> list[Judged]:
    """Each requirement judged on the tailored document, but earning no more than on `plain` (docs/SCORING.md)."""
    out = []
    for j, p in zip(judged, plain, strict=True):
        if ats.earned(j, True) > ats.earned(p, True):
            j = replace(j, after=p.after, after_listed=p.after_listed, evidence=p.evidence, how=p.how)
        out.append(j)
    return out


def ats_score(
    bullet_texts: list[str],
    resume_text: str,
    signals: JDSignals,
    matcher: Any,
    jd_text: str | None = None,
    plain_text: str | None = None,
) -> tuple[int, dict[str, Any]]:
    """The 0-100 ATS score of the resume with these bullets standing, and how it was reached (core.ats_score;
    `jd_text`: the JD, for the text similarity part; `plain_text`: the same document without the summary our
    tool wrote: no requirement earns more than it does there)."""
    bullets = split_bullets(resume_text)
    if len(bullets) != len(bullet_texts):
        bullets = [Bullet(index=i, text=t) for i, t in enumerate(bullet_texts)]
    judged = judge_all(resume_text, bullets, signals, matcher, bullet_texts)
    if plain_text is not None and plain_text != resume_text:
        # our summary restates the resume's own claims: a skill it names is no new evidence of use, so it never
        # raises a requirement's credit (a skill only listed stays a listing however the summary words it)
        plain_bullets = split_bullets(plain_text)
        judged = _no_more_than(judged, judge_all(plain_text, plain_bullets, signals, matcher))
    rest = rest_of_resume(resume_text)
    return ats.score(
        judged,
        side="after",
        keywords=keyword_similarity([rest, *bullet_texts], signals),
        quality=bullet_quality(bullet_texts),
        confidence=signals.confidence,
        written=terms_written(judged, resume_text, bullet_texts, signals),
        resume=resume_text,
        similarity=text_similarity(resume_text, jd_text) if jd_text else None,
    )


def score_before_and_coverage(
    before_texts: list[str],
    after_texts: list[str],
    resume_text: str,
    bullets: list[Bullet],
    signals: JDSignals,
    matcher: Any,
    jd_text: str | None = None,
) -> tuple[tuple[int, dict[str, Any]], list[CoverageEntry]]:
    """The score of the resume as submitted and the coverage before/after, the requirements judged once."""
    if len(bullets) != len(before_texts):
        bullets = [Bullet(index=i, text=t) for i, t in enumerate(before_texts)]
    judged = judge_all(resume_text, bullets, signals, matcher, after_texts)
    rest = rest_of_resume(resume_text)
    before = ats.score(
        judged,
        side="before",
        keywords=keyword_similarity([rest, *before_texts], signals),
        quality=bullet_quality(before_texts),
        confidence=signals.confidence,
        written=terms_written(judged, resume_text, before_texts, signals),
        resume=resume_text,
        similarity=text_similarity(resume_text, jd_text) if jd_text else None,
    )
    return before, entries_of(judged)


def coverage(
    before_texts: list[str],
    after_texts: list[str],
    resume_text: str,
    bullets: list[Bullet],
    signals: JDSignals,
    matcher: Any,
) -> list[CoverageEntry]:
    """For each JD requirement: required or not, met before and after the rewrites, and where (see core.coverage)."""
    if len(bullets) != len(before_texts):
        bullets = [Bullet(index=i, text=t) for i, t in enumerate(before_texts)]
    return requirement_coverage(resume_text, bullets, signals, matcher, after_texts)
