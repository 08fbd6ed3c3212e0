"""One bullet of Review as escaped HTML: original and rewrite with the differences marked, the reason and the flags.

Every piece of resume or model text is escaped here, so the page shows it literally (never as Markdown or HTML).
"""

from __future__ import annotations

import html
from typing import Any

from webapp.diff import diff_html
from webapp.labels import bullet_flag
from webapp.review_data import FAILED, UNCHANGED, bullet_state

_BOX = "display:flex;gap:1.2rem;flex-wrap:wrap;line-height:1.5"
_COL = "flex:1 1 18rem;min-width:0"
_LABEL = "font-size:.78rem;font-weight:600;color:#5f6368;text-transform:uppercase;letter-spacing:.03em"
_NOTE = "font-size:.85rem;color:#3c4043;margin-top:.4rem"
_FLAG = "font-size:.85rem;color:#8a1c1c;margin-top:.2rem"
_EDIT = "font-size:.9rem;margin-top:.4rem;padding:.3rem .5rem;border-left:3px solid #3b6fb6;background:#f3f6fb"


def _block(label: str, body: str) -> str:
    return f'<div style="{_COL}"><div style="{_LABEL}">{label}</div><div>{body}</div></div>'


def bullet_html(bullet: dict[str, Any], edited: str | None = None) -> str:
    """The bullet's texts side by side (only the original when nothing was proposed), reason, flags, an edit."""
    original = str(bullet.get("original") or "")
    state = bullet_state(bullet)
    section = f" · {html.escape(str(bullet['section']))}" if bullet.get("section") else ""
    if state == UNCHANGED:
        texts = _block(f"Original{section} (no change proposed)", html.escape(original))
    else:
        old, new = diff_html(original, str(bullet.get("rewrite") or ""))
        label = "Rewrite (failed the checks; the original stands)" if state == FAILED else "Rewrite"
        texts = _block(f"Original{section}", old) + _block(label, new)
    parts = [f'<div style="{_BOX}">{texts}</div>']
    reason = str(bullet.get("rationale") or "").strip()
    if reason:
        parts.append(f'<div style="{_NOTE}"><b>Why:</b> {html.escape(reason)}</div>')
    used = [str(k) for k in bullet.get("keywords_used") or [] if str(k).strip()]
    if used and state != UNCHANGED:
        parts.append(f'<div style="{_NOTE}"><b>JD terms used:</b> {html.escape(", ".join(used))}</div>')
    for flag in bullet.get("flags") or []:
        detail = str(flag.get("detail") or "").strip()
        words = bullet_flag(flag.get("kind"))
        parts.append(f'<div style="{_FLAG}">⚑ {html.escape(words)}{": " + html.escape(detail) if detail else ""}</div>')
    if edited:
        parts.append(f'<div style="{_EDIT}"><b>Your edit:</b> {html.escape(edited)}</div>')
    return "".join(parts)


def scores_text(bullet: dict[str, Any]) -> str:
    """'relevance 65 · impact 90 · clarity 100' for the text that stands (empty when not scored)."""
    scores = bullet.get("scores") or {}
    return " · ".join(f"{name} {scores[name]}" for name in ("relevance", "impact", "clarity") if name in scores)
