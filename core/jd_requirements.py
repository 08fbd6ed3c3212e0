"""Turn the requirement sentences of a JD into requirement groups.

A sentence is cut into clauses (a preference cue applies to its clause: "Strong Python; Go is a plus"). In a
clause, skills joined by "or", "/", "one of", "such as", "e.g." or a parenthesised list form one group that any
member meets; skills joined by "and" or a plain comma list are separate requirements. A clause that asks for
years of experience gives an experience requirement, one naming a degree a degree requirement (the rest of the
clause is its field), licences and certifications are their own requirements, and lifting, shifts or own tools
are conditions. A clause naming no taxonomy skill becomes a requirement in its own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from core.jd_parts import PORTABLE, states_in
from core.jd_roles import PREFERENCE, PREFERRED, Unit, about_us
from core.skill_context import ROLE_NOUNS
from core.types import Requirement, SkillMention

CREDENTIAL_KINDS = frozenset({"certification", "licence"})
DEGREE_LEVELS = frozenset(
    {"High School Diploma", "Associate Degree", "Bachelor's Degree", "Master's Degree", "Doctorate", "Degree"}
)
_MAX_NAME = 90
_LEVEL_WORDS = {"associate": "Associate Degree", "bachelor": "Bachelor's Degree", "master": "Master's Degree"}
_LEVEL_OR = re.compile(
    r"\b(associate|bachelor|master)(?:'s|’s|s)?\s*(?:,|or|/)\s*(?:an?\s+)?(?:associate|bachelor|master)(?:'s|’s|s)?\s+degree",
    re.I,
)
_NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_YEARS = re.compile(
    r"(?<![\w.])(?P<n>\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")\s*(?:\(\d{1,2}\)\s*)?\+?\s*"
    r"(?:plus\s+|or more\s+)?"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?P<unit>years?|yrs?|months?)\b(?!\s+(?:ago|old))",
    re.I,
)
_BOTH = re.compile(r"\band\b|&|\bas well as\b|\bplus\b", re.I)
_EITHER = re.compile(r"\bor\b|/", re.I)
_NOT_EXPERIENCE = re.compile(r"(?:within|last|past|in the|after|of hire|by)\s*$", re.I)
_DEGREE_WORDS = re.compile(
    r"\b(?:bachelor'?s?|bachelor’s|master'?s|(?<!\d-)degree(?! of\b)|diploma|GED|associate'?s? degree|doctorate|Ph\.?D|"
    r"MBA|B\.?S\.?|B\.?A\.?|graduat(?:e|ion) from)\b",
    re.I,
)
_FIELD = re.compile(
    r"\bin\s+(?P<f>[A-Za-z ,/&'-]{3,80}?)(?:\s+or (?:a )?(?:related|equivalent|similar)\b|[;.(]|$"
    r"|,?\s+(?:and|plus|with)\s+(?=(?:at least|a minimum|minimum|\d|one|two|three|four|five|six)\b))",
    re.I,
)
_CONDITION = re.compile(
    r"\blift(?:ing)?\b.{0,20}\b(?:\d+|lbs|pounds)|\b\d+\s*(?:lbs|pounds)\b|\bstand(?:ing)?\b.{0,30}\b(?:hours?|shift)|"
    r"\bweekends?\b|\bholidays\b|\bovertime\b|\bon-call\b|\breliable transportation\b|\bown (?:hand )?tools\b|"
    r"\byour own tools\b|\bbackground check|\bdrug (?:screen|test)|\bclimate-controlled\b|\bnon-climate\b|"
    r"\btravel up to\b|\b(?:may|will|must|to) (?:require |involve |include )?(?:some |occasional |frequent |overnight |"
    r"local |regional )?travel\b|\btravel (?:between|throughout|within|\d+\s*%)|\b\d+\s*% (?:of )?(?:the time )?travel|"
    r"\bladders?\b|\bpass (?:a|our|the) (?:physical|evaluation|background)|\bfingerprint|"
    r"\bclearance prior\b|\bphysical demands\b|\bwork outdoors\b|\brotating shifts\b|\bnight shifts?\b|"
    # where the work is done: attics in summer, a freezer, heights, confined spaces, all weather
    r"\b(?:work|working|comfortable|able)\b.{0,40}\b(?:attics?|crawl ?spaces?|confined spaces?|heights|freezers?|"
    r"cold (?:environments?|temperatures|storage)|extreme (?:heat|cold|temperatures)|heat|outdoors|all weather)\b",
    re.I,
)
_SOFT_WORDS = re.compile(
    r"communicat|interpersonal|attitude|organi[sz]|detail|team|patient-first|customer-facing|leadership|calm|"
    r"professional|motivated|writing|proofread|explain|present(?:ing|ation)|judg(?:e)?ment|empathy|caring|"
    r"reliab|punctual|dependab|self-starter|collaborat|confiden",
    re.I,
)
_LEAD_IN = re.compile(
    r"^(?:(?:a |an )?(?:minimum|at least|proven|demonstrated|strong|solid|excellent|exceptional|good|deep|"
    r"advanced|basic|working|hands-on|thorough|consistent|current|active|valid|prior|previous|some|any|"
    r"recent|verifiable)\s+)*(?:(?:experience|familiarity|knowledge|proficiency|expertise|background|exposure|"
    r"understanding|comfort|fluency)\s+(?:with|in|of|using|on|to)\s+|ability to\s+|able to\s+|"
    r"experience\s+(?=\w+ing\b))?(?:a |an |the )?",
    re.I,
)
_OR_JOIN = re.compile(
    r"^\s*(?:,\s*)?(?:or|/|nor|or an?|or the|or other|or another|or (?:an? )?similar|or (?:an? )?comparable)\s*$"
    r"|^\s*/\s*$",
    re.I,
)
_AND_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|&|\+|as well as|plus)\s*$|^\s*,\s*$", re.I)
_EXAMPLES = re.compile(
    # "(Palo Alto, Fortinet or similar)": examples the graph does not know may come first in the parenthesis
    r"(?:such as|e\.g\.,?|eg\.|for example|like|including|especially|ideally|\((?:[\w .&'-]{1,30},\s*)*|:)"
    r"\s*(?:e\.g\.,?\s*)?$",
    re.I,
)
_SIMILAR = re.compile(r"\bor (?:similar|equivalent|comparable|another|other)\b|\bsimilar\b|\bequivalent\b", re.I)
_ONE_OF = re.compile(r"\b(?:one of|any of|at least one|either)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z+#&./'-]*|\d+")
_QUALIFIED = re.compile(
    r"\s*(?:experience|knowledge|exposure|understanding|work|background|familiarity|expertise|proficiency|"
    r"licensure|licen[cs]e)\b",
    re.I,
)
_QUALIFIER_GAP = re.compile(r"\b(?:for|in|on|of|within|across|at|to|from|into|under)\s*(?:the |a |an )?$", re.I)
_CONTINUATION = re.compile(r"^(?:ideally|preferably|and|or|but|while|plus|—|–|-)\b|^[a-z(]")
_STOP = frozenset(
    """a an the and or of in on for to with as at by from per any one other such similar equivalent is are be
    must will can should plus etc experience experienced years year yrs months month knowledge skills skill
    ability able strong solid good excellent proven working work current currently familiarity familiar
    understanding proficiency proficient hands-on demonstrated required preferred minimum least more than within
    including include e.g your you our we have has having into using use their this that these those ideally
    is a plus nice bonus desired helpful not also well very highly both""".split()
)


# an item that qualifies the one before it rather than asking ("ideally on a large site", "including SNFs")
_TAIL = re.compile(
    r"^(?:ideally|preferably|especially|particularly|including|include|such as|e\.g|for example|like|or|nor|but|"
    r"while|plus|not|no|then|than|etc|with|without|in|on|at|for|from|to|of|by|via|per|as|into|within|across)\b",
    re.I,
)
# a measure asked before any skill: "Typing speed of 45+ words per minute", "10-key at 8,000 keystrokes per hour"
_MEASURED = re.compile(r"[^,;]{0,40}?\b\d[\d,.]*\+?\s*(?:net\s+)?[a-z]+\s+per\s+(?:minute|hour)\b", re.I)
_CERTIFIED = re.compile(r"\s*(?:\([A-Z]{2,6}\)\s*)?(?:certification|certificate|credential)\b", re.I)
# one word and the experience it names: "Automotive experience", "Reefer experience"
_ONE_WORD_ASK = re.compile(r"(?:[A-Za-z][\w-]+)\s+(?:experience|background)", re.I)
# words of an item that is no ask: a reason, the company, a person's manner ("since about a third of our drivers")
_NOT_ASKED = frozenset(
    """since because so which who whom whose when where while our we us they them their it its this that these those
    relevant related similar prior previous professional industry equivalent comparable general""".split()
)
GATE_KINDS = frozenset({"degree", "experience_years", *CREDENTIAL_KINDS})
_GATE_WORD = r"(?:degree|diploma|GED|bachelor|associate|master|certificat\w*|licen[cs]\w*)"
_YEARS_WORD = r"\d{1,2}\+?\s*(?:\(\d{1,2}\)\s*)?(?:years?|yrs)\b"
_NOT_AND = r"(?:\s+(?!and\b)[\w'’()-]+)"
# one ask whose sides are years and a degree or credential: "an associate degree, or 5+ years of equivalent experience";
# "4 years of experience or a bachelor's degree"; no "and" between the "or" and the other side
_CROSS_KIND_OR = re.compile(
    rf"\bor\b{_NOT_AND}{{0,6}}?\s+{_YEARS_WORD}|"
    rf"{_YEARS_WORD}[^.;]{{0,80}}?\bor\b{_NOT_AND}{{0,3}}?\s+{_GATE_WORD}",
    re.I,
)
_ABOUT_US = re.compile(r"(?:we|we're|we’re|we've|our|us|it|this|that|they)\b", re.I)
_TRAILING_OR = re.compile(r"\bor\s*[,;:]?\s*$", re.I)  # "Bachelor's degree from an accredited college, OR"


def linked(requirements: dict[str, Requirement], keys: list[str]) -> None:
    """Make the requirements under `keys` alternatives of each other (any one meets them all)."""
    names = [requirements[k].skill for k in keys]
    for key in keys:
        req = requirements[key]
        others = [n for n in names if n != req.skill and n not in req.either]
        if others:
            requirements[key] = req.model_copy(update={"either": [*req.either, *others]})


@dataclass
class _Group:
    members: list[SkillMention] = field(default_factory=list)
    head: SkillMention | None = None
    similar: bool = False


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of one sentence: split at ';', at a parenthesis holding a preference cue, and before ', and',
    ', but', ', ideally', ', preferably' when a long part follows."""
    cuts = {0, len(text)}
    for match in re.finditer(r";", text):
        cuts.update({match.start(), match.end()})
    for match in re.finditer(r"\([^()]{0,80}\)", text):
        if PREFERENCE.search(match.group(0)):
            cuts.update({match.start(), match.end()})
    for match in re.finditer(r",\s+(?:and|but|while|ideally|preferably|plus)\b", text, re.I):
        tail = text[match.end() :].split(",")[0]
        if len(tail.split()) >= 3:
            cuts.add(match.start())
    bounds = sorted(cuts)
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = text[a:b]
        stripped = piece.strip(" ;,()")
        if stripped:
            offset = piece.find(stripped)
            spans.append((a + offset, a + offset + len(stripped)))
    return spans


