"""Dashboard (managers and admins): the team's throughput, review completion, coverage, lift and skill gaps;
cost only when a paid model was used."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from services import team_report, usage, users
from webapp import figures, figures_team
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.state import db

principal = require_page("dashboard")

st.title("Dashboard")
today = datetime.now(UTC).date()


def _scope() -> dict[str, Any]:
    """Whose work is shown: an admin picks a team (or all); a manager sees their team, else their own work."""
    f1, f2 = st.columns([2, 1])
    picked = f1.date_input("Dates", value=(today - timedelta(days=13), today), max_value=today, key="dash_dates")
    start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else (today - timedelta(days=13), today)
    if principal.role == "admin":
        with db() as s:
            teams = sorted({u["team"] for u in users.list_users(s) if u.get("team")})
        choice = f2.selectbox("Team", ["All teams", *teams], key="dash_team")
        who: dict[str, Any] = {} if choice == "All teams" else {"team": choice}
    elif principal.team:
        who = {"team": principal.team}
        f2.text_input("Team", value=principal.team, disabled=True, key="dash_team_fixed")
    else:
        who = {"user_id": principal.user_id}
        f2.text_input("Team", value="— (your own work)", disabled=True, key="dash_team_fixed")
        st.info("You are not in a team, so this shows your own work; an admin can set your team on the Admin page.")
    return {"start": start, "end": end, **who}


def paid(cost: pd.DataFrame) -> bool:
    """True when a paid model was used in the range (the offline engine costs nothing)."""
    return not cost.empty and bool(((cost["usd"] > 0) | (cost["provider"].astype(str) != "offline")).any())


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


with user_errors("dashboard"):
    scope = _scope()
    ledger = scope  # team, or user_id for a manager without a team: never other teams' figures
    with db() as s:
        report = team_report.team_report(s, **scope)
        items = usage.items_per_day(s, **ledger)
        lift = usage.score_lift(s, **ledger)
        cost = usage.cost_per_day_by_model(s, **ledger)

    k1, k2, k3, k4 = st.columns(4)
    k1.metric("Candidates finished", report["candidates"])
    k2.metric(
        "Rewrites reviewed",
        _percent(report["review_completion"]),
        help=f"{report['reviewed']} of {report['to_review']} proposed rewrites have a reviewer's decision.",
    )
    k3.metric(
        "Required skills covered",
        _percent(report["mean_coverage"]),
        help="On average, the share of a job's required skills the candidate's resume shows after the rewrite.",
    )
    lift_text = "—" if report["mean_lift"] is None else f"{report['mean_lift']:+.1f} points"
    k4.metric("Average score lift", lift_text, help="Match score after the rewrite minus before, on average.")
    if report["truncated"]:
        st.caption(f"Figures above cover the {report['candidates']:,} most recent candidates of the range.")

    left, right = st.columns(2)
    left.plotly_chart(figures.items_per_day(items), width="stretch", key="fig_items")
    right.plotly_chart(figures_team.recruiter_throughput(report["throughput"]), width="stretch", key="fig_people")
    left.plotly_chart(figures.score_lift(lift), width="stretch", key="fig_lift")
    right.plotly_chart(figures_team.missing_skills(report["missing"]), width="stretch", key="fig_missing")

    st.subheader("Recruiters")
    st.dataframe(report["throughput"], hide_index=True, width="stretch", key="dash_people")

    st.subheader("Cost")
    if not paid(cost):
        st.caption("No paid model was used in these dates: everything ran on the offline engine, at no cost.")
    else:
        with db() as s:
            per_user = usage.usage_per_user(s, **ledger)
            spend = usage.spend_today(s)
        st.metric("Spent in these dates", f"${cost['usd'].sum():,.4f}")
        c1, c2 = st.columns(2)
        c1.plotly_chart(figures.cost_per_day(cost), width="stretch", key="fig_cost")
        c2.plotly_chart(figures.spend_gauge(spend["spent"], spend["limit"]), width="stretch", key="fig_spend")
        c1.plotly_chart(figures.usage_per_user(per_user), width="stretch", key="fig_users")
        shown = per_user.rename(
            columns={
                "username": "user",
                "usd": "cost (USD)",
                "input_tokens": "input tokens",
                "output_tokens": "output tokens",
            }
        )
        c2.dataframe(
            shown.fillna("—"),
            hide_index=True,
            width="stretch",
            column_config={"cost (USD)": st.column_config.NumberColumn("cost (USD)", format="$%.4f")},
        )
