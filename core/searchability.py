"""Searchability checks of a resume against a JD (what an ATS search and a recruiter's first look rely on).

Each check says what the JD wants, what the resume has, a verdict and, when it falls short, what to do:
the job title, years of experience, seniority, contact details, standard section headings and measurable results.
Pure: text, the JD's signals and the PII findings in; plain dicts out (stored in the item result).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from core import facts
from core.ingest import SECTION_NAMES, section_of
from core.jd_parts import Found, find_seniority
from core.resume_view import read_resume
from core.types import JDSignals, PiiFinding

PASS, WARN, FAIL, INFO = "pass", "warn", "fail", "info"
LEVEL_ORDER = ("intern", "junior", "mid", "senior", "lead", "staff", "principal", "director")
STANDARD_SECTIONS = ("Experience", "Education", "Skills")
MEASURED_PASS, MEASURED_WARN = 0.4, 0.2  # share of bullets with a number
_NOT_WORK = frozenset({"Leadership", "Projects", "Education", "Certifications", "Interests", "Achievements"})
YEARS_SLACK = 0.25  # "5+ years" is met by 4 years and 9 months of dated roles
_LEVEL_WORDS = re.compile(r"senior|sr|snr|junior|jr|lead|principal|staff|head|chief|mid|entry|associate")
_GRADE = re.compile(r"i{1,3}|iv|[1-5]")
_TITLE_CUT = re.compile(r"\s[–—-]\s|\s*[(,|·•@]\s*|\s+at\s+|:\s")
_WORD = re.compile(r"[a-z0-9+#]+")
_KNOWN_SECTIONS = frozenset(SECTION_NAMES.values())
_SECTION_WORDS = {
    "experience": "Experience",
    "history": "Experience",
    "employment": "Experience",
    "skills": "Skills",
    "competencies": "Skills",
    "education": "Education",
    "summary": "Summary",
    "profile": "Summary",
}
_MARKER_OR_DIGIT = re.compile(r"^[-•*·]|\d|[.,;]$")
_CONTACT_SHOWN = (("EMAIL_ADDRESS", "email"), ("PHONE_NUMBER", "phone"), ("URL", "profile link"))
_CONTACT_NEEDED = (("EMAIL_ADDRESS", "an email address"), ("PHONE_NUMBER", "a phone number"))


def _check(check: str, label: str, status: str, wanted: str, found: str, advice: str = "") -> dict[str, str]:
    return {"check": check, "label": label, "status": status, "wanted": wanted, "found": found, "advice": advice}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    return bool(needle) and f" {' '.join(needle)} " in f" {' '.join(haystack)} "


def jd_title(signals: JDSignals, jd: str = "") -> str:
    """The JD's job title: as the JD reader found it, else the JD's first line up to a dash, bracket or comma.

    Most JDs open with the title line ("Registered Nurse – Medical-Surgical Unit (Nights)"); the reader may
    leave such a line alone when it carries more than the title.
    """
    if signals.title:
        return signals.title.strip()
    first = next((line.strip() for line in jd.split("\n") if line.strip()), "")
    head = _TITLE_CUT.split(first, maxsplit=1)[0].strip(" -–—:|")
    return head if len(first) <= 120 and 1 <= len(head.split()) <= 6 and not head.endswith(".") else ""


def _without_level(title: str) -> list[str]:
    """The title's words less one leading level word and a trailing grade ('Senior Staff Accountant' ->
    'Staff Accountant', 'Internal Auditor II' -> 'Internal Auditor'); empty when one generic word would be left."""
    words = _words(title)
    if words and _LEVEL_WORDS.fullmatch(words[0]):
        words = words[1:]
    while words and _GRADE.fullmatch(words[-1]):
        words = words[:-1]
    return words if len(words) >= 2 else []


def title_check(resume: str, signals: JDSignals, jd: str = "") -> dict[str, str]:
    """The JD's job title written in the resume: exactly, without its level word, or not at all."""
    title = jd_title(signals, jd)
    if not title:
        return _check("title", "Job title", INFO, "no title in the job description", "—")
    words = _words(resume)
    if _contains(words, _words(title)):
        return _check("title", "Job title", PASS, title, "the exact title")
    core = _without_level(title)
    if core and core != _words(title) and _contains(words, core):
        return _check("title", "Job title", PASS, title, f"“{' '.join(core)}” (without the level)")
    advice = f"If it fits the candidate, put “{title}” in the headline or summary: ATS searches match titles."
    if core and all(w in set(words) for w in core):
        return _check("title", "Job title", WARN, title, "its words, but not together", advice)
    return _check("title", "Job title", FAIL, title, "not in the resume", advice)


