"""How sure a missing gate is (core.gate_doubt), what each costs in the score, and the text similarity part."""

from __future__ import annotations

import dataclasses

from core import ats_score as ats
from core.coverage import Judged
from core.gate_doubt import degree_level, gate_miss
from core.text_similarity import evidence_text, stem, text_similarity
from core.types import Requirement

RESUME = """Sam Lee

Experience
Warehouse Associate, Acme Distribution — 2016 to 2023
- Picked and packed 200 orders a shift in a distribution center
- Drove a sit-down forklift on the dock
Cashier, Corner Market — 2014 to 2016
- Ran the register

Education
Associate of Applied Science, Logistics, Valley College, 2015

Skills: OSHA 10, inventory counts
"""


def judged(req: Requirement, how: str = "missing") -> Judged:
    return Judged(req, False, False, False, False, [], how)


def years(jd_name: str, n: float, how: str = "years 0 vs 3") -> Judged:
    return judged(Requirement(skill=jd_name, jd_name=jd_name, kind="experience_years", years=n), how)


def test_years_the_dated_roles_cannot_reach_are_a_sure_miss():
    miss = gate_miss(years("15+ years of warehouse experience", 15), RESUME, years_close=0.75)
    assert miss.sure and miss.reason == "the dated roles add up to 9.16 of the 15 years asked"


def test_years_of_work_no_role_names_are_a_sure_miss():
    miss = gate_miss(years("3+ years of commercial underwriting experience", 3), RESUME, years_close=0.75)
    assert miss.sure and "no dated role" in miss.reason


def test_years_a_role_names_but_coverage_did_not_count_are_unsure():
    miss = gate_miss(years("3+ years of warehouse or distribution experience", 3), RESUME, years_close=0.75)
    assert not miss.sure and miss.reason.startswith("9.16 years in dated roles")


def test_degrees_sure_when_none_or_lower_unsure_when_the_level_is_held():
    bachelor = judged(Requirement(skill="Bachelor's Degree", jd_name="Bachelor's degree in Logistics", kind="degree"))
    associate = judged(Requirement(skill="Associate Degree", jd_name="Associate degree in supply chain", kind="degree"))
    assert gate_miss(bachelor, RESUME, years_close=0.75).sure  # an associate degree is held, a bachelor's asked
    assert not gate_miss(associate, RESUME, years_close=0.75).sure  # the level is held; its field was misread
    none = gate_miss(associate, "Pat\nExperience\nClerk 2019 - 2023", years_close=0.75)
    assert none.sure and none.reason == "no degree in the resume"
    assert degree_level("B.S. in Nursing") == "bachelor" and degree_level("MBA, 2019") == "master"


def test_credentials_sure_unless_the_resume_names_them():
    osha = judged(Requirement(skill="OSHA 10", jd_name="OSHA 10 card", kind="certification", alternatives=["OSHA 10"]))
    cdl = judged(Requirement(skill="CDL Class A", jd_name="Class A CDL", kind="licence", alternatives=["CDL Class A"]))
    assert not gate_miss(osha, RESUME, years_close=0.75).sure  # named in a keyword list: coverage does not count it
    assert gate_miss(cdl, RESUME, years_close=0.75).sure


def _signals(extra: list[Judged]) -> list[Judged]:
    skills = [
        Judged(Requirement(skill=s, jd_name=s, alternatives=[s]), True, True, False, False, [], "skill")
        for s in ("Picking", "Packing", "Inventory")
    ]
    return [*skills, *extra]


def test_a_sure_miss_costs_the_gate_factor_an_unsure_one_a_share_of_it():
    cdl = judged(Requirement(skill="CDL Class A", jd_name="Class A CDL", kind="licence", alternatives=["CDL Class A"]))
    osha = judged(Requirement(skill="OSHA 10", jd_name="OSHA 10 card", kind="certification", alternatives=["OSHA 10"]))
    common = {"side": "before", "keywords": None, "quality": None, "confidence": 0.9, "resume": RESUME}
    _, sure = ats.score(_signals([cdl]), **common)
    _, unsure = ats.score(_signals([osha]), **common)
    assert sure["gate_factor"] == ats.GATE_FACTOR
    assert unsure["gate_factor"] == round(1 - ats.GATE_UNSURE * (1 - ats.GATE_FACTOR), 4)
    assert sure["gate_misses"][0]["sure"] and not unsure["gate_misses"][0]["sure"]
    assert unsure["gate_misses"][0]["reason"].startswith("the resume names")
    _, blind = ats.score(_signals([osha]), **{**common, "resume": None})  # no text: every miss is sure, as before
    assert blind["gate_factor"] == ats.GATE_FACTOR and blind["gate_misses"] == []


def test_similarity_blends_after_the_caps_and_keeps_a_floor():
    cdl = judged(Requirement(skill="CDL Class A", jd_name="Class A CDL", kind="licence", alternatives=["CDL Class A"]))
    common = {"side": "before", "keywords": None, "quality": None, "confidence": 0.9, "resume": RESUME}
    none, base = ats.score(_signals([cdl]), **common)
    low, _ = ats.score(_signals([cdl]), **common, similarity=ats.SIM_LOW)  # similarity part 0: only the blend's share
    high, b = ats.score(_signals([cdl]), **common, similarity=ats.SIM_HIGH)  # part 1: at least the floor
    assert b["similarity"] == 1.0 and b["requirements_score"] == base["requirements_score"]
    assert low == round((1 - ats.SIM_BLEND) * base["requirements_score"])
    assert high >= round(100 * ats.SIM_FLOOR) and high > none > low
    off = dataclasses.replace(ats.PARAMS, sim_blend=0.0, sim_floor=0.0)
    assert ats.score(_signals([cdl]), **common, similarity=ats.SIM_HIGH, params=off)[0] == none


def test_text_similarity_is_a_cosine_of_stemmed_words():
    jd = "Forklift operators wanted for our distribution center; pick and pack orders."
    assert text_similarity(jd, jd) is None  # the JD's own lines are no evidence
    assert (text_similarity("Forklift operator: picked and packed orders in a distribution center.", jd) or 0) > 0.5
    assert (text_similarity(RESUME, jd) or 0.0) > (text_similarity("Registered nurse, ICU ventilators.", jd) or 0.0)
    assert text_similarity("", jd) is None
    assert stem("drivers") == "driv" and stem("picking") == "pick" and stem("bus") == "bus"


def test_similarity_reads_the_resume_as_evidence_not_its_keyword_lists_or_the_jds_own_lines():
    jd = "You will build and run the payments platform on AWS. Python, Go and Kafka required."
    resume = "Pat\nSkills: Python, Go, Kafka, AWS\nExperience\n- Built the payments API in Python for 3 teams\n"
    pasted = resume + "- You will build and run the payments platform on AWS\n"
    assert evidence_text(resume, jd) == "Pat\nExperience\n- Built the payments API in Python for 3 teams"
    assert evidence_text(pasted, jd) == evidence_text(resume, jd)  # six words in a row from the JD: not evidence
    assert text_similarity(pasted, jd) == text_similarity(resume, jd)
