"""Review's pure views: bullet states and progress, the skills table, the score breakdown and gauge, PII."""

from __future__ import annotations

import re

from webapp import labels
from webapp.bullet_html import bullet_html, scores_text
from webapp.pii_view import contact_summary, mask, must_remove
from webapp.review_data import bullet_counts, bullet_state, passed_undecided, review_progress, to_review
from webapp.score_view import band, breakdown_table, cap_reason, gauge_svg
from webapp.skills_data import missing_required, skills_table

BULLETS = [
    {"index": 0, "original": "Worked on APIs", "rewrite": "Built APIs", "accepted": True, "flags": []},
    {
        "index": 1,
        "original": "Led 4 people",
        "rewrite": "Led 40 people",
        "accepted": False,
        "flags": [{"kind": "invented_number", "detail": "number: 40"}],
    },
    {"index": 2, "original": "Wrote docs", "rewrite": None, "accepted": False, "flags": []},
    {"index": 3, "original": "Ran tests", "rewrite": "Ran the tests", "accepted": True, "flags": []},
]


def _item(review: dict) -> dict:
    return {"item_id": "i1", "result": {"bullets": BULLETS}, "review": review}


def test_unchanged_bullets_are_not_failures() -> None:
    assert [bullet_state(b) for b in BULLETS] == ["rewritten", "failed", "unchanged", "rewritten"]
    assert bullet_counts(BULLETS) == {"rewritten": 2, "failed": 1, "unchanged": 1}
    same = {"index": 4, "original": "x", "rewrite": "x", "accepted": False}
    assert bullet_state(same) == "unchanged"  # a "rewrite" equal to the original changed nothing


def test_progress_counts_only_bullets_with_a_rewrite() -> None:
    item = _item({"1": {"decision": "reject"}, "2": {"decision": "edit", "text": "Wrote the docs"}})
    assert to_review(item) == [0, 1, 3]
    assert review_progress(item) == (1, 3)  # the edit of an unchanged bullet is not one of the rewrites
    assert passed_undecided(item) == [0, 3]  # the failed rewrite is never accepted in bulk
    assert passed_undecided(_item({0: {"decision": "accept"}})) == [3]  # int keys before JSON, str after


def test_bullet_html_escapes_everything_and_says_why() -> None:
    evil = {
        "index": 0,
        "original": "Built <script>x</script> **bold**",
        "rewrite": "Built <b>y</b> **bold**",
        "accepted": True,
        "flags": [],
        "rationale": "<img src=x> stronger verb",
        "section": "<i>Work</i>",
        "keywords_used": ["<K8s>"],
    }
    out = bullet_html(evil, edited="<u>mine</u>")
    assert "<script>" not in out and "<img" not in out and "<b>y" not in out and "<u>mine" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x&gt; stronger verb" in out and "&lt;u&gt;mine" in out
    assert "**bold**" in out  # no Markdown either: the asterisks stay as typed
    failed = bullet_html(BULLETS[1])
    assert "failed the checks" in failed and "adds a number the original does not have: number: 40" in failed
    assert "no change proposed" in bullet_html(BULLETS[2]) and "<del" not in bullet_html(BULLETS[2])
    assert scores_text({"scores": {"clarity": 90, "relevance": 65, "impact": 70}}) == (
        "relevance 65 · impact 70 · clarity 90"
    )


COVERAGE = [
    {
        "skill": "Python",
        "required": True,
        "before": True,
        "after": True,
        "evidence": [{"bullet": 0, "quote": "Python"}, {"bullet": -1, "quote": "python"}],
    },
    {
        "skill": "Infrastructure as Code",
        "jd_name": "IaC",
        "required": True,
        "before": True,
        "after": True,
        "evidence": [{"bullet": 3, "quote": "Terraform", "via": "Terraform"}],
        "kind": "knowledge",
    },
    {"skill": "AWS", "required": True, "before": False, "after": False, "evidence": [], "alternatives": ["GCP"]},
    {
        "skill": "Docker",
        "required": False,
        "before": False,
        "after": True,
        "evidence": [{"bullet": 2, "quote": "Docker"}],
    },
    {"skill": "Teamwork", "required": False, "before": False, "after": False, "evidence": []},
]
COUNTS = {
    "Python": {"jd": 3, "resume": 2, "kind": "tool"},
    "AWS": {"jd": 2, "resume": 0, "kind": "tool"},
    "Teamwork": {"jd": 1, "resume": 0, "kind": "soft"},
}


