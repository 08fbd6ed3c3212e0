"""Coverage by implication: a requirement is met by the skill or a narrower one, with evidence saying which."""

from __future__ import annotations

import pytest

from core.coverage import _words_met, requirement_coverage
from core.coverage_kinds import words_met
from core.ingest import split_bullets
from core.resume_view import read_resume
from core.skills import SkillMatcher, load_matcher
from core.types import JDSignals, Requirement

RESUME = """Dana Whitfield
Platform Engineer, Northwind Logistics, 03/2019 - 02/2024
- Wrote Terraform modules for 40 AWS accounts and ran Amazon EKS clusters with Helm
- Built GitHub Actions pipelines and Prometheus alerting
Skills: Kafka | PostgreSQL | Databases
"""


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return load_matcher()


def _req(skill: str, **kw: object) -> Requirement:
    return Requirement(skill=skill, jd_name=str(kw.pop("jd_name", skill)), alternatives=[skill], **kw)  # type: ignore[arg-type]


def _cover(matcher: SkillMatcher, *reqs: Requirement, after: list[str] | None = None) -> dict[str, object]:
    signals = JDSignals(requirements=list(reqs))
    entries = requirement_coverage(RESUME, split_bullets(RESUME), signals, matcher, after)
    return {e.skill: e for e in entries}


def test_narrower_skill_meets_the_requirement_and_says_via(matcher: SkillMatcher) -> None:
    got = _cover(matcher, _req("Infrastructure as Code"), _req("Container Orchestration"), _req("CI/CD"))
    iac = got["Infrastructure as Code"]
    assert iac.before and iac.after and iac.how == "narrower"
    assert iac.evidence[0].via == "Terraform" and iac.evidence[0].bullet == 0 and iac.evidence[0].quote == "Terraform"
    assert got["Container Orchestration"].evidence[0].via in {"Amazon EKS", "Helm"}
    assert got["CI/CD"].evidence[0].via == "GitHub Actions"


def test_broader_skill_never_shows_a_narrower_one(matcher: SkillMatcher) -> None:
    got = _cover(matcher, _req("MySQL"), _req("Messaging"))
    assert not got["MySQL"].before, "'Databases' in the resume does not show MySQL"
    messaging = got["Messaging"]
    assert messaging.before and messaging.evidence[0].listed, "Kafka only in the skills line: met, but listed"


def test_alternatives_and_similar(matcher: SkillMatcher) -> None:
    group = Requirement(
        skill="Cloud Computing", jd_name="AWS, GCP or Azure", alternatives=["AWS", "Google Cloud Platform", "Azure"]
    )
    similar = Requirement(
        skill="Apache Airflow", jd_name="Airflow or similar", alternatives=["Apache Airflow"], similar=True
    )
    got = _cover(matcher, group, similar)
    assert got["Cloud Computing"].before and got["Cloud Computing"].alternatives == [
        "AWS",
        "Google Cloud Platform",
        "Azure",
    ]
    assert not got["Apache Airflow"].before


def test_years_count_dated_roles_that_name_the_skill(matcher: SkillMatcher) -> None:
    three = Requirement(
        skill="Kubernetes", jd_name="2+ years Kubernetes", kind="experience_years", years=2, alternatives=["Kubernetes"]
    )
    # one line of a 5-year role shows it (Amazon EKS): half the role's years count
    nine = three.model_copy(update={"years": 4, "jd_name": "4+ years Kubernetes"})
    got = requirement_coverage(RESUME, split_bullets(RESUME), JDSignals(requirements=[three]), matcher)
    assert got[0].before and got[0].how.startswith("years")
    got = requirement_coverage(RESUME, split_bullets(RESUME), JDSignals(requirements=[nine]), matcher)
    assert not got[0].before


def test_after_uses_the_standing_bullets(matcher: SkillMatcher) -> None:
    bullets = [b.text for b in split_bullets(RESUME)]
    after = [bullets[0].replace("Terraform", "scripts"), bullets[1]]
    got = _cover(matcher, _req("Infrastructure as Code"), after=after)
    assert got["Infrastructure as Code"].before and not got["Infrastructure as Code"].after


