"""Read a job description sentence by sentence and give each a role: requirement, preferred, responsibility,
company, benefit or legal. Headings set the role of what follows them ("Must have", "Bonus points", "What we
offer"); the sentence's own words decide when there is no heading, and legal or benefit words always win
(an EEO line under "Requirements" gives no skills)."""

from __future__ import annotations

import re
from dataclasses import dataclass

REQUIREMENT, PREFERRED, RESPONSIBILITY = "requirement", "preferred", "responsibility"
COMPANY, BENEFIT, LEGAL, TITLE, OTHER = "company", "benefit", "legal", "title", "other"
ASKING = frozenset({REQUIREMENT, PREFERRED})

_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        PREFERRED,
        re.compile(
            r"nice[- ]to[- ]haves?|preferred|bonus|desir(?:ed|able)|a plus|extra credit|good to have|"
            r"\bideal(?:ly)?\b|would be great|added advantage|pluses",
            re.I,
        ),
    ),
    (
        LEGAL,
        re.compile(
            r"equal (?:employment )?opportunity|\beeo\b|non-?discrimination|accommodation|disclaimer|"
            r"legal|e-verify",
            re.I,
        ),
    ),
    (
        BENEFIT,
        re.compile(
            r"benefits?|perks|what we offer|we offer|compensation|salary|\bpay\b|why (?:join|work)|"
            r"rewards|what'?s in it",
            re.I,
        ),
    ),
    (
        COMPANY,
        re.compile(
            r"about (?:us|the company|our|[A-Z])|who we are|our (?:story|mission|company|team|culture)|"
            r"company overview|the company|life at|who are we",
            re.I,
        ),
    ),
    (
        REQUIREMENT,
        re.compile(
            r"requirements?|required?|qualifications?|must[- ]haves?|must have|what we (?:expect|look for)|"
            r"expectations|what you(?:'ll)? "
            r"(?:need|bring|have)|who you are|about you|you (?:have|bring|are)|skills|"
            r"experience|to be considered|looking for|minimum|essential(?! (?:job )?(?:functions|duties))|what we need|"
            r"knowledge|credentials|licen[cs]es?|certifications?|education|eligibility",
            re.I,
        ),
    ),
    (
        RESPONSIBILITY,
        re.compile(
            r"responsibilit|what you(?:'ll| will) do|the (?:job|role|work|position)|duties|"
            r"day[- ]to[- ]day|your (?:impact|day|role|work)|in this role|key tasks|"
            r"what you'll be doing|you will|you'll|the opportunity|overview|summary|"
            r"essential functions",
            re.I,
        ),
    ),
)
_LEGAL = re.compile(
    r"equal (?:employment )?opportunity|\beeoc?\b|\beoe\b|e-verify|discriminat|protected (?:class|characteristic|"
    r"veteran|status)|regardless of (?:race|age|sex|gender)|without regard to|affirmative action|reasonable "
    r"accommodation|drug-free workplace|at-will|veterans?/disabled|veterans?['’]? preference|minorities/women|"
    r"background of every|"
    r"not (?:intended to be )?(?:all-inclusive|(?:an )?exhaustive)|celebrate diversity|inclusive (?:environment|"
    r"workplace)",
    re.I,
)
_BENEFIT = re.compile(
    r"salary|\bpay(?:s|ing)? (?:is|range|rate|starts)|\bpay:|401\s?\(?k\)?|\bpto\b|paid (?:time off|holidays|sick|"
    r"leave|parental|vacation|detention)|(?:health|medical|dental|vision)(?:,|/| and| &)\s*(?:dental|vision|life|"
    r"medical)|(?:health|medical|dental|life) (?:insurance|benefits|coverage|plans?)|tuition|discount|stipend|"
    r"pension|retirement|\bequity\b|sign-on bonus|shift differential|reimbursement|\bwe offer\b|perks|wellness|"
    r"\bgym\b|food truck|free (?:meals?|parking|lunch)|employee resource|commission|\bote\b|on-target|calstrs|"
    r"allowance|(?:sign-on|signing|annual|quarterly|monthly|performance|safety|referral|retention) bonus|bonuses|"
    r"weekly pay|daily pay|direct deposit|continuing education|malpractice coverage|stock purchase|"
    r"\bhybrid\b|remote-friendly",
    re.I,
)
# legal words named as a subject the person must know ("Working knowledge of FMLA, ADA, FLSA and EEO regulations")
_KNOWS = re.compile(
    r"\b(?:knowledge|understanding|familiarity|experience|expertise|grounding|fluency)\s+(?:of|with|in)\b|"
    r"\b(?:familiar|experienced|versed|comfortable)\s+with\b",
    re.I,
)
# a sentence that gives what the employer offers: its asks are the offer's ("paid certifications")
_OFFER = re.compile(r"^(?:we(?: also)?|[A-Z][\w&'-]*) (?:offers?|provides?)\b|^benefits include\b", re.I)
# a hiring step the employer runs, said of the applicants or standing alone ("Candidates must pass a background
# check", "Drug screen and background check required"): not a qualification anyone writes on a resume
_SCREENING = re.compile(
    r"\b(?:background (?:check|investigation|screening)s?|drug (?:screens?|screening|tests?|testing)|polygraph|"
    r"physical exam(?:ination)?|credit (?:and criminal )?(?:background )?check|typing test|online application)\b",
    re.I,
)
_APPLICANTS = re.compile(
    r"^(?:(?:all|every|any|some|selected|successful) )?(?:candidates?|applicants?|employees?|new hires?|finalists?|"
    r"offers?(?: of employment)?|employment|hires?|positions? in this class|this (?:position|role|job))\b|"
    r"^(?:(?:a|an|the|pre-employment|satisfactory|successful|(?-i:[A-Z][a-z]+)) ){0,2}(?:background|drug|criminal|"
    r"credit|polygraph|physical)\b",
    re.I,
)
_MONEY = re.compile(r"\$\s?\d|\b\d+k\b", re.I)  # a weak cue: "$25K deals" in a requirement is not a benefit
_COMPANY = re.compile(
    r"^(?:(?i:we(?:'re| are| have|'ve| build| make| run| sell| serve| were| moved| distribute| maintain)|our (?!ideal)|"
    r"founded|since \d{4}|(?:family|employee|locally|veteran|women|woman|minority)[- ]owned)|"
    r"[A-Z][\w&.'-]*(?: [A-Z&][\w&.'-]*){0,4} (?:(?:is|are|was) (?:a|an|the|one|proud|home|"
    r"headquartered|based|located|committed|family|part|known|growing)\b|has|builds|makes|sells|runs|serves|"
    r"distributes|maintains|provides|offers|has been|operates)\b)",
)
_ASKS = re.compile(
    r"\bmust\b|\brequired?\b|\byou (?:have|bring|need|should|must|are|will need|'ll need)\b|"
    r"\bexperience (?:with|in|using|of|on)\b|\b\d+\+? (?:years?|yrs)|(?<!\d-)\bdegree\b|\blicen[cs]e|"
    r"\bcertifi(?!cated)|"
    r"\bability to\b|\bable to\b|\bproficien|\bknowledge of\b|\bfamiliar|\bskills\b|\bto be considered\b|"
    r"\bqualified (?:candidates?|applicants?|individuals?|persons?|people|to)\b|\bare qualified\b|"
    r"\bcomfortable (?:with|on)\b|\bwilling(?:ness)? to\b|\bexpertise\b|\bbackground in\b|"
    r"\b(?:looking for|seeking|searching for) (?:an?|someone|candidates?)\b|\bideal candidate\b|\bwe need\b|"
    r"\b(?:is|are) (?:essential|a must|mandatory)\b|^(?:strong|solid|excellent|proven|demonstrated)\s",
    re.I,
)
PREFERENCE = re.compile(
    r"\bpreferred\b|\bpreferably\b|nice[- ]to[- ]have|\ba plus\b|\bis a plus\b|\bbonus\b|\bideally\b|\bdesired\b|"
    r"\bdesirable\b|\bhelpful\b|\bnot required\b|\badvantage(?:ous)?\b|\bwould be great\b|\bextra credit\b|"
    r"\bis better\b|\bbetter still\b|\bwelcome\b(?! to)|\boptional\b|\bgood to have\b|\bnice extras?\b|"
    r"\b(?:is|are) (?:an? )?extras?\b",
    re.I,
)
_RESPONSIBILITY = re.compile(
    r"^(?:you(?:'ll| will)\b|in this role\b|responsible for\b|(?:own|build|run|lead|manage|maintain|process|"
    r"prepare|support|coordinate|perform|provide|assess|administer|document|educate|collaborate|delegate|"
    r"develop|design|write|review|create|work|plan|deliver|use|handle|answer|keep|diagnose|partner|reconcile|"
    r"help|drive|participate|improve|tune|monitor|communicate|supervise|room|give|enter|take|pass|draft|"
    r"summarize|e-file|calendar|investigate|train|schedule|ensure|establish|analy[sz]e|conduct|operate|load|"
    r"install|troubleshoot|inspect|repair|cook|prep|serve|greet|sell|call|quote|close|teach|counsel|source)\b)",
    re.I,
)
# what only a sentence asking something says: without it, a sentence about the company ("We're a 140-truck
# cooperative ... drivers stay 9 years", "both of our plants are SQF certified") names no requirement
_STRONG_ASK = re.compile(
    r"\bmust\b|\b(?:is|are) (?:essential|a must|mandatory)\b|\brequire[ds]?\b|\bwe need\b|"
    r"\b(?:looking for|seeking|searching for)\b|\bideal\b|"
    r"\bto be considered\b|\bqualified\b|\bcandidates?\b|\bapplicants?\b",
    re.I,
)
_ADDRESSED = re.compile(r"\byou(?:'ll| will)? (?:must|need|should|have|bring|are|will need)\b|\byour\b", re.I)
# a posting's form fields ("Location: Harmon", "Closing Date: Continuous"): facts about the posting, not asks;
# schedule, shift and travel lines are left to the sentence reading (they are conditions)
_POSTING_FIELD = re.compile(
    r"(?:job |position |posting |working |official )?(?:title|location|work location|closing date|close date|"
    r"opening date|open date|posted|date posted|posting date|department|division|agency|reports? to|"
    r"job (?:id|number|code|class|family|type)|requisition(?: id| number| #)?|req(?: id| #)?|employment type|"
    r"position type|position number|fte|flsa(?: status)?|exempt status|classification|class code|"
    r"bargaining unit|union|recruitment (?:number|type)|filing deadline|application deadline|apply by|"
    r"number of (?:positions|openings|vacancies)|vacancies|openings|start date|category)",
    re.I,
)
_MARKER = re.compile(r"^\s*(?:[-•*–·▪◦●]|\d{1,2}[.)])\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
_HEADING_MAX_WORDS = 7
_HEADING_MAX_WORDS_COLON = 12  # a line ending in ":" introduces what follows ("It would be a plus if you have:")


@dataclass(frozen=True)
class Unit:
    """One sentence or bullet of the JD with its role and its span in the JD."""

    start: int
    end: int
    text: str
    role: str
    bullet: bool


def heading_role(line: str) -> str | None:
    """The role a heading line gives what follows it, or None when the line is not a heading."""
    stripped = line.strip().strip("#*_ ").strip()
    most = _HEADING_MAX_WORDS_COLON if stripped.endswith(":") else _HEADING_MAX_WORDS
    if not stripped or _MARKER.match(line) or len(stripped.split()) > most:
        return None
    if not (stripped.endswith(":") or stripped.isupper() or len(stripped.split()) <= 5):
        return None
    if stripped.endswith(".") or re.search(r"\d+\+? years|\$\d", stripped):
        return None
    if re.match(r"why\b", stripped, re.I):
        return COMPANY  # "Why Bellwether?", "Why Fieldnote"
    for role, pattern in _HEADINGS:
        if pattern.search(stripped):
            return role
    return None


def sentence_role(text: str, section: str | None) -> str:
    """The role of one sentence given the section it sits in (None: no heading above it)."""
    legal = _LEGAL.search(text)
    if legal and not _KNOWS.search(text[: legal.start()]):
        return LEGAL
    if _SCREENING.search(text) and _APPLICANTS.match(text.strip()):
        return LEGAL
    if _OFFER.match(text.strip()):
        return BENEFIT
    asks = bool(_ASKS.search(text))
    prefers = bool(PREFERENCE.search(text))
    benefit = bool(_BENEFIT.search(text)) or (bool(_MONEY.search(text)) and section not in ASKING)
    if benefit and not asks:
        return BENEFIT
    if section in (BENEFIT, LEGAL):
        return section
    if section == COMPANY and not (asks and re.search(r"\byou\b", text, re.I)):
        return COMPANY
    hiring = _HIRING_TO.search(text)
    if hiring and section not in ASKING and not _ASKS.search(text[hiring.end() :]) and not prefers:
        return RESPONSIBILITY  # "We are looking for a special education teacher to run our resource room, ..."
    about_us = bool(_COMPANY.match(text.strip())) and not _ADDRESSED.search(text) and not _STRONG_ASK.search(text)
    if about_us and _ASKS.search(_but_part(text)):
        return REQUIREMENT  # "We run on McLeod PowerBroker, but experience in any TMS is fine."
    if section in ASKING:
        if about_us and not prefers:
            return COMPANY  # "Our values are ...", "Our Guidewire team is hiring separately"
        return section  # a cue inside the sentence ("Go is a plus") applies to its clause, not the sentence
    if prefers:
        return REQUIREMENT
    if about_us:
        return COMPANY
    if asks:
        if section == RESPONSIBILITY and _RESPONSIBILITY.match(text.strip()) and not prefers:
            return RESPONSIBILITY
        return REQUIREMENT
    if section is None and _describes_you(text.strip()):
        return REQUIREMENT
    if section == RESPONSIBILITY or _RESPONSIBILITY.match(text.strip()):
        return RESPONSIBILITY
    return OTHER


# "We're looking for a Carrier Sales Representative to cover our customers' loads by ...": the role, then its work
_HIRING_TO = re.compile(
    r"\b(?:looking for|seeking|hiring|searching for|recruiting)\s+(?:an?|the|our|one)\s+(?:[\w&/()-]+\s+){1,6}?"
    r"(?:to|who will)\s+(?=[a-z])",
    re.I,
)


def about_us(text: str) -> bool:
    """A clause about the employer that asks nothing ("We run on McLeod PowerBroker")."""
    stripped = text.strip()
    return bool(_COMPANY.match(stripped)) and not (
        _ADDRESSED.search(stripped)
        or _STRONG_ASK.search(stripped)
        or _ASKS.search(stripped)
        or PREFERENCE.search(stripped)
    )


def _but_part(text: str) -> str:
    """What a sentence says after its ", but" ("" without one)."""
    parts = re.split(r",\s+but\b", text, maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


_YOU = re.compile(r"^you(?:'re| are)?\s+(?:also\s+|already\s+|\w+ly\s+)?(?P<rest>\w.*)", re.I | re.S)
_NOT_ABOUT_YOU = re.compile(
    r"(?:will|'ll|won't|may|might|would|could|get|receive|join|report|can expect|can look|can grow|can apply|"
    r"should apply|can learn|do not need|don't need|need not)\b",
    re.I,
)


def _describes_you(text: str) -> bool:
    """'You know how to write a clear bug report, you can decide what not to automate': the person sought, in the
    present tense; not a duty ("You own the roadmap"), the future ("you'll write") or what they get."""
    match = _YOU.match(text)
    if not match:
        return False
    rest = match.group("rest")
    return not _NOT_ABOUT_YOU.match(rest) and not _RESPONSIBILITY.match(rest)


def read_units(jd: str, title_span: tuple[int, int] | None = None) -> list[Unit]:
    """The JD's sentences and bullets in order, each with its role."""
    units: list[Unit] = []
    section: str | None = None
    listed = gap = False  # the section's lines so far were bullets; a blank line followed them
    pos = 0
    for raw in jd.split("\n"):
        start, line = pos, raw
        pos += len(raw) + 1
        if not line.strip():
            gap = listed
            continue
        label, colon, rest = line.partition(":")
        labelled = bool(colon and rest.strip() and len(label.split()) <= 4)
        # a "Label: value" line is judged by its label: "Job Title: Eligibility Specialist" is no heading
        role = None if labelled else heading_role(line)
        if labelled and _POSTING_FIELD.fullmatch(label.strip(" *#_-•\t")):
            holds_title = title_span is not None and start <= title_span[0] < start + len(line) + 1
            units.append(Unit(start, start + len(line), line, TITLE if holds_title else OTHER, False))
            continue
        if labelled:
            inline = heading_role(label + ":")  # "Benefits: medical, dental ...", "Nice to have: wood-fire ..."
            if inline is not None:
                body_start = start + len(label) + 1
                for s, e in _sentences(rest, body_start):
                    text = jd[s:e]
                    units.append(Unit(s, e, text, _inline_role(inline, text), False))
                continue
        if role is not None:
            section, listed, gap = role, False, False
            continue
        if _unknown_heading(line):
            section = None  # "DEFINITION", "SPECIAL NOTES": a section we cannot name; its sentences speak alone
            continue
        if title_span and start <= title_span[0] < start + len(line) + 1 and len(line.split()) <= 12:
            units.append(Unit(start, start + len(line), line, TITLE, False))
            continue  # a long line holding the title ("We're looking for a QA Engineer with 3 years ...") is read
        marker = _MARKER.match(line)
        if gap and not marker and section in ASKING:
            section = None  # a paragraph after a heading's list, past a blank line, is not in that list's section
        listed, gap = bool(marker), False
        body_start = start + (marker.end() if marker else 0)
        for s, e in _sentences(jd[body_start : start + len(line)], body_start):
            text = jd[s:e]
            units.append(Unit(s, e, text, sentence_role(text, section), bool(marker)))
    return units


def _unknown_heading(line: str) -> bool:
    """An all-capitals line standing alone that no heading pattern names ("DEFINITION", "WORKING CONDITIONS")."""
    stripped = line.strip().strip("#*_ :").strip()
    letters = sum(c.isalpha() for c in stripped)
    return (
        stripped.isupper()
        and letters >= 6
        and len(stripped.split()) <= _HEADING_MAX_WORDS
        and not _MARKER.match(line)
        and not re.search(r"[\d,/;.]", stripped)
    )


def _inline_role(label_role: str, text: str) -> str:
    if _LEGAL.search(text):
        return LEGAL
    return label_role if label_role != RESPONSIBILITY else sentence_role(text, RESPONSIBILITY)


def _sentences(text: str, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the sentences of one line (a bullet is usually one)."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE.finditer(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    spans = []
    for a, b in out:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            spans.append((offset + a + lead, offset + a + trail))
    return spans
