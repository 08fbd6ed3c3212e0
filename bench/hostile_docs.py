"""Fifty malformed or hostile files, each with the refusal reason core/documents must give (tests and bench).

Built in memory from a small valid PDF and DOCX: damaged and truncated files, passwords, JavaScript and launch
actions, ZIP and XML bombs, macros, giant images and pages, object floods, deep nesting, scans OCR cannot read.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from bench.doccorpus import load_sources, to_docx, to_pdf_canvas


@dataclass
class Hostile:
    """One file, its name, and the reasons (any one of them) a correct refusal may give."""

    name: str
    data: bytes
    reasons: tuple[str, ...]
    limits: dict[str, object] = field(default_factory=dict)


def _pdf(objects: list[bytes], root: int = 1, extra_trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, extra_trailer, xref)
    )
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page_pdf(
    content: bytes = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
    *,
    catalog_extra: bytes = b"",
    page_extra: bytes = b"",
    media: bytes = b"[0 0 612 792]",
    compress: bool = False,
) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + media + b" /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b" >>",
            _stream(content, compress=compress),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _zip(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _docx_members(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims a size (the pixel data is a tiny, truncated stub)."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IEND", b"")
    )


def _pypdf_writer_pdf(*, password: str | None = None, algorithm: str = "RC4-128") -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(612, 792)
    if password:
        w.encrypt(user_password=password, owner_password=password + "-owner", algorithm=algorithm)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _image_pdf(pixels: object) -> bytes:
    buf = io.BytesIO()
    pixels.save(buf, "PDF", resolution=150)  # type: ignore[attr-defined]
    return buf.getvalue()


def build() -> Iterator[Hostile]:
    """The fifty files."""
    from PIL import Image

    rng = random.Random(18)
    resume = load_sources(1)[0]
    good_pdf = to_pdf_canvas(resume)
    good_docx = to_docx(resume)
    members = _docx_members(good_docx)

    # ---- not a document / empty
    yield Hostile("empty.pdf", b"", ("empty",))
    yield Hostile("random.bin", bytes(rng.getrandbits(8) for _ in range(4000)), ("unsupported",))
    yield Hostile("nul.txt", b"resume\x00\x00\x01binary", ("unsupported",))
    yield Hostile("spaces.txt", b"   \n\t\n  ", ("empty",))
    yield Hostile("punct.txt", "—•—•— … ---".encode(), ("empty",))
    yield Hostile("utf16-blank.txt", "   \n ".encode("utf-16"), ("empty",))
    yield Hostile("rules.md", b"---\n***\n___\n", ("empty",))
    yield Hostile("fonts-only.rtf", rb"{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}}", ("empty",))
    yield Hostile("deep.rtf", b"{\\rtf1" + b"{" * 100_000 + b"}" * 100_000 + b"}", ("empty",))
    yield Hostile("big.txt", b"x" * (11 * 1024 * 1024), ("too_large",))
    yield Hostile("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), ("unsupported",))
    yield Hostile("resumes.zip", _zip({"a.txt": b"hello"}), ("zip",), {})

    # ---- damaged PDFs
    yield Hostile("header-only.pdf", b"%PDF-1.7\n", ("corrupt",))
    yield Hostile("truncated.pdf", good_pdf[: len(good_pdf) // 3], ("corrupt", "empty", "ocr_unreadable"))
    yield Hostile("garbage.pdf", b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(5000)), ("corrupt",))
    yield Hostile(
        "no-pages.pdf",
        _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]),
        ("empty", "corrupt"),
    )
    yield Hostile("xref-garbage.pdf", good_pdf.replace(b"startxref", b"startxref\n999999999\n%", 1)[:-40], ("corrupt",))
    yield Hostile(
        "loop-pages.pdf",
        _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        ("corrupt", "empty"),
    )
    yield Hostile(
        "claims-1e9-pages.pdf",
        _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 1000000000 >>"]),
        ("corrupt", "empty", "too_many_pages"),
    )
    yield Hostile(
        "deep-array.pdf", _page_pdf(page_extra=b"/X " + b"[" * 5000 + b"]" * 5000), ("corrupt", "too_complex")
    )

    # ---- passwords
    yield Hostile("password-rc4.pdf", _pypdf_writer_pdf(password="s3cret"), ("encrypted",))
    yield Hostile("password-aes256.pdf", _pypdf_writer_pdf(password="s3cret", algorithm="AES-256"), ("encrypted",))
    yield Hostile("password-aes128.pdf", _pypdf_writer_pdf(password="pw", algorithm="AES-128"), ("encrypted",))

    # ---- active content
    yield Hostile(
        "js-field.pdf",
        _page_pdf(
            catalog_extra=b"/AcroForm << /Fields [<< /FT /Tx /T (f) /AA << /K << /S "
            b"/JavaScript /JS (event.value=1) >> >> >>] >>"
        ),
        ("javascript", "active"),
    )
    yield Hostile(
        "js-catalog.pdf",
        _page_pdf(catalog_extra=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        ("javascript", "active"),
    )
    yield Hostile(
        "js-page-aa.pdf",
        _page_pdf(page_extra=b"/AA << /O << /S /JavaScript /JS (this.print()) >> >>"),
        ("javascript", "active"),
    )
    yield Hostile(
        "js-annot.pdf",
        _page_pdf(
            page_extra=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /JavaScript /JS (x) >> >>]"
        ),
        ("javascript", "active"),
    )
    yield Hostile("launch.pdf", _page_pdf(catalog_extra=b"/OpenAction << /S /Launch /F (cmd.exe) >>"), ("active",))
    yield Hostile(
        "js-names.pdf",
        _page_pdf(catalog_extra=b"/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (x) >>] >> >>"),
        ("javascript", "active"),
    )

    # ---- resource exhaustion
    huge_img = (
        b"<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 8 >>"
    )
    yield Hostile(
        "giant-image.pdf",
        _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /XObject << /I 5 0 R >> >> >>",
                _stream(b"q 612 0 0 792 0 0 cm /I Do Q"),
                _stream(b"\x00" * 64, huge_img[2:-2]),
            ]
        ),
        ("image_too_large",),
    )
    yield Hostile("giant-page.pdf", _page_pdf(media=b"[0 0 100000 100000]"), ("page_size",))
    yield Hostile("content-bomb.pdf", _page_pdf(b" " * 120_000_000, compress=True), ("zip_bomb", "corrupt"))
    flood = [
        b"<< /Type /Catalog /Pages 2 0 R /Junk 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    flood += [b"[%d 0 R]" % (n + 1) for n in range(4, 25_004)] + [b"null"]
    yield Hostile("object-flood.pdf", _pdf(flood), ("too_complex",))
    many = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count 40 >>" % b" ".join(b"%d 0 R" % (n + 3) for n in range(40)),
        ]
        + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * 40
    )
    yield Hostile("forty-pages.pdf", many, ("too_many_pages",))

    # ---- scans OCR cannot use
    white = Image.new("L", (1275, 1650), 255)
    yield Hostile("blank-scan.pdf", _image_pdf(white), ("empty",))
    noise = Image.frombytes("L", (600, 800), bytes(rng.choice((0, 255)) for _ in range(600 * 800)))
    yield Hostile("noise-scan.pdf", _image_pdf(noise), ("ocr_unreadable",))
    yield Hostile("scan-ocr-off.pdf", _image_pdf(noise), ("ocr_unavailable",), {"ocr": False})
    yield Hostile(
        "scan-no-tesseract.pdf", _image_pdf(noise), ("ocr_unavailable",), {"tesseract_cmd": "/nonexistent/tesseract"}
    )

    # ---- Word packages
    yield Hostile("truncated.docx", good_docx[: len(good_docx) // 2], ("corrupt",))
    yield Hostile(
        "not-word.docx", _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}), ("corrupt",)
    )
    bad_xml = dict(members, **{"word/document.xml": b"<w:document><w:body><w:p>unclosed"})
    yield Hostile("bad-xml.docx", _zip(bad_xml), ("corrupt",))
    bomb = dict(members, **{"word/document.xml": members["word/document.xml"] + b" " * 80_000_000})
    yield Hostile("zip-bomb.docx", _zip(bomb), ("zip_bomb",))
    ratio = dict(members, **{"word/media/filler.bin": b"\x00" * 20_000_000})
    yield Hostile("ratio-bomb.docx", _zip(ratio), ("zip_bomb",))
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    yield Hostile("billion-laughs.docx", _zip(dict(members, **{"word/document.xml": laughs})), ("xml_bomb",))
    yield Hostile("macro.docm", _zip(dict(members, **{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})), ("macros",))
    types = members["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    yield Hostile("macro-type.docx", _zip(dict(members, **{"[Content_Types].xml": types})), ("macros",))
    yield Hostile(
        "giant-image.docx",
        _zip(dict(members, **{"word/media/image1.png": _png_header(60_000, 60_000)})),
        ("image_too_large",),
    )
    yield Hostile(
        "many-members.docx", _zip(dict(members, **{f"word/x{n}.bin": b"" for n in range(600)})), ("zip_bomb",)
    )
    yield Hostile(
        "empty-body.docx",
        _zip(
            dict(
                members,
                **{
                    "word/document.xml": (
                        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
                    )
                },
            )
        ),
        ("empty",),
    )
    yield Hostile("encrypted-member.docx", _encrypted_flag(_zip(members)), ("encrypted", "corrupt"))


def _encrypted_flag(data: bytes) -> bytes:
    """Set the 'encrypted' bit on every entry's headers, as a password-protected ZIP has it."""
    raw = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = raw.find(sig)
        while i >= 0:
            raw[i + offset] |= 0x1
            i = raw.find(sig, i + 4)
    return bytes(raw)
