"""Requests to the reader in any language, read as combinations of concepts rather than phrases.

A sentence in another language (core/injection_model.foreign, or mostly letters outside ASCII) is read for the
concepts of core/injection_concept_words.py: the reader named (artificial intelligence, a loanword such as "AI" or
"bot", a local abbreviation in capitals such as "KI", "MI", "YZ", or "automatic" beside a tool/system/evaluator noun),
the outcome wanted (rank, first, best, score, recommend, select, interview, hire; discard, reject), a perfect score
("10 af 10"), something kept quiet, the candidate or the CV, the data an attack asks for, and the verbs that drop
instructions (core/injection_languages.py). A description of a person or a job names none of the reader's names, so
the reader named *and* spoken to (a label before a colon: "Nota para a ferramenta de cribado automático:") or asked
for an outcome together with a request to keep quiet, drop its rules or give a perfect score is a request made here.
Quoted text is blanked first: a security professional quoting an attack in any language mentions it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.injection_concept_words import (
    AI,
    AI_ABBREVIATIONS,
    AUTOMATIC,
    CANDIDATE,
    HANDED_OVER,
    IF_YOU,
    OUTPUT,
    READER_NOUN,
    SUPPRESS,
    VERDICT,
)
from core.injection_languages import IGNORE_ANY, fold_word
from core.injection_quotes import QUOTE_MARKS, QUOTED, TOPIC

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz'_$-/.0123456789·øæðþəı")
# "ignore" in the lexicon's own languages, which the override table leaves to the phrase lexicon
_IGNORE_MORE = (
    r"(?<![^\W\d_])(?:ignor|negeer|descon|olvid|oubli|dimentic|vergiss|vergeet|esquec|nao_consider)|игнорир|забуд|"
    r"忽略|忽视|無視|अनदेखा|नज़रअंदाज़|تجاهل"
).replace("_", r"\s+")
# a perfect score: "10/10", "10 af 10", "100 od 100" (not a phone number's "555-0155")
_PERFECT = re.compile(r"(?<![\d.-])(10|100|5)(?:\s*/\s*|\s+[^\W\d_]{1,6}\s+)\1(?![\d.-])")
_LABEL = re.compile(r"^[^:：\n]{2,90}[:：](?=\s*\S)")
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, AI_ABBREVIATIONS)) + r")(?![^\W\d_])")


class _Lexicon:
    """Every concept's stems in one index: one pass over a sentence's words finds all its concepts. Latin stems are
    looked up as prefixes of each word ("$": the whole word); stems of several words are found in the words joined
    by single spaces; stems of other scripts as substrings, only in a sentence that has letters outside ASCII. (A
    regular expression of hundreds of alternatives tests each one at every position: 30x slower.)"""

    def __init__(self, blocks: dict[str, str]) -> None:
        self.prefixes: dict[str, set[str]] = {}
        self.whole: dict[str, set[str]] = {}
        self.phrases: list[tuple[str, str]] = []
        self.anywhere: list[tuple[str, str]] = []
        self.multi: list[tuple[tuple[str, ...], str]] = []
        for concept, block in blocks.items():
            for entry in dict.fromkeys(fold_word(e) for e in block.split()):
                whole = entry.endswith("$")
                stem = entry.rstrip("$").replace("_", " ")
                if not set(stem) <= _LATIN_SPACE and " " in stem:
                    # words of a case-marked script: each a prefix ("искусственн интеллект" in "искусственного
                    # интеллекта", "τεχνητή νοημοσύν" in "τεχνητής νοημοσύνης")
                    self.multi.append((tuple(stem.split()), concept))
                elif not set(stem) <= _LATIN_SPACE:
                    self.anywhere.append((stem, concept))
                elif " " in stem:
                    self.phrases.append((" " + stem + (" " if whole else ""), concept))
                else:
                    (self.whole if whole else self.prefixes).setdefault(stem, set()).add(concept)
        self.lengths = sorted({len(stem) for stem in self.prefixes})

    def find(self, lower: str, words: list[str]) -> set[str]:
        """The concepts whose stems the lower-cased sentence (split into words) holds."""
        found: set[str] = set()
        for word in words:
            found |= self.whole.get(word, set())
            for length in self.lengths:
                if length > len(word):
                    break
                hit = self.prefixes.get(word[:length])
                if hit:
                    found |= hit
        joined = " " + " ".join(words) + " "
        found.update(concept for phrase, concept in self.phrases if concept not in found and phrase in joined)
        if not lower.isascii():
            found.update(concept for stem, concept in self.anywhere if concept not in found and stem in lower)
            for parts, concept in self.multi:
                if concept not in found and parts[0] in lower and _in_sequence(parts, words):
                    found.add(concept)
        return found


def _in_sequence(parts: tuple[str, ...], words: list[str]) -> bool:
    """True when consecutive words begin with the parts, in order."""
    n = len(parts)
    return any(all(words[i + j].startswith(part) for j, part in enumerate(parts)) for i in range(len(words) - n + 1))


_LATIN_SPACE = frozenset("abcdefghijklmnopqrstuvwxyz'$-/.0123456789·øæðþəı ")
_WORD_SPLIT = re.compile(r"[^\w'/.·-]+")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The concept index, built on the first sentence in another language (most documents have none)."""
    return _Lexicon(
        {
            "ai": AI,
            "automatic": AUTOMATIC,
            "noun": READER_NOUN,
            "verdict": VERDICT,
            "suppress": SUPPRESS,
            "candidate": CANDIDATE,
            "secret": HANDED_OVER,
            "if_you": IF_YOU,
            "output": OUTPUT,
        }
    )


