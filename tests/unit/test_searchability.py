"""Searchability checks: behaviour on small cases, and their quality on a reader's labels (tests/data/searchability)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.evals.searchability_eval import evaluate, read_labels
from core.factory import load_local
from core.searchability import (
    contact_check,
    heading_of,
    jd_title,
    measurable_check,
    searchability,
    sections_check,
    seniority_check,
    title_check,
    years_check,
)
from core.types import JDSignals, PiiFinding

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = date(2026, 12, 1)
RESUME = """Sam Lee
sam@example.com · 555-010-2000

SUMMARY
Backend engineer with 6 years of experience.

EXPERIENCE
Acme — Senior Software Engineer                Mar 2021 – Present
- Cut p99 latency by 38% with Redis caching
- Wrote the on-call runbook

Initech — Software Engineer                    Jun 2018 – Feb 2021
- Built REST APIs used by 120 customers

VOLUNTEER
Coach, youth football league                   2015 – Present

EDUCATION
B.S. Computer Science, 2018
"""


@pytest.fixture(scope="module")
def extractor():
    return load_local()[1]


def _signals(**kw) -> JDSignals:
    return JDSignals(**kw)


def test_title_exact_without_level_or_missing() -> None:
    assert title_check(RESUME, _signals(title="Backend Engineer"))["status"] == "pass"
    found = title_check(RESUME, _signals(title="Senior Backend Engineer"))
    assert found["status"] == "pass" and "without the level" in found["found"]
    missing = title_check(RESUME, _signals(title="Data Scientist"))
    assert missing["status"] == "fail" and "Data Scientist" in missing["advice"]
    assert title_check(RESUME, _signals())["status"] == "info"
    # The reader found no title: the JD's first line up to the dash stands in for it.
    assert jd_title(_signals(), "Registered Nurse – Medical-Surgical Unit (Nights)\nAbout us") == "Registered Nurse"
    assert jd_title(_signals(), "We are a fast-growing company looking for people who care.\n") == ""


def test_years_count_work_roles_not_volunteering() -> None:
    check = years_check(RESUME, _signals(years=5.0), TODAY)
    assert check["status"] == "pass" and check["found"].startswith("8.")  # 5.8 + 2.7 years, not the coaching
    short = years_check(RESUME, _signals(years=12.0), TODAY)
    assert short["status"] == "fail" and short["advice"]
    undated = years_check("EXPERIENCE\nAcme — Engineer\n- Built things", _signals(years=3.0), TODAY)
    assert undated["status"] == "warn" and "dates" in undated["advice"]


def test_seniority_of_the_latest_title() -> None:
    assert seniority_check(RESUME, _signals(seniority="senior"), TODAY)["status"] == "pass"
    below = seniority_check(RESUME, _signals(seniority="principal"), TODAY)
    assert below["status"] == "fail" and below["found"] == "senior"
    assert seniority_check(RESUME, _signals(), TODAY)["status"] == "info"


def test_contact_sections_and_measurable_results() -> None:
    email = PiiFinding(type="EMAIL_ADDRESS", text="a@b.co", span=(0, 6), severity="contact")
    phone = PiiFinding(type="PHONE_NUMBER", text="555", span=(7, 10), severity="contact")
    assert contact_check([email, phone])["status"] == "pass"
    assert contact_check([email])["status"] == "warn" and "phone" in contact_check([email])["advice"]
    assert contact_check([])["status"] == "fail"
    sections = sections_check(RESUME)
    assert sections["status"] == "warn" and "Skills" in sections["advice"]
    assert heading_of("TEACHING EXPERIENCE") == "Experience" and heading_of("Tools and skills") == "Skills"
    assert heading_of("- 5 years of experience") is None and heading_of("Led the team.") is None
    assert measurable_check(["Cut costs 20%", "Wrote docs", "Hired 4 people"])["status"] == "pass"
    assert measurable_check(["Wrote docs", "Led meetings", "Fixed bugs", "Ran tests", "Cut 3 steps"])["status"] == (
        "warn"
    )
    checks = searchability(RESUME, "Backend Engineer\n...", _signals(years=5.0), ["Cut 38%"], [email, phone], TODAY)
    assert [c["check"] for c in checks] == ["title", "years", "seniority", "contact", "sections", "measurable"]
    assert all(set(c) == {"check", "label", "status", "wanted", "found", "advice"} for c in checks)


def test_quality_on_the_blind_labels(extractor) -> None:
    """Pairs labelled before the checks first ran on them (first try: title 0.79, sections recall 0.88)."""
    rows = read_labels(DATA / "searchability" / "blind.jsonl")
    figures = evaluate(rows, DATA, extractor.extract, TODAY)
    assert figures["pairs"] == 14
    assert figures["title_accuracy"] >= 0.85
    assert figures["years_within_1"] >= 0.85
    assert figures["seniority_accuracy"] >= 0.85
    assert figures["sections_precision"] >= 0.9 and figures["sections_recall"] >= 0.85
