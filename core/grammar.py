"""English verb forms from a lexicon (LemmInflect, built on the NIH SPECIALIST lexicon): tense of a word, inflection."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas

PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})
# The tense a resume bullet is written in, by the Penn tag of its verbs ('Manage' reads as present, implied 'I').
TENSE_TAG = {"past": "VBD", "present": "VB", "gerund": "VBG"}


def _lower(word: str) -> str:
    return word.lower().strip(".,;:!?()\"'")


@lru_cache(maxsize=8192)
def verb_tags(word: str) -> frozenset[str]:
    """Penn tags (VB, VBD, VBG, VBN, VBP, VBZ) this word can be as a verb; empty when it is never a verb."""
    word = _lower(word)
    tags: set[str] = set()
    for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()):
        for tag, forms in getAllInflections(lemma, upos="VERB").items():
            if word in forms:
                tags.add(tag)
    return frozenset(tags)


@lru_cache(maxsize=8192)
def other_readings(word: str) -> frozenset[str]:
    """The parts of speech other than VERB the lexicon knows for this word (NOUN, ADJ, ADV)."""
    return frozenset(p for p in getAllLemmas(_lower(word)) if p != "VERB")


@lru_cache(maxsize=8192)
def lemma(word: str) -> str | None:
    """The verb's base form ('led' -> 'lead'), or None when the word is not a verb."""
    found = getAllLemmas(_lower(word), upos="VERB").get("VERB", ())
    return found[0] if found else None


def tenses(word: str) -> frozenset[str]:
    """'past', 'present' and/or 'gerund': the tenses this word can carry as a verb."""
    tags = verb_tags(word)
    out = set()
    if tags & PAST_TAGS:
        out.add("past")
    if tags & PRESENT_TAGS:
        out.add("present")
    if "VBG" in tags:
        out.add("gerund")
    return frozenset(out)


@lru_cache(maxsize=8192)
def inflect(base: str, tense: str) -> str | None:
    """The verb in a tense ('past' -> 'managed', 'present' -> 'manage', 'gerund' -> 'managing'); None if unknown."""
    forms = getAllInflections(base.lower(), upos="VERB").get(TENSE_TAG[tense], ())
    return forms[0] if forms else None


def retense(word: str, tense: str) -> str | None:
    """The word put in another tense, its capitalisation kept; None when it is not a known verb."""
    base = lemma(word)
    new = inflect(base, tense) if base else None
    if new is None:
        return None
    return new.capitalize() if word[:1].isupper() else new


def names_a_list(words: list[str]) -> bool:
    """True when a bullet opens with a list of names ('Excel and Crystal Reports for claims', 'Python, SQL'): its
    first word is a product or subject, not a verb ('Excel' is no 'excel')."""
    return len(words) > 2 and words[1].lower() in ("and", "&", "/", ",") and words[2][:1].isupper()


def last_of_a_list(words: list[str], joiner: int, prepositions: frozenset[str]) -> bool:
    """True when the words before a joiner ('and', 'or') back to a preposition are a comma list of nouns, gerunds
    and numbers ('for patching, backups and …'): the next word is one more item of that list, not a verb. Two
    items are not enough ('for clients and design graphics' may switch to a verb)."""
    k = joiner - 1
    seen = commas = 0
    while k >= 0:
        word = words[k]
        low = word.lower()
        if low in prepositions:
            return seen > 1 and commas > 0
        if low == ",":
            commas += 1
        else:
            tags = verb_tags(word)
            if not (word[:1].isdigit() or (tags <= {"VBG"} and bool(tags or other_readings(word)))):
                return False
            seen += 1
        k -= 1
    return False


def warm_up() -> None:
    """Load the lexicon's tables now (they load lazily on first use, about a second)."""
    verb_tags("managed")
    other_readings("design")
    inflect("manage", "past")
