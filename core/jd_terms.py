"""The JD's own words for each requirement group: what a keyword-matching ATS searches a resume for, literally.

An ATS filter does not know that Terraform is infrastructure as code: it looks for the words the JD wrote. The
terms of a group are the JD's wording of it when that wording is a short name ("infrastructure as code", "CI/CD",
"BLS certification"), the JD's wording of each member ("AWS", "GCP", "Azure" of "AWS/GCP/Azure"), a degree's
level as the JD writes it ("Bachelor's degree" of "Bachelor's degree in Accounting or Finance"), and the canonical
name of a member when the JD's sentence writes it. Never a taxonomy label the JD does not use.
"""

from __future__ import annotations

import re

from core import text_search
from core.types import JDSignals, Requirement

MAX_TERM_WORDS = 4  # longer JD wordings are duties or sentences, not something an ATS searches for
_CUT = re.compile(r"\s+(?:in|from|with|or|and|of|for|including|such as)\s+|\s*[,;:(]\s*", re.IGNORECASE)
_DEGREE_CUT = re.compile(r"\s+(?:in|from|with|or|and|for)\s+|\s*[,;:(]\s*", re.IGNORECASE)  # keeps 'Doctor of X'
_OR = re.compile(r"\s+or\s+", re.IGNORECASE)
_DEGREE_WHOLE = re.compile(r"\s+(?:or|from|with|and)\s+|\s*[,;:(]\s*", re.IGNORECASE)  # keeps 'X in Y'
MAX_DEGREE_WORDS = 8  # 'Bachelor of Science in Mechanical Engineering': a degree is searched for by its whole name
_GENERIC = frozenset(  # a side of "A or B" that names nothing to search for
    {
        *"degree certificate certification license licence diploma credential".split(),
        *"similar equivalent other comparable related".split(),
        "related field",
        "a related field",
        "equivalent experience",
        "equivalent work experience",
    }
)
_YEARS = re.compile(r"\b\d+\+?\s*(?:years?|yrs?|months?)\b", re.IGNORECASE)
_FILLER = re.compile(
    r"^(?:(?:a|an|the|strong|solid|proven|excellent|good|hands-on|advanced|basic|working|current|valid|active|"
    r"experience|knowledge|proficiency|familiarity|understanding)\s+(?:with|of|in)?\s*)+",
    re.IGNORECASE,
)
_MEMO: list[tuple[JDSignals, dict[int, tuple[str, ...]]]] = []


def closed(name: str) -> str:
    """The name with a parenthesis the JD reader cut off closed again ('Practical Nurse (LPN' -> '... (LPN)')."""
    return name + ")" * max(0, name.count("(") - name.count(")"))


def _short(name: str) -> str | None:
    name = closed(_FILLER.sub("", " ".join(name.split()).strip(" .,;:()")).strip())
    if not name or _YEARS.search(name) or len(name.split()) > MAX_TERM_WORDS or name.lower() in _GENERIC:
        return None
    return name


def whole_words(name: str, sentence: str) -> str:
    """The JD's wording with a last word the JD reader cut in half completed from its sentence ("a bachelor's
    degre" -> "a bachelor's degree"), or dropped when the sentence does not hold it."""
    if not name or not name[-1:].isalnum():
        return name
    at = sentence.find(name) if sentence else -1
    if at < 0:
        return name
    rest = re.match(r"[\w'’-]*", sentence[at + len(name) :])
    return name + (rest.group(0) if rest else "")


def written_in(name: str, text: str) -> bool:
    """True when the name is written in the text as whole words, ignoring case."""
    return text_search.written_in(name, text)


def search_terms(req: Requirement, signals: JDSignals) -> tuple[str, ...]:
    """The JD's words for one requirement group, its own wording first (empty for conditions)."""
    if req.kind == "condition":
        return ()
    members = set(req.alternatives or [req.skill]) | {req.skill}
    names: list[str] = []
    if req.kind != "experience_years":  # "CPA license or CPA-eligible": each side, the first as the JD leads
        pieces = [_short(p) for p in _OR.split(whole_words(req.jd_name, req.sentence))]
        names += [p for p in pieces if p]
        whole = _short(req.jd_name)
        if whole:
            names.append(whole)
    if req.kind == "degree":
        head = _short(_DEGREE_CUT.split(req.jd_name, maxsplit=1)[0])
        if head:
            names.append(head)
    for mention in [*signals.required, *signals.preferred]:
        if mention.skill in members:
            quote = _short(mention.quote)
            if quote:
                names.append(quote)
    for skill in sorted(members):
        short = _short(skill)
        if short and req.sentence and written_in(short, req.sentence):
            names.append(short)
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.lower(), name)
    return tuple(seen.values())


def degree_wording(req: Requirement) -> str | None:
    """A degree requirement's whole name with its field, as the JD writes it ('Bachelor of Science in Mechanical
    Engineering' of 'Bachelor of Science in Mechanical Engineering (BSME) or equivalent'); None without a field."""
    if req.kind != "degree":
        return None
    whole = _FILLER.sub("", _DEGREE_WHOLE.split(" ".join(req.jd_name.split()), maxsplit=1)[0]).strip(" .")
    if " in " not in f" {whole.lower()} " or len(whole.split()) > MAX_DEGREE_WORDS or _YEARS.search(whole):
        return None
    return whole


def degree_field(term: str) -> list[str]:
    """The words of a degree name's field ('Mechanical', 'Engineering' of 'BS in Mechanical Engineering')."""
    _, _, field = term.lower().partition(" in ")
    return [w for w in re.findall(r"[\w&+-]+", field) if w not in ("a", "an", "the", "of", "and")]


def terms_of(signals: JDSignals, requirements: list[Requirement]) -> dict[int, tuple[str, ...]]:
    """Search terms of every group, by position (remembered for the last JD: a pair asks many times)."""
    for seen, terms in _MEMO:
        if seen is signals and len(terms) == len(requirements):
            return terms
    terms = {i: search_terms(req, signals) for i, req in enumerate(requirements)}
    _MEMO[:] = [(signals, terms)]
    return terms
