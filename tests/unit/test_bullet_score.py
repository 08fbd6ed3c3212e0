"""The bullet score: relevance, impact and clarity; an owned verb and a measured result count, a hedge does not."""

from __future__ import annotations

import pytest

from core.bullet_score import bullet_scores, owns_the_work
from core.factory import load_local
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


@pytest.mark.parametrize(
    "hedged",
    [
        "Helped reduce p99 latency of the payments API by 38%",
        "Contributed to reducing p99 latency of the payments API by 38%",
        "Assisted in reducing p99 latency of the payments API by 38%",
        "Worked on reducing p99 latency of the payments API by 38%",
    ],
)
def test_a_hedge_scores_below_the_owned_verb_for_the_same_result(matcher, hedged):
    owned = bullet_scores("Reduced p99 latency of the payments API by 38%", SIGNALS, matcher)
    hedge = bullet_scores(hedged, SIGNALS, matcher)
    assert hedge["impact"] < owned["impact"] and hedge["clarity"] < owned["clarity"]
    assert not owns_the_work(hedged) and owns_the_work("Reduced p99 latency by 38%")


def test_any_english_verb_owns_the_work_not_only_a_listed_one(matcher):
    assert owns_the_work("Precepted 9 new graduate RNs through orientation")
    assert not owns_the_work("Top sales producer for personal training packages")


def test_mixed_tense_costs_clarity(matcher):
    consistent = bullet_scores("Planned and scheduled content for 3 channels each week", SIGNALS, matcher)
    mixed = bullet_scores("Planned and schedule content for 3 channels each week", SIGNALS, matcher)
    assert mixed["clarity"] < consistent["clarity"]


def test_jd_words_with_evidence_raise_relevance(matcher):
    plain = bullet_scores("Ran 40 services on EKS", SIGNALS, matcher)["relevance"]
    named = bullet_scores("Ran 40 services on EKS (Kubernetes)", SIGNALS, matcher, implied={"Kubernetes"})["relevance"]
    assert named > plain
