"""Admin: users, API keys, daily cost limits, the audit log and security events."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pandas as pd
import streamlit as st

from services import api_keys, audit, spreadsheet, users, web_sessions
from services.principal import ALL_SCOPES, ROLES
from webapp import labels, limits_view
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.literal import md
from webapp.state import db, flash

principal = require_page("admin")
SHOWN_ONCE = "_admin_shown_once"

st.title("Admin")


def _show_secret_once() -> None:
    """A generated password or API key, shown on this run only (it is not stored anywhere readable)."""
    secret = st.session_state.pop(SHOWN_ONCE, None)
    if secret:
        label, value = secret
        st.success(f"{md(label)}. Copy it now: it is shown only this once.")
        st.code(value, language=None)


def _keep_secret(label: str, value: str) -> None:
    st.session_state[SHOWN_ONCE] = (label, value)


def _csv(frame: pd.DataFrame) -> bytes:
    """The table as formula-safe CSV (audit targets and details can hold text a user typed)."""
    return spreadsheet.csv_text(list(frame.columns), frame.itertuples(index=False)).encode("utf-8")


_show_secret_once()
tab_users, tab_keys, tab_limits, tab_audit, tab_security = st.tabs(
    ["Users", "API keys", "Daily limits", "Audit log", "Security events"]
)

with tab_users:
    with db() as s:
        people = users.list_users(s)
    st.dataframe(labels.table(pd.DataFrame(people)), hide_index=True, width="stretch")
    left, right = st.columns(2)
    with left, st.form("create_user", clear_on_submit=True):
        st.markdown("**Create a user**")
        name = st.text_input("Username", key="new_username")
        role = st.selectbox("Role", ROLES, key="new_role", format_func=labels.ROLES.get)
        team = st.text_input("Team (optional)", key="new_team")
        email = st.text_input("Email (optional)", key="new_email")
        if st.form_submit_button("Create user", type="primary"):
            with user_errors("create user"):
                with db() as s:
                    _, password = users.create_user(
                        s,
                        username=name.strip(),
                        role=role,
                        team=team.strip() or None,
                        email=email.strip() or None,
                        actor=principal,
                    )
                _keep_secret(f"User {name.strip()} created with this password", password or "")
                st.rerun()
    with right:
        st.markdown("**Change a user**")
        names = [p["username"] for p in people]
        who = st.selectbox("User", names, key="edit_user")
        person = next((p for p in people if p["username"] == who), None)
        if person:
            new_role = st.selectbox(
                "Role", ROLES, index=ROLES.index(person["role"]), key="edit_role", format_func=labels.ROLES.get
            )
            new_team = st.text_input("Team", value=person.get("team") or "", key="edit_team")
            c1, c2, c3, c4 = st.columns(4)
            if c1.button("Save role and team", key="save_user"):
                with user_errors("change user"):
                    with db() as s:
                        if new_role != person["role"]:
                            users.set_role(s, actor=principal, username=who, role=new_role)
                        users.set_team(s, actor=principal, username=who, team=new_team.strip() or None)
                    flash(f"{md(who)}: role {new_role}, team {md(new_team.strip() or '—')}.")
                    st.rerun()
            disabled = bool(person.get("disabled"))
            if c2.button("Enable" if disabled else "Disable", key="toggle_user"):
                with user_errors("disable user"):
                    with db() as s:
                        users.set_disabled(s, actor=principal, username=who, disabled=not disabled)
                    flash(f"{md(who)} is now {'enabled' if disabled else 'disabled'}.")
                    st.rerun()
            if c3.button("Reset password", key="reset_user"):
                with user_errors("reset password"):
                    with db() as s:
                        password = users.reset_password(s, actor=principal, username=who)
                    _keep_secret(f"New password for {who}", password or "")
                    st.rerun()
            if c4.button("Sign out everywhere", key="revoke_sessions", help="End every web sign-in of this user now"):
                with user_errors("sign out everywhere"):
                    with db() as s:
                        ended = web_sessions.close_all(s, username=who, actor=principal)
                    flash(f"{md(who)}: {ended} sign-in(s) ended; every open tab of theirs is signed out.")
                    st.rerun()

with tab_keys:
    with db() as s:
        keys = api_keys.list_api_keys(s)
    frame = pd.DataFrame(keys)
    if frame.empty:
        st.info("No API keys yet.")
    else:
        frame["status"] = frame["revoked_at"].map(lambda v: "revoked" if v is not None and not pd.isna(v) else "active")
        st.dataframe(labels.table(frame), hide_index=True, width="stretch")
    left, right = st.columns(2)
    with left, st.form("create_key", clear_on_submit=True):
        st.markdown("**Create an API key**")
        owner = st.selectbox("For user", [p["username"] for p in people], key="key_owner")
        label = st.text_input("Name (what it is for)", key="key_name")
        scopes = st.multiselect("Scopes", sorted(ALL_SCOPES), default=["jobs:read", "jobs:write"], key="key_scopes")
        if st.form_submit_button("Create key", type="primary"):
            with user_errors("create API key"):
                with db() as s:
                    info, key = api_keys.create_api_key(
                        s, username=owner, name=label.strip(), scopes=tuple(scopes), actor=principal
                    )
                _keep_secret(f"API key {info['prefix']}… for {owner}", key)
                st.rerun()
    with right:
        st.markdown("**Revoke an API key**")
        active = [k for k in keys if k.get("revoked_at") is None]
        if active:
            pick = st.selectbox(
                "Key",
                [k["id"] for k in active],
                format_func=lambda i: next(
                    f"{k['prefix']}… · {k['name']} · {k['username']}" for k in active if k["id"] == i
                ),
                key="revoke_pick",
            )
            if st.button("Revoke", key="revoke_key", type="secondary"):
                with user_errors("revoke API key"):
                    with db() as s:
                        api_keys.revoke_api_key(s, actor=principal, key_id=pick)
                    flash("Key revoked; requests with it now get 401.")
                    st.rerun()
        else:
            st.caption("No active keys.")

with tab_limits:
    limits_view.render(principal, [p["username"] for p in people])

with tab_audit:
    c1, c2, c3 = st.columns(3)
    actor = c1.text_input("Actor", key="audit_actor")
    action = c2.selectbox(
        "Action",
        ["", *labels.AUDIT_ACTIONS],
        key="audit_action",
        format_func=lambda a: labels.AUDIT_ACTIONS.get(a, "any action"),
    )
    days = c3.date_input(
        "Between", value=(datetime.now(UTC).date() - timedelta(days=7), datetime.now(UTC).date()), key="audit_days"
    )
    filters: dict = {"actor": actor.strip() or None, "action": action or None}
    if isinstance(days, tuple) and len(days) == 2:
        filters["since"] = datetime.combine(days[0], time.min)
        filters["until"] = datetime.combine(days[1] + timedelta(days=1), time.min)
    with db() as s:
        rows = audit.list_audit(s, filters=filters, limit=1000)
    log_frame = pd.DataFrame(rows, columns=["at", "actor", "action", "target", "address", "detail"])
    log_frame["detail"] = log_frame["detail"].map(labels.detail)
    st.dataframe(labels.table(log_frame), hide_index=True, width="stretch")
    st.download_button("Export audit log (CSV)", _csv(log_frame), "audit-log.csv", "text/csv", on_click="ignore")

with tab_security:
    kind = st.selectbox(
        "Kind",
        ["", *labels.SECURITY_KINDS],
        key="sec_kind",
        format_func=lambda k: labels.SECURITY_KINDS.get(k, "any kind"),
    )
    with db() as s:
        events = audit.list_security_events(s, kind=kind or None, limit=1000)
    columns = ["at", "kind", "severity", "actor", "job_id", "item_id", "address", "detail"]
    sec_frame = pd.DataFrame(events, columns=columns)
    sec_frame["detail"] = sec_frame["detail"].map(labels.detail)
    st.dataframe(labels.table(sec_frame), hide_index=True, width="stretch")
    st.download_button(
        "Export security events (CSV)", _csv(sec_frame), "security-events.csv", "text/csv", on_click="ignore"
    )
