"""Resume files against one JD (one file, many, or ZIPs of them): each read into a pair or refused with its reason.

Both doors use this: the Submit page (which previews every file and submits the readable ones) and the REST API's
multipart routes (which refuse the request when any file is refused, so a job never holds part of what was sent).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from core import ingest
from core.config import Settings
from core.documents import Document, DocumentLimits, Tesseract, read_document
from core.documents.batch import read_batch
from core.errors import DocumentError, InputError
from services.intake import MAX_REF, PairIn, check_pairs

ACCEPTED = ("pdf", "docx", "txt", "md", "markdown", "rtf", "text")  # one document; a batch also takes zip
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class FileRead:
    """One resume file: what it read as (text, document summary, bullets INGEST finds) or why it was refused."""

    name: str
    ref: str
    text: str = ""
    info: dict[str, Any] = field(default_factory=dict)
    bullets: int = 0
    error: str | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        """True when the file can be submitted."""
        return self.error is None

    def refusal(self) -> dict[str, Any]:
        """The file's refusal as the API and the page list it (no text)."""
        return {"file": self.name, "ref": self.ref, "reason": self.reason, "error": self.error}

    def described(self) -> dict[str, Any]:
        """How the file was read, without its text: format, pages, OCR, characters and bullets."""
        return {"file": self.name, "ref": self.ref, **self.info, "bullets": self.bullets}


@dataclass(frozen=True)
class FileBatch:
    """Every file of an upload in order, read or refused, and the JD they are matched against."""

    files: list[FileRead]
    jd: str | None

    @property
    def valid(self) -> list[FileRead]:
        """Files that can be submitted."""
        return [f for f in self.files if f.ok]

    @property
    def refused(self) -> list[FileRead]:
        """Files refused, each with its reason."""
        return [f for f in self.files if not f.ok]

    def pairs(self) -> list[PairIn]:
        """The readable files as pairs for services.jobs.submit_job (ref: the file's name without extension)."""
        if not self.jd:
            raise InputError("a job description is needed: paste it or upload it as a file")
        return [PairIn(resume=f.text, jd=self.jd, ref=f.ref) for f in self.valid]


def limits_of(settings: Settings) -> DocumentLimits:
    """The document limits the settings name (ATS_DOC_*)."""
    return DocumentLimits.from_settings(settings)


def clean_name(name: str | None, fallback: str = "file") -> str:
    """A client's file name as shown back: its last path part, control characters removed, at most 200 characters."""
    base = posixpath.basename((name or "").replace("\\", "/"))
    return _CONTROL.sub("", base).strip()[:200] or fallback


def read_jd_file(name: str, data: bytes, settings: Settings, *, ocr: Tesseract | None = None) -> str:
    """A job description uploaded as a file, as text.

    Raises:
        DocumentError: the message starts with the file's name and says what to fix.
    """
    try:
        return read_document(data, name, limits=limits_of(settings), ocr=ocr).text
    except DocumentError as exc:
        raise DocumentError(f"the job description {name}: {exc}", reason=exc.reason) from None


def read_resume(name: str, data: bytes, settings: Settings, *, ocr: Tesseract | None = None) -> FileRead:
    """One resume file read (never raises for a bad file: the FileRead carries the reason)."""
    try:
        doc = read_document(data, name, limits=limits_of(settings), ocr=ocr)
    except DocumentError as exc:
        return FileRead(name, _stem(name), error=str(exc), reason=exc.reason)
    return _described(name, _stem(name), doc)


def read_upload(name: str, data: bytes, settings: Settings, *, ocr: Tesseract | None = None) -> list[FileRead]:
    """One uploaded file as the resumes it holds: itself, or a ZIP's documents (a bad ZIP is one refusal)."""
    if not name.lower().endswith(".zip"):
        return [read_resume(name, data, settings, ocr=ocr)]
    try:
        members = read_batch([(name, data)], limits_of(settings), max_files=settings.doc_max_files, ocr=ocr)
    except DocumentError as exc:
        return [FileRead(name, _stem(name), error=str(exc), reason=exc.reason)]
    if not members:
        return [FileRead(name, _stem(name), error=f"the ZIP {name} holds no resume files (PDF, DOCX, TXT, MD, RTF)",
                         reason="empty")]  # fmt: skip
    out: list[FileRead] = []
    for m in members:
        shown = f"{name}/{m.name}"
        if m.document is None:
            out.append(FileRead(shown, _stem(m.name), error=m.error, reason=m.reason))
        else:
            out.append(_described(shown, _stem(m.name), m.document))
    return out


def combine(reads: list[FileRead], settings: Settings, *, jd: str | None = None) -> FileBatch:
    """The resumes of an upload as one batch: refs made unique; with a JD, each pair checked as a submission.

    A file whose text fails the submission's checks (no bullets, too long) is refused with that reason.

    Raises:
        InputError: no files, or more than ATS_DOC_MAX_FILES resumes in all.
    """
    if not reads:
        raise InputError("no resume files were uploaded")
    if len(reads) > settings.doc_max_files:
        raise InputError(
            f"the upload holds {len(reads)} resumes; the limit is {settings.doc_max_files} (ATS_DOC_MAX_FILES): "
            "split it into several jobs"
        )
    files = _unique_refs(reads)
    return FileBatch(_checked(files, jd, settings) if jd is not None else files, jd)


def read_resumes(
    files: list[tuple[str, bytes]], settings: Settings, *, jd: str | None = None, ocr: Tesseract | None = None
) -> FileBatch:
    """Every uploaded file read on its own (ZIPs opened into their resumes), then combined against the JD."""
    return combine([r for name, data in files for r in read_upload(name, data, settings, ocr=ocr)], settings, jd=jd)


def _described(name: str, ref: str, doc: Document) -> FileRead:
    bullets = len(ingest.split_bullets(ingest.normalise(doc.text)))
    return FileRead(name, ref, text=doc.text, info=doc.summary(), bullets=bullets)


def _checked(files: list[FileRead], jd: str, settings: Settings) -> list[FileRead]:
    """The submission's own checks (services.intake) over the readable files; their problems become refusals."""
    readable = [i for i, f in enumerate(files) if f.ok]
    if not readable:
        return files
    _, errors = check_pairs([PairIn(files[i].text, jd, files[i].ref) for i in readable], settings)
    problems = {readable[e["row"] - 1]: e["error"] for e in errors}
    return [
        FileRead(f.name, f.ref, f.text, f.info, f.bullets, error=problems[i], reason="invalid") if i in problems else f
        for i, f in enumerate(files)
    ]


def _stem(name: str) -> str:
    base = posixpath.basename(name.replace("\\", "/"))
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    return _CONTROL.sub("", stem).strip()[:MAX_REF] or "resume"


def _unique_refs(files: list[FileRead]) -> list[FileRead]:
    """Refs are the files' stems; a repeated stem takes the file's whole name, then a number (ana, ana.docx, ana-3)."""
    seen: set[str] = set()
    out: list[FileRead] = []
    for f in files:
        ref = f.ref
        if ref in seen:
            ref = clean_name(f.name)[:MAX_REF]
        n = 2
        while ref in seen:
            ref = f"{f.ref[: MAX_REF - 6]}-{n}"
            n += 1
        seen.add(ref)
        out.append(FileRead(f.name, ref, f.text, f.info, f.bullets, f.error, f.reason))
    return out
