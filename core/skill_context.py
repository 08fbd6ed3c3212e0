"""Where a skill mention sits in a JD: asked of the candidate, or naming a role / describing the company."""

from __future__ import annotations

from spacy.tokens import Doc

# Head nouns of job titles: a skill right before one ("Java Developer", "DevOps engineers") names the role.
ROLE_NOUNS = frozenset(
    """engineer engineers developer developers architect architects administrator administrators admin manager
    managers lead leads specialist specialists consultant consultants designer designers scientist scientists analyst
    analysts tester testers programmer programmers expert experts practice practices warriors position positions
    role roles team teams department guild group""".split()
)
# Words that make a sentence a requirement ("experience with", "you know", "nice to have").
_ASKS = frozenset(
    """experience experienced knowledge familiar familiarity proficient proficiency skills skill understanding
    expertise you your background ability degree years year required require requires must plus bonus nice
    preferred desirable advantage beneficial ideally solid strong good excellent deep working hands-on
    qualifications requirements competence competent fluent fluency expert mastery stack""".split()
)
_COMPANY = frozenset("we our us we're we’re we've we’ve we'll we’ll ours".split())
_COMPANY_VERBS = frozenset(
    """is are was has have builds build provides provide offers offer develops helps supports delivers creates
    makes runs operates serves powers picks uses enables specialises specializes""".split()
)
_SENTENCE_END = frozenset(".!?;")
_TITLE_LINE_MAX = 16


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences of doc (split at . ! ? ; and line breaks)."""
    bounds, start = [], 0
    for token in doc:
        if token.text in _SENTENCE_END or "\n" in token.text:
            bounds.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    return bounds


def names_role(doc: Doc, end: int) -> bool:
    """True when the words after a mention make it part of a role name: 'Java [Backend] Developer'."""
    for offset in range(2):
        if end + offset >= len(doc):
            return False
        token = doc[end + offset]
        if token.lower_ in ROLE_NOUNS:
            return True
        if not (token.is_alpha and token.text[:1].isupper()):
            return False
    return False


NEUTRAL, OFF, ASKED = 0, 1, 2


def _company_subject(doc: Doc, start: int, end: int) -> bool:
    """A sentence whose subject is a name and whose verb describes a company: "Acme Corp is a leading ...",
    "The team picks ...". Up to four capitalised words, then a company verb."""
    i = start
    if i < end and doc[i].lower_ == "the":
        i += 1
    names = 0
    while i < end and names < 4 and (doc[i].text[:1].isupper() or doc[i].text.startswith("<")):
        i, names = i + 1, names + 1
    if i < end and doc[i].lower_ in ("team", "company", "group", "platform", "product"):
        i, names = i + 1, names + 1
    return names > 0 and i < end and doc[i].lower_ in _COMPANY_VERBS


def requirement_context(doc: Doc) -> bytearray:
    """Per token: ASKED in a sentence that asks something of the candidate, OFF in a job-title line or a sentence
    about the company, NEUTRAL otherwise (lists of technologies, fragments)."""
    flags = bytearray(len(doc))
    for start, end in _sentences(doc):
        words = [t.lower_ for t in doc[start:end]]
        if any(w in _ASKS for w in words):
            flags[start:end] = bytes([ASKED]) * (end - start)
            continue
        title_line = end - start <= _TITLE_LINE_MAX and any(
            t.lower_ in ROLE_NOUNS and t.text[:1].isupper() for t in doc[start:end]
        )
        if title_line or any(w in _COMPANY for w in words) or _company_subject(doc, start, end):
            flags[start:end] = b"\x01" * (end - start)
    return flags
