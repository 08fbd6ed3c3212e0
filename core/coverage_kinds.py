"""How each kind of requirement is judged against a resume: years of experience from dated roles, degrees by
level and field, licences by state, and requirements in the JD's own words (see docs/SCORING.md, "Coverage")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import core.word_stems as _ws
from core.grammar import other_readings, verb_tags
from core.jd_parts import PORTABLE, states_in
from core.jd_requirements import _SOFT_WORDS, DEGREE_LEVELS, years_what
from core.keywords import ENGLISH_STOP
from core.resume_view import ResumeView
from core.types import CoverageEvidence, Requirement
from core.word_stems import soft_share
from core.word_stems import stem as _base_stem
from core.word_stems import work_stem as _stem
from core.word_weights import weighted_share

CLIPPED_NAME = 85  # a requirement name this long was likely clipped for display (core.jd_requirements.clipped)
YEARS_SLACK = 0.25  # "3+ years" is met by 2 years and 10 months of dated roles
BODY_YEARS_SHARE = 0.5  # a role whose heading does not name the skill, and one line of it does: half its years
WORDS_MET = 0.6  # share of a requirement's content words one resume line must hold (requirements with no skill)
# or a line, not a keyword list, holding this share of a side's weight (core.word_weights: its rare words), for sides
# of two words or more; chosen leave-one-folder-out over the eight read folders (README, "Matching")
WEIGHTED_MET = 0.65
WEIGHTED_MIN_WORDS = 2
_WORD = re.compile(r"[a-z0-9][a-z0-9+#&]*")
_HIGH_SCHOOL = re.compile(r"\bhigh school\b|\bGED\b|\bsecondary school\b", re.I)
# a credential or degree not held (yet, or any more): "(expected 2027)", "working toward LCSW", "in progress",
# "(expired 03/2025)", "Part 1 passed"
_PENDING = re.compile(
    r"\b(?:expected|anticipated|in progress|pursuing|enrolled|candidate|toward|towards|working on|studying|"
    r"preparing|applying|planned|plan(?:ning)? to|intend(?:ing)? to|apply to|will (?:sit|take)|"
    r"hours (?:of|toward)|course still|not yet|half done|"
    r"due (?:in )?20\d\d|pending|application submitted|applied for|submitted to|awaiting|under review|"
    r"expired|lapsed|part (?:1|one|i) passed)\b",
    re.I,
)
# a skill being learned, not used: "Playwright course (in progress)"
_LEARNING = re.compile(r"\b(?:in progress|enrolled|currently taking|still in progress)\b", re.I)
_GENERIC = frozenset(
    """professional experience role roles work working position setting settings environment industry field
    including include related relevant similar equivalent least years year months level plus hands overall total
    combined verifiable proven progressive direct prior previous minimum company companies team teams domain sector
    skill skills knowledge background ability abilities familiarity understanding proficiency exposure
    technique techniques method methods principle principles concept concepts fundamentals basics basic
    a an the or and of in on for to with as at by from any such like""".split()
)
CREDENTIALS = frozenset({"certification", "licence", "degree"})
_AS_TITLE = re.compile(r"\b(?:as|as an?|as the)\s+(?:an?\s+)?[a-z]", re.I)
_LENIENT_FIELD = re.compile(r"\brelated (?:field|discipline|area|degree)|\bequivalent\b|\bsimilar field", re.I)
_CERTIFICATE_OK = re.compile(
    r"\bor (?:a )?(?:certificate|certification|diploma)\b|\b(?:certificate|diploma) or (?:an? )?(?:associate|degree)",
    re.I,
)
# "X such as A or B", "X (A, B or similar)": a parenthesis lists examples when it holds a list
_EXAMPLES = re.compile(r"\s*(?:\bsuch as\b|\be\.g\.,?|\bincluding\b|\blike\b|\((?=[^()]*(?:,|\bor\b)))\s*", re.I)
# a credential named by its acronym needs no "certification" beside it ("CCNA certification": "Cisco CCNA")
_ACRONYM_CREDENTIAL = re.compile(
    r"\b[A-Z]{3,}\b(?!\s*\d)[^,/]*?\s(?:certification|certificate|certified|credential|designation)s?\b"
)
_CREDENTIAL_WORDS = re.compile(r"\bcertifi|\blicen[cs]|\bregistration\b|\bcredential|\bendorsement|\bdesignation", re.I)
_CERTIFICATE = re.compile(r"\b(?:certificate|diploma|certification)\b", re.I)


@dataclass(frozen=True)
class Found:
    """A taxonomy skill shown in the resume: where, the words, and whether only in a keyword list."""

    skill: str
    bullet: int  # bullet index, -1 outside bullets
    quote: str
    listed: bool
    pos: int  # character offset in the resume (a rewritten bullet's mentions: the bullet's start)
    line: str  # the line (or bullet as it stands) the mention is in
    pending: bool = False  # the line says a credential is not held yet ("expected 2027", "working toward")
    learning: bool = False  # the line says a skill is being learned ("course in progress")


@lru_cache(maxsize=4096)
def line_status(line: str) -> tuple[bool, bool]:
    """(pending, learning) for one line of the resume."""
    return bool(_PENDING.search(line)), bool(_LEARNING.search(line))


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()))


_GENERIC_STEMS = frozenset(_stem(w) for w in _GENERIC)


def key_words(terms: list[str]) -> set[str]:
    return {w for w in _words(" ".join(terms)) if w not in _GENERIC_STEMS and not w.isdigit() and len(w) > 1}


@lru_cache(maxsize=4096)
def mostly_soft(name: str) -> bool:
    """A requirement naming qualities of a person ("excellent written and verbal communication", "calm under
    pressure") rather than work, a tool or a credential ("grant writing", "CMP certification"): more than
    SOFT_SHARE of its content words are the words of soft skills; a credential never is, whatever its words
    ("CMP (Certified Meeting Professional) certification", "Certified Professional Estimator (CPE)")."""
    if _CREDENTIAL_WORDS.search(name):
        return False
    raw = [w for w in _WORD.findall(name.lower()) if w not in ENGLISH_STOP and _stem(w) not in _GENERIC_STEMS]
    raw = [w for w in raw if not w.isdigit() and len(w) > 1]
    extra = frozenset(_base_stem(w) for w in raw if _SOFT_WORDS.search(w))
    return soft_share({_base_stem(w) for w in raw}, extra) > _ws.SOFT_SHARE  # the soft words' own stems


# how well a language is spoken, lowest first: a JD asking "native or fluent" is not met by "Portuguese (basic)"
_LANGUAGE_LEVELS = (
    (1, re.compile(r"\b(?:basic|beginner|elementary|limited|learning|rudimentary|some|A1|A2)\b", re.I)),
    (2, re.compile(r"\b(?:conversational|intermediate|functional|B1|B2)\b", re.I)),
    (3, re.compile(r"\b(?:fluent|fluency|advanced|professional|proficient|proficiency|C1|C2)\b", re.I)),
    (4, re.compile(r"\b(?:native|bilingual|mother tongue|first language)\b", re.I)),
)


def language_level(text: str, *, lowest: bool = True) -> int | None:
    """The level of speaking a text names (1 basic, 2 conversational, 3 fluent, 4 native), or None; of several
    ("native or fluent") the lowest when `lowest`, which is what a JD asks at least."""
    found = [level for level, words in _LANGUAGE_LEVELS if words.search(text)]
    if not found:
        return None
    return min(found) if lowest else max(found)


def spoken_level(line: str, quote: str) -> int | None:
    """The level a resume line gives the language it names: in the brackets after it ("Portuguese (basic reading)"),
    up to the next comma, or in the two words before it ("conversational Spanish")."""
    at = line.find(quote)
    if at < 0:
        return None
    rest = line[at + len(quote) :]
    item_end = re.compile(r"[,;|•]")
    after = rest.lstrip()[1:].split(")", 1)[0] if rest.lstrip().startswith("(") else item_end.split(rest, maxsplit=1)[0]
    before = " ".join(re.split(r"[,;|•():]", line[:at])[-1].split()[-2:])  # this item's words, not the one before
    return language_level(f"{before} {after}", lowest=False)


# a Lean / Six Sigma belt, lowest first: "Yellow Belt or higher" is not met by a White Belt
_BELTS = {"white": 1, "yellow": 2, "green": 3, "black": 4, "master black": 5}
_BELT = re.compile(r"\b(master black|white|yellow|green|black)[\s-]+belt\b", re.I)


@lru_cache(maxsize=8192)  # asked of every resume line by each requirement's words, on every side judged
def belt_level(text: str) -> int | None:
    """The lowest belt a text names (a JD's "Green or Black Belt" asks a green one at least), or None."""
    found = [_BELTS[m.lower()] for m in _BELT.findall(text)]
    return min(found) if found else None


def state_ok(states: list[str], line: str) -> bool:
    """A licence line from another state does not meet "Ohio RN license"; one naming no state, or a compact, does."""
    named = states_in(line)
    return not named or bool(set(named) & set(states)) or bool(PORTABLE.search(line))


_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
_QUALIFIER = re.compile(r"\s(?:with|in|at|for|on|across)\s|,\s*(?:including|especially|ideally|preferably)\b")


@lru_cache(maxsize=4096)
def _head_words(head: str) -> frozenset[str]:
    """A heading's words and the initials of its capitalised names ("Human Resources Assistant" -> hr, hra)."""
    extra: set[str] = set()
    for run in _CAPITALISED_RUN.findall(head):
        initials = "".join(w[0] for w in run.split()).lower()
        extra.update(initials[i:j] for i in range(len(initials)) for j in range(i + 2, len(initials) + 1))
    return _words(head) | extra


def _title_hit(terms: set[str], head: str) -> bool:
    """The role's heading holds the requirement's words: all of one or two, two thirds of more."""
    if not terms:
        return False
    shared = len(terms & _head_words(head))
    return shared >= (len(terms) if len(terms) <= 2 else -(-2 * len(terms) // 3))


def _split_hit(side: set[str], head: str, text: str) -> bool:
    """The title carries part of it and the role's work the rest ("Marketing Operations Analyst" writing SQL for
    the "data" team: data analyst experience)."""
    return bool(side & _head_words(head)) and side <= _words(text)


def _stated_hit(what: str, said: str) -> bool:
    """A stated "N years designing weldments for forestry equipment" is about "product design experience with
    heavy equipment, vehicles or industrial machinery": half the words before the qualifier and half of one of
    its sides (a candidate's own statement of years is read more loosely than a role's title)."""
    qualifier = _QUALIFIER.search(what)
    if not qualifier:
        return False
    head = key_words([what[: qualifier.start()]])
    words = _words(said)
    if not head or 2 * len(head & words) < len(head):
        return False
    return any(2 * len(side & words) >= len(side) for side in sides(what[qualifier.end() :]) if side)


def years_met(req: Requirement, view: ResumeView, found: list[Found], graph: Any) -> tuple[bool, str]:
    """Whether the dated roles (or a stated "N years of ...") reach the years asked, counting relevant roles:
    a role named for it counts in full, a role whose work only mentions it counts half."""
    need = req.years or 0.0
    acceptable = graph.acceptable(req.alternatives, similar=req.similar) if req.alternatives else frozenset()
    terms = key_words(req.terms)
    generic = not acceptable and not terms
    what = years_what(whole_clause(req))
    qualifier = _QUALIFIER.search(what)
    # the sides of an "or" before the qualifier ("HR, recruiting or administrative" experience "in a hospital")
    options = [side for side in sides(what[: qualifier.start()] if qualifier else what) if side] if what else []
    options = options or [terms]
    # "2+ years as a sous chef": only roles holding that title count, not work that mentions its skills
    as_title = bool(_AS_TITLE.search(req.jd_name))
    # what a title need not say: a credential the resume holds ("Class A driving": a Class A CDL and Driver roles)
    # and the work's verb when the title names its object ("pulling tankers": Tanker Driver)
    held = _held_words(found, graph)
    verbs = {_stem(w) for w in _WORD.findall(what.lower()) if w.endswith("ing")}
    reduced = [
        [r for r in (side - verbs, *(side - q for q in held), *(side - q - verbs for q in held)) if r and r != side]
        for side in options
    ]
    order = [_stem(w) for w in _WORD.findall(what.lower())]
    excused = frozenset(verbs.union(*held))  # what a title need not say, as above
    asked = frozenset(w for side in options for w in side)
    relevant = 0.0
    for role in view.roles:
        if generic:
            relevant += role.years
            continue
        head_end = role.head_end if role.head_end >= 0 else len(role.text)
        in_role = [f for f in found if role.start <= f.pos < role.end and graph.meets(f.skill, acceptable)]
        named_in_head = any(f.pos < role.start + head_end for f in in_role) and not as_title
        head = role.text[:head_end]
        title = title_words(head)
        present = _words(role.text) | _head_words(head) | excused
        other = [_other_kind(side, order, title, asked, present) for side in options]
        clean = any(
            not odd and (_title_hit(side, head) or (not as_title and _split_hit(side, head, role.text)))
            for side, odd in zip(options, other, strict=True)
        )
        if any(other) and not clean:
            continue  # "Personal Lines Underwriter" for "commercial lines underwriting": another kind of the work
        head_hit = named_in_head or clean
        head_hit = head_hit or (not as_title and any(rest <= _head_words(head) for rests in reduced for rest in rests))
        share = SUBORDINATE_YEARS_SHARE if title and title[-1] in _SUBORDINATE_STEMS else 1.0
        if head_hit:
            relevant += share * role.years
        elif in_role and not as_title:
            relevant += share * BODY_YEARS_SHARE * role.years
    stated = [
        s.years
        for s in view.stated
        if generic
        or any(_title_hit(side, s.what) for side in options)
        or (bool(what) and _stated_hit(what, s.what))
        or (
            not as_title
            and any(f.pos >= s.start and f.pos < s.start + 90 and graph.meets(f.skill, acceptable) for f in found)
        )
    ]
    best = max([relevant, *stated])
    return best + YEARS_SLACK >= need, f"years {round(best, 1):g} vs {need:g}"


def whole_clause(req: Requirement) -> str:
    """The requirement's clause as the JD wrote it: the name is clipped for display ("... OR 5+ years of"), the
    sentence holds the rest."""
    name = req.jd_name
    if len(name) < CLIPPED_NAME or not req.sentence:
        return name
    at = req.sentence.find(name)
    return req.sentence[at:] if at >= 0 else name


# words of a title that rank the job rather than say what it is ("Senior", "Staff", "II")
_RANK = frozenset("senior sr junior jr lead staff principal chief head i ii iii iv v level entry".split())
# a title whose last word is one of these names someone who works beside the job, not the job ("HVAC Installer
# Helper", "Counseling Intern"): half its years count
_SUBORDINATE = ("helper", "assistant", "aide", "apprentice", "intern", "trainee", "extern")
_SUBORDINATE_STEMS = frozenset(_stem(w) for w in _SUBORDINATE)
SUBORDINATE_YEARS_SHARE = 0.5
_MARKED = re.compile(r"^\s*(?:[-•*–·▪◦●]|\d{1,2}[.)])\s")  # a bullet's line, not a heading's
_TITLE_END = re.compile(r"\s+[—–|-]\s+|,|\||\(|\s{2,}|\t|\n")


@lru_cache(maxsize=4096)
def title_words(head: str) -> tuple[str, ...]:
    """The stemmed words of a role's title, in order (the heading before its employer, place or dates), without
    the words that rank the job."""
    lines = [line for line in head.splitlines() if line.strip() and not _MARKED.match(line)]
    title = _TITLE_END.split(lines[0].strip() if lines else "", maxsplit=1)[0]
    return tuple(_stem(w) for w in _WORD.findall(title.lower()) if w not in _RANK and not w.isdigit())


def _other_kind(
    side: set[str], order: list[str], title: tuple[str, ...], asked: frozenset[str], present: frozenset[str]
) -> bool:
    """The title holds the work the side names (its last word) but another kind of it: a word of the side before
    that is missing from the role and the title has its own word in that place ("Personal Lines Underwriter" for
    "commercial lines underwriting", "Assistant Store Manager" for "General Manager"; not "Marketing Operations
    Analyst" for "data analyst" when the role's work is data work, nor "IT Support" for "IT help desk or desktop
    support")."""
    placed = [w for w in order if w in side]
    if len(placed) < 2 or placed[-1] not in title:
        return False
    kind = placed[-1]
    if not (set(placed[:-1]) - present):
        return False
    return any(w not in asked for w in title[: title.index(kind)])


def _held_words(found: list[Found], graph: Any) -> list[frozenset[str]]:
    """The words of each name by which the resume shows a credential it holds (not pending): "Class A CDL"."""
    quotes = {f.quote for f in found if graph.kinds.get(f.skill) in CREDENTIALS and not f.pending}
    return [_words(quote) for quote in sorted(quotes)]


def years_share(how: str) -> float | None:
    """For an experience requirement judged "years 2.5 vs 4": the share of the years asked that were found."""
    found = re.fullmatch(r"years ([\d.]+) vs ([\d.]+)", how)
    if not found or float(found.group(2)) <= 0:
        return None
    return min(1.0, float(found.group(1)) / float(found.group(2)))


# a degree written as its level "of" a field ("Master of Occupational Therapy", "Bachelor of Commerce"): the graph
# knows some by name, and any other is still a degree of that level
_NAMED_DEGREE = re.compile(r"\b(Associate|Bachelor|Master|Doctor)(?:'s|’s)? of (?:Applied |Arts in |Science in )?[A-Z]")
_NAMED_LEVELS = {"Associate": "Associate Degree", "Bachelor": "Bachelor's Degree", "Master": "Master's Degree"}
_SCHOOL = re.compile(r"\b(?:University|College|Institute|School|Polytechnic|Academy)\b")


def _named_degrees(view: ResumeView, graph: Any, acceptable: frozenset[str]) -> list[Found]:
    """The degrees of an acceptable level the resume writes as "<level> of <field>" on an education line."""
    out = []
    for line in view.lines:
        if (line.section != "Education" and not _SCHOOL.search(line.text)) or line_status(line.text)[0]:
            continue  # not an education line, or a degree not held yet ("Currently enrolled: ...")
        for named in _NAMED_DEGREE.finditer(line.text):
            level = _NAMED_LEVELS.get(named[1], "Doctorate")
            if graph.meets(level, acceptable):
                out.append(Found(level, -1, named[0], False, line.start, line.text))
    return out


def degree_met(req: Requirement, view: ResumeView, found: list[Found], graph: Any) -> tuple[bool, list[Found]]:
    """A specific degree the JD names ("BSN"), or a degree of the level asked in one of the fields asked."""
    acceptable = graph.acceptable(req.alternatives or [req.skill])
    specific = frozenset(a for a in acceptable if a not in DEGREE_LEVELS)
    hits = [f for f in found if graph.meets(f.skill, acceptable)] or _named_degrees(view, graph, acceptable)
    if not hits and "High School Diploma" in acceptable and _HIGH_SCHOOL.search(view.text):
        return True, []
    exact = [f for f in hits if specific and graph.meets(f.skill, specific)]
    fields = _words(" ".join(req.terms))
    if not hits and _CERTIFICATE_OK.search(req.jd_name):
        # "Associate degree or certificate in HVAC/R": a certificate in the field counts
        for line in view.lines:
            if line.section in ("Education", "Certifications") or _CERTIFICATE.search(line.text):
                if _CERTIFICATE.search(line.text) and (not fields or fields & _words(line.text)):
                    return True, [Found("certificate", -1, line.text.strip()[:80], False, line.start, line.text)]
    if exact or not hits or not req.terms or _LENIENT_FIELD.search(req.sentence or req.jd_name):
        return bool(exact or hits), exact or hits  # "or a related field": recruiters take the level
    good = [f for f in hits if fields & _words(f.line)]
    return bool(good), good or hits


_OR_HIGHER = re.compile(r",?\s+or (?:higher|above|better|greater|later|newer)\b", re.I)
_KIND_OF = re.compile(r"\s*(?:an?\s+)?(?:similar|comparable|equivalent|another|other)\b", re.I)


def sides(text: str, head: bool = True) -> list[set[str]]:
    """The word sets that each meet "A, B or C experience" on their own: each side, a short side sharing the
    words after the last one ("HR, recruiting or administrative experience"), a one-word side sharing the head
    of the side before it ("ACR registration or certification"); "X such as A or B": X, A and B."""
    text = _OR_HIGHER.sub("", text)  # "Yellow Belt or higher": a level, not a second side
    example = _EXAMPLES.search(text)
    if example:
        inside, _, after = text[example.end() :].partition(")")
        examples = [key_words([p]) for p in re.split(r",\s*|\s+or\s+|\s+and\s+|/", inside)]
        leads = sides(text[: example.start()] + " " + after) if head else []
        return [w for w in (*leads, *examples) if w] or [key_words([text])]
    text = _ACRONYM_CREDENTIAL.sub(lambda m: m.group(0).rsplit(" ", 1)[0], text)
    parts = [p for p in re.split(r",\s*(?:or\s+)?|\s+or\s+|/", text) if key_words([p])]
    if len(parts) < 2:
        return [key_words([text])]
    last = key_words([parts[-1]])
    tail: set[str] = set()
    # "Naviance, SCOIR or a similar college and career platform": the named ones are kinds of the last, not sides
    # sharing its words as "HR, recruiting or administrative experience" do
    if len(last) > 1 and all(len(key_words([p])) == 1 for p in parts[:-1]) and not _KIND_OF.match(parts[-1]):
        tail = last - key_words(parts[-1].split()[:1])
    out = []
    for i, part in enumerate(parts):
        words = key_words([part])
        if i < len(parts) - 1 and not _whole_thing(part):
            words |= tail
        if i and len(part.split()) == 1 and len(parts[i - 1].split()) > 1:
            words |= key_words(parts[i - 1].split()[:-1])
        out.append(words)
    return out


def _whole_thing(part: str) -> bool:
    """A one-word side of "A, B or C D" that names a whole thing rather than a kind of D: a plural noun ("pumps,
    valves or fluid handling"), a product's name ("DocuSign or Adobe Sign") or a field ("Manufacturing or consumer
    products experience"); "corrugated or packaging equipment" and "sit-down or reach trucks" share the last
    side's head."""
    word = part.strip().split()[0] if part.strip() else ""
    lower = word.lower()
    if any(c.isupper() for c in word[1:]) and not word.isupper():
        return True  # DocuSign, ProSeries
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and "NOUN" in other_readings(lower[:-1]):
        return True
    return bool(verb_tags(lower) & {"VBG"}) and not other_readings(lower)


# a requirement ending in one name in brackets: an example or the short name of what it asks
_NAMED_ASIDE = re.compile(r"\s*\(([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\)?\s*$")


def _alternatives(req: Requirement) -> list[set[str]]:
    """The word sets a requirement in its own words can be met by: each side of "A, B or C experience"."""
    named = _NAMED_ASIDE.search(req.jd_name)
    if named:  # "college admissions and financial aid (FAFSA)": the name in brackets shows it too
        return [*_alternatives(req.model_copy(update={"jd_name": req.jd_name[: named.start()]})), key_words([named[1]])]
    if " or " not in req.jd_name and not _EXAMPLES.search(req.jd_name):
        return [key_words(req.terms)]
    # "a cloud data warehouse (Snowflake, BigQuery or Redshift)": the graph judged the examples; the category's
    # words alone are not evidence then
    return sides(req.jd_name, head=len(req.alternatives) < 2) or [key_words(req.terms)]


# An industry a JD asks experience in, and the words (regular expressions) by which a resume shows it in an
# employer or its work ("a regional bank" is financial services, "a trucking company" transportation; "bank
# reconciliations" is not a bank). General facts of the trade only.
_BANK = r"banks?(?!\s+(?:rec|statement|deposit|account|feed|transfer|card|wire))|banking|credit unions?"
INDUSTRY_WORDS: dict[str, str] = {
    "financial services": _BANK + r"|lender|lending|mortgage|brokerage|wealth management|asset management|insurer",
    "banking": _BANK + r"|savings and loan",
    "credit union": r"credit unions?",
    "lending": r"lender|lending|mortgage|loan servicing|loan origination",
    "insurance": r"insurer|insurance (?:company|carrier|agency)|underwriting",
    "transportation": r"trucking|freight|motor carrier|airlines?|railroads?|transit agency",
    "logistics": r"logistics|warehousing|distribution cent(?:er|re)s?|3PL|third-party logistics|freight|trucking",
    "distribution": r"distributors?|distribution (?:company|business|cent(?:er|re)s?)|wholesaler?s?",
    "manufacturing": r"manufacturers?|manufacturing|factory|factories|fabricators?",
    "industrial": r"manufacturers?|manufacturing|factory|factories|industrial",
}
_INDUSTRY_SIGNS = [
    (frozenset(key_words([name])), re.compile(r"\b(?:" + words + r")\b", re.I))
    for name, words in INDUSTRY_WORDS.items()
]


def _industry_line(terms: set[str], line: str) -> bool:
    """The side of a requirement names an industry and the line shows it ("financial services" / "a regional
    bank")."""
    return any(need <= terms and sign.search(line) for need, sign in _INDUSTRY_SIGNS)


def _industry_words(terms: set[str], line: str) -> frozenset[str]:
    """The words of the industries a side names that the line shows in its own words: they count as said, and the
    side's other words still have to be ("commercial real estate lending" is not shown by "consumer lending")."""
    return frozenset(w for need, sign in _INDUSTRY_SIGNS if need <= terms and sign.search(line) for w in need)


@lru_cache(maxsize=8192)
def _line_words(text: str) -> frozenset[str]:
    """A resume line's words, with each two words also written as one ("lay out" is also "layout", "set up"
    "setup") and the initials of a name kept as they are ("ELDS")."""
    words = [_stem(w) for w in _WORD.findall(text.lower())]
    return frozenset(words) | {_stem(a + b) for a, b in zip(words, words[1:], strict=False)}


_NAME_WORDS = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:and|of|for|the|&)?\s*[A-Z][a-z]+){2,}")


def _initials(req: Requirement) -> list[set[str]]:
    """A requirement naming a thing of three capitalised words or more is also met by its initials
    ("Early Learning and Development Standards": ELDS), with any words of the name before them."""
    out = []
    for run in _NAME_WORDS.findall(req.jd_name):
        caps = [w for w in run.split() if w[0].isupper()]
        for i in range(len(caps) - 2):
            out.append({_stem("".join(w[0] for w in caps[i:]).lower())})
    return out


def _halves(req: Requirement) -> list[set[str]]:
    """The sides of "A and B" in a requirement's own words, each of two words or more ("managing mechanically
    ventilated patients and titrating vasoactive infusions"): a line holding all of one side's words shows it."""
    if " or " in req.jd_name or _EXAMPLES.search(req.jd_name):
        return []
    parts = re.split(r"\s+and\s+", req.jd_name)
    halves = [key_words([p]) for p in parts]
    return halves if len(halves) > 1 and all(len(h) >= 2 for h in halves) else []


_LEAD_VERBS = re.compile(r"^\s*(?:[a-z]+(?:\s*,\s*|\s+(?:and|or|and/or)\s+))*[a-z]+\s+", re.I)
_OBJECT_END = re.compile(r"\s(?:to|for|with|in|at|on|across|from|using|via)\s|[,;(]")


def _object(req: Requirement) -> set[str]:
    """The object of a duty a requirement opens with ("take and interpret digital radiographs": digital
    radiographs), when it has two content words or more: a line showing that work in its own verbs meets it."""
    lead = _LEAD_VERBS.match(req.jd_name)
    if not lead:
        return set()
    words = re.findall(r"[a-z]+", lead.group(0).lower())
    verbs = [w for w in words if w not in ("and", "or")]
    if req.alternatives or not all(verb_tags(w) & _DUTY_TAGS for w in verbs):
        return set()  # a requirement the graph read ("cloud data warehouse (Snowflake ...)") is judged by the graph
    if len(verbs) == 1 and "VBG" not in verb_tags(verbs[0]) and "NOUN" in other_readings(verbs[0]):
        return set()  # one word that is also a noun ("cloud", "project") opens a noun phrase
    rest = req.jd_name[lead.end() :]
    if re.match(r"(?:of|to|for|with|in|on|as|and|or)\b", rest, re.I):
        return set()  # "control of food and labor costs": a noun, not a verb
    found = key_words([_OBJECT_END.split(rest, maxsplit=1)[0]])
    return found if len(found) >= 2 else set()


_DUTY_TAGS = frozenset({"VB", "VBG"})


_AMOUNT = re.compile(r"(?P<money>\$)\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>k|m|mm|million|b|bn|billion)?\b", re.I)
_LEAST_BEFORE = re.compile(r"(?:at least|over|more than|minimum of)\s*$", re.I)
_UNITS = {"k": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_AT_LEAST = re.compile(r"\s*(?:\+|or (?:more|larger|greater|above)|and (?:up|above))", re.I)


def _amounts(text: str) -> list[float]:
    return [float(m["n"].replace(",", "")) * _UNITS.get((m["unit"] or "").lower(), 1.0) for m in _AMOUNT.finditer(text)]


@lru_cache(maxsize=4096)
def _least(name: str) -> float | None:
    """The money amount a requirement asks at least ("projects of $25M or more", "$1M+ budgets"), if any."""
    for m in _AMOUNT.finditer(name):
        if _AT_LEAST.match(name, m.end()) or _LEAST_BEFORE.search(name[: m.start()]):
            return _amounts(m.group(0))[0]
    return None


def _reaches(line: str, least: float) -> bool:
    return any(amount >= least for amount in _amounts(line))


# "40 net words per minute", "a 200+ room hotel": a number and the words of its unit (not years: judged as years)
_MEASURE = re.compile(
    r"(?<![\d.,$])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6}(?:\.\d+)?)\s*\+?\s*-?\s*(?P<unit>[a-z]+(?:[\s-]+[a-z]+){0,3})", re.I
)
_STOP_STEMS = frozenset(_stem(w) for w in ENGLISH_STOP)
_NOT_UNITS = frozenset(_stem(w) for w in "years year yrs months month or and to of".split())


@lru_cache(maxsize=8192)
def _measures(text: str) -> tuple[tuple[float, tuple[str, ...]], ...]:
    """Each number of a text with the stems of up to four words after it ("40 net words per minute")."""
    out = []
    for m in _MEASURE.finditer(text):
        words = tuple(_stem(w) for w in re.findall(r"[a-z]+", m["unit"].lower()))
        number = float(m["n"].replace(",", ""))
        if words and words[0] not in _NOT_UNITS and not (1900 <= number <= 2100):
            out.append((number, words))
    return tuple(out)


def _unit_forms(words: tuple[str, ...]) -> frozenset[str]:
    """The ways a unit can be written: its words, and the initials of two or more of them in a row ("wpm")."""
    initials = "".join(w[0] for w in words)
    runs = {initials[i:j] for i in range(len(initials)) for j in range(i + 2, len(initials) + 1)}
    return frozenset(words) | runs


def measure_met(req: Requirement, view: ResumeView) -> CoverageEvidence | None:
    """A requirement that asks a measure ("typing 40 net words per minute") is met by a line giving at least that
    number in the same unit, written out or as its initials ("62 wpm")."""
    asked = _measures(req.jd_name)
    if len(asked) != 1 or len(asked[0][1]) < 2:
        return None  # one measure with a unit of words (a bare "40" is no measure)
    need, unit = asked[0]
    forms = _unit_forms(unit) - _GENERIC_STEMS - _STOP_STEMS
    for line in view.lines:
        for number, words in _measures(line.text):
            if number >= need and any(w in forms and len(w) > 2 for w in words[:2] if w not in _STOP_STEMS):
                return CoverageEvidence(bullet=-1, quote=line.text.strip()[:200])
    return None


def words_met(req: Requirement, view: ResumeView, *, pending_ok: bool = False) -> CoverageEvidence | None:
    """A resume line holding most of the requirement's own words (any one side of an "or"), or, outside keyword
    lists, most of their weight (its rare words: "Rigged ... with the overhead crane and chain falls" for "rigging
    and moving heavy equipment with overhead cranes, chain falls and come-alongs"); a credential not from a keyword
    list or a line saying it is pending ("Preparing for the CPC exam")."""
    best: tuple[float, str] = (0.0, "")
    rare: tuple[float, str] = (0.0, "")  # the line holding most of a side's weight (core.word_weights)
    credential = req.kind in CREDENTIALS or bool(_CREDENTIAL_WORDS.search(req.jd_name))
    if not credential and _least(req.jd_name) is None:
        measured = measure_met(req, view)
        if measured is not None:
            return measured
    least = _least(req.jd_name)
    belt = belt_level(req.jd_name)
    held = [b for line in view.lines if (b := belt_level(line.text)) is not None]
    if belt is not None and held and max(held) < belt:
        return None  # "Yellow Belt or higher" and the resume's highest is a White Belt: no line shows it
    for terms in _alternatives(req):
        if least is not None:
            terms = {t for t in terms if not t[:1].isdigit()}  # the amount is judged as an amount, not a word
        if not terms:
            continue
        for line in view.lines:
            if credential and (line.listing or (line_status(line.text)[0] and not pending_ok)):
                continue
            if least is not None and not _reaches(line.text, least):
                continue  # "managed projects of $25M or more": a $19M project does not show it
            have = _line_words(line.text)
            if not credential:
                have = have | _industry_words(terms, line.text)
            share = len(terms & have) / len(terms)
            if share > best[0]:
                best = (share, line.text.strip())
            if not credential and not line.listing and len(terms) >= WEIGHTED_MIN_WORDS:
                weighted = weighted_share(terms, have)
                if weighted > rare[0]:
                    rare = (weighted, line.text.strip())
    if best[0] < WORDS_MET and not credential and req.alternatives:
        # a graph skill naming an industry ("Banking") is also shown by an employer of that industry
        name = key_words([req.jd_name])
        for line in view.lines:
            if _industry_line(name, line.text):
                return CoverageEvidence(bullet=-1, quote=line.text.strip()[:200])
    if best[0] < WORDS_MET and not credential:
        for half in [*_halves(req), *_initials(req), *([obj] if (obj := _object(req)) else [])]:
            for line in view.lines:
                if half <= _line_words(line.text):
                    return CoverageEvidence(bullet=-1, quote=line.text.strip()[:200])
    if best[0] >= WORDS_MET:
        return CoverageEvidence(bullet=-1, quote=best[1][:200])
    return CoverageEvidence(bullet=-1, quote=rare[1][:200]) if rare[0] >= WEIGHTED_MET else None
