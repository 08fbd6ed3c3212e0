"""PDF → Document: the text layer in reading order, OCR for pages that have none, refusals with reasons."""

from __future__ import annotations

import statistics

import pypdfium2 as pdfium

from core.documents.blocks import build_blocks, render
from core.documents.layout import Line, drop_margins, lines_of, reading_order, runs_of
from core.documents.model import Document, DocumentLimits, Page
from core.documents.ocr import Tesseract
from core.documents.pdf_safety import check_pdf
from core.documents.pdf_text import open_pdf, page_words
from core.errors import DocumentError

_MIN_TEXT_CHARS = 25  # fewer letters and digits than this on a page: it is an image, read it by OCR
_BLANK = 230  # a rendered page whose darkest pixel is lighter than this has nothing printed on it
_MAX_PAGE_PT = 14_400  # 200 inches: larger pages are not documents, and rendering them would exhaust memory


def read_pdf(data: bytes, limits: DocumentLimits, ocr: Tesseract | None = None) -> Document:
    """Read a PDF; pages without a text layer go through OCR (refused clearly when OCR is off or unreadable)."""
    check_pdf(data, limits)
    try:
        doc = open_pdf(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError(
                "the PDF is protected by a password; remove it and upload again", reason="encrypted"
            ) from exc
        raise DocumentError("the PDF is damaged or not a PDF; export it again", reason="corrupt") from exc
    try:
        count = len(doc)
        if count == 0:
            raise DocumentError("the PDF has no pages", reason="empty")
        if count > limits.max_pages:
            raise DocumentError(
                f"the PDF has {count} pages; the limit is {limits.max_pages} (ATS_DOC_MAX_PAGES)",
                reason="too_many_pages",
            )
        pages: list[Page] = []
        for i in range(count):
            page = doc[i]
            try:
                pages.append(_read_page(page, i + 1, limits, ocr))
            finally:
                page.close()
    finally:
        doc.close()
    return _document(pages)


def _read_page(page: pdfium.PdfPage, number: int, limits: DocumentLimits, ocr: Tesseract | None) -> Page:
    width, height = page.get_size()
    if width > _MAX_PAGE_PT or height > _MAX_PAGE_PT or width <= 0 or height <= 0:
        raise DocumentError(
            f"page {number} is {width:.0f} × {height:.0f} points: not a document page", reason="page_size"
        )
    found, unmapped = page_words(page, number)
    letters = sum(sum(c.isalnum() for c in w.text) for w in found.words)
    if letters >= _MIN_TEXT_CHARS and unmapped <= letters // 2:
        return found
    if page.render(scale=0.5, grayscale=True).to_pil().getextrema()[0] > _BLANK:
        return found  # nothing is printed on it (a trailing empty page): keep what text there is, no OCR
    if not limits.ocr or ocr is None:
        raise DocumentError(
            f"page {number} is a scanned image with no text, and OCR is turned off (ATS_DOC_OCR); "
            "upload a PDF with selectable text",
            reason="ocr_unavailable",
        )
    if not ocr.available():
        raise DocumentError(
            f"page {number} is a scanned image with no text, and the OCR engine ({ocr.cmd}) is not installed; "
            "install tesseract-ocr or upload a PDF with selectable text",
            reason="ocr_unavailable",
        )
    scale = limits.ocr_dpi / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    read = ocr.read(image, number=number, scale=scale, width=width, height=height)
    letters = sum(sum(c.isalnum() for c in w.text) for w in read.words)
    if letters < _MIN_TEXT_CHARS:
        return Page(number, width, height, [], ocr_confidence=read.ocr_confidence or 0.0)  # a logo, a photo
    confidence = read.ocr_confidence or 0.0
    if confidence < limits.ocr_min_confidence:
        raise DocumentError(
            f"page {number} is a scanned image and OCR could not read it reliably (confidence {confidence:.0%}, "
            f"{letters} letters); upload a clearer scan or a PDF with selectable text",
            reason="ocr_unreadable",
        )
    return read


def _document(pages: list[Page]) -> Document:
    runs = drop_margins(pages, [runs_of(p.words) for p in pages])
    lines: list[Line] = []
    for page, page_runs in zip(pages, runs, strict=True):
        for segment in reading_order(page_runs, 0.0, page.width):
            seg_lines = lines_of(segment, page.number)
            right = max((ln.x1 for ln in seg_lines), default=0.0)
            for ln in seg_lines:
                ln.right = right
                ln.marked = _marked(ln, page.marks)
            lines.extend(seg_lines)
    blocks = build_blocks(lines)
    text = render(blocks)
    ocr_pages = tuple(p.number for p in pages if p.ocr_confidence is not None)
    if not any(c.isalnum() for c in text):
        if ocr_pages:
            raise DocumentError(
                "the PDF is a scan and OCR found no readable text in it; upload a clearer scan or a PDF with "
                "selectable text",
                reason="ocr_unreadable",
            )
        raise DocumentError("the PDF has no readable text (its pages are blank)", reason="empty")
    read = [p for p in pages if p.ocr_confidence is not None and p.words]
    ocr_pages = tuple(p.number for p in read)
    confidence = statistics.fmean(p.ocr_confidence or 0.0 for p in read) if read else None
    warnings = (f"page{'s' if len(read) > 1 else ''} {', '.join(map(str, ocr_pages))} read by OCR",) if read else ()
    return Document(text, tuple(blocks), "pdf", len(pages), ocr_pages, confidence, warnings)


def _marked(ln: Line, marks: list[tuple[float, float, float, float]]) -> bool:
    """True when a small drawn shape sits just left of the line's first word, at the height of its text."""
    size = ln.size
    for x0, top, x1, bottom in marks:
        mid = (top + bottom) / 2
        if ln.top <= mid <= ln.bottom and 0 <= ln.x0 - x1 <= 2.5 * size and x1 - x0 <= 0.8 * size:
            return True
    return False
