"""Show candidate and model text literally: never as Markdown, HTML, a link, an image or an icon.

Resume, JD and model text is untrusted. Streamlit renders Markdown (with GitHub's autolinks, emoji and icon
shortcodes, colour directives and LaTeX) in st.markdown, st.caption, st.error/warning/info/success and more, so
`[portfolio](https://phish.example)` becomes a live link and `![x](https://attacker.example/b.png)` loads an
image. Two ways to show such text:

- `md(text)` inside a Markdown element: every ASCII punctuation mark is backslash-escaped (no syntax survives) and
  an invisible U+200B is put after each `:`, before each `@` and inside `www.` — the autolink, emoji and icon
  finders run on the parsed text, after escapes are gone, and these are the characters they key on.
- `html_text(text)` inside `st.html` (HTML only, sanitised, no Markdown at all): plain HTML escaping suffices.
Tables (st.dataframe), form fields, st.text and st.code show text literally already.
"""

from __future__ import annotations

import html
import re

ZWSP = "\u200b"
_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_AUTOLINK_KEYS = re.compile(r"(?i)(www)(?=\\\.)|(\\:)|(\\@)")


def md(text: object) -> str:
    """Text to embed in a Markdown string, shown exactly as written (no link, image, markup or shortcode)."""
    escaped = _PUNCT.sub(r"\\\1", "" if text is None else str(text))
    return _AUTOLINK_KEYS.sub(_break_autolink, escaped)


def _break_autolink(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1) + ZWSP  # www​.example: no "www." left to find
    if m.group(2):
        return m.group(2) + ZWSP  # https:​// and :emoji​: no longer match
    return ZWSP + m.group(3)  # name​@host is no e-mail address to link


def html_text(text: object) -> str:
    """Text to embed in st.html markup (no Markdown is applied there): HTML-escaped, quotes included."""
    return html.escape("" if text is None else str(text), quote=True)
