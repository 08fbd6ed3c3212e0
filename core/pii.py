"""Personal data in resume and JD texts: find it, redact it before a model call, restore it after."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from core.pii_address import find_addresses
from core.pii_patterns import Hit, find_cards, find_dobs, find_emails, find_ssns, find_urls
from core.pii_phone import find_phones
from core.types import PiiFinding

PII_TYPES = ("EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "STREET_ADDRESS", "DATE_OF_BIRTH", "URL")
HIGH_TYPES = frozenset({"US_SSN", "CREDIT_CARD", "DATE_OF_BIRTH", "STREET_ADDRESS"})
RECOMMENDATIONS = {
    "US_SSN": "Remove the Social Security number: a resume never needs it and it enables identity theft.",
    "CREDIT_CARD": "Remove the payment card number: it never belongs in a resume.",
    "DATE_OF_BIRTH": "Remove the date of birth: employers do not need it and it invites age bias.",
    "STREET_ADDRESS": "Remove the street address: city and country are enough for a resume.",
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
# When spans of different types overlap, the more specific shape wins: an email contains a domain, a card
# or SSN is also a digit run that could pass for a phone number, an address holds numbers.
_PRIORITY = {
    t: i
    for i, t in enumerate(
        ("EMAIL_ADDRESS", "URL", "CREDIT_CARD", "US_SSN", "DATE_OF_BIRTH", "STREET_ADDRESS", "PHONE_NUMBER")
    )
}
_RECOGNISERS = (find_emails, find_urls, find_cards, find_ssns, find_dobs, find_addresses, find_phones)


def _merge_same_type(hits: list[Hit]) -> list[Hit]:
    """Union of overlapping spans of one type (several patterns may see parts of one address)."""
    merged: dict[str, list[list[int]]] = {}
    for start, end, kind in sorted(hits):
        spans = merged.setdefault(kind, [])
        if spans and start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(s, e, kind) for kind, spans in merged.items() for s, e in spans]


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Drop findings that lie inside a longer one ("+358 043483954" is a phone, not an SSN after a prefix), then keep
    the highest-priority finding where spans of different types still overlap. Both passes are n log n."""
    outer: list[Hit] = []
    reach_end, reach_start = -1, -1  # the furthest end seen so far, and where that span started
    for start, end, kind in sorted(hits, key=lambda h: (h[0], -h[1])):
        inside = reach_end > end or (reach_end == end and reach_start < start)
        if not inside:
            outer.append((start, end, kind))
        if end > reach_end:
            reach_end, reach_start = end, start
    starts: list[int] = []
    kept: list[Hit] = []  # sorted by start, never overlapping
    for start, end, kind in sorted(outer, key=lambda h: (_PRIORITY[h[2]], h[0])):
        i = bisect_left(starts, start)
        if (i < len(kept) and kept[i][0] < end) or (i > 0 and kept[i - 1][1] > start):
            continue
        starts.insert(i, start)
        kept.insert(i, (start, end, kind))
    return kept


def find_pii(text: str, *, where: str = "resume") -> list[PiiFinding]:
    """Every piece of personal data in text, ordered by position, without overlaps."""
    if not text:
        return []
    hits: list[Hit] = []
    for recognise in _RECOGNISERS:
        hits.extend(recognise(text))
    return [
        PiiFinding(
            type=kind,
            text=text[start:end],
            span=(start, end),
            severity="high" if kind in HIGH_TYPES else "contact",
            where=where,
            recommendation=RECOMMENDATIONS.get(kind),
        )
        for start, end, kind in _resolve(_merge_same_type(hits))
    ]


# Models sometimes echo a placeholder in lower case or with spaces ("[ email_1 ]"); those are restored too.
_PLACEHOLDER = re.compile(r"\[\s*((?:EMAIL|PHONE|SSN|CARD|ADDRESS|DOB|URL)_\d+)\s*\]", re.IGNORECASE)


@dataclass
class Redaction:
    """The placeholders of one redact_texts call and the values they stand for."""

    values: dict[str, str] = field(default_factory=dict)

    def restore(self, text: str) -> str:
        """Put the original values back for every known placeholder; unknown or repeated ones are handled alike."""
        if not self.values or not text:
            return text
        return _PLACEHOLDER.sub(lambda m: self.values.get(f"[{m.group(1).upper()}]", m.group()), text)


def redact_texts(texts: list[str]) -> tuple[list[str], Redaction]:
    """Texts with personal data replaced by [TYPE_n] placeholders; the same value gets the same one in every text."""
    redaction = Redaction()
    by_value: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    joined = "\n".join(texts).lower()
    out: list[str] = []
    for text in texts:
        pieces: list[str] = []
        pos = 0
        for finding in find_pii(text):
            name = PLACEHOLDER_NAMES[finding.type]
            key = (name, finding.text)
            if key not in by_value:
                counters[name] = counters.get(name, 0) + 1
                while f"[{name}_{counters[name]}]".lower() in joined:  # never reuse text already there
                    counters[name] += 1
                by_value[key] = f"[{name}_{counters[name]}]"
                redaction.values[by_value[key]] = finding.text
            pieces.append(text[pos : finding.span[0]])
            pieces.append(by_value[key])
            pos = finding.span[1]
        pieces.append(text[pos:])
        out.append("".join(pieces))
    return out, redaction
