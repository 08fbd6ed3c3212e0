"""The JD's whole phrase for a requirement the resume meets, where the JD reader's group holds only part of it.

The JD reader names a group by its skill ("FEA", "Windows", "erosion control", "communication"); the JD asks in a
longer phrase ("Experience with FEA tools", "Strong Windows 10/11 troubleshooting", "Experience preparing grading,
utility and erosion control plans", "Excellent communication with students, families and staff"). An ATS searches the
phrase as the JD writes it, and a resume that shows every part of it can say so in those words. A phrase is written
(in the summary) only when every group it names is met with evidence (a soft skill: a line shows it), no group it
names is unmet, every other word of it is written on the resume (a word of degree, "advanced", "clear",
"consistent", on the evidence's own line), and every skill the matcher reads in it is one the resume shows. Of
alternatives ("student teaching or classroom teaching experience") the first the resume supports is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from core import grammar
from core.jd_terms import written_in
from core.resume_view import read_resume
from core.tailor_terms import FIELD_NOT_SHOWN, TermToWrite, _sentence_case
from core.text_search import find_whole
from core.types import CoverageEntry, Requirement

MAX_WORDS = 8
MAX_PHRASES = 6
_FUNCTION = frozenset("of in on for and or with to the a an as at by from into per via who that".split())
# words a JD adds to a name without saying anything the resume must show ('FEA tools', 'customer-facing role')
_PLAIN = frozenset(
    "tool tools software system systems platform platforms skill skills experience knowledge ability abilities "
    "role roles work environment environments setting settings techniques technique methods principles "
    "fundamentals basics facing based level related oriented".split()
)
# words of degree: the resume must say them of the evidence itself ('Microsoft Word (advanced)')
_DEGREE = frozenset(
    "advanced expert strong excellent exceptional outstanding clear consistent proven calm superior solid deep "
    "thorough effective fluent native senior extensive significant".split()
)
_PARENS = re.compile(r"\([^)]*\)?")
_SPLIT = re.compile(
    r"\s*[;:]\s+|\.\s+|\s+[—–]\s+|\s+-\s+|,\s+(?:including|such as|especially|ideally|preferably|e\.g\.)\s+"
    r"|\s+(?:such as|including|e\.g\.|like)\s+",
    re.I,
)
_TAIL = re.compile(
    r"\s+(?:(?:is|are)\s+)?(?:(?:strongly\s+)?(?:expected|required|preferred|desired)|a plus|a bonus|helpful|"
    r"essential|a must|will stand out)\b.*$|[\s,.;]+$",
    re.I,
)
_YEARS = re.compile(
    r"^.*?\b\d+(?:\.\d+)?\s*\+?\s*(?:years?|yrs)\b(?:\s+of)?(?:\s+(?:professional|relevant|hands-on|progressive|"
    r"recent|verifiable))?(?:\s+(?:experience|work))?(?:\s+(?:in|as|with|doing|on|at|of))?\s+(?:an?\s+|the\s+)?",
    re.I,
)
_LEAD = re.compile(
    r"^(?:and|or|a|an|the|with|strong|excellent|exceptional|outstanding|solid|proven|demonstrated|good|great|deep|"
    r"thorough|successful|current|valid|active|hands-on|working|basic|some|prior|previous|professional|minimum|"
    r"at least|clear|effective|comfort(?:able)?(?:\s+(?:with|in|using))?|familiarity(?:\s+with)?|familiar with|"
    r"knowledge of|understanding of|foundation in|background in|expertise(?:\s+(?:in|with))?|expert in|"
    r"proficiency(?:\s+(?:in|with))?|proficient(?:\s+(?:in|with))?|experience(?:\s+(?:with|in|using|on))?|"
    r"ability to|able to|track record of|fluency in|skills? in|skilled (?:in|with)|you (?:have|bring|know)|"
    r"must have|should have)\s+",
    re.I,
)
_OR = re.compile(r",\s*(?:or\s+)?|\s+(?:and/)?or\s+", re.I)


def _clauses(sentence: str) -> list[str]:
    text = " ".join(_PARENS.sub(" ", sentence).split())
    return [c.strip() for c in _SPLIT.split(text) if c and c.strip()]


def _core(clause: str) -> str:
    """The clause without its lead-in ('Strong', 'Experience preparing', '3+ years in an') and tail ('is
    expected')."""
    text = _TAIL.sub("", clause.strip())
    text = _YEARS.sub("", text, count=1)
    stripped = False
    while True:
        new = _LEAD.sub("", text, count=1)
        if new == text:
            break
        text, stripped = new, True
    first, _, rest = text.partition(" ")
    gerund = first.lower().endswith("ing") and "VBG" in grammar.verb_tags(first)
    starts_object = bool(rest) and rest.split(" ", 1)[0].lower() not in _FUNCTION  # not 'networking and of …'
    if stripped and starts_object and gerund and "NOUN" not in grammar.other_readings(first):  # 'packaging design'
        text = rest  # 'Experience preparing grading … plans' -> 'grading … plans'
    if _ABILITY.match(clause.strip()):  # 'Ability to read blueprints and interpret GD&T': duties, as gerunds
        text = " and ".join(_gerund(p) for p in re.split(r"\s+and\s+", text))
    text = _TAIL.sub("", text).strip(" ,")
    if _INNER_LEAD.search(text):
        return ""  # 'Python and experience with PyTorch': two asks in one clause, not one phrase
    return text


_CREDENTIAL_NOUN = re.compile(r"\b(?:licen[cs]e|card|certification|certificate|endorsement|registration)s?\b", re.I)
_DANGLING = re.compile(r"\b(?:and|or)\s+(?:of|in|with|for|on|to|at|by)\s", re.I)
_ABILITY = re.compile(r"^(?:the\s+)?(?:ability|able)\s+to\s+", re.I)
_INNER_LEAD = re.compile(r"\s(?:experience|familiarity|knowledge|ability|proficiency)\s(?:with|in|of|to)\s", re.I)


def _gerund(duty: str) -> str:
    """'read blueprints' -> 'reading blueprints'; a duty not led by a verb is left as it is."""
    first, _, rest = duty.partition(" ")
    if not rest or not grammar.verb_tags(first) & {"VB", "VBP"}:
        return duty
    return f"{grammar.retense(first, 'gerund') or first} {rest}"


def _line_case(text: str, resume: str) -> str:
    """A common word capitalised only because it opened the JD's line, in lower case ('Scripting in Python',
    'Version control with Git'); a name ('Kubernetes', 'Haas', and 'Python' or 'Excel', which the resume writes
    with a capital inside a sentence) or an acronym keeps its capitals."""
    first = text.split(" ", 1)[0]
    if len(first) < 2 or not first[0].isupper() or not first[1:].islower():
        return text
    common = bool(grammar.other_readings(first.lower()) or grammar.verb_tags(first.lower()))
    named = re.search(r"[a-z,;(]\s+" + re.escape(first) + r"\b", resume) is not None
    return first.lower() + text[len(first) :] if common and not named else text


def _alternatives(phrase: str) -> list[str]:
    """A phrase listing alternatives ('student teaching or classroom teaching experience') as its alternatives;
    any other phrase whole."""
    if not re.search(r"\s(?:and/)?or\s", phrase):
        return [phrase]
    return [p.strip() for p in _OR.split(phrase) if p and p.strip()]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9+#&']*", text)


_ENDINGS = ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s")


def _root(word: str) -> str:
    """A word's first letters once an ending is cut and a doubled last consonant made single ('planning' and 'Plan',
    'layouts' and 'layout', 'Teacher' and 'teaching')."""
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word[:5]


def _resume_has(token: str, stems: set[str], words: set[str]) -> bool:
    low = token.lower()
    if low.isdigit():
        return low in words
    if low in words or _root(low) in stems:
        return True
    return any(w.startswith(low) and w[len(low) :].isdigit() for w in words)  # 'HTML' of 'HTML5'


def jd_phrases(pair: PairPlan) -> list[TermToWrite]:
    """The JD's whole phrases for required groups met with evidence, not written on the resume, that the resume
    supports word for word (module docstring); at most MAX_PHRASES, in the JD's order."""
    reqs, entries = pair.reqs, pair.entries
    if len(reqs) != len(entries):
        return []
    ctx = _Context(pair)
    out: list[TermToWrite] = []
    done: set[str] = set()
    sentences = list(dict.fromkeys(r.sentence for r, e in zip(reqs, entries, strict=True) if e.required and r.sentence))
    for sentence in sentences:
        members = [i for i, r in enumerate(reqs) if r.sentence == sentence]
        for clause in _clauses(sentence):
            owners = [i for i in members if any(_overlap(n, clause) for n in ctx.names(i))]
            if not any(entries[i].before and entries[i].required for i in owners):
                continue
            for alt in _alternatives(_core(clause)):
                # the whole first, then each part joined by 'and' that names a group of its own
                parts = [alt, *ctx.conjuncts(alt, owners)]
                found = [t for t in (ctx.term(p, owners) for p in parts) if t is not None]
                if found and found[0].term.lower() == alt.lower():
                    found = found[:1]
                new = [t for t in found if t.term.lower() not in done]
                done |= {t.term.lower() for t in new}
                out += new
                if found:
                    break
    return out[:MAX_PHRASES]


def _overlap(name: str, clause: str) -> bool:
    return written_in(name, clause) or written_in(clause, name)


_ARTICLE = re.compile(r"\b(?:a|an|the)\b", re.I)
_PLACE = frozenset(  # a phrase about where one works is no skill ('behavioral health setting')
    "setting settings environment environments role roles company companies organization organisation facility "
    "facilities team teams unit units agency agencies firm firms".split()
)


_CONJUNCTION = re.compile(r",\s*(?:and\s+)?|\s+and\s+", re.I)
# the plan's verdicts that leave a group's words free to be written (it writes them, they are written, or the
# evidence is in a keyword list the candidate wrote): not a refusal ('no JD words the evidence supports')
_FREE = ("already written", "only in a keyword list", "no short JD words", "no evidence line", FIELD_NOT_SHOWN)


def _may_name(planned: Any) -> bool:
    return isinstance(planned, TermToWrite) or (isinstance(planned, str) and planned.startswith(_FREE))


@dataclass(frozen=True)
class PairPlan:
    """One pair as the plan of terms saw it: the JD reader's groups, their coverage, the plan's verdict per group
    (core.tailor_terms.plan_terms), each group's search terms, the resume and the matcher."""

    reqs: list[Requirement]
    entries: list[CoverageEntry]
    plan: dict[int, Any]
    searched: dict[int, tuple[str, ...]]
    resume: str
    matcher: Any


class _Context:
    """What judging a phrase needs of one pair, worked out once."""

    def __init__(self, pair: PairPlan) -> None:
        self.reqs, self.entries, self.plan, self.searched = pair.reqs, pair.entries, pair.plan, pair.searched
        self.resume, self.matcher = pair.resume, pair.matcher
        self.view = read_resume(self.resume)
        self.words = {t.lower() for t in _tokens(self.resume)}
        self.stems = {_root(w) for w in self.words}
        self._shown: set[str] | None = None

    def shown_skills(self) -> set[str]:
        """The skills the matcher reads anywhere on the resume (worked out when a phrase first needs them)."""
        if self._shown is None:
            self._shown = {m.skill for m in self.matcher.find(self.resume)} if self.matcher is not None else set()
        return self._shown

    def names(self, i: int) -> list[str]:
        """A group's words: as the JD wrote it and as the JD reader searches it."""
        raw = (self.entries[i].jd_name, self.reqs[i].jd_name, *self.searched.get(i, ()))
        return [n for n in raw if n and n.strip()]

    def evidenced(self, i: int) -> bool:
        """Met with evidence: a line of work, or a keyword list naming the skill itself ('Microsoft Word
        (advanced)'), not a narrower tool in a list ('Microsoft Project' is no project management)."""
        return any(not e.listed or not e.via or e.via == self.entries[i].skill for e in self.entries[i].evidence)

    def lines(self, i: int) -> list[str]:
        """The resume lines a group's evidence is on (a soft skill's: the lines that show it)."""
        lines = [
            self.view.line_at(at).text
            for e in self.entries[i].evidence
            if (at := find_whole(e.quote, self.resume)) >= 0
        ]
        return lines + self.soft_lines(i)

    def soft_lines(self, i: int) -> list[str]:
        """The lines the plan found showing a soft skill at work (core.tailor_soft)."""
        planned = self.plan.get(i)
        return list(planned.lines) if isinstance(planned, TermToWrite) else []

    def conjuncts(self, alt: str, owners: list[int]) -> list[str]:
        """The parts of a phrase joined by 'and' or commas, when each names a group of its own ('Version control
        with Git' and 'CI/CD for data pipelines'); none when one does not ('students, families and staff')."""
        parts = [p.strip() for p in _CONJUNCTION.split(alt) if p.strip()]
        if len(parts) < 2:
            return []
        named = [any(written_in(x, p) for i in owners for x in self.names(i)) for p in parts]
        return parts if all(named) else []

    def term(self, alt: str, owners: list[int]) -> TermToWrite | None:
        """The phrase as a term to write, when the resume supports every part of it (module docstring)."""
        tokens = _tokens(alt)
        n = len(alt.split())
        if (n < 2 and "/" not in alt) or n > MAX_WORDS or written_in(alt, self.resume) or _ARTICLE.search(alt):
            return None  # one word is a group's own name, the plan's to write; 'HTML/CSS' is two
        if tokens and tokens[-1].lower() in _PLACE:
            return None
        if tokens[0].lower() in _FUNCTION or _DANGLING.search(alt):
            return None  # a piece of the JD's construction ('of Windows', 'networking and of Windows … logs')
        if all(written_in(p.strip(), self.resume) for p in _CONJUNCTION.split(alt) if p.strip()):
            return None  # 'SQL and Python', each written already: nothing new for a search
        parts = [i for i in owners if any(written_in(x, alt) or written_in(alt, x) for x in self.names(i))]
        if any(not self.entries[i].before for i in parts):
            return None  # a part of it the resume does not meet ('… and risk assessment')
        if any(not _may_name(self.plan.get(i)) for i in parts):
            return None  # words the plan refused for the evidence ('504 plans' beside an IEP)
        if any(not (self.evidenced(i) or self.soft_lines(i)) for i in parts):
            return None  # a part coverage only assumes ('resilience'), or a keyword list shows only a narrower tool
        if any(self.entries[i].how == "words" for i in parts):
            return None  # a group met by its own words is named only in words its line holds (core.tailor_terms)
        # an alternative of a years requirement the resume meets with evidence ('outbound sales' of '1+ years in an
        # outbound sales, SDR/BDR or … role'): the summary's no-gain check (core.tailor._gains) keeps it from
        # reading as years of an unmet one
        years = [i for i in owners if self.entries[i].kind == "experience_years" and self.entries[i].before]
        base = parts or [i for i in years if self.evidenced(i)]
        if not base or any(self.entries[i].kind == "degree" for i in base):
            return None  # a degree is worded by its own rules (core.jd_terms.degree_wording)
        if any(alt.lower() == getattr(self.plan.get(i), "term", "").lower() for i in base):
            return None  # the plan writes them
        # a soft skill's own words are shown by its lines; any other word must be on the resume ('AWS' of a group
        # 'AWS/GCP/Azure' met by Azure is not)
        soft = [i for i in parts if self.soft_lines(i) and self.entries[i].kind == "soft_skill"]
        own = {w.lower() for i in soft for x in self.names(i) if written_in(x, alt) for w in _tokens(x)}
        own |= {w.lower() for i in parts for w in _tokens(getattr(self.plan.get(i), "term", ""))}  # the plan's
        line_stems = {_root(w) for i in base for line in self.lines(i) for w in _tokens(line)}
        nouns = {_root(w.lower()) for i in base for line in self.lines(i) for w in _CREDENTIAL_NOUN.findall(line)}
        if _CREDENTIAL_NOUN.search(tokens[-1]) and nouns and _root(tokens[-1].lower()) not in nouns:
            return None  # 'journeyman electrician license' of 'license or card' beside a card held: the side held
        for token in tokens:
            low = token.lower()
            if low in _FUNCTION or low in _PLAIN or low in own:
                continue
            if low in _DEGREE:
                if _root(low) not in line_stems:
                    return None  # 'clear communication', 'consistent record': said of the evidence or not at all
            elif not _resume_has(token, self.stems, self.words):
                return None
        if self.matcher is not None:
            allowed = self.shown_skills() | {self.entries[i].skill for i in base}
            if any(m.skill not in allowed for m in self.matcher.find(alt)):
                return None  # a skill the resume does not show, read in the phrase
        kinds = [self.entries[i].kind for i in base]
        first = self.entries[base[0]]
        alt = _line_case(alt, self.resume)  # 'Advanced Microsoft Word', 'Version control' opened their JD line
        return TermToWrite(
            term=_sentence_case(alt, self.reqs[base[0]].sentence),
            skill=first.skill,
            kind=next((k for k in kinds if k != "soft_skill"), kinds[0]),
            required=first.required,
            bullet=None,
            shown="",
            via=first.skill,
            lines=tuple(line for i in base for line in self.lines(i))[:2],
            phrase=True,
        )
