"""RTF read as text: control words and groups stripped, escapes and Unicode decoded, non-text groups skipped."""

from __future__ import annotations

import re

from core.documents.glyphs import clean

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
# Destinations whose content is not body text (fonts, colours, styles, metadata, pictures, headers and footers).
_SKIP = frozenset(
    "fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl footerr footerf "
    "themedata colorschememapping datastore latentstyles listtable listoverridetable rsidtbl generator xmlnstbl "
    "mmathPr fldinst filetbl revtbl pgdsctbl".split()
)
_BREAKS = {"par": "\n", "line": "\n", "row": "\n", "sect": "\n", "page": "\n", "tab": "\t", "cell": "\t"}
_CHARS = {"bullet": "•", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”"}
_MAX_DEPTH = 200


def read_rtf(data: bytes) -> str:
    """The text of an RTF document (code page 1252 escapes; \\uN Unicode with its fallback skipped)."""
    text = data.decode("latin-1")
    out: list[str] = []
    stack: list[tuple[bool, int]] = []  # (skipping, chars to drop after \\u) per group
    skipping, uc_skip, pending_skip = False, 1, 0
    star = False
    for m in _TOKEN.finditer(text):
        word, arg, hexcode, sym, brace, plain = m.groups()
        if brace == "{":
            if len(stack) >= _MAX_DEPTH:
                continue  # nesting this deep is not text: stop descending instead of growing without end
            stack.append((skipping, uc_skip))
            star = False
            continue
        if brace == "}":
            if stack:
                skipping, uc_skip = stack.pop()
            continue
        if word is not None:
            if word in _SKIP or (star and not skipping):
                skipping = True
            star = False
            if skipping:
                continue
            if word == "uc" and arg:
                uc_skip = int(arg)
            elif word == "u" and arg:
                code = int(arg) % 65536
                out.append(chr(code) if code < 0xD800 or code > 0xDFFF else "")
                pending_skip = uc_skip
            elif word in _BREAKS:
                out.append(_BREAKS[word])
            elif word in _CHARS:
                out.append(_CHARS[word])
            continue
        if sym is not None:
            if sym == "*":
                star = True
            elif not skipping and sym in "\\{}":
                out.append(sym)
            elif not skipping and sym == "~":
                out.append(" ")
            continue
        if skipping:
            continue
        if hexcode is not None:
            if pending_skip:
                pending_skip -= 1
                continue
            out.append(bytes([int(hexcode, 16)]).decode("cp1252", "replace"))
            continue
        if plain:
            if pending_skip:
                dropped = min(pending_skip, len(plain))
                plain, pending_skip = plain[dropped:], pending_skip - dropped
            out.append(plain)
    return clean("".join(out))
