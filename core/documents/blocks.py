"""Lines in reading order into blocks: the name, section headings, paragraphs, table rows and bullets, unwrapped."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from core.documents.glyphs import clean, join_hyphenated, split_marker
from core.documents.layout import Line, Run
from core.documents.model import Block
from core.ingest import section_of

_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_END = re.compile(r"[.!?:;]$")
_LABEL = re.compile(r"^[A-Z][\w/&+.,' -]{0,28}:\s")  # 'Cloud: AWS, GCP' starts an item of its own


@dataclass
class _Open:
    """The block being read: its cells (one for text, several for a table row), where text starts, its last line."""

    kind: str
    marker: str
    text_x0: float
    left: float
    last: Line
    cells: list[list[str]] = field(default_factory=list)  # text pieces per cell
    edges: list[tuple[float, float]] = field(default_factory=list)  # each cell's (x0, x1 of its last piece)

    @property
    def text(self) -> str:
        return "\t".join(" ".join(" ".join(c).split()) for c in self.cells)


def build_blocks(lines: list[Line]) -> list[Block]:
    """Blocks from lines in reading order: markers start bullets, wrapped lines join the block above them."""
    if not lines:
        return []
    body = statistics.median(ln.size for ln in lines)
    known = _vocabulary(lines)
    blocks: list[Block] = []
    cur: _Open | None = None
    heading_line: Line | None = None

    def flush() -> None:
        nonlocal cur
        if cur is not None and cur.text.strip():
            blocks.append(Block(cur.kind, cur.text.strip(), cur.last.page, cur.marker))  # type: ignore[arg-type]
        cur = None

    for ln in lines:
        text = clean(ln.text).strip()
        if not text:
            continue
        marker, rest = split_marker(text)
        if ln.marked and not marker:
            marker, rest = "•", text
        if marker and cur is not None and marker == "•" and text[:1] in "-–—" and _continues(cur, ln, text):
            marker = ""  # a dash that opens a wrapped line is punctuation, not a bullet
        if (
            not marker
            and heading_line is not None
            and blocks
            and _heading_wraps(heading_line, ln, blocks[-1].text, text)
        ):
            blocks[-1] = Block(blocks[-1].kind, f"{blocks[-1].text} {text}", blocks[-1].page)
            heading_line = ln
            continue
        if not marker and cur is not None and text[:1].islower() and _full(cur.last, ln) and _continues(cur, ln, text):
            _append(cur, ln, text, known)  # 'Candidate' / 'experience': a wrapped word, not a heading
            continue
        if not marker and (_is_heading(ln, text, body) or _heading_tail(cur, ln, text)):
            if cur is not None and _heading_tail(cur, ln, text):
                text, cur = f"{cur.text} {text}", None
            flush()
            title = not blocks and ln.size >= 1.3 * body
            blocks.append(Block("title" if title else "heading", " ".join(text.split()), ln.page))
            heading_line = ln
            continue
        heading_line = None
        if marker:
            flush()
            cur = _open("bullet", ln, marker, [rest.strip()], _text_start(ln, marker))
        elif cur is not None and _continues(cur, ln, text):
            _append(cur, ln, text, known)
        else:
            flush()
            if not blocks and ln.size >= 1.3 * body:
                blocks.append(Block("title", " ".join(text.split()), ln.page))
                continue
            cur = _open("paragraph", ln, "", [clean(r.text).strip() for r in ln.runs], ln.x0)
    flush()
    return blocks


def render(blocks: list[Block]) -> str:
    """The text INGEST reads: one block a line, bullets marked '• ', a blank line before each heading."""
    out: list[str] = []
    for n, b in enumerate(blocks):
        entry = b.kind == "paragraph" and "\t" in b.text and n > 0 and blocks[n - 1].kind == "bullet"
        if (b.kind == "heading" or entry) and out:
            out.append("")  # a blank line before a section, and before the next job's heading line
        out.append(f"{b.marker if b.marker[:1].isdigit() else '•'} {b.text}" if b.kind == "bullet" else b.text)
    return "\n".join(out)


def _open(kind: str, ln: Line, marker: str, texts: list[str], text_x0: float) -> _Open:
    edges = [(r.x0, r.x1) for r in ln.runs]
    if kind == "bullet":
        texts, edges = ["\t".join(texts)], [(text_x0, ln.x1)]
    return _Open(kind, marker, text_x0, ln.x0, ln, [[t] for t in texts], edges)


def _append(cur: _Open, ln: Line, text: str, known: set[str]) -> None:
    """Add a wrapped line to the block: to its one text, or cell by cell to a table row."""
    if len(cur.cells) == 1:
        cell = cur.cells[0]
        if cell and cell[-1].endswith("-") and text[:1].islower():
            cell[-1] = join_hyphenated(cell[-1], text, known)
        else:
            cell.append(text)
        cur.edges[0] = (cur.edges[0][0], ln.x1)
    else:
        for run in ln.runs:
            i = _cell_of(cur, run, ln.size)
            cur.cells[i].append(clean(run.text).strip())
            cur.edges[i] = (cur.edges[i][0], run.x1)
    cur.last = ln


def _is_heading(ln: Line, text: str, body: float) -> bool:
    if section_of(text, caps=True):
        return True
    emphasised = ln.bold or ln.size >= 1.1 * body
    return emphasised and len(text.split()) <= 5 and text.upper() == text and any(c.isalpha() for c in text)


def _heading_tail(cur: _Open | None, ln: Line, text: str) -> bool:
    """'LICENSES &' then 'CERTIFICATIONS': a heading that wrapped in a narrow column."""
    if cur is None or cur.kind != "paragraph" or len(cur.cells) != 1 or cur.last.bold != ln.bold:
        return False
    return _near_below(cur.last, ln) and section_of(f"{cur.text} {text}", caps=True) is not None


def _heading_wraps(prev: Line, ln: Line, heading: str, text: str) -> bool:
    return (
        prev.bold == ln.bold
        and abs(prev.size - ln.size) < 0.5
        and _near_below(prev, ln)
        and abs(ln.x0 - prev.x0) <= 0.7 * ln.size
        and section_of(f"{heading} {text}", caps=True) is not None
    )


def _text_start(ln: Line, marker: str) -> float:
    """Where a bullet's text starts (its wrapped lines align there): the first word that is not the marker."""
    glyphs = set(marker) | set("•-–—*+")
    for w in (w for r in ln.runs for w in r.words):
        if not set(w.text) <= glyphs and w.text != marker:
            return w.x0
    return ln.x0


