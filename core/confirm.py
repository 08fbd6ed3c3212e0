"""Questions to confirm with the candidate: must-haves the resume neither shows nor implies (never added to it)."""

from __future__ import annotations

import re

from core import grammar
from core.text_search import found, written_in, written_whole
from core.types import CoverageEntry, JDSignals, Requirement

MAX_QUESTIONS = 5
_NOT_ASKED = frozenset({"soft_skill", "condition"})  # 'strong communication', 'lift 50 lbs': not for this list
_CREDENTIAL = re.compile(
    r"\b(?:licen[cs]e[ds]?|certifi(?:ed|cation|cate)|registered|board|credential(?:ed)?|"
    r"CPA|RN|LPN|CDL|PE|EIT|CMA|PMP|CISSP|SHRM(?:-CP)?|LCSW|LMSW|LPC|LMFT|BCBA|NP|PA-C|CNA|EMT|RDH|CVT|LVT|RVT|"
    r"CMP|AIC|CPCU|CFA|CISA|CIA|PHR|SPHR|CSCP|CPIM|ASE|CMSRN|ACLS|BLS|PALS|CCRN|CEN|ServSafe|OSHA)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(r"\b(?:degree|bachelor|master|doctor|BSN|BS|BA|MBA|PhD|DPT|PharmD|JD|MSW|associate)\b", re.I)


def jd_wording(signals: JDSignals, skill: str) -> str:
    """The JD's own words for a skill (its first quote when that reads as a name), else the canonical name."""
    for mention in [*signals.required, *signals.preferred]:
        if mention.skill == skill and mention.quote.strip():
            quote = mention.quote.strip()
            return quote if not quote.islower() or len(quote) > 3 else skill
    return skill


def supported_name(signals: JDSignals, skill: str, resume: str) -> str | None:
    """The JD's words for a skill the resume shows, when the resume itself uses those words (then writing them in the
    summary or skills list claims nothing new). None otherwise: a JD alias may mean more than the resume shows
    ('firewalls' for networking), and a reading of the skill can be wrong ('DPT programs' is not a DPT)."""
    lower = resume.lower()
    for mention in [*signals.required, *signals.preferred]:
        quote = mention.quote.strip()
        # a name of its own on the resume, not a piece of a longer one ('WP' of 'WP-CLI' names nothing held)
        if (
            mention.skill == skill
            and quote
            and found(quote.lower(), lower)
            and (quote == quote.lower() or written_whole(quote, resume))
        ):
            return quote
    return None


def is_credential(name: str) -> bool:
    """True for a degree, licence or certification name: stated only as the resume states it, never added."""
    return bool(_DEGREE.search(name) or _CREDENTIAL.search(name))


_LEAD_IN = re.compile(
    r"^(?:(?:we(?:'|’)re|we are) looking for (?:someone|a candidate|candidates)(?: with| who has| who have)?\s+"
    r"|you(?:'|’)ll need\s+|you will need\s+|(?:you|candidates|applicants|drivers|the candidate) (?:must|should|will)"
    r" (?:have|hold|possess)\s+|must (?:have|hold)\s+|enough\s+|comfort(?:able)? (?:with\s+)?)",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"(?:[\s,;:—–-]+|\s+(?:and|or|of|in|on|at|a|an|the|with|for|to|including|at least))+$", re.I)
_STATE_WORDS = re.compile(r"^(?:a\s+)?(?:current|valid|active)\s+", re.IGNORECASE)
_PREPOSITIONS = frozenset("of for in at on with to from by as into about per via".split())
MAX_WORDS = 16  # a longer 'requirement' is a sentence the JD reader did not cut: no question to send


def _cleaned(name: str, sentence: str = "") -> str:
    """The JD's words as the object of a question: a word the JD reader cut in half dropped ('in an agenc'), with
    what then dangles ('…, and', 'at least'); a lead-in that is no requirement removed ("We're looking for someone
    with", "You'll need"); a parenthesis cut open dropped."""
    name = " ".join(name.split())
    at = sentence.find(name) if sentence else -1
    if at >= 0 and sentence[at + len(name) : at + len(name) + 1].isalnum() and " " in name:
        name = name.rsplit(" ", 1)[0]  # 'CAPTE-accredited p' of '… program'
    if name.count("(") > name.count(")"):  # a JD wording cut inside its parenthesis: 'DFM (castings, sheet metal'
        name = name[: name.rindex("(")].strip() or name
    name = re.split(r"\s+[—–]\s+", name, maxsplit=1)[0]  # '… roles — you don't need to code': an aside
    name = _DANGLING.sub("", _LEAD_IN.sub("", name)).strip()
    return name


def _article(name: str) -> str:
    """'a' or 'an' for a name a noun phrase opens ('an MS', 'a Master's degree')."""
    first = name.split()[0] if name.split() else ""
    spoken_vowel = first[:1].lower() in "aeio" or (first.isupper() and first[:1] in "AEFHILMNORSX")
    return "an" if spoken_vowel else "a"


_MASS = frozenset("software experience equipment knowledge data".split())


def _needs_article(name: str) -> bool:
    """A singular count noun phrase takes an article ('a cloud data warehouse'); a plural ('performance testing tools
    like k6') or a mass noun ('estimating software') does not."""
    head = re.split(r"\s+(?:like|such as|including)\s+|\s*[(:,]", name, maxsplit=1)[0].split()
    if not head:
        return False
    first, last = head[0].lower(), head[-1].lower()
    plural = last.endswith("s") and not last.endswith("ss")
    return (
        first not in ("a", "an", "the", "any", "one", "two")
        and not first[:1].isdigit()
        and not plural
        and (last not in _MASS)
    )


def _lower_opener(name: str) -> str:
    """A common noun capitalised only because it opened a JD line, in lower case ('Collection development')."""
    words = name.split()
    common = bool(words) and bool(grammar.other_readings(words[0]) or grammar.verb_tags(words[0]))
    if len(words) > 1 and common and words[0][1:].islower() and words[1] == words[1].lower():
        return words[0].lower() + " " + " ".join(words[1:])  # 'Budget management for events over $100K'

    if len(words) == 1 and words[0][1:].islower() and "NOUN" in grammar.other_readings(words[0]):
        return words[0].lower()  # 'Cloud'
    return name


def _verb_led(name: str) -> bool:
    """'run small-group and individual counseling sessions', 'take and interpret radiographs': a duty, not a noun."""
    words = name.split()
    if len(words) < 2 or not words[0].islower() or "VB" not in grammar.verb_tags(words[0]):
        return False
    nxt = words[1].lower()
    if nxt in _PREPOSITIONS:
        return False  # 'control of food and labor costs'
    plain_next = not grammar.other_readings(nxt) and not grammar.verb_tags(nxt)
    return "NOUN" not in grammar.other_readings(words[0]) or nxt in ("and", "or", "a", "an", "the") or plain_next


def question(
    name: str, alternatives: list[str] | None = None, kind: str | None = None, sentence: str = ""
) -> str | None:
    """A question a recruiter can send about one missing must-have, in the JD's words; None when the JD's words are
    no requirement one can ask about (a sentence about the company)."""
    name = _cleaned(name, sentence)
    if not name or len(name.split()) > MAX_WORDS or re.match(r"(?:we|our|we're|we’re)\b", name, re.I):
        return None
    if all(w.lower() in _PREPOSITIONS | {"and", "or", "a", "an", "the", "someone"} for w in re.findall(r"\w+", name)):
        return None  # 'with' of a JD line cut after 'someone with': nothing to ask about
    others = [a for a in alternatives or [] if a.lower() != name.lower() and a.lower() not in name.lower()]
    if sentence:  # only names the JD writes: never a taxonomy label ('Back-End Development')
        others = [a for a in others if written_in(a, sentence)]
    subject = name if not others else f"{name} (or {', '.join(others[:2])})"
    if kind == "degree" or (kind in (None, "skill") and _DEGREE.search(subject)):
        lead = f"{_article(subject)} " if _needs_article(subject) and not subject[:1].isupper() else ""
        named = re.match(r"(?:bachelor|master|associate|(?:BS|BA|MS|MA|MBA|B\.S\.|M\.S\.)\b)", subject, re.I)
        lead = lead or (f"{_article(subject)} " if named else "")
        return f"Do you hold {lead}{subject}, or are you working toward it?"
    if kind in ("certification", "licence") or (kind in (None, "skill") and _CREDENTIAL.search(subject)):
        return f"Do you hold a current {_STATE_WORDS.sub('', subject)}, and which state or body issued it?"
    if kind == "experience_years":
        return f"Do you have {subject}, and in which roles?"
    subject = _lower_opener(subject)
    if _verb_led(subject):
        return f"Can you {subject}, and where have you done it?"
    if kind == "tool":
        lead = f"{_article(subject)} " if _needs_article(subject) and subject[:1].islower() else ""
        return f"Have you used {lead}{subject} in your work, and for how long?"
    if len(subject.split()) > 1 and re.match(r"\w+ing\b", subject) and "VBG" in grammar.verb_tags(subject.split()[0]):
        return f"Do you have experience {subject}, and where did you do it?"  # 'performing prophylaxis'
    subject = re.sub(r"\s+experience$", "", subject)  # 'Event registration platform experience'
    return f"Do you have experience with {subject}, and where did you use it?"


def confirm_list(entries: list[CoverageEntry], signals: JDSignals, kind_of: object = None) -> list[dict[str, str]]:
    """The required skills covered neither directly nor through a narrower one, as {skill, question} items."""
    out: list[dict[str, str]] = []
    reqs: list[Requirement] = list(signals.requirements) if len(signals.requirements) == len(entries) else []
    for i, entry in enumerate(entries):
        if not entry.required or entry.before:
            continue
        name = (entry.jd_name or None) or jd_wording(signals, entry.skill)
        alternatives = [a for a in entry.alternatives if a != entry.skill]
        if entry.kind in _NOT_ASKED:
            continue
        kind = entry.kind if entry.kind != "skill" else (kind_of(entry.skill) if callable(kind_of) else None)
        sentence = reqs[i].sentence if reqs else ""
        asked = question(name, alternatives, kind, sentence)
        if asked is None:
            continue
        out.append({"skill": entry.skill, "requirement": _cleaned(name, sentence), "question": asked})
        if len(out) >= MAX_QUESTIONS:
            break
    return out
