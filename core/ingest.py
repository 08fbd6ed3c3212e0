"""INGEST: normalise pasted text, enforce size limits and find the resume's bullets in real layouts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from core import injection, pii
from core.context import Limits
from core.errors import InputError
from core.types import Bullet, InjectionResult, PiiFinding

__all__ = [
    "InputError",
    "Prepared",
    "check_limits",
    "normalise",
    "prepare",
    "scan_jd",
    "split_bullets",
    "SECTION_NAMES",
]

# Line and paragraph separators (and the PDF page break) become newlines; other control/format characters go.
_NEWLINES = {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
_KEEP = {"\n", "\t"}

# Canonical section name for each header spelling (lower case, without a trailing colon).
SECTION_NAMES: dict[str, str] = {}
for _canon, _spellings in {
    "Summary": "summary|professional summary|profile|professional profile|about|about me|objective|career objective"
    "|overview|career summary|highlights|summary of qualifications|qualifications",
    "Experience": "experience|work experience|professional experience|employment|employment history|work history"
    "|career history|relevant experience|industry experience|experience & projects|experience and projects",
    "Projects": "projects|personal projects|selected projects|key projects|open source|side projects"
    "|project experience",
    "Education": "education|academic background|education & training|education and training|academics",
    "Skills": "skills|technical skills|core skills|key skills|core competencies|competencies|technologies|tools"
    "|tech stack|skills & tools|skills and tools|areas of expertise|expertise|technical proficiencies",
    "Certifications": "certifications|certificates|licenses|licenses & certifications|certifications & training"
    "|training|courses",
    "Achievements": "achievements|awards|honors|honours|awards & honors|accomplishments|key achievements",
    "Publications": "publications|talks|publications & talks|patents|research",
    "Leadership": "leadership|leadership experience|activities|extracurricular activities|volunteer"
    "|volunteering|volunteer experience|community",
    "Languages": "languages",
    "Interests": "interests|hobbies|hobbies & interests",
    "References": "references",
    "Contact": "contact|contact information|contact details|personal details|personal information",
}.items():
    for _s in _spellings.split("|"):
        SECTION_NAMES[_s] = _canon

# Sections whose lines are lists or contact data, not statements worth rewriting.
_NOT_BULLET_SECTIONS = frozenset({"Skills", "Languages", "Interests", "References", "Contact"})

_MARKER = re.compile(
    # \uf0b7 and friends: the private-use bullets Word's Symbol font leaves in copied text
    r"^(?P<indent>[ \t]*)(?:[•●▪■◦‣∙·○◆◇►▶➢➤✓✔❖→⁃⦁❑□▫∗\uf0b7\uf0a7\uf076\uf0d8\uf0fc]+[ \t]*"
    r"|[-*+–—][ \t]+|\(?\d{1,2}[.)][ \t]+|\(?[a-z][.)][ \t]+|o[ \t]+(?=[A-Z]))"
)
_HEADER_DECOR = re.compile(r"^[#=*_\s]+|[#=*_:\s]+$")
_ROLE_LINE = re.compile(
    r"(?:19|20)\d{2}|\b(?:present|current)\b|\s[|@]\s|\t|\s[–—-]\s.*\b(?:19|20)\d{2}", re.IGNORECASE
)
_CONTACT = re.compile(r"@|https?://|www\.|linkedin|github\.com|\+?\d[\d\s().-]{7,}\d")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SPACES = re.compile(r"[ \t]+")


def normalise(text: str) -> str:
    """NFKC, newlines unified, zero-width/control/format characters removed; nothing else is changed."""
    text = unicodedata.normalize("NFKC", text)
    table: dict[int, str | None] = {}
    for ch in set(text):  # distinct characters only: cheap on long texts
        if ch in _NEWLINES:
            table[ord(ch)] = _NEWLINES[ch]
        elif ch not in _KEEP and unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            table[ord(ch)] = None
    if table:
        text = text.replace("\r\n", "\n").translate(table)
    return text.strip()


def check_limits(resume: str, jd: str, limits: Limits) -> None:
    """Raise InputError when a text is empty or over its limit (the message names the setting)."""
    if not resume.strip():
        raise InputError("the resume is empty")
    if not jd.strip():
        raise InputError("the job description is empty")
    if len(resume) > limits.max_resume_chars:
        raise InputError(
            f"the resume has {len(resume):,} characters; "
            f"the limit is {limits.max_resume_chars:,} (ATS_MAX_RESUME_CHARS)"
        )
    if len(jd) > limits.max_jd_chars:
        raise InputError(
            f"the job description has {len(jd):,} characters; the limit is {limits.max_jd_chars:,} (ATS_MAX_JD_CHARS)"
        )


@dataclass(frozen=True)
class Prepared:
    """A pair that passed every check INGEST makes: the normalised texts and the resume's bullets."""

    resume: str
    jd: str
    bullets: list[Bullet]