def test_skills_table_lists_gaps_first_with_counts_kinds_and_where() -> None:
    table = skills_table({"coverage": COVERAGE, "skill_counts": COUNTS})
    assert list(table.columns) == ["skill", "importance", "kind", "in JD", "in resume", "status", "evidence"]
    assert list(table["skill"]) == ["AWS or GCP", "IaC (Infrastructure as Code)", "Python", "Teamwork", "Docker"]
    rows = table.set_index("skill")
    assert rows.loc["AWS or GCP", "status"] == "missing" and rows.loc["AWS or GCP", "in JD"] == "2"
    assert rows.loc["IaC (Infrastructure as Code)", "status"] == "through a narrower skill (Terraform)"
    assert rows.loc["IaC (Infrastructure as Code)", "kind"] == "hard skill"
    assert rows.loc["Python", "evidence"] == "“Python” (bullet 1); “python” (elsewhere in the resume)"
    assert rows.loc["Docker", "status"] == "added by the rewrite" and rows.loc["Docker", "in JD"] == "—"
    assert rows.loc["Teamwork", "kind"] == "soft skill" and rows.loc["Teamwork", "importance"] == "preferred"
    assert "bullet 0" not in " ".join(table["evidence"])  # numbering starts at 1; -1 is said in words
    assert missing_required({"coverage": COVERAGE}) == ["AWS or GCP"]
    assert skills_table({"coverage": []}).empty


BREAKDOWN = {
    "before": {
        "required_coverage": 0.5,
        "keyword_similarity": 0.2,
        "weights": {"required_coverage": 0.6, "keyword_similarity": 0.4},
        "raw": 38.0,
        "cap": 75,
        "missing_required": ["AWS"],
    },
    "after": {
        "required_coverage": 0.5,
        "keyword_similarity": 0.9,
        "new_part": 1.0,
        "weights": {"required_coverage": 0.5, "keyword_similarity": 0.3, "new_part": 0.2},
        "raw": 82.0,
        "cap": 75,
        "missing_required": ["AWS", "GCP"],
    },
}


def test_breakdown_reads_whatever_parts_are_weighted_and_names_the_cap() -> None:
    table = breakdown_table(BREAKDOWN)
    assert list(table["part"]) == ["Required skills found", "Job description keywords used", "New part"]
    assert list(table["weight"]) == ["50%", "30%", "20%"] and list(table["before"]) == ["50%", "20%", "—"]
    assert list(table["points after"]) == [25.0, 27.0, 20.0]
    assert cap_reason(BREAKDOWN) == (
        "Capped at 75 because 2 required skills are missing (AWS, GCP); its parts alone add up to 82."
    )
    assert cap_reason(BREAKDOWN, "before") == "It cannot go above 75 while 1 required skill is missing (AWS)."
    assert cap_reason({"after": {"raw": 90.0, "cap": None}}) is None
    assert breakdown_table({}).empty


def test_gauge_svg_shows_score_band_and_before() -> None:
    svg = gauge_svg(82, 61)
    assert svg.startswith("<svg") and ">82<" in svg and "strong match" in svg and "was 61" in svg
    assert band(82)[1] == "strong match" and band(50)[1] == "fair match" and band(49)[1] == "weak match"
    assert ">—<" in gauge_svg(None) and "was" not in re.sub(r"<[^>]+>", " ", gauge_svg(None))


PII = [
    {"type": "EMAIL_ADDRESS", "text": "a@b.co", "severity": "contact", "where": "resume"},
    {"type": "PHONE_NUMBER", "text": "555-0100", "severity": "contact", "where": "resume"},
    {
        "type": "US_SSN",
        "text": "536-22-8471",
        "severity": "high",
        "where": "resume",
        "recommendation": "Remove the Social Security number.",
    },
    {"type": "US_SSN", "text": "536-22-8472", "severity": "high", "where": "resume", "recommendation": "x"},
    {"type": "EMAIL_ADDRESS", "text": "hr@corp.co", "severity": "contact", "where": "jd"},
]


