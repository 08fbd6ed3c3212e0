"""The tailored resume: standing texts put in place of the bullets, in the original's order, as text and as DOCX."""

from __future__ import annotations

from pathlib import Path

from core.documents import read_document
from core.documents.tailored import tailored_docx, tailored_lines, tailored_text
from core.ingest import normalise, split_bullets

RESUME = (Path(__file__).resolve().parents[2] / "samples" / "resume.txt").read_text()


def test_bullets_are_replaced_in_place_and_everything_else_kept() -> None:
    originals = split_bullets(normalise(RESUME))
    texts = {0: "Owned the migration of the card-authorization service to Kubernetes.", 8: "Built ETL jobs."}
    out = tailored_text(tailored_lines(RESUME, texts))
    bullets = [b.text for b in split_bullets(out)]
    assert len(bullets) == len(originals)
    assert bullets[0] == texts[0] and bullets[8] == texts[8]
    assert bullets[1:8] == [b.text for b in originals[1:8]] and bullets[9:] == [b.text for b in originals[9:]]
    for kept in ("Jordan Rivera", "EXPERIENCE", "Mar 2021 – Present", "PROJECTS", "1. ratelimit-go", "SKILLS"):
        assert kept in out
    assert "cutting\n" not in out  # the wrapped original bullet is written whole, once


def test_docx_export_keeps_section_order_headings_and_bullets() -> None:
    lines = tailored_lines(RESUME, {3: "Mentored 4 junior engineers through code reviews and pairing."})
    doc = read_document(tailored_docx(lines), "tailored.docx")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "SUMMARY",
        "EXPERIENCE",
        "PROJECTS",
        "EDUCATION",
        "SKILLS",
    ]
    assert doc.blocks[0].kind == "title" and doc.blocks[0].text == "Jordan Rivera"
    assert [b.text for b in split_bullets(doc.text)] == [b.text for b in split_bullets(tailored_text(lines))]
    assert "Mentored 4 junior engineers through code reviews and pairing." in doc.text
    assert any(b.marker == "1." for b in doc.blocks)  # numbered projects stay numbered
    roles = [ln for ln in lines if ln.kind == "role"]
    assert roles and all("Present" in ln.text or "2021" in ln.text for ln in roles)


def test_prose_resume_sentences_are_replaced_where_they_stand() -> None:
    resume = "Ana Ruiz\n\nEXPERIENCE\nI managed a team of five nurses. I reduced falls by 20% on my unit in 2023.\n"
    sentences = split_bullets(normalise(resume))
    assert len(sentences) == 2
    out = tailored_text(tailored_lines(resume, {0: "Led a team of five nurses."}))
    assert "Led a team of five nurses. I reduced falls by 20% on my unit in 2023." in out
