"""HTTP routes beside the Streamlit app (st.App routes) that set and drop the sign-in cookie from the server.

Streamlit offers no public way for a script to set a cookie, and a cookie written by page JavaScript cannot be
HttpOnly; these two routes can. `/session/start?t=<ticket>` trades a one-time ticket (services/web_sessions.py) for
the HttpOnly, SameSite=Strict cookie; `/session/end` signs out the session the cookie stands for and drops it. Both
answer a 1x1 image, since the page asks for them with an <img> (webapp/auth.py), and refuse requests another site
starts (Sec-Fetch-Site), so a foreign page can neither plant its own session in a browser nor sign one out.
"""

from __future__ import annotations

import base64

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from services import web_sessions
from webapp.state import db, settings

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")  # 1x1 transparent GIF
_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _same_origin(request: Request) -> bool:
    """False when the browser says another site started the request (older browsers send no such header)."""
    return request.headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")


def _answer() -> Response:
    return Response(PIXEL, media_type="image/gif", headers=_HEADERS)


def start(request: Request) -> Response:
    """Trade the ticket for the cookie; an unknown, used or expired ticket gets the image and no cookie."""
    if not _same_origin(request):
        return Response(status_code=403, headers=_HEADERS)
    conf = settings()
    ticket = request.query_params.get("t", "")
    with db() as s:
        cookie = web_sessions.redeem_ticket(s, ticket=ticket, settings=conf) if ticket else None
    response = _answer()
    if cookie is not None:
        response.set_cookie(
            conf.cookie_name,
            cookie,
            max_age=int(conf.cookie_expiry_days * 86400),
            path="/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


def end(request: Request) -> Response:
    """Sign out the cookie's session (if it still opens) and tell the browser to drop the cookie."""
    if not _same_origin(request):
        return Response(status_code=403, headers=_HEADERS)
    conf = settings()
    cookie = request.cookies.get(conf.cookie_name)
    if cookie:
        with db() as s:
            web_sessions.close_by_cookie(s, cookie=cookie, settings=conf)
    response = _answer()
    response.delete_cookie(conf.cookie_name, path="/", httponly=True, samesite="strict")
    return response


ROUTES = [Route("/session/start", start, methods=["GET"]), Route("/session/end", end, methods=["GET"])]
