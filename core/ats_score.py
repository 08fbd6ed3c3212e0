"""The ATS score: how well a resume meets a JD's requirement groups, as a recruiter would judge it (docs/SCORING.md).

Deterministic and explainable: each requirement group earns a credit (met in the work described: 1; met only in a
keyword list: LISTED_CREDIT; missing: 0), weighted by what kind of requirement it is; the parts are combined with
fixed weights; a missing licence, certification, degree or years requirement scales the requirements' score down when
the JD was read with confidence and asks for enough groups, fully when the miss is sure and by a share when it is
not (core.gate_doubt); the text similarity of resume and JD (core.text_similarity) is blended in after those caps and
sets a floor. The constants were chosen by leave-one-folder-out over every labelled folder (bench/match_cv.py); each,
and the figures behind it, is in docs/SCORING.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.coverage import Judged, years_share
from core.gate_doubt import GATE_KINDS, GateMiss, gate_miss

WEIGHTS = {"required": 0.70, "terms": 0.0, "preferred": 0.10, "keywords": 0.0, "quality": 0.05}
KIND_WEIGHT = {  # how much one requirement group counts, by kind
    "licence": 1.5,
    "certification": 1.5,
    "degree": 1.5,
    "experience_years": 1.5,
    "skill": 1.0,
    "soft_skill": 0.5,
    "condition": 0.25,
}
TERM_LISTED = 0.5  # the JD's words for a group written only in a keyword list (what an ATS finds, not shown in work)
GATE_FACTOR = 0.5  # each required licence, certification, degree or years group surely missing scales the score by this
GATE_UNSURE = 0.0  # the share of that cut an unsure miss costs (core.gate_doubt: the resume does not contradict it)
SIM_BLEND = 0.2  # the share of the score that is the text similarity of resume and JD (the rest: the requirements)
SIM_FLOOR = 0.9  # a resume this similar to the JD scores at least SIM_FLOOR x 100 x its similarity part
SIM_LOW, SIM_HIGH = 0.15, 0.5  # text similarity of resume and JD mapped to 0-1 between these cosines
LISTED_CREDIT = 0.2  # met only in a keyword list, never in the work described ("keyword stuffing")
YEARS_CLOSE = 0.75  # years found / years asked at or above this: short, but not a gate missing ("3 of 4 years")
CAP_BASE, CAP_SPAN = 55, 40  # with any required group missing: cap = CAP_BASE + CAP_SPAN x required part
CAP_MIN_GROUPS = 3  # caps apply only when the JD asks for at least this many required groups...
CAP_MIN_CONFIDENCE = 0.5  # ...and was read with at least this confidence
LOW_CONFIDENCE_CAP = 60  # a JD read with little confidence cannot make a resume look like a strong match
NO_REQUIREMENTS_CAP = 35  # nor can a JD whose requirements could not be read at all


@dataclass(frozen=True)
class Params:
    """The score's constants in one object (the module's names are the defaults): bench/match_cv.py scores the same
    features under other values to choose them by leave-one-folder-out cross-validation."""

    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))
    kind_weight: dict[str, float] = field(default_factory=lambda: dict(KIND_WEIGHT))
    term_listed: float = TERM_LISTED
    gate_factor: float = GATE_FACTOR
    gate_unsure: float = GATE_UNSURE
    sim_blend: float = SIM_BLEND
    sim_floor: float = SIM_FLOOR
    sim_low: float = SIM_LOW
    sim_high: float = SIM_HIGH
    listed_credit: float = LISTED_CREDIT
    years_close: float = YEARS_CLOSE
    cap_base: float = CAP_BASE
    cap_span: float = CAP_SPAN
    cap_min_groups: int = CAP_MIN_GROUPS
    cap_min_confidence: float = CAP_MIN_CONFIDENCE
    low_confidence_cap: int = LOW_CONFIDENCE_CAP
    no_requirements_cap: int = NO_REQUIREMENTS_CAP


PARAMS = Params()


def credit(met: bool, listed: bool, params: Params = PARAMS) -> float:
    """What one requirement group earns: 1 met in the work, LISTED_CREDIT met only in a keyword list, 0 missing."""
    if not met:
        return 0.0
    return params.listed_credit if listed else 1.0


def earned(j: Judged, after: bool, params: Params = PARAMS) -> float:
    """The credit one judged requirement earns on one side; a years requirement short of years earns its share."""
    met, was_listed = (j.after, j.after_listed) if after else (j.before, j.before_listed)
    share = years_share(j.how) if j.requirement.kind == "experience_years" and not met else None
    return share if share is not None else credit(met, was_listed, params)  # 3 of 4 years earns three quarters


def _stand_ins(judged: list[Judged], after: bool, params: Params = PARAMS) -> set[int]:
    """Indexes of the requirements that are another side of an ask already counted by its best side."""
    index = {j.requirement.skill: i for i, j in enumerate(judged)}
    skip: set[int] = set()
    for i, j in enumerate(judged):
        if not j.requirement.either or i in skip:
            continue
        sides = sorted({i, *(index[n] for n in j.requirement.either if n in index)})
        best = max(sides, key=lambda k: (earned(judged[k], after, params), -k))
        skip.update(k for k in sides if k != best)
    return skip


def _scaled(similarity: float, p: Params) -> float:
    """The text similarity as a part: 0 at or below SIM_LOW, 1 at or above SIM_HIGH, linear between."""
    return min(1.0, max(0.0, (similarity - p.sim_low) / (p.sim_high - p.sim_low)))


def _gate(missing_gates: list[str], misses: list[GateMiss], p: Params) -> float:
    """The factor missing gates scale the score by: GATE_FACTOR for each sure miss, for an unsure one the share
    GATE_UNSURE of that cut (every miss is sure when the resume text was not given)."""
    if not misses:
        return p.gate_factor ** len(missing_gates)
    factor = 1.0
    for miss in misses:
        factor *= p.gate_factor if miss.sure else 1.0 - p.gate_unsure * (1.0 - p.gate_factor)
    return factor


def _part(items: list[tuple[float, float]]) -> float | None:
    total = sum(w for w, _ in items)
    return sum(w * c for w, c in items) / total if total else None


def score(
    judged: list[Judged],
    *,
    side: str,
    keywords: float | None,
    quality: float | None,
    confidence: float,
    written: list[float] | None = None,
    resume: str | None = None,
    similarity: float | None = None,
    params: Params = PARAMS,
) -> tuple[int, dict[str, Any]]:
    """The 0-100 score of one side ("before" or "after") and how it was reached (`written`: per group, where the
    JD's words for it are written, see core.scoring.terms_written; `resume`: the text scored, to judge how sure a
    missing gate is, none: every miss sure; `similarity`: TF-IDF cosine of that text and the JD)."""
    p = params
    after = side == "after"
    required: list[tuple[float, float]] = []
    terms: list[tuple[float, float]] = []
    preferred: list[tuple[float, float]] = []
    missing, missing_gates, listed = [], [], []
    misses: list[GateMiss] = []
    stand_ins = _stand_ins(judged, after, p)
    for i, j in enumerate(judged):
        req = j.requirement
        if i in stand_ins:
            continue  # one side of "a degree, OR two years of ...": the ask counts once, by its best side
        met, was_listed = (j.after, j.after_listed) if after else (j.before, j.before_listed)
        weight = p.kind_weight.get(req.kind, 1.0)
        got = earned(j, after, p)
        (required if req.required else preferred).append((weight, got))
        where = written[i] if written is not None else -1.0
        # nothing to search for on an assumed soft skill, nor on an ask met by its other side
        if req.required and where >= 0 and j.how != "assumed" and not j.how.startswith("alternative"):
            # the JD's words count only on evidence; on a keyword-list claim no more than a listing
            terms.append((weight, 0.0 if not met else min(where, p.term_listed) if was_listed else where))
        if was_listed and met:
            listed.append(req.skill)
        if req.required and not met:
            missing.append(req.skill)
            share = years_share(j.how) if req.kind == "experience_years" else None
            if req.kind in GATE_KINDS and not (share is not None and share >= p.years_close):
                missing_gates.append(req.skill)
                if resume is not None:
                    misses.append(gate_miss(j, resume, years_close=p.years_close))
    parts: dict[str, float | None] = {
        "required": _part(required),
        "terms": _part(terms),  # shown even when weighted 0: what an ATS keyword filter would find
        "preferred": _part(preferred),
        "keywords": keywords,
        "quality": quality,
    }
    used = {k: p.weights[k] for k, v in parts.items() if v is not None and p.weights.get(k)}
    total = sum(used.values())
    raw = 100 * sum(w * (parts[k] or 0.0) for k, w in used.items()) / total if total else 0.0
    caps: list[tuple[int, str]] = []  # on the requirements' score
    confident = confidence >= p.cap_min_confidence and len(required) >= p.cap_min_groups
    gate = _gate(missing_gates, misses, p) if confident and missing_gates else None
    if gate is not None and gate < 1.0:
        # a missing gate scales the score down (a cap at a share of what the parts add up to), so candidates who
        # lack it still rank among themselves and a better-written resume still reads better
        caps.append((round(raw * gate), "required licence/degree/years missing"))
    if confident and missing:
        caps.append((int(p.cap_base + p.cap_span * (parts["required"] or 0.0)), "required group missing"))
    cap = min(caps) if caps else None
    met_score = min(raw, cap[0]) if cap else raw
    sim = _scaled(similarity, p) if similarity is not None and (p.sim_blend or p.sim_floor) else None
    # the requirements' reading and the text similarity of resume and JD, blended after the requirements' caps: a
    # gate misread or a requirement met in other words costs only the requirements' share; and a resume that reads
    # much like the JD keeps a floor however its requirements were read
    value = met_score
    if sim is not None:
        value = max((1 - p.sim_blend) * met_score + p.sim_blend * 100 * sim, p.sim_floor * 100 * sim)
    reading: tuple[int, str] | None = None  # a JD that could not be read caps the whole score
    if not required:
        reading = (p.no_requirements_cap, "no requirements could be read from the job description")
    elif not confident:
        reading = (p.low_confidence_cap, "few requirements read, or low confidence")
    if reading is not None:
        value = min(value, reading[0])
        cap = min(cap, reading) if cap else reading
    value = round(value)
    breakdown: dict[str, Any] = {
        **{k: (round(v, 4) if v is not None else None) for k, v in parts.items()},
        "weights": {k: round(w / total, 4) for k, w in used.items()} if total else {},
        "raw": round(raw, 2),
        "similarity": round(sim, 4) if sim is not None else None,
        "similarity_cosine": round(similarity, 4) if similarity is not None else None,
        "requirements_score": round(met_score, 2),
        "similarity_weight": p.sim_blend if sim is not None else 0.0,
        "gate_factor": round(gate, 4) if gate is not None else None,
        "cap": cap[0] if cap else None,
        "cap_reason": cap[1] if cap else None,
        "matched_required": [j.requirement.skill for j in judged if j.requirement.required and j.skill_met(after)],
        "missing_required": missing,
        "missing_gates": missing_gates,
        "gate_misses": [{"skill": m.skill, "sure": m.sure, "reason": m.reason} for m in misses],
        "listed_only": listed,
        "matched_preferred": [j.requirement.skill for j in judged if not j.requirement.required and j.skill_met(after)],
        "missing_preferred": [
            j.requirement.skill for j in judged if not j.requirement.required and not j.skill_met(after)
        ],
        "confidence": round(confidence, 3),
    }
    return max(0, min(100, value)), breakdown
