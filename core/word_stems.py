"""The word knowledge coverage reads requirements with: a light stem, and which words name qualities of a person.

`stem()` lets the work meet the one who does it ("counseling" / "counselor"). `soft_share()` tells a requirement
that names qualities of a person ("excellent written and verbal communication", "calm under pressure"), which a
recruiter judges at the interview, from one that names work ("grant writing", "CMP certification") that the resume
has to show. The words of soft skills are learnt at build time (`manage.py build-taxonomy`) from ESCO's transversal
skills and the taxonomy's own soft concepts, not written by hand.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

SOFT_WORDS_FILE = Path(__file__).parent / "data" / "soft_words.json"
SOFT_SHARE = 0.2  # a requirement whose content words are more than this share soft is a soft skill (see README)
_WORD = re.compile(r"[a-z0-9][a-z0-9+#&]*")
_LABEL_STOP = frozenset("a an the and or of in on for to with as at by from any such like".split())
_DOUBLED = frozenset("bdgmnprt")  # consonants doubled before -ing / -ed ("fitting", "shipped"; not "filling")
# "coordinator" / "coordination", "administrator" / "administration", "counselor", "supervisor"; tried longest first
_AGENT_SUFFIXES = ("ation", "ator", "ion", "er", "or")
_TRANSVERSAL_FILE = "transversalSkillsCollection_en.csv.gz"  # ESCO's transversal (soft) skills
# ESCO's transversal groups that are knowledge or handling things, not qualities of a person: "applying health-related
# skills", "working with digital devices", "working with numbers and measures", "manipulating ... equipment"
_NOT_PERSONAL = ("applying ", "working with ", "manipulating ", "responding to physical")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light stem so "cooking", "cooks" and "cook" meet, and the work meets the one who does it: "driving",
    "drivers" and "drive" are "driv", "writing" and "writer" "writ", "counseling" and "counselor" "counsel",
    "coordination" and "coordinator" "coordin"."""
    for suffix, keep in (("ing", 5), ("ies", 4), ("es", 5), ("s", 4), ("ed", 5)):
        if len(word) >= keep + len(suffix) - 1 and word.endswith(suffix) and not word.endswith("ss"):
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if suffix in ("ing", "ed") and len(word) >= 3 and word[-1] == word[-2] and word[-1] in _DOUBLED:
                word = word[:-1]  # "fitting", "planned": fit, plan
            break
    for suffix in _AGENT_SUFFIXES:  # the one who does the work, and the work as a noun
        if len(word) >= len(suffix) + 4 and word.endswith(suffix) and not word.endswith("ior"):  # senior, interior
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) >= 5 and word.endswith("e") else word


@lru_cache(maxsize=16384)
def work_stem(word: str) -> str:
    """`stem`, and a work's noun in -ment read as its verb ("development" / "developer", "deployment" / "deployed");
    not for words of eight letters or fewer ("comment", "payment" stay)."""
    if word.endswith("ment") and len(word) >= 9:
        return stem(word[:-4])
    return stem(word)


def _label_stems(label: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(label.lower()) if w not in _LABEL_STOP]


def soft_vocabulary(esco_dir: Path, labels: list[str]) -> list[str]:
    """The stems of the names of soft skills: ESCO's transversal skills that are qualities of a person (not its
    knowledge, digital, numeracy or manual groups) with their alternative labels, and `labels` (the taxonomy's own
    soft concepts)."""
    names = list(labels)
    with gzip.open(esco_dir / _TRANSVERSAL_FILE, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row.get("broaderConceptPT", "").startswith(_NOT_PERSONAL):
                names += [row["preferredLabel"], *re.split(r"\s*\|\s*|\n", row.get("altLabels", ""))]
    return sorted({w for name in names for w in _label_stems(name) if len(w) > 1 and not w.isdigit()})


def write_soft_words(esco_dir: Path, soft_labels: list[str], out_file: Path = SOFT_WORDS_FILE) -> int:
    """Build and write the soft skills' words; how many there are."""
    words = soft_vocabulary(esco_dir, soft_labels)
    document = {
        "header": {
            "about": "Stems of the words of soft skills (core/word_stems.py); built by build-taxonomy.",
            "attribution": "ESCO v1.1.1 transversal skills, European Commission, CC BY 4.0; reduced to word stems.",
        },
        "soft": words,
    }
    out_file.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", "utf-8")
    return len(words)


@lru_cache(maxsize=1)
def _soft() -> frozenset[str]:
    if not SOFT_WORDS_FILE.is_file():
        return frozenset()
    return frozenset(json.loads(SOFT_WORDS_FILE.read_text("utf-8")).get("soft", []))


def soft_share(words: frozenset[str] | set[str], extra: frozenset[str] = frozenset()) -> float:
    """The share of a requirement's content stems that name qualities of a person (ESCO's transversal skills, the
    taxonomy's soft skills, or `extra`) rather than work, tools or credentials."""
    if not words:
        return 0.0
    soft = _soft() | extra
    return sum(1 for w in words if w in soft) / len(words)
