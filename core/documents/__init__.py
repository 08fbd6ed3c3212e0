"""Reading resumes and JDs from files: PDF, DOCX, TXT, MD and RTF in; text and structure out (pure: bytes in).

`read_document(data, filename)` is the one entry point. It refuses, with a DocumentError whose message says what to
fix and whose `.reason` is a short code, anything it cannot read safely: too large, too many pages, password-protected,
macros, JavaScript, ZIP or XML bombs, giant images, scanned pages when OCR is off or unreadable.
"""

from __future__ import annotations

from core.documents.glyphs import split_marker
from core.documents.model import Block, Document, DocumentLimits, Format
from core.documents.ocr import Tesseract
from core.errors import DocumentError
from core.ingest import section_of

__all__ = ["Block", "Document", "DocumentError", "DocumentLimits", "Tesseract", "read_document", "sniff", "SUFFIXES"]

SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".rtf", ".text")


def sniff(data: bytes, filename: str = "") -> Format:
    """The file's format from its first bytes (the name only tells Markdown from plain text)."""
    head = data[:1024]
    name = filename.lower()
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if name.endswith((".docm", ".dotm")):
            raise DocumentError("the document contains macros (a .docm file); save it as .docx", reason="macros")
        if name.endswith(".zip"):
            raise DocumentError("a ZIP of several files is read on the bulk upload, not as one document", reason="zip")
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(
            "this is an old Word .doc (or a password-protected Office file); save it as .docx or PDF",
            reason="unsupported",
        )
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return "md" if name.endswith((".md", ".markdown")) else "txt"


def read_document(
    data: bytes, filename: str = "", *, limits: DocumentLimits | None = None, ocr: Tesseract | None = None
) -> Document:
    """Read a resume or JD file into a Document (text for INGEST, blocks for previews and exports)."""
    limits = limits or DocumentLimits()
    if not data:
        raise DocumentError("the file is empty", reason="empty")
    if len(data) > limits.max_bytes:
        raise DocumentError(
            f"the file is {len(data) / 2**20:,.1f} MB; "
            f"the limit is {limits.max_bytes / 2**20:,.1f} MB (ATS_DOC_MAX_BYTES)",
            reason="too_large",
        )
    kind = sniff(data, filename)
    if kind == "pdf":
        from core.documents.pdf_reader import read_pdf

        return read_pdf(
            data,
            limits,
            ocr if ocr is not None else Tesseract(limits.tesseract_cmd, limits.ocr_lang, limits.ocr_timeout_s),
        )
    if kind == "docx":
        from core.documents.docx_reader import read_docx

        return read_docx(data, limits)
    if kind == "rtf":
        from core.documents.rtf import read_rtf

        text = read_rtf(data)
    else:
        from core.documents.plain import read_markdown, read_text

        text = read_markdown(data) if kind == "md" else read_text(data)
    return _text_document(text, kind)


def _text_document(text: str, kind: Format) -> Document:
    """A text file's Document: its text as written (INGEST reads it), blocks by line for previews."""
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()
    if not any(c.isalnum() for c in text):
        raise DocumentError("the file has no text", reason="empty")
    blocks: list[Block] = []
    for line in text.split("\n"):
        body = line.strip()
        if not body:
            continue
        marker, rest = split_marker(body)
        if marker:
            blocks.append(Block("bullet", rest.strip(), marker=marker))
        elif section_of(body, caps=True):
            blocks.append(Block("heading", body))
        elif blocks and blocks[-1].kind == "bullet" and line[:1] in " \t":
            blocks[-1] = Block("bullet", f"{blocks[-1].text} {body}", marker=blocks[-1].marker)
        else:
            blocks.append(Block("title" if not blocks else "paragraph", body))
    return Document(text, tuple(blocks), kind, 1)
