"""The JD's own words written on the resume's evidence: which words, where, and never without evidence."""

from __future__ import annotations

import pytest

from core.config import load_settings
from core.factory import build_context
from core.jd_terms import search_terms, written_in
from core.pipeline import run_to_end
from core.tailor import tailored_document
from core.tailor_skills import _split
from core.tailor_terms import _naming
from core.types import CoverageEntry, CoverageEvidence, ItemState, JDSignals, Requirement, SkillMention

RESUME = """Dana Ruiz
dana@example.com

Summary
Platform engineer who automates infrastructure.

Experience
Platform Engineer — Northwind | Jan 2021 – Present
• Migrated 120 hand-built AWS resources into Terraform modules with policy checks
• Run three EKS clusters for 40 services
• Built the release pipeline in GitHub Actions

Education
B.S. Computer Science, Lakeside University, 2018
Planning to apply to the CKA exam in 2027
"""

JD = """Platform Engineer

Requirements
- Infrastructure as code
- Kubernetes in production
- A CI/CD system (GitHub Actions, Jenkins or similar)
- Bachelor's degree in Computer Science or a related field
- Certified Kubernetes Administrator (CKA)
- Experience with Kafka
"""


@pytest.fixture(scope="module")
def done():
    ctx = build_context(load_settings(llm_provider="offline"))
    return run_to_end(ItemState(resume_text=RESUME, jd_text=JD), ctx)


def _document(state: ItemState) -> str:
    result = state.result or {}
    standing = [b["rewrite"] if b["accepted"] and b["rewrite"] else b["original"] for b in result["bullets"]]
    return tailored_document(state.resume_clean or RESUME, state.bullets, standing, state.sections)


def test_search_terms_are_the_jds_own_words() -> None:
    signals = JDSignals(required=[SkillMention(skill="AWS", span=(0, 3), quote="AWS")])
    cloud = Requirement(skill="Cloud Computing", jd_name="AWS or Azure", alternatives=["AWS", "Azure"])
    assert search_terms(cloud, signals)[:2] == ("AWS", "Azure")  # never the taxonomy label 'Cloud Computing'
    degree = Requirement(skill="Bachelor's Degree", jd_name="Bachelor's degree in Accounting or Finance", kind="degree")
    assert "Bachelor's degree" in search_terms(degree, JDSignals())
    assert search_terms(Requirement(skill="Lifting", jd_name="lift 50 lbs", kind="condition"), signals) == ()
    years = Requirement(skill="DevOps", jd_name="5+ years of DevOps", kind="experience_years", alternatives=["DevOps"])
    assert all("years" not in t for t in search_terms(years, JDSignals()))


def test_implied_requirements_are_named_beside_their_evidence(done) -> None:
    rewrites = {b["index"]: b for b in done.result["bullets"]}
    terraform = rewrites[0]["rewrite"] or ""
    assert "terraform (infrastructure as code)" in terraform.lower() and rewrites[0]["accepted"]
    assert written_in("Kubernetes", _document(done))  # EKS is Kubernetes: the JD's word is written
    assert done.result["score_breakdown"]["after"]["terms"] > done.result["score_breakdown"]["before"]["terms"]
    assert done.result["score_after"] > done.result["score_before"]


def test_nothing_is_written_without_evidence(done) -> None:
    document = _document(done)
    assert not written_in("Kafka", document)  # not shown, not implied: a question, never a claim
    assert not written_in("Certified Kubernetes Administrator", document)  # only planned: pending, not held
    assert any("Kafka" in q["requirement"] for q in done.result["confirm"])
    before = {c["skill"]: c["before"] for c in done.result["coverage"]}
    after = {c["skill"]: c["after"] for c in done.result["coverage"]}
    assert all(before[s] or not after[s] for s in before)  # coverage never rises without evidence


def test_the_degree_is_written_in_the_jds_words_beside_the_resumes(done) -> None:
    summary = done.result["summary"]
    assert summary and summary["accepted"]
    assert "Bachelor's degree" in summary["rewrite"] and "B.S. Computer Science" in summary["rewrite"]


