"""The lower-cased text and its letter runs, made once per text and read by every layer that needs them.

The genre layer's anchors, the reader-address triggers, the rule gates and the decoder's ROT13 test all read the
same text lower-cased and split into runs of a-z; each used to make its own copy. Both are remembered for the few
texts of the current call (the folded text, the original, a decoded blob)."""

from __future__ import annotations

import re
from functools import lru_cache

_LETTER_RUN = re.compile(r"[a-z]+")


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """text.lower(), remembered."""
    return text.lower()


@lru_cache(maxsize=16)
def letter_runs(lower: str) -> frozenset[str]:
    """The distinct runs of a-z in a lower-cased text, remembered."""
    return frozenset(_LETTER_RUN.findall(lower))


def clear() -> None:
    """Forget every remembered text (benchmarks time a text's first reading)."""
    lowered.cache_clear()
    letter_runs.cache_clear()
