"""The Daily limits tab of the Admin page: today's spend against each limit, and setting a limit."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services import usage
from services.principal import Principal
from webapp.errors import user_errors
from webapp.literal import md
from webapp.state import db, flash


def render(principal: Principal, usernames: list[str]) -> None:
    """Show the limits in force (with today's spend) and a form to change one."""
    with db() as s:
        limits = usage.get_daily_limits(s)
        today = usage.spend_today(s)
    st.metric("Spent today (all users)", f"${today['spent']:,.4f}", help=f"Global limit ${today['limit']:,.2f}")
    frame = pd.DataFrame(
        [{"applies to": _scope_words(k), "scope": k, "USD per day": v} for k, v in sorted(limits.items())]
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    with st.form("set_limit"):
        st.markdown("**Set a daily limit (USD per UTC day)**")
        scope = st.selectbox("Applies to", ["global", *[f"user:{u}" for u in usernames]], key="limit_scope")
        value = st.number_input("Limit (USD)", min_value=0.0, value=10.0, step=1.0, key="limit_value")
        if st.form_submit_button("Save limit", type="primary"):
            with user_errors("set daily limit"):
                with db() as s:
                    usage.set_daily_limit(s, actor=principal, scope=scope, value=float(value))
                flash(f"Daily limit for {md(scope)} set to ${value:,.2f}.")
                st.rerun()


def _scope_words(scope: str) -> str:
    if scope == "global":
        return "everyone together"
    if scope == "user:*":
        return "each user (default)"
    if scope == "key:*":
        return "each API key (default)"
    kind, _, name = scope.partition(":")
    return f"{kind} {name}"
