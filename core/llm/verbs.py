"""Word data for the offline engine: action verbs and their forms, weak openings and filler phrases."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Base forms of action verbs that open resume bullets; their other forms are derived below.
ACTION_VERBS = frozenset(
    """
    accelerate achieve acquire adapt add address administer advise align analyse analyze architect arrange assemble
    assess assist audit automate balance benchmark boost build calculate champion change clarify coach code collaborate
    compile complete compose conceive conduct configure consolidate construct consult contribute control convert
    coordinate create curate customize cut debug decrease define delegate deliver demonstrate deploy design detect
    develop devise diagnose direct discover document double draft drive edit educate eliminate enable encourage
    engineer enhance establish estimate evaluate execute expand expedite experiment extend facilitate finalize fix
    forecast formulate found generate grow guide handle harden head help hire identify implement improve increase
    influence initiate innovate inspect install instrument integrate interview introduce investigate launch lead
    lower maintain manage map market maximize measure mentor merge migrate minimize model modernize monitor motivate
    negotiate onboard operate optimise optimize orchestrate organise organize oversee own partner perform pilot plan
    prepare present prioritize produce program promote propose prototype provide publish quadruple raise rebuild
    recommend reconcile recruit redesign reduce refactor refine remediate renew reorganize replace report research
    resolve restructure revamp review revise run save scale schedule secure select serve ship simplify solve spearhead
    speed standardize streamline strengthen structure supervise support survey sustain teach test train transform
    translate triage triple troubleshoot tune unify update upgrade use validate verify win work write
    """.split()
)

IRREGULAR_PAST = {
    "build": "built",
    "cut": "cut",
    "drive": "drove",
    "grow": "grew",
    "lead": "led",
    "run": "ran",
    "write": "wrote",
    "win": "won",
    "teach": "taught",
    "oversee": "oversaw",
    "rebuild": "rebuilt",
    "speed": "sped",
    "make": "made",
    "set": "set",
    "find": "found",
    "hold": "held",
    "begin": "began",
    "bring": "brought",
    "give": "gave",
    "take": "took",
    "sell": "sold",
    "spend": "spent",
    "rewrite": "rewrote",
}
# Verbs whose final consonant doubles before -ed/-ing.
_DOUBLING = {"plan": "plann", "ship": "shipp", "run": "runn", "cut": "cutt", "map": "mapp", "program": "programm"}


def past(base: str) -> str:
    """Simple past of a base verb."""
    if base in IRREGULAR_PAST:
        return IRREGULAR_PAST[base]
    if base in _DOUBLING:
        return _DOUBLING[base] + "ed"
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def third_person(base: str) -> str:
    """Present third-person form ('manages')."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def gerund(base: str) -> str:
    """The -ing form ('managing')."""
    if base in _DOUBLING:
        return _DOUBLING[base] + "ing"
    if base.endswith("e") and not base.endswith(("ee", "ye")):
        return base[:-1] + "ing"
    return base + "ing"


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[str, str]]:
    """Every known verb form (lower case) -> (base, tense) with tense 'past', 'present' or 'gerund'."""
    forms: dict[str, tuple[str, str]] = {}
    for base in sorted(ACTION_VERBS | set(IRREGULAR_PAST)):
        forms.setdefault(gerund(base), (base, "gerund"))
        forms.setdefault(third_person(base), (base, "present"))
        forms.setdefault(base, (base, "present"))
        forms[past(base)] = (base, "past")  # 'cut', 'set': past wins, bullets mostly report finished work
    return forms


def inflect(base: str, tense: str) -> str:
    """The base verb in the given tense ('past' or 'present')."""
    return past(base) if tense == "past" else base


# Openings that name a duty instead of an action ('Responsible for'); group 'rest' is what follows. Hedges
# ('Helped', 'Worked on' ...) are handled by core/llm/owned.py.
WEAK_OPENINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), r)
    for p, r in (
        (
            r"^(?:i\s+was|was|am|i\s+am)?\s*(?:primarily\s+|mainly\s+|solely\s+)?responsible\s+for\s+(?P<rest>.+)$",
            "own",
        ),
        (r"^(?:i\s+was\s+|was\s+)?in\s+charge\s+of\s+(?P<rest>.+)$", "own"),
        (r"^(?:i\s+was\s+|was\s+)?tasked\s+with\s+(?P<rest>.+)$", "own"),
        (r"^(?:my\s+)?(?:duties|responsibilities)\s+(?:included|include|were)\s*:?\s*(?P<rest>.+)$", "own"),
    )
)

# Filler removed or tightened; each rule keeps the meaning of the sentence. A replacement is a string or a
# function of the matched text.
_FILLER_RULES: tuple[tuple[str, str | Callable[[str], str]], ...] = (
    (r"\b(?:successfully|effectively|efficiently|basically|actually|really|very|truly|simply)\s+", ""),
    (r"\bin order to\b", "to"),
    (r"\bso as to\b", "to"),
    (r"\bdue to the fact that\b", "because"),
    (r"\bon a regular basis\b", "regularly"),
    (r"\bon a (?:daily|weekly|monthly) basis\b", lambda text: text.split()[2]),
    (r"\bthe process of\s+", ""),
    (r"\butili[sz]ed\b", "used"),
    (r"\butili[sz]ing\b", "using"),
    (r"\butili[sz]es?\b", "use"),
    (r"\bwas able to\s+", ""),
)
# All rules in one pattern, so a bullet is scanned once; the named group tells which rule matched.
FILLER = re.compile("|".join(f"(?P<f{i}>{p})" for i, (p, _) in enumerate(_FILLER_RULES)), re.IGNORECASE)
_TIDY = ((re.compile(r"\s+,"), ","), (re.compile(r"[ \t]{2,}"), " "))


def _filler_replacement(match: re.Match[str]) -> str:
    replacement = _FILLER_RULES[int((match.lastgroup or "f0")[1:])][1]
    return replacement(match.group(0)) if callable(replacement) else replacement


def remove_filler(text: str) -> str:
    """The text with filler words removed and wordy phrases tightened."""
    tightened = FILLER.sub(_filler_replacement, text)
    if tightened == text:
        return text
    for pattern, replacement in _TIDY:
        tightened = pattern.sub(replacement, tightened)
    return tightened.strip()


# A base verb opening is converted only when followed by one of these (so 'Lead developer' stays a noun phrase).
OBJECT_STARTERS = frozenset(
    "a an the and our their its his her new multiple several all over more key internal external customer "
    "company-wide cross-functional end-to-end weekly daily monthly".split()
)
PRONOUN_OPENING = re.compile(r"^(?:i|we)\s+(?=[a-z])", re.IGNORECASE)
