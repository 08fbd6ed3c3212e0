"""Tailoring around the bullet rewrites: the brief a rewrite engine follows, the summary and skills section (checked
by the same fact guard as bullets), the questions to confirm, and the document as it reads after rewriting."""

from __future__ import annotations

import re
from typing import Any

from core import confirm, roles, scoring, text_search
from core.confirm import is_credential
from core.coverage import judge_all, requirements_of
from core.ingest import split_bullets
from core.jd_terms import terms_of
from core.resume_parts import first_header_offset, replace_spans, skills_parts, summary_part
from core.rewritable import reason_to_keep
from core.tailor_phrases import PairPlan, jd_phrases
from core.tailor_skills import looks_like_name, missing_names, tailor_skills
from core.tailor_summary import build_summary, copied_apart, with_terms
from core.tailor_terms import TermToWrite, plan_terms, terms_to_write
from core.types import (
    Bullet,
    BulletResult,
    CoverageEntry,
    ImpliedSkill,
    JDSignals,
    RewriteBrief,
    SectionRewrite,
)
from core.validate import check_rewrite

# Sections whose bullets are lists of facts (a licence, a degree) or are rewritten as a whole (the summary).
KEPT_SECTIONS = {
    "Summary": "kept: the summary is rewritten as a whole",
    "Certifications": "kept: a credential is stated as issued",
    "Education": "kept: an education entry is stated as awarded",
    "Languages": "kept: a list, not a statement",
}


def original_coverage(resume: str, bullets: list[Bullet], signals: JDSignals, matcher: Any) -> list[CoverageEntry]:
    """Coverage of the JD's skills by the resume as written (before any rewrite)."""
    texts = [b.text for b in bullets]
    return scoring.coverage(texts, texts, resume, bullets, signals, matcher)


def implied_skills(
    entries: list[CoverageEntry],
    resume: str = "",
    jd: str = "",
    signals: JDSignals | None = None,
    keep: dict[int, str] | None = None,
    matcher: Any = None,
) -> list[ImpliedSkill]:
    """Requirements the resume meets but never names in the JD's words, with the bullet evidence to name them
    beside (core.tailor_terms); without signals, the skills met only through a narrower skill. Required first."""
    if signals is not None:
        planned = terms_to_write(entries, signals, resume, keep, matcher)
        return [
            ImpliedSkill(requirement=t.term, skill=t.skill, via=t.via, bullet=t.bullet.bullet, quote=t.bullet.quote)
            for t in planned
            if t.bullet is not None and not (t.kind == "skill" and _credential_line(t.term, jd))
        ]
    out: list[ImpliedSkill] = []
    taken: set[tuple[int, str]] = set()
    for required in (True, False):
        for entry in entries:
            if entry.required != required or not entry.before or entry.kind != "skill" or entry.how != "narrower":
                continue  # only the graph's narrower-skill links: an alternative or a 'similar' sibling is not it
            name = entry.jd_name.strip() or entry.skill
            if _written(name, resume) or not looks_like_name(name) or _credential_line(name, jd):
                continue
            usable = [
                e
                for e in entry.evidence
                if e.via and e.via != entry.skill and not e.listed and e.bullet >= 0 and not is_credential(e.via)
            ]  # a licence shows a licence, not experience
            usable = [e for e in usable if (e.bullet, e.quote) not in taken]
            if not usable:
                continue
            best = usable[0]
            taken.add((best.bullet, best.quote))
            out.append(
                ImpliedSkill(
                    requirement=name, skill=entry.skill, via=best.via or "", bullet=best.bullet, quote=best.quote
                )
            )
    return out


def _credential_line(name: str, jd: str) -> bool:
    """True when the JD names it only on a degree or licence line ('MS or PhD in Computer Science, Statistics'):
    there it is a field of study, not a skill asked for."""
    lines = [line for line in jd.split("\n") if _written(name, line)]
    return bool(lines) and all(is_credential(line) for line in lines)


def _in_some_number(term: str, text: str) -> bool:
    """Written as it is or as its plural or singular ('scratch kitchens' writes 'scratch kitchen')."""
    forms = {term, term + "s", term + "es", term[:-1] if term.endswith("s") and len(term) > 3 else term}
    return any(_written(f, text) for f in forms)


