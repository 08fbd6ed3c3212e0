"""The resume's role structure: which job each bullet belongs to and whether that job is current (its tense)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.ingest import section_of
from core.types import Bullet

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:(?:{_MONTH}\s+|\d{{1,2}}/)?(?:19|20)\d{{2}}(?:-\d{{2}})?)"
_OPEN_END = r"(?:present|current|currently|now|today|date|ongoing)"
_RANGE = re.compile(
    rf"(?:summers?\s+|winters?\s+)?(?P<start>{_DATE})\s*(?:–|—|-|to|until|through)\s*(?:(?P<end>{_DATE})|(?P<open>{_OPEN_END}))\b"
    rf"|\bsince\s+(?P<since>{_DATE})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # every date of _RANGE holds one: a line without it is never a range
# Sections whose dated lines are not jobs a bullet is written about in the present ('Education 2016 - 2020').
_UNDATED_SECTIONS = frozenset({"Summary", "Skills", "Languages", "Interests", "References", "Contact"})


@dataclass(frozen=True)
class Role:
    """A dated heading line: where it sits, its text and whether the job is still held."""

    line: str
    start: int  # character offset of the line in the resume
    current: bool


def _range(line: str) -> re.Match[str] | None:
    return _RANGE.search(line) if _YEAR.search(line) else None


def find_roles(resume: str) -> list[Role]:
    """Every line (or the line before a date-only line) that dates a job, project or degree."""
    return list(_find_roles(resume))


@lru_cache(maxsize=256)
def _find_roles(resume: str) -> tuple[Role, ...]:
    roles: list[Role] = []
    pos = 0
    previous = ""
    for line in resume.split("\n"):
        match = _range(line)
        if match and len(line.split()) <= 30:
            current = bool(match.group("open") or match.group("since"))
            text = line.strip()
            if len(text.split()) <= 5 and previous.strip():
                text = f"{previous.strip()} {text}"  # 'March 2022 to present' under its title line
            roles.append(Role(line=text, start=pos, current=current))
        previous = line if line.strip() else previous
        pos += len(line) + 1
    return tuple(roles)


def is_role_line(text: str) -> bool:
    """True when a 'bullet' is really a dated job heading ('Rehab Aide, Desert Bloom PT (2019 - 2021)')."""
    match = _range(text)
    return bool(match) and len(text.split()) <= 16


def bullet_tenses(resume: str, bullets: list[Bullet]) -> list[str | None]:
    """Per bullet: 'present' under a current job, 'past' under a past one, None when no dated job holds it."""
    roles = find_roles(resume)
    sections = _section_starts(resume)
    out: list[str | None] = []
    for bullet in bullets:
        start = bullet.span[0]
        role = next((r for r in reversed(roles) if r.start <= start), None)
        section = next((name for pos, name in reversed(sections) if pos <= start), None)
        role_section = next((name for pos, name in reversed(sections) if role and pos <= role.start), None)
        if role is None or section in _UNDATED_SECTIONS or section != role_section:
            out.append(None)  # a heading between the job and the bullet: the bullet is not about that job
        else:
            out.append("present" if role.current else "past")
    return out


def _section_starts(resume: str) -> list[tuple[int, str]]:
    starts: list[tuple[int, str]] = []
    pos = 0
    seen = False
    for line in resume.split("\n"):
        name = section_of(line, caps=seen)
        if name:
            starts.append((pos, name))
        seen = seen or bool(line.strip())
        pos += len(line) + 1
    return starts
