"""Limits on ZIP containers (XLSX, DOCX) checked before a parser unpacks them: size after unpacking, entry count.

A 10 MB XLSX can declare gigabytes of sheet XML. Python's zipfile never yields more than an entry's declared
size (a larger stream fails its CRC check), so the sum of declared sizes bounds what any reader of the archive
unpacks; checking it first costs one read of the central directory.
"""

from __future__ import annotations

import io
import zipfile

from core.errors import InputError

MAX_ENTRIES = 10_000


def check_zip(data: bytes, *, max_unzipped_bytes: int, what: str = "the file", max_entries: int = MAX_ENTRIES) -> None:
    """Raise InputError when the archive unpacks to more than max_unzipped_bytes or holds too many entries.

    Data that is not a ZIP archive passes: the reader reports that itself, with its own message.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if len(entries) > max_entries:
        raise InputError(f"{what} holds {len(entries):,} parts; at most {max_entries:,} are accepted")
    total = sum(e.file_size for e in entries)
    if total > max_unzipped_bytes:
        raise InputError(
            f"{what} unpacks to {total / 1e6:,.0f} MB; the limit is {max_unzipped_bytes / 1e6:,.0f} MB "
            "(ATS_MAX_UNZIPPED_BYTES): split it into smaller files"
        )
