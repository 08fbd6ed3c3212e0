"""Finding 8: the sign-in cookie was written by page JavaScript (not HttpOnly) and never revoked server-side.

Now the server sets it (HttpOnly, SameSite=Strict) from a one-time ticket, and it opens the app only while its
web_sessions row lives: sign-out, a password change and "sign out everywhere" end it for good.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from db.session import session_scope
from services import users, web_sessions
from webapp.session_routes import ROUTES


@pytest.fixture
def client(web_settings):
    with TestClient(Starlette(routes=ROUTES), base_url="http://127.0.0.1") as c:
        yield c


def _ticket(settings, username: str) -> str:
    with session_scope(settings) as s:
        return web_sessions.open_session(
            s, principal=users.principal_for(s, username=username), settings=settings
        ).ticket


def _opens(settings, cookie: str) -> bool:
    with session_scope(settings) as s:
        return web_sessions.session_for_cookie(s, cookie=cookie, settings=settings) is not None


def test_the_cookie_is_set_by_the_server_httponly_and_strict(client, web_settings) -> None:
    reply = client.get("/session/start", params={"t": _ticket(web_settings, "rita")})
    header = reply.headers["set-cookie"]
    assert reply.status_code == 200 and header.startswith(f"{web_settings.cookie_name}=")
    assert "HttpOnly" in header and "SameSite=strict" in header and "Path=/" in header
    assert _opens(web_settings, reply.cookies[web_settings.cookie_name])


def test_a_ticket_works_once_and_not_from_another_site(client, web_settings) -> None:
    ticket = _ticket(web_settings, "rita")
    foreign = client.get("/session/start", params={"t": ticket}, headers={"Sec-Fetch-Site": "cross-site"})
    assert foreign.status_code == 403 and "set-cookie" not in foreign.headers
    assert "set-cookie" in client.get("/session/start", params={"t": ticket}).headers
    assert "set-cookie" not in client.get("/session/start", params={"t": ticket}).headers  # replayed: nothing


def test_sign_out_revokes_the_cookie_server_side(client, web_settings) -> None:
    cookie = client.get("/session/start", params={"t": _ticket(web_settings, "rita")}).cookies[web_settings.cookie_name]
    copied = cookie  # what a thief copied before the sign-out
    reply = client.get("/session/end")
    assert reply.status_code == 200 and "Max-Age=0" in reply.headers["set-cookie"]
    assert not _opens(web_settings, copied)


def test_password_change_and_sign_out_everywhere_revoke_cookies(client, web_settings) -> None:
    first = client.get("/session/start", params={"t": _ticket(web_settings, "rita")}).cookies[web_settings.cookie_name]
    with session_scope(web_settings) as s:
        users.change_password(s, username="rita", old="recruiter-pass-1", new="another-pass-22")
    assert not _opens(web_settings, first)
    second = client.get("/session/start", params={"t": _ticket(web_settings, "mona")}).cookies[web_settings.cookie_name]
    with session_scope(web_settings) as s:
        web_sessions.close_all(s, username="mona", actor=users.principal_for(s, username="admin"))
    assert not _opens(web_settings, second)


def test_a_token_forged_with_the_cookie_key_opens_nothing(web_settings) -> None:
    """The old cookie was an HS256 token of a username; one made with the real key for admin must not open."""

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps({"username": "admin", "exp_date": 4102444800}).encode())
    key = web_settings.cookie_key.encode()
    sig = b64(hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest())
    assert not _opens(web_settings, f"{head}.{body}.{sig}")
