"""Read a job description into JDSignals: requirement groups, required / preferred skills, key phrases, title."""

from __future__ import annotations

import re
from dataclasses import replace

from core.jd_parts import Found, find_seniority, find_title, find_years, role_nouns
from core.jd_requirements import RequirementReader
from core.jd_roles import OTHER, PREFERRED, REQUIREMENT, RESPONSIBILITY, read_units
from core.keywords import KeyPhraser, load_keyphraser
from core.skills import SkillMatcher
from core.types import JDSignals, Requirement, SkillMention

_MIN_WORDS = 12  # a JD shorter than this cannot be read with confidence
_ENGLISH = re.compile(r"\b(?:the|and|of|to|in|with|for|you|we|our|a|an|is|are|will|experience|years|skills|or)\b", re.I)


class SignalExtractor:
    """Local, deterministic JD reader; build once per process with the shared matcher."""

    def __init__(self, matcher: SkillMatcher, keyphraser: KeyPhraser | None = None) -> None:
        self.matcher = matcher
        self.keyphraser = keyphraser or load_keyphraser()
        self.reader = RequirementReader(matcher)

    def extract(self, jd_text: str) -> JDSignals:
        """Signals for one JD (spans index into jd_text).

        Each sentence gets a role (core.jd_roles); requirement groups come from requirement and preferred
        sentences only (core.jd_requirements). When the JD states no requirement at all, the skills its duties
        name stand in for them (and confidence says so). Company, benefit and legal sentences give no skills and
        no key phrases.
        """
        title = find_title(jd_text)
        units = read_units(jd_text, title.span if title else None)
        requirements = self.reader.read(jd_text, units)
        notes: list[str] = []
        if not requirements:
            duties = [u for u in units if u.role in (RESPONSIBILITY, OTHER)]
            requirements = self.reader.read(jd_text, [replace(u, role=REQUIREMENT) for u in duties])
            requirements = [r for r in requirements if r.kind not in ("skill", "soft_skill") or r.alternatives]
            if requirements:
                notes.append("no sentence asks for anything: the skills the text names were taken as requirements")
        requirements = self._with_title(requirements, title, jd_text)
        required, preferred = _mentions(requirements, jd_text, self.matcher)
        asked = [u.text for u in units if u.role in (REQUIREMENT, PREFERRED, RESPONSIBILITY)]
        asked_text = "\n".join([title.text if title else "", *asked])
        skills = [*required, *preferred]
        keywords = self.keyphraser.keywords(
            asked_text if asked_text.strip() else "", skills=[m.quote for m in skills] + [m.skill for m in skills]
        )
        words = len(jd_text.split())
        if words < _MIN_WORDS:
            notes.append(f"the job description has only {words} words")
        if words >= _MIN_WORDS and len(_ENGLISH.findall(jd_text)) < 0.06 * words:
            notes.append("the job description does not read as English")
        if not requirements:
            notes.append("no requirements were found")
        cues = sum(1 for u in units if u.role in (REQUIREMENT, PREFERRED))
        confidence = signal_confidence(
            n_skills=len(requirements), has_title=title is not None, cues=min(cues, 2), words=words
        )
        if notes:
            confidence = min(confidence, 0.3)
        seniority = find_seniority(jd_text, title)
        years = find_years(jd_text)
        return JDSignals(
            title=title.text if title else None,
            title_span=title.span if title else None,
            seniority=seniority.text if seniority else None,
            seniority_span=seniority.span if seniority else None,
            years=years.value if years else None,
            years_span=years.span if years else None,
            required=required,
            preferred=preferred,
            keywords=keywords,
            confidence=confidence,
            requirements=requirements,
            notes=notes,
        )

    def _with_title(self, requirements: list[Requirement], title: Found | None, jd: str) -> list[Requirement]:
        """A hard skill the job title names ("Java Developer", "CDL-A Driver") is required unless already asked."""
        if title is None:
            return requirements
        graph = self.matcher.graph
        asked = [s for r in requirements for s in (r.alternatives or [r.skill])]
        extra = []
        for mention in self.matcher.find_hard(title.text):
            if " " not in mention.quote and mention.quote.lower() in role_nouns():
                continue  # "Graphic Designer": the role's noun, not the product named "Designer"
            if any(graph.satisfies(s, mention.skill) or graph.satisfies(mention.skill, s) for s in asked):
                continue
            span = (title.span[0] + mention.span[0], title.span[0] + mention.span[1])
            kind = self.matcher.kind_of(mention.skill) or "skill"
            extra.append(
                Requirement(
                    skill=mention.skill,
                    jd_name=mention.quote,
                    kind=kind if kind in ("certification", "licence", "degree") else "skill",
                    alternatives=[mention.skill],
                    span=span,
                    sentence=title.text,
                )
            )
            asked.append(mention.skill)
        return extra + requirements


def _mentions(
    requirements: list[Requirement], jd: str, matcher: SkillMatcher
) -> tuple[list[SkillMention], list[SkillMention]]:
    """Skill mentions standing for the requirement groups (the fields older readers of JDSignals use)."""
    required: dict[str, SkillMention] = {}
    preferred: dict[str, SkillMention] = {}
    for req in requirements:
        if not req.alternatives or req.kind in ("condition",) or req.span is None:
            continue
        start, end = req.span
        target = required if req.required else preferred
        # each member with its own words in the JD ("Terraform", not "infrastructure as code (Terraform)")
        own = {m.skill: m for m in matcher.find(jd[start:end])}
        for skill in req.alternatives:
            m = own.get(skill)
            span, quote = ((start + m.span[0], start + m.span[1]), m.quote) if m else ((start, end), jd[start:end])
            target.setdefault(skill, SkillMention.model_construct(skill=skill, span=span, quote=quote))
    for skill in required:
        preferred.pop(skill, None)
    return list(required.values()), list(preferred.values())


def signal_confidence(*, n_skills: int, has_title: bool, cues: int, words: int) -> float:
    """How far the local reading can be trusted, 0-1 (below the threshold an LLM is asked, when configured).

    0.55 x requirement evidence (`n_skills`: requirement groups, saturates at 6) + 0.2 for a title + 0.15 for
    asking sentences (saturates at 2) + 0.1 for a JD long enough to read (saturates at 80 words).
    """
    score = 0.55 * min(1.0, n_skills / 6) + 0.2 * has_title + 0.15 * min(1.0, cues / 2) + 0.1 * min(1.0, words / 80)
    return round(score, 3)
