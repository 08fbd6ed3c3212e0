"""Street addresses: US and international layouts, unit lines, military mail and the city/postcode block after."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from core.pii_address_words import (
    ADDRESS_CUE,
    CUE_STEMS,
    EN_STRONG,
    EN_TYPE_WORD,
    EN_WEAK,
    GLUED,
    INTL_PREFIX,
    NUMBER_MARKERS,
    PREFIX_AMBIGUOUS,
    PREFIX_WORDS,
    STANDALONE,
)
from core.pii_patterns import Hit

_L = r"[^\W\d_]"  # a letter of any script
# A word starting with a letter, with inner apostrophes or hyphens (Queen's, Rico-Siering-Gasse) and an
# optional abbreviation dot.
_WORD = _L + r"(?:[^\W_]|['’-](?=[^\W\d_]))*\.?"
_NUM = r"\d{1,6}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?)?"
_UNIT = (
    r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Studio|Floor|Fl\.?|Room|Rm\.?|Box|Block|Blk\.?|Lot|H\.?\s?No\.?|Piso|"
    r"Planta|Puerta|#)\s*#?\s*\d+[A-Za-z]?"
)
# Repetitions are capped so that pathological input ("Apt 4 Apt 4 ...") stays linear.
_UNIT_RE = re.compile(r"(?:[ \t]*,?[ \t]*" + _UNIT + r"){1,3}", re.IGNORECASE)
_UNIT_LINE = re.compile(r"[ \t]*\n[>\s]*" + _UNIT + r"(?:[ \t,]+" + _UNIT + r"){0,2}", re.IGNORECASE)
_UNIT_BEFORE = re.compile(_UNIT + r"[ \t,]+$", re.IGNORECASE)
_UNIT_START = re.compile(_UNIT, re.IGNORECASE)

_NAME = r"(?:(?:" + _WORD + r"|\d{1,4}(?:st|nd|rd|th)?|[NSEW]{1,2}\.?|\(" + _WORD + r"\))[ \t]+)"
# 1) number first, then a street type: 221 Baker Street, 1600 Pennsylvania Ave NW, "601\nChandra Circle"
_US = re.compile(
    r"(?<![\w$.,-])"
    + _NUM
    + r"(?:[ \t]+|[ \t]*\n[> \t]*)"
    + _NAME
    + r"{0,4}?"
    + EN_TYPE_WORD
    + r"(?:[ \t]+[NSEW]{1,2}\b)?"
)
# 1b) a unit, then the street without a number: "Flat 60\nPaula Court"
_UNIT_STREET = re.compile(
    r"\b(?:Apt\.?|Apartment|Suite|Unit|Flat|Studio|H\.?\s?No\.?)[ \t]*#?[ \t]*\d+[A-Za-z]?[ \t]*[,\n][> \t]*"
    + _NAME
    + r"{0,3}?"
    + _WORD
    + r"[ \t]+"
    + EN_TYPE_WORD
)
# 2) number, name words, house number: 5049 Harjukuja 54, 654 Rua Ana Caciola 1159 (confirmed below)
_INTL = re.compile(r"(?<![\w$.,-])" + _NUM + r"[ \t]+((?:" + _WORD + r"[ \t]+){1,4})" + _NUM + r"\b\.?", re.IGNORECASE)
# 3) name first, then the house number: Pohlstrasse 9, Calle Mayor 5, Passarela Rezende, 2 / S/N. Anchored on
# the number and checked in code: a regex trying every street word at every letter costs milliseconds.
_NUMBER = re.compile(r"(?<![\w$.,-])\d|(?<![\w/])[Ss]/[Nn]\b")
_HOUSE_NUMBER = re.compile(r"(?:\d{1,5}[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?|[Ss]/[Nn])\b")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*,?")
_GLUED_END = re.compile(GLUED + r"$", re.IGNORECASE)
_STANDALONE_WORD = re.compile(STANDALONE, re.IGNORECASE)
_SUFFIX_WORD = re.compile(r"\b(?:" + _L + r"*" + GLUED + r"|" + STANDALONE + r")\b", re.IGNORECASE)
_PREFIX_START = re.compile(INTL_PREFIX + r"(?!\w)", re.IGNORECASE)
# 4) number first, then a street word that comes before the name: 25 Rue de Rivoli, "16, boulevard Gauthier"
_NUM_PREFIX = re.compile(
    r"(?<![\w$.,-])" + _NUM + r"(,?)[ \t]+(" + INTL_PREFIX + r")(?:[ \t]+" + _WORD + r"){1,4}", re.IGNORECASE
)
# 6) Japanese block addresses: 26丁目13番16号
_JP_BLOCK = re.compile(r"[^\s\d]{0,12}\d{1,3}丁目\d{1,3}(?:番地?|-)\d{1,4}(?:号)?")
_PO_BOX = re.compile(r"\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}\b", re.IGNORECASE)
# 5) US military mail: PSC 0413, Box 8144 / APO AA 42323; USCGC Name / FPO AA 65607
_MILITARY = re.compile(
    r"(?:(?:PSC|Unit|CMR)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{3,5}|(?:USNS|USNV|USS|USCGC)[ \t]+" + _WORD + r")"
    r"\s*\n?[> \t]*[ADF]PO[ \t]+A[AEP][ \t]+\d{5}",
    re.IGNORECASE,
)
# The city/region lines that may follow, ending with a postal code: "Akureyri\n Iceland 80296".
_PLACE_LINE = r"\n[> \t,]*[^\W\d_][^\d\n:@]{0,40}"
_POSTAL_TAIL = re.compile(r"(?:" + _PLACE_LINE + r"){0,3}?\n?[> \t,]*[^\d\n:@]{0,40}?\b\d{3}[ ]?\d{2}(?:-\d{4})?\b")
# A word that starts with a capital and holds no digit ("NW1" is a postcode, not a place name).
_CAP = r"(?:[^\W\d_](?<=[^\W\d_a-zß-ÿ])[^\s,\d]*(?=[\s,.;:)!?]|$)|\([^\W\d_]+\))"
_PLACE_WORDS = _CAP + r"(?:[ \t]+(?:" + _CAP + r"|[a-zà-ÿ]{1,3}(?=[ \t]+[^\W\d_]))){0,5}"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
# ", Springfield, IL 62704" (US), ", London NW1 6XE" (UK) or ", 10115 Berlin" (postcode first, most of Europe).
_SAME_LINE_TAIL = re.compile(
    r"(?:,[ \t]*" + _PLACE_WORDS + r"){1,3}(?:[ \t]+(?:" + _UK_POSTCODE + r"|[A-Z]{2}))?(?:[ \t]+\d{4,5}(?:-\d{4})?)?"
    r"|,?[ \t]*(?:\d{4,5}|\d{4}-\d{3})[ \t]+" + _PLACE_WORDS
)


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line (or lines) a span sits on."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end != -1 else len(text)]


def _lower_line(text: str, start: int, end: int) -> bool:
    line = _line_of(text, start, end)
    return line == line.lower()


@lru_cache(maxsize=16)
def _cue_ends(text: str) -> frozenset[int]:
    """Positions right after an address cue ("Address:", "lives at") and up to three marks after it."""
    ends: set[int] = set()
    low = text.lower()
    if not any(stem in low for stem in CUE_STEMS):  # the cue regex is slow; most texts hold none of its words
        return frozenset()
    for m in ADDRESS_CUE.finditer(text):
        end = m.end()
        ends.add(end)
        while end < len(text) and end - m.end() < 3 and not (text[end].isalnum() or text[end] == "_"):
            end += 1
            ends.add(end)
    return frozenset(ends)


def _cue_before(text: str, start: int) -> bool:
    """True when an address cue ends right before start (computed once per text)."""
    return start in _cue_ends(text)


def _followed_like_address(text: str, end: int) -> bool:
    """A unit, a ", City" or a place line after a street makes an ambiguous one an address."""
    rest = text[end : end + 60]
    if _UNIT_RE.match(rest) or _UNIT_LINE.match(rest):
        return True
    if re.match(r"[ \t]*,[ \t]*[^\W\d_]", rest) or re.match(r"[ \t]*\n[> \t]*[^\W\d_]", rest):
        return not re.match(r"\s*\n[> \t]*[^\n]*:", rest)  # a "Label:" line after it is a form, not a city
    return False


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line = _line_of(text, start, end)
    return line.strip(" \t>•*-,.") == text[start:end].strip(" \t>•*-,.")


def _us_ok(text: str, m: re.Match[str]) -> bool:
    """Capitalised names (unless the line is lower case); weak street types need more evidence."""
    words = m.group().split()[1:]
    if not all(not w[0].islower() for w in words) and not _lower_line(text, m.start(), m.end()):
        return False
    kind = m.group("type").rstrip(".").title()
    if not {kind, kind.removesuffix("s"), kind.removesuffix("es")} & EN_WEAK:
        return True
    if _UNIT_START.match(m.group()) or _UNIT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return True
    return (
        _followed_like_address(text, m.end())
        or _cue_before(text, m.start())
        or _alone_on_line(text, m.start(), m.end())
    )


def _confirmed_intl(text: str, m: re.Match[str]) -> bool:
    """A number-name-number run is an address only with a street word, a unit, a place after it, or a cue."""
    words = m.group(1).split()
    if _SUFFIX_WORD.search(m.group(1)):
        return True
    if _PREFIX_START.match(words[0]):
        return _prefix_ok(text, m.start(), m.end(), words[0], comma=False)
    if not all(not w[0].islower() for w in words if w[0].isalpha()):
        return False
    return _followed_like_address(text, m.end()) or _cue_before(text, m.start())


def _prefix_ok(text: str, start: int, end: int, word: str, *, comma: bool) -> bool:
    """A street word before the name counts unless it is also English and written in lower case ("via Kafka")."""
    if word.lower() not in PREFIX_AMBIGUOUS or word[0].isupper() or comma:
        return True
    return _lower_line(text, start, end)


def _name_first_start(text: str, pos: int, *, wide: bool) -> int | None:
    """Where a street written name-first before the house number at pos starts, or None when it is not one.
    Unless wide (the text holds a prefix street word or an address cue), only a street suffix can make one."""
    if pos == 0 or text[pos - 1] not in " \t" or not _HOUSE_NUMBER.match(text, pos):
        return None
    if not wide:
        word_start = text.rfind(" ", 0, pos - 1) + 1
        last = text[max(word_start, text.rfind("\n", 0, pos - 1) + 1) : pos - 1].rstrip(",")
        if not (_GLUED_END.search(last) or _GLUED_END.search(last.rstrip(".")) or _STANDALONE_WORD.fullmatch(last)):
            return None
    seg_start = max(text.rfind("\n", 0, pos) + 1, pos - 80)
    tokens = list(re.finditer(r"\S+", text[seg_start:pos]))[-6:]
    while tokens and tokens[-1].group().lower() in NUMBER_MARKERS:
        tokens.pop()
    # The run of name-like words right before the number (at most four).
    run: list[re.Match[str]] = []
    for tok in reversed(tokens):
        if len(run) == 6 or not _NAME_TOKEN.fullmatch(tok.group()) or (run and tok.group().endswith(",")):
            break
        run.insert(0, tok)
    if not run:
        return None
    last = run[-1].group().rstrip(",")
    if _GLUED_END.search(last) or _GLUED_END.search(last.rstrip(".")) or _STANDALONE_WORD.fullmatch(last.rstrip(".")):
        return seg_start + run[-1].start()
    for k, tok in enumerate(run[:-1]):
        if tok.group().lower() in PREFIX_WORDS:
            index = tokens.index(tok)
            before = tokens[index - 1].group().lower() if index > 0 else ""
            # Lower-case abbreviations (ul., al., pl.) are how Polish writes streets; "et al. Nature 2019" is not.
            abbreviation = tok.group().endswith(".") and run[k + 1].group()[0].isupper() and before != "et"
            if abbreviation or _prefix_ok(text, seg_start + tok.start(), pos, tok.group(), comma=False):
                return seg_start + tok.start()
            break
    for tok in run:
        if _cue_before(text, seg_start + tok.start()):
            return seg_start + tok.start()
    return None


def _extend(text: str, end: int) -> int:
    """Grow an address over its unit tokens, unit lines and the city/postcode block that follows."""
    for pattern in (_UNIT_RE, _UNIT_LINE, _UNIT_RE):
        m = pattern.match(text, end)
        if m and m.end() > end:
            end = m.end()
    m = _SAME_LINE_TAIL.match(text, end)
    if m:
        end = m.end()
    m = _POSTAL_TAIL.match(text, end)
    if m and text.count("\n", end, m.end()) <= 4:
        end = m.end()
    return end


_LETTERS = re.compile(r"[^\W\d_]+")
_EN_TYPE_SET = frozenset(w for t in EN_STRONG | EN_WEAK for w in (t, t.upper(), t + "s", t + "es", t.upper() + "S"))
_PREFIX_STEMS = frozenset(w.rstrip(".") for w in PREFIX_WORDS if "." not in w.rstrip("."))
_PREFIX_ABBREVIATIONS = tuple(w for w in PREFIX_WORDS if w.endswith("."))


def _has_prefix_abbreviation(low: str) -> bool:
    return any(a in low for a in _PREFIX_ABBREVIATIONS)


# A street name broken over two lines before its type ("123 Main\nStreet, Apt 4"): the break is read as a space.
_SPLIT_STREET = re.compile(
    r"(?<![\w$.,-])\d{1,6}[A-Za-z]?[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*[ \t]*\n[ \t]*"
    r"(?=(?:" + "|".join(sorted(EN_STRONG, key=len, reverse=True)) + r")\b)"
)


def _join_split_streets(text: str) -> str:
    """The text with line breaks inside a street name turned into spaces (same length: spans stay valid)."""
    if "\n" not in text:
        return text
    return _SPLIT_STREET.sub(lambda m: m.group().replace("\n", " "), text)


def find_addresses(text: str) -> Iterator[Hit]:
    """Street addresses with their unit and, when laid out as a block, their city and postal code."""
    text = _join_split_streets(text)
    low = text.lower()
    if not any(ch.isdigit() for ch in text) and "s/n" not in low:
        return
    if "box" in low or "po a" in low:
        for m in _MILITARY.finditer(text):
            yield m.start(), m.end(), "STREET_ADDRESS"
        for m in _PO_BOX.finditer(text):
            yield m.start(), _extend(text, m.end()), "STREET_ADDRESS"
    if "丁目" in text:
        for m in _JP_BLOCK.finditer(text):
            yield m.start(), m.end(), "STREET_ADDRESS"
    if any(word in low for word in ("apt", "apartment", "suite", "unit", "flat")):
        for m in _UNIT_STREET.finditer(text):
            if _us_ok(text, m):
                yield m.start(), _extend(text, m.end()), "STREET_ADDRESS"
    # Which families can occur at all: each test is one cheap pass, and lets most numbers skip most patterns.
    words = set(_LETTERS.findall(text))
    has_types = bool(words & _EN_TYPE_SET)
    has_prefix = bool({w.lower() for w in words} & _PREFIX_STEMS) or "." in text and _has_prefix_abbreviation(low)
    wide = has_prefix or bool(_cue_ends(text)) or "/n" in low or "д." in low
    for n in _NUMBER.finditer(text):
        pos = n.start()
        if text[pos].isdigit():
            hit: re.Match[str] | None = _US.match(text, pos) if has_types else None
            if hit and _us_ok(text, hit):
                yield pos, _extend(text, hit.end()), "STREET_ADDRESS"
            hit = _NUM_PREFIX.match(text, pos) if has_prefix else None
            if hit and _prefix_ok(text, hit.start(), hit.end(), hit.group(2), comma=bool(hit.group(1))):
                yield pos, _extend(text, hit.end()), "STREET_ADDRESS"
            hit = _INTL.match(text, pos)
            if hit and _confirmed_intl(text, hit):
                unit = _UNIT_BEFORE.search(text, max(0, pos - 16), pos)
                yield (unit.start() if unit else pos), _extend(text, hit.end()), "STREET_ADDRESS"
        start = _name_first_start(text, pos, wide=wide)
        if start is not None:
            house = _HOUSE_NUMBER.match(text, pos)
            yield start, _extend(text, house.end() if house else n.end()), "STREET_ADDRESS"
