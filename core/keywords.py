"""TF-IDF key phrases of a job description, against a fixed background of O*NET occupation descriptions.

Plain Python (no scikit-learn): a worker that imported scikit-learn for this paid ~135 MB of resident memory for
scikit-learn, SciPy, pandas and pyarrow. The analyzer and the idf are those of scikit-learn's TfidfVectorizer with the
settings below (lower-cased, token pattern, stop words removed before 1-2 word n-grams, smoothed idf), so the
weights are the same; tests/unit/test_keywords.py compares them with scikit-learn's when it is installed.
"""

from __future__ import annotations

import json
import math
import re
import threading
from pathlib import Path

from core.types import Keyword

OCCUPATIONS_FILE = Path(__file__).parent / "data" / "occupations.json"
STOP_WORDS_FILE = Path(__file__).parent / "data" / "stop_words_en.txt"  # scikit-learn's English list (BSD-3-Clause)
# Words every job posting uses; they carry no signal about this job.
_BOILERPLATE = frozenset(
    """experience experienced years year work working team teams role job company candidate candidates looking
    join opportunity opportunities ability able strong excellent good great knowledge skills skill including
    include new using use used based help plus preferred required requirements responsibilities responsible
    requirement qualifications nice bonus want need needs etc business environment benefits salary position
    apply application equal employer day days week weeks time best make world people like ll ve re us we our
    you your will just great hands highly must minimum degree related field understanding familiarity
    hiring stack private remote office location based salary full part contract permanent hybrid join growing
    fast paced exciting passionate looking ideal successful cycle scheme holiday holidays pension vacation
    design build operate own improve partner participate lead review write deliver ensure develop maintain
    support create drive collaborate manage end clear values thoughtful reliable closely across every make
    take bring love grow learn share around within well high quality first""".split()
)
_TERM_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z0-9+#.]*[a-zA-Z0-9+#]|\b[a-zA-Z]{2,}\b"
_TERMS = re.compile(_TERM_PATTERN)


def _english_stop_words(path: Path = STOP_WORDS_FILE) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


ENGLISH_STOP = _english_stop_words()
_STOP = ENGLISH_STOP | _BOILERPLATE


def words(text: str) -> list[str]:
    """A text's words: lower-cased words of _TERM_PATTERN without stop words."""
    return [w for w in _TERMS.findall(text.lower()) if w not in _STOP]


def analyze(text: str) -> list[str]:
    """A text's terms: lower-cased words of _TERM_PATTERN without stop words, then each pair of neighbours."""
    found = words(text)
    return found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]


class KeyPhraser:
    """A TF-IDF model fitted once on the background corpus; keywords() ranks a JD's 1-2 word phrases."""

    def __init__(self, background: list[str], top_k: int = 15) -> None:
        self.top_k = top_k
        documents: dict[str, int] = {}  # in how many background texts each term occurs
        for text in background:
            for term in set(analyze(text)):
                documents[term] = documents.get(term, 0) + 1
        n = len(background) + 1  # smoothed idf: as if one more text held every term once
        self._idf = {term: math.log(n / (df + 1)) + 1.0 for term, df in documents.items()}
        # a word the background never uses is likely jargon, but not certainly: rank it with the rarer quarter
        self._unseen_idf = sorted(self._idf.values())[int(len(self._idf) * 0.75)]

    def keywords(self, text: str, *, skills: list[str] | None = None) -> list[Keyword]:
        """Top phrases by TF-IDF weight (0-1, highest = 1); words unseen in the background rank as rare."""
        if not text.strip():
            return []
        counts: dict[str, int] = {}
        for term in analyze(text):
            counts[term] = counts.get(term, 0) + 1
        scored = []
        for term, count in counts.items():
            if any(w.endswith("ly") and len(w) > 4 for w in term.split()):
                continue  # adverbs ("closely", "quickly") are never what a recruiter searches for
            idf = self._idf.get(term)
            if idf is None and " " in term:
                continue  # an unseen two-word phrase is usually noise; unseen single words are jargon, keep them
            if idf is None:
                idf = self._unseen_idf
            boost = 1.2 if " " in term else 1.0  # a known two-word phrase says more than either word
            scored.append((term, (1.0 + math.log(count)) * idf * boost))
        # words already read as skills ("k8s", "ci", "cd") are not key phrases the taxonomy missed
        known = {w for s in skills or [] for w in analyze(s)}
        scored = [
            (t, w) for t, w in scored if not all(p in known for p in t.split()) and not re.fullmatch(r"[\d.]+", t)
        ]
        if not scored:
            return []
        lowered = text.lower()
        # ties (common among words the background never uses) go to the phrase the JD says first
        scored.sort(key=lambda t: (-t[1], lowered.find(t[0]), t[0]))
        top = scored[0][1]
        return [Keyword(term=term, weight=round(weight / top, 3)) for term, weight in scored[: self.top_k]]


_DEFAULT: KeyPhraser | None = None
_DEFAULT_LOCK = threading.Lock()


def load_keyphraser(path: Path = OCCUPATIONS_FILE) -> KeyPhraser:
    """The default key-phrase model fitted on core/data/occupations.json (once per process)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            data = json.loads(path.read_text(encoding="utf-8"))["occupations"]
            _DEFAULT = KeyPhraser([f"{o['title']}. {o['description']}" for o in data])
        return _DEFAULT
