"""Per-process resources and per-session state of the web app: settings, database sessions, flash messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlalchemy.orm import Session

from core.config import Settings, get_settings
from services.sessions import session_scope

FLASH_KEY = "_flash"


def settings() -> Settings:
    """The process-wide Settings (read once from the environment)."""
    return get_settings()


@contextmanager
def db() -> Iterator[Session]:
    """A database session for one unit of work: commits on success, rolls back on error."""
    with session_scope(settings()) as session:
        yield session


def flash(message: str, kind: str = "success") -> None:
    """Keep a message to show on the next run (after st.rerun or st.switch_page)."""
    st.session_state.setdefault(FLASH_KEY, []).append((kind, message))


def show_flashes() -> None:
    """Show and forget the kept messages."""
    for kind, message in st.session_state.pop(FLASH_KEY, []):
        getattr(st, kind, st.info)(message)
