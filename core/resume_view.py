"""A resume read for matching: which section each line is in, whether it is a list of keywords, and the roles
with their dates (for years of experience)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from core.ingest import section_of

_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_POINT = (
    rf"(?:(?:{_MONTH}\s+|{_SEASON}\s+|\d{{1,2}}/)?(?:19|20)\d{{2}}(?:[.-]\d{{1,2}}(?!\d))?|present|current|now|today)"
)
_RANGE = re.compile(rf"(?P<a>{_POINT})\s*(?:–|—|-|to|until)\s*(?P<b>{_POINT})", re.I)
_LIST_SEPARATORS = re.compile(r"\s[|·•]\s|,|;|\s/\s")
_LIST_LABEL = re.compile(r"^\s*(?:[A-Za-z&/ ]{2,30}):\s")
_VERB_ENDINGS = re.compile(r"\b\w+(?:ed|ing)\b", re.I)
_STATED_YEARS = re.compile(r"(?P<n>\d{1,2}(?:\.\d)?)\+?\s*(?:years?|yrs?)\b(?:\s+of)?(?P<what>[^.;\n]{0,120})", re.I)
# "since 2019", "since March 2021": years until now
_SINCE = re.compile(rf"\bsince\s+(?P<a>{_POINT})(?=(?P<what>[^.;\n]{{0,120}}))", re.I)
# a role heading that says how long it lasted: "(1 year 8 months)", "(3 yrs)"
_DURATION = re.compile(
    r"\(\s*(?:(?P<y>\d{1,2})\s*(?:years?|yrs?))?[\s,]*(?:(?P<m>\d{1,2})\s*(?:months?|mos?))?\s*\)", re.I
)
LIST_SECTIONS = frozenset({"Skills", "Languages", "Interests"})
CREDENTIAL_SECTIONS = frozenset({"Certifications", "Education"})


@dataclass(frozen=True)
class Line:
    """One line of the resume with what it is."""

    start: int
    end: int
    text: str
    section: str | None
    listing: bool  # a list of keywords (a skills line, a "Core competencies" grid), not a statement


@dataclass(frozen=True)
class Role:
    """A job with its dates: the text from its heading to the next heading."""

    start: int
    end: int
    years: float
    text: str
    head_end: int = -1  # end of the heading (the title line and the line with the dates) in text; -1: unknown


@dataclass(frozen=True)
class StatedYears:
    """'6 years of acute care experience' written in the resume."""

    years: float
    what: str
    start: int


@dataclass(frozen=True)
class ResumeView:
    """The parts of a resume the matcher reads."""

    text: str
    lines: tuple[Line, ...]
    roles: tuple[Role, ...]
    stated: tuple[StatedYears, ...]
    _starts: tuple[int, ...]

    def line_at(self, pos: int) -> Line:
        """The line holding character pos."""
        return self.lines[max(0, bisect_right(self._starts, pos) - 1)]

    def listed_only(self, pos: int) -> bool:
        """True when pos sits in a keyword list rather than a statement of work done."""
        return self.line_at(pos).listing

    def total_years(self) -> float:
        """Years of all the roles with dates."""
        return round(sum(r.years for r in self.roles), 2)


def _month_index(point: str, today: date) -> int | None:
    raw = point.strip().lower()
    if raw in ("present", "current", "now", "today"):
        return today.year * 12 + today.month - 1
    year = re.search(r"(?:19|20)\d{2}", raw)
    if not year:
        return None
    month = 6  # a bare year is counted from its middle
    numeric = re.match(r"(\d{1,2})/", raw)
    iso = re.search(r"(?:19|20)\d{2}[.-](\d{1,2})$", raw)  # "2022.03", "2023-09"
    if numeric and 1 <= int(numeric.group(1)) <= 12:
        month = int(numeric.group(1))
    elif iso and 1 <= int(iso.group(1)) <= 12:
        month = int(iso.group(1))
    else:
        name = re.match(r"([a-z]{3})", raw)
        if name and name.group(1) in _MONTHS:
            month = _MONTHS[name.group(1)]
    return int(year.group(0)) * 12 + month - 1


def _is_listing(text: str, section: str | None) -> bool:
    body = text.strip().lstrip("•-*·▪ ").strip()
    if not body:
        return False
    if section in LIST_SECTIONS:
        return True
    if section in CREDENTIAL_SECTIONS:
        return False  # "BLS, ACLS, PALS" under Certifications lists credentials held, not keywords
    pieces = [p for p in _LIST_SEPARATORS.split(body) if p.strip()]
    if _LIST_LABEL.match(body) and len(pieces) >= 3:
        return True  # "Skills: Python | Django | FastAPI"
    short = sum(1 for p in pieces if len(p.split()) <= 4)
    return len(pieces) >= 5 and short >= 0.8 * len(pieces) and not _VERB_ENDINGS.search(body[:40])


@lru_cache(maxsize=512)
def read_resume(text: str, today: date | None = None) -> ResumeView:
    """Lines, keyword lists, roles with dates and stated years of a (normalised) resume."""
    today = today or date.today()
    lines: list[Line] = []
    section: str | None = None
    pos = 0
    for raw in text.split("\n"):
        header = section_of(raw, caps=bool(lines))
        if header:
            section = header
        lines.append(Line(pos, pos + len(raw), raw, section, header is None and _is_listing(raw, section)))
        pos += len(raw) + 1
    heads: list[tuple[int, float]] = []  # (line index, years) of lines holding a date range
    for i, line in enumerate(lines):
        if line.section in ("Education", "Certifications"):
            continue
        lower = line.text.lower()
        if not ("19" in lower or "20" in lower or "present" in lower or "current" in lower):
            continue  # no year on the line: no date range (the range pattern is slow)
        match = _RANGE.search(line.text)
        if match:
            a, b = _month_index(match.group("a"), today), _month_index(match.group("b"), today)
            if a is not None and b is not None and b >= a:
                heads.append((i, _stated_duration(line.text[match.end() :]) or round((b - a + 1) / 12, 2)))
    roles: list[Role] = []
    for n, (i, years) in enumerate(heads):
        first = i - 1 if i > 0 and lines[i - 1].text.strip() and section_of(lines[i - 1].text) is None else i
        stop = heads[n + 1][0] - 1 if n + 1 < len(heads) else len(lines)
        for j in range(i + 1, stop):
            if section_of(lines[j].text, caps=True):
                stop = j
                break
        stop = max(stop, i + 1)
        start, end = lines[first].start, lines[stop - 1].end
        roles.append(Role(start, end, years, text[start:end], lines[i].end - start))
    return ResumeView(text, tuple(lines), tuple(roles), _stated(text, today), tuple(line.start for line in lines))


def _stated(text: str, today: date) -> tuple[StatedYears, ...]:
    """Years a resume states: "6 years of ...", and "since 2019" (until now); each with the words that follow."""
    out = []
    for m in _STATED_YEARS.finditer(text):
        if 0 < float(m.group("n")) <= 45:
            out.append(StatedYears(float(m.group("n")), m.group("what"), m.start()))
    now = today.year * 12 + today.month - 1
    for m in _SINCE.finditer(text):
        start = _month_index(m.group("a"), today)
        if start is not None and 0 < now - start + 1 <= 45 * 12:
            out.append(StatedYears(round((now - start + 1) / 12, 2), m.group("what"), m.start()))
    return tuple(sorted(out, key=lambda s: s.start))


def _stated_duration(rest: str) -> float | None:
    """The length a role heading states after its dates ("(1 year 8 months)"), in years."""
    m = _DURATION.match(rest.strip())
    if not m or not (m.group("y") or m.group("m")):
        return None
    return round(int(m.group("y") or 0) + int(m.group("m") or 0) / 12, 2)