def test_conditions_are_assumed_and_degrees_need_the_level(matcher: SkillMatcher) -> None:
    lift = Requirement(skill="lift 50 lbs", jd_name="lift 50 lbs", kind="condition")
    degree = Requirement(skill="Bachelor's Degree", jd_name="BS", kind="degree", alternatives=["Bachelor's Degree"])
    got = _cover(matcher, lift, degree)
    assert got["lift 50 lbs"].before and got["lift 50 lbs"].how == "assumed"
    assert not got["Bachelor's Degree"].before


def test_own_words_sides_and_years_words() -> None:
    from core.coverage_kinds import sides
    from core.jd_requirements import years_terms

    assert sides("HR, recruiting or administrative experience") == [{"hr"}, {"recruit"}, {"administrativ"}]
    assert {"servicetitan"} in sides("field service software such as ServiceTitan or Housecall Pro")
    assert sides("CCNA certification or equivalent experience") == [{"ccna"}]  # the acronym names the credential
    assert sides("Tanker (N) endorsement") == [{"tank", "endors"}]  # a letter in brackets is no example list
    # a one-word side naming a whole thing does not take the last side's head; a modifier does
    assert {"pump"} in sides("pumps, valves or fluid handling")
    assert {"docusign"} in sides("DocuSign or Adobe Sign")
    assert {"manufactur"} in sides("Manufacturing or consumer products experience")
    assert {"corrugat", "equip"} in sides("corrugated or packaging equipment")
    assert years_terms("You'll need at least 2 years of verifiable Class A driving experience") == [
        "verifiable",
        "class",
        "driving",
    ]


def test_years_from_the_title_and_the_work_and_a_stated_claim(matcher: SkillMatcher) -> None:
    resume = (
        "Keisha Hale\nEXPERIENCE\nHuman Resources Assistant — Delta Services — 2023 – present\n"
        "• Prepare offer letters for 30 new hires a month\n"
        "Staff Writer — Capitol Weekly — 2019 – 2021\n• Covered city government\n"
        "SUMMARY\nEngineer with 5 years designing weldments for forestry and construction equipment.\n"
    )

    from core.jd_requirements import years_terms

    def met(jd_name: str, years: float) -> bool:
        req = Requirement(
            skill=jd_name, jd_name=jd_name, kind="experience_years", years=years, terms=years_terms(jd_name)
        )
        return requirement_coverage(resume, split_bullets(resume), JDSignals(requirements=[req]), matcher)[0].before

    assert met("1-2 years of HR, recruiting or administrative experience", 1)  # HR: Human Resources
    assert met("2 years of professional writing experience", 2)  # writing: Staff Writer
    assert met("3+ years of product design experience with heavy equipment, vehicles or machinery", 3)
    assert not met("2+ years as a lead teacher", 2)


def test_a_language_is_met_only_when_the_resume_says_the_person_speaks_it(matcher: SkillMatcher) -> None:
    bilingual = Requirement(
        skill="Bilingual Spanish", jd_name="Bilingual English/Spanish", kind="soft_skill", alternatives=[]
    )
    mentoring = Requirement(skill="Mentoring", jd_name="mentoring", kind="soft_skill", alternatives=[])
    got = _cover(matcher, bilingual, mentoring)
    assert not got["Bilingual Spanish"].before, "a language is not assumed like a soft skill"
    assert got["Mentoring"].before and got["Mentoring"].how == "assumed"
    spoken = RESUME + "Languages: English, Spanish\n"
    material = RESUME.replace("Helm\n", "Helm; runbooks in English and Spanish\n")
    for text, met in ((spoken, True), (material, False)):
        entry = requirement_coverage(text, split_bullets(text), JDSignals(requirements=[bilingual]), matcher)[0]
        assert entry.before is met, text
    entry = requirement_coverage(spoken, split_bullets(spoken), JDSignals(requirements=[bilingual]), matcher)[0]
    assert entry.how == "language" and entry.evidence[0].via == "Spanish"


