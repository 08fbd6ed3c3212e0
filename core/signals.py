"""Read a job description into JDSignals: skills by section (required / preferred), key phrases, title, level, years."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.jd_parts import find_seniority, find_title, find_years
from core.keywords import KeyPhraser, load_keyphraser
from core.skills import SkillMatcher
from core.types import JDSignals, SkillMention

# Section headings and inline cues. A heading sets the mode of the lines under it; an inline cue
# ("... is a plus", "nice to have: ...") overrides the mode for its own line only.
_PREFERRED = re.compile(
    r"\b(nice[- ]to[- ]haves?|preferred|preferably|bonus( points)?|a plus|is a plus|are a plus|plus if|desirable|"
    r"desired|ideally|advantageous|would be great|good to have|not required|optional|extra credit)\b",
    re.I,
)
_REQUIRED = re.compile(
    r"\b(requirements?|required|must[- ]haves?|must have|must|qualifications|what you('ll)? (need|bring)|"
    r"you (have|bring|will have)|essential|minimum|mandatory|skills( and experience)?|experience|who you are|"
    r"about you|what we('re| are) looking for|responsibilities|tech stack|technologies|"
    r"what you('ll| will) (do|be doing)|(your|the) (role|profile|mission|tasks|day)|about the (role|job|position)|"
    r"job description|duties|day[- ]to[- ]day|key tasks)\b",
    re.I,
)
_NEUTRAL = re.compile(
    r"\b(about us|benefits|perks|what we offer|compensation|salary|equal opportunity|who we are|"
    r"about (the|our) (team|company)|our culture|why (join|us|work)|life at|how to apply)\b",
    re.I,
)
_HEADING_MAX_WORDS = 8


@dataclass(frozen=True)
class _Line:
    start: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        out.append(_Line(pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def _heading_mode(line: str) -> str | None:
    """'required', 'preferred' or 'other' when the line reads as a section heading, else None."""
    stripped = line.strip().strip("#*_ ").strip()
    label, colon, rest = stripped.partition(":")
    if colon and rest.strip() and len(label.split()) <= 4:
        stripped = label + ":"  # an inline label: "Benefits: private healthcare, ..."
    if not stripped or len(stripped.split()) > _HEADING_MAX_WORDS:
        return None
    looks_heading = stripped.endswith(":") or stripped.isupper() or len(stripped.split()) <= 5
    if not looks_heading or re.match(r"^[-•*–·]", line.strip()):
        return None
    if _PREFERRED.search(stripped):
        return "preferred"
    if _NEUTRAL.search(stripped):
        return "other"
    if _REQUIRED.search(stripped):
        return "required"
    return None


class SignalExtractor:
    """Local, deterministic JD reader; build once per process with the shared matcher."""

    def __init__(self, matcher: SkillMatcher, keyphraser: KeyPhraser | None = None) -> None:
        self.matcher = matcher
        self.keyphraser = keyphraser or load_keyphraser()

    def extract(self, jd_text: str) -> JDSignals:
        """Signals for one JD (spans index into jd_text).

        A hard skill is required when it sits in the title, under a requirements heading, or in a sentence that
        asks for it; preferred under a nice-to-have heading or on a line with a preference cue ("is a plus"),
        and when it only describes the company or names a role elsewhere ("We use Python", "Java Developer").
        Skills under benefits / about-us headings are left out (they describe the employer).
        """
        required: dict[str, SkillMention] = {}
        preferred: dict[str, SkillMention] = {}
        title = find_title(jd_text)
        mode, explicit, cues = "required", False, 0
        asked_lines: list[str] = []
        for line in _lines(jd_text):
            heading = _heading_mode(line.text)
            if heading is not None:
                mode, explicit, cues = heading, True, cues + 1
            line_mode = "preferred" if _PREFERRED.search(line.text) else mode
            in_title_line = title is not None and line.start <= title.span[0] < line.start + len(line.text) + 1
            if line_mode != "other" and heading is None and not in_title_line:
                asked_lines.append(line.text)
            asked = {m.span for m in self.matcher.find_requirements(line.text)}
            for mention in self.matcher.find_hard(line.text):
                s, e = mention.span
                span = (line.start + s, line.start + e)
                placed = mention.model_copy(update={"span": span})
                in_title = title is not None and span[0] < title.span[1] and title.span[0] < span[1]
                if in_title or (line_mode == "required" and (explicit or mention.span in asked)):
                    required.setdefault(mention.skill, placed)
                elif line_mode != "other":
                    preferred.setdefault(mention.skill, placed)
        for skill in required:
            preferred.pop(skill, None)  # a skill both required and preferred counts as required
        seniority = find_seniority(jd_text, title)
        years = find_years(jd_text)
        skills = [*required.values(), *preferred.values()]
        # key phrases come from what the JD asks (title and sections other than about-us / benefits)
        asked_text = "\n".join([title.text if title else "", *asked_lines])
        keywords = self.keyphraser.keywords(
            asked_text if asked_text.strip() else jd_text, skills=[m.quote for m in skills] + [m.skill for m in skills]
        )
        confidence = signal_confidence(
            n_skills=len(skills), has_title=title is not None, cues=cues, words=len(jd_text.split())
        )
        return JDSignals(
            title=title.text if title else None,
            title_span=title.span if title else None,
            seniority=seniority.text if seniority else None,
            seniority_span=seniority.span if seniority else None,
            years=years.value if years else None,
            years_span=years.span if years else None,
            required=list(required.values()),
            preferred=list(preferred.values()),
            keywords=keywords,
            confidence=confidence,
        )


def signal_confidence(*, n_skills: int, has_title: bool, cues: int, words: int) -> float:
    """How far the local reading can be trusted, 0-1 (below the threshold an LLM is asked, when configured).

    0.55 x skill evidence (saturates at 6 hard skills) + 0.2 for a title + 0.15 for section cues (saturates at 2)
    + 0.1 for a JD long enough to read (saturates at 80 words).
    """
    score = 0.55 * min(1.0, n_skills / 6) + 0.2 * has_title + 0.15 * min(1.0, cues / 2) + 0.1 * min(1.0, words / 80)
    return round(score, 3)
