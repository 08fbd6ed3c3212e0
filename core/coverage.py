"""Which JD requirements a resume meets, and how: the skill itself, a narrower skill, an alternative, enough years.

`requirement_coverage()` is the one call for other modules (scoring, the rewrite engine): for a resume and a JD's
signals it gives one CoverageEntry per requirement group, with evidence that names the bullet, the quoted words
and, when a narrower or alternative skill met it, `via` ("Infrastructure as Code" <- "Terraform", bullet 4).
A broader skill never meets a narrower requirement ("databases" does not show PostgreSQL).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core.coverage_kinds import (
    CREDENTIALS,
    Found,
    belt_level,
    degree_met,
    language_level,
    line_status,
    mostly_soft,
    spoken_level,
    state_ok,
    words_met,
    years_met,
    years_share,
)
from core.resume_view import ResumeView, read_resume
from core.types import Bullet, CoverageEntry, CoverageEvidence, JDSignals, Requirement

__all__ = ["Found", "Judged", "entries_of", "judge_all", "requirement_coverage", "requirements_of", "years_share"]

MAX_EVIDENCE = 3


def requirements_of(signals: JDSignals) -> list[Requirement]:
    """The JD's requirement groups; signals read before groups existed give one group per skill."""
    if signals.requirements:
        return list(signals.requirements)
    required = {m.skill for m in signals.required}
    out: list[Requirement] = []
    for mention in [*signals.required, *signals.preferred]:
        if mention.skill in {r.skill for r in out}:
            continue
        out.append(
            Requirement(
                skill=mention.skill,
                jd_name=mention.quote,
                required=mention.skill in required,
                alternatives=[mention.skill],
                span=mention.span,
            )
        )
    return out


def resume_skills(resume_text: str, bullets: list[Bullet], texts: list[str] | None, matcher: Any) -> list[Found]:
    """Every skill mention of the resume: outside the bullets from the resume itself, inside from `texts` (the
    bullets as they stand) or the original bullets."""
    view = read_resume(resume_text)
    found: list[Found] = []
    pos = 0
    # the text between the bullets, piece by piece: each piece is remembered by the matcher, and a tailored
    # document shares most of its pieces with the original resume
    for start, end in [*sorted(b.span for b in bullets), (len(resume_text), len(resume_text))]:
        piece = resume_text[pos:start]
        if piece.strip():
            for m in matcher.find(piece):
                at = pos + m.span[0]
                line = view.line_at(at)
                found.append(Found(m.skill, -1, m.quote, line.listing, at, line.text, *line_status(line.text)))
        pos = max(pos, end)
    for i, bullet in enumerate(bullets):
        text = texts[i] if texts is not None and i < len(texts) else bullet.text
        original = text == bullet.text
        for m in matcher.find(text):
            pos = bullet.span[0] + m.span[0] if original else bullet.span[0]
            found.append(Found(m.skill, bullet.index, m.quote, False, pos, text, *line_status(text)))
    return found


def _evidence(req: Requirement, found: list[Found], graph: Any, view: ResumeView) -> list[CoverageEvidence]:
    acceptable, met_by = _acceptable(req, graph)
    credential = req.kind in CREDENTIALS
    hits = []
    for f in found:
        met = met_by.get(f.skill, _UNKNOWN)
        if met is _UNKNOWN:
            met = met_by[f.skill] = graph.meets(f.skill, acceptable)
        if met is None or (credential and f.listed):
            continue  # a licence named only in a keyword list is not a licence held
        if credential and req.states and not state_ok(req.states, f.line):
            continue
        via = f.skill if f.skill != req.skill else None
        # model_construct: the values are already of the field types; validating each hit costs more than judging
        hits.append(CoverageEvidence.model_construct(bullet=f.bullet, quote=f.quote, via=via, listed=f.listed))
    hits.sort(key=lambda e: (e.listed, e.bullet < 0))  # work done first, keyword lists last
    unique: dict[tuple[int, str], CoverageEvidence] = {}
    for hit in hits:
        unique.setdefault((hit.bullet, hit.quote), hit)
    return list(unique.values())


