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
from core.injection_model import foreign
from core.injection_quotes import QUOTE_MARKS, QUOTED

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


def _pattern(block: str) -> re.Pattern[str]:
    """Latin stems at a word start ("$": the whole word), other scripts anywhere; "_" is the space between words."""
    latin, other = [], []
    for entry in dict.fromkeys(fold_word(e) for e in block.split()):
        whole = entry.endswith("$")
        stem = entry.rstrip("$")
        if set(stem) <= _LATIN:
            body = r"\s+".join(map(re.escape, stem.split("_")))
            latin.append(body + (r"(?![^\W\d_])" if whole else ""))
        else:
            other.append(r"\s*".join(map(re.escape, stem.split("_"))))
    parts = [r"(?<![^\W\d_])(?:" + "|".join(sorted(latin, key=len, reverse=True)) + ")"] if latin else []
    parts += ["(?:" + "|".join(sorted(other, key=len, reverse=True)) + ")"] if other else []
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The concept patterns, compiled on the first sentence in another language (most documents have none)."""
    return {
        "ai": _pattern(AI),
        "automatic": _pattern(AUTOMATIC),
        "noun": _pattern(READER_NOUN),
        "verdict": _pattern(VERDICT),
        "suppress": _pattern(SUPPRESS),
        "candidate": _pattern(CANDIDATE),
        "secret": _pattern(HANDED_OVER),
        "if_you": _pattern(IF_YOU),
        "output": _pattern(OUTPUT),
        "ignore": re.compile(IGNORE_ANY + "|" + _IGNORE_MORE),
    }


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
    "including within while team teams years customers clients users based".split()
)
_WORDS = re.compile(r"[a-z']+")


def other_language(sentence: str) -> bool:
    """A sentence the English layers read poorly: hardly a word of English in five or more, or mostly letters outside
    ASCII."""
    if foreign(sentence):
        return True
    words = _WORDS.findall(sentence.lower())
    if len(words) >= 5 and _ENGLISH.isdisjoint(words):
        return True
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 12 and sum(not c.isascii() for c in letters) * 2 > len(letters)


def concepts(sentence: str) -> frozenset[str]:
    """The concepts a sentence holds outside its quotes, and "vocative" when a label before a colon names the reader."""
    if any(mark in sentence for mark in QUOTE_MARKS):
        sentence = QUOTED.sub(lambda m: " " * len(m.group()), sentence)
    lower = sentence.lower().replace("đ", "d")  # Vietnamese and Croatian "đ" has no decomposition to drop
    found = {name for name, pattern in _patterns().items() if pattern.search(lower)}
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


def _names_reader(label: str) -> bool:
    lower = label.lower().replace("đ", "d")
    patterns = _patterns()
    if patterns["ai"].search(lower) or _ABBREVIATION.search(label):
        return True
    return bool(patterns["automatic"].search(lower) and patterns["noun"].search(lower))


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
    """The sentences of a folded text in another language that make a request of the reader, strongest first."""
    out = []
    for start, end in spans:
        sentence = text[start:end]
        if not other_language(sentence):
            continue
        found = concepts(sentence)
        if len(found) < 2:
            continue
        for need, weight, category in _COMBOS:
            if need <= found:
                out.append(ConceptScore(start, end, weight, category, found))
                break
    return sorted(out, key=lambda c: -c.weight)
