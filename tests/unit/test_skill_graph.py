"""The skill graph: a requirement is met by the skill or a narrower one, never by a broader one."""

from __future__ import annotations

import pytest

from core.skill_graph import SkillGraph
from core.skills import SkillMatcher, load_matcher


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return load_matcher()


@pytest.mark.parametrize(
    ("have", "need"),
    [
        ("Terraform", "Infrastructure as Code"),
        ("Amazon EKS", "Kubernetes"),
        ("Amazon EKS", "Container Orchestration"),
        ("GitHub Actions", "CI/CD"),
        ("Prometheus", "Monitoring"),
        ("Apache Kafka", "Messaging"),
        ("PostgreSQL", "Databases"),
        ("NetSuite", "ERP"),
        ("CDL Class A", "Commercial Driver's License"),
        ("Advanced Cardiovascular Life Support", "Basic Life Support"),
        ("OSHA 30", "OSHA 10"),
        ("Master's Degree", "Bachelor's Degree"),
        ("Bachelor's in Accounting", "Bachelor's Degree"),
        ("Bachelor of Science in Nursing", "Bachelor's Degree"),
        ("Reach Truck", "Forklift"),
        ("Microsoft Sentinel", "SIEM"),
        ("Splunk", "SIEM"),
        ("Relativity", "E-Discovery"),
        ("Fortinet FortiGate", "Firewall"),
        ("Firewall", "Networking"),
        ("Cisco Meraki", "Wireless Networking"),
        ("Cisco Certified Network Professional", "Cisco Certified Network Associate"),
        ("Positive Behavioral Interventions and Supports", "Classroom Management"),
        ("STAR Reading", "Universal Screener"),
        ("Azure Data Factory", "Workflow Orchestration"),
    ],
)
def test_narrower_meets_broader(matcher: SkillMatcher, have: str, need: str) -> None:
    assert matcher.graph.satisfies(have, need)
    assert not matcher.graph.satisfies(need, have), "a broader skill never shows a narrower one"


def test_credentials_and_degrees_are_read_from_resume_wording(matcher: SkillMatcher) -> None:
    found = {m.skill for m in matcher.find("RN, BSN; B.S. Accounting; CDL-A; BLS/ACLS; OSHA 30; ServSafe Manager")}
    assert {
        "Registered Nurse",
        "Bachelor of Science in Nursing",
        "Bachelor's in Accounting",
        "CDL Class A",
        "Basic Life Support",
        "Advanced Cardiovascular Life Support",
        "OSHA 30",
        "ServSafe Manager",
    } <= found
    found = {m.skill for m in matcher.find("GD&T and finite element analysis (FEA)")}
    assert found == {"GD&T", "Finite Element Analysis"}, "duplicates merged: FEA is finite element analysis"


def test_ordinary_words_are_not_skills(matcher: SkillMatcher) -> None:
    assert matcher.find_hard("The team grew quickly, values Engineering, and loves soccer.") == []
    # one-word names that are everyday words count only where a sentence asks for them
    assert matcher.find_requirements("Our engineering culture values teaching each other.") == []
    asked = matcher.find_requirements("You have 2+ years of teaching experience.")
    assert [m.skill for m in asked] == ["Teaching"]


def test_siblings_only_under_a_specific_parent() -> None:
    entries = [
        {"id": "a", "name": "Workflow Orchestration", "kind": "tool", "aliases": ["orchestration tool"]},
        {"id": "b", "name": "Airflow", "kind": "tool", "aliases": ["Airflow"], "parents": ["a"]},
        {"id": "c", "name": "Dagster", "kind": "tool", "aliases": ["Dagster"], "parents": ["a"]},
        {"id": "g", "name": "software", "kind": "group", "aliases": []},
        {"id": "d", "name": "Excel", "kind": "tool", "aliases": ["Excel"], "parents": ["g"]},
        {"id": "e", "name": "Word", "kind": "tool", "aliases": ["Word"], "parents": ["g"]},
    ]
    graph = SkillGraph(entries)
    assert graph.siblings("Airflow") == {"Dagster"}
    assert graph.siblings("Excel") == set(), "a skill group is too broad to make its members alternatives"
    assert graph.meets("Dagster", graph.acceptable(["Airflow"], similar=True)) == "Dagster"
    assert graph.meets("Dagster", graph.acceptable(["Airflow"])) is None
    assert graph.meets("Airflow", frozenset({"Workflow Orchestration"})) == "Workflow Orchestration"


def test_security_monitoring_and_the_welding_and_therapy_credentials(matcher: SkillMatcher) -> None:
    def skills(text: str) -> set[str]:
        return {m.skill for m in matcher.find(text)}

    assert "SIEM" in skills("Hands-on experience with a SIEM") and "Penetration Testing" not in skills("a SIEM")
    assert skills("AWS Certified Welding Inspector (CWI)") == {"Certified Welding Inspector"}  # not Amazon's AWS
    assert "NBCOT Certification" in skills("OTR/L, registered with the national board since 2019")
    assert "NBCOT Certification" not in skills("CDL-A OTR driver, 48 states")  # over-the-road
