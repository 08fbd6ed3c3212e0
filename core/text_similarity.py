"""Text similarity of a resume and a JD: the cosine of their TF-IDF word vectors, the IDF fixed.

The naive anchor the recruiters' rankings are compared with (README, "Matching a resume to a job") ranks unseen pairs
about as well on every folder while the requirement reading swings from 0.14 to 0.95 Spearman; the ATS score uses
this similarity beside the requirements (core.ats_score, docs/SCORING.md). The IDF comes from the O*NET occupation
descriptions the key-phrase model is fitted on (core/data/occupations.json), so a pair's similarity does not depend
on what else is scored with it. Words are the key-phrase model's (lower case, stop words and posting boilerplate
removed), with a light stem so "scheduling" meets "schedule" and "drivers" "driver"; term counts are sublinear
(1 + log n), so a word repeated down a long resume does not outweigh the rest.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from functools import lru_cache
from pathlib import Path

from core.keywords import OCCUPATIONS_FILE, words
from core.resume_view import read_resume

STEM = True  # words stemmed (docs/SCORING.md: chosen by leave-one-folder-out, with SUBLINEAR)
SUBLINEAR = True  # term counts as 1 + log n rather than n
_TAILS = ("ing", "ers", "er", "ed", "es", "s")
COPY_RUN = 6  # a resume line sharing this many words in a row with the JD is the JD's text, not evidence
_RUN_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: one ending of -ing, -ers, -er, -ed, -es, -s off a word of more than that plus three letters."""
    for tail in _TAILS:
        if len(word) > len(tail) + 3 and word.endswith(tail):
            return word[: -len(tail)]
    return word


class TextModel:
    """Inverse document frequencies of a background corpus, for cosines of TF-IDF vectors."""

    def __init__(self, background: list[str], *, stemmed: bool) -> None:
        self.stemmed = stemmed
        documents: Counter[str] = Counter()
        for text in background:
            documents.update(set(self.terms(text)))
        n = len(background) + 1  # smoothed idf, as core.keywords
        self._idf = {term: math.log(n / (df + 1)) + 1.0 for term, df in documents.items()}
        values = sorted(self._idf.values())
        self._unseen = values[int(len(values) * 0.75)] if values else 1.0  # an unseen word ranks with the rarer quarter

    def terms(self, text: str) -> list[str]:
        """A text's words, stemmed when the model is."""
        found = words(text)
        return [stem(w) for w in found] if self.stemmed else found

    def idf(self, term: str) -> float:
        """The term's inverse document frequency in the background."""
        return self._idf.get(term, self._unseen)


_MODELS: dict[bool, TextModel] = {}
_LOCK = threading.Lock()


def load_text_model(stemmed: bool = STEM, path: Path = OCCUPATIONS_FILE) -> TextModel:
    """The model fitted on core/data/occupations.json (once per process and kind)."""
    with _LOCK:
        if stemmed not in _MODELS:
            data = json.loads(path.read_text(encoding="utf-8"))["occupations"]
            _MODELS[stemmed] = TextModel([f"{o['title']}. {o['description']}" for o in data], stemmed=stemmed)
        return _MODELS[stemmed]


@lru_cache(maxsize=512)
def _vector(text: str, stemmed: bool, sublinear: bool) -> tuple[dict[str, float], float]:
    """A text's TF-IDF vector and its length (one JD is read for many resumes: remembered)."""
    model = load_text_model(stemmed)
    counts = Counter(model.terms(text))
    vector = {t: (1.0 + math.log(n) if sublinear else float(n)) * model.idf(t) for t, n in counts.items()}
    return vector, math.sqrt(sum(w * w for w in vector.values()))


@lru_cache(maxsize=64)
def _runs(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of COPY_RUN words of a text (lower case)."""
    found = _RUN_WORD.findall(text.lower())
    return frozenset(tuple(found[i : i + COPY_RUN]) for i in range(len(found) - COPY_RUN + 1))


def evidence_text(resume: str, jd: str) -> str:
    """The resume as evidence of work: without its keyword lists (a skills line, a competencies grid) and without
    lines that copy the JD (COPY_RUN words in a row), so pasting the JD or its words into a resume raises nothing."""
    copied = _runs(jd)
    kept = []
    for line in read_resume(resume).lines:
        if line.listing or not line.text.strip():
            continue
        if copied and _runs(line.text) & copied:
            continue
        kept.append(line.text)
    return "\n".join(kept)


def text_similarity(resume: str, jd: str, *, stemmed: bool = STEM, sublinear: bool = SUBLINEAR) -> float | None:
    """Cosine of the TF-IDF vectors of the resume's evidence (`evidence_text`) and the JD, 0-1 (None: either has no
    words)."""
    a, na = _vector(evidence_text(resume, jd), stemmed, sublinear)
    b, nb = _vector(jd, stemmed, sublinear)
    if not na or not nb:
        return None
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items()) / (na * nb)
