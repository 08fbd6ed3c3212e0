"""Choices kept in the URL's query string (?job=…&candidate=…), so a page survives a reload and can be shared."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st


def _to_url(key: str, param: str, clears: Sequence[str]) -> None:
    """A picker's callback: the new choice goes into the URL before the page runs (and its dependants go)."""
    st.query_params[param] = str(st.session_state[key])
    for other in clears:
        st.query_params.pop(other, None)


def pick(key: str, value: Any, param: str, clears: Sequence[str] = ()) -> None:
    """Choose a value for a URL-kept picker from elsewhere (a click in a table), as if picked by hand."""
    st.session_state[key] = value
    _to_url(key, param, clears)


def url_select(
    label: str,
    options: Sequence[Any],
    *,
    param: str,
    key: str,
    format_func: Callable[[Any], str] = str,
    default: Any = None,
    clears: Sequence[str] = (),
) -> Any:
    """A selectbox whose choice is the query parameter `param`: the URL's value when it is one of the options.

    Otherwise the session's earlier choice, else `default`, else the first option. `clears` names parameters
    that belong to the old choice (a candidate of the old job) and are dropped when the choice changes.
    """
    wanted = st.query_params.get(param)
    if wanted is not None and wanted in options:
        st.session_state[key] = wanted
    elif st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else options[0]
    value = st.selectbox(label, options, key=key, format_func=format_func, on_change=_to_url, args=(key, param, clears))
    if st.query_params.get(param) != str(value):
        st.query_params[param] = str(value)
    return value
