"""Street addresses: US and international layouts, unit lines, military mail and the city/postcode block after."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.pii_patterns import Hit

_L = r"[^\W\d_]"  # a letter of any script
# A word starting with a letter, with inner apostrophes (Queen's) and an optional abbreviation dot.
_WORD = _L + r"(?:[^\W_]|['’](?=[^\W\d_]))*\.?"
_NUM = r"\d{1,6}[A-Za-z]?"
# English street types are matched capitalised only, so "won 1st place" or "3 drive failures" stay prose.
_EN_TYPES = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Av|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|"
    r"Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Crescent|Cres|Close|Row|Walk|Alley|Loop|Plaza|"
    r"Pike|Route|Rte|Expressway|Freeway|Causeway|Esplanade|Mews|Gardens|Grove|Hill|Heights|Park|Point|Ridge|"
    r"Run|Path|Pass|Crossing|Junction|Landing|View|Vista|Creek|Green|Quay|Wharf)"
)
_EN_TYPE_WORD = r"(?:" + _EN_TYPES + r"|" + _EN_TYPES.upper() + r")\b\.?"
# Street words of other languages. Glued ones end a compound name (Pohlstrasse, Magasinsgatan, Ringvej) and are
# distinctive enough to match at a word's end; short or English-looking ones (gate, ring, tie) only stand alone,
# so "mitigate 12 risks" or "Spring 2022" stay prose.
_GLUED = (
    r"(?:stra(?:ss|ß)e|str\.|straeti|stræti|gasse|weg|vej|gade|gatan|gata|vägen|väg|veien|laan|straat|plein|kuja|katu|"
    r"polku|vegur|allee|platz|dijk|gracht|steeg|utca|ulica|caddesi|sokak|sokağı|damm|chaussee|ufer|pfad|steig)"
)
_STANDALONE = r"(?:gate|vei|tie|ring|kade|út|tér|körút|ulice|náměstí|třída|bulvarı)"
_INTL_SUFFIX = r"(?:" + _L + r"*" + _GLUED + r"|" + _STANDALONE + r")"
_PREFIX_WORDS = frozenset(
    "rua rúa rue calle carrer avenida avda avda. av. via viale piazza corso largo praça travessa camino paseo carrera "
    "plaza ulica ul. πλατεία οδός λεωφόρος улица ул. проспект пр.".split()
)
_INTL_PREFIX = "(?:" + "|".join(re.escape(w) for w in sorted(_PREFIX_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.?|Room|Rm\.?|Box|#)\s*#?\s*\d+[A-Za-z]?"
_UNIT_RE = re.compile(r"(?:[ \t]*,?[ \t]*" + _UNIT + r")+", re.IGNORECASE)
_UNIT_LINE = re.compile(r"[ \t]*\n[>\s]*" + _UNIT + r"(?:[ \t,]+" + _UNIT + r")*", re.IGNORECASE)

_NAME = r"(?:(?:" + _WORD + r"|\d{1,4}(?:st|nd|rd|th)?|[NSEW]{1,2}\.?|\(" + _WORD + r"\))[ \t]+)"
# 1) number first, then a street type: 221 Baker Street, 1600 Pennsylvania Ave NW, 2046 50 Point Walter Road
_US = re.compile(r"(?<![\w$.,-])" + _NUM + r"[ \t]+" + _NAME + r"{0,4}?" + _EN_TYPE_WORD + r"(?:[ \t]+[NSEW]{1,2}\b)?")
# 2) number, name words, house number: 5049 Harjukuja 54, 654 Rua Ana Caciola 1159 (confirmed below)
_INTL = re.compile(
    r"(?<![\w$.,-])" + _NUM + r"[ \t]+((?:" + _WORD + r"[ \t]+){1,4})" + _NUM + r"\b\.?",
    re.IGNORECASE,
)
# 3) name first, then number: Pohlstrasse 9, Calle Mayor 5, Brucker Bundesstrasse 31. Anchored on the house
# number and checked in code: a regex that tries every street suffix at every letter costs milliseconds.
_NUMBER = re.compile(r"(?<![\w$.,-])\d")  # where every number-led pattern is tried, anchored
_HOUSE_NUMBER = re.compile(r"\d{1,5}[a-z]?\b")
_WORDS_BEFORE = re.compile(r"(?:(?<=[\s>(\[\"'“,;:])|^)((?:" + _WORD + r"[ \t]+){1,4})$")
_UNIT_BEFORE = re.compile(_UNIT + r"[ \t]+$", re.IGNORECASE)
_GLUED_END = re.compile(_GLUED + r"$", re.IGNORECASE)
_STANDALONE_WORD = re.compile(_STANDALONE + r"$", re.IGNORECASE)
# 4) number first, then a street word of the Romance languages: 25 Rue de Rivoli, 12 Via Roma
_NUM_PREFIX = re.compile(
    r"(?<![\w$.,-])" + _NUM + r",?[ \t]+(" + _INTL_PREFIX + r")(?:[ \t]+" + _WORD + r"){1,4}", re.IGNORECASE
)
_PO_BOX = re.compile(r"\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}\b", re.IGNORECASE)
# 5) US military mail: PSC 0413, Box 8144 / APO AA 42323; USCGC Name / FPO AA 65607
_MILITARY = re.compile(
    r"(?:(?:PSC|Unit|CMR)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{3,5}|(?:USNS|USNV|USS|USCGC)[ \t]+" + _WORD + r")"
    r"\s*\n?[> \t]*[ADF]PO[ \t]+A[AEP][ \t]+\d{5}",
    re.IGNORECASE,
)
_SUFFIX_WORD = re.compile(r"\b" + _INTL_SUFFIX + r"\b", re.IGNORECASE)
_PREFIX_START = re.compile(_INTL_PREFIX + r"(?!\w)", re.IGNORECASE)
_ADDRESS_CUE = re.compile(
    r"(?:address|lives?\s+at|living\s+at|located\s+at|resid\w*|reside\s+at|moved\s+to|anschrift|adres\w*|"
    r"dirección|domicil\w*)\W{0,3}$",
    re.IGNORECASE,
)
# The city/region lines that may follow, ending with a postal code: "Akureyri\n Iceland 80296".
_PLACE_LINE = r"\n[> \t,]*[^\W\d_][^\d\n:@]{0,40}"
_POSTAL_TAIL = re.compile(r"(?:" + _PLACE_LINE + r"){0,3}?\n?[> \t,]*[^\d\n:@]{0,40}?\b\d{3}[ ]?\d{2}(?:-\d{4})?\b")
# A word that starts with a capital and holds no digit ("NW1" is a postcode, not a place name).
_CAP = r"(?:[^\W\d_](?<=[^\W\d_a-zß-ÿ])[^\s,\d]*(?=[\s,.;:)!?]|$)|\([^\W\d_]+\))"
_PLACE_WORDS = _CAP + r"(?:[ \t]+(?:" + _CAP + r"|[a-zà-ÿ]{1,3}(?=[ \t]+[^\W\d_])))*"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
# ", Springfield, IL 62704" (US), ", London NW1 6XE" (UK) or ", 10115 Berlin" (postcode first, most of Europe).
_SAME_LINE_TAIL = re.compile(
    r"(?:,[ \t]*" + _PLACE_WORDS + r"){1,3}(?:[ \t]+(?:" + _UK_POSTCODE + r"|[A-Z]{2}))?(?:[ \t]+\d{4,5}(?:-\d{4})?)?"
    r"|,?[ \t]*(?:\d{4,5}|\d{4}-\d{3})[ \t]+" + _PLACE_WORDS
)


def _confirmed_intl(text: str, m: re.Match[str]) -> bool:
    """A number-name-number run is an address only with a street word, a unit, a place after it, or a cue."""
    words = m.group(1).split()
    if _SUFFIX_WORD.search(m.group(1)) or re.match(r"[A-Za-z#]", m.group()):
        return True
    if _PREFIX_START.match(words[0]):
        return _prefix_ok(text, m, words[0])
    if not all(w[0].isupper() for w in words if w[0].isalpha()):
        return False
    rest = text[m.end() : m.end() + 40]
    if _UNIT_RE.match(rest) or _UNIT_LINE.match(rest):
        return True
    if re.match(r"[ \t]*,[ \t]*[^\W\d_]", rest) or re.match(r"[ \t]*\n[> \t]*[^\W\d_]", rest):
        return not re.match(r"\s*\n[> \t]*[^\n]*:", rest)  # a "Label:" line after it is a form, not a city
    return bool(_ADDRESS_CUE.search(text[max(0, m.start() - 30) : m.start()]))


def _capitalised(text: str, m: re.Match[str]) -> bool:
    """Street names are capitalised ("221 Baker Street"), unless the whole line is written in lower case."""
    words = m.group().split()[1:]
    if all(w[0].isupper() or w[0].isdigit() or w[0] == "(" for w in words):
        return True
    line = _line_of(text, m)
    return line == line.lower()


def _name_first_start(text: str, pos: int) -> int | None:
    """Where a name-first street before the house number at pos starts, or None when the words are not one."""
    if pos == 0 or text[pos - 1] not in " \t" or not _HOUSE_NUMBER.match(text, pos):
        return None
    seg_start = max(text.rfind("\n", 0, pos) + 1, pos - 80)
    tokens = text[seg_start:pos].split()[-4:]
    if not tokens:
        return None
    # Cheap checks first (this runs for every number in the text); the regex confirms the few that pass.
    street_last = bool(_GLUED_END.search(tokens[-1].rstrip("."))) or bool(_STANDALONE_WORD.fullmatch(tokens[-1]))
    prefix = next((t for t in tokens[:-1] if t.lower() in _PREFIX_WORDS), None)
    if not street_last and prefix is None:
        return None
    before = _WORDS_BEFORE.search(text, seg_start, pos)
    if not before:
        return None
    words = list(re.finditer(r"\S+", before.group(1)))
    if street_last:
        return before.start(1) + words[-1].start()
    for w in words[:-1]:
        if w.group().lower() in _PREFIX_WORDS and _prefix_ok(text, before, w.group()):
            return before.start(1) + w.start()
    return None


def _prefix_ok(text: str, m: re.Match[str], word: str) -> bool:
    """A Romance street word counts when capitalised (Via Roma), so "sent via Kafka 2" stays prose."""
    line = _line_of(text, m)
    return word[0].isupper() or line == line.lower()


def _line_of(text: str, m: re.Match[str]) -> str:
    """The whole line a match sits on."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    return text[line_start : line_end if line_end != -1 else len(text)]


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


