"""Rules that read a job description's title, seniority and years of experience, each with its span."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.types import Span

OCCUPATIONS_FILE = Path(__file__).parent / "data" / "occupations.json"
_BASE_ROLES = (
    "engineer developer scientist analyst manager architect designer administrator consultant specialist lead "
    "director programmer tester technician officer coordinator strategist researcher writer owner master head "
    "intern associate representative recruiter accountant advisor editor marketer sre devops"
).split()
_JOINERS = {"of", "and", "for", "in", "the", "to", "at", "with", "or", "m", "f", "d", "w", "x"}
_NOT_ROLES = {"model", "models", "worker", "operator", "other", "all", "helper", "aide", "clerk"}
_LABELLED = re.compile(r"^\s*(?:job\s+title|position|role|title|job)\s*[:\-–]\s*(?P<t>[^\n|]{3,80})$", re.I | re.M)
_HIRING = re.compile(
    r"\b(?:hiring|looking for|seeking|searching for|recruiting|join us as|join our team as)\s+(?:an?\s+|the\s+)?"
    r"(?P<t>(?:[A-Z][\w+#/.&-]*\s+){0,5}?(?:ROLE))\b",
)
_LEVELS: tuple[tuple[str, str], ...] = (
    ("intern", r"\b(?:intern|internship|trainee|apprentice)\b"),
    ("principal", r"\bprincipal\b"),
    ("staff", r"\bstaff(?=\s+[a-z]*\s*(?:engineer|developer|scientist|architect))"),
    ("lead", r"\b(?:lead|team lead|tech lead|technical lead|head of)\b"),
    ("senior", r"\b(?:senior|sr\.?|snr)\b"),
    ("mid", r"\b(?:mid[- ]?level|mid[- ]senior|intermediate|mid)\b"),
    ("junior", r"\b(?:junior|jr\.?|entry[- ]level|graduate|new grad)\b"),
    ("director", r"\b(?:director|vice president|vp)\b"),
)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
    )
}
_YEARS = re.compile(
    r"(?P<n>\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")\s*(?:\(\d{1,2}\)\s*)?(?:\+|plus|or more)?\s*"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b",
    re.I,
)
_EXPERIENCE = re.compile(r"experience|background|track record|working|professional|industry|hands-on", re.I)


@dataclass(frozen=True)
class Found:
    """A value read from the JD with the span it came from."""

    text: str
    span: Span
    value: float | None = None


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Head nouns of job titles: a base list plus the singular last words of the O*NET occupation titles."""
    nouns = set(_BASE_ROLES)
    if OCCUPATIONS_FILE.is_file():
        for occ in json.loads(OCCUPATIONS_FILE.read_text(encoding="utf-8"))["occupations"]:
            last = occ["title"].split(",")[0].split()[-1].lower()
            if last.endswith("ies"):
                last = last[:-3] + "y"
            elif last.endswith("s") and not last.endswith("ss"):
                last = last[:-1]
            if len(last) > 3 and last not in _NOT_ROLES:
                nouns.add(last)
    return frozenset(nouns)


