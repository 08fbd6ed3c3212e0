"""Reading a JD by sentence: roles, requirement groups, preference per clause, years, degrees, bad input."""

from __future__ import annotations

import pytest

from core.jd_roles import read_units
from core.signals import SignalExtractor
from core.skills import load_matcher
from core.types import JDSignals, Requirement


@pytest.fixture(scope="module")
def extractor() -> SignalExtractor:
    return SignalExtractor(load_matcher())


def reqs(signals: JDSignals) -> dict[str, Requirement]:
    return {r.skill: r for r in signals.requirements}


def test_roles_from_headings_and_from_the_sentence_itself() -> None:
    jd = (
        "Data Analyst\n\nAbout us\nAcme builds payroll software in Python.\n\nWhat you'll do\n- Work with compliance "
        "teams on reporting\n\nMust have\n- SQL\n\nWhat we offer\nA 401(k) match and free lunch.\n\n"
        "Acme is an equal opportunity employer."
    )
    roles = {u.text: u.role for u in read_units(jd)}
    assert roles["Acme builds payroll software in Python."] == "company"
    assert roles["Work with compliance teams on reporting"] == "responsibility"
    assert roles["SQL"] == "requirement"
    assert roles["A 401(k) match and free lunch."] == "benefit"
    assert roles["Acme is an equal opportunity employer."] == "legal"
    # a JD without headings: the sentence's own words decide
    prose = "You must have two years of forklift experience. We offer weekly pay. Bilingual Spanish is a plus."
    assert [u.role for u in read_units(prose)] == ["requirement", "benefit", "requirement"]
    # a longer line ending in ":" is a heading too: its cue sets the role of the lines under it
    plus = "You will need:\n* Active Wisconsin pharmacist license\n\nIt would be a plus if you have:\n* BCOP\n"
    assert {u.text: u.role for u in read_units(plus)} == {
        "Active Wisconsin pharmacist license": "requirement",
        "BCOP": "preferred",
    }


def test_company_benefit_and_legal_text_give_no_requirements(extractor: SignalExtractor) -> None:
    jd = (
        "Requirements\n- 3+ years of accounting experience\n- GAAP\n\nPerks\nWe use Slack and NetSuite for "
        "everything, and our team loves Figma.\n\nWe are an equal opportunity employer; E-Verify participant."
    )
    got = extractor.extract(jd)
    names = {r.skill for r in got.requirements} | {a for r in got.requirements for a in r.alternatives}
    assert "GAAP" in names and not {"Slack", "NetSuite", "Figma"} & names
    assert all("slack" not in k.term and "verify" not in k.term for k in got.keywords)


def test_preference_applies_to_its_clause(extractor: SignalExtractor) -> None:
    got = reqs(extractor.extract("Requirements:\n- Strong Python; Kotlin is a plus\n- OSHA 10 (OSHA 30 preferred)\n"))
    assert got["Python"].required and not got["Kotlin"].required
    assert got["OSHA 10"].required and not got["OSHA 30"].required


@pytest.mark.parametrize(
    ("line", "skill", "members"),
    [
        ("- Experience with TensorFlow or PyTorch", "TensorFlow", {"TensorFlow", "PyTorch"}),
        ("- Production experience on AWS, GCP or Azure", "AWS", {"AWS", "Google Cloud Platform", "Azure"}),
        ("- Tableau, Power BI or similar", "Tableau", {"Tableau", "Power BI"}),
        ("- Experience with a CI/CD system (GitHub Actions, Jenkins or similar)", "CI/CD", {"GitHub Actions"}),
        ("- Experience with an ERP such as SAP or NetSuite", "ERP", {"SAP", "NetSuite"}),
        # an example the graph does not know ("Palo Alto") first in the parenthesis
        ("- Firewall administration (Palo Alto, Fortinet or similar)", "Firewall", {"Firewall", "Fortinet FortiGate"}),
        ("- DIBELS or a similar universal screener", "DIBELS", {"DIBELS", "Universal Screener"}),
    ],
)
def test_alternatives_form_one_group(extractor: SignalExtractor, line: str, skill: str, members: set[str]) -> None:
    got = extractor.extract("Requirements\n" + line + "\n")
    assert len(got.requirements) == 1, [r.skill for r in got.requirements]
    group = got.requirements[0]
    assert group.skill == skill and members <= set(group.alternatives)


def test_and_lists_are_separate_requirements(extractor: SignalExtractor) -> None:
    got = reqs(extractor.extract("Requirements\n- Strong SQL and Python\n- Prometheus and Grafana\n"))
    assert {"SQL", "Python", "Prometheus", "Grafana"} <= set(got)


def test_a_degree_of_one_level_or_another_accepts_the_lower(extractor: SignalExtractor) -> None:
    got = extractor.extract("Requirements\n- Associate or bachelor's degree in human resources or business\n")
    degree = got.requirements[0]
    assert degree.kind == "degree" and degree.skill == "Associate Degree"
    assert {"Associate Degree", "Bachelor's Degree"} <= set(degree.alternatives)


