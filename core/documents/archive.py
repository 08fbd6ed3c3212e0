"""ZIP containers (DOCX files, and ZIPs of resumes) opened only after their sizes, ratios and contents are checked."""

from __future__ import annotations

import io
import zipfile

from core.documents.model import DocumentLimits
from core.errors import DocumentError

_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
_XML_SCAN_BYTES = 4096  # a DTD must come before the root element: the head of each part is enough


def open_zip(data: bytes, limits: DocumentLimits, *, what: str = "the file") -> zipfile.ZipFile:
    """The archive, once its member count, unpacked size and compression ratios are within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"{what} is damaged (not a readable ZIP container)", reason="corrupt") from exc
    if len(members) > limits.max_zip_members:
        raise DocumentError(
            f"{what} holds {len(members):,} entries; the limit is {limits.max_zip_members:,}", reason="zip_bomb"
        )
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise DocumentError(
            f"{what} unpacks to {total / 2**20:,.0f} MB; the limit is {limits.max_unzipped_bytes / 2**20:,.0f} MB "
            "(ATS_DOC_MAX_UNZIPPED_BYTES)",
            reason="zip_bomb",
        )
    for m in members:
        if m.file_size > 1_000_000 and m.file_size > limits.max_zip_ratio * max(m.compress_size, 1):
            raise DocumentError(
                f"{what} contains an entry compressed {m.file_size // max(m.compress_size, 1):,} to 1 (a ZIP bomb)",
                reason="zip_bomb",
            )
        if m.flag_bits & 0x1:
            raise DocumentError(f"{what} is encrypted; remove the password and upload again", reason="encrypted")
    return archive


def check_office(archive: zipfile.ZipFile, limits: DocumentLimits) -> None:
    """Refuse macros, XML with DTDs (entity bombs) and images too large to decode in a Word package."""
    names = {m.filename.lower(): m for m in archive.infolist()}
    types = _read(archive, names.get("[content_types].xml"), 200_000)
    if any(n.rsplit("/", 1)[-1] in _MACRO_PARTS for n in names) or b"macroEnabled" in types:
        raise DocumentError(
            "the document contains macros (a .docm file); save it as a plain .docx and upload that", reason="macros"
        )
    for name, member in names.items():
        if name.endswith((".xml", ".rels")) and b"<!DOCTYPE" in _read(archive, member, _XML_SCAN_BYTES).upper():
            raise DocumentError(
                "the document's XML declares a DTD (an XML bomb); save it again from Word", reason="xml_bomb"
            )
        if name.startswith("word/media/"):
            _check_image(archive, member, limits)


def _read(archive: zipfile.ZipFile, member: zipfile.ZipInfo | None, limit: int) -> bytes:
    if member is None:
        return b""
    with archive.open(member) as fh:
        return fh.read(limit)


def _check_image(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: DocumentLimits) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with archive.open(member) as fh, Image.open(io.BytesIO(fh.read(limits.max_unzipped_bytes))) as img:
            w, h = img.size  # read from the header only: nothing is decoded
    except Image.DecompressionBombError as exc:
        raise DocumentError(
            f"the document holds an image too large to open safely ({exc}); shrink it", reason="image_too_large"
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError):
        return  # not an image Pillow knows (EMF, WMF): it is never decoded here either
    if w * h > limits.max_image_pixels:
        raise DocumentError(
            f"the document holds an image of {w:,} × {h:,} pixels; the limit is {limits.max_image_pixels:,} "
            "(ATS_DOC_MAX_IMAGE_PIXELS)",
            reason="image_too_large",
        )
