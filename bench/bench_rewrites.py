"""Rewrite quality on labelled pairs: invented facts, score lift, hedges and mixed tense, JD terms written.

Runs every pair of DIR/labels.jsonl (format: ../shared/eval/match_dev/README.md) through the pipeline, with the
offline engine or (--fake-llm) the real OpenAI SDK against tests/fakes/llm_server.py answering "inventive"
rewrites that add facts. The audit of invented facts is independent of VALIDATE: a number or capitalised word of
accepted output that the resume does not hold is invented when it is in neither the resume nor the JD, or names a
requirement the recruiters marked as not met; the JD's words for requirements they marked as met are allowed;
the JD's other words are counted apart as unverified. No requirement marked as not met may appear anew, and no
requirement the labels do not support may turn met, neither in the coverage table nor in the score's own reading of
the tailored document.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import style_check, tailor  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.coverage import requirements_of  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.jd_terms import terms_of  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.tailor import tailored_document  # noqa: E402
from core.tailor_terms import TermToWrite, plan_terms  # noqa: E402
from core.types import ItemState, Stage  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "match_dev"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITAL = re.compile(r"(?<![.!?:;•(\"]\s)(?<!^)(?<![-\w&])[A-Z][\w&'+-]*")
_INNER_CAPITAL = re.compile(r"(?<![-\w&])[a-z]+[A-Z][\w&'+-]*")  # a name that opens in lower case: iOS, macOS, eBay
# A condition of employment (physical demands, schedule, screening, own tools, authorisation, a promise after hire) is
# no fact a resume states about past work: a recruiter confirms it at the screen, so it is not counted among the
# required terms the resume supports (it is counted apart). Read from the labels' own words, not from the pipeline.
CONDITION = re.compile(
    r"\blift(?:ing)?\s+(?:up\s+to\s+)?\d+\s*(?:lb|lbs|pounds|kg)\b|\bstand(?:ing)?(?:/walk(?:ing)?)?\s+for\b"
    r"|\b\d+-hour\s+shifts?\b|\b(?:nights|evenings|weekends|holidays|overnights)\b|\bon-call\b"
    r"|\b(?:drug|alcohol)\s+(?:screen|test)|\bbackground\s+(?:check|screen)|\bown\s+(?:hand\s+)?tools\b"
    r"|\breliable\s+transportation\b|\bauthori[sz](?:ed|ation)\s+to\s+work\b|\bwork\s+authori[sz]ation\b"
    r"|\bvisa\s+sponsorship\b|\bwithin\s+\d+\s+(?:days|weeks|months)\s+of\s+(?:hire|start)\b"
    r"|\btravel\s+up\s+to\b|\bwilling(?:ness)?\s+to\s+(?:travel|relocate)\b",
    re.I,
)


def is_condition(names: list[str]) -> bool:
    """True when the label's words for a requirement (those the JD writes) name a condition of employment."""
    return any(CONDITION.search(n) for n in names)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w&'+-]+", text)}


def new_words(text: str, resume: str) -> list[str]:
    """Numbers and capitalised words (past a sentence's first word; a name opening in lower case, 'iOS', anywhere) of
    a text that the resume does not hold."""
    have = _words(resume)
    digits = {n.replace(",", "") for n in _NUMBER.findall(resume)}
    bad = [n for n in _NUMBER.findall(text) if n.replace(",", "") not in digits]
    for sentence in re.split(r"(?<=[.!?;:])\s+", text):
        for m in _CAPITAL.finditer(sentence):
            if m.start() > 0 and m.group(0).lower() not in have:
                bad.append(m.group(0))
        bad += [m.group(0) for m in _INNER_CAPITAL.finditer(sentence) if m.group(0).lower() not in have]
    return bad


def _names(req: dict[str, Any]) -> list[str]:
    return [n for n in [*req.get("names", []), *req.get("any_of", [])] if n]


def _has(text: str, name: str) -> bool:
    return bool(re.search(r"(?<![\w])" + re.escape(name.lower()) + r"(?![\w])", text.lower()))


