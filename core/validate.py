"""VALIDATE: a rewrite may not add numbers, skills, names, titles, degrees, dates or PII to its original."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from core import facts, injection_output, pii
from core.llm.verbs import verb_forms
from core.text_search import found, lowered, written_whole
from core.types import Flag

_SHOWN = 6  # offending tokens listed in one flag's detail


def check_rewrite(original: str, rewrite: str, *, matcher: Any, implied: Collection[str] = ()) -> list[Flag]:
    """Flags for everything the rewrite claims that the original does not support; empty = acceptable.

    `implied` names the requirements (canonical skills) the original meets through a narrower or equivalent skill:
    the rewrite may name those beside their evidence.
    """
    flags: list[Flag] = []
    before = matcher.find(original)
    after = matcher.find(rewrite)
    numbers = facts.invented_numbers(original, rewrite)
    numbers += [c for c in facts.invented_codes(original, rewrite, skip=[m.span for m in after]) if c not in numbers]
    in_names = {w.lower() for name in implied for w in re.findall(r"[\w.+-]+", name) + re.findall(r"\d+", name)}
    numbers = [n for n in numbers if n.lower() not in in_names]  # '3D' of the JD's '3D CAD' beside SolidWorks
    if numbers:
        flags.append(_flag("invented_number", "numbers not in the original", numbers))

    known = {m.skill for m in before} | set(implied)
    skills = list(
        dict.fromkeys(m.quote for m in after if m.skill not in known or _piece_made_name(m.quote, original, rewrite))
    )
    if skills:
        flags.append(_flag("invented_skill", "skills not shown by the original", skills))

    entities = facts.invented_entities(original, rewrite)
    entities += _new_names(original, rewrite, [m.span for m in after])
    named = {w.lower() for name in implied for w in re.findall(r"[\w&+#./'-]+", name)}
    whole = {name.lower() for name in implied}
    entities = [e for e in entities if e.lower() not in named and e.lower() not in whole]  # the JD's words for an
    # implied requirement
    entities = list(dict.fromkeys(entities))
    if entities:
        flags.append(_flag("invented_entity", "names, titles, degrees or dates not in the original", entities))

    added = _added_pii(original, rewrite)
    if added:
        flags.append(_flag("pii_added", "personal data not in the original", added))
    flags += injection_output.reader_flags(original, rewrite, implied)  # text for a reader, or what an injection asked
    return flags


def check_bullet(original: str, rewrite: str, *, matcher: Any, implied: Collection[str] = ()) -> list[Flag]:
    """check_rewrite() for one bullet, and a bullet's rewrite may not say the same words twice (a summary built from
    several lines may repeat a credential's name; one bullet saying a clause twice is a model echoing it)."""
    flags = check_rewrite(original, rewrite, matcher=matcher, implied=implied)
    repeated = _repeated_runs(original, rewrite)
    if repeated:
        flags.append(_flag("repeated_words", "words the rewrite says twice", repeated))
    return flags


_RUN = 3  # words in a row that, said twice, make a rewrite repeat itself ("with Python (pandas); with Python (pandas)")
_GLUE = frozenset("a an the and or of to in on for with by at as from".split())


def _repeated_runs(original: str, rewrite: str) -> list[str]:
    """Runs of _RUN words the rewrite says more than once and more often than the original ('Cut refresh time from 6
    hours to 40 minutes; refresh time from 6 hours to 40 minutes': a model echoing the bullet adds nothing)."""

    said, had = _runs(rewrite), _runs(original)
    repeated = [run for run, n in said.items() if n > 1 and n > had[run] and not _GLUE.issuperset(run.split())]
    return repeated[:_SHOWN]


@lru_cache(maxsize=2048)  # a bullet is the original of its rewrite and of each variant
def _runs(text: str) -> Counter[str]:
    words = re.findall(r"\w+", text.lower())
    return Counter(" ".join(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1))


def _piece_made_name(quote: str, original: str, rewrite: str) -> bool:
    """True when the rewrite writes as a name of its own what the original holds only as a piece of a longer name
    ('WP' of 'WP-CLI' and 'WP_Query'): the matcher reads the piece in both, but the original names no such thing.
    Only a name (a capital in it): 'progress monitoring' of 'progress-monitoring' is the same words spelled apart."""
    return (
        quote != quote.lower()
        and found(quote.lower(), lowered(original))
        and written_whole(quote, rewrite)
        and not written_whole(quote, original)
    )


def _flag(kind: str, what: str, tokens: list[str]) -> Flag:
    shown = ", ".join(tokens[:_SHOWN]) + (f" (+{len(tokens) - _SHOWN} more)" if len(tokens) > _SHOWN else "")
    return Flag(kind=kind, detail=f"{what}: {shown}", tokens=tokens)


def _new_names(original: str, rewrite: str, skill_spans: list[tuple[int, int]]) -> list[str]:
    """Capitalised words (organisations, products, places) the original does not contain in any case."""
    names = facts.proper_names(rewrite, skip=skill_spans, allowed=_allowed_words())
    if not names:
        return []
    lower = lowered(original)  # the whole resume, for a summary or skills list: lower-cased once
    return [n for n in names if not _has_word(lower, n.lower().strip(".'-"))]


def _has_word(text_lower: str, word: str) -> bool:
    return found(word, text_lower)


_ALLOWED: frozenset[str] | None = None


def _allowed_words() -> frozenset[str]:
    """Words a rewrite may capitalise mid-sentence without naming anything (verbs after a semicolon, 'I')."""
    global _ALLOWED
    if _ALLOWED is None:
        _ALLOWED = frozenset(verb_forms()) | {"i", "and", "the", "a", "an", "to", "for", "with", "of", "in", "on"}
    return _ALLOWED


def _added_pii(original: str, rewrite: str) -> list[str]:
    """PII found in the rewrite whose text is not PII of the original too."""
    if not _new_pii_tokens(original, rewrite):
        return []
    have = {(f.type, _squash(f.text)) for f in pii.find_pii(original, where="resume")}
    return list(
        dict.fromkeys(f.text for f in pii.find_pii(rewrite, where="rewrite") if (f.type, _squash(f.text)) not in have)
    )


def _squash(text: str) -> str:
    return re.sub(r"\W", "", text).lower()


_PII_CHARS = re.compile(r"\d|@|/|\w\.[a-z]{2,}")
_EDGE_PUNCT = "()[]{}<>,;:.!?\"'"


def _new_pii_tokens(original: str, rewrite: str) -> set[str]:
    """Tokens of the rewrite that could be part of PII (a digit, '@', '/', a dotted domain) and are not in the original.

    Every PII type the detectors know is built from such tokens, so a rewrite that only reuses the original's
    tokens cannot add PII; the detectors (the slow part) run only when this set is not empty.
    """
    tokens = {t.strip(_EDGE_PUNCT) for t in rewrite.split() if _PII_CHARS.search(t)}
    return {t for t in tokens if t not in original}
