"""Which bullets are safe to rewrite, and why the others are left as they are."""

from __future__ import annotations

import re

from lemminflect import getAllLemmas

from core.roles import is_role_line
from core.types import Bullet

_COLUMN_GAP = re.compile(r"\S(?:\t| {4,})\S")  # two columns of a layout flattened side by side
_WORD = re.compile(r"[^\W\d_][^\W\d_'-]*", re.UNICODE)
_FUNCTION_WORDS = frozenset(
    "a an the and or of to in on at for with by from as into over per via our their my its his her we i you "
    "is are was were be been this that these those than then so not no all each every".split()
)
MIN_WORDS = 3


def _english_share(text: str) -> float | None:
    """Share of the words the English lexicon knows, judged on lower-case words (product names are capitalised)
    when there are enough of them; None when the bullet is too short to judge."""
    words = _WORD.findall(text)
    lower = [w for w in words if w.islower()]
    if len(lower) >= 4:
        return sum(1 for w in lower if w in _FUNCTION_WORDS or getAllLemmas(w)) / len(lower)
    if len(words) < 5:
        return None
    known = sum(1 for w in words if w.lower() in _FUNCTION_WORDS or getAllLemmas(w.lower()))
    return min(1.0, 0.6 * known / len(words) / 0.35)  # rescaled: capitalised names are mostly unknown words


def reason_to_keep(bullet: Bullet, resume: str) -> str | None:
    """Why a bullet is left as it is ('kept: ...'), or None when rewriting it is safe."""
    text = bullet.text.strip()
    words = text.split()
    if len(words) < MIN_WORDS:
        return "kept: too short to rewrite without guessing what it means"
    source = resume[bullet.span[0] : bullet.span[1]] if bullet.span[1] > bullet.span[0] else text
    if _COLUMN_GAP.search(source):
        return "kept: two columns of the layout run together here; fix the text's layout to have it rewritten"
    if is_role_line(text):
        return "kept: a job heading (title, employer, dates), not a statement"
    share = _english_share(text)
    if share is not None and share < 0.5:
        return "kept: not in English; rewriting it could change its meaning"
    return None
