"""How much a word says about the work: its inverse document frequency over ESCO's skills and occupations and O*NET's
occupations, so a resume line sharing a requirement's rare words ("overhead crane", "chain falls") counts for more
than one sharing its common ones ("management", "system", "training").

Built offline by `manage.py build-taxonomy` (`write_word_weights`) into core/data/word_weights.json; read by
`weight()`. A word the data never names, or names fewer than MIN_DOCS times, weighs as the rarest.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from core.keywords import ENGLISH_STOP
from core.word_stems import work_stem

WEIGHTS_FILE = Path(__file__).parent / "data" / "word_weights.json"
MIN_DOCS = 3  # a word in fewer documents than this is rare: it weighs as the rarest
_WORD = re.compile(r"[a-z0-9][a-z0-9+#&]*")
ATTRIBUTION = (
    "ESCO v1.1.1 skills and occupations: this product uses the ESCO classification of the European Commission. "
    "This product includes information from the O*NET 28 Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under the CC BY 4.0 license. Reduced to word stems and weights."
)


def _documents(esco_dir: Path, onet_dir: Path) -> Iterator[str]:
    """One text per ESCO skill (its names and description), ESCO occupation and O*NET occupation."""
    for name in ("skills_en.csv.gz", "occupations_en.csv.gz"):
        with gzip.open(esco_dir / name, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield " ".join((row["preferredLabel"], row.get("altLabels", ""), row.get("description", "")))
    with (onet_dir / "occupation_data.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield f"{row['Title']} {row['Description']}"


def _stems(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {work_stem(w) for w in words if w not in ENGLISH_STOP and len(w) > 1 and not w.isdigit()}


def word_weights(esco_dir: Path, onet_dir: Path) -> tuple[dict[str, float], float]:
    """(stem -> idf for the stems in at least MIN_DOCS documents, the weight of any other word)."""
    counts: Counter[str] = Counter()
    total = 0
    for text in _documents(esco_dir, onet_dir):
        counts.update(_stems(text))
        total += 1
    rare = round(math.log(total / MIN_DOCS), 2)
    return {w: round(math.log(total / n), 2) for w, n in sorted(counts.items()) if n >= MIN_DOCS}, rare


def write_word_weights(esco_dir: Path, onet_dir: Path, out_file: Path = WEIGHTS_FILE) -> int:
    """Build and write the word weights; how many words have one."""
    weights, rare = word_weights(esco_dir, onet_dir)
    document = {
        "header": {
            "about": "Word stem -> idf (core/word_weights.py); built by build-taxonomy.",
            "attribution": ATTRIBUTION,
        },
        "rare": rare,
        "weights": weights,
    }
    out_file.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return len(weights)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], float]:
    if not WEIGHTS_FILE.is_file():
        return {}, 1.0
    document = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    return document["weights"], float(document["rare"])


def weight(word: str) -> float:
    """The weight of a stemmed word (as core.word_stems.work_stem gives it)."""
    weights, rare = _table()
    return weights.get(word, rare)


def weighted_share(asked: set[str] | frozenset[str], have: frozenset[str]) -> float:
    """The share of the asked words' weight that `have` holds."""
    total = sum(weight(w) for w in asked)
    return sum(weight(w) for w in asked & have) / total if total else 0.0
