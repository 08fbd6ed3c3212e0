"""The general readings of coverage: which requirements are assumed, industries in a line's own words, years a
resume states as a duration or "since", whole clauses behind clipped names, degrees and certificates."""

from __future__ import annotations

from datetime import date

import pytest

from core.coverage import requirement_coverage
from core.coverage_kinds import mostly_soft, whole_clause
from core.ingest import split_bullets
from core.jd_requirements import short_name
from core.resume_view import read_resume
from core.skills import SkillMatcher, load_matcher
from core.types import JDSignals, Requirement


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return load_matcher()


def _met(matcher: SkillMatcher, resume: str, req: Requirement) -> bool:
    return requirement_coverage(resume, split_bullets(resume), JDSignals(requirements=[req]), matcher)[0].before


def test_only_qualities_of_a_person_are_assumed() -> None:
    assert mostly_soft("excellent written and verbal communication skills")
    assert mostly_soft("calm under pressure")
    assert not mostly_soft("grant proposals for federal and state agencies")
    assert not mostly_soft("forklift certification and warehouse inventory counts")
    assert not mostly_soft("Epic Resolute Professional Billing")
    assert not mostly_soft("CMP (Certified Meeting Professional) certification")  # a credential, whatever its words


def test_a_soft_worded_duty_is_judged_on_paper(matcher: SkillMatcher) -> None:
    resume = "Lee Park\nEXPERIENCE\nOffice Manager, Acme — 2019 - 2024\n- Ran payroll for 40 staff\n"
    name = "grant proposals for federal and state agencies"
    duty = Requirement(skill=name, jd_name=name, kind="soft_skill", terms=["grant", "proposals", "federal", "state"])
    quality = Requirement(
        skill="calm under pressure", jd_name="calm under pressure", kind="soft_skill", terms=["calm", "pressure"]
    )
    assert not _met(matcher, resume, duty)
    assert _met(matcher, resume, quality)


def test_an_industry_stands_for_its_own_words_only(matcher: SkillMatcher) -> None:
    resume = "Kim Lo\nEXPERIENCE\nLoan Officer — Harbor Credit Union — 2019 - 2024\n- Closed consumer car loans\n"

    def req(name: str) -> Requirement:
        return Requirement(skill=name, jd_name=name, kind="skill", terms=name.split())

    assert _met(matcher, resume, req("banking experience"))  # a credit union is banking
    assert not _met(matcher, resume, req("commercial real estate lending"))  # the rest still has to be said


def test_a_role_that_states_its_length_and_years_since() -> None:
    text = (
        "Experience\nLab Scientist, City Hospital — Apr 2023 to present (1 year 8 months)\n- Ran assays\n"
        "Summary: remote since March 2020 as a coder.\n"
    )
    view = read_resume(text, today=date(2026, 3, 1))
    assert view.roles[0].years == pytest.approx(1.67)
    since = [s for s in view.stated if "coder" in s.what]
    assert since and since[0].years == pytest.approx(6.08)  # March 2020 to March 2026, both months counted


def test_a_clipped_name_is_read_in_its_whole_clause() -> None:
    sentence = (
        "Journeyman electrician card or completed 4-year electrician apprenticeship, OR 5+ years of industrial "
        "maintenance experience."
    )
    clipped = short_name(sentence)
    assert len(clipped) < len(sentence) - 10
    req = Requirement(skill=clipped, jd_name=clipped, kind="experience_years", years=5, sentence=sentence)
    assert whole_clause(req).endswith("industrial maintenance experience.")
    short = req.model_copy(update={"jd_name": "5+ years of welding"})
    assert whole_clause(short) == "5+ years of welding"


def test_any_degree_is_met_by_an_associate_degree(matcher: SkillMatcher) -> None:
    resume = "Sam Ng\nEDUCATION\nAssociate of Applied Science, Culinary Arts — Metro College, 2020\n"
    req = Requirement(
        skill="Degree", jd_name="culinary degree", kind="degree", alternatives=["Degree"], terms=[], required=False
    )
    assert _met(matcher, resume, req)