def clause_years(text: str) -> float | None:
    """Years of experience a clause asks for ('3+ years', 'twelve months'); None when it asks for none."""
    for match in _YEARS.finditer(text):
        if _NOT_EXPERIENCE.search(text[: match.start()]):
            continue
        raw = match.group("n").lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
        if match.group("unit").lower().startswith("month"):
            value = round(value / 12, 2)
        if 0 < value <= 30:
            return value
    return None


def _years_part(clause: str) -> str:
    """The years side of a clause that asks a credential or degree first ("... hold a valid Class A CDL and have at
    least 12 months of verifiable OTR experience"): from the last "and" before the years."""
    match = _YEARS.search(clause)
    if not match:
        return clause
    joins = list(re.finditer(r"\band\b|;|,\s*or\b|\bplus\b", clause[: match.start()]))
    part = clause[joins[-1].end() :].strip() if joins else clause
    return re.sub(r"^(?:have|has|hold|possess|bring)\s+", "", part, flags=re.I)


def years_terms(clause: str) -> list[str]:
    """What a years clause asks experience in: the words after "N years" ("You'll need at least 2 years of
    verifiable Class A driving experience" -> class, driving), up to a reason or an aside ("..., because we
    train"); the whole clause when nothing follows the years ("Python: 3+ years")."""
    terms = content_terms(years_what(clause))
    return terms or content_terms(_YEARS.sub(" ", clause))