def years_found(resume: str, today: date | None = None) -> tuple[float, str]:
    """Years of experience in the resume and where they come from: the dated roles (volunteering, projects
    and studies left out), or a stated 'N years of ... experience'."""
    view = read_resume(resume, today) if today else read_resume(resume)  # the pipeline's cached reading
    dated = round(sum(r.years for r in view.roles if view.line_at(r.start).section not in _NOT_WORK), 2)
    stated = max((s.years for s in view.stated if "experience" in s.what.lower() or not s.what.strip()), default=0.0)
    if dated >= stated:
        return dated, "dated roles" if dated else ""
    return stated, "stated"


def years_check(resume: str, signals: JDSignals, today: date | None = None) -> dict[str, str]:
    """Years of experience asked for against the dated roles (and any 'N years of experience' the resume states)."""
    found, source = years_found(resume, today)
    wanted = signals.years
    shown = f"{_years(found)} ({source})" if found else ""
    if wanted is None:
        return _check("years", "Years of experience", INFO, "not stated in the job description", shown or "—")
    asked = f"{_years(wanted)} or more"
    if not found:
        advice = "Give each role its dates (Mar 2021 – Present) so the years can be counted."
        return _check("years", "Years of experience", WARN, asked, "no dated roles found", advice)
    if found + YEARS_SLACK >= wanted:
        return _check("years", "Years of experience", PASS, asked, shown)
    status = WARN if found >= 0.75 * wanted else FAIL
    advice = "Fewer years than asked: say so when you send it."
    return _check("years", "Years of experience", status, asked, shown, advice)


def _years(value: float) -> str:
    if not value:
        return ""
    whole = round(value)
    return f"{whole} year{'s' if whole != 1 else ''}" if abs(value - whole) < 0.05 else f"{value:.1f} years"


def latest_level(resume: str, today: date | None = None) -> str | None:
    """The level word (senior, lead, junior...) in the title of the resume's first dated role, if any."""
    view = read_resume(resume, today) if today else read_resume(resume)  # the pipeline's cached reading
    for role in view.roles[:1]:
        heading = "\n".join(role.text.split("\n")[:2])
        found = find_seniority("", Found(heading, (0, len(heading))))
        return found.text if found else None
    return None


def seniority_check(resume: str, signals: JDSignals, today: date | None = None) -> dict[str, str]:
    """The level the JD asks for against the level in the title of the resume's most recent role."""
    wanted = signals.seniority
    level = latest_level(resume, today)
    shown = level or "no level word in the latest title"
    if not wanted:
        return _check("seniority", "Seniority", INFO, "not stated in the job description", shown)
    if level is None:
        return _check("seniority", "Seniority", INFO, wanted, shown)
    gap = _rank(level) - _rank(wanted)
    if gap >= 0 or wanted not in LEVEL_ORDER or level not in LEVEL_ORDER:
        return _check("seniority", "Seniority", PASS, wanted, level)
    status = WARN if gap == -1 else FAIL
    return _check("seniority", "Seniority", status, wanted, level, "The latest title is below the level asked for.")


def _rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else -1


def contact_check(pii: list[PiiFinding]) -> dict[str, str]:
    """An email address and a phone number in the resume (how a recruiter reaches the candidate)."""
    kinds = {p.type for p in pii if p.where == "resume"}
    have = [w for t, w in _CONTACT_SHOWN if t in kinds]
    missing = [w for t, w in _CONTACT_NEEDED if t not in kinds]
    found = ", ".join(have) or "none"
    if not missing:
        return _check("contact", "Contact details", PASS, "email and phone", found)
    status = FAIL if len(missing) == 2 else WARN
    return _check("contact", "Contact details", status, "email and phone", found, f"Add {' and '.join(missing)}.")


