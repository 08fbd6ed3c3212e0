"""Every page at its URL on every run; what each URL draws is decided here, on the server, by who is signed in.

`plan(role)` is pure (tested without Streamlit); `pages(role)` turns it into the st.Page list for st.navigation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import streamlit as st

from webapp import nav

ROOT = Path(__file__).resolve().parent.parent
Draws = Literal["page", "sign_in", "refusal", "first_page"]


@dataclass(frozen=True)
class Slot:
    """One URL path: what it draws, whether the menu lists it, and whether it is the root's page."""

    spec: nav.PageSpec
    draws: Draws
    visible: bool = False
    default: bool = False


def plan(role: str | None) -> list[Slot]:
    """The URL plan: signed out (None), every URL draws the sign-in form; signed in, the role's pages are in the
    menu, any other page's URL draws a refusal (its file never runs), and /login goes to the first page."""
    if role is None:
        return [Slot(nav.LOGIN, "sign_in", visible=True, default=True)] + [Slot(p, "sign_in") for p in nav.PAGES]
    allowed = nav.pages_for(role)
    slots = [Slot(p, "page", visible=True, default=(i == 0)) for i, p in enumerate(allowed)]
    slots += [Slot(p, "refusal") for p in nav.PAGES if p not in allowed]
    return [*slots, Slot(nav.LOGIN, "first_page")]


def pages(role: str | None) -> list[st.Page]:
    """The st.Page objects of plan(role), in its order."""
    slots = plan(role)
    built: list[st.Page] = []
    for slot in slots:
        spec, hidden = slot.spec, "visible" if slot.visible else "hidden"
        if slot.draws == "page":
            built.append(_file_page(spec, spec, default=slot.default))
        elif slot.draws == "sign_in":  # titled "Sign in" whichever URL it stands at
            built.append(_file_page(nav.LOGIN, spec, default=slot.default, visibility=hidden))
        elif slot.draws == "refusal":
            built.append(st.Page(_refuse(spec), title=spec.title, url_path=spec.url_path, visibility="hidden"))
        else:
            first = built[0]
            built.append(st.Page(_go(first), title=spec.title, url_path=spec.url_path, visibility="hidden"))
    return built


def _file_page(
    drawn: nav.PageSpec, at: nav.PageSpec, *, default: bool, visibility: Literal["visible", "hidden"] = "visible"
) -> st.Page:
    """The file of `drawn` (its title and icon) at the URL path of `at`."""
    return st.Page(
        ROOT / drawn.file,
        title=drawn.title,
        icon=drawn.icon,
        url_path=at.url_path,
        default=default,
        visibility=visibility,
    )


def _refuse(spec: nav.PageSpec):  # noqa: ANN202 - a page callable
    def refuse() -> None:
        st.title(spec.title)
        st.error(nav.refusal(spec), icon=":material/block:")

    refuse.__name__ = f"refuse_{spec.url_path}"
    return refuse


def _go(first: st.Page):  # noqa: ANN202 - a page callable
    def to_first_page() -> None:
        st.switch_page(first)

    return to_first_page
