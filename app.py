"""The web app's entry: `streamlit run app.py` serves webapp/main.py (sign-in, role navigation, pages/) together
with the two sign-in cookie routes of webapp/session_routes.py, as one st.App on one port.

The script lives in webapp/ rather than here beside pages/: Streamlit treats a script with a pages/ folder beside it
as a legacy multipage app until its first st.navigation call, and would list every file of pages/ to the first
visitor after a start.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

from webapp.serve import configure_observability
from webapp.session_routes import ROUTES

SCRIPT = Path(__file__).resolve().parent / "webapp" / "main.py"


@asynccontextmanager
async def _observability(_app: st.App) -> AsyncIterator[None]:
    """JSON logs and tracing as the API and workers have them, every record scrubbed (Streamlit's too)."""
    configure_observability()
    yield


app = st.App(SCRIPT, routes=ROUTES, lifespan=_observability)