def prepare(resume: str, jd: str, limits: Limits) -> Prepared:
    """Check and normalise a pair — the one copy of the pair rules, run by INGEST, by submission (API, CLI) and by
    the web upload's preview, so a pair refused in one place is refused in all.

    Raises:
        InputError: the first problem, in words a person can act on (the limit's setting named).
    """
    for what, text in (("resume", resume), ("job description", jd)):
        if "\x00" in text:  # PostgreSQL cannot store NUL, and it means a binary file was pasted
            raise InputError(f"the {what} contains NUL bytes, so it looks like a binary file; paste its text")
    resume, jd = normalise(resume), _normalise_jd(jd)
    check_limits(resume, jd, limits)
    bullets = split_bullets(resume)
    if not bullets:
        raise InputError("no bullets or sentences were found in the resume; paste the resume's text")
    if len(bullets) > limits.max_bullets:
        raise InputError(f"the resume has {len(bullets)} bullets; the limit is {limits.max_bullets} (ATS_MAX_BULLETS)")
    return Prepared(resume, jd, bullets)


@lru_cache(maxsize=32)
def _normalise_jd(jd: str) -> str:
    """normalise() of a JD, remembered: a bulk job sends one JD with many resumes, and a long JD takes ~5 ms."""
    return normalise(jd)


def forget_normalised_jds() -> None:
    """Empty the remembered JD normalisations (a test that counts normalise() calls starts from nothing)."""
    _normalise_jd.cache_clear()


def scan_jd(jd: str) -> tuple[list[PiiFinding], InjectionResult]:
    """PII and injection verdict of a normalised JD, remembered: many resumes are sent against one JD."""
    findings, verdict = _scan_jd_cached(jd)
    return list(findings), verdict


@lru_cache(maxsize=256)
def _scan_jd_cached(jd: str) -> tuple[tuple[PiiFinding, ...], InjectionResult]:
    return tuple(pii.find_pii(jd, where="jd")), injection.detect_injection(jd)


_CAPS_HEADER = re.compile(r"^[A-Z][A-Z&/ ]{2,38}[A-Z]$")
# Words that make a short all-capitals line a heading the list above does not know ('PROFESSIONAL DEVELOPMENT').
_HEADER_WORDS = frozenset(
    "experience experiences projects skills education summary profile certifications awards interests publications "
    "languages volunteer volunteering leadership honors honours achievements affiliations memberships courses "
    "coursework qualifications competencies expertise highlights objective references patents research teaching "
    "service involvement development training activities employment history background".split()
)


def section_of(line: str, *, caps: bool = False) -> str | None:
    """The section a header line opens, or None; with caps, short all-capitals headings of unknown wording too."""
    stripped = line.strip()
    if not stripped or len(stripped) > 48 or _MARKER.match(line):
        return None
    bare = _HEADER_DECOR.sub("", stripped)
    name = _SPACES.sub(" ", bare.lower())
    if name in SECTION_NAMES:
        return SECTION_NAMES[name]
    if caps and _CAPS_HEADER.match(bare) and len(bare.split()) <= 4 and not _HEADER_WORDS.isdisjoint(name.split()):
        return bare.title()  # 'PROFESSIONAL DEVELOPMENT': a heading this list does not know
    return None


