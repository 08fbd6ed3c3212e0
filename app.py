"""Streamlit entry: page config, sign-in, and the navigation each role is allowed to see."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core.config import Settings
from core.errors import ConfigError
from services import audit
from services.principal import Principal
from webapp import auth, nav, state
from webapp.errors import user_errors

log = logging.getLogger("ats.web")
ROOT = Path(__file__).resolve().parent
PAGE_SHOWN = "_page_shown"  # script hash of the page the last full run drew

st.set_page_config(
    page_title="ATS Resume Agent",
    page_icon=":material/description:",
    layout="wide",
    initial_sidebar_state="expanded",
)


def _sidebar(principal: Principal) -> bool:
    """The signed-in user and the sign-out button; True when it was pressed."""
    with st.sidebar:
        team = f" · team {principal.team}" if principal.team else ""
        st.markdown(f"**{principal.username}**  \n:gray[{principal.role}{team}]")
        return st.button("Sign out", icon=":material/logout:", key="sign_out", width="stretch")


def _setup_problem(message: str) -> None:
    """Show a setup problem as the only page (st.navigation still runs, so pages/ is never auto-listed)."""

    def problem() -> None:
        st.title("ATS Resume Agent")
        st.error(message, icon=":material/build:")

    st.navigation([st.Page(problem, title="Setup needed", url_path="setup")], position="hidden").run()


@st.fragment
def _cookie_widgets(settings: Settings, credentials: dict[str, Any]) -> None:
    """Build the authenticator (its cookie widget) and write a pending sign-in cookie.

    The cookie widgets report back to the server when the browser's cookies change; inside a fragment that
    reruns only this function, not the page the user may already be clicking away from.
    """
    _redraw_if_stale()
    authenticator = auth.make_authenticator(settings, credentials)
    auth.write_pending_cookie(authenticator)


def _redraw_if_stale() -> None:
    """Rerun the whole app on the page the user is on when a cookie widget answers from a page since left.

    The cookie widget of the sign-in page reports when it loads; when that report arrives after the user
    already signed in, Streamlit runs this fragment for the sign-in page and the browser drops the page on
    screen (it showed an empty page). A full run of the current page draws it again.
    """
    ctx = get_script_run_ctx()
    shown = st.session_state.get(PAGE_SHOWN)
    if ctx is None or not ctx.fragment_ids_this_run or shown is None or ctx.page_script_hash == shown:
        return
    ctx.set_mpa_v2_page(shown)  # st.rerun reruns the context's page: make it the one on screen
    st.rerun()


def main() -> None:
    """Sign the user in, then show only the pages their role may open."""
    try:
        settings = state.settings()
        credentials = auth.load_credentials()  # outside the fragment, so a database error is handled below
        _cookie_widgets(settings, credentials)
        authenticator = auth.authenticator()
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
        if st.session_state.get("authentication_status"):  # the account was disabled mid-session
            authenticator.authentication_controller.logout()
        login = nav.LOGIN
        page = st.navigation(
            [st.Page(ROOT / login.file, title=login.title, icon=login.icon, url_path=login.url_path, default=True)],
            position="hidden",
        )
        st.session_state[PAGE_SHOWN] = get_script_run_ctx().page_script_hash
        page.run()
        return
    specs = nav.pages_for(principal.role)
    pages = [
        st.Page(ROOT / p.file, title=p.title, icon=p.icon, url_path=p.url_path, default=(i == 0))
        for i, p in enumerate(specs)
    ]
    page = st.navigation(pages)
    st.session_state[PAGE_SHOWN] = get_script_run_ctx().page_script_hash
    if _sidebar(principal):
        auth.logout()
    state.show_flashes()
    # user_errors: the one edge, anything a page did not handle becomes a sentence, not a traceback.
    # acting_from: audit rows written by this run's actions (keys, roles, limits, exports) record the browser's address.
    with user_errors("page"), audit.acting_from(auth.client_address()):
        page.run()


main()