_UNKNOWN = object()


def _acceptable(req: Requirement, graph: Any) -> tuple[frozenset[str], dict[str, Any]]:
    """The concepts a requirement accepts and, filled as skills are met, which one each skill meets: read once per
    requirement, not once per side judged."""
    key = (id(req), id(graph))
    hit = _ACCEPTABLE.get(key)
    if hit is not None and hit[0] is req and hit[1] is graph:
        return hit[2], hit[3]
    acceptable = graph.acceptable(req.alternatives or [req.skill], similar=req.similar)
    met_by: dict[str, Any] = {}
    _remember(_ACCEPTABLE, key, (req, graph, acceptable, met_by))
    return acceptable, met_by


def _held(found: list[Found], view: ResumeView, graph: Any) -> list[Found]:
    """The mentions that show something held: a credential on a line saying it is pending, or a skill on a line
    saying it is being learned, is not."""
    return [f for f in found if not (f.pending if graph.kinds.get(f.skill) in CREDENTIALS else f.learning)]


def progress_accepted(req: Requirement) -> bool:
    """The JD accepts a credential on its way ("CPCU, AU or CIC designation (or progress toward one)")."""
    return _on_way(req.jd_name) or _on_way(req.sentence)


@lru_cache(maxsize=4096)
def _on_way(text: str) -> bool:
    return bool(_PROGRESS_OK.search(text))


_PROGRESS_OK = re.compile(
    r"\b(?:progress(?:ing)? towards?|working towards?|currently pursuing|enrolled in|"
    r"or (?:be )?(?:pursuing|in progress|candidates? for|eligible to sit))\b",
    re.I,
)


def _spoken_well_enough(req: Requirement, found: list[Found], graph: Any) -> list[Found]:
    """For a language asked at a level ("native or fluent Brazilian Portuguese"), the mentions of that language on
    lines giving a lower one ("Portuguese (basic reading)") are dropped; a mention giving no level stands."""
    languages, asked = _asked_language(req, graph)
    if not languages or asked is None:
        return found
    return [f for f in found if f.skill not in languages or (spoken_level(f.line, f.quote) or asked) >= asked]


def _belt_high_enough(req: Requirement, found: list[Found]) -> list[Found]:
    """For a belt asked at a level ("Six Sigma training (Yellow Belt or higher)"), a skill whose highest belt in the
    resume is lower ("Lean Six Sigma White Belt") is not shown by any of its mentions ("Lean Six Sigma" in a
    summary); a skill the resume gives no belt stands."""
    asked = belt_level(req.jd_name) or belt_level(req.sentence)
    if asked is None:
        return found
    held: dict[str, int] = {}
    for f in found:
        level = belt_level(f.line)
        if level is not None:
            held[f.skill] = max(level, held.get(f.skill, 0))
    return [f for f in found if held.get(f.skill, asked) >= asked]


def _asked_language(req: Requirement, graph: Any) -> tuple[frozenset[str], int | None]:
    """The languages a requirement names and the level it asks, read once per requirement (every side of every
    judgement asks again)."""
    key = (id(req), id(graph))
    hit = _PER_REQUIREMENT.get(key)
    if hit is not None and hit[0] is req and hit[1] is graph:
        return hit[2]
    languages = frozenset({graph.language_of(a) for a in req.alternatives or [req.skill] if a in graph} - {None})
    asked = (language_level(req.jd_name) or language_level(req.sentence)) if languages else None
    _remember(_PER_REQUIREMENT, key, (req, graph, (languages, asked)))
    return languages, asked