def test_years_degrees_licences_and_conditions_are_read_as_such(extractor: SignalExtractor) -> None:
    jd = (
        "Requirements\n- Current Ohio RN license\n- Bachelor's degree in Accounting or Finance\n"
        "- Minimum 2 years of acute care experience\n- Ability to lift 50 lbs\n- CDL Class A\n"
    )
    got = extractor.extract(jd).requirements
    kinds = {r.kind for r in got}
    assert {"licence", "degree", "experience_years", "condition"} <= kinds
    rn = next(r for r in got if r.skill == "Registered Nurse")
    assert rn.kind == "licence" and rn.states == ["Ohio"]
    years = next(r for r in got if r.kind == "experience_years")
    assert years.years == 2.0 and "Acute Care" in years.alternatives
    degree = next(r for r in got if r.kind == "degree")
    assert degree.skill == "Bachelor's Degree" and {"accounting", "finance"} <= set(degree.terms)
    attic = extractor.extract("Must have\n- 3+ years of HVAC service\n- Comfortable working in attics in summer heat\n")
    assert [r.kind for r in attic.requirements if "attics" in r.jd_name] == ["condition"]  # where the work is done


@pytest.mark.parametrize(
    "jd",
    [
        "Engineer",
        "python kubernetes aws terraform docker",
        "Python, Kubernetes, AWS, Terraform",
        "Wir suchen eine Pflegefachkraft mit abgeschlossener Ausbildung und Erfahrung in der Intensivpflege, "
        "die gerne im Team arbeitet und flexible Arbeitszeiten schätzt.",
        "",
        "Requirements\n" + "- Python and SQL\n" * 2000,
    ],
)
def test_bad_jds_give_a_readable_low_confidence_reading(extractor: SignalExtractor, jd: str) -> None:
    got = extractor.extract(jd)
    if len(jd) < 1000:
        assert got.confidence <= 0.3 and got.notes, "a thin or foreign JD says why it is unsure"
    else:
        assert {r.skill for r in got.requirements} == {"Python", "SQL"}, "repeated lines are read once"


def test_a_sentence_about_the_company_asks_nothing_even_with_years_or_degrees() -> None:
    jd = (
        "Acme Freight hauls fuel across Texas. We're a 140-truck cooperative, and our average driver has been with "
        "us for 9 years. Family-owned since 1994, Acme keeps homes cool through 100-degree summers. "
        "We're looking for a driver with at least 2 years of Class A driving experience."
    )
    roles = [u.role for u in read_units(jd)]
    assert roles[1:3] == ["company", "company"] and roles[3] == "requirement"


def test_the_sides_of_a_years_clause_are_not_asked_again(extractor: SignalExtractor) -> None:
    both = extractor.extract("Requirements:\n- 5+ years with Python and SQL\n")
    assert [r.kind for r in both.requirements].count("experience_years") == 1 and len(both.requirements) == 3
    either = extractor.extract("Must have:\n- 3+ years in SRE, DevOps or Linux systems administration\n")
    assert [r.kind for r in either.requirements] == ["experience_years"], [r.jd_name for r in either.requirements]


def test_a_paragraph_after_a_headings_list_is_read_on_its_own() -> None:
    jd = (
        "Desired\n- Bilingual English/Spanish\n\n"
        "Salary placement on the certificated salary schedule (Class V). This job description is not all-inclusive.\n"
        "Why us? Flexible Fridays, an employee stock purchase plan. Hybrid in Denver, two days a week.\n"
        "Our directors teach chair yoga on Fridays, and you're welcome to join by video.\n"
        "We celebrate diversity and are committed to creating an inclusive environment.\n"
    )
    roles = {u.text: u.role for u in read_units(jd)}
    assert roles["Bilingual English/Spanish"] == "preferred"
    asking = [text for text, role in roles.items() if role in ("requirement", "preferred")]
    assert asking == ["Bilingual English/Spanish"], asking


def test_sentence_roles_read_the_sentence_not_a_word_in_it() -> None:
    jd = (
        "Working knowledge of FMLA, ADA, FLSA and EEO regulations.\n"
        "We offer a hybrid schedule, paid certifications and a volunteer day.\n"
        "You know how to write a clear bug report, and you enjoy pairing with developers.\n"
        "You'll write release notes every week.\n"
        "Candidates must pass a background check.\n"
        "Drug screen and background check required.\n"
        "Must pass a BCI/FBI background check\n"
        "Acme is an equal opportunity employer."
    )
    assert [u.role for u in read_units(jd)] == [
        "requirement",  # EEO law as a subject to know, not the employer's EEO statement
        "benefit",  # an offer's "certifications" ask nothing
        "requirement",  # the person sought, in the present tense
        "responsibility",
        "legal",  # a hiring step said of the applicants, or standing alone: no qualification
        "legal",
        "requirement",  # a bullet asking the candidate to pass one stays an ask
        "legal",
    ]
    duties = "What you'll do\n- Gather requirements from agency leaders and turn them into report designs\n"
    assert [u.role for u in read_units(duties)] == ["responsibility"]