def test_a_skills_line_keeps_its_parentheses_whole() -> None:
    assert _split("AWS (EC2, EKS, S3), some GCP") == (["AWS (EC2, EKS, S3)", "some GCP"], ", ")
    assert _split("Excel (pivot tables, XLOOKUP) · NetSuite")[0] == ["Excel (pivot tables, XLOOKUP)", "NetSuite"]
    grid = "Machine Learning          PyTorch\tTensorFlow"  # a competencies grid's row
    assert _split(grid) == (["Machine Learning", "PyTorch", "TensorFlow"], ", ")
    assert _split("Machine Learning, PyTorch")[0] == ["Machine Learning", "PyTorch"]
    columns = "Forklift        Loaded 40 trailers a shift with a sit-down forklift"  # two columns run together
    assert _split(columns)[0] == [columns]


def _run(resume: str, jd: str) -> tuple[ItemState, str]:
    ctx = build_context(load_settings(llm_provider="offline"))
    state = run_to_end(ItemState(resume_text=resume, jd_text=jd), ctx)
    result = state.result or {}
    standing = [b["rewrite"] if b["accepted"] and b["rewrite"] else b["original"] for b in result["bullets"]]
    return state, tailored_document(state.resume_clean or resume, state.bullets, standing, state.sections)


NURSE = """Maya Okafor
maya@example.com

Summary
Registered nurse on a medical-surgical unit.

Licenses
Registered Nurse, State of Ohio – License No. RN-00482213 (active)
BLS Provider, American Heart Association

Experience
Staff Nurse — Riverside Hospital | Mar 2020 – Present
• Care for 5-6 patients a shift on a 32-bed medical-surgical unit
• Precepted 9 new graduate RNs through a 12-week orientation

Education
B.S. Mechanical Engineering, Lake Michigan Polytechnic University, 2016
Bachelor of Science in Nursing (BSN), Ohio Valley University, 2019
"""

NURSE_JD = """Registered Nurse, Medical-Surgical

Requirements
- Active registered nurse license
- BLS certification
- Bachelor of Science in Nursing (BSN)
- High school diploma
- Bachelor's degree in Accounting
- Medical-surgical nursing experience
"""


def test_a_credential_named_without_the_jds_word_for_it_gets_the_jds_words() -> None:
    state, document = _run(NURSE, NURSE_JD)
    # 'Registered Nurse' on the licence line is not the 'registered nurse license' an ATS searches for
    assert written_in("registered nurse license", document)


def test_a_degree_is_named_only_as_held() -> None:
    state, document = _run(NURSE, NURSE_JD)
    assert not written_in("Accounting", document)  # the field of a degree the resume does not hold
    assert not written_in("High school diploma", document)  # a lower degree is not named beside a B.S.


def test_a_degree_is_written_with_its_field_when_the_resume_holds_that_field() -> None:
    resume = NURSE.replace("Bachelor of Science in Nursing (BSN), Ohio Valley University, 2019\n", "")
    jd = "Mechanical Design Engineer\n\nRequirements\n- Bachelor of Science in Mechanical Engineering (BSME)\n"
    jd += "- SolidWorks\n- Medical-surgical nursing experience\n"
    state, document = _run(resume, jd)
    assert written_in("Bachelor of Science in Mechanical Engineering", document)


def test_a_jd_name_in_parentheses_is_written_only_when_the_resume_holds_it() -> None:
    from core.jd_terms import closed
    from core.tailor_terms import _writable

    assert closed("Licensed Practical Nurse (LPN") == "Licensed Practical Nurse (LPN)"  # cut by the JD reader
    assert not _writable("English Learner Authorization (CLAD)", "ESOL Endorsement (Oregon), 2023")
    assert _writable("Licensed Practical Nurse (LPN)", "LPN, Ohio Board of Nursing")


PLANNER = """Lee Park
lee@example.com

Summary
Materials planner with 3 years in food manufacturing. Comfortable running MRP in SAP and explaining trade-offs to
plant managers in plain numbers.

Experience
Materials Planner — Prairie Foods | Jan 2022 – Present
• Run MRP in SAP ECC for 300 raw materials across two plants
• Build Excel models (XLOOKUP, pivot tables, what-if scenarios) for S&OP

Education
B.B.A. Supply Chain Management, Flint Hills State University, 2021

Certifications
APICS CPIM – Part 1 passed (2024); Part 2 scheduled
"""

PLANNER_JD = """Materials Planner

Requirements
- 3+ years of materials planning in food manufacturing
- MRP in SAP
- S&OP
- Bachelor's degree in Supply Chain, Business or a related field
- APICS CPIM or CSCP
"""