@pytest.mark.parametrize(
    ("asked", "line", "met"),
    [
        ("Insurance or financial services experience", "- Built the loan data mart for a regional bank", True),
        ("Financial services experience", "Marketing Intern, Maine Credit Union League, 2021", True),
        ("Financial services experience", "- Prepared bank reconciliations for 3 entities", False),
        (
            "Food distribution or manufacturing background",
            "- Full-cycle AP for a building-materials manufacturer",
            True,
        ),
        ("Transportation, logistics or industrial companies", "- Audited a regional trucking company", True),
        ("Construction, AEC or field-services industry background", "- Audited a regional trucking company", False),
        ("Banking", "Member Service Representative, Susquehanna Valley Federal Credit Union", True),
    ],
)
def test_industry_experience_is_shown_by_the_employer(matcher: SkillMatcher, asked: str, line: str, met: bool) -> None:
    text = "Sam Reyes\nAnalyst, Northwind, 03/2019 - 02/2024\n" + line + "\n"
    graph_skill = [m.skill for m in matcher.find(asked)] if asked == "Banking" else []
    req = Requirement(skill=asked, jd_name=asked, kind="skill", terms=[] if graph_skill else [asked])
    req.alternatives = graph_skill
    entry = requirement_coverage(text, split_bullets(text), JDSignals(requirements=[req]), matcher)[0]
    assert entry.before is met


def test_one_side_of_an_and_in_own_words_is_shown_by_a_line_holding_all_its_words(matcher: SkillMatcher) -> None:
    asked = "managing mechanically ventilated patients and titrating vasoactive infusions"
    req = Requirement(skill=asked, jd_name=asked, kind="skill", terms=[asked])
    for line, met in (
        ("- Manage mechanically ventilated patients with RT", True),
        ("- Manage patients on the unit", False),  # part of a side is not the side
    ):
        text = "Ana Ruiz\nRN, Mercy ICU, 03/2019 - 02/2024\n" + line + "\n"
        entry = requirement_coverage(text, split_bullets(text), JDSignals(requirements=[req]), matcher)[0]
        assert entry.before is met, line


def test_hydraulic_circuits_and_a_wiring_diagram_are_read_as_their_trade_words(matcher: SkillMatcher) -> None:
    found = {
        m.skill for m in matcher.find("Sized valves for the loader's hydraulic circuit; traced the unit wiring diagram")
    }
    assert {"Hydraulics", "Electrical Schematics"} <= found


DRIVER = """Lee Ortiz
- Texas Class A CDL with X endorsement
EXPERIENCE
Regional Tanker Driver, Caprock Transport, 01/2021 - 01/2024
- Haul gasoline to 60 fuel stations

Warehouse Associate, Caprock Transport, 01/2019 - 12/2020
- Picked and packed orders
"""


@pytest.mark.parametrize(
    ("asked", "years", "met"),
    [
        ("2 years of verifiable Class A driving experience", 2, True),  # the CDL held, "Driver" in the title
        ("6 months or more pulling tankers is preferred", 0.5, True),  # the title names what is pulled
        ("4 years of verifiable Class A driving experience", 4, False),  # the warehouse years do not count
        ("2 years of forklift operating experience", 2, False),
    ],
)
def test_years_from_a_title_the_held_credential_and_the_verb_complete(
    matcher: SkillMatcher, asked: str, years: float, met: bool
) -> None:
    from core.jd_requirements import content_terms

    req = Requirement(skill=asked, jd_name=asked, kind="experience_years", years=years, terms=content_terms(asked))
    entry = requirement_coverage(DRIVER, split_bullets(DRIVER), JDSignals(requirements=[req]), matcher)[0]
    assert entry.before is met, entry.how


@pytest.mark.parametrize(
    ("asked", "line", "met"),
    [
        ("fitting and layout", "- Fit and lay out assemblies from shop drawings", True),  # fitting/fit, layout/lay out
        ("Ohio Early Learning and Development Standards", "- Completed the Ohio ELDS training modules", True),
        ("Ohio Early Learning and Development Standards", "- Completed the Ohio safety training modules", False),
        ("fitting and layout", "- Filled orders and laid pallets", False),
        ("Illustration skills (hand-drawn or digital)", "- Drew hand-lettered labels and illustrations", True),
        ("college admissions and financial aid (FAFSA)", "- Run FAFSA completion nights", True),  # the named aside
        ("college admissions and financial aid (FAFSA)", "- Run study-skills groups for grades 9-12", False),
        # the named ones are kinds of what follows "or a similar", not sides sharing its words
        ("Naviance, SCOIR or a similar college and career platform", "- Manage applications in Naviance", True),
        ("Payments, ledger or banking domain experience", "- Lead engineer on the repayment ledger", True),
        ("CPCU, AU or CIC designation (or progress toward one)", "- CPCU — 2 of 8 courses completed", True),
        ("CPCU, AU or CIC designation", "- CPCU — 2 of 8 courses completed; in progress", False),
        # a duty's object in the resume's own verbs; not a noun phrase opened by a word that can be a verb
        ("take and interpret digital radiographs", "- Expose and mount digital radiographs (bitewings)", True),
        ("take and interpret digital radiographs", "- Scanned digital records into Dentrix", False),
        # an amount asked at least is judged as an amount
        ("Managed projects of $25M or more", "- Assistant Project Manager on a $19M medical office", False),
        ("Managed projects of $25M or more", "- Managed a $32M hospital wing project", True),
    ],
)
def test_own_words_meet_their_forms_and_initials(matcher: SkillMatcher, asked: str, line: str, met: bool) -> None:
    from core.jd_requirements import content_terms

    text = "Kim Lee\nFitter, Iron Works, 03/2019 - 02/2024\n" + line + "\n"
    req = Requirement(skill=asked, jd_name=asked, kind="skill", terms=content_terms(asked))
    entry = requirement_coverage(text, split_bullets(text), JDSignals(requirements=[req]), matcher)[0]
    assert entry.before is met, line


