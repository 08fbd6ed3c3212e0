"""Reading order on a page: words into runs, running headers and footers dropped, columns found, lines built."""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass

from core.documents.glyphs import is_page_number
from core.documents.model import Page, Word

_WORD_GAP = 1.5  # ems: a wider gap between two words on a baseline ends a run (a tab stop, a table cell, a column)
_MARGIN = 0.085  # the top and bottom share of a page where running headers, footers and page numbers sit
_DIGITS = re.compile(r"\d+")


@dataclass
class Run:
    """Words on one baseline with no wide gap between them."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Line:
    """One line of one column: its runs left to right; `right` is the column's right edge (for wrap tests)."""

    runs: list[Run]
    page: int
    right: float = 0.0
    marked: bool = False  # a drawn bullet (a small shape) sits just left of the line

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1

    @property
    def top(self) -> float:
        return min(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return max(r.bottom for r in self.runs)

    @property
    def size(self) -> float:
        return statistics.median(w.size for r in self.runs for w in r.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for r in self.runs for w in r.words)

    @property
    def text(self) -> str:
        return "\t".join(r.text for r in self.runs)

    @property
    def first_word_width(self) -> float:
        w = self.runs[0].words[0]
        return w.x1 - w.x0


def runs_of(words: list[Word]) -> list[Run]:
    """Group words into runs: words that overlap vertically form a line, split left to right at gaps over 1.5 ems."""
    clusters: list[tuple[float, float, list[Word]]] = []  # (top, bottom, words) of each line in the making
    for w in sorted(words, key=lambda w: w.top):
        height = w.bottom - w.top
        for i in range(len(clusters) - 1, max(-1, len(clusters) - 6), -1):
            top, bottom, members = clusters[i]
            overlap = min(bottom, w.bottom) - max(top, w.top)
            if overlap >= 0.5 * min(height, bottom - top):
                members.append(w)  # the line keeps its first word's extent: lines never chain into each other
                break
        else:
            clusters.append((w.top, w.bottom, [w]))
    runs: list[Run] = []
    for _, _, members in clusters:
        members.sort(key=lambda w: w.x0)
        run = Run([members[0]])
        for w in members[1:]:
            last = run.words[-1]
            gap = w.x0 - last.x1
            if -0.5 * w.size <= gap <= _WORD_GAP * max(last.size, w.size):
                run.words.append(w)
            else:
                runs.append(run)
                run = Run([w])
        runs.append(run)
    return runs


def lines_of(runs: list[Run], page: int) -> list[Line]:
    """Runs that share a baseline become one line (left to right); lines top to bottom."""
    lines: list[Line] = []
    for r in sorted(runs, key=lambda r: r.center):
        if lines and abs(lines[-1].runs[-1].center - r.center) <= 0.4 * r.size:
            lines[-1].runs.append(r)
        else:
            lines.append(Line([r], page))
    for ln in lines:
        ln.runs.sort(key=lambda r: r.x0)
    return lines


def drop_margins(pages: list[Page], runs_by_page: list[list[Run]]) -> list[list[Run]]:
    """Remove page numbers, lines repeated in the margins of several pages, and page 2+'s running name header."""
    bands: list[list[Line]] = []
    for page, runs in zip(pages, runs_by_page, strict=True):
        lo, hi = page.height * _MARGIN, page.height * (1 - _MARGIN)
        bands.append([ln for ln in lines_of(runs, page.number) if ln.bottom <= lo or ln.top >= hi])
    seen: dict[str, int] = {}
    for band in bands:
        for key in {_key(ln.text) for ln in band}:
            seen[key] = seen.get(key, 0) + 1
    first_text = next((r.text for runs in runs_by_page for r in sorted(runs, key=lambda r: r.top)), "")
    name = _key(first_text)
    out: list[list[Run]] = []
    for n, (band, runs) in enumerate(zip(bands, runs_by_page, strict=True)):
        drop: set[int] = set()
        for ln in band:
            key = _key(ln.text)
            header = n > 0 and ln.top < pages[n].height / 2 and len(name) > 3 and name in key
            if is_page_number(ln.text) or seen.get(key, 0) >= 2 or header:
                drop.update(id(r) for r in ln.runs)
        out.append([r for r in runs if id(r) not in drop])
    return out


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def reading_order(runs: list[Run], x_lo: float, x_hi: float, depth: int = 0) -> list[list[Run]]:
    """Segments in reading order: a full-width band's columns left to right, each top to bottom."""
    gutter = _gutter(runs, x_lo, x_hi) if depth < 2 else None
    if gutter is None:
        return [runs] if runs else []
    g0, g1 = gutter
    spanning = sorted((r for r in runs if r.x0 < g0 and r.x1 > g1), key=lambda r: r.top)
    segments: list[list[Run]] = []
    rest = [r for r in runs if not (r.x0 < g0 and r.x1 > g1)]
    edges = [s.center for s in spanning] + [float("inf")]
    start = float("-inf")
    for i, edge in enumerate(edges):
        band = [r for r in rest if start <= r.center < edge]
        left = [r for r in band if r.x1 <= g1]
        right = [r for r in band if r.x1 > g1]
        segments += reading_order(left, x_lo, g0, depth + 1) + reading_order(right, g1, x_hi, depth + 1)
        if i < len(spanning):
            if band or not segments or segments[-1][-1] is not spanning[i - 1]:
                segments.append([])
            segments[-1].append(spanning[i])  # full-width lines in a row stay one segment: a paragraph may wrap
        start = edge
    return segments


def _gutter(runs: list[Run], x_lo: float, x_hi: float) -> tuple[float, float] | None:
    """The strip before the best-supported column start with text beside it, or None (one column)."""
    if len(runs) < 8:
        return None
    em = statistics.median(r.size for r in runs)
    span = x_hi - x_lo
    lo, hi = x_lo + 0.12 * span, x_hi - 0.12 * span
    # A column starts where several runs share a left edge; wide runs above or below the columns (the name, a
    # headline, a full-width section) may cross the strip before it, which _columns_score allows.
    starts = sorted(r.x0 for r in runs if lo <= r.x0 <= hi)
    best: tuple[int, float, float] | None = None
    i = 0
    while i < len(starts):
        j = i
        while j + 1 < len(starts) and starts[j + 1] - starts[i] <= 1.5:
            j += 1
        if j - i + 1 >= 3:
            g1 = starts[i] - 0.5
            score = _columns_score(runs, g1 - 0.5 * em, g1)
            if score and (best is None or score > best[0]):
                best = (score, g1 - 0.5 * em, g1)
        i = j + 1
    return (best[1], best[2]) if best else None


def _columns_score(runs: list[Run], g0: float, g1: float) -> int:
    """How well a strip separates two columns (the smaller side's line count); 0 when it is a table or no split."""
    left = [r for r in runs if r.x1 <= g0 + 0.5]
    right = [r for r in runs if r.x0 >= g1 - 0.5]
    if len(left) < 3 or len(right) < 3:
        return 0
    top = max(min(r.top for r in left), min(r.top for r in right))
    bottom = min(max(r.bottom for r in left), max(r.bottom for r in right))
    if bottom - top < 0.3 * min(_extent(left), _extent(right)):
        return 0  # the two sides are not beside each other
    crossing = sum(1 for r in runs if r.x0 < g0 and r.x1 > g1 and top <= r.center <= bottom)
    left = [r for r in left if top <= r.center <= bottom]
    right = [r for r in right if top <= r.center <= bottom]
    if len(left) < 3 or len(right) < 3 or crossing > max(2, 0.1 * min(len(left), len(right))):
        return 0
    right_centers = sorted(r.center for r in right)
    paired = sum(1 for r in left if _has_near(right_centers, r.center, 0.3 * r.size))
    rows = len(lines_of(right, 0))  # a row may hold several cells right of the labels
    labels = all(len(r.words) <= 4 for r in left) and not any(r.text[:1].islower() for r in left + right)
    if labels and paired >= 0.85 * max(len(left), rows):
        return 0  # short labels each beside a value, no sentence wrapping on either side: a table, read by rows
    return min(len(left), len(right))


def _extent(runs: list[Run]) -> float:
    return max(r.bottom for r in runs) - min(r.top for r in runs)


def _has_near(sorted_values: list[float], value: float, tol: float) -> bool:
    i = bisect.bisect_left(sorted_values, value - tol)
    return i < len(sorted_values) and sorted_values[i] <= value + tol