def _role_pattern() -> str:
    return "|".join(sorted((re.escape(n) for n in role_nouns()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = _role_pattern()
    hiring = re.compile(_HIRING.pattern.replace("ROLE", roles + r"s?"), re.I)
    line = re.compile(rf"^[\w+#/.&()\- ,]{{0,60}}\b(?:{roles})s?\b[\w+#/.&()\- ,]{{0,30}}$", re.I)
    return hiring, line


def _clean_title(text: str, start: int) -> Found | None:
    stripped = text.strip(" \t-–:|*#•")
    stripped = re.split(r"\s*,\s+|\s+(?:[-–|]\s+|\(|(?:at|in|for|with|to)\s+)", stripped, maxsplit=1)[0].strip()
    if not stripped or len(stripped.split()) > 8:
        return None
    offset = text.find(stripped)
    return Found(stripped, (start + offset, start + offset + len(stripped)))


def _title_case(line: str) -> bool:
    """A heading-like line: at most one lower-case word besides small joiners (a sentence has many)."""
    lower = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if w[0].islower() and w not in _JOINERS]
    return len(lower) <= 1


def find_title(text: str) -> Found | None:
    """The job title: a labelled line, a 'hiring a ...' phrase, or a short early line ending in a role noun."""
    for match in _LABELLED.finditer(text[:3000]):
        found = _clean_title(match.group("t"), match.start("t"))
        if found:
            return found
    hiring, line_re = _title_regexes()
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        if number >= 6:
            break
        body = line.rstrip("\r\n")
        if body.strip() and len(body.split()) <= 10 and _title_case(body) and line_re.match(body.strip()):
            found = _clean_title(body, pos)
            if found:
                return found
        pos += len(line)
    hired = hiring.search(text[:3000])
    if hired:
        return _clean_title(hired.group("t"), hired.start("t"))
    return None


_GAP = r"(?:[ \t-]+[\w+#/]+(?:\.\w+)*){0,3}?"  # up to three words on the same line


@lru_cache(maxsize=1)
def _level_in_text() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Level words in running text count only before a role noun ("senior engineers") or after "level:"."""
    roles = _role_pattern()
    return tuple(
        (
            level,
            re.compile(
                rf"(?:level\s*[:\-]\s*)(?:{pattern})|(?:{pattern})(?={_GAP}[ \t-]+(?:{roles})s?\b)",
                re.I,
            ),
        )
        for level, pattern in _LEVELS
    )


def _first_level(where: str, patterns: Iterable[tuple[str, re.Pattern[str]]]) -> tuple[str, re.Match[str]] | None:
    best: tuple[str, re.Match[str]] | None = None
    for level, pattern in patterns:
        match = pattern.search(where)
        if match and (best is None or match.start() < best[1].start()):
            best = (level, match)
    return best


def find_seniority(text: str, title: Found | None = None) -> Found | None:
    """The level asked for, from the title first, then the text; derived from the years when nothing says it."""
    if title:
        found = _first_level(title.text, ((lvl, re.compile(p, re.I)) for lvl, p in _LEVELS))
        if found:
            level, match = found
            return Found(level, (title.span[0] + match.start(), title.span[0] + match.end()))
    found = _first_level(text, _level_in_text())
    if found:
        level, match = found
        words = re.search(r"\w[\w.-]*", match.group(0).split(":")[-1])
        start = match.start() + (match.group(0).find(words.group(0)) if words else 0)
        return Found(level, (start, start + len(words.group(0)) if words else match.end()))
    years = find_years(text)
    if years and years.value is not None:
        level = "junior" if years.value < 2 else "mid" if years.value < 5 else "senior"
        return Found(level, years.span)
    return None


def find_years(text: str) -> Found | None:
    """Years of experience asked for ('5+ years', 'three to five years'): the first one said about experience."""
    first: Found | None = None
    for match in _YEARS.finditer(text):
        raw = match.group("n").lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
        if not 0 < value <= 30:
            continue
        found = Found(match.group(0), match.span(), value)
        # the sentence around the number decides: "founded 20 years ago" is not about experience
        before = re.split(r"[.!?\n]", text[max(0, match.start() - 80) : match.start()])[-1]
        after = re.split(r"[.!?\n]", text[match.end() : match.end() + 80])[0]
        context = before + after
        if _EXPERIENCE.search(context):
            return found
        first = first or found
    return first


US_STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
    Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
    Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
    Wyoming""".split()
    + [
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
        "District of Columbia",
    ]
)
_STATE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(s) for s in US_STATES), key=len, reverse=True)) + r")\b")
PORTABLE = re.compile(
    r"\b(?:compact|multistate|multi-state|reciprocal|reciprocity|comity|by transfer|ability to obtain|able to obtain|"
    r"eligible to obtain|willing to obtain|or eligible|any (?:U\.?S\.? )?state|endorsement from)\b",
    re.I,
)


def states_in(text: str) -> list[str]:
    """US state names written in text, in order ("Virginia" inside "West Virginia" is not read twice)."""
    return list(dict.fromkeys(m.group(0) for m in _STATE.finditer(text)))
