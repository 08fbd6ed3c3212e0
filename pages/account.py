"""Account: who you are, and change your password."""

from __future__ import annotations

import streamlit as st

from services import users
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.state import db

principal = require_page("account")

st.title("Account")
a, b, c = st.columns(3)
a.metric("User", principal.username)
b.metric("Role", principal.role)
c.metric("Team", principal.team or "—")

st.subheader("Change password")
with st.form("change_password", clear_on_submit=True):
    old = st.text_input("Current password", type="password", key="pw_old")
    new = st.text_input("New password", type="password", key="pw_new", help="At least 8 characters.")
    again = st.text_input("Repeat new password", type="password", key="pw_again")
    if st.form_submit_button("Change password", type="primary"):
        if new != again:
            st.error("The new passwords differ. Type the same new password twice.")
        elif new == old:
            st.error("The new password is the same as the current one. Choose a different one.")
        else:
            with user_errors("change password"):
                with db() as s:
                    users.change_password(s, username=principal.username, old=old, new=new)
                st.success("Password changed. Use the new one next time you sign in.")
