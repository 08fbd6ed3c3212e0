"""Role structure: which dated job holds each bullet, and whether it is current; bullets left as they are."""

from __future__ import annotations

from core import ingest
from core.rewritable import reason_to_keep
from core.roles import bullet_tenses, find_roles, is_role_line
from core.types import Bullet

RESUME = """Dana Ortiz
dana@example.com

Summary
Warehouse lead with 7 years in distribution.

Experience
Warehouse Lead — Northgate Foods | Mar 2021 – Present
• Run weekly cycle counts across 3 zones
• Trained 12 new pickers on RF scanners

Forklift Operator, Bay Freight (2016 – 2021)
• Load trailers and stage outbound orders
Picker
March 2014 to May 2016
• Picked 180 lines an hour

Education
High School Diploma, 2014
"""


def test_each_bullet_gets_its_jobs_tense():
    text = ingest.normalise(RESUME)
    bullets = ingest.split_bullets(text)
    assert [r.current for r in find_roles(text)] == [True, False, False]
    assert bullet_tenses(text, bullets) == ["present", "present", "past", "past"]


def test_a_role_line_split_as_a_bullet_is_recognised():
    assert is_role_line("Rehab Aide (part-time), Desert Bloom Physical Therapy, Tucson AZ (2019 – 2021)")
    assert is_role_line("Marketing Operations Analyst · Lakeshore Pet Supply · 2023-09 to present")
    assert not is_role_line("Launched the loyalty program in 2023 and grew members by 20%")


def _bullet(text: str) -> Bullet:
    return Bullet(index=0, text=text, section="Experience", span=(0, len(text)))


def test_bad_input_is_kept_with_a_reason():
    assert "too short" in reason_to_keep(_bullet("Excel"), "Excel")
    assert "not in English" in reason_to_keep(_bullet("Gestioné un equipo de 5 enfermeras y reduje los tiempos"), "")
    assert "not in English" in reason_to_keep(_bullet("Verantwortlich für die Planung der Schichten im Lager"), "")
    two_columns = "Python, SQL, Tableau        Built the weekly sales dashboard for 4 regions"
    assert "two columns" in reason_to_keep(_bullet(two_columns), two_columns)
    assert "job heading" in reason_to_keep(_bullet("Line Cook, Harbor Grill (2018 – 2020)"), "")
    fine = "Configured SAP S/4HANA MM and WM modules for Manhattan SCALE WMS"
    assert reason_to_keep(_bullet(fine), fine) is None
