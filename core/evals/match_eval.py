"""Resume–JD match evaluation against recruiter labels: ranking, requirement extraction and coverage.

The rules (also in the README, "Match evaluation"):
- score: the item result's `score_before` (the resume as submitted); `spearman` against the recruiters' `fit`;
  `strong_mean` / `weak_mean` are its mean over pairs with fit >= 70 / fit < 40.
- extracted requirements: the result's coverage entries (one per requirement group), each read as the strings
  `jd_name`, `skill` and its `alternatives`, at the level `required` says.
- a labelled requirement (required or preferred) is *found* by the extracted requirement that matches it best
  (see `similarity`); `req_recall` = found / labelled. `level_accuracy` = found at the labelled level / found.
- `req_precision` = extracted requirements matching some labelled requirement / extracted requirements: one
  matching only a `not_requirements` entry, or nothing labelled at all, is a false positive.
- `coverage_accuracy`: over found requirements, the best match's `before` equals the label's `covered`.
- `baseline_spearman`: TF-IDF cosine of resume and JD (vectoriser fitted on the folder's texts) against fit.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scipy.stats import spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from core.errors import InputError

MATCH_MIN = 0.5  # similarity a label and an extracted requirement need to be the same requirement
STRONG_FIT, WEAK_FIT = 70, 40
_STOP = frozenset(
    """a an the and or of in on for to with as at by from per any one other such similar similarly equivalent
    is are be being have has must will can should plus etc e g eg ie i including include includes e.g i.e
    experience experienced years year yrs knowledge skills skill ability able strong solid good excellent proven
    working work current currently familiarity familiar understanding proficiency proficient hands-on
    demonstrated required preferred minimum least more than within""".split()
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#&]*(?:[./][a-z0-9+#]+)*")


@dataclass
class Extracted:
    """One requirement the system reported for a pair (a coverage entry)."""

    names: list[str]
    required: bool
    covered: bool
    canonical: set[str] = field(default_factory=set)


@dataclass
class Label:
    """One labelled requirement of a pair."""

    names: list[str]
    required: bool
    covered: bool
    kind: str
    canonical: set[str] = field(default_factory=set)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_tokens(text: str) -> frozenset[str]:
    """Lower-case, singular content words of a requirement name ("5+ years of SQL" -> {"5", "sql"})."""
    words = [w.rstrip(".") for w in _TOKEN.findall(text.lower().replace("–", "-").replace("’", "'"))]
    words = [w[:-1] if w.endswith("+") and w[:-1].isdigit() else w for w in words]  # "5+" is "5"
    return frozenset(_stem(w) for w in words if w and w not in _STOP)


def similarity(label_names: Iterable[str], names: Iterable[str], label_skills: set[str], skills: set[str]) -> float:
    """How surely a labelled requirement and an extracted one are the same, 0-1.

    1.0 when the skills matcher reads a label name and an extracted name as the same canonical skill; otherwise
    the best, over pairs of names, of the share of the shorter name's content words found in the other.
    """
    if label_skills & skills:
        return 1.0
    return word_similarity(label_names, names)


def word_similarity(label_names: Iterable[str], names: Iterable[str]) -> float:
    """The best, over pairs of names, of the share of the shorter name's content words found in the other."""
    best = 0.0
    extracted = [content_tokens(n) for n in names]
    for label_name in label_names:
        a = content_tokens(label_name)
        if not a:
            continue
        for b in extracted:
            if not b:
                continue
            shared = len(a & b)
            best = max(best, shared / min(len(a), len(b)) if shared else 0.0)
    return best


