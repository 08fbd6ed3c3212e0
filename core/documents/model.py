"""The values core/documents reads into: positioned words, logical blocks, the document, and its limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from core.config import Settings

BlockKind = Literal["title", "heading", "paragraph", "bullet"]
Format = Literal["pdf", "docx", "txt", "md", "rtf"]


@dataclass(frozen=True)
class Word:
    """One word on a page, in points from the page's top-left corner."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    conf: float | None = None  # OCR confidence 0-1; None for a text layer


@dataclass
class Page:
    """The words of one page, and where small round or square shapes (drawn bullets) sit."""

    number: int
    width: float
    height: float
    words: list[Word]
    marks: list[tuple[float, float, float, float]] = field(default_factory=list)  # (x0, top, x1, bottom)
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class Block:
    """One logical unit of a resume: its title (the name), a section heading, a paragraph line or a bullet."""

    kind: BlockKind
    text: str
    page: int = 1
    marker: str = ""  # a bullet's marker as read ('•', '1.'); empty otherwise


@dataclass(frozen=True)
class Document:
    """What a file reads as: the text INGEST splits, its blocks, and how it was read."""

    text: str
    blocks: tuple[Block, ...]
    format: Format
    pages: int = 1
    ocr_pages: tuple[int, ...] = ()  # 1-based numbers of pages read by OCR
    ocr_confidence: float | None = None  # mean word confidence (0-1) over the OCR'd pages
    warnings: tuple[str, ...] = ()

    @property
    def ocr(self) -> bool:
        """True when some text came from OCR."""
        return bool(self.ocr_pages)

    def summary(self) -> dict[str, object]:
        """A small JSON-able description for previews, APIs and logs (no text)."""
        return {
            "format": self.format,
            "pages": self.pages,
            "chars": len(self.text),
            "ocr_pages": list(self.ocr_pages),
            "ocr_confidence": None if self.ocr_confidence is None else round(self.ocr_confidence, 3),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class DocumentLimits:
    """What a file may be: size, pages, unpacked size, image size; and how OCR runs (settings ATS_DOC_*)."""

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 10
    max_unzipped_bytes: int = 50 * 1024 * 1024
    max_zip_ratio: int = 100
    max_zip_members: int = 500
    max_image_pixels: int = 40_000_000
    max_pdf_objects: int = 10_000
    ocr: bool = True
    ocr_dpi: int = 300
    ocr_min_confidence: float = 0.55
    ocr_timeout_s: float = 60.0
    ocr_lang: str = "eng"
    tesseract_cmd: str = "tesseract"

    @classmethod
    def from_settings(cls, settings: Settings) -> DocumentLimits:
        """The limits the settings name."""
        return cls(
            max_bytes=settings.doc_max_bytes,
            max_pages=settings.doc_max_pages,
            max_unzipped_bytes=settings.doc_max_unzipped_bytes,
            max_image_pixels=settings.doc_max_image_pixels,
            ocr=settings.doc_ocr,
            ocr_dpi=settings.doc_ocr_dpi,
            ocr_min_confidence=settings.doc_ocr_min_confidence,
            ocr_timeout_s=settings.doc_ocr_timeout_s,
            ocr_lang=settings.doc_ocr_lang,
            tesseract_cmd=settings.tesseract_cmd,
        )
