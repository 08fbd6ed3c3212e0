"""Regex recognisers with checksums for the PII types that have a fixed shape: email, URL, SSN, card, DOB."""

from __future__ import annotations

import re
from collections.abc import Iterator

Hit = tuple[int, int, str]

EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z][\w-]*[A-Za-z0-9]"
)

# Bare domains (no scheme, no www) only with common web TLDs: file names such as setup.py, README.md, main.rs
# or ASP.NET would otherwise read as domains in technical resumes.
_BARE_TLDS = (
    "com|org|net|edu|gov|io|dev|app|ai|co|me|info|biz|xyz|site|tech|online|cloud|blog|page|us|uk|ca|de|fr|nl|se|"
    "no|dk|fi|es|it|ch|be|ie|au|nz|in|jp|cn|br|il|eu|tv|pt|pl|ro|gr|cz|hu|at|ru|tr|ph|mx|ar|za|sg|hk|kr"
)
URL = re.compile(
    r"(?<![\w@.-])(?:"
    r"(?:https?|ftp)://[^\s<>\"'`]+"  # with a scheme: everything up to whitespace or quotes
    r"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s<>\"'`]*)?"
    r"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + _BARE_TLDS + r")(?:\.[a-z]{2})?\b(?:/[^\s<>\"'`]*)?"
    r")",
)
# Spelled-out addresses: the at and the dots as words or in brackets. A plain " at " is accepted only with at least one
# " dot " after it and a common top-level domain, so prose ("meet at noon") is not an address.
_AT = r"(?P<at>\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+(?:at|AT)\s+)"
_DOT = r"(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+(?:dot|DOT)\s+|\.)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
OBFUSCATED_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<local>[A-Za-z0-9][\w+-]*(?:"
    + _DOT
    + r"[A-Za-z0-9][\w+-]*){0,3})"
    + _AT
    + r"(?P<domain>"
    + _LABEL
    + r"(?:"
    + _DOT
    + _LABEL
    + r")*"
    + _DOT
    + r")(?P<tld>[A-Za-z]{2,12})(?![\w-])"
)
_OBFUSCATION_HINT = re.compile(r"[\[({<]\s*(?:at|@|dot)\s*[\])}>]|\s(?:dot|DOT)\s", re.IGNORECASE)
_SPELLED_TLDS = frozenset("com org net edu gov io dev co uk de fr nl es it ca au in me info".split())
_KNOWN_TLDS = frozenset(_BARE_TLDS.split("|")) | _SPELLED_TLDS

_URL_TRAILING = ".,;:!?)]}"
_URL_HOST = re.compile(r"^(?:[a-z]+://)?([^/?#:]+)", re.IGNORECASE)

SSN = re.compile(r"(?<![\w.-])(\d{3})([- .]?)(\d{2})([- .]?)(\d{4})(?![\w-]|\.\d)")
# Numbers the SSA voided after they were printed on sample cards and in advertisements.
_VOID_SSNS = frozenset({"078051120", "219099999", "123456789"})

CARD = re.compile(r"(?<![\w.-])\d(?:[ -]?\d){11,18}(?![\w-]|\.\d)")

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
DATE = (
    r"(?:(?<!\d)(?:19|20)\d\d(?P<s1>[-/.])" + _MONTH_NUM + r"(?P=s1)" + _DAY + r"(?!\d)"
    r"|(?<!\d)" + _DAY + r"(?P<s2>[-/.])" + _DAY + r"(?P=s2)(?:19|20)?\d\d(?!\d)"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r",?\s+\d{4}"
    r"|\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
DOB = re.compile(
    r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|geboren(?:\s+am)?|geburtsdatum|née?|"
    r"fecha\s+de\s+nacimiento|date\s+de\s+naissance|data\s+di\s+nascita|data\s+de\s+nascimento|doğum\s+tarihi|"
    r"geboortedatum|födelsedatum)\b[\s:.\-]{0,4}(?:on\s+)?"
    r"(?P<date>" + DATE + r")",
    re.IGNORECASE,
)
DATE_OR_TIME = re.compile(DATE + r"|\b\d{1,2}:\d{2}(?::\d{2})?\b", re.IGNORECASE)


def luhn_ok(digits: str) -> bool:
    """True when digits pass the Luhn checksum every card number carries."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card_brand_ok(digits: str) -> bool:
    """Issuer prefixes of the major brands (Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, UATP)."""
    first = digits[0]
    if first in "23456":
        return True
    if first == "1":  # UATP cards are 15 digits; JCB also issued 1800 and 2131 (handled above) prefixes
        return len(digits) == 15
    if first == "8":  # UnionPay 81
        return digits.startswith("81")
    return False


def find_emails(text: str) -> Iterator[Hit]:
    """Email addresses, also spelled out to dodge scrapers ("jane [at] example [dot] com", "jo dot li at x dot org")."""
    for m in EMAIL.finditer(text):
        yield m.start(), m.end(), "EMAIL_ADDRESS"
    if not _OBFUSCATION_HINT.search(text):
        return
    pos = 0
    while True:
        found = OBFUSCATED_EMAIL.search(text, pos)
        if found is None:
            return
        if _spelled_out_ok(found):
            yield found.start(), found.end(), "EMAIL_ADDRESS"
            pos = found.end()
        else:
            pos = found.start() + 1  # "me at jane.doe [at] gmail": try again from the next character


def _spelled_out_ok(m: re.Match[str]) -> bool:
    """Bracketed at or dots are telling; an all-plain "x at y dot com" also needs a common TLD and one case."""
    tld = m.group("tld").lower()
    if len(tld) != 2 and tld not in _KNOWN_TLDS:
        return False  # "the [at] and [dot] tokens": no top-level domain
    bracketed = re.search(r"[\[({<]", m.group("at")) or re.search(r"[\[({<]", m.group("domain"))
    if bracketed:
        return True
    address = re.sub(r"\b(?:dot|DOT)\b|\W", "", m.group("local") + m.group("domain") + m.group("tld"))
    one_case = address.islower() or address.isupper()  # "the team at Acme dot com" is prose
    return one_case and m.group("tld").lower() in _SPELLED_TLDS and bool(re.search(r"\sdot\s", m.group(), re.I))


def find_urls(text: str) -> Iterator[Hit]:
    """Web addresses with a scheme, www. or a common TLD (profile links, personal sites)."""
    for m in URL.finditer(text):
        value = m.group().rstrip(_URL_TRAILING)
        host = _URL_HOST.match(value)
        if not host or "." not in host.group(1) or not re.search(r"\.[A-Za-z]{2,}$", host.group(1)):
            continue  # http://microsoft, www.microsoft: no top-level domain, not an address
        yield m.start(), m.start() + len(value), "URL"


def find_ssns(text: str) -> Iterator[Hit]:
    """US social security numbers in 3-2-4 layout, excluding ranges the SSA never issues."""
    for m in SSN.finditer(text):
        area, sep1, group, sep2, serial = m.groups()
        if sep1 and sep2 and sep1 != sep2:
            continue  # 693-09.4444: mixed separators are not how an SSN is written
        if area in {"000", "666"} or area[0] == "9" or group == "00" or serial == "0000":
            continue
        digits = area + group + serial
        if digits in _VOID_SSNS or len(set(digits)) == 1:
            continue
        yield m.start(), m.end(), "US_SSN"


def find_cards(text: str) -> Iterator[Hit]:
    """Payment card numbers of 12-19 digits with a known issuer prefix and a valid Luhn checksum."""
    for m in CARD.finditer(text):
        value = m.group()
        digits = value.replace(" ", "").replace("-", "")
        if not 12 <= len(digits) <= 19 or len(set(digits)) == 1:
            continue
        if _card_brand_ok(digits) and luhn_ok(digits):
            yield m.start(), m.end(), "CREDIT_CARD"


def find_dobs(text: str) -> Iterator[Hit]:
    """Dates that a birth cue (DOB, date of birth, born) introduces."""
    for m in DOB.finditer(text):
        yield m.start("date"), m.end("date"), "DATE_OF_BIRTH"
