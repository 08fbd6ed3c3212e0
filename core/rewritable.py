"""Which bullets are safe to rewrite, and why the others are left as they are."""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    """A function word or one the English lexicon knows (lower case; remembered: bullets share most words)."""
    return word in _FUNCTION_WORDS or bool(getAllLemmas(word))


def _english_share(text: str) -> float | None:
    """Share of the words the English lexicon knows, judged on lower-case words (product names are capitalised)
    when there are enough of them; None when the bullet is too short to judge."""
    words = _WORD.findall(text)
    lower = [w for w in words if w.islower()]
    if len(lower) >= 4:
        return sum(1 for w in lower if _known(w)) / len(lower)
    if len(words) < 5:
        return None
    known = sum(1 for w in words if _known(w.lower()))
    return min(1.0, 0.6 * known / len(words) / 0.35)  # rescaled: capitalised names are mostly unknown words


# words a sentence cannot end on ("in", "on" can: the particle of "checked patients in")
_DANGLING = frozenset("a an the and or of to at for with by from into than our their".split())


def _cut_by_layout(text: str, bullet: Bullet, resume: str) -> bool:
    """True for a piece of a sentence that a line end cut: it ends on a word that needs more ('one route at'), or,
    on a line with no bullet glyph, it starts in lower case or inside a parenthesis after a line that did not end a
    sentence or that ended on such a word ('a time, with no downtime.' under '… one route at')."""
    last = text.rstrip().split()[-1].lower() if text.split() else ""
    if last in _DANGLING:
        return True
    start = bullet.span[0]
    if bullet.span[1] <= start or resume[start : bullet.span[1]].strip() != text:
        return False
    line_start = resume.rfind("\n", 0, start) + 1
    if resume[line_start:start].strip():
        return False  # a bullet its writer marked ('- managed …': a lower-case style, not a cut) or mid-line
    before = resume[: max(line_start - 1, 0)].rstrip().rsplit("\n", 1)[-1].rstrip()
    if not before:
        return False
    ends_open = before.split()[-1].lower() in _DANGLING
    continues = text[:1].islower() or text[:1] == "("
    return ends_open or (continues and before[-1:] not in ".!?;:")


def reason_to_keep(bullet: Bullet, resume: str) -> str | None:
    """Why a bullet is left as it is ('kept: ...'), or None when rewriting it is safe."""
    text = bullet.text.strip()
    words = text.split()
    if len(words) < MIN_WORDS:
        return "kept: too short to rewrite without guessing what it means"
    source = resume[bullet.span[0] : bullet.span[1]] if bullet.span[1] > bullet.span[0] else text
    if _COLUMN_GAP.search(source):
        return "kept: two columns of the layout run together here; fix the text's layout to have it rewritten"
    if _cut_by_layout(text, bullet, resume):
        return "kept: a piece of a sentence the layout cut across lines; fix the text's layout to have it rewritten"
    if is_role_line(text):
        return "kept: a job heading (title, employer, dates), not a statement"
    share = _english_share(text)
    if share is not None and share < 0.5:
        return "kept: not in English; rewriting it could change its meaning"
    return None