def test_the_candidates_summary_stands_with_the_jds_words_for_what_it_misses() -> None:
    from core.tailor_summary import with_terms
    from core.tailor_terms import TermToWrite

    degree = TermToWrite("Bachelor's degree", "Bachelor's Degree", "degree", True, None, "B.S.", "Bachelor's Degree")
    own = "Planner with 3 years of MRP in SAP"
    assert with_terms(own, [degree, degree]) == f"{own}. Holds a Bachelor's degree (B.S.)."
    assert with_terms(own, []) is None


def test_a_credential_partly_earned_or_the_other_side_of_an_or_is_never_written() -> None:
    state, document = _run(PLANNER, PLANNER_JD)
    assert not written_in("CSCP", document)
    assert "CPIM" not in (state.result["summary"] or {}).get("rewrite", "")


def test_a_term_written_in_another_form_is_not_written_again() -> None:
    from core.tailor_terms import _in_any_form

    assert _in_any_form("ITGC", "who test ITGCs", "who test ITGCs")
    assert _in_any_form("Bilingual English/Spanish", "Bilingual (English/Spanish)", "")
    assert not _in_any_form("warehouse management system", "Skills: Warehouse Management Systems", "")


DRIVER = """Luis Ortega
luis@example.com

Summary
Truck driver with 6 years on regional routes.

Experience
Driver — Plains Freight | Jan 2020 – Present
• Drive 2,400 miles a week on dry van regional routes
• Keep a DOT Medical Examiner's Certificate current; clean MVR for 6 years
• Log hours on the Motive ELD and plan fuel stops

Electrician — Sun Valley Electric | 2014 – 2019
• Journeyman Electrician Card #JE-20-4471 (issued 2016)
• Pulled wire and terminated panels and 400A switchgear in commercial office towers
"""

DRIVER_JD = """Regional Truck Driver

Requirements
- Class A CDL
- You'll need a current DOT medical card, a clean MVR (no more than 2 moving violations in 3 years)
- 2+ years of commercial electrical experience
- Experience with ELDs
"""


def test_a_held_credential_is_named_although_its_sentence_was_also_read_as_unmet_years() -> None:
    state, document = _run(DRIVER, DRIVER_JD)
    summary = state.result["summary"] if state.result else None
    assert summary and summary["accepted"]
    # the JD's sentence was read both as the credential (met) and as a years requirement (not met)
    assert "a DOT medical card (DOT Medical Examiner's Certificate)" in summary["rewrite"]
    assert not written_in("CDL", document)  # the credential the resume does not hold stays unwritten


def test_a_field_of_work_asked_as_years_goes_in_the_summary_never_beside_a_licence() -> None:
    state, document = _run(DRIVER, DRIVER_JD)
    bullets = state.result["bullets"] if state.result else []
    assert all("commercial electrical" not in (b["rewrite"] or "") for b in bullets)  # not 'Card (commercial …)'
    summary = state.result["summary"]["rewrite"] if state.result else ""
    assert "commercial electrical experience" in summary  # the JD's whole phrase (core.tailor_phrases)
    assert "years of experience in commercial" not in summary  # not '6 years … in' it


def test_jd_words_capitalised_by_their_line_are_written_in_lower_case_and_credentials_take_an_article() -> None:
    from core.tailor_summary import _with_article
    from core.tailor_terms import _sentence_case

    assert _sentence_case("Relational databases") == "relational databases"
    assert _sentence_case("QA Automation") == "QA Automation" and _sentence_case("Python") == "Python"
    assert _sentence_case("Microsoft Word") == "Microsoft Word"
    assert _with_article("bachelor's degree") == "a bachelor's degree"
    assert _with_article("MBA") == "an MBA" and _with_article("RN license") == "an RN license"
    assert _with_article("English Learner Authorization") == "an English Learner Authorization"


