"""SkillMatcher: aliases to canonical names, casing rules, spans and quotes, requirement context, speed."""

from __future__ import annotations

import time

import pytest

from core.skills import SkillMatcher, load_matcher


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return load_matcher()


def skills(matcher: SkillMatcher, text: str) -> list[str]:
    return [m.skill for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Experience with node.js", "Node.js"),
        ("Experience with NodeJS", "Node.js"),
        ("Backend in Node and Python", "Node.js"),
        ("deploy on amazon-web-services", "AWS"),
        ("deploy on Amazon Web Services", "AWS"),
        ("frontend in reactjs", "React"),
        ("tickets in Atlassian JIRA", "JIRA"),
        ("we run k8s clusters", "Kubernetes"),
        ("strong JS skills", "JavaScript"),
        ("typed TS code", "TypeScript"),
        ("Postgres and Redis", "PostgreSQL"),
        ("hosted on GCP", "Google Cloud Platform"),
        ("pipelines for CI/CD", "CI/CD"),
        ("applied ML models", "Machine Learning"),
        ("Agile teams", "Agile"),
        ("daily Scrum", "Scrum"),
        ("a DevOps culture", "DevOps"),
        ("a B2B SaaS product", "SaaS"),
        ("Linux servers", "Linux"),
        ("application security reviews", "Security"),
        ("Structured query language SQL", "SQL"),
        ("written in C++", "C++"),
        ("services in C#", "C#"),
        ("ASP.NET Core APIs", ".NET"),
    ],
)
def test_aliases_map_to_canonical_names(matcher: SkillMatcher, text: str, canonical: str) -> None:
    assert canonical in skills(matcher, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We go the extra mile", "Go"),
        ("rust on the old bridge", "Rust"),
        ("a swift response to customers", "Swift"),
        ("r and d budget", "R"),
        ("plan c is fine", "C"),
        ("Our spring offsite", "Spring"),
        ("Go beyond what is expected.", "Go"),
        ("Excellent etc. and more", "ETC"),
        ("the fastest team", "FastEST"),
    ],
)
def test_short_and_ordinary_names_do_not_fire_on_prose(matcher: SkillMatcher, text: str, absent: str) -> None:
    assert absent not in skills(matcher, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Backend services in Go and Python", "Go"),
        ("Statistics in R, Python and SAS", "R"),
        ("Firmware in C and C++", "C"),
        ("Systems code in Rust", "Rust"),
        ("iOS apps in Swift", "Swift"),
        ("Java with Spring Boot", "Spring"),
        ("Go, Rust, Java", "Go"),
    ],
)
def test_short_names_fire_when_written_as_the_technology(matcher: SkillMatcher, text: str, present: str) -> None:
    assert present in skills(matcher, text)


def test_java_and_javascript_are_told_apart(matcher: SkillMatcher) -> None:
    assert skills(matcher, "Java and JavaScript") == ["Java", "JavaScript"]
    assert skills(matcher, "javascript only") == ["JavaScript"]


def test_spans_and_quotes_point_into_the_text(matcher: SkillMatcher) -> None:
    text = "Built APIs with node.js, k8s and Amazon Web Services (AWS)."
    mentions = matcher.find(text)
    assert mentions, "expected mentions"
    for mention in mentions:
        start, end = mention.span
        assert text[start:end] == mention.quote
    assert [m.quote for m in mentions if m.skill == "AWS"] == ["Amazon Web Services", "AWS"]


def test_longest_match_wins_and_mentions_never_overlap(matcher: SkillMatcher) -> None:
    mentions = matcher.find("Ruby on Rails and Google Cloud Platform and SQL Server")
    assert [m.skill for m in mentions] == ["Ruby on Rails", "Google Cloud Platform", "Microsoft SQL Server"]
    ends = [m.span for m in mentions]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))


def test_soft_skills_are_found_but_not_hard(matcher: SkillMatcher) -> None:
    mentions = matcher.find("Excellent communication skills and Python")
    assert [m.skill for m in mentions] == ["Communication", "Python"]
    assert [m.skill for m in matcher.find_hard("Excellent communication skills and Python")] == ["Python"]
    assert matcher.kind_of("Communication") == "soft"
    assert matcher.is_hard("Kubernetes")
    assert matcher.kind_of("No Such Skill") is None


def test_requirements_leave_out_role_names_and_company_prose(matcher: SkillMatcher) -> None:
    assert [m.skill for m in matcher.find_requirements("Senior Java Developer")] == []
    assert [m.skill for m in matcher.find_requirements("We use Python everywhere.")] == []
    asked = matcher.find_requirements("You have experience with Python and Docker.")
    assert [m.skill for m in asked] == ["Python", "Docker"]
    # find() still reports everything: validation and coverage need the role's skill too
    assert skills(matcher, "Senior Java Developer") == ["Java"]


def test_cached_results_equal_fresh_results(matcher: SkillMatcher) -> None:
    text = "Terraform modules for AWS and Azure"
    first = matcher.find(text)
    second = matcher.find(text)
    assert first == second
    assert first is not second  # callers get their own list


def test_empty_and_unicode_text(matcher: SkillMatcher) -> None:
    assert matcher.find("") == []
    assert skills(matcher, "Développeur Python 🚀 avec Kubernetes") == ["Python", "Kubernetes"]


def test_load_matcher_is_built_once_per_process() -> None:
    assert load_matcher() is load_matcher()


def test_find_is_fast_on_a_bullet(matcher: SkillMatcher) -> None:
    """Uncached find() on a 20-word bullet stays well under a millisecond (tokenizer cache not flooded)."""
    base = "Designed and deployed microservices on Kubernetes using Terraform and Python, cutting latency by {} percent"
    texts = [base.format(i) for i in range(300)]
    started = time.perf_counter()
    for text in texts:
        matcher.find(text)
    per_call_ms = (time.perf_counter() - started) * 1000 / len(texts)
    assert per_call_ms < 1.0


def test_sentences_about_the_employer_are_not_requirements(matcher: SkillMatcher) -> None:
    assert matcher.find_requirements("Acme Corp is a leading SaaS provider on AWS.") == []
    assert matcher.find_requirements("The team picks Python and Go for new services.") == []
    assert matcher.find_requirements("Senior Embedded Systems Developer (w/m/d) - Linux") == []
    assert [m.skill for m in matcher.find_requirements("Strong knowledge of AWS.")] == ["AWS"]
