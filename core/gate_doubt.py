"""How sure a missing gate is: a required licence, certification, degree or years group that coverage judged not met.

Coverage says met or not; it does not say how sure "not met" is. A miss the resume itself contradicts is sure: its
dated roles add up to fewer years than asked, its highest degree is of a lower level or there is none, or it names
nothing of the licence or certification at all. A miss where the resume has what could be it — enough years in dated
roles that share words with the ask, a degree of the level asked in another field as read, the licence's own words —
is unsure: coverage found no words it could match, which on unseen pairs was as often a reading error as a real
miss. The ATS score (core.ats_score) scales the score down fully for a sure miss and by a share for an unsure one.

Deterministic and read from the resume text and the requirement alone (docs/SCORING.md, "How sure a missing gate
is"); coverage's own verdicts and outputs are not changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.coverage import Judged, years_share
from core.coverage_kinds import years_what
from core.resume_view import read_resume
from core.text_similarity import stem
from core.types import Requirement

GATE_KINDS = frozenset({"licence", "certification", "degree", "experience_years"})
ROLE_WORDS_SHARE = 0.5  # a dated role holding this share of the words of the work asked may be that work

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
# words of a credential's name that say what kind of paper it is, not which one
_PAPER = frozenset(
    """license licence licensed licensure certification certificate certified certifications credential credentials
    registration registered card valid current active state unrestricted required must have hold holds
    possess possession ability obtain obtained eligible eligibility within months days hire date of the a an and or
    in on for to with from by as any one equivalent similar preferred plus national nationally recognized approved
    issued course training program completion completed level good standing clean record""".split()
)
# words of a years ask that name no kind of work
_GENERIC = frozenset(
    """year years yr yrs experience experienced minimum least at of in a an the and or with as on for to including
    include includes plus more than professional relevant related similar equivalent progressive proven demonstrated
    work working field industry role roles position positions environment setting prior previous recent full time
    required preferred must have you need should ideally strong solid hands one two three four five six seven eight
    nine ten""".split()
)
DEGREE_RANK = {"high_school": 0, "associate": 1, "bachelor": 2, "master": 3, "doctorate": 4}
_DEGREE_PATTERNS = [
    ("doctorate", re.compile(r"\b(?:ph\.?\s?d|doctor(?:ate)?|d\.?n\.?p|pharm\.?\s?d|j\.?d|m\.?d|ed\.?d)\b", re.I)),
    (
        "master",
        re.compile(r"\b(?:master'?s?|m\.?s\.?n|m\.?b\.?a|m\.?s|m\.?a|m\.?ed|m\.?eng|m\.?s\.?w|m\.?p\.?h)\b\.?", re.I),
    ),
    (
        "bachelor",
        re.compile(
            r"\b(?:bachelor'?s?|baccalaureate|b\.?s\.?n|b\.?s|b\.?a|b\.?sc|b\.?eng|b\.?b\.?a|b\.?f\.?a|b\.?s\.?w)\b\.?",
            re.I,
        ),
    ),
    ("associate", re.compile(r"\b(?:associate'?s?\s+(?:degree|of)|a\.?a\.?s|a\.?a|a\.?s|a\.?d\.?n)\b", re.I)),
    ("high_school", re.compile(r"\b(?:high school|ged|secondary school)\b", re.I)),
]


@dataclass(frozen=True)
class GateMiss:
    """A required gate coverage judged not met, and how sure that is."""

    skill: str
    sure: bool
    reason: str


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text.lower().replace("’", "'")))


def _content(text: str, drop: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _words(text) if w not in drop and stem(w) not in drop and not w.isdigit())


_PAPER_STEMS = frozenset(stem(w) for w in _PAPER) | _PAPER
_GENERIC_STEMS = frozenset(stem(w) for w in _GENERIC) | _GENERIC


def degree_level(text: str) -> str | None:
    """The highest degree level a text names (None: no degree)."""
    found = [level for level, pattern in _DEGREE_PATTERNS if pattern.search(text)]
    return max(found, key=DEGREE_RANK.__getitem__) if found else None


def _asked_level(req: Requirement) -> str | None:
    """The lowest level that meets a degree ask ("associate or bachelor's": associate)."""
    found = [level for level, pattern in _DEGREE_PATTERNS if pattern.search(f"{req.skill} {req.jd_name}")]
    return min(found, key=DEGREE_RANK.__getitem__) if found else None


def _held_level(resume: str) -> str | None:
    view = read_resume(resume)
    lines = [line.text for line in view.lines if line.section in ("Education", "Certifications")]
    return degree_level("\n".join(lines)) if lines else degree_level(resume)


def _years_miss(j: Judged, resume: str, years_close: float) -> GateMiss:
    req = j.requirement
    view = read_resume(resume)
    need = req.years or 0.0
    career = max([view.total_years(), *(s.years for s in view.stated)])
    if need and career < years_close * need:
        return GateMiss(req.skill, True, f"the dated roles add up to {career:g} of the {need:g} years asked")
    asked = _content(f"{years_what(req.jd_name) or req.jd_name} {' '.join(req.terms)}", _GENERIC_STEMS)
    shares = [len(asked & _words(role.text)) / len(asked) for role in view.roles] if asked else []
    if asked and max(shares, default=0.0) < ROLE_WORDS_SHARE:
        return GateMiss(req.skill, True, "no dated role holds half the words of the work asked")
    share = years_share(j.how)
    found = f"{share * need:g} counted" if share is not None and need else "none counted"
    return GateMiss(req.skill, False, f"{career:g} years in dated roles, one holding the words of the work ({found})")


def _degree_miss(req: Requirement, resume: str) -> GateMiss:
    asked, held = _asked_level(req), _held_level(resume)
    if held is None:
        return GateMiss(req.skill, True, "no degree in the resume")
    if asked is not None and DEGREE_RANK[held] < DEGREE_RANK[asked]:
        return GateMiss(req.skill, True, f"highest degree {held.replace('_', ' ')}, {asked} asked")
    return GateMiss(req.skill, False, f"a {held.replace('_', ' ')} degree held; its field was not read as asked")


def _credential_miss(req: Requirement, resume: str) -> GateMiss:
    held = _words(resume)
    for name in (req.jd_name, req.skill, *req.alternatives):
        own = _content(name, _PAPER_STEMS)
        if own and own <= held:
            return GateMiss(req.skill, False, f"the resume names {name} but not as held (a list, a pending line)")
    return GateMiss(req.skill, True, "the resume does not name it")


def gate_miss(j: Judged, resume: str, *, years_close: float) -> GateMiss:
    """How sure a required gate judged not met is missing, read from the resume text."""
    kind = j.requirement.kind
    if kind == "experience_years":
        return _years_miss(j, resume, years_close)
    if kind == "degree":
        return _degree_miss(j.requirement, resume)
    return _credential_miss(j.requirement, resume)
