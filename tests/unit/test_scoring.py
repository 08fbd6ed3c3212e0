"""Deterministic ATS score, bullet scores and coverage (formula in docs/SCORING.md)."""

from __future__ import annotations

import pytest

from core.factory import load_local
from core.ingest import split_bullets
from core.scoring import ats_score, bullet_scores, coverage, rest_of_resume
from core.types import JDSignals, Keyword, SkillMention


@pytest.fixture(scope="module")
def matcher():
    return load_local()[0]


def mention(skill: str, quote: str | None = None) -> SkillMention:
    return SkillMention(skill=skill, span=(0, 0), quote=quote or skill)


SIGNALS = JDSignals(
    required=[mention("Python"), mention("Kubernetes"), mention("PostgreSQL")],
    preferred=[mention("Redis")],
    keywords=[Keyword(term="latency", weight=1.0), Keyword(term="payments", weight=0.8)],
)
RESUME = (
    "Pat Doe\npat@example.com\n\nExperience\n"
    "- Built the payments API in Python, cutting p99 latency by 38%\n"
    "- Responsible for Postgres tuning\n"
    "- Ran k8s clusters\n\nSkills\nRedis"
)


def test_bullet_scores_are_ints_in_range(matcher):
    scores = bullet_scores("Built the payments API in Python, cutting p99 latency by 38%", SIGNALS, matcher)
    assert set(scores) == {"relevance", "impact", "clarity"}
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in scores.values())


def test_relevance_rises_with_jd_skills_and_keywords(matcher):
    plain = bullet_scores("Organised the team offsite for the design group", SIGNALS, matcher)["relevance"]
    skill = bullet_scores("Organised the team offsite with a Python quiz", SIGNALS, matcher)["relevance"]
    both = bullet_scores("Cut payments latency in Python on Kubernetes", SIGNALS, matcher)["relevance"]
    assert plain == 0 < skill < both


def test_impact_rewards_numbers_action_verbs_and_outcomes(matcher):
    weak = bullet_scores("Responsible for the billing service", SIGNALS, matcher)["impact"]
    verb = bullet_scores("Rebuilt the billing service", SIGNALS, matcher)["impact"]
    measured = bullet_scores("Rebuilt the billing service, cutting costs by $40K", SIGNALS, matcher)["impact"]
    assert weak < verb < measured == 100


def test_clarity_penalises_filler_first_person_and_length(matcher):
    tidy = bullet_scores("Rebuilt the billing service and cut hosting costs for three teams", SIGNALS, matcher)
    filler = bullet_scores("I successfully utilized various tools on the billing service for teams", SIGNALS, matcher)
    long = bullet_scores(" ".join(["Rebuilt the billing service"] * 12), SIGNALS, matcher)
    assert tidy["clarity"] == 100
    assert filler["clarity"] < tidy["clarity"] and long["clarity"] < tidy["clarity"]


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
    assert capped["cap"] == 80 and score <= 80 < full


def test_score_parts_and_weights(matcher):
    bullets = [b.text for b in split_bullets(RESUME)]
    score, breakdown = ats_score(bullets, RESUME, SIGNALS, matcher)
    assert breakdown["required_coverage"] == 1.0 and breakdown["preferred_coverage"] == 1.0
    assert 0 < breakdown["keyword_similarity"] < 1  # 'Kubernetes' and 'PostgreSQL' are not written as the JD writes
    parts = sum(breakdown["weights"][k] * breakdown[k] for k in breakdown["weights"])
    assert score == round(100 * parts)
    assert ats_score(bullets, RESUME, SIGNALS, matcher) == (score, breakdown)  # deterministic


def test_the_jds_wording_raises_keyword_similarity(matcher):
    before = [b.text for b in split_bullets(RESUME)]
    after = [t.replace("k8s", "Kubernetes").replace("Postgres", "PostgreSQL") for t in before]
    _, b = ats_score(before, RESUME, SIGNALS, matcher)
    _, a = ats_score(after, RESUME, SIGNALS, matcher)
    assert a["keyword_similarity"] > b["keyword_similarity"] and a["required_coverage"] == b["required_coverage"]


def test_empty_signals_still_score(matcher):
    score, breakdown = ats_score(["Built X"], "Experience\n- Built X", JDSignals(), matcher)
    assert 0 <= score <= 100 and breakdown["required_coverage"] is None and breakdown["cap"] is None


def test_coverage_has_evidence_per_bullet(matcher):
    bullets = split_bullets(RESUME)
    texts = [b.text for b in bullets]
    entries = {e.skill: e for e in coverage(texts, texts, RESUME, bullets, SIGNALS, matcher)}
    assert list(entries) == ["Python", "Kubernetes", "PostgreSQL", "Redis"]
    assert entries["Kubernetes"].required and entries["Kubernetes"].before and entries["Kubernetes"].after
    assert [(e.bullet, e.quote) for e in entries["Kubernetes"].evidence] == [(2, "k8s")]
    assert not entries["Redis"].required and entries["Redis"].evidence[0].bullet == -1