def _group_of(names: list[str], entries: list[Any], searched: dict[int, tuple[str, ...]]) -> int | None:
    """The JD reader's requirement group a labelled requirement is: one whose wording, canonical names or search
    terms share a name with the label's (whole words, either inside the other)."""
    wanted = [n.lower() for n in names if n]
    best, score = None, 0
    for i, entry in enumerate(entries):
        own = [entry.jd_name, entry.skill, *entry.alternatives, *searched.get(i, ())]
        own = [o.lower() for o in own if o]
        hit = 3 if set(wanted) & set(own) else 0
        hit = hit or (2 if any(_has(o, w) for w in wanted for o in own) else 0)
        hit = hit or (1 if any(_has(w, o) for w in wanted for o in own if len(o) > 2) else 0)
        if hit > score:
            best, score = i, hit
    return best


def why_unwritten(
    label: dict[str, Any], resume: str, jd: str, document: str, state: ItemState, matcher: Any
) -> list[dict[str, str]]:
    """For each required term the labels say the resume supports and the document still does not write: which
    requirement group of the JD reader it is and why its words were not written."""
    if state.signals is None:
        return []
    entries = tailor.original_coverage(state.resume_clean or resume, state.bullets, state.signals, matcher)
    reqs = requirements_of(state.signals)
    searched = terms_of(state.signals, reqs) if len(reqs) == len(entries) else {}
    keep = state.brief.keep if state.brief else {}
    plan = plan_terms(entries, state.signals, state.resume_clean or resume, keep, matcher)
    out = []
    for r in label.get("required", []):
        names = [n for n in _names(r) if _has(jd, n)]
        if not r.get("covered") or not names or any(_has(document, n) for n in names):
            continue
        at = _group_of(_names(r), entries, searched)
        if is_condition(names):
            why = "condition of employment (not counted)"
        elif at is None:
            why = "no requirement group of the JD reader"
        else:
            entry, planned = entries[at], plan.get(at)
            if isinstance(planned, TermToWrite):
                where = f"bullet {planned.bullet.bullet}" if planned.bullet else "summary"
                why = (
                    f"written as '{planned.term}' ({where}); the label's words differ"
                    if _has(document, planned.term)
                    else f"planned '{planned.term}' ({where}), not in the document"
                )
            else:
                why = f"{planned or 'unplanned'} ({entry.kind}, {entry.how or '-'})"
        out.append(
            {
                "term": names[0],
                "kind": r.get("kind", ""),
                "group": entries[at].jd_name if at is not None else "",
                "why": why,
            }
        )
    return out


