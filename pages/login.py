"""Sign-in page: the only page before login."""

from __future__ import annotations

import streamlit as st
from streamlit_authenticator.utilities import LoginError

from webapp import auth

FIELDS = {"Form name": "Sign in", "Username": "Username", "Password": "Password", "Login": "Sign in"}

_, middle, _ = st.columns([1, 1.3, 1])
with middle:
    st.title("ATS Resume Agent")
    st.caption("Rewrite resume bullets to match a job description, without inventing anything.")
    try:
        # Only the re-login cookie is checked here (nothing drawn); the form's own check runs in its callback.
        auth.authenticator().login(location="unrendered")
    except LoginError as exc:
        st.error(f"{exc}. Sign in with your username and password; ask an admin if your account was disabled.")
    if st.session_state.get("authentication_status"):
        auth.after_login()
    auth.sign_in_form(FIELDS)
    refused = auth.login_error()
    status = st.session_state.get("authentication_status")
    if refused:
        st.error(f"{refused}. Sign in with your username and password; ask an admin if your account was disabled.")
    elif status is False:
        st.error("Wrong username or password, or the account is disabled. Try again, or ask an admin to reset it.")
    else:
        st.info("Accounts are created by an admin. The first admin's password is printed by `make run`.")
