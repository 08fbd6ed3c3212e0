"""Checkable facts in a sentence: numbers (1,000 = 1k = 1000), degrees, titles, dates and proper names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,])(?P<cur>[$€£¥₹]\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<mult>thousand|million|billion|mm|mn|bn|[kKmMbB])(?![A-Za-z]))?"
    r"(?P<pct>\s?%|\s?percent\b|\s?per\s?cent\b)?"
    r"(?P<curword>\s?(?:USD|EUR|GBP|dollars)\b)?",
)
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80})
_WORD_NUMBERS.update({"ninety": 90, "hundred": 100, "dozen": 12, "twice": 2, "double": 2, "triple": 3})
# 'one' is a pronoun as often as a number ('one of the first'); it supports a '1' but is not checked itself.
_UNCHECKED_WORDS = frozenset({"one", "double"})


@dataclass(frozen=True)
class Number:
    """A number as written and its value; kind is 'percent', 'money' or 'plain'."""

    text: str
    value: float
    kind: str
    checked: bool = True  # False for words like 'one' that support a number but are not checked themselves


_LOWER_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def numbers(text: str, *, words: bool = True) -> list[Number]:
    """Every number in a text, with 1,000 / 1k / 1000 all read as 1000."""
    return [n for n in _scan(text) if n.checked and (words or n.text[:1].isdigit() or not n.text[:1].isalpha())]


@lru_cache(maxsize=4096)  # scoring and validation read the same bullets several times per pair
def _scan(text: str) -> tuple[Number, ...]:
    found: list[Number] = []
    if _DIGIT.search(text):
        for m in _NUMBER.finditer(text):
            value = float(m["num"].replace(",", ""))
            if m["mult"]:
                value *= _MULTIPLIERS[m["mult"].lower()]
            kind = "percent" if m["pct"] else "money" if (m["cur"] or m["curword"]) else "plain"
            found.append(Number(m.group(0).strip(), round(value, 6), kind))
    for word in _LOWER_WORD.findall(text.lower()):
        if word in _WORD_NUMBERS:
            found.append(Number(word, float(_WORD_NUMBERS[word]), "plain", checked=word not in _UNCHECKED_WORDS))
    return tuple(found)


def number_values(text: str) -> dict[float, set[str]]:
    """value -> kinds it is written with, including number words such as 'five' or 'one'."""
    return {value: set(kinds) for value, kinds in _values(text).items()}


@lru_cache(maxsize=4096)  # an original is checked against each of its rewrites and variants (the resume: many)
def _values(text: str) -> dict[float, frozenset[str]]:
    values: dict[float, set[str]] = {}
    for n in _scan(text):
        values.setdefault(n.value, set()).add(n.kind)
    return {value: frozenset(kinds) for value, kinds in values.items()}


def invented_numbers(original: str, rewrite: str) -> list[str]:
    """Numbers of the rewrite that the original does not show (same value; a % or currency must be there too)."""
    have = _values(original)
    bad: list[str] = []
    for n in numbers(rewrite):
        kinds = have.get(n.value)
        if kinds is None or (n.kind != "plain" and n.kind not in kinds):
            bad.append(n.text)
    return list(dict.fromkeys(bad))


# Words mixing letters and digits ('p99', 'EC2', 'v2', '4xx'): a changed one changes a figure the number scan skips.
_CODE = re.compile(r"(?<![\w.])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]*")


# '1k', '3x', '1st', '1990s': numbers the value check already reads
_SCALED = re.compile(r"\d+(?:k|m|mm|mn|bn|b|x|st|nd|rd|th|s)", re.IGNORECASE)


def invented_codes(original: str, rewrite: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Letter-and-digit words of the rewrite (outside the skipped spans) that the original does not contain."""
    if not _DIGIT.search(rewrite):
        return []
    lower = original.lower()
    return list(
        dict.fromkeys(
            m.group(0)
            for m in _CODE.finditer(rewrite)
            if m.group(0).lower() not in lower
            and not _SCALED.fullmatch(m.group(0))
            and not any(s <= m.start() < e for s, e in skip)
        )
    )


