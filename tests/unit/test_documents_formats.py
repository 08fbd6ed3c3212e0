"""core/documents on small files built here: each format's structure, clean-up rules and what INGEST makes of it."""

from __future__ import annotations

import io

import docx
import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from core.documents import Document, DocumentError, read_document, sniff
from core.documents.glyphs import clean, is_page_number, join_hyphenated, split_marker
from core.ingest import split_bullets


def _pdf(pages: list[list[tuple[float, float, str]]], *, font: str = "Helvetica", size: float = 11) -> bytes:
    """A PDF with text drawn at (x, y-from-top) positions, one list of lines per page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for lines in pages:
        for x, y, text in lines:
            c.setFont(font, size)
            c.drawString(x, LETTER[1] - y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_rtf_reads_text_escapes_and_unicode_and_skips_font_tables() -> None:
    rtf = (
        rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\*\generator Word;}"
        rb"{\header Page header}\f0 Jos\'e9 Garc\'eda\par EXPERIENCE\par \bullet  Built caf\u233?s API\par"
        rb"{\pict\pngblip 89504e47}Skills\tab Python\par}"
    )
    doc = read_document(rtf, "cv.rtf")
    assert doc.format == "rtf"
    assert doc.text.splitlines() == ["José García", "EXPERIENCE", "• Built cafés API", "Skills\tPython"]
    assert "header" not in doc.text and "Arial" not in doc.text and "89504e47" not in doc.text


def test_markdown_keeps_headings_lists_and_table_rows_and_drops_markup() -> None:
    md = (
        b"# Ana Lima\n\n[LinkedIn](https://linkedin.com/in/ana) | ana@example.com\n\n## Experience\n\n"
        b"- **Led** the _migration_ to `Kubernetes`\n* Cut costs 20%\n\n---\n\n| Skill | Level |\n|---|---|\n"
        b"| Python | Expert |\n"
    )
    doc = read_document(md, "cv.md")
    assert doc.text.splitlines() == [
        "Ana Lima",
        "",
        "LinkedIn (https://linkedin.com/in/ana) | ana@example.com",
        "",
        "Experience",
        "",
        "- Led the migration to Kubernetes",
        "* Cut costs 20%",
        "",
        "",
        "Skill\tLevel",
        "Python\tExpert",
    ]
    assert [b.text for b in split_bullets(doc.text)] == ["Led the migration to Kubernetes", "Cut costs 20%"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café résumé".encode("cp1252"), "Café résumé"),
        ("\ufeffCafé".encode(), "Café"),
        ("Café ﬁnance".encode("utf-16"), "Café finance"),
    ],
)
def test_text_files_decode_by_bom_then_utf8_then_windows_1252(data: bytes, expected: str) -> None:
    assert read_document(data, "cv.txt").text == expected


def test_docx_lists_numbering_tables_and_text_boxes_read_in_order() -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "RUNNING HEADER"
    d.add_paragraph("Mina Okoro", style="Title")
    d.add_paragraph("Experience", style="Heading 1")
    d.add_paragraph("Led a team of 5 engineers", style="List Bullet")
    d.add_paragraph("Shipped the billing service", style="List Number")
    d.add_paragraph("Wrote the on-call guide", style="List Number")
    d.add_paragraph("\uf0b7\tTyped bullet with a Symbol glyph")
    d.add_paragraph("Skills", style="Heading 1")
    table = d.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("Languages", "Python, Go"), ("Cloud", "AWS, GCP")]):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue(), "cv.docx")
    assert doc.format == "docx" and "RUNNING HEADER" not in doc.text
    assert doc.text.splitlines() == [
        "Mina Okoro",
        "",
        "Experience",
        "• Led a team of 5 engineers",
        "1. Shipped the billing service",
        "2. Wrote the on-call guide",
        "• Typed bullet with a Symbol glyph",
        "",
        "Skills",
        "Languages\tPython, Go",
        "Cloud\tAWS, GCP",
    ]
    assert [b.kind for b in doc.blocks][:3] == ["title", "heading", "bullet"]
    assert len(split_bullets(doc.text)) == 4


def test_docx_layout_table_is_read_column_by_column() -> None:
    d = docx.Document()
    d.add_paragraph("Ravi Shah", style="Title")
    cell_left, cell_right = d.add_table(rows=1, cols=2).rows[0].cells
    cell_left.paragraphs[0].text = "Skills"
    for s in ("SQL", "Tableau", "Python"):
        cell_left.add_paragraph(s)
    cell_right.paragraphs[0].text = "Experience"
    for s in ("Built dashboards used by 40 analysts", "Automated weekly revenue reports"):
        cell_right.add_paragraph(s, style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    lines = read_document(buf.getvalue(), "cv.docx").text.splitlines()
    assert [ln for ln in lines if ln] == [
        "Ravi Shah",
        "Skills",
        "SQL",
        "Tableau",
        "Python",
        "Experience",
        "• Built dashboards used by 40 analysts",
        "• Automated weekly revenue reports",
    ]


def test_pdf_repairs_line_end_hyphens_drops_page_numbers_and_running_headers() -> None:
    page1 = [
        (72, 60, "Dana Ruiz"),
        (72, 100, "EXPERIENCE"),
        (72, 120, "• Led the card-authorization rewrite and the deploy-"),
        (84, 134, "ment of a new pipeline for the payments platform team with"),
        (84, 148, "card-"),
        (72, 170, "• Wrote runbooks"),
        (300, 770, "Page 1 of 2"),
    ]
    page2 = [
        (72, 40, "Dana Ruiz — Resume"),
        (72, 100, "• Mentored three engineers"),
        (300, 770, "Page 2 of 2"),
    ]
    # The third line ends early on purpose: 'card-' then a bullet: a hyphen the next line does not continue.
    doc = read_document(_pdf([page1, page2]), "cv.pdf")
    assert doc.pages == 2 and "Page" not in doc.text and "Resume" not in doc.text
    bullets = [b.text for b in split_bullets(doc.text)]
    assert bullets[0].startswith("Led the card-authorization rewrite and the deployment of a new pipeline")
    assert bullets[1:] == ["Wrote runbooks", "Mentored three engineers"]


@pytest.mark.parametrize(
    ("head", "tail", "known", "joined"),
    [
        ("the deploy-", "ment of", set(), "the deployment of"),  # a typesetter's split before a suffix
        ("the on-", "call rotation", set(), "the on-call rotation"),  # a compound's own hyphen
        ("post-", "surgical care", {"post-surgical"}, "post-surgical care"),  # spelt whole elsewhere: kept
        ("Kuber-", "netes clusters", {"kubernetes"}, "Kubernetes clusters"),  # spelt whole elsewhere: joined
    ],
)
def test_line_end_hyphen_rules(head: str, tail: str, known: set[str], joined: str) -> None:
    assert join_hyphenated(head, tail, known) == joined


def test_glyph_cleanup_ligatures_bullets_and_page_numbers() -> None:
    assert clean("e\ufb03cient \ufb01nance\u00a0team co\u00adop") == "efficient finance team coop"
    for glyph in ("\uf0b7", "\uf0a7", "➢", "▪", "●", "✓"):
        assert split_marker(f"{glyph} Built the API") == ("•", "Built the API")
    assert split_marker("3) Ran the audit") == ("3)", "Ran the audit")
    assert split_marker("2019 – 2021") == ("", "2019 – 2021")
    assert [is_page_number(t) for t in ("3", "Page 2", "Page 2 of 4", "2 / 3", "- 4 -", "2019 – 2021", "Top 3")] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
    ]


def test_a_skills_table_in_a_one_column_pdf_is_read_row_by_row() -> None:
    lines = [(72, 60, "Lee Park"), (72, 90, "Summary")]
    lines += [
        (72, 106 + 14 * i, "Analyst with eight years of reporting experience across finance and sales teams.")
        for i in range(3)
    ]
    lines += [(72, 160, "Skills")]
    for i, (label, value) in enumerate([("Languages", "Python, SQL"), ("Tools", "Tableau, Excel"), ("Cloud", "AWS")]):
        lines += [(72, 176 + 14 * i, label), (240, 176 + 14 * i, value)]
    text = read_document(_pdf([lines]), "cv.pdf").text
    assert "Languages\tPython, SQL\nTools\tTableau, Excel\nCloud\tAWS" in text


def test_sniff_uses_the_bytes_not_the_name() -> None:
    assert sniff(b"%PDF-1.7 ...", "cv.docx") == "pdf"
    assert sniff(b"{\\rtf1 hi}", "cv.txt") == "rtf"
    assert sniff(b"# hi", "cv.md") == "md" and sniff(b"# hi", "cv") == "txt"
    with pytest.raises(DocumentError) as err:
        sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "cv.doc")
    assert err.value.reason == "unsupported" and ".docx" in str(err.value)


def test_a_pdf_resume_splits_into_the_same_bullets_as_its_text(tmp_path) -> None:
    from bench.doccorpus import load_sources, to_pdf_platypus

    source = load_sources(1)[0]
    doc: Document = read_document(to_pdf_platypus(source), "cv.pdf")
    assert [b.text for b in split_bullets(doc.text)] == [b.text for b in split_bullets(source.expected())]
    assert doc.summary() == {
        "format": "pdf",
        "pages": 1,
        "chars": len(doc.text),
        "ocr_pages": [],
        "ocr_confidence": None,
        "warnings": [],
    }