_IGNORE = re.compile(IGNORE_ANY + "|" + _IGNORE_MORE)


@dataclass(frozen=True)
class ConceptScore:
    """One sentence's reading: span in the text, weight, category and the concepts found."""

    start: int
    end: int
    weight: float
    category: str
    concepts: frozenset[str]


# English words no language written in Latin letters nearby shares ("a", "no", "as", "an", "is" are Galician, Spanish,
# Irish words too): a sentence with almost none of them is in another language.
_ENGLISH = frozenset(
    "the and of with are this that you your will be have has for from by it its was were which who our their they we "
    "should must would can any into than then there these those "
    # the verbs and nouns of an English work line, which has few function words ("Built scorer against rubric")
    "built led managed developed designed created improved reduced increased wrote ran using across against through "
    "including within while team teams years customers clients users based about after before during over more most "
    "also only very such each every other own same around especially per".split()
)
# Short English words other languages write too ("in", "an", "as", "is" are Dutch, Irish, Galician words): two of them,
# or one beside an English -ing/-ed word, make a sentence English.
_SHARED = frozenset("in or on at as an is me my up out not it if all how one".split())
_ASCII = re.compile(r"[\x00-\x7f]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_PLAINLY_ENGLISH = (" the ", " and ", " with ", " from ", " your ", " this ", " that ", " for the ")
_PUNCTUATION = str.maketrans({c: " " for c in ',.;:!?()[]{}"/|·•—–-'})


def other_language(sentence: str) -> bool:
    """A sentence the English layers read poorly: five or more words of running text (mostly lower-case, not a list of
    names) with none of the English words above, or mostly letters outside ASCII."""
    if not sentence.isascii():
        other = _ASCII.sub("", sentence)  # usually a dash or a bullet: the letters are counted only when there are many
        if len(other) >= 12 and sum(c.isalpha() for c in other) * 2 > len(_NOT_LETTER.sub("", sentence)):
            return True
    words = sentence.lower().translate(_PUNCTUATION).split()
    if len(words) < 5 or not _ENGLISH.isdisjoint(words):
        return False
    shared = _SHARED.intersection(words)
    if len(shared) >= 2 or (shared and any(len(w) > 5 and w.endswith(("ing", "ed")) for w in words)):
        return False  # "A degree in computer science or …", "Experience running services on Kafka"
    running = sum(1 for w in words if w[:1].isalpha()) and sum(1 for w in sentence.split() if w[:1].islower())
    return running * 2 >= len(words)


def concepts(sentence: str) -> frozenset[str]:
    """The concepts a sentence holds outside its quotes, and "vocative" when a label before a colon names the reader."""
    if any(mark in sentence for mark in QUOTE_MARKS):
        sentence = QUOTED.sub(lambda m: " " * len(m.group()), sentence)
    lower = sentence.lower().replace("đ", "d")  # Vietnamese and Croatian "đ" has no decomposition to drop
    found = _lexicon().find(lower, _words(lower))
    if _IGNORE.search(lower):
        found.add("ignore")
    if _ABBREVIATION.search(sentence):
        found.add("ai")
    if _PERFECT.search(lower):
        found.add("perfect")
    if "ai" in found or {"automatic", "noun"} <= found:
        found.add("reader")
        label = _LABEL.match(sentence)
        if label and _names_reader(label.group()):
            found.add("vocative")
    return frozenset(found)


def _words(lower: str) -> list[str]:
    return [w.strip(".-/'·") for w in _WORD_SPLIT.split(lower) if w]


def _names_reader(label: str) -> bool:
    lower = label.lower().replace("đ", "d")
    found = _lexicon().find(lower, _words(lower))
    return "ai" in found or {"automatic", "noun"} <= found or bool(_ABBREVIATION.search(label))


# (concepts needed, weight, category): the first row whose concepts are all present applies.
_COMBOS: tuple[tuple[frozenset[str], float, str], ...] = tuple(
    (frozenset(need.split()), weight, category)
    for need, weight, category in (
        ("vocative verdict", 0.85, "score_manipulation"),
        ("vocative suppress", 0.85, "hidden_note"),
        ("vocative ignore", 0.85, "instruction_override"),
        ("vocative secret", 0.85, "data_exfiltration"),
        ("vocative perfect", 0.85, "score_manipulation"),
        ("vocative candidate", 0.75, "hidden_note"),
        ("reader suppress verdict", 0.8, "score_manipulation"),
        ("reader suppress candidate", 0.8, "hidden_note"),
        ("reader ignore verdict", 0.8, "instruction_override"),
        ("reader ignore candidate", 0.8, "instruction_override"),
        ("reader perfect", 0.8, "score_manipulation"),
        ("reader suppress secret", 0.8, "data_exfiltration"),
        ("reader if_you verdict", 0.8, "hidden_note"),
        ("reader if_you candidate", 0.8, "hidden_note"),
        ("ignore verdict candidate", 0.75, "instruction_override"),
        ("ignore perfect", 0.75, "instruction_override"),
        ("output perfect", 0.7, "score_manipulation"),
        ("output verdict candidate", 0.6, "goal_hijack"),
        ("candidate verdict suppress", 0.7, "score_manipulation"),
        ("candidate perfect", 0.55, "score_manipulation"),
        ("reader verdict candidate", 0.35, "score_manipulation"),
        ("reader secret", 0.35, "data_exfiltration"),
    )
)


def concept_scores(text: str, spans: list[tuple[int, int]]) -> list[ConceptScore]:
    """The sentences of a folded text in another language that make a request of the reader, strongest first. A
    sentence that only names the reader ("Արհեստական բանականության օգնականներին.") speaks to it: the next sentence is
    read as addressed to the reader."""
    out = []
    lower = text.lower()
    spoken_to = -1  # the end of a sentence that only named the reader
    for start, end in spans:
        addressed = spoken_to >= 0 and not text[spoken_to:start].count("\n") > 1
        spoken_to = -1
        if end - start < (8 if not text[start:end].isascii() else 20):
            continue  # four words at most
        segment = lower[start:end]
        if any(word in segment for word in _PLAINLY_ENGLISH):
            continue  # most sentences of an English document: a few substring tests in C
        sentence = text[start:end]
        if not (other_language(sentence) or (addressed and not sentence.isascii())):
            if _only_names_reader(sentence):
                spoken_to = end
            continue
        found = concepts(sentence)
        if addressed:
            found |= {"reader", "vocative"}
        elif _only_names_reader(sentence, found):
            spoken_to = end
            continue
        if len(found) < 2:
            continue
        # a sentence that names an attack or a test (injection, jailbreak, ataque, Angriff, тест, 攻击 …) talks about
        # attacks: a security professional's work line, quoted or not, counts for half
        damping = 0.5 if TOPIC.search(sentence) else 1.0
        for need, weight, category in _COMBOS:
            if need <= found:
                out.append(ConceptScore(start, end, weight * damping, category, found))
                break
    return sorted(out, key=lambda c: -c.weight)


def _only_names_reader(sentence: str, found: frozenset[str] | None = None) -> bool:
    """A short sentence ending in "." or ":" that names the reader and asks nothing: a salutation on its own line."""
    stripped = sentence.strip()
    if len(stripped.split()) > 6 or not stripped.endswith((".", ":", "։", "：")) or stripped.isascii():
        return False
    found = concepts(stripped) if found is None else found
    return "reader" in found and not found & {"verdict", "suppress", "ignore", "secret", "perfect", "candidate"}
