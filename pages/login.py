"""Sign-in page: drawn at the root and at every page's URL while signed out (webapp/main.py)."""

from __future__ import annotations

import streamlit as st

from webapp import auth

_, middle, _ = st.columns([1, 1.3, 1])
with middle:
    st.title("ATS Resume Agent")
    st.caption("Rewrite resume bullets to match a job description, without inventing anything.")
    why = auth.why_signed_out()
    if why:
        st.info(why, icon=":material/logout:")
    auth.sign_in_form()
    refused = auth.login_error()
    if refused:
        st.error(refused)
    else:
        st.caption("Accounts are created by an admin. The first admin's password is printed by `make run`.")