def _words_met(req: Requirement, view: ResumeView, pending_ok: bool) -> CoverageEvidence | None:
    """words_met, remembered per requirement and resume view: the "after" side reads the same view as "before"."""
    key = (id(req), id(view), pending_ok)
    hit = _PER_VIEW.get(key)
    if hit is not None and hit[0] is req and hit[1] is view:
        return hit[2]
    found = words_met(req, view, pending_ok=pending_ok)
    _remember(_PER_VIEW, key, (req, view, found))
    return found


# Answers keyed by the identity of their arguments; each value holds the arguments, so an id is never reused while
# its entry lives. Started afresh when full (a long-lived worker).
_PER_REQUIREMENT: dict[tuple[int, int], tuple[Requirement, Any, tuple[frozenset[str], int | None]]] = {}
_PER_VIEW: dict[tuple[int, int, bool], tuple[Requirement, ResumeView, CoverageEvidence | None]] = {}
_ACCEPTABLE: dict[tuple[int, int], tuple[Requirement, Any, frozenset[str], dict[str, Any]]] = {}
_PER_MAX = 4096


def _remember(memo: dict[Any, Any], key: Any, value: Any) -> None:
    if len(memo) >= _PER_MAX:
        memo.clear()
    memo[key] = value


def judge(
    req: Requirement, view: ResumeView, found: list[Found], graph: Any, *, pending_ok: bool = False
) -> tuple[bool, list[CoverageEvidence], str]:
    """Whether one requirement is met, the evidence and how it was judged (`found`: mentions of things held, and
    with `pending_ok` those on their way too)."""
    if req.kind == "condition":
        return True, [], "assumed"  # lifting, shifts, own tools: confirmed at the screen, not on paper
    found = _belt_high_enough(req, _spoken_well_enough(req, found, graph))
    evidence = _evidence(req, found, graph, view) if (req.alternatives or req.skill in graph) else []
    if req.kind == "experience_years" and req.years:
        met, how = years_met(req, view, found, graph)
        return met, evidence if met else [], how
    if req.kind == "degree":
        met, hits = degree_met(req, view, found, graph)
        ev = [
            CoverageEvidence(bullet=f.bullet, quote=f.quote, via=f.skill if f.skill != req.skill else None)
            for f in hits
        ]
        return met, ev[:MAX_EVIDENCE] if met else [], "degree"
    if evidence:
        how = "narrower" if all(e.via for e in evidence) else "skill"
        return True, evidence, how
    words = _words_met(req, view, pending_ok)
    if words is not None:
        return True, [words], "words"
    if req.kind == "soft_skill":
        languages = {graph.language_of(a) for a in req.alternatives or [req.skill]} - {None}
        if languages:  # a language is on paper or it is not: "Spanish (fluent)", "I speak Spanish"
            # said of the person (languages line, summary), not the language of a bullet's material ("a newsletter
            # in English and Spanish (translated by ...)")
            said = [f for f in found if f.skill in languages and f.bullet < 0]
            ev = [CoverageEvidence(bullet=f.bullet, quote=f.quote, via=f.skill, listed=f.listed) for f in said]
            return bool(ev), ev[:MAX_EVIDENCE], "language" if ev else "missing"
        if req.alternatives or mostly_soft(req.jd_name):
            return True, [], "assumed"  # communication and the like are judged in the interview
    return False, [], "missing"


def either_met(
    requirements: list[Requirement], judged: list[tuple[bool, list[CoverageEvidence], str]]
) -> list[tuple[bool, list[CoverageEvidence], str]]:
    """A requirement with alternatives of another kind ("a degree, OR two years of ...") is met when one of them is,
    with that one's evidence."""
    index = {req.skill: i for i, req in enumerate(requirements)}
    out = list(judged)
    for i, req in enumerate(requirements):
        if out[i][0] or not req.either:
            continue
        for name in req.either:
            j = index.get(name)
            if j is not None and judged[j][0]:
                out[i] = (True, judged[j][1], f"alternative: {requirements[j].jd_name}")
                break
    return out


