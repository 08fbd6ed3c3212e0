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
