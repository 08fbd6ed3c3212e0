"""Web sign-in on public Streamlit APIs: the form, the signed-in user of every run, sign-out, the cookie's hand-off.

A sign-in opens a row in web_sessions (services/web_sessions.py). The tab keeps that row's id in st.session_state
(server memory, never sent to the browser); the browser gets an HttpOnly cookie from webapp/session_routes.py by
trading a one-time ticket, and a reload or a new tab finds its session again through st.context.cookies. Every
run looks the session up in the database, so a session signed out, revoked or expired opens nothing.

streamlit-authenticator is not used: its cookie carries no session id, so it cannot be revoked server-side, and
its public API neither reads credentials from our users table nor takes our throttled, audited password check.
"""

from __future__ import annotations

import html

import streamlit as st

from core.errors import SignInPaused
from services import web_sessions
from services.principal import Principal
from webapp.state import db, settings

SESSION_KEY = "_web_session"  # the web_sessions row id of this tab
TICKET_KEY = "_cookie_ticket"  # the ticket the page offers the browser until it is traded for the cookie
CLEAR_KEY = "_cookie_clear"  # set by sign-out: the sign-in page asks the browser to drop the cookie
LOGIN_ERROR = "_login_error"
SIGNED_OUT = "_signed_out"
ENDED = "_session_ended"
USER_FIELD, PASSWORD_FIELD = "login_username", "login_password"
START_PATH, END_PATH = "/session/start", "/session/end"  # served by webapp/session_routes.py


def current_principal() -> Principal | None:
    """The signed-in user as the database has them now (None: signed out, revoked, expired or disabled)."""
    session_id = st.session_state.get(SESSION_KEY)
    with db() as s:
        if session_id is not None:
            principal = web_sessions.principal_of(s, session_id=session_id)
            if principal is None:  # signed out elsewhere, revoked, expired, or the user was disabled
                st.session_state.pop(SESSION_KEY, None)
                st.session_state.pop(TICKET_KEY, None)
                st.session_state[ENDED] = True
            return principal
        web_sessions.check_ready(s)  # signed out: no lookup below touches the database, so ask it once here
        cookie = st.context.cookies.get(settings().cookie_name)
        found = None
        if isinstance(cookie, str) and cookie:  # AppTest has no real client: no cookies
            found = web_sessions.session_for_cookie(s, cookie=cookie, settings=settings())
    if found is None:
        return None
    st.session_state[SESSION_KEY] = found[0]
    return found[1]


def signed_in_session() -> int | None:
    """This tab's session id (None when signed out)."""
    return st.session_state.get(SESSION_KEY)


def sign_in_form() -> None:
    """The sign-in form; its button checks the password in a callback, before the next run starts.

    The run that follows a press of Sign in then already knows the user, so the app draws the page of the URL
    the user opened (or their first page) at once.
    """
    with st.form("login"):
        st.subheader("Sign in")
        st.text_input("Username", key=USER_FIELD, autocomplete="username")
        st.text_input("Password", type="password", key=PASSWORD_FIELD, autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_on_sign_in)


def _on_sign_in() -> None:
    """Check the typed name and password; on success this tab holds the new session and offers its cookie."""
    username, password = st.session_state.get(USER_FIELD, ""), st.session_state.get(PASSWORD_FIELD, "")
    st.session_state[PASSWORD_FIELD] = ""  # the password is not kept in the session
    if not username.strip() or not password:
        st.session_state[LOGIN_ERROR] = "Type your username and your password."
        return
    try:
        with db() as s:
            done = web_sessions.sign_in(
                s, username=username, password=password, settings=settings(), address=client_address()
            )
    except SignInPaused as exc:  # the same words whichever of name or password was wrong
        st.session_state[LOGIN_ERROR] = (
            f"Sign-in failed, and is paused after repeated failures: try again in {exc.retry_after_s} s."
        )
        return
    if done is None:
        st.session_state[LOGIN_ERROR] = (
            "Wrong username or password, or the account is disabled. Try again, or ask an admin to reset it."
        )
        return
    st.session_state[SESSION_KEY] = done[1].session_id
    st.session_state[TICKET_KEY] = done[1].ticket
    for key in (CLEAR_KEY, SIGNED_OUT, ENDED):
        st.session_state.pop(key, None)


def reopen(principal: Principal) -> None:
    """Give this tab a new session (after a password change ended the older ones) and offer its cookie."""
    with db() as s:
        opened = web_sessions.open_session(s, principal=principal, settings=settings(), address=client_address())
    st.session_state[SESSION_KEY] = opened.session_id
    st.session_state[TICKET_KEY] = opened.ticket


def login_error() -> str | None:
    """Why the last sign-in was refused, once."""
    return st.session_state.pop(LOGIN_ERROR, None)


def why_signed_out() -> str | None:
    """Why this tab is on the sign-in page again: it signed out, or its session ended elsewhere; None otherwise."""
    if st.session_state.get(SIGNED_OUT):
        return "Signed out. Sign in again below."
    if st.session_state.get(ENDED):
        return (
            "Your session has ended: signed out elsewhere, the password changed, or the account was disabled. "
            "Sign in again to continue."
        )
    return None


def sign_out() -> None:
    """The Sign out button's callback: revoke this tab's session in the database, then ask to drop the cookie."""
    session_id = st.session_state.pop(SESSION_KEY, None)
    st.session_state.pop(TICKET_KEY, None)
    if session_id is not None:
        with db() as s:
            web_sessions.close(s, session_id=session_id, address=client_address())
    st.session_state[CLEAR_KEY] = True
    st.session_state[SIGNED_OUT] = True
    st.session_state.pop(ENDED, None)


def offer_cookie() -> None:
    """While this tab's ticket is untraded, draw an image whose request trades it for the HttpOnly cookie.

    A plain <img> (st.html strips scripts): the browser fetches it from this origin, and the route's answer sets
    the cookie. It is drawn again on later runs until the database says the ticket was used or ran out, so a run
    that replaced the page before the browser fetched it does not lose the cookie.
    """
    ticket = st.session_state.get(TICKET_KEY)
    session_id = st.session_state.get(SESSION_KEY)
    if ticket is None or session_id is None:
        return
    with db() as s:
        pending = web_sessions.ticket_pending(s, session_id=session_id)
    if not pending:
        st.session_state.pop(TICKET_KEY, None)
        return
    _pixel(f"{START_PATH}?t={ticket}")


def drop_cookie() -> None:
    """After a sign-out, ask the browser to drop its cookie (the session is already revoked server-side)."""
    if st.session_state.get(CLEAR_KEY):
        _pixel(END_PATH)


def _pixel(url: str) -> None:
    st.html(f'<img src="{html.escape(url)}" alt="" width="1" height="1" style="opacity:0">', width=1)


def client_address() -> str | None:
    """The browser's address as Streamlit reports it (None in AppTest)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None
