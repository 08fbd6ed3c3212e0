"""Refuse hostile PDFs before reading them: passwords, JavaScript and launch actions, giant images, object floods."""

from __future__ import annotations

import io
import logging

from pypdf import PasswordType, PdfReader
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from core.documents.model import DocumentLimits
from core.errors import DocumentError

# pypdf logs what it repairs in damaged files as warnings; the refusal (or the read) is what the caller needs.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_ACTIONS = {"/JavaScript": "JavaScript", "/Launch": "a launch action (it would start a program)"}


def check_pdf(data: bytes, limits: DocumentLimits) -> None:
    """Raise DocumentError when the PDF needs a password, carries active content, or is too large to render."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DocumentError(
                "the PDF is protected by a password; save it without the password and upload it again",
                reason="encrypted",
            )
        count = len(reader.pages)
        if count > limits.max_pages:
            raise DocumentError(
                f"the PDF has {count} pages; the limit is {limits.max_pages} (ATS_DOC_MAX_PAGES)",
                reason="too_many_pages",
            )
        _walk(reader.trailer, limits)
        for page in reader.pages:
            _check_contents(page)
    except DocumentError:
        raise
    except LimitReachedError as exc:
        raise DocumentError(
            "the PDF inflates beyond the reader's safety limits (a compression bomb)", reason="zip_bomb"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - a damaged or hostile file may make the parser raise anything
        raise DocumentError(
            "the PDF is damaged or not a PDF; export it again from the program that made it", reason="corrupt"
        ) from exc


_MAX_CONTENT_BYTES = 20_000_000  # a page's drawing instructions; a resume page needs well under 1 MB


def _check_contents(page: DictionaryObject) -> None:
    """Decode the page's content streams (pypdf caps each at its own limit) and refuse pages that inflate absurdly."""
    contents = page.get("/Contents")
    if contents is None:
        return
    contents = contents.get_object()
    streams = list(contents) if isinstance(contents, ArrayObject) else [contents]
    total = 0
    for stream in streams:
        stream = stream.get_object()
        if hasattr(stream, "get_data"):
            total += len(stream.get_data())
        if total > _MAX_CONTENT_BYTES:
            raise DocumentError(
                "a page of the PDF inflates to more than 20 MB of drawing instructions", reason="zip_bomb"
            )


def _walk(root: object, limits: DocumentLimits) -> None:
    """Visit every object reachable from the trailer once (streams are not decoded)."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > limits.max_pdf_objects:
            raise DocumentError(
                f"the PDF has more than {limits.max_pdf_objects:,} objects; a resume needs far fewer",
                reason="too_complex",
            )
        if isinstance(obj, DictionaryObject):
            _check_dict(obj, limits)
            stack.extend(v for k, v in obj.items() if k not in ("/Parent", "/P"))
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _check_dict(obj: DictionaryObject, limits: DocumentLimits) -> None:
    action = obj.get("/S")
    if isinstance(action, NameObject) and action in _ACTIONS:
        raise DocumentError(f"the PDF contains {_ACTIONS[action]}; export it again as a plain PDF", reason="active")
    if "/JS" in obj or "/JavaScript" in obj:
        raise DocumentError("the PDF contains JavaScript; export it again as a plain PDF", reason="javascript")
    if obj.get("/Subtype") == "/Image":
        w, h = obj.get("/Width", 0), obj.get("/Height", 0)
        if isinstance(w, int) and isinstance(h, int) and w * h > limits.max_image_pixels:
            raise DocumentError(
                f"the PDF holds an image of {w:,} × {h:,} pixels; the limit is {limits.max_image_pixels:,} pixels "
                "(ATS_DOC_MAX_IMAGE_PIXELS)",
                reason="image_too_large",
            )
