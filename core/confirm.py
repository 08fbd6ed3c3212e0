"""Questions to confirm with the candidate: must-haves the resume neither shows nor implies (never added to it)."""

from __future__ import annotations

import re

from core.text_search import found
from core.types import CoverageEntry, JDSignals

MAX_QUESTIONS = 5
_NOT_ASKED = frozenset({"soft_skill", "condition"})  # 'strong communication', 'lift 50 lbs': not for this list
_CREDENTIAL = re.compile(
    r"\b(?:licen[cs]e[ds]?|certifi(?:ed|cation|cate)|registered|board|credential(?:ed)?|"
    r"CPA|RN|LPN|CDL|PE|EIT|CMA|PMP|CISSP|SHRM(?:-CP)?|LCSW|LMSW|LPC|LMFT|BCBA|NP|PA-C|CNA|EMT|RDH|CVT|LVT|RVT|"
    r"CMP|AIC|CPCU|CFA|CISA|CIA|PHR|SPHR|CSCP|CPIM|ASE|CMSRN|ACLS|BLS|PALS|CCRN|CEN|ServSafe|OSHA)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(r"\b(?:degree|bachelor|master|doctor|BSN|BS|BA|MBA|PhD|DPT|PharmD|JD|MSW|associate)\b", re.I)


def jd_wording(signals: JDSignals, skill: str) -> str:
    """The JD's own words for a skill (its first quote when that reads as a name), else the canonical name."""
    for mention in [*signals.required, *signals.preferred]:
        if mention.skill == skill and mention.quote.strip():
            quote = mention.quote.strip()
            return quote if not quote.islower() or len(quote) > 3 else skill
    return skill


def supported_name(signals: JDSignals, skill: str, resume: str) -> str | None:
    """The JD's words for a skill the resume shows, when the resume itself uses those words (then writing them in the
    summary or skills list claims nothing new). None otherwise: a JD alias may mean more than the resume shows
    ('firewalls' for networking), and a reading of the skill can be wrong ('DPT programs' is not a DPT)."""
    lower = resume.lower()
    for mention in [*signals.required, *signals.preferred]:
        quote = mention.quote.strip()
        if mention.skill == skill and quote and found(quote.lower(), lower):
            return quote
    return None


def is_credential(name: str) -> bool:
    """True for a degree, licence or certification name: stated only as the resume states it, never added."""
    return bool(_DEGREE.search(name) or _CREDENTIAL.search(name))


def question(name: str, alternatives: list[str] | None = None, kind: str | None = None) -> str:
    """A question a recruiter can send about one missing must-have, in the JD's words."""
    if name.count("(") > name.count(")"):  # a JD wording cut inside its parenthesis: 'DFM (castings, sheet metal'
        name = name[: name.rindex("(")].strip() or name
    others = [a for a in alternatives or [] if a.lower() != name.lower() and a.lower() not in name.lower()]
    subject = name if not others else f"{name} (or {', '.join(others[:2])})"
    if kind == "degree" or (kind in (None, "skill") and _DEGREE.search(subject)):
        return f"Do you hold {subject}, or are you working toward it?"
    if kind in ("certification", "licence") or (kind in (None, "skill") and _CREDENTIAL.search(subject)):
        return f"Do you hold a current {subject}, and which state or body issued it?"
    if kind == "experience_years":
        return f"Do you have {subject}, and in which roles?"
    if kind == "tool":
        return f"Have you used {subject} in your work, and for how long?"
    return f"Do you have experience with {subject}, and where did you use it?"


def confirm_list(entries: list[CoverageEntry], signals: JDSignals, kind_of: object = None) -> list[dict[str, str]]:
    """The required skills covered neither directly nor through a narrower one, as {skill, question} items."""
    out: list[dict[str, str]] = []
    for entry in entries:
        if not entry.required or entry.before:
            continue
        name = (entry.jd_name or None) or jd_wording(signals, entry.skill)
        alternatives = [a for a in entry.alternatives if a != entry.skill]
        if entry.kind in _NOT_ASKED:
            continue
        kind = entry.kind if entry.kind != "skill" else (kind_of(entry.skill) if callable(kind_of) else None)
        out.append({"skill": entry.skill, "requirement": name, "question": question(name, alternatives, kind)})
        if len(out) >= MAX_QUESTIONS:
            break
    return out