def test_a_credentials_name_gets_the_noun_its_jd_sentence_writes_after_it() -> None:
    from core.tailor_terms import _with_credential_noun

    sentence = "Active Michigan Registered Dental Hygienist license"
    terms = _with_credential_noun(("Registered Dental Hygienist",), sentence, "licence")
    assert terms[0] == "Registered Dental Hygienist license"
    assert _with_credential_noun(("Registered Dental Hygienist",), sentence, "skill") == (
        "Registered Dental Hygienist",
    )
    assert _with_credential_noun(("BLS certification",), "BLS certification", "certification") == (
        "BLS certification",
    )  # never 'BLS certification certification'
    resume = """Jo Park
jo@example.com

Summary
Dental hygienist with 5 years in general practice.

Licenses
Registered Dental Hygienist, State of Michigan (active)

Experience
Dental Hygienist — Lakeside Dental | Mar 2020 – Present
• Provide prophylaxis and scaling and root planing for 8-10 patients a day
• Take and review digital radiographs with Dexis sensors
"""
    jd = "Dental Hygienist\n\nRequirements\n- Active Michigan Registered Dental Hygienist license\n"
    jd += "- Scaling and root planing\n- Digital radiographs\n"
    state, document = _run(resume, jd)
    # the JD reader names the group 'Registered Dental Hygienist', which the resume writes; an ATS searches the
    # licence's whole name
    assert written_in("Registered Dental Hygienist license", document)


MECHANIC = """Sam Lee
sam@example.com

Summary
Avionics and airframe mechanic with 6 years on business jets and helicopters.

Experience
Mechanic — Ridgeline Aviation | Apr 2019 – Present
• Troubleshoot wiring and hydraulic faults on Citation and King Air fleets
• Sign off annual inspections and return-to-service paperwork

Certificates
FAA Airframe & Powerplant (A&P) Mechanic Certificate
Nevada Commercial Drone Operator Permit
"""

MECHANIC_JD = """Aircraft Mechanic

Requirements
- FAA A&P mechanic certificate
- 3+ years of aircraft maintenance
- Business jet systems
- Hydraulic troubleshooting
"""


def test_a_requirement_met_by_its_words_is_named_only_in_words_its_evidence_holds() -> None:
    from core.tailor_terms import _sentence_case

    state, document = _run(MECHANIC, MECHANIC_JD)
    # read as met by a line holding the JD's words: every word of the name is on the certificate's line
    summary = state.result["summary"] if state.result else None
    assert summary and summary["accepted"] and "Holds an FAA A&P mechanic certificate." in summary["rewrite"]
    assert not written_in("Business jet systems", document)  # 'business jets' says nothing of their systems
    assert _sentence_case("Arizona adjuster license", "- Active Arizona adjuster license") == "Arizona adjuster license"
    assert _sentence_case("Relational databases", "- Relational databases (PostgreSQL)") == "relational databases"


def test_a_degree_held_is_named_although_the_other_side_of_its_or_is_written() -> None:
    from core.tailor_terms import _already_written

    terms = ("bachelor's degree", "Paralegal certificate")
    resume = "Paralegal Certificate (ABA-approved), 2020\nB.A. Political Science, 2018\n"
    assert not _already_written(terms, resume, "degree")  # the certificate is written, the degree is not
    assert _already_written(terms, resume + "Bachelor's degree in Political Science\n", "degree")
    assert _already_written(("High school diploma", "GED"), "GED, 2015\n", "degree")  # no degree among its names


def test_every_requirement_group_gets_its_words_or_why_not(done: ItemState) -> None:
    from core.coverage import requirements_of
    from core.tailor import original_coverage
    from core.tailor_terms import TermToWrite, plan_terms, terms_to_write

    ctx = build_context(load_settings(llm_provider="offline"))
    assert done.signals is not None
    entries = original_coverage(done.resume_clean or RESUME, done.bullets, done.signals, ctx.matcher)
    plan = plan_terms(
        entries, done.signals, done.resume_clean or RESUME, done.brief.keep if done.brief else {}, ctx.matcher
    )
    assert len(plan) == len(requirements_of(done.signals))  # every group: words to write, or a reason
    planned = [p for p in plan.values() if isinstance(p, TermToWrite)]
    assert planned == terms_to_write(
        entries, done.signals, done.resume_clean or RESUME, done.brief.keep if done.brief else {}, ctx.matcher
    )
    reasons = [p for p in plan.values() if isinstance(p, str)]
    assert "not met" in reasons  # Kafka, the CKA


