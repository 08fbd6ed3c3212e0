"""Text files in: TXT, Markdown and RTF (read as text), decoded and cleaned like the other formats."""

from __future__ import annotations

import re

from core.documents.glyphs import clean
from core.errors import DocumentError

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")


def decode(data: bytes) -> str:
    """Bytes to text: a BOM first, then UTF-8, then Windows-1252; binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if b"\x00" in data[:4096]:
        raise DocumentError(
            "the file is not text, PDF or a Word document; upload PDF, DOCX, TXT, MD or RTF", reason="unsupported"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def read_text(data: bytes) -> str:
    """A plain-text file's text."""
    return clean(decode(data))


def read_markdown(data: bytes) -> str:
    """Markdown as the plain text it shows: headings, list items and table rows kept, markup dropped."""
    out: list[str] = []
    for line in decode(data).splitlines():
        if _MD_RULE.match(line) or _MD_TABLE_RULE.match(line):
            continue
        m = _MD_HEADING.match(line)
        if m:
            line = m.group(1)
        if line.lstrip().startswith("|"):
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        line = _MD_LINK.sub(lambda k: k.group(1) if k.group(1) in k.group(2) else f"{k.group(1)} ({k.group(2)})", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = _HTML_TAG.sub("", line)
        out.append(line.rstrip())
    return clean("\n".join(out))
