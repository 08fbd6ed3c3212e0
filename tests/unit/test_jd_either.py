"""Asks with sides of different kinds ("a degree, OR two years of ..."), posting form fields, unnamed headings,
semicolon lists and one-letter names hyphened to a word: read as a recruiter reads them."""

from __future__ import annotations

import pytest

from core.factory import load_local
from core.ingest import split_bullets
from core.jd_roles import read_units
from core.scoring import ats_score, coverage
from core.signals import SignalExtractor
from core.skills import SkillMatcher

COUNTY_JD = """COUNTY OF NORTH FORK
Job Title: Eligibility Specialist II
Location: North Fork Service Center
Closing Date: Continuous until filled

DEFINITION
Under general supervision, interviews applicants and determines eligibility for public assistance programs.

MINIMUM QUALIFICATIONS
Education: Bachelor's degree from an accredited college or university, OR
Experience: Two (2) years of full-time experience determining eligibility for public assistance programs.
Knowledge of: Interviewing techniques; basic arithmetic for benefit calculations; data entry with a high degree of
accuracy.
Ability to: Explain complex rules to the public; maintain confidentiality.
"""

ELIGIBILITY_RESUME = """Jo Rivera
jo@example.com

Eligibility Worker II, Harbor County Social Services, July 2021 to present
- Determine eligibility for public assistance programs after interviewing applicants and verifying income
- Calculate benefit amounts under state and federal rules
- Enter case actions in the state eligibility system with 98% accuracy

Education
Associate of Arts, Harbor Valley College, 2020
"""


@pytest.fixture(scope="module")
def local() -> tuple[SkillMatcher, SignalExtractor]:
    return load_local()


def test_posting_fields_and_unnamed_headings_ask_nothing() -> None:
    roles = {u.text: u.role for u in read_units(COUNTY_JD)}
    assert roles["Location: North Fork Service Center"] == "other"
    assert roles["Closing Date: Continuous until filled"] == "other"
    # "Job Title: Eligibility ..." is no "eligibility" heading, and "DEFINITION" names no section: the sentence
    # under it asks nothing by its own words
    assert roles["Job Title: Eligibility Specialist II"] in ("other", "title")
    under = (
        "Under general supervision, interviews applicants and determines eligibility for public assistance programs."
    )
    assert roles[under] != "requirement"
    assert "DEFINITION" not in roles


def test_degree_or_years_across_two_lines_is_one_ask(local: tuple[SkillMatcher, SignalExtractor]) -> None:
    signals = local[1].extract(COUNTY_JD)
    by_kind = {r.kind: r for r in signals.requirements if r.kind in ("degree", "experience_years")}
    degree, years = by_kind["degree"], by_kind["experience_years"]
    assert degree.either == [years.skill] and years.either == [degree.skill]
    # "a high degree of accuracy" is no degree asked; a semicolon list's lower-case items are asks of their own
    assert [r.kind for r in signals.requirements].count("degree") == 1
    assert any("arithmetic" in r.terms for r in signals.requirements)
    assert not any("Location" in r.skill or "Closing" in r.skill for r in signals.requirements)


@pytest.mark.parametrize(
    ("jd", "linked"),
    [
        (
            "Requirements:\n- Technical certificate or associate degree in electronics, or 5+ years of equivalent "
            "experience\n- PLC troubleshooting",
            True,
        ),
        ("Requirements:\n- 4 years of experience in payroll or a bachelor's degree in accounting", True),
        ("Requirements:\n- Bachelor's degree in accounting or finance and 3+ years of accounting experience", False),
    ],
)
def test_sides_joined_by_or_are_linked_and_by_and_are_not(
    local: tuple[SkillMatcher, SignalExtractor], jd: str, linked: bool
) -> None:
    gates = [r for r in local[1].extract(jd).requirements if r.kind in ("degree", "experience_years")]
    assert len(gates) == 2
    assert all(bool(r.either) for r in gates) is linked


def test_the_other_side_meets_the_ask_and_it_counts_once(local: tuple[SkillMatcher, SignalExtractor]) -> None:
    matcher, extractor = local
    signals = extractor.extract(COUNTY_JD)
    parts = split_bullets(ELIGIBILITY_RESUME)
    bullets = [b.text for b in parts]
    entries = {e.kind: e for e in coverage(bullets, bullets, ELIGIBILITY_RESUME, parts, signals, matcher)}
    assert entries["experience_years"].before
    assert entries["degree"].before and entries["degree"].how.startswith("alternative: ")
    score, breakdown = ats_score(bullets, ELIGIBILITY_RESUME, signals, matcher)
    assert breakdown["missing_gates"] == []
    # without the years, the ask is missing once: one gate factor, not two
    no_years = ELIGIBILITY_RESUME.replace("July 2021 to present", "").replace("Eligibility Worker II", "Clerk")
    no_years = no_years.replace("eligibility system", "case system")
    _, short = ats_score([b.text for b in split_bullets(no_years)], no_years, signals, matcher)
    assert len(short["missing_gates"]) == 1
    assert score > 0


def test_one_letter_names_hyphened_to_a_word_are_not_languages(local: tuple[SkillMatcher, SignalExtractor]) -> None:
    matcher = local[0]
    assert [m.skill for m in matcher.find("Supported C-level executives and the C-suite")] == []
    assert "C" in [m.skill for m in matcher.find("Wrote firmware in C and C++")]
    assert [m.skill for m in matcher.find("Installed R-value 38 insulation")] == []