def test_a_jd_naming_the_kinds_it_means_is_not_met_by_another_kind_in_its_words() -> None:
    ctx = build_context(load_settings(llm_provider="offline"))
    resume = RESUME.replace("Terraform modules with policy checks", "Ansible playbooks with policy checks")
    closed = "Platform Engineer\n\nRequirements\n- Infrastructure as code with Terraform, Bicep or Pulumi\n"
    opened = "Platform Engineer\n\nRequirements\n- Infrastructure as code, such as Terraform or Pulumi\n"
    texts = {}
    for name, jd in (("closed", closed), ("opened", opened)):
        state = run_to_end(ItemState(resume_text=resume, jd_text=jd), ctx)
        texts[name] = _document(state)
    assert "infrastructure as code" not in texts["closed"].lower()  # the JD means Terraform, Bicep or Pulumi
    assert "infrastructure as code" in texts["opened"].lower()  # an open list: Ansible is named


def test_a_word_the_jd_reader_cut_in_half_is_completed_from_its_sentence() -> None:
    sentence = "You should have a paralegal certificate from an ABA-approved program or a bachelor's degree in law"
    cut = sentence[:90]  # the JD reader's wording stops inside 'degree'
    degree = Requirement(skill="Bachelor's Degree", jd_name=cut, kind="degree", sentence=sentence)
    terms = search_terms(degree, JDSignals())
    assert "bachelor's degree" in [t.lower() for t in terms]
    assert not any(t.lower().endswith("degre") for t in terms)


def test_a_unit_test_tool_is_never_written_as_end_to_end_testing() -> None:
    ctx = build_context(load_settings(llm_provider="offline"))
    resume = (
        "Sam Lee\n\nExperience\nFrontend Engineer — Acme | Jan 2020 – Present\n"
        "• Built 40 React components with unit tests in Jest\n• Cut page load time 30% with code splitting\n"
    )
    jd = "Frontend Engineer\n\nRequirements\n- React\n- End-to-end testing\n"
    document = _document(run_to_end(ItemState(resume_text=resume, jd_text=jd), ctx))
    assert "end-to-end testing" not in document.lower()  # Jest is test automation, not end-to-end testing
    with_e2e = resume + "• Added Playwright suites for checkout\n"
    document = _document(run_to_end(ItemState(resume_text=with_e2e, jd_text=jd), ctx))
    assert "Jest (end-to-end testing)" not in document and "(Jest)" not in document


LINUX_RESUME = """Sam Lee
sam@example.com

Experience
Systems Administrator — Acme Hosting | Mar 2019 – Present
• Administer 140 Rocky Linux servers with Ansible and patch them monthly
• Migrate legacy hosts to Rocky Linux 9 with zero downtime
"""


def test_one_member_of_an_a_b_or_c_group_is_never_named_beside_another() -> None:
    ctx = build_context(load_settings(llm_provider="offline"))
    jd = "Linux Admin\n\nRequirements\n- 4+ years administering Linux servers (RHEL, Rocky, CentOS or similar)\n"
    document = _document(run_to_end(ItemState(resume_text=LINUX_RESUME, jd_text=jd), ctx))
    assert "CentOS" not in document and "RHEL" not in document  # the JD's members the resume never shows
    assert "Rocky Linux servers" in document
    alias = "Linux Administrator\n\nRequirements\n- CentOS administration\n"  # the taxonomy files CentOS under Linux
    document = _document(run_to_end(ItemState(resume_text=LINUX_RESUME, jd_text=alias), ctx))
    assert "CentOS" not in document


def test_a_years_group_is_named_by_a_member_only_on_its_evidence() -> None:
    entry = CoverageEntry(
        skill="4+ years administering Linux servers (RHEL, Rocky, CentOS or similar",
        required=True,
        before=True,
        after=True,
        kind="experience_years",
        alternatives=["Linux"],
        how="years 6 vs 4",
        evidence=[CoverageEvidence(bullet=0, quote="Linux", via="Linux")],
    )
    matcher = build_context(load_settings(llm_provider="offline")).matcher
    resume = LINUX_RESUME
    assert _naming("CentOS", entry.evidence, entry, False, resume, matcher) == []
    assert _naming("Linux servers", entry.evidence, entry, False, resume, matcher) == entry.evidence


