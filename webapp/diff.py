"""Word-level differences between a bullet and its rewrite, as escaped HTML for the Review page."""

from __future__ import annotations

import difflib
import html
import re

# A word with the whitespace after it, so runs of changed words merge into one mark.
_TOKEN = re.compile(r"^\s+|\S+\s*")
DEL_STYLE = "background:#fde2e1;color:#8a1c1c;text-decoration:line-through;border-radius:3px;padding:0 2px"
INS_STYLE = "background:#dcf5e3;color:#135c2a;border-radius:3px;padding:0 2px"


def diff_ops(original: str, rewrite: str) -> list[tuple[str, str, str]]:
    """The edit script as (op, original words, rewrite words); op is equal, delete, insert or replace."""
    a, b = _TOKEN.findall(original), _TOKEN.findall(rewrite)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [(op, "".join(a[i1:i2]), "".join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def diff_html(original: str, rewrite: str) -> tuple[str, str]:
    """Both texts as HTML: removed words struck through in the original, added words marked in the rewrite."""
    left: list[str] = []
    right: list[str] = []
    for op, old, new in diff_ops(original, rewrite):
        if op == "equal":
            left.append(html.escape(old))
            right.append(html.escape(new))
            continue
        if old:
            left.append(_wrap("del", DEL_STYLE, old))
        if new:
            right.append(_wrap("ins", INS_STYLE, new))
    return "".join(left), "".join(right)


def changed_ratio(original: str, rewrite: str) -> float:
    """Share of the rewrite's characters that differ from the original (0 = identical)."""
    if not original and not rewrite:
        return 0.0
    return round(1.0 - difflib.SequenceMatcher(a=original, b=rewrite, autojunk=False).ratio(), 3)


def _wrap(tag: str, style: str, text: str) -> str:
    # Keep surrounding whitespace outside the mark so highlights hug the words.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if not core:
        return html.escape(text)
    return f'{html.escape(lead)}<{tag} style="{style}">{html.escape(core)}</{tag}>{html.escape(trail)}'
