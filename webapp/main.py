"""The Streamlit script app.py serves: page config, sign-in, and the pages each role may open, each at its own URL.

Every page of the app is registered at its URL path on every run, so a reload or a link opens it directly:
signed out, each URL draws the sign-in form and, once signed in, the page the URL names (query string kept); signed
in, a page outside the role draws a refusal at its URL and is not in the menu. The role is decided here, on the
server, and each page checks it again (webapp/guard.py).
"""

from __future__ import annotations

import logging

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from core.errors import ConfigError
from services import audit
from services.principal import Principal
from webapp import auth, labels, routing, state
from webapp.errors import user_errors
from webapp.literal import md

log = logging.getLogger("ats.web")

st.set_page_config(
    page_title="ATS Resume Agent",
    page_icon=":material/description:",
    layout="wide",
    initial_sidebar_state="expanded",
)


def _sidebar(principal: Principal) -> None:
    """The signed-in user and the sign-out button (signing out happens in its callback, before the next run)."""
    with st.sidebar:
        team = f" · team {principal.team}" if principal.team else ""
        role = labels.ROLES.get(principal.role, principal.role)
        st.markdown(f"**{md(principal.username)}**  \n:gray[{md(role + team)}]")
        st.button("Sign out", icon=":material/logout:", key="sign_out", width="stretch", on_click=auth.sign_out)
        auth.offer_cookie()


def _setup_problem(message: str) -> None:
    """Show a setup problem as the only page (st.navigation still runs, so pages/ is never auto-listed)."""

    def problem() -> None:
        st.title("ATS Resume Agent")
        st.error(message, icon=":material/build:")

    st.navigation([st.Page(problem, title="Setup needed", url_path="setup")], position="hidden").run()


def main() -> None:
    """Find the signed-in user (this tab's session, else the browser's cookie), then run the page of the URL."""
    try:
        state.settings().require_cookie_key()  # no built-in key to fall back on: without one, nobody can sign in
        principal = auth.current_principal()
    except ConfigError as exc:
        _setup_problem(f"The app cannot start: {exc}. Fix the setting and restart it.")
        return
    except SQLAlchemyError as exc:
        log.error("database not ready: %s", type(exc).__name__)
        _setup_problem(
            "The database is not reachable or not migrated. Run `python manage.py migrate` "
            "(or start the app with `make run`, which migrates first), then reload."
        )
        return
    if principal is None:
        page = st.navigation(routing.pages(None), position="hidden")
        page.run()
        auth.drop_cookie()
        return
    page = st.navigation(routing.pages(principal.role))
    _sidebar(principal)
    state.show_flashes()
    # user_errors: the one edge, anything a page did not handle becomes a sentence, not a traceback.
    # acting_from: audit rows written by this run's actions (keys, roles, limits, exports) record the browser's address.
    with user_errors("page"), audit.acting_from(auth.client_address()):
        page.run()


main()
