"""The style checker: hedging openers, mixed tense inside a bullet and tense by role, read from the lexicon."""

from __future__ import annotations

import pytest

from core import style_check


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Planned and schedule content for 3 channels", {"mixed_tense"}),
        ("Took weekly feedback from my manager and track what I change", {"mixed_tense"}),
        ("Manage a team of 5; reduced churn by 20%", {"mixed_tense"}),
        ("Helped reduce p99 latency by 38%", {"hedged_opening"}),
        ("Contributed to reducing p99 latency by 38%", {"hedged_opening"}),
        ("Assisted the controller with month-end close", {"hedged_opening"}),
        ("Worked on the checkout redesign", {"hedged_opening"}),
        ("Participated in daily safety huddles", {"hedged_opening"}),
        ("Designed the site and built the API", set()),
        ("Set up hot packs, cleaned treatment tables, and guided patients", set()),
        ("Reduced costs, improving margins by 4%", set()),  # a participle after a comma is not a second verb
        ("Build and run 8-step sequences in Outreach; log every call, email and note", set()),
        ("Built and run 8-step sequences in Outreach; log every call", {"mixed_tense"}),
        ("Support Google Workspace (user provisioning, shared drives, Gmail routing)", set()),
        ("Escalate warning signs to the rapid response team; reviewed as a unit exemplar", set()),
        ("Wrote a script that reads the CSV export and emails a summary", set()),
        ("Top sales producer for personal training packages in 2023", set()),
        ("Prepare journal entries, accruals, prepaid amortization and schedules", set()),
    ],
)
def test_problems_found(text, kinds):
    assert {i.kind for i in style_check.check(text)} == kinds


def test_tense_by_role():
    assert [i.kind for i in style_check.check("Manage the front desk team", "past")] == ["role_tense"]
    assert [i.kind for i in style_check.check("Ran weekly inventory counts", "present")] == ["role_tense"]
    assert style_check.check("Built the onboarding guide", "present") == []  # finished work may stay past
    assert style_check.check("Run weekly inventory counts", "present") == []


def test_count_tallies_bullets_by_kind():
    counts = style_check.count(["Helped build X", "Planned and schedule Y", "Built Z"], [None, None, "past"])
    assert counts["hedged_opening"] == 1 and counts["mixed_tense"] == 1 and counts["role_tense"] == 0


def test_a_measured_result_in_daily_work_is_finished_work_under_the_current_job() -> None:
    from core import style_check

    text = "Rewrote the daily loan-portfolio procedure with CTEs, cutting runtime from 40 min to 6 min"
    assert style_check.check(text, "present") == []
    assert [i.kind for i in style_check.check("Reconciled bank accounts daily", "present")] == ["role_tense"]
