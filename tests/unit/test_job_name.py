"""Job names: the JD's title, the uploaded file, or a short list of titles."""

from __future__ import annotations

from core.job_name import MAX_NAME, job_name, title_of

NURSE = "Registered Nurse – Medical-Surgical Unit (Nights)\nCedar Hollow Medical Center\n\nWhat you'll do..."
COOK = "Line Cook\nOlive & Ember · Asheville, NC\n\nWe are hiring."
PROSE = "We are a growing company and we would love to meet people who care about customers.\n"


def test_one_jd_is_named_by_its_title() -> None:
    assert job_name([NURSE, NURSE]) == "Registered Nurse"
    assert title_of(COOK) == "Line Cook"


def test_a_file_keeps_its_name_and_adds_a_shared_title() -> None:
    assert job_name([COOK, COOK], "march.csv") == "march.csv · Line Cook"
    assert job_name([COOK, NURSE], "march.csv") == "march.csv"


def test_several_jds_without_a_file_and_jds_without_a_title() -> None:
    assert job_name([NURSE, COOK]) == "Registered Nurse, Line Cook"
    assert job_name([NURSE, COOK, PROSE, PROSE + "x"]) == "Registered Nurse, Line Cook and 2 more"
    assert job_name([PROSE]) == "Untitled job"
    assert len(job_name([COOK], "x" * 500)) == MAX_NAME
