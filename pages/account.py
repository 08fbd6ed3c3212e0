"""Account: who you are, where you are signed in, sign out everywhere, and change your password."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from services import users, web_sessions
from webapp import auth, labels
from webapp.errors import user_errors
from webapp.guard import require_page
from webapp.state import db, flash

principal = require_page("account")

st.title("Account")
a, b, c = st.columns(3)
a.metric("User", principal.username)
b.metric("Role", labels.ROLES.get(principal.role, principal.role))
c.metric("Team", principal.team or "—")

st.subheader("Where you are signed in")
with db() as s:
    open_now = web_sessions.open_sessions(s, username=principal.username)
this_one = auth.signed_in_session()
frame = pd.DataFrame(
    [
        {
            "signed in": row["created_at"],
            "until": row["expires_at"],
            "from": row["address"],
            "this browser": "yes" if row["id"] == this_one else "",
        }
        for row in open_now
    ],
    columns=["signed in", "until", "from", "this browser"],
)
st.dataframe(labels.table(frame), hide_index=True, width="stretch")
if st.button("Sign out everywhere", key="sign_out_everywhere", help="Ends every sign-in of yours, this one too"):
    with user_errors("sign out everywhere"):
        with db() as s:
            web_sessions.close_all(s, username=principal.username, actor=principal)
        auth.sign_out()  # this tab's session is gone too: drop the cookie and draw the sign-in page
        st.rerun()

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
                auth.reopen(principal)  # the change ended every older sign-in, this tab's too: give it a new one
                flash("Password changed. Every other sign-in of yours has ended; use the new password next time.")
                st.rerun()
