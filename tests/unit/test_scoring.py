"""Deterministic ATS score and coverage (formula in docs/SCORING.md)."""

from __future__ import annotations

import pytest

from core import ats_score as ats
from core.factory import load_local
from core.ingest import split_bullets
from core.scoring import ats_score, coverage, rest_of_resume
from core.types import JDSignals, Keyword, Requirement, SkillMention


@pytest.fixture(scope="module")
def matcher():
    return load_local()[0]


def mention(skill: str, quote: str | None = None) -> SkillMention:
    return SkillMention(skill=skill, span=(0, 0), quote=quote or skill)


SIGNALS = JDSignals(
    required=[mention("Python"), mention("Kubernetes"), mention("PostgreSQL")],
    preferred=[mention("Redis")],
    keywords=[Keyword(term="latency", weight=1.0), Keyword(term="payments", weight=0.8)],
    confidence=0.9,
)
RESUME = (
    "Pat Doe\npat@example.com\n\nExperience\n"
    "- Built the payments API in Python, cutting p99 latency by 38%\n"
    "- Responsible for Postgres tuning\n"
    "- Ran k8s clusters\n\nSkills\nRedis"
)


def test_rest_of_resume_drops_the_bullets():
    rest = rest_of_resume(RESUME)
    assert "pat@example.com" in rest and "Redis" in rest and "Postgres tuning" not in rest


def test_score_is_capped_when_a_must_have_is_missing(matcher):
    bullets = [b.text for b in split_bullets(RESUME)]
    full, breakdown = ats_score(bullets, RESUME, SIGNALS, matcher)
    assert breakdown["missing_required"] == [] and breakdown["cap"] is None
    no_k8s = RESUME.replace("- Ran k8s clusters\n", "")
    score, capped = ats_score([b.text for b in split_bullets(no_k8s)], no_k8s, SIGNALS, matcher)
    assert capped["missing_required"] == ["Kubernetes"]
    expected_cap = int(ats.CAP_BASE + ats.CAP_SPAN * capped["required"])
    assert capped["cap"] == expected_cap and score <= expected_cap and score < full


def test_a_missing_licence_caps_harder_than_a_missing_skill(matcher):
    licence = Requirement(
        skill="Registered Nurse", jd_name="RN license", kind="licence", alternatives=["Registered Nurse"]
    )
    skills = [Requirement(skill=s, jd_name=s, alternatives=[s]) for s in ("Python", "Kubernetes", "PostgreSQL")]
    signals = JDSignals(requirements=[*skills, licence], confidence=0.9)
    bullets = [b.text for b in split_bullets(RESUME)]
    score, breakdown = ats_score(bullets, RESUME, signals, matcher)
    without, _ = ats_score(bullets, RESUME, JDSignals(requirements=skills, confidence=0.9), matcher)
    assert breakdown["missing_gates"] == ["Registered Nurse"] and breakdown["gate_factor"] == ats.GATE_FACTOR
    assert breakdown["cap"] == round(breakdown["raw"] * ats.GATE_FACTOR) == score  # the gate scales the score down
    assert score < 0.8 * without and breakdown["cap_reason"] == "required licence/degree/years missing"


def test_score_parts_and_weights(matcher):
    bullets = [b.text for b in split_bullets(RESUME)]
    score, breakdown = ats_score(bullets, RESUME, SIGNALS, matcher)
    assert breakdown["required"] == 1.0 and breakdown["preferred"] == ats.LISTED_CREDIT  # Redis: skills list only
    assert breakdown["listed_only"] == ["Redis"]
    assert 0 < breakdown["keywords"] < 1  # 'Kubernetes' and 'PostgreSQL' are not written as the JD writes
    assert breakdown["terms"] == round(1 / 3, 4)  # of the three must-haves only Python is written as the JD writes
    parts = sum(breakdown["weights"][k] * breakdown[k] for k in breakdown["weights"])
    assert score == round(100 * parts)
    assert ats_score(bullets, RESUME, SIGNALS, matcher) == (score, breakdown)  # deterministic


def test_keyword_stuffing_counts_for_less(matcher):
    bullets = [b.text for b in split_bullets(RESUME)]
    used, _ = ats_score(bullets, RESUME, SIGNALS, matcher)
    stuffed_resume = (
        "Pat Doe\n\nSkills: Python, Kubernetes, PostgreSQL, Redis\n\nExperience\n- Sold shoes at a mall store"
    )
    stuffed, breakdown = ats_score(["Sold shoes at a mall store"], stuffed_resume, SIGNALS, matcher)
    assert set(breakdown["listed_only"]) == {"Python", "Kubernetes", "PostgreSQL", "Redis"}
    assert breakdown["required"] == ats.LISTED_CREDIT and stuffed < used - 30


