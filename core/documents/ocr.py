"""OCR of a rendered page with Tesseract (the command-line tool, run as a subprocess): positioned words + confidence."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

from core.documents.model import Page, Word
from core.errors import DocumentError

# What Tesseract tends to read a round bullet as, when it stands alone before a line's text.
_BULLET_READS = frozenset("•●«»°¢©®*eo¬~-—–=+>.·")


@dataclass(frozen=True)
class Tesseract:
    """How to run Tesseract: the command, the language, a time limit per page."""

    cmd: str = "tesseract"
    lang: str = "eng"
    timeout_s: float = 60.0

    def available(self) -> bool:
        """True when the command is installed."""
        return shutil.which(self.cmd) is not None

    def read(self, image: Any, *, number: int, scale: float, width: float, height: float) -> Page:
        """OCR one greyscale page image (a PIL image rendered at `scale` pixels per point) into a Page of words."""
        buf = io.BytesIO()
        image.save(buf, format="PPM")  # uncompressed: cheaper to write, and for Tesseract to read, than PNG
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page: pages are many, cores are few
        try:
            done = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
                [self.cmd, "stdin", "stdout", "-l", self.lang, "--psm", "3", "tsv"],
                input=buf.getvalue(),
                capture_output=True,
                timeout=self.timeout_s,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise DocumentError(
                f"OCR of page {number} took longer than {self.timeout_s:g} s (ATS_DOC_OCR_TIMEOUT_S)",
                reason="ocr_timeout",
            ) from exc
        except OSError as exc:
            raise DocumentError(f"OCR could not run ({self.cmd}): {exc.strerror}", reason="ocr_unavailable") from exc
        if done.returncode != 0:
            raise DocumentError(f"OCR failed on page {number}", reason="ocr_failed")
        words, confidence, firsts = parse_tsv(done.stdout.decode("utf-8", "replace"), scale)
        return Page(number, width, height, words, bullet_marks(image, firsts, scale), ocr_confidence=confidence)


def parse_tsv(tsv: str, scale: float) -> tuple[list[Word], float | None, list[Word]]:
    """Tesseract's TSV as words (in points), the length-weighted mean word confidence (0-1), each line's first word."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    line_height: dict[tuple[str, ...], float] = {}
    for r in rows:
        if r.get("level") == "4":
            line_height[_line_key(r)] = int(r["height"]) / scale
    words: list[Word] = []
    firsts: set[tuple[str, ...]] = set()
    first_words: list[Word] = []
    weighted = total = 0.0
    for r in rows:
        text = (r.get("text") or "").strip()
        if r.get("level") != "5" or not text:
            continue
        conf = max(0.0, float(r["conf"])) / 100
        x0, top = int(r["left"]) / scale, int(r["top"]) / scale
        x1, bottom = x0 + int(r["width"]) / scale, top + int(r["height"]) / scale
        key = _line_key(r)
        size = line_height.get(key, bottom - top)
        if key not in firsts:
            firsts.add(key)
            if len(text) == 1 and text in _BULLET_READS and (bottom - top) < 0.75 * size:
                text = "•"  # a small lone glyph before the text: the bullet, whatever Tesseract took it for
        words.append(Word(text, x0, top, x1, bottom, size, conf=conf))
        if len(firsts) > len(first_words):
            first_words.append(words[-1])
        weighted += conf * len(text)
        total += len(text)
    return words, (weighted / total if total else None), first_words


def _line_key(r: dict[str, str]) -> tuple[str, ...]:
    return (r["page_num"], r["block_num"], r["par_num"], r["line_num"])


def bullet_marks(image: Any, firsts: list[Word], scale: float) -> list[tuple[float, float, float, float]]:
    """Small dark blobs just left of a line's first word: the bullets Tesseract skipped (in points)."""
    marks: list[tuple[float, float, float, float]] = []
    for w in firsts:
        em = w.size * scale
        box = (int(w.x0 * scale - 2.5 * em), int(w.top * scale), int(w.x0 * scale - 0.15 * em), int(w.bottom * scale))
        if box[0] < 0 or box[2] <= box[0] or w.text == "•":
            continue
        dark = image.crop(box).point(lambda v: 255 if v < 128 else 0).getbbox()
        if not dark:
            continue
        bw, bh = dark[2] - dark[0], dark[3] - dark[1]
        if 0.1 * em <= bw <= 0.55 * em and 0.1 * em <= bh <= 0.55 * em and abs(bw - bh) <= 0.25 * em:
            x0, top = (box[0] + dark[0]) / scale, (box[1] + dark[1]) / scale
            marks.append((x0, top, x0 + bw / scale, top + bh / scale))
    return marks
