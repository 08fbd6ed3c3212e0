"""The skills section reordered to the JD's priorities and completed with the JD's names of skills the resume shows
or implies elsewhere (never one it does not)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from core import grammar
from core.confirm import is_credential, supported_name
from core.resume_parts import Part
from core.types import CoverageEntry, ImpliedSkill, JDSignals

_SEPARATORS = re.compile(r"\s*(\||·|•|;|,)\s*")
_GRID = re.compile(r"(?<=\S)(?: {2,}|\t+)(?=\S)")
_CATEGORY = re.compile(r"^(?P<label>[^:]{1,30}:\s*)(?P<items>.+)$")
MAX_ADDED = 8
MAX_CELL_WORDS = 4  # a grid's cell names a skill; a longer one is a sentence of another column
JOB_NOUN = re.compile(  # the last word of a job title
    r"(?:nurse|engineer|accountant|trainer|specialist|technician|teacher|driver|chef|cook|manager|analyst|designer|"
    r"coordinator|representative|associate|aide|counselor|electrician|machinist|inspector|paralegal|pharmacist|"
    r"auditor|recruiter|writer|planner|lead|assistant|clerk|agent|officer|administrator|developer|consultant|"
    r"therapist|operator|supervisor|generalist|executive|director|architect|scientist|mechanic|welder|"
    r"hygienist|librarian|adjuster|attendant|worker|instructor|tutor|advisor|adviser|reliability engineer)$",
    re.IGNORECASE,
)
# Spoken languages are not tools: a list of tools or competencies does not gain 'Spanish'.
LANGUAGES = frozenset(
    "english spanish french german portuguese italian mandarin chinese cantonese arabic hindi russian japanese "
    "korean vietnamese tagalog polish".split()
)


@dataclass(frozen=True)
class SkillsRewrite:
    """The new skills text for one list line, and the JD names added to it."""

    part: Part
    text: str
    added: list[str]


def _outside_parens(text: str) -> str:
    """The text with what is inside parentheses blanked ('AWS (EC2, EKS), GCP' -> 'AWS (        ), GCP')."""
    out, depth = [], 0
    for c in text:
        depth += c == "("
        out.append(" " if depth and c not in "()" else c)
        depth -= c == ")" and depth > 0
    return "".join(out)


def _split(items: str) -> tuple[list[str], str]:
    """The items of a list line and the separator it uses (', ' when it has none); a parenthesis stays whole
    ('AWS (EC2, EKS, S3)' is one item)."""
    plain = _outside_parens(items)
    found = _SEPARATORS.search(plain)
    cells = [p.strip() for p in _GRID.split(items) if p.strip()] if found is None else []
    if len(cells) > 1 and all(len(c.split()) <= MAX_CELL_WORDS for c in cells):
        return cells, ", "  # a row of a competencies grid ('Spark      Feature Stores'), not two columns run together
    sep = found.group(1) if found else ","
    parts, start = [], 0
    for m in re.finditer(r"\s*" + re.escape(sep) + r"\s*", plain):
        parts.append(items[start : m.start()].strip())
        start = m.end()
    parts.append(items[start:].strip())
    parts = [p for p in parts if p]
    joiner = ", " if sep == "," else "; " if sep == ";" else f" {sep} "
    return parts, joiner


def _rank(signals: JDSignals) -> dict[str, int]:
    order = list(dict.fromkeys([m.skill for m in signals.required] + [m.skill for m in signals.preferred]))
    return {skill: i for i, skill in enumerate(order)}


def tailor_skills(
    parts: list[Part],
    signals: JDSignals,
    entries: list[CoverageEntry],
    implied: list[ImpliedSkill],
    matcher: Any,
    resume: str,
    refused: set[str] | None = None,
) -> list[SkillsRewrite]:
    """Each skills line reordered (JD skills first, in the JD's order); the first line gets the JD's names of the
    skills the resume shows elsewhere or implies but does not list (less those in `refused`, which the fact guard
    refuses). Empty when there is no skills list."""
    if not parts:
        return []
    rank = _rank(signals)
    listed: set[str] = set()
    out: list[SkillsRewrite] = []
    for part in parts:
        category = _CATEGORY.match(part.text) if not part.label else None
        label, body = (category["label"], category["items"]) if category else ("", part.text)
        items, joiner = _split(body)
        keyed = []
        for i, item in enumerate(items):
            skills = {m.skill for m in matcher.find(item)}
            listed |= skills
            best = min((rank[s] for s in skills if s in rank), default=len(rank) + i)
            keyed.append((best, i, item))
        ordered = [item for _, _, item in sorted(keyed)]
        out.append(SkillsRewrite(part, label + joiner.join(ordered), []))
    added = missing_names(entries, signals, implied, listed, resume, [p.text for p in parts])
    added = [a for a in added if a not in (refused or set())]  # names the fact guard refuses
    if added:
        first = out[0]
        category = _CATEGORY.match(first.text) if not first.part.label else None
        label, body = (category["label"], category["items"]) if category else ("", first.text)
        items, joiner = _split(body)
        out[0] = SkillsRewrite(first.part, label + joiner.join(added + items), added)
    return [r for r in out if r.text != r.part.text or r.added]


def writable_name(entry: CoverageEntry, signals: JDSignals, resume: str, implied_by: set[str]) -> str | None:
    """The JD's name for a skill requirement the resume meets, when writing it claims nothing more: a skill (not a
    degree, licence or years, which are stated as the resume states them), a name (not a phrase such as
    'Administer medications'), not a spoken language; implied ones by the JD's name, others only in words the
    resume supports."""
    if entry.kind != "skill" or not entry.before:
        return None
    name = entry.jd_name.strip() if entry.skill in implied_by else supported_name(signals, entry.skill, resume)
    return name if name and looks_like_name(name) else None


def looks_like_name(name: str) -> bool:
    """A short noun phrase ('infrastructure as code', 'CAD'), not a duty ('Administer medications') or a language."""
    words = name.split()
    if not words or len(words) > 4 or name.lower() in LANGUAGES or is_credential(name):
        return False
    if len(words) > 1 and JOB_NOUN.search(name):
        return False  # a job title ('sous chef', 'data analyst') is a role held, not a skill one is skilled in
    first = words[0]
    return not ("VB" in grammar.verb_tags(first) and "NOUN" not in grammar.other_readings(first))


def missing_names(
    entries: list[CoverageEntry],
    signals: JDSignals,
    implied: list[ImpliedSkill],
    listed: set[str],
    resume: str,
    listed_texts: list[str],
) -> list[str]:
    """JD names of required and preferred skills the resume shows or implies but its skills list does not hold."""
    implied_by = {s.skill for s in implied}
    listed_text = " ".join(listed_texts).lower()
    names: list[str] = []
    for required in (True, False):
        for entry in entries:
            if entry.required != required or not entry.before or entry.skill in listed:
                continue
            if not entry.evidence and entry.skill not in implied_by:
                continue
            name = writable_name(entry, signals, resume, implied_by)
            if not name or name.lower() in listed_text:
                continue
            name = name[0].upper() + name[1:] if name[:1].islower() else name
            if name not in names:
                names.append(name)
    return names[:MAX_ADDED]
