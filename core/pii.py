"""Personal data in resume and JD texts: find it, redact it before a model call, restore it after."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers

from core.types import PiiFinding

HIGH_TYPES = frozenset({"US_SSN", "CREDIT_CARD", "DATE_OF_BIRTH", "STREET_ADDRESS"})
RECOMMENDATIONS = {
    "US_SSN": "Remove the Social Security number: a resume never needs it.",
    "CREDIT_CARD": "Remove the card number: it never belongs in a resume.",
    "DATE_OF_BIRTH": "Remove the date of birth: it invites age discrimination and is not needed.",
    "STREET_ADDRESS": "Remove the street address: city and country are enough.",
}
PLACEHOLDER_NAMES = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "US_SSN": "SSN",
    "CREDIT_CARD": "CARD",
    "STREET_ADDRESS": "ADDRESS",
    "DATE_OF_BIRTH": "DOB",
    "URL": "URL",
}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,}(?![\w-])")
_SSN = re.compile(r"(?<![\d-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\d-])")
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-/]{6,20}\d(?!\w)")
_URL = re.compile(
    r"(?<![\w@])(?:https?://|www\.)[^\s<>\"')\]]+|(?<![\w@./])(?:linkedin\.com|github\.com)/[^\s<>\"')\]]+",
    re.IGNORECASE,
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _ssn_ok(area: str, group: str, serial: str) -> bool:
    # SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
    return area not in {"000", "666"} and not area.startswith("9") and group != "00" and serial != "0000"


def _finding(kind: str, text: str, start: int, end: int, where: str) -> PiiFinding:
    high = kind in HIGH_TYPES
    return PiiFinding(
        type=kind,
        text=text[start:end],
        span=(start, end),
        severity="high" if high else "contact",
        where=where,
        recommendation=RECOMMENDATIONS.get(kind),
    )


def find_pii(text: str, *, where: str = "resume") -> list[PiiFinding]:
    """Every piece of personal data in text, ordered by position, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for m in _EMAIL.finditer(text):
        found.append((m.start(), m.end(), "EMAIL_ADDRESS"))
    for m in _URL.finditer(text):
        found.append((m.start(), m.end(), "URL"))
    for m in _SSN.finditer(text):
        if _ssn_ok(m.group(1), m.group(3), m.group(4)):
            found.append((m.start(), m.end(), "US_SSN"))
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            found.append((m.start(), m.end(), "CREDIT_CARD"))
    for m in phonenumbers.PhoneNumberMatcher(text, "US"):
        found.append((m.start, m.end, "PHONE_NUMBER"))
    return [_finding(k, text, s, e, where) for s, e, k in _resolve(found)]


def _resolve(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop findings that overlap an earlier, longer one."""
    kept: list[tuple[int, int, str]] = []
    for s, e, k in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, k))
    return kept


@dataclass
class Redaction:
    """The placeholders of one redact_texts call and the values they stand for."""

    values: dict[str, str] = field(default_factory=dict)

    def restore(self, text: str) -> str:
        """Put the original values back in place of every known placeholder."""
        if not self.values or not text:
            return text
        return _PLACEHOLDER.sub(lambda m: self.values.get(m.group(), m.group()), text)


_PLACEHOLDER = re.compile(r"\[[A-Z]+_\d+\]")


def redact_texts(texts: list[str]) -> tuple[list[str], Redaction]:
    """Texts with personal data replaced by [TYPE_n] placeholders; the same value gets the same one."""
    redaction = Redaction()
    by_value: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    out: list[str] = []
    for text in texts:
        pieces: list[str] = []
        pos = 0
        for f in find_pii(text):
            name = PLACEHOLDER_NAMES.get(f.type, f.type.split("_")[0])
            key = (name, f.text)
            if key not in by_value:
                counters[name] = counters.get(name, 0) + 1
                by_value[key] = f"[{name}_{counters[name]}]"
                redaction.values[by_value[key]] = f.text
            pieces.append(text[pos : f.span[0]])
            pieces.append(by_value[key])
            pos = f.span[1]
        pieces.append(text[pos:])
        out.append("".join(pieces))
    return out, redaction
