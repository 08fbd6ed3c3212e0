"""A generated corpus of resume documents: text resumes rendered as DOCX and PDF, with the text each should yield.

Shared by tests/unit/test_documents_corpus.py (a subset) and bench/bench_documents.py (all of it). Every file is
built from a plain-text resume, so the text it should read back is known exactly. Producers: python-docx (one
column, and two columns as a two-cell layout table), reportlab platypus (flowing paragraphs and real bullets),
reportlab canvas (hand-laid lines with hyphenated line ends and page footers), Chromium print-to-PDF (HTML/CSS,
list bullets drawn as shapes) and image-only PDFs of rendered pages (for OCR).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.ingest import section_of

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "samples" / "resume.txt", *sorted((ROOT.parent / "shared/eval/match_dev/pairs").glob("*_resume.txt"))]

# Sections a two-column layout puts in its narrow sidebar; the rest go to the main column.
SIDEBAR = frozenset({"Skills", "Education", "Certifications", "Languages", "Interests", "Contact"})
_MARKER = re.compile(r"^\s*(?:[•·*+\-–]|\d{1,2}[.)])\s+")
_GAP = re.compile(r"\s{3,}")
_FONT_PATHS = [
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
]


@dataclass
class Item:
    """One logical line of a resume: a bullet, or a line of text (a role line keeps its date after a tab)."""

    text: str
    bullet: bool = False
    numbered: bool = False


@dataclass
class Section:
    heading: str
    items: list[Item] = field(default_factory=list)

    @property
    def canon(self) -> str:
        return section_of(self.heading, caps=True) or self.heading


@dataclass
class Resume:
    name: str
    header: list[str]
    sections: list[Section]
    source: str

    def ordered(self, two_columns: bool) -> list[Section]:
        """Sections in reading order: the sidebar first when laid out in two columns."""
        if not two_columns:
            return self.sections
        return [s for s in self.sections if s.canon in SIDEBAR] + [s for s in self.sections if s.canon not in SIDEBAR]

    def can_split(self) -> bool:
        side = [s for s in self.sections if s.canon in SIDEBAR]
        words = sum(len(i.text.split()) for s in side for i in s.items)
        grids = any(i.text.count("\t") >= 2 for s in side for i in s.items)  # a 3-cell grid has no room in a sidebar
        return bool(side) and len(side) < len(self.sections) and words <= 140 and not grids

    def expected(self, two_columns: bool = False) -> str:
        """The text a reader should recover, in reading order (bullets marked '• ', one logical line each)."""
        lines = [self.name, *self.header]
        for s in self.ordered(two_columns):
            lines.append(s.heading)
            lines.extend(("• " + i.text) if i.bullet else i.text for i in s.items)
        return "\n".join(lines)


def parse(text: str, source: str = "") -> Resume:
    """Read a plain-text resume into header lines, sections and items."""
    lines = [ln.rstrip() for ln in text.splitlines()]
    body = [ln for ln in lines if ln.strip()]
    name, rest = body[0].strip(), lines[lines.index(body[0]) + 1 :]
    header: list[str] = []
    sections: list[Section] = []
    for line in rest:
        if not line.strip():
            continue
        if section_of(line, caps=True) and not _MARKER.match(line):
            sections.append(Section(line.strip()))
            continue
        marker = _MARKER.match(line)
        text = _GAP.sub("\t", line.strip())
        if not sections:
            header.append(text)
        elif marker:
            sections[-1].items.append(Item(line[marker.end() :].strip(), True, marker.group().strip()[0].isdigit()))
        elif line[:1] == " " and sections[-1].items and sections[-1].items[-1].bullet:
            sections[-1].items[-1].text += " " + line.strip()
        else:
            sections[-1].items.append(Item(text))
    return Resume(name, header, sections, source)


def load_sources(limit: int | None = None, folder: Path | None = None) -> list[Resume]:
    """The text resumes the corpus is built from (samples/ first, then the match_dev pairs; or a folder's)."""
    paths = sorted(folder.glob("*_resume.txt")) if folder else SOURCES
    paths = paths[:limit] if limit else paths
    return [parse(p.read_text(encoding="utf-8"), p.name) for p in paths]


@dataclass
class Doc:
    """One generated file and the text it should read back as."""

    name: str
    producer: str
    data: bytes
    expected: str
    two_columns: bool
    ocr: bool = False


# ---------------------------------------------------------------- DOCX (python-docx)


def to_docx(r: Resume, *, two_columns: bool = False) -> bytes:
    """Word document: Heading 1 sections, List Bullet/List Number items, a running header; two columns as a table."""
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches, Pt

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = f"{r.name} — Resume"
    d.sections[0].footer.paragraphs[0].text = "Confidential"
    d.add_paragraph(r.name, style="Title")
    for line in r.header:
        d.add_paragraph(line)

    def emit(container, sections: list[Section]) -> None:
        first = True
        for s in sections:
            if first and container is not d:
                container.paragraphs[0].text = s.heading
                container.paragraphs[0].style = d.styles["Heading 1"]
            else:
                container.add_paragraph(s.heading, style="Heading 1")
            first = False
            for it in s.items:
                style = "List Number" if it.numbered else "List Bullet" if it.bullet else None
                p = container.add_paragraph(it.text, style=style)
                if "\t" in it.text:
                    p.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT)
                for run in p.runs:
                    run.font.size = Pt(10.5)

    if two_columns:
        side = [s for s in r.sections if s.canon in SIDEBAR]
        main = [s for s in r.sections if s.canon not in SIDEBAR]
        table = d.add_table(rows=1, cols=2)
        emit(table.cell(0, 0), side)
        emit(table.cell(0, 1), main)
    else:
        emit(d, r.sections)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- PDF (reportlab)