@dataclass(frozen=True)
class Judged:
    """One requirement judged against the resume before and after the rewrites."""

    requirement: Requirement
    before: bool
    after: bool
    before_listed: bool  # met only through keyword lists (before)
    after_listed: bool
    evidence: list[CoverageEvidence]  # after
    how: str

    def skill_met(self, after: bool) -> bool:
        """Met on the side asked for."""
        return self.after if after else self.before


def _listed_only(met: bool, evidence: list[CoverageEvidence], how: str) -> bool:
    return met and how in ("skill", "narrower") and bool(evidence) and all(e.listed for e in evidence)


_Side = list[tuple[bool, list[CoverageEvidence], str]]
_MEMO: OrderedDict[tuple[Any, ...], tuple[JDSignals, _Side]] = OrderedDict()
_MEMO_SIZE = 64
_MEMO_LOCK = threading.Lock()


def judge_all(
    resume_text: str, bullets: list[Bullet], signals: JDSignals, matcher: Any, after_texts: list[str] | None = None
) -> list[Judged]:
    """Every requirement of the JD judged before (original bullets) and after (`after_texts`)."""
    before = _side(resume_text, bullets, None, signals, matcher)
    same = after_texts is None or list(after_texts) == [b.text for b in bullets]
    after = before if same else _side(resume_text, bullets, after_texts, signals, matcher)
    out = []
    for req, (b_met, b_ev, b_how), (a_met, a_ev, a_how) in zip(requirements_of(signals), before, after, strict=True):
        out.append(
            Judged(
                requirement=req,
                before=b_met,
                after=a_met,
                before_listed=_listed_only(b_met, b_ev, b_how),
                after_listed=_listed_only(a_met, a_ev, a_how),
                evidence=a_ev,
                how=a_how,
            )
        )
    return out


def _side(resume_text: str, bullets: list[Bullet], texts: list[str] | None, signals: JDSignals, matcher: Any) -> _Side:
    """Each requirement judged against the resume with these bullets standing; remembered for the last few
    calls, because scoring and the rewrite engine ask the same question of one pair several times."""
    key = (
        id(signals),
        id(matcher),
        resume_text,
        tuple((b.index, b.span, b.text) for b in bullets),
        None if texts is None else tuple(texts),
    )
    with _MEMO_LOCK:
        hit = _MEMO.get(key)
        if hit is not None and hit[0] is signals:
            _MEMO.move_to_end(key)
            return hit[1]
    view = read_resume(resume_text)
    graph = matcher.graph
    every = resume_skills(resume_text, bullets, texts, matcher)
    found = _held(every, view, graph)
    requirements = requirements_of(signals)
    on_way = [progress_accepted(req) for req in requirements]
    judged = either_met(
        requirements,
        [
            judge(req, view, every if ok else found, graph, pending_ok=ok)
            for req, ok in zip(requirements, on_way, strict=True)
        ],
    )
    with _MEMO_LOCK:
        _MEMO[key] = (signals, judged)
        if len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return judged


def entries_of(judged: list[Judged]) -> list[CoverageEntry]:
    """The coverage entries of the item result."""
    # model_construct: every value is already of its field's type (validation was most of the cost)
    return [
        CoverageEntry.model_construct(
            skill=j.requirement.skill,
            required=j.requirement.required,
            before=j.before,
            after=j.after,
            evidence=j.evidence[:MAX_EVIDENCE],
            jd_name=j.requirement.jd_name,
            alternatives=[a for a in j.requirement.alternatives if a != j.requirement.skill],
            kind=j.requirement.kind,
            how=j.how,
        )
        for j in judged
    ]


def requirement_coverage(
    resume_text: str,
    bullets: list[Bullet],
    signals: JDSignals,
    matcher: Any,
    after_texts: list[str] | None = None,
) -> list[CoverageEntry]:
    """One entry per requirement group: met before (original bullets) and after (`after_texts`), with evidence."""
    return entries_of(judge_all(resume_text, bullets, signals, matcher, after_texts))