def heading_of(line: str) -> str | None:
    """The section a heading line opens: a known spelling, or a short line ending in a section word
    ("Teaching Experience", "Tools and skills"); an unknown all-capitals heading keeps its own name."""
    if not line.strip() or len(line) > 60:
        return None
    name = section_of(line, caps=True)
    if name in _KNOWN_SECTIONS:
        return name
    bare = line.strip().rstrip(":").strip()
    words = _words(bare)
    if 1 <= len(words) <= 4 and not _MARKER_OR_DIGIT.search(bare) and words[-1] in _SECTION_WORDS:
        return _SECTION_WORDS[words[-1]]
    return name


def sections_check(resume: str) -> dict[str, str]:
    """Standard headings an ATS files the resume by (Experience, Education, Skills); unusual ones are named."""
    found: list[str] = []
    unusual: list[str] = []
    for line in resume.split("\n"):
        name = heading_of(line)
        if name and name not in found:
            found.append(name)
            if name not in _KNOWN_SECTIONS:
                unusual.append(line.strip())
    missing = [s for s in STANDARD_SECTIONS if s not in found]
    shown = ", ".join(found) or "no headings"
    wanted = ", ".join(STANDARD_SECTIONS)
    advice = []
    if missing:
        advice.append(f"Add {' and '.join(missing)} heading{'s' if len(missing) > 1 else ''}.")
    if unusual:
        advice.append(f"Unusual heading{'s' if len(unusual) > 1 else ''} ({', '.join(unusual[:3])}) may be misfiled.")
    status = PASS if not missing else WARN if len(missing) == 1 else FAIL
    return _check("sections", "Section headings", status, wanted, shown, " ".join(advice))


def measurable_check(bullets: list[str]) -> dict[str, str]:
    """Bullets that show a measurable result (a number, a percentage, an amount)."""
    if not bullets:
        return _check("measurable", "Measurable results", INFO, "numbers in the bullets", "no bullets")
    measured = sum(1 for b in bullets if facts.numbers(b, words=False))
    share = measured / len(bullets)
    found = f"{measured} of {len(bullets)} bullets"
    if share >= MEASURED_PASS:
        return _check("measurable", "Measurable results", PASS, "at least 40% of the bullets", found)
    advice = "Add numbers the candidate can confirm (how many, how much, how fast) to more bullets."
    status = WARN if share >= MEASURED_WARN else FAIL
    return _check("measurable", "Measurable results", status, "at least 40% of the bullets", found, advice)


def searchability(
    resume: str,
    jd: str,
    signals: JDSignals,
    bullets: list[str],
    pii: list[PiiFinding],
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Every check, in the order a recruiter reads them (`bullets`: the texts that stand after the rewrite)."""
    return [
        title_check(resume, signals, jd),
        years_check(resume, signals, today),
        seniority_check(resume, signals, today),
        contact_check(pii),
        sections_check(resume),
        measurable_check(bullets),
    ]


def skill_counts(jd: str, resume: str, requirements: list[dict[str, Any]], matcher: Any) -> dict[str, dict[str, Any]]:
    """How often the JD and the original resume name each requirement (its skill or an alternative), and its kind."""
    in_jd = _tally(matcher.find(jd) if jd.strip() else [])
    in_resume = _tally(matcher.find(resume) if resume.strip() else [])
    out: dict[str, dict[str, Any]] = {}
    for req in requirements:
        names = {req["skill"], *(req.get("alternatives") or [])}
        out[req["skill"]] = {
            "jd": max(1, sum(in_jd.get(n, 0) for n in names)),  # listed as a requirement: named at least once
            "resume": sum(in_resume.get(n, 0) for n in names),
            "kind": matcher.kind_of(req["skill"]),
        }
    return out


def _tally(mentions: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.skill] = counts.get(m.skill, 0) + 1
    return counts