def find_addresses(text: str) -> Iterator[Hit]:
    """Street addresses with their unit and, when laid out as a block, their city and postal code."""
    if not any(ch.isdigit() for ch in text):
        return
    low = text.lower()
    if "box" in low or "po a" in low:
        for m in _MILITARY.finditer(text):
            yield m.start(), m.end(), "STREET_ADDRESS"
        for m in _PO_BOX.finditer(text):
            yield m.start(), _extend(text, m.end()), "STREET_ADDRESS"
    for n in _NUMBER.finditer(text):
        pos = n.start()
        m = _US.match(text, pos)
        if m and _capitalised(text, m):
            yield pos, _extend(text, m.end()), "STREET_ADDRESS"
        m = _NUM_PREFIX.match(text, pos)
        if m and _prefix_ok(text, m, m.group(1)):
            yield pos, _extend(text, m.end()), "STREET_ADDRESS"
        m = _INTL.match(text, pos)
        if m and _confirmed_intl(text, m):
            unit = _UNIT_BEFORE.search(text, max(0, pos - 16), pos)
            yield (unit.start() if unit else pos), _extend(text, m.end()), "STREET_ADDRESS"
        start = _name_first_start(text, pos)
        if start is not None:
            yield start, _extend(text, _HOUSE_NUMBER.match(text, pos).end()), "STREET_ADDRESS"
