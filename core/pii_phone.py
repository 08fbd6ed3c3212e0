"""Phone numbers: a cheap regex proposes digit runs, phonenumbers and nearby cue words decide."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from core.pii_patterns import DATE_OR_TIME, Hit

# Digit groups joined by single separators, an optional international prefix and extension.
_CANDIDATE = re.compile(
    r"(?<![\w+.,/-])"
    r"(?:\+|00)?\s?"
    r"(?:\(\d{1,4}\)[ .\-/]?)?"
    r"\d+(?:(?:[ \-./]|\s?\(\d{1,4}\)\s?|[ -]?\(0\)[ -]?)\d+)*"
    r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?"
    r"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"\s?(?:x|ext\.?|extension)\s?\d{1,5}$", re.IGNORECASE)
# Words that announce a phone number shortly before or after it.
_CUE = re.compile(
    r"\b(?:phone|tel|telephone|telefon|telepono|mobile|mob|cell|cellphone|fax|desk|office|home|work|whatsapp|"
    r"call|calling|text|sms|messages?|reach|dial|answering|contact|number|numaram|numero|n[uú]mero|cep|hotline|tlf|"
    r"puh|puhelin|gsm|handy|m[oó]vil|celular|tfno|fon|telefone|telefoon|τηλ|тел)\b",
    re.IGNORECASE,
)
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_SSN_LAYOUT = re.compile(r"^\d{3}([- .])\d{2}\1\d{4}$")  # the 3-2-4 grouping is an SSN's, never a phone's
_YEAR_RANGE = re.compile(r"^(?:19|20)\d\d\s?[-/]\s?(?:(?:19|20)?\d\d)$")
# Regions whose numbering plans are strict enough that "valid" means something; German and Swedish plans
# accept almost any digit run and are left to the cue words.
_REGIONS = (
    "US", "GB", "FR", "IN", "BR", "JP", "CN", "PH", "TR", "AU", "ES", "IT", "NL", "MX", "CH", "ZA", "PL", "DK", "NO",
    "FI", "RU", "HU", "GR", "CZ", "PT", "AT", "BE", "IE", "NZ", "SG",
)  # fmt: skip
# "25 000 000" or "3.500.000" are amounts written with thousands separators, not phone numbers.
_THOUSANDS = re.compile(r"^\d{1,3}(?:([ .])\d{3})(?:\1\d{3})*$")
_CUE_WINDOW = 30
_ASCENDING = "01234567890123456789"  # 1234567890 and kin are placeholders, never someone's number


def _valid_somewhere(number: str) -> bool:
    for region in _REGIONS:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return True
    return False


def _international_ok(number: str, digits: int) -> bool:
    """A "+" and 8-15 digits is a phone number even when its plan is unknown here ("+358 043483954")."""
    if number.startswith("+") and 8 <= digits <= 15:
        return True
    try:
        parsed = phonenumbers.parse(number.replace("(0)", ""), None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(parsed)


def _has_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _CUE_WINDOW) : start]
    after = text[end : end + 12]
    return bool(_CUE.search(before) or _CUE.search(after))


def _candidates(text: str) -> Iterator[tuple[int, str]]:
    """(start, value) of digit runs with at least 7 digits; a date or time inside one is blanked and the rest re-read,
    so that "1992-02-08 20:15" is never taken for a phone number."""
    for m in _CANDIDATE.finditer(text):
        value = m.group()
        if sum(ch.isdigit() for ch in value) < 7:
            continue
        masked = DATE_OR_TIME.sub(lambda d: "#" * len(d.group()), value) if any(c in value for c in "-/.") else value
        if masked == value:
            yield m.start(), value
            continue
        for sub in _CANDIDATE.finditer(masked):
            if sum(ch.isdigit() for ch in sub.group()) >= 7:
                yield m.start() + sub.start(), sub.group()


def find_phones(text: str) -> Iterator[Hit]:
    """Phone numbers in international and regional layouts."""
    for raw_start, raw in _candidates(text):
        value = raw.strip()
        start = raw_start + (len(raw) - len(raw.lstrip()))
        end = start + len(value)
        core = _EXTENSION.sub("", value)
        digits = re.sub(r"\D", "", core.replace("(0)", ""))
        if not 7 <= len(digits) <= 15 or len(set(digits)) == 1:
            continue
        if _IP.match(core) or _YEAR_RANGE.match(core) or _SSN_LAYOUT.match(core) or digits in _ASCENDING:
            continue
        if core.startswith("+") or core.startswith("00"):
            ok = _international_ok("+" + core[2:] if core.startswith("00") else core, len(digits))
        elif _has_cue(text, start, end):
            ok = True
        else:
            ok = not _THOUSANDS.match(core) and _valid_somewhere(core)
        if ok:
            yield start, end, "PHONE_NUMBER"