def years_what(clause: str) -> str:
    """The words after "N years" in a clause, up to a reason or an aside ("" when the years come last)."""
    match = _YEARS.search(clause)
    if not match:
        return ""
    after = re.split(
        r",\s*(?:because|since|as|so|which|who|and we|but we)\b|\s[—–]\s"
        r"|\s(?:is|are) (?:preferred|required|a plus|a bonus|desired)\b|\sbut\s",
        clause[match.end() :],
    )[0]
    after = re.sub(r"^\s*(?:or (?:more|longer)|plus)\b,?", "", after)  # "6 months or more pulling tankers"
    after = re.sub(r"\b(?:full|part)[- ]time\s+|\bpaid\s+(?=experience|work)", "", after, flags=re.I)  # how, not what
    return re.sub(r"^\s*(?:of|in|as|with|doing|working)\s+", "", after).strip(" .;,")


def content_terms(text: str) -> list[str]:
    """Content words of a clause, in order, without duplicates."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        low = word.lower().strip(".'")
        if low and low not in _STOP and len(low) > 1:
            seen.setdefault(low, None)
    return list(seen)


def _items(clause: str) -> list[tuple[int, int]]:
    """The items of a clause's list: cut at commas, "and", "&" and "as well as" outside brackets, and at the "are a
    plus" that ends it."""
    cuts, depth = [0], 0
    for match in re.finditer(
        r"[()]|,|\band\b|&|\bas well as\b|\s(?:are|is) (?:both |all )?(?:a plus|preferred|"
        r"required|a bonus|helpful|desired)\b.*$",
        clause,
        re.I,
    ):
        text = match.group(0)
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts += [match.start(), match.end()]
    cuts.append(len(clause))
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if clause[a:b].strip(" ,.;:")]