def _written(name: str, text: str) -> bool:
    return text_search.written_in(name, text, text_search.WORD)


def make_brief(resume: str, bullets: list[Bullet], signals: JDSignals, matcher: Any, jd: str = "") -> RewriteBrief:
    """Tense per bullet from the role structure, bullets to keep (with why), implied and missing requirements."""
    entries = original_coverage(resume, bullets, signals, matcher)
    keep: dict[int, str] = {}
    for bullet in bullets:
        reason = KEPT_SECTIONS.get(bullet.section or "") or reason_to_keep(bullet, resume)
        if reason:
            keep[bullet.index] = reason
    return RewriteBrief(
        tenses=roles.bullet_tenses(resume, bullets),
        keep=keep,
        implied=implied_skills(entries, resume, jd, signals, keep, matcher),
        confirm=[c["requirement"] for c in confirm.confirm_list(entries, signals, getattr(matcher, "kind_of", None))],
    )


def bullet_implied(brief: RewriteBrief | None, index: int, matcher: Any = None) -> set[str]:
    """The requirements a bullet may name beside its evidence: canonical names, the JD's words and the skills the
    matcher reads in those words."""
    allowed: set[str] = set()
    for item in brief.implied if brief else []:
        if item.bullet == index:
            allowed |= {item.skill, item.requirement}
            allowed |= {m.skill for m in matcher.find(item.requirement)} if matcher is not None else set()
    return allowed


def tailor_sections(
    resume: str,
    bullets: list[Bullet],
    results: list[BulletResult],
    signals: JDSignals,
    matcher: Any,
    brief: RewriteBrief | None,
    jd: str = "",
    entries: list[CoverageEntry] | None = None,
) -> list[SectionRewrite]:
    """The tailored summary and skills lists, each checked against the whole resume like a bullet."""
    entries = entries if entries is not None else original_coverage(resume, bullets, signals, matcher)
    implied = brief.implied if brief else implied_skills(entries, resume)
    allowed = {s.skill for s in implied} | {s.requirement for s in implied}
    allowed |= {m.skill for s in implied for m in matcher.find(s.requirement)}
    sections: list[SectionRewrite] = []
    standing = [
        (r.rewrite if r.accepted and r.rewrite else r.original)
        for r in results
        if r.section not in KEPT_SECTIONS and not (brief and r.index in brief.keep)
    ]
    part = summary_part(resume)
    # the JD's words for requirements met but not yet written: those the bullets did not take go in the summary
    written_now = "\n".join([resume, *standing])
    plan = plan_terms(entries, signals, resume, brief.keep if brief else None, matcher)
    reqs = requirements_of(signals)
    searched = terms_of(signals, reqs) if len(reqs) == len(entries) else {}
    phrases = jd_phrases(PairPlan(reqs, entries, plan, searched, resume, matcher))
    # the JD's whole phrases first: a group's shorter words inside one are not named again
    planned = [t for t in plan.values() if isinstance(t, TermToWrite)]
    rest = [t for t in [*phrases, *planned] if not _written(t.term, written_now)]
    words = [t for t in rest if not t.phrase]
    allowed |= {t.term for t in words} | {m.skill for t in words for m in matcher.find(t.term)}
    # a phrase's words are the JD's for groups the resume shows, written whole in the summary: the skills the matcher
    # reads in them are allowed there, not as names of their own in the skills list ('project management tool'
    # beside Jira and Smartsheet is no 'Project management')
    phrased = {t.term for t in rest if t.phrase} | {m.skill for t in rest if t.phrase for m in matcher.find(t.term)}
    met = _met(resume, signals, matcher)
    summary = _summary(resume, signals, entries, implied, standing, jd, rest, matcher, met)
    if summary and _met(_placed(resume, summary), signals, matcher) - met:
        # a requirement the resume does not meet would read as met ('4 years of experience … open enrollment' as
        # '3+ years of benefits administration'): without the phrases and soft skills, else no new summary
        plain = [t for t in rest if not t.phrase and t.kind != "soft_skill"]
        summary = _summary(resume, signals, entries, implied, standing, jd, plain, matcher, met)
        summary = None if summary and _met(_placed(resume, summary), signals, matcher) - met else summary
    # the summary and skills list name requirements only in words the resume supports
    if summary and (part is None or summary != part.text):
        shown = _shown_by(summary, rest)
        sections.append(
            _checked("summary", part.text if part else None, summary, part.span if part else None, why=shown)
        )
    parts = skills_parts(resume)
    # a JD name the guard would refuse is left out of the list, not the whole list with it
    offered = [a for c in tailor_skills(parts, signals, entries, implied, matcher, resume) for a in c.added]
    offered += missing_names(entries, signals, implied, set(), resume, []) if not parts else []
    refused = {a for a in offered if check_rewrite(resume, a, matcher=matcher, implied=allowed)}
    for change in tailor_skills(parts, signals, entries, implied, matcher, resume, refused):
        why = "reordered to the JD's priorities" + (
            f"; added the JD's names: {', '.join(change.added)}" if change.added else ""
        )
        sections.append(
            _checked("skills", change.part.text, change.text, change.part.span, added=change.added, why=why)
        )
    if not parts:  # a resume with no skills list gets one
        names = [n for n in missing_names(entries, signals, implied, set(), resume, []) if n not in refused]
        if names:
            sections.append(
                _checked(
                    "skills",
                    None,
                    ", ".join(names),
                    None,
                    added=names,
                    why="a skills list from the JD's names of skills the resume shows",
                )
            )
    return [_guard(s, resume, matcher, allowed | phrased if s.kind == "summary" else allowed) for s in sections]


