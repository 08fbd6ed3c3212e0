"""Hedging openers ('Helped', 'Assisted', 'Contributed to', 'Worked on' …) turned into verbs that own the work.

What the candidate did is kept: 'Helped reduce X' -> 'Reduced X' (they did reduce it, with others); where the
original only says they took part ('Assisted with inventory counts'), the new verb says exactly that
('Supported inventory counts') and claims nothing more.
"""

from __future__ import annotations

import re

from core import grammar
from core.llm import verbs
from core.llm.tense import set_tense

_HEDGE = re.compile(
    r"^(?:i\s+)?(?:was\s+|am\s+)?(?P<hedge>help(?:ed|ing|s)?|assist(?:ed|ing|s)?|aid(?:ed|ing)?|"
    r"contribut(?:ed|ing|es?)\s+to|participat(?:ed|ing|es?)\s+in|work(?:ed|ing|s)?\s+on|"
    r"(?:was\s+|were\s+)?involved\s+in|t(?:ook|ake|aking)\s+part\s+in)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_PREP = re.compile(r"^(?P<prep>to|with|in|on)\s+", re.IGNORECASE)
_PREPOSITIONS = frozenset("of for in at on with to from by as into about per via and or".split())
_DETERMINERS = frozenset("a an the our their its his her my this that these those".split())
_EVENTS = frozenset(
    "meeting meetings stand-up stand-ups standup standups huddle huddles rounds conference conferences workshop "
    "workshops training trainings drill drills retrospective retrospectives ceremonies webinar webinars "
    "committee committees".split()
)
_PLACES = frozenset("unit units floor floors ward wards line lines shift shifts crew crews site sites".split())
_WORK_NOUNS = frozenset(
    "design redesign launch build rebuild audit review upgrade overhaul refactor rewrite revamp rollout".split()
)
# Head nouns of work that name their own verb: 'the migration of X' -> 'Migrated X'.
_SUFFIXES = (("ation", "ate"), ("ation", ""), ("ation", "e"), ("ment", ""), ("sis", "se"), ("sis", "ze"), ("ing", ""))


def _say(base: str, tense: str, hedge: str, rest: str, *, joiner: str = " ", partial: bool = False) -> tuple[str, str]:
    """The bullet opening with `base` in `tense`, and the note saying which hedge it replaced."""
    verb = _verb(base, tense)
    return f"{verb}{joiner}{rest}".strip(), f"'{hedge}' -> {verb}" + (" (a part of the work)" if partial else "")


def _verb(base: str, tense: str) -> str:
    return (grammar.inflect(base, tense) or verbs.inflect(base, tense)).capitalize()


def _verb_of_noun(noun: str) -> str | None:
    """The verb a work noun names ('migration' -> 'migrate', 'redesign' -> 'redesign'), or None."""
    lower = noun.lower().rstrip("s") if not noun.lower().endswith("sis") else noun.lower()
    candidates = [lower]
    for suffix, replacement in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            candidates.append(lower[: -len(suffix)] + replacement)
    if lower in _WORK_NOUNS:
        return lower
    for candidate in candidates[1:]:  # only a noun built from a verb ('migration') names its verb for sure
        if "VB" in grammar.verb_tags(candidate) and grammar.lemma(candidate) == candidate:
            return candidate
    return None


def _bare_verb(word: str) -> str | None:
    """The base form when the word is a verb's base or -ing form ('reduce', 'reducing'), else None."""
    tags = grammar.verb_tags(word)
    if tags & {"VB", "VBG"}:
        return grammar.lemma(word)
    known = verbs.verb_forms().get(word.lower()) if not tags else None  # words the lexicon lacks ('onboard')
    return known[0] if known and known[1] in ("present", "gerund") else None


def own(text: str, tense: str | None) -> tuple[str, str] | None:
    """(rewrite, note) for a bullet that opens with a hedge, or None when it does not (or nothing safe fits)."""
    tense = tense or "past"
    match = _HEDGE.match(text.strip())
    if not match:
        return None
    hedge = match["hedge"].lower()
    rest = match["rest"].strip()
    words = rest.split()
    if not words or not any(c.isalpha() for c in rest):
        return None
    prep = _PREP.match(rest)
    body = rest[prep.end() :] if prep else rest
    body_words = body.split()
    if not body_words:
        return None
    first = body_words[0]
    helping = hedge.startswith(("help", "assist", "aid"))
    # 'Helped (to) build X', 'Contributed to reducing X', 'Assisted in preparing X': they did it -> own the verb.
    base = _bare_verb(first)
    if base and (grammar.verb_tags(first) & {"VBG"} or helping) and first[:1].islower():
        nxt = body_words[1].lower() if len(body_words) > 1 else ""
        nouny = helping and not prep and "VBG" not in grammar.verb_tags(first) and grammar.other_readings(first)
        # 'Helped pack and ship 200 orders': verbs joined by 'and' / 'or' are verbs, not a noun phrase
        joined = nxt in ("and", "or") and len(body_words) > 2 and _bare_verb(body_words[2]) is not None
        if not nouny or joined or nxt in _DETERMINERS or nxt[:1].isdigit() or (nxt and nxt not in _PREPOSITIONS):
            if "VBG" in grammar.verb_tags(first) or joined:  # 'Contributed to reducing X and improving Y': both move
                body = set_tense(body, tense)[0]
            tail = body.split(" ", 1)[1] if " " in body else ""
            return _say(base, tense, match["hedge"], tail)
    if helping and not prep:
        # 'Helped customers migrate to v2' -> 'Enabled customers to migrate to v2'
        for i, word in enumerate(words[1:4], start=1):
            plain = not grammar.other_readings(word) or (i >= 2 and words[0].lower() in _DETERMINERS)
            # a word after a preposition is its object ('the manager with audit preparation'), not a clause's verb
            after_prep = any(w.lower() in _PREPOSITIONS for w in words[:i])
            # a noun that is also a verb, followed by a preposition, ends the object: 'the service team on startups',
            # 'the quality engineer with audits' (never 'Enabled the service to team on …')
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            compound = bool(grammar.other_readings(word)) and nxt in _PREPOSITIONS
            if (
                "VB" in grammar.verb_tags(word)
                and plain
                and not after_prep
                and not compound
                and word[:1].islower()
                and i + 1 < len(words)
            ):
                obj, tail = " ".join(words[:i]), " ".join(words[i:])
                return _say("enable", tense, match["hedge"], f"{obj} to {tail}")
        # 'Assisted physicians with procedures' -> 'Supported physicians with procedures' (they took part)
        return _say("support", tense, match["hedge"], rest, partial=True)
    if hedge.startswith("work"):
        derived = _derived(body_words)
        if derived:
            return _say(derived[0], tense, match["hedge"], derived[1])
        if _head_noun(body_words) in _PLACES:
            return _say("serve", tense, match["hedge"], body, joiner=" on ")
        return _say("handle", tense, match["hedge"], body)
    if _head_noun(body_words) in _EVENTS:
        return _say("attend", tense, match["hedge"], body)
    return _say("support", tense, match["hedge"], body, partial=True)


def _head_noun(words: list[str]) -> str:
    """The last word before a preposition or punctuation: the noun the phrase is about ('daily safety huddles')."""
    head = ""
    for word in words:
        bare = word.strip(",.;:()").lower()
        if bare in ("of", "for", "to", "with", "in", "on", "at", "by", "and", "from") or not bare:
            break
        head = bare
        if word[-1:] in ",.;:":
            break
    return head


def _derived(words: list[str]) -> tuple[str, str] | None:
    """('migrate', 'billing to AWS') for 'the migration of billing to AWS'; ('redesign', 'the checkout') for
    'the checkout redesign'; None when the phrase's head noun names no verb."""
    start = 1 if words[0].lower() in _DETERMINERS else 0
    article = words[0] if start and words[0].lower() not in ("a", "an") else ""
    for i in range(start, min(len(words), start + 4)):
        bare = words[i].strip(",.;:").lower()
        if bare in ("of", "for", "to", "with", "in", "on", "at", "by", "and"):
            break
        verb = _verb_of_noun(bare)
        if verb is None:
            continue
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if nxt == "of":  # 'the migration of billing to AWS' -> 'Migrated billing to AWS'
            return verb, " ".join(words[i + 2 :])
        if i > start and verb in _WORK_NOUNS:  # 'the checkout redesign for mobile' -> 'Redesigned the checkout …'
            return verb, " ".join([w for w in [article, *words[start:i]] if w] + words[i + 1 :])
        return None
    return None
