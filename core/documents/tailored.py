"""The tailored resume: the original's sections, headings and bullets with the standing texts put in; DOCX or text."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from core.documents.glyphs import split_marker
from core.ingest import normalise, section_of, split_bullets

_NUMBERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s")


@dataclass(frozen=True)
class Line:
    """One line of the tailored resume: its kind and text (bullets carry their marker)."""

    kind: str  # title | contact | heading | role | bullet | paragraph | blank
    text: str
    numbered: bool = False


def tailored_lines(resume_text: str, texts: dict[int, str] | None = None) -> list[Line]:
    """The resume's lines in order, classified, with bullet `i` replaced by texts[i] when given."""
    texts = texts or {}
    text = normalise(resume_text)
    starts = {b.span[0]: b for b in split_bullets(text)}
    out: list[Line] = []
    pos, skip_until, seen_heading = 0, -1, False
    for raw in text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        body = raw.strip()
        if start < skip_until:
            continue  # a wrapped line of a bullet already written whole
        inside = [starts[s] for s in range(start, start + len(raw) + 1) if s in starts]
        if inside and split_marker(body)[0]:
            b = inside[0]
            out.append(Line("bullet", texts.get(b.index, b.text), bool(_NUMBERED.match(raw))))
            skip_until = b.span[1]
            continue
        if inside:  # sentences of a prose line (a resume without markers): each replaced where it stands
            for b in sorted(inside, key=lambda b: -b.span[0]):
                a, z = b.span[0] - start, b.span[1] - start
                raw = raw[:a] + texts.get(b.index, b.text) + raw[z:]
            body = raw.strip()
        if section_of(raw, caps=seen_heading or bool(out)):
            seen_heading = True
            out.append(Line("heading", body))
        elif not body:
            if out and out[-1].kind != "blank":
                out.append(Line("blank", ""))
        elif not out:
            out.append(Line("title", body))
        elif not seen_heading:
            out.append(Line("contact", body))
        else:
            marker, rest = split_marker(body)
            kind = "bullet" if marker else "role" if "\t" in raw or re.search(r"\S\s{3,}\S", raw) else "paragraph"
            out.append(Line(kind, rest.strip() if marker else body, bool(_NUMBERED.match(raw))))
    return out


def tailored_text(lines: list[Line]) -> str:
    """Plain text: bullets marked '• ' (numbered ones '1.'), one line each."""
    out: list[str] = []
    counter = 0
    for ln in lines:
        counter = counter + 1 if ln.kind == "bullet" and ln.numbered else 0 if ln.kind != "bullet" else counter
        if ln.kind == "heading" and out and out[-1]:
            out.append("")
        if ln.kind == "bullet":
            out.append(f"{counter}. {ln.text}" if ln.numbered else f"• {ln.text}")
        else:
            out.append(ln.text)
    return "\n".join(out).strip() + "\n"


def tailored_docx(lines: list[Line]) -> bytes:
    """A Word document of the lines: Title, contact lines, Heading 1 sections, List Bullet/List Number bullets."""
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches, Pt

    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.8))
    d.styles["Normal"].font.size = Pt(10.5)
    width = Inches(8.5 - 2 * 0.8)
    for ln in lines:
        if ln.kind == "blank":
            continue
        if ln.kind == "title":
            d.add_paragraph(ln.text, style="Title")
        elif ln.kind == "heading":
            d.add_paragraph(ln.text, style="Heading 1")
        elif ln.kind == "bullet":
            d.add_paragraph(ln.text, style="List Number" if ln.numbered else "List Bullet")
        else:
            text = re.sub(r"\s{3,}", "\t", ln.text) if ln.kind == "role" else ln.text
            p = d.add_paragraph(text)
            if "\t" in text:
                p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            p.paragraph_format.space_after = Pt(2)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