def _summary(
    resume: str,
    signals: JDSignals,
    entries: list[CoverageEntry],
    implied: list[ImpliedSkill],
    standing: list[str],
    jd: str,
    terms: list[TermToWrite],
    matcher: Any,
    met: set[tuple[str, bool]],
) -> str | None:
    """A new summary, or the candidate's own with the JD's words added when a new one would lose JD terms (`met`:
    the requirements the resume meets as it is)."""
    part = summary_part(resume)
    summary = build_summary(resume, signals, entries, implied, standing, jd, terms)
    if summary and part is not None and _lost_terms(resume, _placed(resume, summary), signals, matcher, met):
        # the candidate's summary holds JD terms the resume would lose with it: it stands, and the JD's words for what
        # the resume meets but writes nowhere are added after it
        summary = with_terms(part.text, terms)
    return copied_apart(summary, jd) if summary else summary


def _shown_by(summary: str, terms: list[TermToWrite]) -> str:
    """The reviewer's why for a summary naming the JD's phrases or soft skills: the resume lines that show each."""
    cited = [
        f"{t.term}: " + " / ".join(f'"{_short(line)}"' for line in dict.fromkeys(t.lines))
        for t in terms
        if t.lines and _written(t.term, summary)
    ]
    if not cited:
        return ""
    lead = "a summary built from the resume's facts, led by the JD's title and must-haves; shown by "
    return lead + "; ".join(dict.fromkeys(cited))


def _short(line: str, most: int = 90) -> str:
    text = " ".join(line.strip(" \t•·-*–—▪").split())
    return text if len(text) <= most else text[: most - 1].rsplit(" ", 1)[0] + " …"


def _placed(resume: str, summary: str) -> str:
    """The resume with a summary in place of its own (or before it, when it has none)."""
    part = summary_part(resume)
    return resume[: part.span[0]] + summary + resume[part.span[1] :] if part else summary + "\n\n" + resume


def _met(text: str, signals: JDSignals, matcher: Any) -> set[tuple[str, bool]]:
    """(skill, required) of the requirements the text meets (the judgements only: no coverage entries built)."""
    judged = judge_all(text, split_bullets(text), signals, matcher)
    return {(j.requirement.skill, j.requirement.required) for j in judged if j.before}


def _gains(old: str, new: str, signals: JDSignals, matcher: Any) -> bool:
    """True when the new document meets a requirement the old one does not: a summary adds no evidence."""
    return bool(_met(new, signals, matcher) - _met(old, signals, matcher))


