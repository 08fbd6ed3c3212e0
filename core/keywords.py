"""TF-IDF key phrases of a job description, against a fixed background of O*NET occupation descriptions."""

from __future__ import annotations

import json
import math
import re
import threading
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from core.types import Keyword

OCCUPATIONS_FILE = Path(__file__).parent / "data" / "occupations.json"
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
_STOP = list(ENGLISH_STOP_WORDS | _BOILERPLATE)
_TERM_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z0-9+#.]*[a-zA-Z0-9+#]|\b[a-zA-Z]{2,}\b"


class KeyPhraser:
    """A TF-IDF model fitted once on the background corpus; keywords() ranks a JD's 1-2 word phrases."""

    def __init__(self, background: list[str], top_k: int = 15) -> None:
        self.top_k = top_k
        self._vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), stop_words=_STOP, sublinear_tf=True, token_pattern=_TERM_PATTERN, lowercase=True
        )
        self._vectorizer.fit(background)
        self._terms = self._vectorizer.get_feature_names_out()
        self._idf = self._vectorizer.idf_
        # a word the background never uses is likely jargon, but not certainly: rank it with the rarer quarter
        self._unseen_idf = float(sorted(self._idf)[int(len(self._idf) * 0.75)])
        self._lock = threading.Lock()

    def keywords(self, text: str, *, skills: list[str] | None = None) -> list[Keyword]:
        """Top phrases by TF-IDF weight (0-1, highest = 1); words unseen in the background rank as rare."""
        if not text.strip():
            return []
        analyzer = self._vectorizer.build_analyzer()
        counts: dict[str, int] = {}
        for term in analyzer(text):
            counts[term] = counts.get(term, 0) + 1
        vocab = self._vectorizer.vocabulary_
        scored = []
        for term, count in counts.items():
            if any(w.endswith("ly") and len(w) > 4 for w in term.split()):
                continue  # adverbs ("closely", "quickly") are never what a recruiter searches for
            index = vocab.get(term)
            if index is None and " " in term:
                continue  # an unseen two-word phrase is usually noise; unseen single words are jargon, keep them
            idf = self._idf[index] if index is not None else self._unseen_idf
            boost = 1.2 if " " in term else 1.0  # a known two-word phrase says more than either word
            scored.append((term, (1.0 + math.log(count)) * float(idf) * boost))
        # words already read as skills ("k8s", "ci", "cd") are not key phrases the taxonomy missed
        known = {w for s in skills or [] for w in analyzer(s)}
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
