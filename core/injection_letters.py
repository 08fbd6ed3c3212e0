"""Latin letters written with other Unicode characters, read back as the letters they stand for.

NFKC already folds the styled letters that have a compatibility decomposition (mathematical bold, fullwidth,
circled). Others a reader still sees as letters have none: small capitals ("ʀᴀɴᴋ"), negative squared and negative
circled letters ("🆁🅰🅽🅺"), regional-indicator letters ("🇷 🇦 🇳 🇰"), parenthesized letters (NFKC gives "(r)"),
subscripts. Rather than list blocks one by one, a character counts as a letter when its Unicode *name* says it is a
Latin letter, whatever the block ("… LATIN … LETTER … R", "REGIONAL INDICATOR SYMBOL LETTER R"); letters turned or
reversed are left to the upside-down decoder. Braille cells (U+2800-U+28FF) are read as grade-1 English Braille, one
cell a letter, the blank cell a space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "LATIN LETTER SMALL CAPITAL R", "NEGATIVE SQUARED LATIN CAPITAL LETTER R", "REGIONAL INDICATOR SYMBOL LETTER R",
# "PARENTHESIZED LATIN SMALL LETTER R", "LATIN SUBSCRIPT SMALL LETTER R": the name ends with the letter itself.
_LETTER_NAME = re.compile(
    r"^(?:[A-Z]+ )*?(?:LATIN|REGIONAL INDICATOR SYMBOL)\b(?: [A-Z]+)*? LETTER (?:[A-Z]+ )*?([A-Z])$"
)
_NOT_A_PLAIN_LETTER = ("COMBINING", "TURNED", "REVERSED", "INVERTED", "TAG ", "WITH ", "SIGN")

# Grade-1 English Braille: the dots of each letter (dot n is bit n-1 of the cell's offset from U+2800).
_BRAILLE_DOTS = {
    "a": "1", "b": "12", "c": "14", "d": "145", "e": "15", "f": "124", "g": "1245", "h": "125", "i": "24",
    "j": "245", "k": "13", "l": "123", "m": "134", "n": "1345", "o": "135", "p": "1234", "q": "12345", "r": "1235",
    "s": "234", "t": "2345", "u": "136", "v": "1236", "w": "2456", "x": "1346", "y": "13456", "z": "1356",
}  # fmt: skip
_BRAILLE = {sum(1 << (int(d) - 1) for d in dots): letter for letter, dots in _BRAILLE_DOTS.items()}
_BRAILLE_MARKS = {0: " ", 0b100000: "", 0b000010: ",", 0b110010: ".", 0b100110: "?", 0b010110: "!"}


@lru_cache(maxsize=4096)
def letter_of(ch: str) -> str | None:
    """The Latin letter (or space/punctuation, for Braille) ch is read as, or None when it is no letter look-alike."""
    code = ord(ch)
    if 0x2800 <= code <= 0x28FF:
        cell = code - 0x2800
        return _BRAILLE.get(cell, _BRAILLE_MARKS.get(cell))
    if code < 0x250:
        return None  # ASCII and Latin-1/Extended-A/B: accents are dropped by NFD, nothing to read here
    name = unicodedata.name(ch, "")
    if "LETTER" not in name or any(word in name for word in _NOT_A_PLAIN_LETTER):
        return None
    m = _LETTER_NAME.match(name)
    if m is None:
        return None
    letter = m.group(1)
    small = "SMALL" in name and "SMALL CAPITAL" not in name or "SUBSCRIPT" in name or "MODIFIER" in name
    return letter.lower() if small else letter