def test_the_jds_wording_raises_keyword_similarity(matcher):
    before = [b.text for b in split_bullets(RESUME)]
    after = [t.replace("k8s", "Kubernetes").replace("Postgres", "PostgreSQL") for t in before]
    _, b = ats_score(before, RESUME, SIGNALS, matcher)
    _, a = ats_score(after, RESUME, SIGNALS, matcher)
    assert a["keywords"] > b["keywords"] and a["required"] == b["required"]


def test_empty_signals_score_low_and_never_look_fully_covered(matcher):
    score, breakdown = ats_score(["Built X"], "Experience\n- Built X", JDSignals(), matcher)
    assert 0 <= score <= ats.NO_REQUIREMENTS_CAP and breakdown["required"] is None
    assert breakdown["cap"] == ats.NO_REQUIREMENTS_CAP and breakdown["cap_reason"]


def test_coverage_has_evidence_per_bullet(matcher):
    bullets = split_bullets(RESUME)
    texts = [b.text for b in bullets]
    entries = {e.skill: e for e in coverage(texts, texts, RESUME, bullets, SIGNALS, matcher)}
    assert list(entries) == ["Python", "Kubernetes", "PostgreSQL", "Redis"]
    assert entries["Kubernetes"].required and entries["Kubernetes"].before and entries["Kubernetes"].after
    assert [(e.bullet, e.quote) for e in entries["Kubernetes"].evidence] == [(2, "k8s")]
    assert not entries["Redis"].required and entries["Redis"].evidence[0].bullet == -1


def test_the_jds_words_beside_evidence_lift_the_terms_part_but_not_coverage(matcher):
    before = [b.text for b in split_bullets(RESUME)]
    after = [t.replace("k8s clusters", "k8s (Kubernetes) clusters") for t in before]
    jd = "Payments team: we run Kubernetes clusters and tune PostgreSQL; Python required; latency matters."
    b_score, b = ats_score(before, RESUME, SIGNALS, matcher, jd)
    a_score, a = ats_score(after, RESUME.replace("k8s clusters", "k8s (Kubernetes) clusters"), SIGNALS, matcher, jd)
    assert a["required"] == b["required"] == 1.0 and a["terms"] > b["terms"]
    # the terms part is shown (what a keyword filter finds) and weighted 0; the JD's words move the similarity
    assert "terms" not in a["weights"] and a["similarity_cosine"] > b["similarity_cosine"] and a_score >= b_score


def test_the_jds_words_without_evidence_earn_nothing(matcher):
    stuffed = RESUME.replace("- Ran k8s clusters\n", "") + "\nSkills: Kubernetes"
    bullets = [b.text for b in split_bullets(stuffed)]
    _, listed = ats_score(bullets, stuffed, SIGNALS, matcher)
    assert "Kubernetes" in listed["listed_only"]  # met only in a keyword list: its words count as a listing at most
    written_in_work = RESUME.replace("- Ran k8s clusters\n", "- Ran Kubernetes clusters\n")
    _, work = ats_score([b.text for b in split_bullets(written_in_work)], written_in_work, SIGNALS, matcher)
    assert listed["terms"] < work["terms"]
    missing = RESUME.replace("- Ran k8s clusters\n", "- Read about container schedulers\n")
    _, none = ats_score([b.text for b in split_bullets(missing)], missing, SIGNALS, matcher)
    assert none["missing_required"] == ["Kubernetes"] and none["terms"] <= listed["terms"]


def test_our_summary_never_raises_a_listed_skill_to_evidence(matcher):
    plain = "Pat Doe\n\nSummary\nEngineer.\n\nExperience\n- Sold shoes at a mall store\n\nSkills\nRedis"
    tailored = plain.replace("Engineer.", "Engineer experienced with Redis.")
    bullets = [b.text for b in split_bullets(tailored)]
    _, raised = ats_score(bullets, tailored, SIGNALS, matcher)
    assert raised["preferred"] == 1.0  # a summary sentence counts as a statement of work in the general score
    _, kept = ats_score(bullets, tailored, SIGNALS, matcher, plain_text=plain)
    assert kept["preferred"] == ats.LISTED_CREDIT and kept["listed_only"] == ["Redis"]
    without_redis = plain.replace("\n\nSkills\nRedis", "")
    _, none = ats_score(bullets, tailored, SIGNALS, matcher, plain_text=without_redis)
    assert none["preferred"] == 0.0 and "Redis" in none["missing_preferred"]