def test_a_skill_named_with_a_word_of_its_own_is_not_written_by_the_shorter_word() -> None:
    resume = (
        "Ana Diaz\n\nExperience\nHR Coordinator — Acme | Jan 2021 – Present\n"
        "• Pull headcount reports in Excel (pivot tables, VLOOKUP) for 3 sites\n• Run open enrollment for 260 staff\n"
    )
    jd = "HR Coordinator\n\nRequirements\n- Advanced Excel\n- Open enrollment\n"
    _, document = _run(resume, jd)
    assert written_in("Advanced Excel", document)  # 'Excel' on the resume is no 'Advanced Excel'
    _, plain = _run(resume, jd.replace("Advanced Excel", "Excel"))
    assert not written_in("Advanced Excel", plain)


def test_a_piece_cut_from_a_sentence_is_no_term_and_a_cut_quote_is_completed() -> None:
    from core.tailor_terms import _completed, _writable

    resume = "TAMSIN LEE, RVT\nMaster of Occupational Therapy, Columbia Plateau University, 2019\n"
    assert not _writable("RVT — in", resume)  # 'CVT, LVT or RVT — in Colorado …' cut by the JD reader
    assert not _writable("credentialed veterinary technician in", resume)
    assert _writable("RVT", resume)
    line = "Master of Occupational Therapy, Columbia Plateau University, 2019"
    assert _completed("Master of O", line) == "Master of Occupational Therapy"
    assert _completed("Master of Occupational Therapy", line) == "Master of Occupational Therapy"


def test_a_credential_the_jd_offers_in_two_forms_is_named_as_the_one_held() -> None:
    resume = (
        "Luis Ortega\n\nLicenses\n– Journeyman Electrician Card #JE-20-4471 (issued 2020)\n\n"
        "Experience\nElectrician — Sun Valley Electric | 2014 – Present\n"
        "• Pull wire and terminate panels and 400A switchgear in commercial office towers\n"
    )
    jd = "Journeyman Electrician\n\nRequirements\n- Journeyman electrician license or card (Arizona or reciprocal)\n"
    _, document = _run(resume, jd)
    assert not written_in("journeyman electrician license", document)  # the card is held, not a licence
    _, licence = _run(resume.replace("Card", "License"), jd)
    assert written_in("Journeyman Electrician License", licence)


def test_a_skill_named_as_other_peoples_work_gets_no_jd_name() -> None:
    resume = (
        "Ana Diaz\n\nExperience\nSEO Specialist — Acme | Jan 2021 – Present\n"
        "• Worked with React developers to move guide pages to server-side rendering\n"
        "• Run quarterly technical audits with Screaming Frog\n"
    )
    jd = "SEO Specialist\n\nRequirements\n- JavaScript\n- Technical SEO audits\n"
    _, document = _run(resume, jd)
    assert not written_in("JavaScript", document)  # the developers' React, not hers
    _, own = _run(resume.replace("Worked with React developers to move", "Built React components to move"), jd)
    assert written_in("JavaScript", own)  # her own React work is named


CERTIFIED = """Priya Lindqvist
priya@example.com

Experience
HR Generalist — Bellmont Foods | Mar 2019 – Present
• Run onboarding for 30 new hires a quarter and keep personnel files audit-ready
• Resolve employee relations cases and advise managers on leave policy

Certifications
SHRM-CP, Society for Human Resource Management, 2022
"""


def test_a_credential_the_jd_names_by_another_bodys_name_is_not_written_beside_the_one_held() -> None:
    # the taxonomy files 'HRCI certification' under the concept a SHRM-CP meets: one body's credential is not
    # the other's
    state, document = _run(CERTIFIED, "HR Generalist\n\nRequirements\n- HRCI certification\n- Employee relations\n")
    assert not written_in("HRCI", document)
    assert written_in("SHRM-CP", document)


def test_a_credentials_evidence_is_its_own_line_not_a_name_holding_its_letters() -> None:
    resume = (
        "TOMASZ ASEVEDO-KRUK\ntomasz@example.com\n\nExperience\nLead Technician — Ridgeline Auto | 2018 – Present\n"
    )
    resume += "• Diagnose drivability faults on 15 vehicles a week\n\n"
    resume += "Certifications\nASE Master Automobile Technician, 2021\n"
    state, document = _run(resume, "Automotive Technician\n\nRequirements\n- ASE certification\n- Diagnostics\n")
    summary = next(s.rewrite for s in state.sections if s.kind == "summary")
    assert "ASE certification" in summary and "ASEVEDO" not in summary  # the name line is not quoted as evidence
