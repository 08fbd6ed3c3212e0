"""SignalExtractor: required vs preferred by section cues, title, seniority, years, keywords, confidence, spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.jd_parts import find_seniority, find_title, find_years
from core.signals import SignalExtractor, signal_confidence
from core.skills import load_matcher
from core.types import JDSignals

JD = """Senior Backend Engineer

About us
We are a fintech SaaS company building payments infrastructure.

Requirements:
- 5+ years of experience building backend services in Python or Go
- Strong knowledge of PostgreSQL, Redis and k8s
- Experience with AWS and Terraform

Nice to have:
- Kafka, GraphQL
- Experience with React

Benefits
- Private Healthcare
"""


@pytest.fixture(scope="module")
def extractor() -> SignalExtractor:
    return SignalExtractor(load_matcher())


@pytest.fixture(scope="module")
def signals(extractor: SignalExtractor) -> JDSignals:
    return extractor.extract(JD)


def names(mentions) -> list[str]:
    return [m.skill for m in mentions]


def test_requirements_section_gives_required_skills(signals: JDSignals) -> None:
    for skill in ("Python", "Go", "PostgreSQL", "Redis", "Kubernetes", "AWS", "Terraform"):
        assert skill in names(signals.required)


def test_nice_to_have_section_gives_preferred_skills(signals: JDSignals) -> None:
    assert {"Apache Kafka", "GraphQL", "React"} <= set(names(signals.preferred))
    assert not set(names(signals.preferred)) & set(names(signals.required))


def test_benefits_and_company_prose_are_not_requirements(signals: JDSignals) -> None:
    everything = names(signals.required) + names(signals.preferred)
    assert "Healthcare" not in everything
    assert "SaaS" not in names(signals.required)


def test_every_span_quotes_the_jd(signals: JDSignals) -> None:
    for mention in [*signals.required, *signals.preferred]:
        start, end = mention.span
        assert JD[start:end] == mention.quote
    assert JD[slice(*signals.title_span)] == signals.title
    assert JD[slice(*signals.years_span)].startswith("5+")
    assert signals.seniority_span is not None and JD[slice(*signals.seniority_span)].lower() == "senior"


def test_title_seniority_years(signals: JDSignals) -> None:
    assert signals.title == "Senior Backend Engineer"
    assert signals.seniority == "senior"
    assert signals.years == 5.0


def test_inline_preference_cue_overrides_the_section(extractor: SignalExtractor) -> None:
    jd = "Requirements:\n- Java and Spring Boot\n- Kotlin is a plus\n"
    result = extractor.extract(jd)
    assert "Java" in names(result.required)
    assert names(result.preferred) == ["Kotlin"]


def test_title_skill_is_required_even_when_only_named_in_the_role(extractor: SignalExtractor) -> None:
    result = extractor.extract("We are hiring a Java Developer to join our team.\nYou know SQL well.")
    assert result.title == "Java Developer"
    assert {"Java", "SQL"} <= set(names(result.required))


def test_keywords_are_weighted_and_skip_skills(signals: JDSignals) -> None:
    assert signals.keywords, "expected key phrases"
    weights = [k.weight for k in signals.keywords]
    assert weights == sorted(weights, reverse=True) and weights[0] == 1.0
    terms = {k.term for k in signals.keywords}
    assert "k8s" not in terms and "python" not in terms


def test_confidence_is_high_for_a_full_jd_and_low_for_a_vague_one(extractor: SignalExtractor) -> None:
    assert extractor.extract(JD).confidence >= 0.8
    vague = extractor.extract("Join our friendly team and make an impact.")
    assert vague.confidence < 0.5
    assert extractor.extract("").confidence == signal_confidence(n_skills=0, has_title=False, cues=0, words=0)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("At least 3 years of professional experience", 3.0),
        ("3-5 years of experience in backend development", 3.0),
        ("five years experience with Java", 5.0),
        ("Minimum 7+ yrs in industry", 7.0),
        ("We were founded 20 years ago. You have 2+ years of experience.", 2.0),
    ],
)
def test_years_of_experience(text: str, years: float) -> None:
    found = find_years(text)
    assert found is not None and found.value == years
    assert text[slice(*found.span)] == found.text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Junior Frontend Developer", "junior"),
        ("Staff Software Engineer", "staff"),
        ("Principal Data Scientist", "principal"),
        ("Tech Lead, Payments", "lead"),
        ("Software Engineering Intern", "intern"),
        ("Mid-level QA Engineer", "mid"),
        ("Data Engineer\nYou have 6 years of experience with data pipelines.", "senior"),
    ],
)
def test_seniority(text: str, level: str) -> None:
    found = find_seniority(text, find_title(text))
    assert found is not None and found.text == level


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Job title: Platform Engineer\nLocation: Remote", "Platform Engineer"),
        ("Acme Corp\nWe are looking for a Senior Data Analyst to join us.", "Senior Data Analyst"),
        ("DevOps Engineer (m/f/d)\nAbout the role", "DevOps Engineer"),
    ],
)
def test_titles(text: str, title: str) -> None:
    found = find_title(text)
    assert found is not None and found.text == title
    assert text[slice(*found.span)] == title


PIECES = st.sampled_from(
    ["Python", "k8s", "Go", "Requirements:", "Nice to have:", "5+ years", "Senior", "Engineer", "AWS", "we", "C#", "\n"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40))
def test_any_text_gives_signals_whose_spans_quote_it(extractor: SignalExtractor, parts: list[str]) -> None:
    text = " ".join(parts)
    result = extractor.extract(text)
    for mention in [*result.required, *result.preferred]:
        assert text[slice(*mention.span)] == mention.quote
    assert 0.0 <= result.confidence <= 1.0


def test_duties_after_about_us_are_required_again(extractor: SignalExtractor) -> None:
    jd = "Platform Engineer\n\nAbout us\nWe run on Azure.\n\nWhat you'll do\n- Operate Kafka and Terraform\n"
    result = extractor.extract(jd)
    assert {"Apache Kafka", "Terraform"} <= set(names(result.required))
    assert "Azure" not in names(result.required) + names(result.preferred)
