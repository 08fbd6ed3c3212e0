"""Many files at once (a folder, several uploads, a ZIP of resumes): each read, or refused with its own reason."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from core.documents import SUFFIXES, Document, DocumentLimits, Tesseract, read_document
from core.documents.archive import open_zip
from core.errors import DocumentError


@dataclass(frozen=True)
class FileResult:
    """One file of a batch: its name and its Document, or the reason it was refused."""

    name: str
    document: Document | None = None
    error: str | None = None
    reason: str | None = None


def expand(files: list[tuple[str, bytes]], limits: DocumentLimits, *, max_files: int) -> list[tuple[str, bytes]]:
    """The files of a batch with each ZIP replaced by the documents inside it (checked like any ZIP first)."""
    out: list[tuple[str, bytes]] = []
    for name, data in files:
        if name.lower().endswith(".zip"):
            archive = open_zip(data, limits, what=f"the ZIP {name}")
            for member in archive.infolist():
                inner = member.filename
                base = posixpath.basename(inner)
                if member.is_dir() or inner.startswith("__MACOSX/") or base.startswith(".") or not base:
                    continue
                if not base.lower().endswith(SUFFIXES):
                    raise DocumentError(
                        f"the ZIP {name} holds {inner}, which is not a resume file (PDF, DOCX, TXT, MD, RTF)",
                        reason="unsupported",
                    )
                if member.file_size > limits.max_bytes:
                    raise DocumentError(
                        f"{inner} in {name} is over the file size limit (ATS_DOC_MAX_BYTES)", reason="too_large"
                    )
                out.append((inner, archive.read(member)))
        else:
            out.append((name, data))
        if len(out) > max_files:
            raise DocumentError(
                f"more than {max_files} files in one batch (ATS_DOC_MAX_FILES)", reason="too_many_files"
            )
    return out


def read_batch(
    files: list[tuple[str, bytes]], limits: DocumentLimits, *, max_files: int, ocr: Tesseract | None = None
) -> list[FileResult]:
    """Every file read or refused on its own (a ZIP's problem refuses the whole ZIP); order kept."""
    results: list[FileResult] = []
    for name, data in expand(files, limits, max_files=max_files):
        try:
            results.append(FileResult(name, read_document(data, name, limits=limits, ocr=ocr)))
        except DocumentError as exc:
            results.append(FileResult(name, error=str(exc), reason=exc.reason))
    return results
