"""Writes labels.jsonl for the blind rewrite pairs (checked: every evidence is an exact substring of its resume)."""

import json
from pathlib import Path

HERE = Path(__file__).parent


def req(names, covered, evidence="", kind="hard_skill", any_of=()):
    return {"names": names, "any_of": list(any_of), "covered": covered, "evidence": evidence, "kind": kind}


PAIRS = [
    (
        "01",
        "Dental Hygienist",
        "healthcare",
        90,
        [
            req(
                ["Registered Dental Hygienist license", "RDH license"],
                True,
                "Registered Dental Hygienist, State of Michigan (active)",
                "licence",
            ),
            req(
                ["local anesthesia certification"],
                True,
                "Local Anesthesia Certification, Michigan Board of Dentistry",
                "certification",
            ),
            req(
                ["BLS/CPR certification", "BLS"],
                True,
                "BLS for Healthcare Providers, American Heart Association",
                "certification",
            ),
            req(
                ["2+ years of clinical hygiene experience"],
                True,
                "Registered dental hygienist with 5 years in general and periodontal practices",
                "experience_years",
            ),
            req(
                ["dental practice management software", "Dentrix"],
                True,
                "chart periodontal findings in Dentrix",
                "tool",
                ["Dentrix", "Eaglesoft"],
            ),
            req(["scaling and root planing"], True, "scaling and root planing", "hard_skill"),
            req(
                ["intraoral radiographs", "radiographs"],
                True,
                "Take and review digital radiographs with Dexis sensors",
                "hard_skill",
            ),
        ],
        [
            req(["nitrous oxide monitoring certification"], False, "", "certification"),
            req(["laser periodontal therapy"], True, "laser bacterial reduction", "hard_skill"),
        ],
    ),
    (
        "02",
        "Aircraft Maintenance Technician",
        "trades_manufacturing",
        92,
        [
            req(["FAA A&P certificate", "A&P"], True, "FAA Airframe & Powerplant (A&P) Certificate", "certification"),
            req(
                ["3+ years of aircraft maintenance experience"],
                True,
                "mechanic with 7 years on regional jets and turboprops",
                "experience_years",
            ),
            req(
                ["regional jet systems", "regional jets"],
                True,
                "line maintenance on CRJ-700/900 aircraft",
                "hard_skill",
            ),
            req(
                ["maintenance manuals and wiring diagrams", "wiring diagrams"],
                True,
                "using the Bombardier AMM and wiring diagrams",
                "hard_skill",
            ),
            req(["line maintenance"], True, "Perform A-checks and line maintenance", "hard_skill"),
        ],
        [
            req(["Inspection Authorization", "IA"], False, "", "certification"),
            req(["borescope inspection"], True, "borescope inspections of CF34 engines", "hard_skill"),
            req(["maintenance tracking system", "TRAX"], True, "Document work in TRAX", "tool", ["TRAX", "AMOS"]),
        ],
    ),
    (
        "03",
        "Event Manager",
        "other",
        70,
        [
            req(
                ["3+ years of event planning experience", "event planning"],
                True,
                "Event coordinator who plans corporate meetings and nonprofit galas",
                "experience_years",
            ),
            req(["event registration platform", "Cvent"], True, "Coordinating registration through Cvent", "tool"),
            req(
                ["vendor negotiation", "contract management"],
                True,
                "Manage vendor contracts for catering, AV and décor; negotiated 12% savings on linens in 2024",
                "hard_skill",
            ),
            req(["budget management for events over $100K", "budget management"], False, "", "hard_skill"),
            req(["written communication"], True, "answered donor questions", "soft_skill"),
        ],
        [
            req(["CMP", "Certified Meeting Professional"], False, "", "certification"),
            req(["healthcare or CME events"], False, "", "hard_skill"),
            req(
                ["diagramming software", "Social Tables"],
                True,
                "floor plans in Social Tables",
                "tool",
                ["Social Tables", "AllSeated"],
            ),
        ],
    ),
    (
        "04",
        "Senior Property Claims Adjuster",
        "finance",
        80,
        [
            req(
                ["4+ years of property or auto claims handling", "claims handling"],
                True,
                "Property and auto claims adjuster with 4 years handling first-party losses",
                "experience_years",
            ),
            req(
                ["Arizona adjuster license"],
                True,
                "Arizona Independent Adjuster License (Property & Casualty)",
                "licence",
            ),
            req(
                ["estimating software", "Xactimate"],
                True,
                "write estimates in Xactimate and CCC ONE",
                "tool",
                ["Xactimate", "Symbility"],
            ),
            req(
                ["coverage analysis and investigation", "coverage investigation"],
                True,
                "Investigate coverage, take recorded statements",
                "hard_skill",
            ),
            req(["settlement negotiation"], True, "Negotiate settlements within authority up to $25,000", "hard_skill"),
        ],
        [
            req(["AIC or CPCU designation", "AIC", "CPCU"], False, "", "certification"),
            req(["catastrophe deployment", "CAT deployment"], False, "", "hard_skill"),
            req(["subrogation"], True, "subrogation pilot that recovered $410K", "hard_skill"),
        ],
    ),
    (
        "05",
        "Licensed Veterinary Technician (Emergency)",
        "healthcare",
        75,
        [
            req(
                ["credentialed veterinary technician", "CVT", "LVT", "RVT"],
                True,
                "Certified Veterinary Technician (CVT), New Mexico Board of Veterinary Medicine",
                "certification",
            ),
            req(
                ["2+ years of clinical experience as a veterinary technician"],
                True,
                "Credentialed veterinary technician with 3 years in small-animal general practice",
                "experience_years",
            ),
            req(["anesthesia monitoring"], True, "Induce and monitor anesthesia for 6–8 surgeries a day", "hard_skill"),
            req(["veterinary practice management software", "AVImark"], True, "record vitals in AVImark", "tool"),
            req(["IV catheters", "venipuncture"], True, "Place IV catheters, draw blood", "hard_skill"),
        ],
        [
            req(["VTS certification"], False, "", "certification"),
            req(
                ["emergency or critical care experience"],
                True,
                "small-animal general practice and urgent care",
                "hard_skill",
            ),
            req(["dental radiographs", "digital radiography"], True, "dental radiographs", "hard_skill"),
        ],
    ),
    (
        "06",
        "Children's Librarian II",
        "education",
        88,
        [
            req(
                ["MLIS", "MLS", "ALA-accredited"],
                True,
                "Master of Library and Information Science (MLIS), Simmons University, 2020 (ALA-accredited)",
                "degree",
            ),
            req(
                ["2+ years of professional library experience with children"],
                True,
                "Youth Services Librarian, Casco Bay Public Library",
                "experience_years",
            ),
            req(["integrated library system", "ILS"], True, "circulation reports from Koha", "tool"),
            req(["collection development"], True, "Select and weed the juvenile collection", "hard_skill"),
            req(["storytimes", "early literacy programs"], True, "Plan and lead 12 weekly storytimes", "hard_skill"),
        ],
        [
            req(["grant writing"], True, "write a state grant that funded 30 Chromebooks", "hard_skill"),
            req(["bilingual Spanish", "Spanish"], False, "", "soft_skill"),
            req(["STEM programming", "makerspace"], True, "storytimes and STEM programs", "hard_skill"),
        ],
    ),
]


def main() -> None:
    rows = []
    for pid, occupation, group, fit, required, preferred in PAIRS:
        resume = (HERE / "pairs" / f"{pid}_resume.txt").read_text(encoding="utf-8")
        for r in required + preferred:
            assert not r["evidence"] or r["evidence"] in resume, (pid, r["evidence"])
        rows.append(
            {
                "id": pid,
                "occupation": occupation,
                "group": group,
                "resume": f"pairs/{pid}_resume.txt",
                "jd": f"pairs/{pid}_jd.txt",
                "required": required,
                "preferred": preferred,
                "not_requirements": [],
                "fit": fit,
                "fit_reason": "",
            }
        )
    (HERE / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
