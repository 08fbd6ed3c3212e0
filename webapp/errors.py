"""Turn the project's errors into st.error messages that say what to do next (never a traceback)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from core.errors import (
    AtsError,
    ConfigError,
    Conflict,
    DailyLimitReached,
    InputError,
    InvalidRows,
    NotFound,
    PermissionDenied,
    ProviderError,
)
from webapp.literal import md

log = logging.getLogger("ats.web")


def message_for(exc: BaseException) -> str:
    """A sentence for the user: what went wrong and what to do next."""
    if isinstance(exc, DailyLimitReached):
        return (
            f"The daily cost limit is reached ({exc.scope}: ${exc.spent_usd:,.2f} of ${exc.limit_usd:,.2f}). "
            "Paused work resumes tomorrow (UTC); an admin can raise the limit on the Admin page."
        )
    if isinstance(exc, InvalidRows):
        return f"{len(exc.rows)} row(s) cannot be processed; nothing was submitted. Fix the rows listed below."
    if isinstance(exc, InputError):
        return f"{_sentence(exc)} Correct it and try again."
    if isinstance(exc, NotFound):
        return f"{_sentence(exc)} It may have been removed, or it is not shared with you; check the link."
    if isinstance(exc, PermissionDenied):
        return f"{_sentence(exc)} Ask an admin if you need this access."
    if isinstance(exc, Conflict):
        return f"{_sentence(exc)} Reload the page to see the latest state, then try again."
    if isinstance(exc, ProviderError):
        return f"The model provider failed: {exc}. Try again in a few minutes; the offline engine keeps working."
    if isinstance(exc, ConfigError):
        return f"The app is misconfigured: {exc}. Tell the operator who runs it."
    if isinstance(exc, OperationalError):
        return "The database is not answering. Wait a moment and reload; if it persists, tell the operator."
    return "Something went wrong on our side. Reload the page and try again; if it persists, tell the operator."


@contextmanager
def user_errors(action: str | None = None) -> Iterator[None]:
    """Show any error raised inside as st.error (rows of InvalidRows as a table); log unexpected ones."""
    try:
        yield
    except InvalidRows as exc:
        st.error(md(message_for(exc)), icon=":material/error:")
        st.dataframe(pd.DataFrame(exc.rows), hide_index=True, width="stretch")
    except AtsError as exc:
        st.error(md(message_for(exc)), icon=":material/error:")  # messages may quote what the user typed
    except SQLAlchemyError as exc:
        log.error("database error during %s: %s", action or "a page action", type(exc).__name__)
        st.error(message_for(exc), icon=":material/error:")
    except Exception:  # noqa: BLE001 - the page edge: the user gets a sentence, the log gets the traceback
        log.exception("unexpected error during %s", action or "a page action")
        st.error(message_for(RuntimeError()), icon=":material/error:")


def _sentence(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