def test_pii_by_severity_with_advice_and_masked_values() -> None:
    high = must_remove(PII)
    assert len(high) == 1 and high[0]["count"] == 2 and high[0]["advice"] == "Remove the Social Security number."
    assert high[0]["shown"] == "•••••8471" and "536" not in high[0]["shown"]
    assert mask("12/04/1990") == "••••1990" and mask("1990") == "••••"
    assert contact_summary(PII) == (
        "Contact details: email address, phone number in the resume; email address in the job description. "
        "Normal for a resume; they are never sent to an external model (placeholders go instead)."
    )
    assert contact_summary(PII[2:4]) is None


def test_labels_never_show_enum_names_or_none() -> None:
    assert labels.pii_type("US_SSN") == "Social Security number" and labels.pii_type("NEW_THING") == "new thing"
    assert labels.status("paused_limit") == "paused (daily cost limit)" and labels.column("created_at") == "created"
    assert labels.column("input_tokens") == "input tokens" and labels.value(None) == "—"
    assert labels.value(float("nan")) == "—" and labels.value(0) == 0
    assert labels.bullet_number(0) == "bullet 1" and labels.bullet_number(-1) == "elsewhere in the resume"
    assert labels.injection_category("goal_hijack").startswith("tries to")


def test_cap_reason_reads_the_stored_reason_and_its_requirements() -> None:
    gates = {
        "after": {
            "cap": 33,
            "raw": 70.0,
            "cap_reason": "required licence/degree/years missing",
            "missing_gates": ["RN license", "BLS"],
            "missing_required": ["RN license", "BLS", "Epic"],
        }
    }
    assert cap_reason(gates) == (
        "Capped at 33 because 2 required licence, certification, degree or years of experience are missing "
        "(RN license, BLS); its parts alone add up to 70."
    )
    unsure = {"after": {"cap": 60, "raw": 75.0, "cap_reason": "few requirements read, or low confidence"}}
    assert (
        cap_reason(unsure)
        == "Capped at 60 because few requirements read, or low confidence; its parts alone add up to 75."
    )
    parts = breakdown_table({"after": {"required": 0.5, "quality": 0.8, "weights": {"required": 0.6, "quality": 0.1}}})
    assert list(parts["part"]) == ["Required skills and qualifications met", "Bullet quality (impact and clarity)"]


def test_checks_table_in_words_and_what_an_older_result_still_gets() -> None:
    from webapp.checks_data import checks_table, summary

    stored = [
        {
            "check": "title",
            "label": "Job title",
            "status": "fail",
            "wanted": "Nurse",
            "found": "not in the resume",
            "advice": "Put it in.",
        },
        {
            "check": "years",
            "label": "Years of experience",
            "status": "info",
            "wanted": "not stated",
            "found": "",
            "advice": "",
        },
    ]
    table = checks_table({"searchability": stored})
    assert list(table.columns) == ["check", "result", "the job asks for", "the resume has", "what to do"]
    assert list(table["result"]) == ["✗ fix", "· for information"] and table.loc[1, "the resume has"] == "—"
    assert summary({"searchability": stored}) == (0, 1)
    old = {"pii": PII[:2], "bullets": BULLETS}  # stored before the checks existed: no resume text to read
    rows = checks_table(old).set_index("check")
    assert rows.loc["Contact details", "result"] == "✓ good"
    assert rows.loc["Measurable results", "the resume has"] == "1 of 4 bullets"
    assert rows.loc["Job title", "the resume has"] == "not checked for this result"
    assert "None" not in checks_table(old).to_string()


def test_tables_for_people_have_no_ids_raw_names_or_none() -> None:
    import datetime

    import pandas as pd

    frame = pd.DataFrame(
        [
            {
                "id": 7,
                "username": "rita",
                "role": "recruiter",
                "team": None,
                "disabled": True,
                "created_at": datetime.datetime(2026, 12, 1, 9, 30),
                "revoked_at": pd.NaT,
                "scopes": ["jobs:read"],
                "detail": {"items_count": 2},
            }
        ]
    )
    assert labels.table(frame).iloc[0].to_dict() == {
        "user": "rita",
        "role": "Recruiter",
        "team": "—",
        "status": "disabled",
        "created": "2026-12-01 09:30 UTC",
        "revoked": "—",
        "scopes": "jobs:read",
        "detail": "items count: 2",
    }
    jobs = pd.DataFrame([{"status": "paused_limit", "source": "api"}])
    assert labels.table(jobs).iloc[0].to_dict() == {"status": "paused (daily cost limit)", "source": "REST API"}
