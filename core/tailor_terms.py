"""Where to write the JD's own words for each requirement the resume meets but never names as the JD does.

An ATS keyword filter finds "infrastructure as code" only when those words are written; a resume showing Terraform
meets the requirement without writing them. For every requirement group met before rewriting with evidence (not
assumed, not only in a keyword list), whose JD words (core.jd_terms) the resume never writes, this picks the
JD's words and where they go: beside the evidence in a bullet that can be rewritten ("Terraform (infrastructure as
code)"), else in the tailored summary (skills, licences, certifications, degrees) or skills list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core import facts, grammar
from core.confirm import is_credential
from core.coverage import requirements_of
from core.coverage_kinds import CREDENTIALS
from core.jd_terms import MAX_DEGREE_WORDS, degree_field, degree_wording, terms_of, written_in
from core.resume_view import CREDENTIAL_SECTIONS, read_resume
from core.tailor_naming import PEOPLE, names_evidence, names_field, qualifier
from core.tailor_soft import soft_evidence
from core.text_search import find_whole
from core.types import CoverageEntry, CoverageEvidence, JDSignals, Requirement

WRITABLE_HOW = frozenset({"skill", "narrower", "degree"})  # met by something the resume names, not by its words
WRITABLE_KINDS = frozenset({"skill", "soft_skill", "certification", "licence", "degree", "experience_years"})
MAX_WORDS = 4
FIELD_NOT_SHOWN = "field words not on the resume's work: "  # a years group's words naming what no work line shows
_DIGITS = re.compile(r"\d+")
_LIST = re.compile(r"\s(?:or|and)\s|[,/]", re.I)
_INNER = re.compile(r"\(([^()]+)\)")
_CUT_PIECE = re.compile(r"\s[—–]\s|\s[—–]$|\s(?:in|of|for|with|to|and|or|at|on|by|the|a|an)$", re.I)
_PART_DONE = re.compile(
    r"\bpart\s+\w+\s+(?:passed|complete[d]?|done)\b|\b(?:exam|test)\s+scheduled\b|\bscheduled\b", re.I
)
# words a JD adds to a skill's name without narrowing it ('FEA tools', 'precision measuring instruments')
_PLAIN = frozenset(
    "tool tools software system systems platform platforms skill skills experience techniques technique methods "
    "principles instruments instrument equipment programs program knowledge".split()
)


@dataclass(frozen=True)
class TermToWrite:
    """One requirement's JD words and the resume's evidence for it."""

    term: str  # the JD's words ('infrastructure as code', "Bachelor's degree", 'BLS certification')
    skill: str  # the requirement's canonical name
    kind: str
    required: bool
    bullet: CoverageEvidence | None  # evidence in a bullet that may be rewritten: the words go beside it
    shown: str  # how the resume writes the evidence ('Terraform', 'B.S. Accounting')
    via: str  # the skill the resume shows
    lines: tuple[str, ...] = ()  # a soft skill's evidence: the resume's lines that show it at work
    phrase: bool = False  # the JD's whole phrase for one or more groups (core.tailor_phrases)


def _writable(term: str, resume: str, most: int = MAX_WORDS) -> bool:
    """A short name whose numbers the resume holds ('OSHA 10' is not written on an 'OSHA 30' resume), not a duty,
    whose parentheses name only what the resume writes ('English Learner Authorization (CLAD)' is not written beside
    an ESOL endorsement: CLAD is one credential, not the resume's)."""
    words = term.split()
    if not words or len(words) > most or any(n not in resume for n in _DIGITS.findall(term)):
        return False
    if _CUT_PIECE.search(term):
        return False  # a piece the JD reader cut from a sentence ('RVT — in'), not a name
    if any(not written_in(inner.strip(), resume) for inner in _INNER.findall(term)):
        return False
    first = words[0]
    return not ("VB" in grammar.verb_tags(first) and "NOUN" not in grammar.other_readings(first))


def held_credential(evidence: CoverageEvidence, resume: str, degree: bool) -> bool:
    """A credential's evidence is written on its own line, under Certifications / Education, or in a bullet ('DPT
    programs' in a sentence about applying is not a DPT); a degree's names a degree."""
    if degree and not (facts.has_degree(evidence.quote) or facts.has_degree(evidence.via or "")):
        return False  # a certificate is not a degree
    at = find_whole(evidence.quote, resume)
    if at < 0:
        return False
    line = read_resume(resume).line_at(at)
    if _PART_DONE.search(line.text):
        return False  # 'APICS CPIM – Part 1 passed (2024); Part 2 scheduled' is not a CPIM held
    return evidence.bullet >= 0 or line.section in CREDENTIAL_SECTIONS or len(line.text.split()) <= 12


def _of_others(evidence: CoverageEvidence, resume: str) -> bool:
    """True when the evidence names what other people do ('Worked with React developers')."""
    line = _line_of(evidence, resume)
    at = line.find(evidence.quote)
    return at >= 0 and re.match(PEOPLE, line[at + len(evidence.quote) :], re.I) is not None


def _line_of(evidence: CoverageEvidence, resume: str) -> str:
    at = find_whole(evidence.quote, resume)
    return read_resume(resume).line_at(at).text if at >= 0 else evidence.quote


def _completed(quote: str, line: str) -> str:
    """A quote cut inside a word completed to the end of its name on the line ('Master of O' -> 'Master of
    Occupational Therapy' of 'Master of Occupational Therapy, Columbia Plateau University')."""
    at = find_whole(quote, line)
    if at < 0 or not line[at + len(quote) : at + len(quote) + 1].isalnum():
        return quote
    rest = re.split(r"\s*[,;(|]\s*|\s+[—–-]\s+", line[at + len(quote) :], maxsplit=1)[0]
    return (quote + rest).strip()


def _field_held(term: str, lines: list[str]) -> bool:
    """A degree name's field is the one the resume's degree line names ('Bachelor's degree in Accounting' only on a
    line saying Accounting); a name without a field names only the level."""
    field = degree_field(term)
    return not field or any(all(written_in(w, line) for w in field) for line in lines)


_DEGREE_RANK = {
    "High School Diploma": 0,
    "Associate Degree": 1,
    "Bachelor's Degree": 2,
    "Master's Degree": 3,
    "Doctorate": 4,
}


def _degree_rank(skill: str, graph: Any) -> int:
    """The level of a degree skill: its own, or the highest of the levels it sits under ('Bachelor's in Accounting'
    is a bachelor's); -1 when it has none."""
    names = {skill} | set(graph.ancestors(skill)) if skill in graph else {skill}
    return max((_DEGREE_RANK[n] for n in names if n in _DEGREE_RANK), default=-1)


def _degree_held(term: str, work: list[CoverageEvidence], skill: str, matcher: Any) -> bool:
    """A degree's words name the level the resume holds, not a lower one that it meets ('High school diploma' is
    not written beside a B.S.; 'Bachelor's degree' is, beside a B.S. Accounting)."""
    graph = getattr(matcher, "graph", None)
    if graph is None:
        return True
    named = max((_degree_rank(m.skill, graph) for m in matcher.find(term)), default=-1)
    return any(named >= _degree_rank(e.via or skill, graph) for e in work)


def _degree_as_held(term: str, lines: list[str], work: list[CoverageEvidence], skill: str, matcher: Any) -> bool:
    return _field_held(term, lines) and _degree_held(term, work, skill, matcher)


def _evidence_meets(term: str, work: list[CoverageEvidence], skill: str, matcher: Any, degree: bool = False) -> bool:
    """Every skill the JD's words name is one the evidence meets: of 'AWS/GCP/Azure' only 'GCP' is written beside
    BigQuery, of 'CPIM or CSCP' never 'CSCP' (nor both) beside a CPIM. Words read as no skill are judged apart."""
    graph = getattr(matcher, "graph", None)
    if graph is None:
        return True
    named = {m.skill for m in matcher.find(term)}
    if degree:  # a degree's field is judged on the degree line (_field_held), not as a skill shown
        named = {n for n in named if graph.kinds.get(n) == "degree"}
    if not named:
        return True
    return all(any(graph.meets(e.via or skill, graph.acceptable([n])) for e in work) for n in named)


def _in_any_form(term: str, resume: str, work: str) -> bool:
    """Written as it is, with other punctuation, or in the work described as its plural or singular ('who test
    ITGCs' writes 'ITGC'; an ATS stems them alike); a keyword list's plural is no statement of the work."""
    forms = {term + "s", term + "es", term[:-1] if term.endswith("s") and len(term) > 3 else term}
    if written_in(term, resume) or any(written_in(f, work) for f in forms):
        return True
    return written_in(_words_only(term), _words_only(resume))  # 'Bilingual (English/Spanish)'


@lru_cache(maxsize=1024)
def _words_only(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+(?:[+#&'.][^\W_]+)*[+#]*", text))


@lru_cache(maxsize=256)
def _work_lines(resume: str) -> str:
    """The resume's lines outside keyword lists, one text."""
    return "\n".join(line.text for line in read_resume(resume).lines if not line.listing)


def _already_written(terms: tuple[str, ...], resume: str, kind: str, names_group: Any = None) -> bool:
    """True when the resume writes the group as the JD does. A credential's name written inside a longer JD name
    of it does not count: 'Registered Nurse' on the resume is not the 'registered nurse license' the JD asks for;
    nor a skill's word that names another skill ('Excel' is no 'Advanced Excel')."""
    work = _work_lines(resume)
    written = [t for t in terms if _in_any_form(t, resume, work) and (names_group is None or names_group(t))]
    if kind == "degree":  # 'Paralegal certificate or a bachelor's degree': a B.A. held is named as a degree too
        named = [t for t in terms if facts.has_degree(t[:1].upper() + t[1:])]
        return any(t in named for t in written) or (not named and bool(written))
    if kind not in ("certification", "licence"):
        return bool(written)
    longer = [u for u in terms if u not in written and not _LIST.search(u)]  # 'SHRM-CP or PHR' names two
    return any(not any(written_in(t, u) for u in longer) for t in written)


def _same_thing(term: str, members: set[str], kind: str, matcher: Any) -> bool:
    """True when the JD's words name what the resume was judged to meet, no narrower: the matcher reads them as a
    member of the group with no qualifier left over ('corporate finance' is narrower than the Finance a budget
    report shows; 'FEA tools' is FEA). A degree's words must name a degree, not a field of study."""
    if kind == "degree":
        return facts.has_degree(term[:1].upper() + term[1:])  # "bachelor's degree" as the JD wrote it
    if matcher is None or kind != "skill":
        return True  # credentials and years groups are judged on their own names
    words = re.findall(r"[\w+#/&.-]+", term.lower())
    for mention in matcher.find(term):
        if mention.skill in members:
            left = [w for w in words if w not in re.findall(r"[\w+#/&.-]+", mention.quote.lower())]
            if all(w in _PLAIN for w in left):
                return True
    return False


_CREDENTIAL_NOUN = r"(?:licen[cs]e|certification|certificate|card|endorsement|registration)"


def _with_credential_noun(terms: tuple[str, ...], sentence: str, kind: str) -> tuple[str, ...]:
    """A credential's names with the noun its JD sentence writes after them first ('Registered Dental Hygienist
    license' of 'Active Michigan Registered Dental Hygienist license'): an ATS searches the whole name, and the
    resume's 'Registered Dental Hygienist' alone does not write it."""
    if kind not in ("certification", "licence") or not sentence:
        return terms
    longer = []
    for term in terms:
        found = re.search(r"(?<![\w])" + re.escape(term) + r"\s+(" + _CREDENTIAL_NOUN + r")\b", sentence, re.I)
        if found and not re.search(_CREDENTIAL_NOUN + r"$", term, re.I):
            longer.append(" ".join(found.group(0).split()))  # as the JD writes it
    seen: dict[str, str] = {}
    for name in [*longer, *terms]:
        seen.setdefault(name.lower(), name)
    return tuple(seen.values())


def _with_own_name(terms: tuple[str, ...], req: Requirement, kind: str, matcher: Any) -> tuple[str, ...]:
    """A skill's terms led by its own name when the JD writes it whole and the terms lost a word of it: 'Advanced
    Excel' is a skill of its own, not 'Excel' with a word of praise before it."""
    if kind != "skill" or matcher is None or not terms or any(t.lower() == req.skill.lower() for t in terms):
        return terms
    name = req.skill if written_in(req.skill, req.jd_name) else ""
    if not name or len(name.split()) > MAX_WORDS or not any(written_in(t, name) for t in terms):
        return terms
    at = req.jd_name.lower().find(name.lower())
    return (req.jd_name[at : at + len(name)], *terms)  # as the JD writes it


def _reads_as(req: Requirement, matcher: Any) -> Any:
    """Whether a written term shows this skill group: the matcher reads in it the group's skill, a member or
    nothing at all (a plain phrase); a term read as another skill does not ('Excel' of 'Advanced Excel')."""
    if req.kind != "skill" or matcher is None:
        return None
    graph = getattr(matcher, "graph", None)
    members = set(req.alternatives or [req.skill]) | {req.skill}
    accepted = graph.acceptable(sorted(members), similar=req.similar) if graph is not None else members

    def shows(term: str) -> bool:
        found = {m.skill for m in matcher.find(term)}
        if graph is None:
            return not found or bool(found & accepted)
        return not found or any(f in accepted or (f in graph and graph.meets(f, accepted)) for f in found)

    return shows


def _held_side(terms: tuple[str, ...], sentence: str, work: list[CoverageEvidence], kind: str) -> tuple[str, ...]:
    """A credential's names with the noun of the side the resume holds, where the JD offers two ('Journeyman
    electrician license or card' beside a 'Journeyman Electrician Card': the card, never the licence it is not)."""
    if kind not in ("certification", "licence") or not sentence:
        return terms
    ends = [re.search("(" + _CREDENTIAL_NOUN + r")\s*$", e.quote.strip(), re.I) for e in work]
    held = {m.group(1).lower() for m in ends if m}
    out = []
    for term in terms:
        own = re.search(r"\s(" + _CREDENTIAL_NOUN + r")$", term, re.I)
        other = next((h for h in held if own and h != own.group(1).lower()), None)
        offered = (
            own
            and other
            and re.search(
                rf"\b{own.group(1)}\s+or\s+(?:a\s+)?{other}\b|\b{other}\s+or\s+(?:a\s+)?{own.group(1)}\b",
                sentence,
                re.I,
            )
        )
        out.append(term[: own.start(1)] + other if offered and own and other else term)
    return tuple(dict.fromkeys(out))


_FUNCTION_WORDS = frozenset("of in on for and or with to the a an".split())


def _all_words_in(term: str, work: list[CoverageEvidence]) -> bool:
    """A group met by its words is named only in words its evidence line holds, every one of them ('FAA A&P
    certificate' of 'FAA Airframe & Powerplant (A&P) Certificate'; not 'regional jet systems' of 'on regional
    jets'); what the JD adds to a name without narrowing it ('experience', 'software') aside."""
    words = [w for w in re.findall(r"[\w&+#/.-]+", term.lower()) if w not in _FUNCTION_WORDS and w not in _PLAIN]
    if not words:
        return False
    return any(all(_has_word(w, e.quote) for w in words) for e in work)


def _has_word(word: str, text: str) -> bool:
    return written_in(word, text) or (len(word) > 3 and written_in(word + "s", text))


def _naming(
    term: str,
    work: list[CoverageEvidence],
    entry: CoverageEntry,
    by_words: bool,
    resume: str,
    matcher: Any,
    req: Requirement | None = None,
) -> list[CoverageEvidence]:
    """The evidence the JD's words may name (core.tailor_naming): Jest is test automation but no end-to-end
    testing, an IEP is no 504 plan; and where the JD's sentence says which kinds it means ('Infrastructure as code
    with Terraform, Bicep or Pulumi'), another kind (Ansible) is not given its name. Credentials, degrees and groups
    met by their own words are judged on their own rules. A group of another kind (years of a field: 'Linux servers
    (RHEL, Rocky, CentOS or similar)') is named by its members, not by its JD phrase, which holds every member's
    name: 'CentOS' is written only on evidence of CentOS, never beside Rocky Linux."""
    if entry.kind in ("certification", "licence") and matcher is not None:
        work = [e for e in work if _alias_on_line(term, _line_of(e, resume), matcher)]
    if by_words or entry.kind in CREDENTIALS:
        return work
    found = {m.skill for m in matcher.find(term)} if matcher is not None else set()
    if entry.kind in ("skill", "soft_skill"):
        concepts = {entry.skill} | found
        named = [e for e in work if names_evidence(term, concepts, e.via or entry.skill, e.quote, _line_of(e, resume))]
    else:
        concepts = set(entry.alternatives) | found
        is_name = (lambda w: bool(matcher.find(w))) if matcher is not None else (lambda w: True)
        named = [
            e
            for e in work
            if names_field(term, concepts, (e.via or "", e.quote, _line_of(e, resume)), _work_lines(resume), is_name)
        ]
    listed = _kinds_listed(req, entry.skill, matcher)
    if listed:
        graph = matcher.graph
        named = [e for e in named if e.via is None or e.via == entry.skill or graph.meets(e.via, listed)]
    return named


_NOUNS = re.compile(r"\b(?:" + _CREDENTIAL_NOUN + r"|certified|credential)\b", re.I)


def _alias_on_line(term: str, line: str, matcher: Any) -> bool:
    """A credential the JD names by a name the taxonomy files under a broader one ('HACCP' under Food Safety) is
    named only on a line writing that name's words: another credential of the broad concept (a ServSafe
    certificate) is not it. A JD name spelling its concept ('CPR certification' of CPR) is judged as before."""
    for mention in matcher.find(term):
        extra = qualifier(_NOUNS.sub(" ", mention.quote), [mention.skill])
        if not all(written_in(w, line) for w in extra):
            return False  # every word the JD's name adds to its concept's ('Foundation' of 'ITIL 4 Foundation')
    return True


_OPEN_LIST = re.compile(
    r"\b(?:or similar|or equivalent|or comparable|such as|e\.g\.|for example|like|preferred|ideally|especially"
    r"|a plus|including)\b",
    re.I,
)
_NAMES_KINDS = re.compile(r"^\s*(?:with|using|in|on|via|\(|:|[-–—])\s*", re.I)


def _kinds_listed(req: Requirement | None, skill: str, matcher: Any) -> frozenset[str]:
    """The kinds of a requirement its JD sentence names as the ones it means, when it names them as a closed list
    (no 'such as', 'or similar')."""
    graph = getattr(matcher, "graph", None)
    if req is None or graph is None or req.similar or not req.sentence or _OPEN_LIST.search(req.sentence):
        return frozenset()
    at = req.sentence.lower().find(req.jd_name.lower()) if req.jd_name else -1
    after = req.sentence[at + len(req.jd_name) :] if at >= 0 else ""
    if not _NAMES_KINDS.match(after):
        return frozenset()  # the sentence does not go on to say which kinds ('Infrastructure as code with …')
    clause = re.split(r"[;.]\s", _NAMES_KINDS.sub("", after, count=1), maxsplit=1)[0]
    broad = graph.acceptable([skill])
    kinds = {m.skill for m in matcher.find(clause) if m.skill != skill and graph.meets(m.skill, broad)}
    return graph.acceptable(sorted(kinds)) if kinds else frozenset()


def _own_credential(term: str, unmet_name: str, own_names: set[str]) -> bool:
    """True when the term is a held credential's own JD name and the unmet group's words hold it whole."""
    return term.lower() in own_names and written_in(term, unmet_name)


def _sentence_case(term: str, sentence: str = "") -> str:
    """A JD phrase capitalised only because it opened its line, in lower case ('Relational databases' -> 'relational
    databases'); names ('Microsoft Word', 'QA Automation', 'Python') and a capital inside the line ('Active Arizona
    adjuster license') keep their capitals."""
    words = term.split()
    if len(words) < 2 or not words[0][1:].islower() or any(w != w.lower() for w in words[1:]):
        return term
    if sentence and not sentence.lstrip(" -•*·–—\t").startswith(term):
        return term
    return term[0].lower() + term[1:]


def _soft_term(
    entry: CoverageEntry, req: Requirement, searched: tuple[str, ...], resume: str, unmet: list[str]
) -> TermToWrite | str:
    """A soft skill coverage assumes is named in the JD's words only where a line of the resume shows it at work
    (core.tailor_soft); the lines go with it for the reviewer."""
    terms = tuple(dict.fromkeys([*searched, entry.jd_name]))
    if _already_written(terms, resume, entry.kind):
        return "already written"
    shown = soft_evidence(entry.jd_name or entry.skill, entry.skill, resume)
    if not shown:
        return "met as assumed (no line shows it)"
    term = next(
        (
            t
            for t in terms
            if t.strip()
            and _writable(t, resume)
            and not written_in(t, resume)
            and not any(written_in(t, name) for name in unmet)
            and soft_evidence(t, entry.skill, resume)
        ),
        None,
    )
    if term is None:
        return "no JD words the evidence supports: " + " | ".join(terms)
    return TermToWrite(
        term=_sentence_case(term, req.sentence),
        skill=entry.skill,
        kind=entry.kind,
        required=entry.required,
        bullet=None,
        shown="",
        via=entry.skill,
        lines=tuple(e.line for e in shown),
    )


def terms_to_write(
    entries: list[CoverageEntry],
    signals: JDSignals,
    resume: str,
    keep: dict[int, str] | None = None,
    matcher: Any = None,
) -> list[TermToWrite]:
    """The JD's words to write for each requirement met with evidence and never named that way; required first."""
    return [t for t in plan_terms(entries, signals, resume, keep, matcher).values() if isinstance(t, TermToWrite)]


def plan_terms(
    entries: list[CoverageEntry],
    signals: JDSignals,
    resume: str,
    keep: dict[int, str] | None = None,
    matcher: Any = None,
) -> dict[int, TermToWrite | str]:
    """Per requirement group (by position): the JD's words to write, or why none are ('not met', 'already
    written', ...); required groups first, in the order terms_to_write lists them."""
    keep = keep or {}
    reqs = requirements_of(signals)
    if len(reqs) != len(entries):
        return {}
    out: dict[int, TermToWrite | str] = {}
    taken: set[tuple[int, str]] = set()
    # words of a requirement the resume does not meet are never written, even for another one it meets (a
    # credential's name holds a skill's: 'Kubernetes' of a missing 'Certified Kubernetes Administrator' may be)
    # (its name and its JD words: 'School Counselor endorsement' of a missing 'PEL with School Counselor endorsement')
    searched = terms_of(signals, reqs)  # each group's search terms, worked out once per JD
    unmet = [
        name
        for i, e in enumerate(entries)
        if not e.before and e.kind not in ("condition", *CREDENTIALS)
        for name in (e.jd_name, *searched[i])
    ]
    # a credential the resume holds under the JD's own name for it: a sentence the JD reader also read as an unmet
    # years requirement ('You'll need a current DOT medical card, a clean MVR (no more than 2 … in 3') names no other
    # thing, so it does not block the credential's own words
    own_names = {
        e.jd_name.lower()
        for e in entries
        if e.before and e.kind in CREDENTIALS and e.how == "skill" and e.jd_name.strip()
    }
    for required in (True, False):
        for i, (req, entry) in enumerate(zip(reqs, entries, strict=True)):
            if entry.required != required:
                continue
            if not entry.before:
                out[i] = "not met"
                continue
            if entry.kind not in WRITABLE_KINDS:
                out[i] = f"kind {entry.kind}"
                continue
            if entry.kind == "soft_skill" and entry.how == "assumed":
                out[i] = _soft_term(entry, req, searched[i], resume, unmet)
                continue
            by_words = entry.how == "words" and entry.required  # met by a line holding most of its JD words
            if entry.how not in WRITABLE_HOW and not entry.how.startswith("years") and not by_words:
                out[i] = f"met as {entry.how or 'unknown'}"
                continue
            work = [e for e in entry.evidence if not e.listed]
            if not work:
                out[i] = "only in a keyword list" if entry.evidence else "no evidence line (years from the job dates)"
                continue
            if entry.kind in ("certification", "licence", "degree") or (by_words and is_credential(entry.jd_name)):
                work = [e for e in work if held_credential(e, resume, entry.kind == "degree")]
            else:  # a licence shows a licence, not the work or years ('Journeyman Electrician Card' is no
                # 'commercial electrical' experience), and other people's skill is not the candidate's
                work = [e for e in work if not is_credential(e.via or "") and not is_credential(e.quote)]
                work = [e for e in work if not _of_others(e, resume)]
            if not work:
                out[i] = "evidence not held (pending credential, a credential for work)"
                continue
            terms = _with_credential_noun(searched[i], req.sentence, entry.kind)
            terms = _with_own_name(terms, req, entry.kind, matcher)
            terms = _held_side(terms, req.sentence, work, entry.kind)
            if not terms:
                out[i] = "no short JD words"
                continue
            if _already_written(terms, resume, entry.kind, _reads_as(req, matcher)):
                out[i] = "already written"
                continue
            members = set(req.alternatives or [req.skill]) | {req.skill}
            degree = degree_wording(req)
            lines = [_line_of(e, resume) for e in work] if entry.kind == "degree" else []
            fits = [
                t
                for t in ([degree, *terms] if degree else terms)
                if _writable(t, resume, MAX_DEGREE_WORDS if t == degree else MAX_WORDS)
                and not written_in(t, resume)
                and (_all_words_in(t, work) if by_words else _same_thing(t, members, entry.kind, matcher))
                and _evidence_meets(t, work, entry.skill, matcher, entry.kind == "degree")
                and (entry.kind != "degree" or _degree_as_held(t, lines, work, entry.skill, matcher))
                and not any(written_in(t, name) for name in unmet if not _own_credential(t, name, own_names))
            ]
            term = next((t for t in fits if _naming(t, work, entry, by_words, resume, matcher, req)), None)
            if term is None and fits and entry.kind == "experience_years":
                # 'desktop support' with no 'desktop' on the resume: another of the JD's phrases for the field whose
                # words the resume holds ('IT help desk') may still be written (core.tailor_phrases)
                out[i] = FIELD_NOT_SHOWN + " | ".join(fits)
                continue
            if term is None:
                out[i] = "no JD words the evidence supports: " + " | ".join(terms)
                continue
            work = _naming(term, work, entry, by_words, resume, matcher, req)
            beside = [e for e in work if e.bullet >= 0 and e.bullet not in keep and e.via and e.via != entry.skill]
            beside = [e for e in beside if not written_in(e.quote, term)]  # not 'Frontend (frontend development)'
            if entry.kind == "experience_years":
                beside = []  # a field of work ('commercial electrical') reads in the summary, not beside one tool
            beside = [e for e in beside if (e.bullet, e.quote) not in taken]
            first = beside[0] if beside else None
            if first is not None:
                taken.add((first.bullet, first.quote))
            evidence = first or min(work, key=lambda e: e.via is not None)  # a degree as held, not one above
            out[i] = TermToWrite(
                term=_sentence_case(term, req.sentence),
                skill=entry.skill,
                kind=entry.kind,
                required=entry.required,
                bullet=first,
                shown=_completed(evidence.quote, _line_of(evidence, resume)),
                via=evidence.via or entry.skill,
            )
    return out