_DEGREE = re.compile(
    r"\b(?:B\.?\s?S\.?c?|B\.?\s?A\.?|B\.?\s?Eng|B\.?\s?Tech|M\.?\s?S\.?c?|M\.?\s?A\.?|M\.?\s?Eng|M\.?\s?B\.?\s?A|"
    r"Ph\.?\s?D|D\.?\s?Phil|J\.?\s?D|M\.?\s?D|AAS|Bachelor'?s?|Master'?s?|Doctorate|Doctoral|"
    r"Associate'?s degree|MPhil|LLB|LLM|GED|diploma)(?![A-Za-z])",
)


def has_degree(text: str) -> bool:
    """True when the text names a degree ('B.S. Accounting', "Master's", 'Doctor of Physical Therapy')."""
    return bool(_DEGREE.search(text)) or "doctor of" in text.lower()


_TITLE = re.compile(
    r"\b(?:CEO|CTO|CFO|COO|CIO|CISO|CPO|VP|SVP|EVP|Vice[- ]President|President|Chief|Director|Head of|"
    r"Manager|Senior|Sr|Principal|Staff Engineer|Team Lead|Tech Lead|Technical Lead|Lead Engineer|Architect|"
    r"Founder|Co-?founder|Partner|Intern|Fellow|Supervisor|Consultant)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(?:(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?(?=\s*['’]?\d)"
    r"|May(?=\s+\d)"
    r"|(?:Q[1-4]|H[12]|FY\s?\d{2,4})\b"
    r"|(?:spring|summer|fall|autumn|winter)\s+(?:19|20)\d{2}\b)",
)
_CAPITALISED = re.compile(r"\b[A-Z][\w&.'-]*[A-Za-z0-9]|\b[A-Z]\b")
_NAME_SHAPE = re.compile(r"^[A-Z][A-Z0-9&]+\b|^[A-Z]\w*[a-z]\w*[A-Z]")  # 'HVAC', 'McKinsey': names anywhere
_CLAUSE_START = re.compile(r"(?:^|[.!?;:•(\"\n]\s*|\s[-–—]\s+)$")


_ENTITY = re.compile(
    f"(?P<degree>{_DEGREE.pattern})|(?P<title>(?i:{_TITLE.pattern}))|(?P<date>{_DATE.pattern})"
)  # one pass over a text instead of three


# Every match of _ENTITY contains one of these words (lower case): texts without any skip the slow regex.
_TRIGGERS = frozenset(
    """b m d j ph bs bsc ba beng btech ms msc ma meng mba phd dphil jd md aas bachelor bachelors master masters
    doctorate doctoral associate mphil llb llm ged diploma ceo cto cfo coo cio ciso cpo vp svp evp vice president
    chief director head manager senior sr principal staff team tech technical lead architect founder cofounder
    partner intern fellow supervisor consultant january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4 h1 h2 spring summer
    fall autumn winter""".split()
)
_LOWER_TOKEN = re.compile(r"[a-z0-9]+")


def _may_name_entity(text: str) -> bool:
    lower = text.lower()
    return "fy" in lower or not _TRIGGERS.isdisjoint(_LOWER_TOKEN.findall(lower))


def _key(token: str) -> str:
    return re.sub(r"[\s.'’-]", "", token).lower().rstrip("s")


@lru_cache(maxsize=4096)
def _entities(text: str) -> tuple[tuple[str, str], ...]:
    """(key, as written) of every degree, title and date in a text."""
    if not _may_name_entity(text):
        return ()
    return tuple((_key(m.group(0)), m.group(0)) for m in _ENTITY.finditer(text))


def invented_entities(original: str, rewrite: str) -> list[str]:
    """Degrees, job titles and dates (months, quarters, seasons) the rewrite names but the original does not."""
    have = {key for key, _ in _entities(original)}
    return list(dict.fromkeys(text for key, text in _entities(rewrite) if key not in have))


def proper_names(
    text: str, *, skip: Sequence[tuple[int, int]] = (), allowed: frozenset[str] = frozenset()
) -> list[str]:
    """Capitalised words that are not at the start of a clause (there a capital says nothing, unless the word is
    written in capitals or has one inside: 'ASEUN', 'FleetFocus' open a parenthesis as names) and not inside a
    skipped span."""
    names: list[str] = []
    for m in _CAPITALISED.finditer(text):
        start, end = m.span()
        if any(s <= start < e for s, e in skip):
            continue
        if m.group(0).lower() in allowed:
            continue
        if _CLAUSE_START.search(text[max(0, start - 4) : start]) and not _NAME_SHAPE.search(m.group(0)):
            continue
        names.append(m.group(0))
    return names