def test_years_the_work_meets_the_one_who_does_it(matcher: SkillMatcher) -> None:
    resume = (
        "Ana Ruiz\nEXPERIENCE\nSchool Counselor — Westlake High School — Aug 2020 – present\n"
        "• Caseload of 400 students in grades 9-12\n"
        "Marketing Coordinator — Cascade Lab Supply — 2021 – present\n• Planned 12 trade shows a year\n"
    )
    from core.coverage_kinds import _stem
    from core.jd_requirements import years_terms

    assert _stem("counseling") == _stem("counselor") and _stem("coordination") == _stem("coordinator")
    assert _stem("administration") == _stem("administrator") and _stem("inspection") == _stem("inspector")

    def met(jd_name: str, years: float) -> bool:
        req = Requirement(
            skill=jd_name, jd_name=jd_name, kind="experience_years", years=years, terms=years_terms(jd_name)
        )
        return requirement_coverage(resume, split_bullets(resume), JDSignals(requirements=[req]), matcher)[0].before

    assert met("Two years of counseling experience with adolescents", 2)  # counseling: School Counselor
    assert met("2+ years of marketing coordination or events experience", 2)  # coordination: Coordinator


def test_years_of_another_kind_of_the_work_do_not_count(matcher: SkillMatcher) -> None:
    resume = (
        "Rae Stroud\nEXPERIENCE\nPersonal Lines Underwriter — Nutmeg State Insurance Co. — 2020 – present\n"
        "• Underwrite private passenger auto and homeowners policies\n"
        "Assistant Store Manager — BrightMart Home & Garden — 2020 – present\n• Co-manage a $14M store\n"
        "HVAC Installer Helper — Summit Air — 2022 – present\n• Help a lead installer with change-outs\n"
        "Marketing Operations Analyst — Lakeshore — 2020 – present\n• Pull data from SQL for the data team\n"
    )
    from core.jd_requirements import years_terms

    def met(jd_name: str, years: float) -> bool:
        req = Requirement(
            skill=jd_name, jd_name=jd_name, kind="experience_years", years=years, terms=years_terms(jd_name)
        )
        return requirement_coverage(resume, split_bullets(resume), JDSignals(requirements=[req]), matcher)[0].before

    assert not met("3+ years of commercial lines underwriting experience", 3)  # personal lines: another kind
    assert met("3+ years of personal lines underwriting experience", 3)
    assert not met("3+ years as a General Manager or Assistant General Manager in full-service restaurants", 3)
    assert met("2+ years of data or business analyst experience", 2)  # the work is data work
    assert met("2 years of HVAC installation experience", 2) and not met("4 years of HVAC installation experience", 3)


def test_remembered_word_readings_follow_the_resume_not_an_old_one() -> None:
    """words_met is remembered per requirement and resume view by identity; a view read for another resume (which
    may reuse a freed id) gets its own answer, equal to reading it afresh."""
    req = Requirement(skill="Grant Writing", jd_name="grant proposals", terms=["grant proposals"])
    for i in range(40):
        text = f"Analyst {i}\n- Wrote grant proposals\n" if i % 2 else f"Analyst {i}\n- Cooked\n"
        view = read_resume(text)
        for pending_ok in (False, True):
            assert _words_met(req, view, pending_ok) == words_met(req, view, pending_ok=pending_ok)
    assert _words_met(req, read_resume("x\n- Wrote grant proposals for federal agencies\n"), False) is not None
