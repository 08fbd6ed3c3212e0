"""A JD's name is written beside evidence only when the evidence really is a kind of what the name says."""

from __future__ import annotations

from core.tailor_naming import names_evidence, names_field, qualifier


def test_a_unit_test_tool_is_not_named_end_to_end_testing() -> None:
    concept = ["Test Automation"]
    assert not names_evidence("end-to-end testing", concept, "Jest", "Jest", "Wrote unit tests in Jest")
    assert names_evidence("end-to-end testing", concept, "Playwright", "Playwright", "Added Playwright suites")
    assert names_evidence("test automation", concept, "Jest", "Jest", "Wrote unit tests in Jest")


def test_two_names_filed_under_one_concept_are_not_equated() -> None:
    concept = ["Special Education"]
    assert not names_evidence("504 plans", concept, "Special Education", "IEP", "Write IEP goals with teachers")
    assert names_evidence("504 plans", concept, "Special Education", "IEP", "Coordinate IEP and 504 plans")
    assert not names_evidence("wood-fire cooking", ["Grill"], "Grill", "grill", "Run the grill station")
    assert not names_evidence("IV certification", ["IV Therapy"], "IV Therapy", "peripheral IVs", "Start IVs")


def test_a_qualified_name_needs_its_qualifier_on_the_line_or_a_known_kind() -> None:
    assert names_evidence("3D CAD", ["CAD"], "SolidWorks", "SolidWorks", "Design housings in SolidWorks")
    assert names_evidence("cloud ERP", ["ERP"], "NetSuite", "NetSuite", "Own the close in NetSuite")
    assert not names_evidence("cloud ERP", ["ERP"], "SAP ECC", "SAP ECC", "Posted journals in SAP ECC")
    assert names_evidence("relational databases", ["Databases"], "SQLite", "SQLite", "Stored results in SQLite")
    line = "Designed hydraulic systems for 40-ton presses"
    assert names_evidence("hydraulic system design", ["Hydraulics"], "Hydraulics", "hydraulic systems", line)


def test_what_a_jd_adds_without_narrowing_is_no_qualifier() -> None:
    assert qualifier("payroll system", ["Payroll Software", "Paychex"]) == []
    assert qualifier("EHR", ["Electronic Health Records", "Epic"]) == []
    assert qualifier("read blueprints", ["Blueprint Reading"]) == []
    assert qualifier("cloud ERP", ["ERP", "NetSuite"]) == ["cloud"]


def test_a_field_of_work_names_a_member_only_on_evidence_of_it() -> None:
    def is_name(word: str) -> bool:
        return word.lower() in {"centos", "ios", "rocky", "linux"}

    work = "Administer 140 Rocky Linux servers\nRun crews on commercial TI and new construction"
    rocky = ("Linux", "Linux", "Administer 140 Rocky Linux servers")
    assert not names_field("CentOS", ["Linux"], rocky, work, is_name)  # one member of 'RHEL, Rocky, CentOS'
    assert names_field("Linux servers", ["Linux"], rocky, work, is_name)
    switchgear = ("Electrical Work", "switchgear", "Terminate panels and 400A switchgear")
    assert names_field("commercial electrical", ["Electrical Work"], switchgear, work, is_name)  # a plain word
    assert not names_field("residential electrical", ["Electrical Work"], switchgear, work, is_name)
    android = ("Mobile Development", "Android", "Ship Android features in Kotlin")
    assert not names_field("iOS development", ["Mobile Development"], android, work, is_name)


def test_an_abbreviation_is_not_named_by_another_filed_under_the_same_concept() -> None:
    from core.tailor_naming import other_abbreviation

    line = "Exported nightly reports as YAML files"
    assert not names_evidence("JSON", {"JSON"}, "JSON", "YAML", line)  # two formats, one taxonomy entry
    assert other_abbreviation("TOML", "YAML")
    assert not other_abbreviation("HTML", "HTML5")  # a version spells its name
    assert not other_abbreviation("ERP", "SAP ERP")  # not an abbreviation of its own
    assert names_evidence("infrastructure as code", {"Infrastructure as Code"}, "Infrastructure as Code", "IaC", line)
