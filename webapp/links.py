"""Links and jumps between pages by URL path, independent of where the entry script lives."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from webapp.nav import PAGES, PageSpec

ROOT = Path(__file__).resolve().parent.parent


def _spec(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)


def page(url_path: str) -> st.Page:
    """The st.Page for a URL path (the same object app.py registers, so Streamlit matches it)."""
    spec = _spec(url_path)
    return st.Page(ROOT / spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path)


def go(url_path: str, **query: str) -> None:
    """Switch to another page, with query parameters (e.g. job=<id>)."""
    st.switch_page(page(url_path), query_params=query or None)


def link(url_path: str, label: str, icon: str | None = None, **query: str) -> None:
    """A link to another page, with query parameters."""
    st.page_link(page(url_path), label=label, icon=icon, query_params=query or None)
