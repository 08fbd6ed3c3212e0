"""DOCX → Document: body paragraphs and tables in order (layout tables cell by cell), list numbering, text boxes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from core.documents.archive import check_office, open_zip
from core.documents.blocks import render
from core.documents.glyphs import clean, split_marker
from core.documents.model import Block, Document, DocumentLimits
from core.errors import DocumentError
from core.ingest import section_of

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {_W + t for t in ("del", "delText", "instrText", "rPr", "pPr", "fldChar", "footnoteReference")} | {_MC_FALLBACK}
_TEXTBOX = _W + "txbxContent"
_NUMBERED = {"decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "decimalZero"}


def read_docx(data: bytes, limits: DocumentLimits) -> Document:
    """Read a Word document's body (headers, footers and comments are not part of the resume text)."""
    check_office(open_zip(data, limits, what="the Word document"), limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(
            "the file is not a Word document (.docx); save it again from Word", reason="corrupt"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - lxml and zipfile raise many types on damaged packages
        raise DocumentError("the Word document is damaged; save it again from Word", reason="corrupt") from exc
    reader = _Reader(document)
    blocks = list(reader.blocks(document.element.body))
    text = render(blocks)
    if not any(c.isalnum() for c in text):
        raise DocumentError("the Word document has no text", reason="empty")
    return Document(text, tuple(blocks), "docx", 1)


class _Reader:
    """Walks the body XML, knowing the document's style names and list formats."""

    def __init__(self, document: Any):
        self.styles = {s.style_id: (s.name or "") for s in document.styles}
        self.style_num = {s.style_id: _num_of(s.element) for s in document.styles}
        self.formats = _list_formats(document)
        self.counters: dict[tuple[str, str], int] = {}
        self.first = True

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in container:
            if child.tag == _W + "p":
                yield from self.paragraph(child)
            elif child.tag == _W + "tbl":
                yield from self.table(child)
            elif child.tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)

    def paragraph(self, p: Any) -> Iterator[Block]:
        boxes: list[Any] = []
        text = clean(_text_of(p, boxes))
        style_id = _attr(p.find(f"{_W}pPr/{_W}pStyle"), "val")
        style = self.styles.get(style_id or "", "")
        num = _num_of(p) or self.style_num.get(style_id or "")
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if lines:
            yield from self._classify(lines, style, num)
        for box in boxes:
            yield from self.blocks(box)

    def _classify(self, lines: list[str], style: str, num: tuple[str, str] | None) -> Iterator[Block]:
        joined = " ".join(lines)
        lowered = style.lower()
        if lowered == "title" or (self.first and lowered.startswith("heading") and not section_of(joined)):
            self.first = False
            yield Block("title", joined)
            return
        self.first = False
        if lowered.startswith("heading") or section_of(joined, caps=True):
            yield Block("heading", joined)
            return
        marker, rest = split_marker(joined)
        if num is not None and num[0] != "0":
            fmt = self.formats.get(num, "bullet")
            n = self.counters[num] = self.counters.get(num, 0) + 1
            yield Block("bullet", (rest if marker else joined).strip(), marker=f"{n}." if fmt in _NUMBERED else "•")
        elif marker or lowered.startswith("list"):
            yield Block("bullet", rest.strip(), marker=marker or "•")
        else:
            yield from (Block("paragraph", ln) for ln in lines)

    def table(self, tbl: Any) -> Iterator[Block]:
        rows = [[tc for tc in tr.findall(_W + "tc") if not _continued(tc)] for tr in tbl.findall(_W + "tr")]
        layout = any(_is_layout(tc) for row in rows for tc in row)
        for row in rows:
            if layout:
                for tc in row:
                    yield from self.blocks(tc)
            else:
                cells = [" ".join(clean(_text_of(p, [])).split()) for tc in row for p in tc.iter(_W + "p")]
                cells = [c for c in cells if c]
                if cells:
                    yield Block(
                        "heading" if len(cells) == 1 and section_of(cells[0]) else "paragraph", "\t".join(cells)
                    )


def _text_of(p: Any, boxes: list[Any]) -> str:
    """A paragraph's visible text in order: runs, tabs, breaks, symbols; text boxes collected apart."""
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == _TEXTBOX:
            boxes.append(el)
        elif tag == _W + "t":
            out.append(el.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "sym":
            code = _attr(el, "char")
            out.append(chr(int(code, 16)) if code and len(code) <= 4 else "")
        elif tag in (_W + "p", _W + "tbl"):
            continue  # a paragraph inside a text box: read with the box
        else:
            stack.append(iter(el))
    return "".join(out)


def _attr(el: Any, name: str) -> str | None:
    return None if el is None else el.get(_W + name)


def _num_of(el: Any) -> tuple[str, str] | None:
    """(numId, ilvl) of a paragraph's or style's list numbering, or None."""
    num = el.find(f"{_W}pPr/{_W}numPr")
    if num is None:
        return None
    num_id = _attr(num.find(_W + "numId"), "val")
    return (num_id, _attr(num.find(_W + "ilvl"), "val") or "0") if num_id else None


def _list_formats(document: Any) -> dict[tuple[str, str], str]:
    """numFmt for each (numId, ilvl) the numbering part defines."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # python-docx's answer for a document with no numbering part
        return {}
    abstract: dict[str, dict[str, str]] = {}
    for a in numbering.iter(_W + "abstractNum"):
        abstract[_attr(a, "abstractNumId") or ""] = {
            _attr(lvl, "ilvl") or "0": _attr(lvl.find(_W + "numFmt"), "val") or "bullet" for lvl in a.iter(_W + "lvl")
        }
    out: dict[tuple[str, str], str] = {}
    for n in numbering.iter(_W + "num"):
        levels = abstract.get(_attr(n.find(_W + "abstractNumId"), "val") or "", {})
        for ilvl, fmt in levels.items():
            out[(_attr(n, "numId") or "", ilvl)] = fmt
    return out


def _continued(tc: Any) -> bool:
    """A cell merged into the one above it (its text is already read)."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and _attr(merge, "val") in (None, "continue")


def _is_layout(tc: Any) -> bool:
    """A cell laid out like a page column: several paragraphs, a heading or a nested table."""
    paras = [p for p in tc if p.tag == _W + "p" and "".join(t.text or "" for t in p.iter(_W + "t")).strip()]
    return len(paras) > 2 or tc.find(_W + "tbl") is not None