def _spearman(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    value = float(spearmanr(xs, ys).statistic)
    return None if math.isnan(value) else round(value, 4)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def extracted_from_result(result: dict[str, Any]) -> list[Extracted]:
    """The requirements an item result reports: one per coverage entry."""
    quotes: dict[str, str] = {}
    for mention in [
        *(result.get("signals") or {}).get("required", []),
        *(result.get("signals") or {}).get("preferred", []),
    ]:
        quotes.setdefault(mention["skill"], mention.get("quote", ""))
    out = []
    for entry in result.get("coverage") or []:
        names = [entry.get("jd_name") or quotes.get(entry["skill"], ""), entry["skill"], *entry.get("alternatives", [])]
        out.append(
            Extracted(
                names=[n for n in names if n],
                required=bool(entry["required"]),
                covered=bool(entry["before"]),
                canonical={entry["skill"], *entry.get("alternatives", [])},
            )
        )
    return out


def _labels(row: dict[str, Any]) -> list[Label]:
    return [
        Label(
            names=[*r["names"], *r.get("any_of", [])],
            required=level == "required",
            covered=r["covered"],
            kind=r["kind"],
        )
        for level in ("required", "preferred")
        for r in row.get(level, [])
    ]


@dataclass
class PairOutcome:
    """What one pair contributes to the figures."""

    id: str
    group: str
    fit: float
    score: float
    baseline: float
    labels: int = 0
    found: int = 0
    level_ok: int = 0
    extracted: int = 0
    extracted_ok: int = 0
    coverage_ok: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    coverage_errors: list[str] = field(default_factory=list)


def judge_pair(
    row: dict[str, Any], result: dict[str, Any], baseline: float, canonical: Callable[[str], set[str]]
) -> PairOutcome:
    """Compare one pair's item result with its labels."""
    labels = _labels(row)
    for label in labels:
        label.canonical = set().union(*(canonical(n) for n in label.names)) if label.names else set()
    extracted = extracted_from_result(result)
    outcome = PairOutcome(
        id=str(row["id"]),
        group=row.get("group", "other"),
        fit=float(row["fit"]),
        score=float(result.get("score_before") or 0),
        baseline=baseline,
        labels=len(labels),
        extracted=len(extracted),
    )
    matched_extracted: set[int] = set()
    for label in labels:
        # ties between equally sure matches go to the one whose words are closer, then to the first
        scored = [
            (similarity(label.names, e.names, label.canonical, e.canonical), word_similarity(label.names, e.names), i)
            for i, e in enumerate(extracted)
        ]
        for value, _, i in scored:
            if value >= MATCH_MIN:
                matched_extracted.add(i)
        top = max(scored, default=(0.0, 0.0, -1), key=lambda t: (t[0], t[1], -t[2]))
        best = (top[0], top[2])
        if best[0] < MATCH_MIN:
            outcome.misses.append(label.names[0])
            continue
        hit = extracted[best[1]]
        outcome.found += 1
        outcome.level_ok += hit.required == label.required
        if hit.covered == label.covered:
            outcome.coverage_ok += 1
        else:
            outcome.coverage_errors.append(f"{label.names[0]} (labelled {label.covered}, reported {hit.covered})")
    outcome.extracted_ok = len(matched_extracted)
    outcome.false_positives = [extracted[i].names[0] for i in range(len(extracted)) if i not in matched_extracted]
    return outcome


def baseline_scores(pairs: list[tuple[str, str]]) -> list[float]:
    """TF-IDF cosine of each (resume, JD), the vectoriser fitted on all the texts of the folder."""
    vectorizer = TfidfVectorizer(stop_words="english")
    matrix = vectorizer.fit_transform([t for pair in pairs for t in pair])
    return [float(cosine_similarity(matrix[2 * i], matrix[2 * i + 1])[0, 0]) for i in range(len(pairs))]


def summarise(outcomes: list[PairOutcome]) -> dict[str, Any]:
    """The figures of CONTRACTS.md over some pairs."""
    scores = [o.score for o in outcomes]
    fits = [o.fit for o in outcomes]
    found = sum(o.found for o in outcomes)
    return {
        "pairs": len(outcomes),
        "spearman": _spearman(scores, fits),
        "strong_mean": _mean([o.score for o in outcomes if o.fit >= STRONG_FIT]),
        "weak_mean": _mean([o.score for o in outcomes if o.fit < WEAK_FIT]),
        "req_recall": _ratio(found, sum(o.labels for o in outcomes)),
        "req_precision": _ratio(sum(o.extracted_ok for o in outcomes), sum(o.extracted for o in outcomes)),
        "coverage_accuracy": _ratio(sum(o.coverage_ok for o in outcomes), found),
        "level_accuracy": _ratio(sum(o.level_ok for o in outcomes), found),
        "baseline_spearman": _spearman([o.baseline for o in outcomes], fits),
    }


def read_folder(folder: Path) -> list[tuple[dict[str, Any], str, str]]:
    """(label row, resume text, JD text) for every row of folder/labels.jsonl."""
    labels_file = folder / "labels.jsonl"
    if not labels_file.is_file():
        raise InputError(f"{labels_file} not found: the folder needs a labels.jsonl (see match_dev/README.md)")
    rows = []
    for number, line in enumerate(labels_file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            resume = (folder / row["resume"]).read_text(encoding="utf-8")
            jd = (folder / row["jd"]).read_text(encoding="utf-8")
            float(row["fit"])
        except (json.JSONDecodeError, KeyError, OSError, TypeError, ValueError) as exc:
            raise InputError(f"{labels_file}:{number}: unreadable row ({exc})") from exc
        rows.append((row, resume, jd))
    if not rows:
        raise InputError(f"{labels_file} holds no rows")
    return rows


def evaluate_match(
    rows: list[tuple[dict[str, Any], str, str]],
    run_pair: Callable[[str, str], dict[str, Any]],
    canonical: Callable[[str], set[str]],
    *,
    details: bool = False,
) -> dict[str, Any]:
    """All figures, overall and by occupation group; with details, each pair's misses and false positives."""
    baselines = baseline_scores([(resume, jd) for _, resume, jd in rows])
    outcomes = [
        judge_pair(row, run_pair(resume, jd), base, canonical)
        for (row, resume, jd), base in zip(rows, baselines, strict=True)
    ]
    report = summarise(outcomes)
    groups: dict[str, list[PairOutcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.group, []).append(outcome)
    report["by_group"] = {name: summarise(items) for name, items in sorted(groups.items())}
    if details:
        report["details"] = [
            {
                "id": o.id,
                "group": o.group,
                "fit": o.fit,
                "score": o.score,
                "misses": o.misses,
                "false_positives": o.false_positives,
                "coverage_errors": o.coverage_errors,
            }
            for o in outcomes
        ]
    return report