def audit_pair(label: dict[str, Any], resume: str, jd: str, state: ItemState, matcher: Any = None) -> dict[str, Any]:
    """The figures of one pair."""
    result = state.result or {}
    bullets = result.get("bullets", [])
    keep = state.brief.keep if state.brief else {}
    tenses = state.brief.tenses if state.brief else []
    standing = [b["rewrite"] if b["accepted"] and b["rewrite"] else b["original"] for b in bullets]
    sections = [s for s in state.sections if s.accepted]
    document = tailored_document(state.resume_clean or resume, state.bullets, standing, state.sections)
    reqs = [*label.get("required", []), *label.get("preferred", [])]
    covered_words = {w for r in reqs if r.get("covered") for n in _names(r) for w in _words(n)}
    missing_words = {w for r in reqs if not r.get("covered") for n in _names(r) for w in _words(n)} - covered_words
    jd_words = _words(jd)
    invented: list[str] = []
    unverified: list[str] = []
    accepted_texts = [b["rewrite"] for b in bullets if b["accepted"] and b["rewrite"]]
    accepted_texts += [s.rewrite for s in sections]
    for text in accepted_texts:
        for word in new_words(text, resume):
            low = word.lower()
            if low in covered_words and low in jd_words:
                continue  # the JD's name of a requirement the recruiters say the resume meets
            if low in missing_words or low not in jd_words:
                invented.append(word)  # against the labels, or from neither the resume nor the JD
            else:
                unverified.append(word)  # the JD's word for something the labels do not judge
    for r in reqs:  # a requirement the recruiters say is not met must not appear where it was not before
        if not r.get("covered"):
            invented += [n for n in _names(r) if len(n) > 2 and _has(document, n) and not _has(resume, n)]
    rewritable = [i for i in range(len(bullets)) if i not in keep]
    before_style = style_check.count([bullets[i]["original"] for i in rewritable], [tenses[i] for i in rewritable])
    after_style = style_check.count([standing[i] for i in rewritable], [tenses[i] for i in rewritable])
    must = [r for r in label.get("required", []) if r.get("covered")]
    every = [t for t in ([n for n in _names(r) if _has(jd, n)] for r in must) if t]
    terms = [t for t in every if not is_condition(t)]
    implied = [r for r in must if r.get("evidence") and not any(_has(r["evidence"], n) for n in _names(r))]
    return {
        "id": label["id"],
        "group": label.get("group"),
        "before": result.get("score_before"),
        "after": result.get("score_after"),
        "implied_must": bool(implied),
        "invented": invented,
        "unverified": unverified,
        "coverage_rises": _unsupported_rises(result.get("coverage", []), reqs)
        + _score_rises(result.get("score_breakdown") or {}, reqs),
        "hedged_before": before_style["hedged_opening"],
        "hedged_after": after_style["hedged_opening"],
        "mixed_before": before_style["mixed_tense"],
        "mixed_after": after_style["mixed_tense"],
        "role_tense_after": after_style["role_tense"],
        "terms": len(terms),
        "terms_before": sum(any(_has(resume, n) for n in t) for t in terms),
        "terms_after": sum(any(_has(document, n) for n in t) for t in terms),
        "conditions": len(every) - len(terms),
        "conditions_after": sum(any(_has(document, n) for n in t) for t in every if is_condition(t)),
        "conditions_before": sum(any(_has(resume, n) for n in t) for t in every if is_condition(t)),
        "accepted": len(accepted_texts),
        "summary": any(s.kind == "summary" for s in sections),
        "skills": any(s.kind == "skills" for s in sections),
        "unwritten": why_unwritten(label, resume, jd, document, state, matcher) if matcher is not None else [],
    }


def _unsupported_rises(coverage: list[dict[str, Any]], reqs: list[dict[str, Any]]) -> list[str]:
    """Requirements shown after but not before, which the recruiters' labels say the resume does not meet."""
    bad = []
    for entry in coverage:
        if entry["before"] or not entry["after"]:
            continue
        names = {entry["skill"].lower(), str(entry.get("jd_name") or "").lower()}
        labelled = [r for r in reqs if names & {n.lower() for n in _names(r)}]
        if not labelled or not any(r.get("covered") for r in labelled):
            bad.append(entry["skill"])
    return bad


def _score_rises(breakdown: dict[str, Any], reqs: list[dict[str, Any]]) -> list[str]:
    """Requirements the score counts as missing before and met after (the score reads the tailored document, so a
    rewritten word can meet a requirement the coverage table still shows as not met) that the labels do not
    support."""
    before, after = breakdown.get("before") or {}, breakdown.get("after") or {}
    bad = []
    for key in ("missing_required", "missing_preferred"):
        for skill in set(before.get(key) or []) - set(after.get(key) or []):
            labelled = [r for r in reqs if skill.lower() in {n.lower() for n in _names(r)}]
            if not labelled or not any(r.get("covered") for r in labelled):
                bad.append(skill)
    return bad


