"""Whole-word search of a name in a text, ignoring case: the one helper behind every "is this term written here"
question of tailoring, validation and scoring.

A pair asks it thousands of times, mostly of the same few texts (the resume, its bullets, the JD's sentences) and
mostly for names the text does not hold. So the lower-cased text is remembered, a plain substring test answers
the common "not there" first, and only a name that is in the text is checked for its word edges by a compiled
pattern (also remembered). The answer is the one `re.search(r"(?<!E)" + re.escape(name.lower()) + r"(?!E)",
text.lower())` gives, E being the edge class: a match of that pattern is always a substring.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = r"\w"  # a name is cut from letters and digits only
WORD_PLUS = r"[\w+#]"  # ... and not from a '+' or '#' either ('C' is not written in 'C++' or 'C#')


@lru_cache(maxsize=4096)
def lowered(text: str) -> str:
    """text.lower(), remembered for the texts asked about again and again."""
    return text.lower()


@lru_cache(maxsize=8192)
def _pattern(needle: str, edge: str) -> re.Pattern[str]:
    return re.compile(f"(?<!{edge})" + re.escape(needle) + f"(?!{edge})")


def found(needle: str, hay: str, edge: str = WORD) -> bool:
    """True when needle is in hay with no `edge` character on either side (both compared as given)."""
    return needle in hay and _pattern(needle, edge).search(hay) is not None


def written_in(name: str, text: str, edge: str = WORD_PLUS) -> bool:
    """True when the name is written in the text as whole words, ignoring case."""
    return found(name.lower(), lowered(text), edge)


def find_whole(quote: str, text: str) -> int:
    """Where a verbatim quote first stands in the text as whole words ('ASE' on its certificate's line, not inside
    the name 'OLUWASEUN' above it); the first occurrence at all when it never does (a quote cut inside a word,
    'Master of O'), -1 when absent."""
    at = text.find(quote)
    if at < 0 or not quote:
        return at
    before = r"(?<!\w)" if quote[0].isalnum() else ""
    after = r"(?!\w)" if quote[-1].isalnum() else ""
    whole = re.search(before + re.escape(quote) + after, text)
    return whole.start() if whole else at


_COMPOUND = r"[\w+#-]"  # a name joined to the next piece by '-' or '_' is part of a longer name ('WP' of 'WP-CLI')


def written_whole(name: str, text: str) -> bool:
    """True when the name is written in the text as a name of its own, not as a piece of a hyphenated or
    underscored name ('WP' is not written in 'WP-CLI' or 'WP_Query'), ignoring case."""
    return found(name.lower(), lowered(text), _COMPOUND)