def _fonts() -> tuple[str, str]:
    """A TrueType font with the resumes' characters when the machine has one, else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for regular, bold in _FONT_PATHS:
        if Path(regular).exists() and Path(bold).exists():
            if "CorpusSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("CorpusSans", regular))
                pdfmetrics.registerFont(TTFont("CorpusSans-Bold", bold))
            return "CorpusSans", "CorpusSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def to_pdf_platypus(r: Resume, *, two_columns: bool = False, size: float = 10.5) -> bytes:
    """reportlab platypus: flowing paragraphs, '•' bullets with a hanging indent, page footers 'Page N'."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Table,
        TableStyle,
    )

    regular, bold = _fonts()
    width, height = LETTER
    margin = 50
    body = ParagraphStyle("b", fontName=regular, fontSize=size, leading=size * 1.3)
    bullet = ParagraphStyle("u", parent=body, leftIndent=14, bulletIndent=2, spaceBefore=1)
    head = ParagraphStyle("h", parent=body, fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.4, spaceBefore=8)
    title = ParagraphStyle("t", parent=body, fontName=bold, fontSize=size + 8, leading=(size + 8) * 1.3)

    def footer(canvas, doc) -> None:
        canvas.setFont(regular, 8)
        canvas.drawCentredString(width / 2, 24, f"Page {doc.page}")
        if doc.page > 1:
            canvas.drawString(margin, height - 30, f"{r.name} · Resume")

    def para(text: str, style: ParagraphStyle, column: float) -> object:
        if "\t" in text:
            cells = text.split("\t")
            widths = [column * 0.68, column * 0.32] if len(cells) == 2 else [column / len(cells)] * len(cells)
            t = Table([[Paragraph(html.escape(c), style) for c in cells]], colWidths=widths)
            t.setStyle(
                TableStyle(
                    [
                        ("ALIGN", (-1, 0), (-1, 0), "RIGHT"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            return t
        return Paragraph(html.escape(text), style)

    def flow(sections: list[Section], column: float) -> list:
        out: list = []
        for s in sections:
            out.append(Paragraph(html.escape(s.heading), head))
            for n, it in enumerate(s.items, 1):
                if it.bullet:
                    out.append(Paragraph(html.escape(it.text), bullet, bulletText=f"{n}." if it.numbered else "•"))
                else:
                    out.append(para(it.text, body, column))
        return out

    full = width - 2 * margin
    story: list = [Paragraph(html.escape(r.name), title)] + [Paragraph(html.escape(h), body) for h in r.header]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    wrapped = sum(1 + int(stringWidth(h, regular, size) // (full - 10)) for h in r.header)
    top_h = 30 + size * 1.4 * (wrapped + 2)
    if two_columns:
        side_w = full * 0.34
        gap = 24
        frames = [
            Frame(margin, height - margin - top_h, full, top_h, id="top"),
            Frame(margin, margin, side_w, height - 2 * margin - top_h, id="side"),
            Frame(margin + side_w + gap, margin, full - side_w - gap, height - 2 * margin - top_h, id="main"),
        ]
        side = [s for s in r.sections if s.canon in SIDEBAR]
        main = [s for s in r.sections if s.canon not in SIDEBAR]
        story += [
            FrameBreak(),
            *flow(side, side_w),
            NextPageTemplate("rest"),
            FrameBreak(),
            *flow(main, full - side_w - gap),
        ]
        templates = [
            PageTemplate("first", frames, onPage=footer),
            PageTemplate("rest", [Frame(margin, margin, full, height - 2 * margin)], onPage=footer),
        ]
    else:
        story += flow(r.sections, full)
        templates = [PageTemplate("first", [Frame(margin, margin, full, height - 2 * margin)], onPage=footer)]
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=LETTER, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin
    )
    doc.addPageTemplates(templates)
    doc.build(story)
    return buf.getvalue()


def to_pdf_canvas(r: Resume, *, size: float = 11.0) -> bytes:
    """reportlab canvas: lines laid out by hand, long words hyphenated at line ends, 'Page N of M' footers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas as rl_canvas

    regular, bold = _fonts()
    width, height = A4
    left, right, top, bottom = 60, width - 60, height - 64, 64
    lines: list[tuple[str, float, str]] = []  # (text, x, font)

    def wrap(text: str, x: float, font: str, first_prefix: str = "") -> None:
        words, line, indent = text.split(), first_prefix, x
        for w in words:
            candidate = f"{line} {w}".strip() if line != first_prefix else first_prefix + w
            if stringWidth(candidate, font, size) <= right - indent:
                line = candidate
                continue
            if len(w) >= 9 and w.isalpha():  # hyphenate a long word across the line end, as typesetters do
                cut = len(w) // 2
                head_try = f"{line} {w[:cut]}-".strip()
                if stringWidth(head_try, font, size) <= right - indent:
                    lines.append((head_try, indent, font))
                    line, indent = w[cut:], x + (stringWidth(first_prefix, font, size) if first_prefix else 0)
                    continue
            lines.append((line, indent, font))
            line, indent = w, x + (stringWidth(first_prefix, font, size) if first_prefix else 0)
        if line:
            lines.append((line, indent, font))

    lines.append((r.name, left, bold))
    for h in r.header:
        wrap(h, left, regular)
    for s in r.sections:
        lines.append(("", left, regular))
        lines.append((s.heading, left, bold))
        for n, it in enumerate(s.items, 1):
            if it.bullet:
                wrap(it.text, left + 4, regular, first_prefix=(f"{n}. " if it.numbered else "• "))
            elif "\t" in it.text:
                lines.append((it.text, left, regular))
            else:
                wrap(it.text, left, regular)
    pitch = size * 1.45
    per_page = int((top - bottom) / pitch)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    for n, page in enumerate(pages, 1):
        y = top
        for text, x, font in page:
            c.setFont(font, size)
            if "\t" in text:
                cells = text.split("\t")
                c.drawString(x, y, cells[0])
                for k, cell in enumerate(cells[1:-1], 1):
                    c.drawString(x + k * (right - x) / len(cells), y, cell)
                c.drawRightString(right, y, cells[-1])
            elif text:
                c.drawString(x, y, text)
            y -= pitch
        c.setFont(regular, 8)
        c.drawRightString(right, 30, f"Page {n} of {len(pages)}")
        if n > 1:
            c.drawString(left, height - 36, r.name)
        c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- PDF (Chromium print-to-PDF)


def to_html(r: Resume, *, two_columns: bool = False) -> str:
    """HTML/CSS for Chromium: <ul>/<ol> lists (markers drawn as shapes), flex role lines, a grid for two columns."""

    def block(sections: list[Section]) -> str:
        out = []
        for s in sections:
            out.append(f"<h2>{html.escape(s.heading)}</h2>")
            run: list[str] = []
            kind = ""
            for it in s.items + [Item("", False)]:
                k = "ol" if it.numbered else "ul" if it.bullet else ""
                if k != kind and run:
                    out.append(f"<{kind}>{''.join(run)}</{kind}>")
                    run = []
                kind = k
                if it.bullet:
                    run.append(f"<li>{html.escape(it.text)}</li>")
                elif it.text and "\t" in it.text:
                    cells = "".join(f"<span>{html.escape(x)}</span>" for x in it.text.split("\t"))
                    out.append(f'<p class="role">{cells}</p>')
                elif it.text:
                    out.append(f"<p>{html.escape(it.text)}</p>")
        return "".join(out)

    head = f"<h1>{html.escape(r.name)}</h1>" + "".join(f"<p>{html.escape(h)}</p>" for h in r.header)
    if two_columns:
        side = [s for s in r.sections if s.canon in SIDEBAR]
        main = [s for s in r.sections if s.canon not in SIDEBAR]
        body = f'<div class="grid"><aside>{block(side)}</aside><main>{block(main)}</main></div>'
    else:
        body = block(r.sections)
    css = (
        "body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;margin:0}"
        "h1{font-size:18pt;margin:0 0 4pt}h2{font-size:12pt;margin:10pt 0 3pt;text-transform:none}"
        "p{margin:1pt 0}ul,ol{margin:2pt 0;padding-left:16pt}li{margin:1pt 0}"
        ".role{display:flex;justify-content:space-between;gap:12pt}"
        ".grid{display:grid;grid-template-columns:32% 1fr;column-gap:22pt}"
    )
    page = f'<head><meta charset="utf-8"><style>{css}</style></head><body>{head}{body}</body>'
    return f'<!doctype html><html lang="en">{page}</html>'


class Chromium:
    """One headless Chromium (Playwright, the system binary) printing HTML to PDF; use as a context manager."""

    def __init__(self, executable: str = "/usr/bin/chromium"):
        self.executable = executable

    def __enter__(self) -> Chromium:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=self.executable, args=["--no-sandbox"])
        self._page = self._browser.new_page()
        return self

    def __exit__(self, *exc: object) -> None:
        self._browser.close()
        self._pw.stop()

    def pdf(self, page_html: str, *, footer: bool = True) -> bytes:
        """Print one HTML document to a Letter PDF with 'N / M' page numbers in the footer."""
        self._page.set_content(page_html)
        return self._page.pdf(
            format="Letter",
            margin={"top": "0.6in", "bottom": "0.6in", "left": "0.6in", "right": "0.6in"},
            display_header_footer=footer,
            header_template="<span></span>",
            footer_template='<div style="font-size:8pt;width:100%;text-align:center">'
            '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        )


# ---------------------------------------------------------------- image-only PDFs (for OCR)


def to_image_pdf(pdf: bytes, *, dpi: int = 200, pages: int = 1) -> bytes:
    """Render the first pages of a text PDF to greyscale images and wrap them in a PDF with no text layer."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        images = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(min(pages, len(doc)))]
    finally:
        doc.close()
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def first_pages_text(r: Resume, pdf: bytes, pages: int, two_columns: bool) -> str:
    """The expected text of the first pages of a rendered PDF: the expected lines that appear in them."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        if len(doc) <= pages:
            return r.expected(two_columns)
        seen = " ".join(doc[i].get_textpage().get_text_range() for i in range(pages))
    finally:
        doc.close()
    flat = re.sub(r"\s+", "", seen)
    kept = [ln for ln in r.expected(two_columns).split("\n") if re.sub(r"\s+|^• ", "", ln)[:24] in flat]
    return "\n".join(kept)


# ---------------------------------------------------------------- the corpus


def build(resumes: list[Resume], *, chromium: Chromium | None = None, ocr_every: int = 4) -> Iterator[Doc]:
    """Every producer and layout for each resume; an image-only PDF of every ocr_every-th resume's page 1."""
    for n, r in enumerate(resumes):
        stem = Path(r.source).stem
        layouts = [False, True] if r.can_split() else [False]
        for two in layouts:
            tag = "2col" if two else "1col"
            yield Doc(f"{stem}.{tag}.docx", "python-docx", to_docx(r, two_columns=two), r.expected(two), two)
            pdf = to_pdf_platypus(r, two_columns=two, size=10.5 if n % 2 else 12.5)
            yield Doc(f"{stem}.{tag}.platypus.pdf", "reportlab-platypus", pdf, r.expected(two), two)
            if chromium is not None:
                yield Doc(
                    f"{stem}.{tag}.chromium.pdf",
                    "chromium",
                    chromium.pdf(to_html(r, two_columns=two)),
                    r.expected(two),
                    two,
                )
            if ocr_every and n % ocr_every == 0:
                yield Doc(
                    f"{stem}.{tag}.scan.pdf",
                    "image-only",
                    to_image_pdf(pdf),
                    first_pages_text(r, pdf, 1, two),
                    two,
                    ocr=True,
                )
        yield Doc(f"{stem}.1col.canvas.pdf", "reportlab-canvas", to_pdf_canvas(r), r.expected(False), False)


# ---------------------------------------------------------------- fidelity measures


_LINE_MARKER = re.compile(r"^\s*(?:[•·*+\-–]|\d{1,2}[.)])\s+")


def comparable(text: str) -> str:
    """Text as compared: NFKC, bullet markers off each line, whitespace collapsed (layout is not content)."""
    import unicodedata

    lines = (_LINE_MARKER.sub("", ln) for ln in unicodedata.normalize("NFKC", text).split("\n"))
    return " ".join(" ".join(lines).split())


def char_f1(expected: str, got: str) -> float:
    """Character-level F1 of the aligned texts (difflib matching blocks; order matters)."""
    import difflib

    a, b = comparable(expected), comparable(got)
    if not a or not b:
        return float(a == b)
    matched = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    p, r = matched / len(b), matched / len(a)
    return 2 * p * r / (p + r) if p + r else 0.0


def bullet_scores(expected: str, got: str) -> tuple[int, int, int]:
    """(bullets INGEST finds in the expected text, found in the read text with the same boundaries, read in all).

    Same boundaries: a read bullet pairs one-to-one, in order, with an expected bullet whose text it matches to a
    ratio of at least 0.9 (OCR may misspell a word; a bullet merged with its neighbour or cut in two does not match).
    """
    import difflib

    from core.ingest import split_bullets

    exp = [" ".join(b.text.split()) for b in split_bullets(expected)]
    got_b = [" ".join(b.text.split()) for b in split_bullets(got)]
    matched, j = 0, 0
    for e in exp:
        for k in range(j, min(j + 4, len(got_b))):
            if difflib.SequenceMatcher(None, e, got_b[k], autojunk=False).ratio() >= 0.9:
                matched, j = matched + 1, k + 1
                break
    return len(exp), matched, len(got_b)


def sections(text: str) -> list[tuple[str, str]]:
    """(canonical heading, body text) of each section, in order."""
    out: list[tuple[str, str]] = []
    for line in text.split("\n"):
        head = section_of(line, caps=True)
        if head and not _LINE_MARKER.match(line):
            out.append((head, ""))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + "\n" + line)
    return out


def order_right(expected: str, got: str) -> bool:
    """Reading order: the same sections in the same order, each section's text recovered (F1 ≥ 0.95)."""
    a, b = sections(expected), sections(got)
    heads_match = [h for h, _ in a] == [h for h, _ in b]
    return heads_match and all(char_f1(x, y) >= 0.95 for (_, x), (_, y) in zip(a, b, strict=True))