def run(directory: Path, ctx: Any) -> list[dict[str, Any]]:
    """Audit every pair of a labelled directory."""
    rows = []
    for line in (directory / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        resume = (directory / label["resume"]).read_text(encoding="utf-8")
        jd = (directory / label["jd"]).read_text(encoding="utf-8")
        state = run_to_end(ItemState(item_id=f"bench-{label['id']}", resume_text=resume, jd_text=jd), ctx)
        if state.stage != Stage.COMPLETED:  # quarantined or failed: nothing was rewritten, nothing to audit
            rows.append({"id": label["id"], "failed": state.error or str(state.stage)})
            continue
        rows.append(audit_pair(label, state.resume_clean or resume, jd, state, ctx.matcher))
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals and means over the audited pairs (pairs the pipeline did not complete are listed apart)."""
    failed = [{"id": r["id"], "why": r["failed"]} for r in rows if "failed" in r]
    rows = [r for r in rows if "failed" not in r]
    lifts = [r["after"] - r["before"] for r in rows if r["before"] is not None]
    implied = [r["after"] - r["before"] for r in rows if r["implied_must"] and r["before"] is not None]
    terms = sum(r["terms"] for r in rows)
    every = terms + sum(r["conditions"] for r in rows)
    return {
        "pairs": len(rows),
        "invented_facts": sum(len(r["invented"]) for r in rows),
        "invented_examples": [t for r in rows for t in r["invented"]][:10],
        "unverified_jd_words": sum(len(r["unverified"]) for r in rows),
        "lift_mean": round(statistics.mean(lifts), 2) if lifts else None,
        "lift_implied_mean": round(statistics.mean(implied), 2) if implied else None,
        "implied_pairs": len(implied),
        "coverage_rises_without_evidence": sum(len(r["coverage_rises"]) for r in rows),
        "hedged": {"before": sum(r["hedged_before"] for r in rows), "after": sum(r["hedged_after"] for r in rows)},
        "mixed_tense": {"before": sum(r["mixed_before"] for r in rows), "after": sum(r["mixed_after"] for r in rows)},
        "role_tense_after": sum(r["role_tense_after"] for r in rows),
        "jd_terms_written": {
            "before": round(sum(r["terms_before"] for r in rows) / terms, 3) if terms else None,
            "after": round(sum(r["terms_after"] for r in rows) / terms, 3) if terms else None,
        },
        "jd_terms_counted": terms,
        # the same share with conditions of employment counted as supported terms (the definition before 2026-12-03
        # evening)
        "jd_terms_written_with_conditions": {
            "before": round(sum(r["terms_before"] + r["conditions_before"] for r in rows) / every, 3)
            if every
            else None,
            "after": round(sum(r["terms_after"] + r["conditions_after"] for r in rows) / every, 3) if every else None,
        },
        "conditions": sum(r["conditions"] for r in rows),
        "summaries": sum(r["summary"] for r in rows),
        "skills_lists": sum(r["skills"] for r in rows),
        "unwritten_by_why": _by_why(rows),
        "not_completed": failed,
    }


def _by_why(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many unwritten required terms there are per reason (the reason's words before any quote)."""
    counts: dict[str, int] = {}
    for row in rows:
        for u in row.get("unwritten", []):
            key = re.split(r"[:'(]", u["why"])[0].strip()
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def _fake_context() -> tuple[Any, Any]:
    from tests.fakes.llm_server import FakeLLMServer

    server = FakeLLMServer(default="inventive").start()
    settings = load_settings(llm_provider="openai-compatible", llm_base_url=server.openai_url, llm_model="fake")
    return build_context(settings), server


def main() -> None:
    """Print per-pair rows (with --rows) and the summary as JSON on the last line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--dir", "--input", dest="dir", type=Path, default=DEFAULT_DIR, help="labelled pairs (labels.jsonl + pairs/)"
    )
    parser.add_argument("--why", action="store_true", help="print each unwritten required term and why")
    parser.add_argument(
        "--injection-policy",
        choices=("quarantine", "offline"),
        default="quarantine",
        help="offline: a pair flagged as injection is still rewritten by the offline engine (as ATS_INJECTION_POLICY)",
    )
    parser.add_argument("--fake-llm", action="store_true", help="rewrite with a local model server that adds facts")
    parser.add_argument("--rows", action="store_true", help="print each pair's figures")
    args = parser.parse_args()
    server = None
    if args.fake_llm:
        ctx, server = _fake_context()
    else:
        ctx = build_context(load_settings(llm_provider="offline", injection_policy=args.injection_policy))
    started = time.perf_counter()
    try:
        rows = run(args.dir, ctx)
    finally:
        if server is not None:
            server.stop()
    if args.rows:
        for row in rows:
            print(json.dumps(row))
    if args.why:
        for row in rows:
            for u in row.get("unwritten", []):
                print(f"{row['id']}\t{u['kind']}\t{u['term']}\t[{u['group']}]\t{u['why']}")
    summary = summarise(rows)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    summary["engine"] = "fake-llm (inventive)" if args.fake_llm else "offline"
    summary["loadavg"] = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else None
    print(json.dumps(summary))


if __name__ == "__main__":
    main()


__all__ = ["audit_pair", "new_words", "run", "summarise"]