def _only_named(item: str, spans: list[tuple[int, int]]) -> bool:
    """An item that is skills and nothing more besides lead-ins ("Strong Python", "forklift certification")."""
    rest = item
    for x, y in sorted(spans, reverse=True):
        rest = rest[:x] + " " + rest[y:]
    return bool(spans) and not content_terms(_LEAD_IN.sub("", rest.strip(" .;:,")))


def short_name(text: str) -> str:
    """A clause as a requirement name: lead-ins ("Experience with a", "Strong") and trailing cues removed."""
    name = _LEAD_IN.sub("", text.strip(" .;:-–•")).strip()
    name = re.sub(
        r"\s*(?:is|are|would be|will be)?\s*(?:a plus|preferred|required|a bonus|helpful|expected|desired)"
        r"(?:\s+too)?\.?$",
        "",
        name,
        flags=re.I,
    ).strip(" ,.")
    return clipped((name or text.strip()).rstrip(" .;:"))


def clipped(name: str) -> str:
    """A name cut to _MAX_NAME characters at a word's end: a cut word ("progra") would be looked for as written."""
    if len(name) <= _MAX_NAME:
        return name
    cut = name[: _MAX_NAME + 1].rsplit(" ", 1)[0]
    return (cut if len(cut) >= _MAX_NAME // 2 else name[:_MAX_NAME]).rstrip(" ,;:(")


class RequirementReader:
    """Requirement groups from the asking sentences of a JD; built once with the shared skill matcher."""

    def __init__(self, matcher: Any) -> None:
        self.matcher = matcher

    def read(self, jd: str, units: list[Unit]) -> list[Requirement]:
        """Every requirement group, in JD order, required before preferred when one skill is asked twice."""
        out: dict[str, Requirement] = {}
        pending_or: list[str] = []  # gates of a line ending in "OR": the next asking line gives the other side
        for unit in units:
            if unit.role not in ("requirement", "preferred"):
                continue
            unit_gates: list[str] = []
            spans = clause_spans(unit.text)
            for a, b in spans:
                start = unit.start + a
                clause = jd[start : unit.start + b]
                if len(spans) > 1 and about_us(clause):
                    continue  # "We run on McLeod PowerBroker, but experience in any TMS is fine"
                preferred = bool(PREFERENCE.search(clause)) or (
                    unit.role == PREFERRED and not re.search(r"\b(?:required|must)\b", clause, re.I)
                )
                gates: list[str] = []
                # "...; basic arithmetic for ...": an item of a list, not a tail ("...; we're remote-first" says no ask)
                new_item = unit.text[:a].rstrip().endswith(";") and not _ABOUT_US.match(unit.text[a:])
                for req in self._clause(clause, start, not preferred, unit.text, new_item):
                    key = req.skill.lower()
                    if req.kind in GATE_KINDS and key not in gates:
                        gates.append(key)
                    if key in out:
                        if req.required and not out[key].required:
                            out[key] = out[key].model_copy(update={"required": True})
                        continue
                    out[key] = req
                # years on one side, a degree or credential on the other; not "(associate or bachelor's)"
                years_side = any(out[k].kind == "experience_years" for k in gates)
                if len(gates) > 1 and years_side and _CROSS_KIND_OR.search(clause):
                    linked(out, gates)
                unit_gates += gates
            if pending_or and unit_gates:
                linked(out, list(dict.fromkeys([*pending_or, *unit_gates])))
            pending_or = unit_gates if _TRAILING_OR.search(unit.text) else []
        return list(out.values())

    def _mentions(self, clause: str, start: int) -> list[SkillMention]:
        found = []
        mentions = self.matcher.find(clause)
        starts = {m.span[0] for m in mentions}
        for m in mentions:
            kind = self.matcher.kind_of(m.skill)
            rest = clause[m.span[1] :]
            after = rest.split()
            nxt = after[0].strip(",.;:()") if after else ""
            if nxt.lower() in ROLE_NOUNS and kind != "licence":
                continue  # "Java Developer" names a role
            if kind in ("category", "group"):
                continue
            if kind == "soft" and (_QUALIFIED.match(rest) or m.span[1] + 1 in starts):
                continue  # "hands-on experience", "independent LCSW licensure": a qualifier, not a skill asked
            if " " not in m.quote and nxt[:1].isupper() and not nxt.isupper() and m.span[1] + 1 not in starts:
                if kind == "tool" and not m.quote.isupper():
                    continue  # "Ada County", "Spring Street": one word of a proper name
            found.append(m.model_copy(update={"span": (start + m.span[0], start + m.span[1])}))
        return found

    def _clause(
        self, clause: str, start: int, required: bool, sentence: str, new_item: bool = False
    ) -> list[Requirement]:
        mentions = self._mentions(clause, start)
        kinds = {m.skill: self.matcher.kind_of(m.skill) for m in mentions}
        base: dict[str, Any] = {"required": required, "sentence": sentence}
        out: list[Requirement] = []
        credentials = [m for m in mentions if kinds[m.skill] in CREDENTIAL_KINDS]
        degrees = [m for m in mentions if kinds[m.skill] == "degree"]
        years = clause_years(clause)
        rest = [m for m in mentions if kinds[m.skill] not in CREDENTIAL_KINDS and kinds[m.skill] != "degree"]
        if degrees or (_DEGREE_WORDS.search(clause) and not credentials and years is None):
            out.append(self._degree(clause, start, degrees, base))
            rest = []  # the other skills of a degree clause are its field ("in Accounting or Finance")
        for group in self._groups(clause, start, credentials):
            out.append(self._from_group(group, clause, start, base, kinds))
        if years is not None:
            alternatives = [m.skill for m in rest if kinds[m.skill] != "soft"]
            named = short_name(_years_part(clause) if out else clause)
            out.append(
                Requirement(
                    skill=named,
                    jd_name=named,
                    kind="experience_years",
                    years=years,
                    alternatives=list(dict.fromkeys(alternatives)),
                    terms=years_terms(clause),
                    span=(start, start + len(clause)),
                    **base,
                )
            )
            groups = self._groups(clause, start, rest)
            # "5+ years with Python and SQL": each skill is asked for too; not the sides of "3+ years in analytics
            # engineering, data engineering or BI development", which say what kind of work the years are
            if len(groups) > 1 and (_BOTH.search(clause) or not _EITHER.search(clause)):
                out.extend(self._from_group(g, clause, start, base, kinds) for g in groups)
            return out
        measured = _MEASURED.match(clause)
        if rest and not out and measured and not any(m.span[0] - start < measured.end() for m in rest):
            rest = []  # "Typing speed of 45+ words per minute with accurate spelling": one measured ask, its words
        if rest:
            out.extend(self._from_group(g, clause, start, base, kinds) for g in self._groups(clause, start, rest))
        if out:
            out.extend(self._unnamed_items(clause, start, mentions, base))
        elif not out and _CONDITION.search(clause):
            name = short_name(clause)
            out.append(
                Requirement(
                    skill=name,
                    jd_name=name,
                    kind="condition",
                    terms=content_terms(clause),
                    span=(start, start + len(clause)),
                    **base,
                )
            )
        elif not out and (new_item or not _CONTINUATION.match(clause)):  # "ideally on a large site": a tail
            terms = content_terms(clause)
            one_word = _ONE_WORD_ASK.fullmatch(clause.strip(" .;:")) and not set(terms) & _NOT_ASKED
            if len(terms) >= 2 or one_word:
                name = short_name(clause)
                kind = "soft_skill" if _SOFT_WORDS.search(clause) else "skill"
                out.append(
                    Requirement(
                        skill=name, jd_name=name, kind=kind, terms=terms, span=(start, start + len(clause)), **base
                    )
                )
        return out

    def _unnamed_items(
        self, clause: str, start: int, mentions: list[SkillMention], base: dict[str, Any]
    ) -> list[Requirement]:
        """Sides of a list of extras that name no graph skill, beside a side that is only a skill: "A/B testing
        and causal inference", "Reefer experience and Spanish are both a plus"; never the words of a longer phrase
        ("explain SEO to editors and engineers alike", "state wage and hour laws")."""
        taken = [(m.span[0] - start, m.span[1] - start) for m in mentions]
        items = _items(clause)
        named = [any(x < b and a < y for x, y in taken) for a, b in items]
        bare = [_only_named(clause[a:b], [(x - a, y - a) for x, y in taken if a <= x and y <= b]) for a, b in items]
        out = []
        for i, (a, b) in enumerate(items):
            beside = [j for j in (i - 1, i + 1) if 0 <= j < len(items)]
            if named[i] or not any(bare[j] for j in beside) or any(not named[j] for j in beside):
                continue
            item = clause[a:b].strip()
            if _TAIL.match(item) or _CONDITION.search(item):
                continue
            terms = content_terms(item)
            if len(terms) < 2 and not _ONE_WORD_ASK.fullmatch(item.strip(" .;:")):
                continue
            if set(terms) & _NOT_ASKED or _ABOUT_US.match(item) or re.search(r"\byou|\W(?:—|–)\W", item, re.I):
                continue
            if base["required"]:
                # "Cartography and spatial analysis", "ELDs and trip planning": one competence asked; a required
                # side judged in its own words alone would cost a strong resume a required group when missed
                continue
            name = short_name(item)
            kind = "soft_skill" if _SOFT_WORDS.search(item) else "skill"
            out.append(
                Requirement(skill=name, jd_name=name, kind=kind, terms=terms, span=(start + a, start + b), **base)
            )
        return out

    def _degree(self, clause: str, start: int, degrees: list[SkillMention], base: dict[str, Any]) -> Requirement:
        """One degree requirement: its level ("Bachelor's Degree"), the specific degrees named ("BSN") and the
        field's words ("accounting", "finance"): met by a specific degree, or by the level in that field."""
        graph = self.matcher.graph
        specific = list(dict.fromkeys(m.skill for m in degrees if m.skill not in DEGREE_LEVELS))
        levels = [m.skill for m in degrees if m.skill in DEGREE_LEVELS]
        for name in specific:
            levels += [p for p in graph.parents(name) if p in DEGREE_LEVELS]
        # "Associate or bachelor's degree": the level named first shares the degree written once after the other
        for word in _LEVEL_OR.findall(clause):
            levels.insert(0, _LEVEL_WORDS[word.lower().rstrip("'’s")])
        levels = list(dict.fromkeys(levels)) or ["Degree"]
        field_match = _FIELD.search(clause)
        fields: list[str] = []
        if field_match and not re.search(r"\bor equivalent\b", clause, re.I):
            fields = [t for t in content_terms(field_match.group("f")) if t not in ("related", "field", "degree")]
        return Requirement(
            skill=levels[0],
            jd_name=short_name(clause),
            kind="degree",
            alternatives=[*levels, *specific],
            terms=fields,
            span=(start, start + len(clause)),
            **base,
        )

    def _groups(self, clause: str, start: int, mentions: list[SkillMention]) -> list[_Group]:
        """Mentions joined into groups by the words between them."""
        groups: list[_Group] = []
        one_of = bool(_ONE_OF.search(clause))
        pending_and: list[int] = []  # groups of a comma list whose last joiner is not known yet
        inside = False  # within the parenthesis after a head: "Microsoft 365 (Outlook, Word, PowerPoint, Excel)"
        for i, mention in enumerate(mentions):
            if i == 0:
                groups.append(_Group([mention]))
                continue
            prev = mentions[i - 1]
            between = clause[prev.span[1] - start : mention.span[0] - start]
            head_gap = re.sub(r"^[\s\w'-]{0,30}?(?=(?:such as|e\.g|for example|like|including|\(|:))", "", between)
            current = groups[-1]
            closed = inside and ")" in between
            inside = inside and not closed
            if not between.strip() and self.matcher.graph.satisfies(prev.skill, mention.skill):
                continue  # "Delphi FDC sales and catering system": the kind of thing just named, not a second ask
            if closed and current.head is not None and _OR_JOIN.match(between.split(")")[-1]):
                current.members.append(mention)  # "Microsoft 365 (Outlook, Excel) or Google Workspace"
            elif inside and current.head is not None:
                current.members.append(mention)  # an example the graph knows after one it does not ("Word")
            elif _EXAMPLES.search(head_gap) and current.head is None:
                inside = "(" in between and ")" not in between.split("(")[-1]
                current.head = current.members[0]  # "a CI/CD system (GitHub Actions, ..."; "an ERP such as SAP"
                current.members.append(mention)
                current.similar = current.similar or not between.strip().startswith(("(", ":"))
            elif current.head is not None and (_OR_JOIN.match(between) or _AND_JOIN.match(between)):
                current.members.append(mention)  # more examples of the same head
            elif _OR_JOIN.match(between) or (one_of and _AND_JOIN.match(between) and "and" not in between):
                current.members.append(mention)
                for j in pending_and:
                    groups[j - 1].members.extend(groups[j].members)
                for j in reversed(pending_and):
                    groups.pop(j)
                pending_and = []
            elif re.fullmatch(r"\s*,\s*", between):
                groups.append(_Group([mention]))
                pending_and.append(len(groups) - 1)
            elif _QUALIFIER_GAP.search(between):
                continue  # "therapeutic exercise for orthopedic conditions": the second one qualifies the first
            else:
                groups.append(_Group([mention]))
                pending_and = []
        tail = clause[mentions[-1].span[1] - start :] if mentions else ""
        if pending_and and re.match(r"\s*,?\s*or (?:similar|equivalent|comparable|other|another)\b", tail, re.I):
            for j in pending_and:  # "Tableau, Power BI or similar": the comma list is one group
                groups[pending_and[0] - 1].members.extend(groups[j].members)
            for j in reversed(pending_and):
                groups.pop(j)
        if _SIMILAR.search(clause):
            for group in groups:
                group.similar = group.similar or len(group.members) > 1
        for group in groups:
            if group.head is not None:
                group.similar = False  # anything narrower than the head meets it already
        return groups

    def _from_group(
        self, group: _Group, clause: str, start: int, base: dict[str, Any], kinds: dict[str, str | None]
    ) -> Requirement:
        head = group.head or group.members[0]
        skills = list(dict.fromkeys(m.skill for m in group.members))
        first = min(m.span[0] for m in group.members)
        last = max(m.span[1] for m in group.members)
        if len(group.members) == 1:
            jd_name = head.quote
        else:
            tail = clause[last - start :]
            similar = re.match(r"\s*,?\s*or (?:similar|equivalent|another [\w-]+(?: [\w-]+)?|comparable)\)?", tail)
            end = last + (similar.end() if similar else 0)
            jd_name = clause[first - start : end].strip(" ,(.;:")
        kind = kinds.get(head.skill) or "skill"
        kind = "soft_skill" if kind == "soft" else kind if kind in CREDENTIAL_KINDS | {"degree"} else "skill"
        named_cert = _CERTIFIED.match(clause[last - start :])
        if kind in ("skill", "soft_skill") and named_cert:
            # "APCO Public Safety Telecommunicator (PST) and Emergency Medical Dispatch (EMD) certification": the
            # credential in the field the graph knows, named by the JD's words up to "certification"
            kind = "certification"
            jd_name = short_name(clause[: last - start + named_cert.end()])
        states = states_in(clause) if kind in CREDENTIAL_KINDS and not PORTABLE.search(clause) else []
        return Requirement(
            states=states,
            skill=head.skill,
            jd_name=clipped(jd_name),
            kind=kind,
            alternatives=skills,
            similar=group.similar,
            span=(first, last),
            **base,
        )