def test_an_unnamed_side_of_a_list_of_extras_is_its_own_requirement(extractor: SignalExtractor) -> None:
    jd = (
        "Requirements:\n- Strong SQL and experience with dbt\n- Cartography and spatial analysis\n\n"
        "Nice to have:\n- A/B testing and holdout experiment design\n- Reefer experience and Spanish are both a plus\n"
        "- Automotive experience\n- Relevant experience\n"
    )
    got = reqs(extractor.extract(jd))
    side = got["holdout experiment design"]
    assert not side.required and side.terms == ["holdout", "experiment", "design"]
    assert "Reefer experience" in got and "Automotive experience" in got
    assert not {"Relevant experience", "spatial analysis", "experience with dbt"} & set(got)


def test_a_heads_parenthesis_holds_its_examples_and_a_years_side_is_named_by_itself(
    extractor: SignalExtractor,
) -> None:
    got = reqs(
        extractor.extract("Requirements:\n- Microsoft 365 (Outlook, Word, PowerPoint, Excel) or Google Workspace\n")
    )
    assert set(got) == {"Microsoft Office"}
    assert {"Excel", "PowerPoint", "Google Workspace"} <= set(got["Microsoft Office"].alternatives)
    cdl = extractor.extract(
        "Requirements:\n- Drivers must hold a valid Class A commercial driver's license and have at least 12 months "
        "of verifiable OTR tractor-trailer experience.\n"
    )
    years = [r for r in cdl.requirements if r.kind == "experience_years"]
    assert [r.jd_name for r in years] == ["12 months of verifiable OTR tractor-trailer experience"]


def test_essential_asks_and_nice_extras_prefer(extractor: SignalExtractor) -> None:
    jd = (
        "You will work with an RTOS (FreeRTOS or Zephyr), so hands-on debugging with JTAG is essential. "
        "Bluetooth Low Energy and Python for test automation are nice extras. Our cloud team works in Go."
    )
    got = reqs(extractor.extract(jd))
    assert got["RTOS"].required and got["JTAG"].required
    assert not got["Python"].required and "Go" not in got


def test_graph_knows_the_tools_of_other_trades() -> None:
    matcher = load_matcher()
    found = {m.skill for m in matcher.find("load boards like DAT or Truckstop, a TMS, GA4, FME and Delphi FDC")}
    assert {"Load Boards", "DAT", "Truckstop", "Transportation Management System", "Google Analytics", "FME"} <= found
    assert matcher.graph.satisfies("Truckstop", "Load Boards") and not matcher.graph.satisfies("Load Boards", "DAT")
    assert not {m.skill for m in matcher.find("the data was stored in a dat file at the truck stop")}


def test_what_a_sentence_says_besides_its_ask(extractor: SignalExtractor) -> None:
    duties = "What you'll do\n- Hit a monthly quota of qualified meetings\n"
    assert [u.role for u in read_units(duties)] == ["responsibility"]  # "qualified meetings" asks nothing
    hiring = "We are looking for a special education teacher to run our resource room in reading, writing and math."
    assert [u.role for u in read_units(hiring)] == ["responsibility"]
    got = reqs(extractor.extract("We run on McLeod PowerBroker, but experience in any TMS is fine. Kotlin is a plus."))
    assert set(got) == {"Transportation Management System", "Kotlin"}
    got = reqs(extractor.extract("Graphic Designer\n\nRequirements:\n- Delphi FDC sales and catering system\n"))
    assert set(got) == {"Delphi FDC"}  # not the title's "Designer", nor the kind of system Delphi FDC is


def test_what_we_require_is_a_heading_and_strong_asks() -> None:
    jd = "What you'll do:\n- Write production SQL.\n\nWhat we require:\n- Strong Python.\n- Strong SQL.\n"
    assert [(u.text, u.role) for u in read_units(jd)] == [
        ("Write production SQL.", "responsibility"),
        ("Strong Python.", "requirement"),
        ("Strong SQL.", "requirement"),
    ]
    assert [u.role for u in read_units("What you'll do:\n- Analyze data.\n- Strong SQL.\n")] == [
        "responsibility",
        "requirement",
    ]


def test_a_certification_in_a_known_field_is_a_certification(extractor: SignalExtractor) -> None:
    jd = (
        "Requirements:\n- APCO Public Safety Telecommunicator (PST) and Emergency Medical Dispatch (EMD) "
        "certification, or the ability to obtain both within 6 months of hire\n\nVeterans' preference applies."
    )
    got = extractor.extract(jd).requirements
    assert [(r.kind, r.jd_name.split(" (")[0]) for r in got] == [
        ("certification", "APCO Public Safety Telecommunicator")
    ]


def test_a_measured_ask_is_one_requirement_with_its_qualifier(extractor: SignalExtractor) -> None:
    got = reqs(extractor.extract("Requirements:\n- Typing speed of 45+ words per minute with accurate spelling\n"))
    assert list(got) == ["Typing speed of 45+ words per minute with accurate spelling"]
    assert {"Excel"} <= set(reqs(extractor.extract("Requirements:\n- Excel and typing at 40 words per minute\n")))