def test_a_certificate_named_before_the_degree_counts(matcher: SkillMatcher) -> None:
    resume = "Jo Fry\nEDUCATION\nWelding Technology certificate — Valley Technical Institute, 2019\n"
    name = "Technical certificate or associate degree in welding technology"
    req = Requirement(
        skill="Associate Degree", jd_name=name, kind="degree", alternatives=["Associate Degree"], terms=["welding"]
    )
    assert _met(matcher, resume, req)


def test_a_measure_is_met_by_at_least_that_number_in_its_unit(matcher: SkillMatcher) -> None:
    def met(asked: str, line: str) -> bool:
        resume = f"Ari Cole\nSKILLS\n{line}\n"
        return _met(matcher, resume, Requirement(skill=asked, jd_name=asked, kind="skill", terms=asked.split()))

    assert met("Data entry speed of 10,000 keystrokes per hour", "Data entry at 12000 keystrokes per hour")
    assert met("Typing speed of 45 words per minute", "Accurate typist (70 wpm)")  # the unit's initials
    assert not met("Typing speed of 45 words per minute", "Accurate typist (38 wpm)")  # fewer than asked
    assert not met("Typing speed of 45 words per minute", "Managed 70 projects per year")  # another unit


def test_a_language_asked_fluent_is_not_met_by_a_basic_one(matcher: SkillMatcher) -> None:
    def met(line: str, asked: str) -> bool:
        resume = f"Noa Ben\nEXPERIENCE\nSupport Agent, Acme — 2020 - 2024\n- Answered tickets\nLANGUAGES\n{line}\n"
        req = Requirement(skill="French", jd_name="French", alternatives=["French"], sentence=asked)
        return _met(matcher, resume, req)

    fluent = "Native or fluent French and professional English."
    assert not met("English (native), Spanish (native), French (basic reading)", fluent)
    assert met("English (native), French (fluent)", fluent)
    assert met("English, French", fluent)  # no level given: the line stands
    assert met("English, French (basic)", "Some French is helpful.")  # asked at a basic level


def test_a_belt_asked_at_a_level_and_a_credential_no_longer_held(matcher: SkillMatcher) -> None:
    def met(lines: str, asked: str, kind: str = "certification") -> bool:
        summary = "Warehouse lead with Lean Six Sigma and food safety training."
        resume = f"Lee Park\nSUMMARY\n{summary}\nCERTIFICATIONS\n{lines}\n"
        req = Requirement(
            skill="Six Sigma" if "Sigma" in asked else "ServSafe",
            jd_name=asked,
            alternatives=["Six Sigma" if "Sigma" in asked else "ServSafe"],
            kind=kind,
            terms=asked.split(),
        )
        return _met(matcher, resume, req)

    yellow = "Six Sigma training (Yellow Belt or higher)"
    assert not met("Lean Six Sigma White Belt (online, 2025)", yellow)  # the summary's mention has no belt either
    assert met("Lean Six Sigma Green Belt (2023)", yellow)
    assert met("Lean Six Sigma (2023)", yellow)  # no belt given: the mention stands
    assert not met("ServSafe Food Handler (expired 03/2025)", "ServSafe Food Handler certification")
    assert met("ServSafe Food Handler (2024)", "ServSafe Food Handler certification")


def test_a_degree_written_as_its_level_of_a_field(matcher: SkillMatcher) -> None:
    def met(line: str) -> bool:
        resume = f"Ria Sen\nEXPERIENCE\nTherapist, Acme Rehab — 2019 - 2024\n- Treated patients\nEDUCATION\n{line}\n"
        asked = "Master's or doctoral degree in occupational therapy"
        req = Requirement(
            skill="Master's Degree",
            jd_name=asked,
            alternatives=["Master's Degree", "Doctorate"],
            kind="degree",
            terms=["occupational", "therapy"],
        )
        return _met(matcher, resume, req)

    assert met("Master of Occupational Therapy, Columbia Plateau University, 2019")
    assert not met("Currently enrolled: Master of Occupational Therapy, Columbia Plateau University (expected 2027)")
    assert not met("Bachelor of Occupational Therapy, Columbia Plateau University, 2019")  # a lower level
