"""Dashboard (managers and admins): cost, items, score lift, JD-cache hits, usage per user, spend vs limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import streamlit as st

from services import usage, users
from webapp import figures
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.state import db

principal = require_page("dashboard")

st.title("Dashboard")
today = datetime.now(UTC).date()

with user_errors("dashboard"):
    f1, f2 = st.columns([2, 1])
    picked = f1.date_input("Dates", value=(today - timedelta(days=13), today), max_value=today, key="dash_dates")
    start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else (today - timedelta(days=13), today)
    if principal.role == "admin":
        with db() as s:
            teams = sorted({u["team"] for u in users.list_users(s) if u.get("team")})
        choice = f2.selectbox("Team", ["All teams", *teams], key="dash_team")
        team = None if choice == "All teams" else choice
    else:
        team = principal.team
        f2.text_input("Team", value=team or "— (your own jobs)", disabled=True, key="dash_team_fixed")
        if team is None:
            st.info("You are not in a team; an admin can set your team on the Admin page.")
    with db() as s:
        cost = usage.cost_per_day_by_model(s, start=start, end=end, team=team)
        items = usage.items_per_day(s, start=start, end=end, team=team)
        lift = usage.score_lift(s, start=start, end=end, team=team)
        cache = usage.cache_hit_rate(s, start=start, end=end, team=team)
        per_user = usage.usage_per_user(s, start=start, end=end, team=team)
        spend = usage.spend_today(s)

    k1, k2, k3, k4 = st.columns(4)
    k1.metric("Cost in range", f"${cost['usd'].sum() if not cost.empty else 0:,.4f}")
    finished = int(items[[c for c in figures.ITEM_OUTCOMES if c in items]].sum().sum()) if not items.empty else 0
    k2.metric("Items finished", finished)
    weights = lift["items"] if not lift.empty else None
    mean_lift = (lift["lift"] * weights).sum() / weights.sum() if weights is not None and weights.sum() else 0.0
    k3.metric("Average score lift", f"{mean_lift:+.1f} points")
    hits = cache["hits"].sum() if not cache.empty else 0
    total = hits + (cache["misses"].sum() if not cache.empty else 0)
    k4.metric("JD cache hit rate", f"{hits / total:.0%}" if total else "—")

    left, right = st.columns(2)
    left.plotly_chart(figures.cost_per_day(cost), width="stretch", key="fig_cost")
    right.plotly_chart(figures.spend_gauge(spend["spent"], spend["limit"]), width="stretch", key="fig_spend")
    left.plotly_chart(figures.items_per_day(items), width="stretch", key="fig_items")
    right.plotly_chart(figures.score_lift(lift), width="stretch", key="fig_lift")
    left.plotly_chart(figures.cache_hit_rate(cache), width="stretch", key="fig_cache")
    right.plotly_chart(figures.usage_per_user(per_user), width="stretch", key="fig_users")
    st.subheader("Usage per user")
    st.dataframe(
        per_user,
        hide_index=True,
        width="stretch",
        column_config={"usd": st.column_config.NumberColumn("usd", format="$%.4f")},
    )