def _lost_terms(old: str, new: str, signals: JDSignals, matcher: Any, met: set[tuple[str, bool]] | None = None) -> bool:
    """True when the old document shows a JD skill or writes a JD term (key phrase, skill as the JD wrote it) that
    the new one does not."""
    terms = {k.term for k in signals.keywords} | {m.quote for m in [*signals.required, *signals.preferred]}
    if any(t.strip() and _in_some_number(t, old) and not _in_some_number(t, new) for t in terms):
        return True  # 'scratch kitchen' as the old summary's 'busy scratch kitchens'
    asked = set(signals.skill_names())
    if ({m.skill for m in matcher.find(old)} - {m.skill for m in matcher.find(new)}) & asked:
        return True
    # a requirement judged by words or years ('3+ years as an HR generalist') may rest on the old summary alone
    return bool((met if met is not None else _met(old, signals, matcher)) - _met(new, signals, matcher))


def _checked(
    kind: str,
    original: str | None,
    text: str,
    span: tuple[int, int] | None,
    *,
    added: list[str] | None = None,
    why: str = "",
) -> SectionRewrite:
    rationale = why or "a summary built from the resume's facts, led by the JD's title and must-haves"
    return SectionRewrite(
        kind=kind, original=original, rewrite=text, accepted=True, added=added or [], span=span, rationale=rationale
    )


def _guard(section: SectionRewrite, resume: str, matcher: Any, allowed: set[str]) -> SectionRewrite:
    """The fact guard of bullets, with the whole resume as the original: nothing the resume does not support."""
    text = section.rewrite
    if section.kind == "skills" and section.original is not None:
        # a reordered list repeats the resume's own items verbatim; only the names added need support
        text = ", ".join(section.added) if _same_items(section.original, section.rewrite, section.added) else text
    flags = check_rewrite(resume, text, matcher=matcher, implied=allowed) if text else []
    return section.model_copy(update={"flags": flags, "accepted": not flags}) if flags else section


def _same_items(original: str, rewrite: str, added: list[str]) -> bool:
    """True when the rewrite lists exactly the original's items plus the added names (any order)."""

    def items(text: str) -> list[str]:
        return sorted(p.strip().lower() for p in re.split(r"[|·•;,:]", text) if p.strip())

    return items(rewrite) == sorted(items(original) + [a.lower() for a in added])


def tailored_document(resume: str, bullets: list[Bullet], standing: list[str], sections: list[SectionRewrite]) -> str:
    """The resume as it reads with the standing bullets and the accepted summary and skills lists in place."""
    summary = next((s for s in sections if s.kind == "summary" and s.accepted), None)
    covered = summary.span if summary and summary.span else None
    replacements: list[tuple[tuple[int, int], str]] = []
    for bullet, text in zip(bullets, standing, strict=True):
        inside = covered is not None and covered[0] <= bullet.span[0] < covered[1]
        if text != bullet.text and bullet.span[1] > bullet.span[0] and not inside:
            replacements.append((bullet.span, text))
    inserted: list[str] = []
    for section in sections:
        if not section.accepted:
            continue
        if section.span is not None:
            replacements.append((section.span, section.rewrite))
        else:
            inserted.append(("Summary\n" if section.kind == "summary" else "Skills: ") + section.rewrite)
    # overlapping spans (a bullet inside a skills line) keep the larger, later-listed section
    replacements = _without_overlaps(replacements)
    out = replace_spans(resume, replacements)
    if inserted:
        at = first_header_offset(out)
        block = "\n\n".join(inserted) + "\n\n"
        out = out[:at] + block + out[at:] if at is not None else block + out
    return out


def _without_overlaps(replacements: list[tuple[tuple[int, int], str]]) -> list[tuple[tuple[int, int], str]]:
    kept: list[tuple[tuple[int, int], str]] = []
    for span, text in sorted(replacements, key=lambda r: (r[0][0], -(r[0][1] - r[0][0]))):
        if kept and span[0] < kept[-1][0][1]:
            continue
        kept.append((span, text))
    return kept
