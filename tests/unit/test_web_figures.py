"""Review tables and dashboard figures: pure functions over results and DataFrames."""

from __future__ import annotations

import math

import pandas as pd

from webapp import figures
from webapp.review_data import coverage_matrix, item_overview, ranking


def _item(ref: str, cov: list[tuple[str, bool, bool, bool]], before: int, after: int) -> dict:
    coverage = [
        {"skill": s, "required": r, "before": b, "after": a, "evidence": [{"bullet": 0, "quote": s}] if a else []}
        for s, r, b, a in cov
    ]
    bullets = [{"index": 0, "original": "x", "rewrite": "y", "flags": [{"kind": "invented_number"}]}]
    result = {"status": "COMPLETED", "coverage": coverage, "score_before": before, "score_after": after}
    return {"item_id": hash(ref) % 1000, "ref": ref, "status": "completed", "result": result | {"bullets": bullets}}


ITEMS = [
    _item("ann", [("Python", True, True, True), ("AWS", True, False, False), ("Go", False, False, True)], 40, 55),
    _item("bob", [("Python", True, True, True), ("AWS", True, False, True)], 50, 70),
    {"item_id": 9, "ref": "broken", "status": "failed", "error": "resume is empty", "result": None},
]


def test_ranking_orders_by_required_coverage_then_score() -> None:
    frame = ranking(ITEMS)
    assert list(frame["candidate"]) == ["bob", "ann"]
    assert list(frame["rank"]) == [1, 2]
    assert frame.loc[0, "required covered"] == "2/2" and frame.loc[1, "lift"] == 15
    assert frame.loc[0, "flags"] == 1


def test_matrix_values_and_columns() -> None:
    matrix = coverage_matrix(ITEMS)
    assert list(matrix.index) == ["bob", "ann"]
    assert list(matrix.columns)[:2] == ["AWS", "Python"]  # required, equally frequent: alphabetical
    assert matrix.loc["ann", "Python"] == 2 and matrix.loc["bob", "AWS"] == 1 and matrix.loc["ann", "AWS"] == 0
    assert math.isnan(matrix.loc["bob", "Go (nice to have)"])


def test_heatmap_and_ranking_figures() -> None:
    fig = figures.coverage_heatmap(coverage_matrix(ITEMS))
    assert fig.data[0].type == "heatmap" and list(fig.data[0].y) == ["bob", "ann"]
    assert "not in this JD" in fig.data[0].customdata.tolist()[0]
    bars = figures.ranking_bar(ranking(ITEMS))
    assert [t.name for t in bars.data] == ["before", "after"]


def test_overview_counts_pending_reviews() -> None:
    items = [ITEMS[0] | {"review": {}}, ITEMS[1] | {"review": {"0": {"decision": "accept"}}}, ITEMS[2]]
    frame = item_overview(items)
    assert list(frame["awaiting review"]) == [1, 0, 0]
    assert list(frame["reviewed"]) == [0, 1, 0] and list(frame["to review"]) == [1, 1, 0]
    assert frame.loc[2, "error"] == "resume is empty" and frame.loc[2, "status"] == "failed"
    assert frame.loc[2, "score after"] == "—"  # never None on screen


def test_dashboard_figures() -> None:
    days = ["2026-11-01", "2026-11-01", "2026-11-02"]
    cost = pd.DataFrame(
        {
            "day": days,
            "provider": ["openai", "offline", "openai"],
            "model": ["gpt", "rules", "gpt"],
            "usd": [0.5, 0, 0.2],
        }
    )
    fig = figures.cost_per_day(cost)
    assert sorted(t.name for t in fig.data) == ["offline / rules", "openai / gpt"]
    totals = figures.cost_per_day(pd.DataFrame({"day": ["2026-11-01"], "usd": [1.5], "calls": [3]}))
    assert [t.name for t in totals.data] == ["all models"]
    empty = figures.items_per_day(pd.DataFrame(columns=["day", "completed"]))
    assert empty.layout.annotations[0].text == "No data in this range"
    outcomes = figures.items_per_day(
        pd.DataFrame({"day": ["2026-11-01"], "completed": [4], "failed": [1], "cancelled": [0]})
    )
    assert [t.name for t in outcomes.data] == ["completed", "failed"]
    gauge = figures.spend_gauge(9.5, 10.0)
    assert gauge.data[0].gauge.bar.color == "#c0392b"
    users = figures.usage_per_user(pd.DataFrame({"username": ["a", "b"], "usd": [2.0, 1.0], "calls": [3, 1]}))
    assert list(users.data[0].y) == ["b", "a"]
    lift = figures.score_lift(pd.DataFrame({"day": ["2026-11-01"], "score_before": [40.0], "score_after": [55.0]}))
    assert [list(t.y) for t in lift.data] == [[40.0], [55.0]]


def test_one_day_of_data_ticks_by_day_not_by_millisecond() -> None:
    one_day = pd.DataFrame({"day": [pd.Timestamp("2026-11-02").date()], "completed": [3]})
    axis = figures.items_per_day(one_day).layout.xaxis
    assert axis.type == "date" and axis.tickformat == "%d %b" and axis.dtick == figures.DAY_MS
    assert figures.items_per_day(one_day).data[0].width == figures.BAR_MS  # a lone bar is a day wide
    low, high = (pd.Timestamp(v) for v in axis.range)
    assert low < pd.Timestamp("2026-11-02") < high and (high - low) < pd.Timedelta(days=2)
    month = pd.DataFrame({"day": pd.date_range("2026-10-01", "2026-10-31").date, "completed": range(31)})
    assert figures.items_per_day(month).layout.xaxis.dtick == 3 * figures.DAY_MS  # about 14 ticks at most
    cost = figures.cost_per_day(pd.DataFrame({"day": ["2026-11-02"], "usd": [0.0], "calls": [1]}))
    assert cost.layout.yaxis.rangemode == "nonnegative"


def test_team_figures() -> None:
    from webapp import figures_team

    people = pd.DataFrame(
        {
            "recruiter": ["rita", "otto"],
            "jobs": [2, 1],
            "candidates": [5, 1],
            "completed": [5, 1],
            "to review": [40, 8],
            "reviewed": [30, 0],
        }
    )
    fig = figures_team.recruiter_throughput(people)
    assert [t.name for t in fig.data] == ["candidates finished", "rewrites reviewed"]
    assert list(fig.data[0].y) == ["otto", "rita"]  # the busiest recruiter drawn on top
    gaps = pd.DataFrame({"skill": ["AWS", "Go"], "candidates missing it": [4, 1], "share": [0.8, 0.2]})
    bars = figures_team.missing_skills(gaps)
    assert list(bars.data[0].x) == [20.0, 80.0] and list(bars.data[0].y) == ["Go", "AWS"]
    empty = figures_team.missing_skills(gaps.iloc[0:0])
    assert empty.layout.annotations[0].text == "No data in this range"
