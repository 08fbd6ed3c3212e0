"""Serve app.py with Streamlit, with Streamlit's own discovery of the pages/ folder off from the very first run.

app.py always calls st.navigation, but Streamlit decides whether to list pages/ by itself when its server
starts, before app.py has run once: the first visitor after a start would see every file of pages/ in the
sidebar. Turning the flag off before the server starts closes that gap (each page still checks the role).
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli as streamlit_cli


def main(argv: list[str]) -> None:
    """`streamlit run <argv>` with the pages/ folder never auto-listed."""
    PagesManager.uses_pages_directory = False
    streamlit_cli.main(args=["run", *argv], prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