def _is_role_line(text: str) -> bool:
    """A job/education heading such as 'Acme Corp | Senior Engineer | 2019 – Present'."""
    return bool(_ROLE_LINE.search(text))


def _continues(line: str, previous: str) -> bool:
    """True when an unmarked line is the wrapped tail of the bullet before it."""
    body = line.strip()
    if line[:1] in (" ", "\t"):
        return True
    if body[:1].islower() or body[:1] in "(&,;":
        return True
    if previous.rstrip()[-1:] in ".!?":
        return False
    return not _is_role_line(body) and len(body.split()) > 3


def _emit(bullets: list[Bullet], parts: list[str], start: int, end: int, section: str | None) -> None:
    text = _SPACES.sub(" ", " ".join(p.strip() for p in parts)).strip()
    if text and any(c.isalnum() for c in text):
        bullets.append(Bullet(index=len(bullets), text=text, section=section, span=(start, end)))


def split_bullets(resume: str) -> list[Bullet]:
    """The resume's bullets in order; marked bullets when there are any, else the sentences of its prose."""
    return [b.model_copy() for b in _split_cached(resume)]


@lru_cache(maxsize=512)
def _split_cached(resume: str) -> tuple[Bullet, ...]:
    marked = _marked_bullets(resume)
    return tuple(marked if marked else _prose_bullets(resume))


def _lines(resume: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in resume.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _marked_bullets(resume: str) -> list[Bullet]:
    bullets: list[Bullet] = []
    section: str | None = None
    parts: list[str] = []
    start = end = 0
    seen_text = False
    for pos, line in _lines(resume):
        header = section_of(line, caps=seen_text)
        seen_text = seen_text or bool(line.strip())
        marker = _MARKER.match(line) if header is None else None
        if parts == [""] and line.strip() and not header and not marker:
            parts, start = [line], pos  # a marker alone on its line: the text follows on the next one
            end = pos + len(line.rstrip())
            continue
        if parts and (not line.strip() or header or marker or not _continues(line, parts[-1])):
            _emit(bullets, parts, start, end, section)
            parts = []
        if header:
            section = header
        elif marker and section not in _NOT_BULLET_SECTIONS:
            parts, start, end = [line[marker.end() :]], pos + marker.end(), pos + len(line.rstrip())
        elif parts and line.strip():
            parts.append(line)
            end = pos + len(line.rstrip())
    if parts:
        _emit(bullets, parts, start, end, section)
    return bullets


def _prose_bullets(resume: str) -> list[Bullet]:
    """Resumes without bullet markers: each sentence of a statement line is a bullet."""
    bullets: list[Bullet] = []
    section: str | None = None
    seen_header = any(section_of(line) for _, line in _lines(resume))
    seen_text = seen_role = False
    for pos, line in _lines(resume):
        header = section_of(line, caps=seen_text)
        seen_text = seen_text or bool(line.strip())
        if header:
            section = header
            continue
        body = line.strip()
        # a dated role line ends the contact block too: many resumes open their roles with no "Experience" heading
        seen_role = seen_role or (bool(body) and _is_role_line(body) and not _CONTACT.search(body))
        if not body or section in _NOT_BULLET_SECTIONS or (seen_header and section is None and not seen_role):
            continue  # before the first header or role line sits the contact block
        if _CONTACT.search(body) or len(body.split()) < 4 or (_is_role_line(body) and len(body.split()) < 12):
            continue
        if SECTION_NAMES.get(body.partition(":")[0].strip().lower()) in _NOT_BULLET_SECTIONS:
            continue  # "Skills: Excel, Outlook" — a list under an inline label, not a statement
        offset = pos + (len(line) - len(line.lstrip()))
        for piece in _sentences(body):
            s = body.find(piece)
            _emit(bullets, [piece], offset + s, offset + s + len(piece), section)
    return bullets


def _sentences(body: str) -> list[str]:
    return [p for p in _SENTENCE_END.split(body) if len(p.split()) >= 3]
