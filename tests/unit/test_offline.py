"""The offline engine: stronger verbs, less filler, consistent tense, the JD's skill names, nothing invented."""

from __future__ import annotations

import pytest

from core.factory import load_local
from core.llm.offline import OfflineProvider
from core.types import JDSignals, RewriteOptions, SkillMention, UnlimitedBudget
from core.validate import check_rewrite


@pytest.fixture(scope="module")
def matcher():
    return load_local()[0]


@pytest.fixture(scope="module")
def engine(matcher):
    return OfflineProvider(matcher=matcher, extractor=load_local()[1])


def jd(*skills: tuple[str, str]) -> JDSignals:
    return JDSignals(required=[SkillMention(skill=s, span=(0, len(q)), quote=q) for s, q in skills])


def one(engine, text, signals=None, **options):
    reply = engine.rewrite([text], signals or JDSignals(), budget=UnlimitedBudget(), options=RewriteOptions(**options))
    return reply.rewrites[0].rewrite


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Responsible for managing the release calendar", "Managed the release calendar"),
        ("Responsible for managing releases and hiring engineers", "Managed releases and hired engineers"),
        ("Responsible for the release calendar", "Owned the release calendar"),
        ("Was responsible for maintaining CI pipelines", "Maintained CI pipelines"),
        ("Helped build the search service", "Contributed to building the search service"),
        ("Helped with the data migration", "Supported the data migration"),
        ("Helped customers migrate data", "Helped customers migrate data"),
        ("Worked on the search service", "Contributed to the search service"),
        ("Working on the search service", "Contributed to the search service"),
        ("Helping build the search service", "Contributed to building the search service"),
        ("Worked on improving search relevance", "Contributed to improving search relevance"),
        ("I built the search service", "Built the search service"),
    ],
)
def test_weak_openings_get_action_verbs(engine, original, expected):
    assert one(engine, original) == expected


def test_filler_is_removed_without_changing_meaning(engine):
    text = "Successfully utilized caching in order to cut load on a daily basis"
    assert one(engine, text) == "Used caching to cut load daily"


def test_the_jds_name_replaces_an_abbreviation_the_bullet_already_shows(engine):
    signals = jd(("Kubernetes", "Kubernetes"), ("PostgreSQL", "PostgreSQL"))
    assert one(engine, "Moved 12 services to k8s and Postgres", signals) == (
        "Moved 12 services to Kubernetes and PostgreSQL"
    )


def test_no_rename_for_a_skill_the_jd_does_not_ask_for(engine):
    assert one(engine, "Moved 12 services to k8s", jd(("Python", "Python"))) == "Moved 12 services to k8s"


def test_a_distinct_product_keeps_its_name_beside_the_jds(engine):
    assert one(engine, "Ran OpenShift clusters", jd(("Kubernetes", "Kubernetes"))) == (
        "Ran OpenShift (Kubernetes) clusters"
    )


def test_tense_follows_the_majority_of_bullets(engine):
    bullets = ["Built the API", "Designed the schema", "Managing the on-call rotation and writing postmortems"]
    reply = engine.rewrite(bullets, JDSignals(), budget=UnlimitedBudget())
    assert reply.rewrites[2].rewrite == "Managed the on-call rotation and wrote postmortems"
    present = ["Lead a team of 5", "Manage the budget", "Built the roadmap"]
    reply = engine.rewrite(present, JDSignals(), budget=UnlimitedBudget())
    assert reply.rewrites[2].rewrite == "Build the roadmap"


def test_noun_phrases_that_look_like_verbs_are_left_alone(engine):
    reply = engine.rewrite(["Built the API", "Lead developer for billing"], JDSignals(), budget=UnlimitedBudget())
    assert reply.rewrites[1].rewrite == "Lead developer for billing"


def test_the_reply_lines_up_and_carries_a_zero_cost_record(engine):
    bullets = ["Helped build X", "Built Y", "Worked on Z"]
    reply = engine.rewrite(bullets, JDSignals(), budget=UnlimitedBudget(), call_key="item-1:rewrite:1")
    assert [r.index for r in reply.rewrites] == [0, 1, 2]
    assert all(r.rationale for r in reply.rewrites)
    (record,) = reply.records
    assert (record.call_key, record.provider, record.purpose, record.usd, record.input_tokens) == (
        "item-1:rewrite:1",
        "offline",
        "rewrite",
        0.0,
        0,
    )


def test_keywords_used_are_the_jd_skills_the_bullet_shows(engine):
    reply = engine.rewrite(["Built APIs in Python on k8s"], jd(("Kubernetes", "Kubernetes")), budget=UnlimitedBudget())
    assert reply.rewrites[0].keywords_used == ["Kubernetes"]


def test_max_len_keeps_the_original_rather_than_a_longer_rewrite(engine):
    signals = jd(("Kubernetes", "Kubernetes"))
    assert one(engine, "Ran k8s", signals, max_len=8) == "Ran k8s"
    assert one(engine, "Ran k8s", signals) == "Ran Kubernetes"


def test_deterministic(engine):
    bullets = ["Responsible for building the API in golang", "helped reduce p99 latency by 38%"]
    signals = jd(("Go", "Go"))
    first = engine.rewrite(bullets, signals, budget=UnlimitedBudget())
    again = engine.rewrite(bullets, signals, budget=UnlimitedBudget())
    assert [r.rewrite for r in first.rewrites] == [r.rewrite for r in again.rewrites]


def test_rewrites_of_varied_bullets_pass_validation(engine, matcher):
    bullets = [
        "Responsible for the migration of 40 services to k8s, saving $1.2M a year.",
        "Helped design an event pipeline on Kafka that processes 2.5M transactions per day.",
        "Worked on reducing p99 latency of the ledger API by 38% with Redis caching in Postgres.",
        "Successfully mentored 4 junior engineers at Acme through code reviews.",
        "Utilized Terraform to manage AWS infrastructure for three product teams in 2021.",
        "Participated in the move from on-premise servers to GCP, in order to lower hosting costs.",
    ]
    signals = jd(("Kubernetes", "Kubernetes"), ("Apache Kafka", "Apache Kafka"), ("PostgreSQL", "PostgreSQL"))
    reply = engine.rewrite(bullets, signals, budget=UnlimitedBudget())
    for original, proposal in zip(bullets, reply.rewrites, strict=True):
        assert proposal.rewrite != original
        assert check_rewrite(original, proposal.rewrite, matcher=matcher) == []


def test_extract_signals_uses_the_local_extractor(engine):
    reply = engine.extract_signals("Requirements\n- 5+ years of Python and Kubernetes", budget=UnlimitedBudget())
    assert {"Python", "Kubernetes"} <= {m.skill for m in reply.signals.required}
    assert reply.records[0].purpose == "signals" and reply.records[0].usd == 0.0
