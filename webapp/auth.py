"""Sign-in with streamlit-authenticator over the users table; the signed-in Principal is re-read every run."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import streamlit as st
import streamlit.components.v1 as components
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities import LoginError

from core.config import Settings
from core.errors import NotFound
from services import users
from services.principal import Principal
from webapp.state import db

AUTH_KEY = "_authenticator"
COOKIE_PENDING = "_cookie_pending"
LOGIN_ERROR = "_login_error"
USER_FIELD, PASSWORD_FIELD = "login_username", "login_password"


def load_credentials() -> dict[str, Any]:
    """Enabled users in streamlit-authenticator's shape (bcrypt hashes), read fresh on every run."""
    with db() as s:
        return users.authenticator_credentials(s)


def make_authenticator(settings: Settings, credentials: dict[str, Any]) -> stauth.Authenticate:
    """Build the Authenticate object for this run (call once per run)."""
    # Authenticate edits the dict it is given (lower-cased names, login counters): give it a copy.
    authenticator = stauth.Authenticate(
        copy.deepcopy(credentials),
        cookie_name=settings.cookie_name,
        cookie_key=settings.cookie_key,
        cookie_expiry_days=settings.cookie_expiry_days,
        auto_hash=False,
        login_sleep_time=settings.web_login_sleep_s,
    )
    _check_against_database(authenticator, credentials)
    st.session_state[AUTH_KEY] = authenticator
    return authenticator


def authenticator() -> stauth.Authenticate:
    """The Authenticate object app.py built for this run."""
    return st.session_state[AUTH_KEY]


def _check_against_database(authenticator: stauth.Authenticate, credentials: dict[str, Any]) -> None:
    """Route the password check through services.users.authenticate.

    That check is the one the REST side uses: it refuses disabled users, keeps the names' case (the
    widget lower-cases what is typed) and writes both outcomes to the audit log.
    """
    names = {name.lower(): name for name in credentials["usernames"]}
    model = authenticator.authentication_controller.authentication_model

    def check_credentials(username: str, password: str) -> bool:
        real = names.get(username, username)
        with db() as s:
            return users.authenticate(s, username=real, password=password, address=client_address()) is not None

    model.check_credentials = check_credentials


def signed_in_username() -> str | None:
    """The signed-in user's name (as stored), or None."""
    if not st.session_state.get("authentication_status"):
        return None
    return st.session_state.get("name") or st.session_state.get("username")


def current_principal() -> Principal | None:
    """The signed-in user as the database has them now (None when signed out, disabled or deleted)."""
    username = signed_in_username()
    if username is None:
        return None
    try:
        with db() as s:
            return users.principal_for(s, username=username)
    except NotFound:
        return None


def sign_in_form(fields: dict[str, str]) -> None:
    """The sign-in form; its button checks the password in a callback, before the next run starts.

    The run that follows a press of Sign in then already knows the user, so app.py draws their first page
    at once instead of drawing the sign-in page again and rerunning (one script run fewer).
    """
    with st.form("login"):
        st.subheader(fields["Form name"])
        st.text_input(fields["Username"], key=USER_FIELD, autocomplete="off")
        st.text_input(fields["Password"], type="password", key=PASSWORD_FIELD, autocomplete="off")
        st.form_submit_button(fields["Login"], on_click=_on_sign_in)


def _on_sign_in() -> None:
    """Check the typed credentials with the authenticator of the run that drew the form."""
    username, password = st.session_state.get(USER_FIELD, ""), st.session_state.get(PASSWORD_FIELD, "")
    st.session_state[PASSWORD_FIELD] = ""  # the password is not kept in the session
    try:
        if authenticator().authentication_controller.login(username, password):
            st.session_state[COOKIE_PENDING] = True
    except LoginError as exc:
        st.session_state[LOGIN_ERROR] = str(exc)


def login_error() -> str | None:
    """The authenticator's refusal of the last sign-in (too many attempts and the like), once."""
    return st.session_state.pop(LOGIN_ERROR, None)


def after_login() -> None:
    """On the run a cookie signed the user in again: open the user's pages now; the cookie is renewed then."""
    st.session_state[COOKIE_PENDING] = True
    st.rerun()


def write_pending_cookie(auth: stauth.Authenticate) -> None:
    """Write the re-login cookie once, on the first run after a sign-in.

    A static script writes it rather than the authenticator's cookie widget: that widget answers the server
    once the cookie is set, and the run this answer starts could land just after the user clicked to another
    page and replace that page with the one they left (the same cookie, path and expiry otherwise).
    """
    if not (st.session_state.pop(COOKIE_PENDING, False) and st.session_state.get("authentication_status")):
        return
    model = auth.cookie_controller.cookie_model
    if not model.cookie_expiry_days:
        return
    model.exp_date = model._set_exp_date()
    token = model._token_encode()
    expires = datetime.now(UTC) + timedelta(days=model.cookie_expiry_days)
    cookie = f"{model.cookie_name}={token}; path=/; expires={expires:%a, %d %b %Y %H:%M:%S GMT}; samesite=strict"
    components.html(f"<script>document.cookie = {json.dumps(cookie)};</script>", height=0)


def logout() -> None:
    """Sign out: clear the session and delete the re-login cookie, then stop this run.

    The cookie widget reruns the app once the browser has dropped the cookie, which shows the sign-in
    page; rerunning earlier could remove the widget before it ran and leave the cookie in place.
    """
    auth = authenticator()
    auth.authentication_controller.logout()
    auth.cookie_controller.delete_cookie()
    st.info("Signed out.")
    if st.button("Sign in again", key="sign_in_again"):
        st.rerun()
    st.stop()


def client_address() -> str | None:
    """The browser's address as Streamlit reports it (None in AppTest)."""
    try:
        address = st.context.ip_address
    except AttributeError:
        return None
    return address if isinstance(address, str) else None  # AppTest has no real client