def _near_below(prev: Line, ln: Line, *, tail: bool = False) -> bool:
    """Just below on the same page, in the same column; a lower-case tail may cross from a full-width line."""
    size = max(prev.size, ln.size)
    if ln.page != prev.page:
        return True
    same_column = abs(ln.right - prev.right) <= size or (tail and abs(ln.x0 - prev.x0) <= 0.7 * size)
    return 0 <= ln.top - prev.bottom + 0.2 * size <= 1.0 * size and same_column


def _continues(cur: _Open, ln: Line, text: str) -> bool:
    """True when a line continues the open block: close below, aligned with its text, and the text ran out of room."""
    prev = cur.last
    tail = text[:1].islower() and not _END.search(cur.text)
    if not _near_below(prev, ln, tail=tail) or _LABEL.match(text) or (text.isupper() and len(text) > 3):
        return False
    if len(cur.cells) > 1:
        return _row_continues(cur, ln)
    if len(ln.runs) > 1:
        return False
    lower = text[:1].islower() and not _END.search(cur.text)
    if ln.page != prev.page:
        return lower  # a block that runs onto the next page: only a lower-case start says so safely
    size = max(prev.size, ln.size)
    aligned = abs(ln.x0 - cur.text_x0) <= 0.7 * size or (cur.kind == "paragraph" and cur.left - 0.7 * size <= ln.x0)
    if not aligned or (cur.kind == "paragraph" and ln.x0 > cur.text_x0 + 0.7 * size):
        return False
    return _full(prev, ln) or lower


def _full(prev: Line, ln: Line) -> bool:
    """The line above ran out of room: the next line's first word would not have fitted on it."""
    size = max(prev.size, ln.size)
    return prev.x1 + 0.3 * size + ln.first_word_width > prev.right - 0.2 * size


def _row_continues(cur: _Open, ln: Line) -> bool:
    """A table row whose cells wrapped: every run of the line sits under a cell that ran out of room."""
    size = ln.size
    for run in ln.runs:
        i = _cell_of(cur, run, size)
        if i < 0:
            return False
        x0, x1 = cur.edges[i]
        limit = cur.edges[i + 1][0] - 0.3 * size if i + 1 < len(cur.edges) else ln.right
        if x1 + 0.3 * size + (run.words[0].x1 - run.words[0].x0) <= limit - 0.2 * size:
            return False
    return True


def _cell_of(cur: _Open, run: Run, size: float) -> int:
    """The cell a run sits under (left edges aligned, or right edges for right-aligned cells), or -1."""
    for i, (x0, x1) in enumerate(cur.edges):
        if abs(run.x0 - x0) <= 0.7 * size or (i == len(cur.edges) - 1 and abs(run.x1 - x1) <= 0.7 * size):
            return i
    return -1


def _vocabulary(lines: list[Line]) -> set[str]:
    """Every word and hyphenated compound the document spells out whole on one line (to judge line-end hyphens)."""
    words: set[str] = set()
    for ln in lines:
        text = clean(ln.text).rstrip()
        if text.endswith("-"):
            text = text.rsplit(" ", 1)[0] if " " in text else ""
        words.update(m.lower() for m in _WORDS.findall(text))
    return words
