"""A PDF page's text layer as positioned words (PDFium through pypdfium2), and the small shapes drawn as bullets."""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.documents.model import Page, Word

_SPACE = frozenset(" \t\r\n\x00\ufffe")
_LINE_END_HYPHEN = "\x02"  # PDFium's code for a hyphen that ends a line
_BOLD_WEIGHT = 600


def page_words(page: Any, number: int) -> tuple[Page, int]:
    """(the page's words in top-left coordinates, how many characters had no Unicode mapping)."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = textpage.count_chars()
        words: list[Word] = []
        chars: list[tuple[str, float, float, float, float, float, bool]] = []
        unmapped = 0
        fonts: dict[int | None, bool] = {}
        for i in range(count):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            ch = chr(code) if 0 < code < 0x110000 else ""
            if ch == _LINE_END_HYPHEN:
                ch = "-"
            if pdfium_c.FPDFText_HasUnicodeMapError(raw, i) == 1:
                unmapped += 1
            if not ch or ch in _SPACE:
                _flush(chars, words)
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            size = (
                top - bottom
            )  # the loose box is the font's ascent to descent: an em in page units, whatever the matrix
            bold = _bold(raw, i, fonts)
            box = (ch, left, height - top, right, height - bottom, size, bold)
            if chars and _breaks(chars[-1], box):
                _flush(chars, words)
            chars.append(box)
        _flush(chars, words)
    finally:
        textpage.close()
    return Page(number, width, height, words, _marks(page, height)), unmapped


def _bold(raw: Any, index: int, fonts: dict[int | None, bool]) -> bool:
    """Bold by the font's weight or, when a font does not say, by its name ('…-Bold', '…,Bold', '…Heavy')."""
    obj = pdfium_c.FPDFText_GetTextObject(raw, index)
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    key = ctypes.cast(font, ctypes.c_void_p).value if font else None
    if key not in fonts:
        weight = pdfium_c.FPDFText_GetFontWeight(raw, index)
        name = b""
        if font:
            buf = ctypes.create_string_buffer(128)
            size = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
            name = buf.raw[: max(0, min(size, 128) - 1)]
        lowered = name.decode("latin-1").lower()
        fonts[key] = weight >= _BOLD_WEIGHT or any(k in lowered for k in ("bold", "heavy", "black", "semibold"))
    return fonts[key]


def _breaks(prev: tuple, cur: tuple) -> bool:
    """A new word starts when the next glyph sits on another baseline or after a visible gap."""
    _, _, ptop, px1, pbottom, psize, _ = prev
    _, cx0, ctop, _, cbottom, _, _ = cur
    if abs((ptop + pbottom) / 2 - (ctop + cbottom) / 2) > 0.4 * max(psize, 1.0):
        return True
    return cx0 - px1 > 0.2 * max(psize, 1.0) or cx0 < px1 - 0.5 * max(psize, 1.0)


def _flush(chars: list, words: list[Word]) -> None:
    if not chars:
        return
    text = "".join(c[0] for c in chars)
    size = max(c[5] for c in chars)
    words.append(
        Word(
            text,
            min(c[1] for c in chars),
            min(c[2] for c in chars),
            max(c[3] for c in chars),
            max(c[4] for c in chars),
            size,
            sum(c[6] for c in chars) * 2 > len(chars),
        )
    )
    chars.clear()


def _marks(page: Any, height: float) -> list[tuple[float, float, float, float]]:
    """Small filled shapes about as wide as tall: bullets a browser or design tool drew instead of typing."""
    marks: list[tuple[float, float, float, float]] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if 1.2 <= w <= 8 and 1.2 <= h <= 8 and abs(w - h) <= 1.5:
            marks.append((left, height - top, right, height - bottom))
        if len(marks) > 2000:
            break
    return marks


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """PDFium's document for the bytes (raises pdfium.PdfiumError on damage or a password)."""
    return pdfium.PdfDocument(data)
