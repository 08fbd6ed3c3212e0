"""The check every page runs before it renders anything: signed in, and the role may open this page."""

from __future__ import annotations

import streamlit as st

from services.principal import Principal
from webapp.auth import current_principal
from webapp.nav import PAGES, refusal


def require_page(url_path: str) -> Principal:
    """The signed-in principal if their role may open this page; otherwise explain and stop the run."""
    principal = current_principal()
    if principal is None:
        st.warning("Your session has ended or your account is disabled. Sign in again to continue.")
        st.stop()
    spec = next(p for p in PAGES if p.url_path == url_path)
    if principal.role not in spec.roles:
        st.error(refusal(spec))
        st.stop()
    return principal
