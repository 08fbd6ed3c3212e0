"""Where the resume's summary and skills section sit (spans into the normalised resume), and the document rebuilt."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.ingest import section_of

_INLINE_SKILLS = re.compile(
    r"^\s*(?:(?:technical|core|key|relevant)\s+)?(?:skills|competencies|tools|technologies|expertise|tech stack)"
    r"(?:\s*(?:&|and)\s*\w+)?\s*:\s*(?P<items>\S.*)$",
    re.IGNORECASE,
)


_RULE = re.compile(r"^\s*([=_~*#-])\1{2,}\s*$")  # '=======' under a heading (plain-text resumes): no content


@dataclass(frozen=True)
class Part:
    """A stretch of the resume: its span, its text, and the header line above it (None for an inline label)."""

    span: tuple[int, int]
    text: str
    label: str = ""  # 'Skills: ' for an inline list, '' otherwise


def _lines(resume: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in resume.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _sections(resume: str) -> list[tuple[int, str | None, str]]:
    """(offset, section, line) of every line, with the section it sits in."""
    out: list[tuple[int, str | None, str]] = []
    section: str | None = None
    seen = False
    for pos, line in _lines(resume):
        header = section_of(line, caps=seen)
        seen = seen or bool(line.strip())
        if header:
            section = header
            out.append((pos, "#header", line))
            continue
        out.append((pos, "#rule" if _RULE.match(line) else section, line))
    return out


def skills_parts(resume: str) -> list[Part]:
    """The skills lists: each line of a Skills section, or an inline 'Skills: a, b, c' line anywhere."""
    parts: list[Part] = []
    for pos, section, line in _sections(resume):
        if not line.strip() or section == "#header":
            continue
        inline = _INLINE_SKILLS.match(line)
        if inline:
            start = pos + inline.start("items")
            parts.append(
                Part((start, pos + len(line.rstrip())), inline["items"].strip(), line[: inline.start("items")])
            )
        elif section == "Skills":
            lead = len(line) - len(line.lstrip())
            parts.append(Part((pos + lead, pos + len(line.rstrip())), line.strip()))
    return parts


def summary_part(resume: str) -> Part | None:
    """The summary / profile / objective paragraph (its lines other than an inline skills list), or None."""
    lines = [(p, line) for p, s, line in _sections(resume) if s == "Summary" and line.strip()]
    lines = [(p, line) for p, line in lines if not _INLINE_SKILLS.match(line)]
    if not lines:
        return None
    # only the first paragraph: stop at the first gap between kept lines
    start, first = lines[0]
    end = start + len(first.rstrip())
    for pos, line in lines[1:]:
        if resume[end:pos].count("\n") > 1:
            break
        end = pos + len(line.rstrip())
    lead = len(first) - len(first.lstrip())
    return Part((start + lead, end), resume[start + lead : end])


def first_header_offset(resume: str) -> int | None:
    """Where the first section header starts (a new summary goes just above it), or None."""
    return next((pos for pos, section, _ in _sections(resume) if section == "#header"), None)


def replace_spans(text: str, replacements: list[tuple[tuple[int, int], str]]) -> str:
    """The text with each span replaced (spans must not overlap; applied from the end)."""
    out = text
    for (start, end), new in sorted(replacements, key=lambda r: r[0], reverse=True):
        out = out[:start] + new + out[end:]
    return out
