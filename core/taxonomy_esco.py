"""Read ESCO v1.1.1 (skills, alternative labels, broader relations, skill groups, occupation links) into graph nodes.

Only what matches job text safely becomes matchable: knowledge concepts whose labels are specific phrases, and the
acronyms ESCO gives skills ("HACCP", "GMP"). Verb-phrase skills ("operate forklift") never appear as such in a JD
or resume, so they stay out. Skill groups and the direct broader concepts become parent nodes with no names to
match. ESCO's British spellings get their American twins ("optimisation" -> "optimization").
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ATTRIBUTION = (
    "This product uses the ESCO classification of the European Commission. ESCO v1.1.1 (c) European Union, "
    "reused under Commission Decision 2011/833/EU; labels were filtered, respelled in American English and "
    "merged with other names."
)
GENERIC_OCCUPATIONS = 40  # a concept essential to more occupations than this is generic ("quality standards")
_MAX_WORDS = 5
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# two-word labels ending in one of these are categories, not skills ("quality standards", "engineering principles")
_VAGUE_HEADS = frozenset(
    """principles principle processes process standards standard techniques technique methods method types type
    characteristics characteristic theory concepts concept practices practice procedures procedure policies policy
    systems system products product tools tool materials material equipment comprehension regulations legislation
    requirements specifications rules range features field fields""".split()
)
_SPELLING = (
    (r"isation", "ization"),
    (r"ise\b", "ize"),
    (r"ising\b", "izing"),
    (r"yse\b", "yze"),
    (r"ysing\b", "yzing"),
    (r"our\b", "or"),
    (r"ours\b", "ors"),
    (r"\bpaed", "ped"),
    (r"anaesth", "anesth"),
    (r"haem", "hem"),
    (r"oedema", "edema"),
    (r"oesoph", "esoph"),
    (r"centre", "center"),
    (r"programme", "program"),
    (r"licence", "license"),
    (r"catalogue", "catalog"),
    (r"modelling", "modeling"),
    (r"labelling", "labeling"),
    (r"travelling", "traveling"),
    (r"aluminium", "aluminum"),
    (r"defence", "defense"),
    (r"practise", "practice"),
    (r"tyre", "tire"),
)
_NOT_RESPELLED = frozenset("rise noise wise precise concise exercise expertise enterprise franchise".split())


@dataclass
class EscoNode:
    """A concept or group as read from ESCO: id, preferred label, kept labels and broader ids."""

    id: str
    name: str
    kind: str  # knowledge | skill | group
    labels: set[str] = field(default_factory=set)
    parents: list[str] = field(default_factory=list)


def short_id(uri: str) -> str:
    """'esco:' + the last path part of an ESCO URI ('.../skill/0005c151-...' -> 'esco:0005c151')."""
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return "esco:" + tail.split("-")[0]


def american(label: str) -> str:
    """The American spelling of a British label ('search engine optimisation' -> 'search engine optimization')."""
    words = []
    for word in label.split(" "):
        if word.lower() not in _NOT_RESPELLED:
            for pattern, repl in _SPELLING:
                word = re.sub(pattern, repl, word)
        words.append(word)
    return " ".join(words)


def _rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def initials(label: str) -> str:
    """Upper-case first letters of a label's words ('high-performance liquid chromatography' -> 'HPLC')."""
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", label) if w and w[0].isalnum())


def _content(label: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(label) if len(w) > 2}


def keep_label(label: str, preferred: str, vocab: set[str]) -> bool:
    """A label safe to match: a specific phrase of 1-5 words, related to the preferred label, not everyday words."""
    words = label.split()
    if not words or len(words) > _MAX_WORDS or len(label) > 60 or re.search(r"[(),;:/]", label):
        return False
    if _ACRONYM.match(label):
        # an acronym only when it spells the preferred label ("HPLC"), not a loose one ("IT" for in-circuit test)
        return label == preferred or initials(preferred) == label.replace("&", "")
    if len(words) == 1:
        # one lower-case word is matched in prose: only the preferred label, and only when it is no everyday word
        return label == preferred and label.lower() not in vocab and len(label) > 3
    if len(words) == 2 and words[1].lower() in _VAGUE_HEADS:
        return False
    # alternative labels drift ("chemistry technique" for HPLC): keep those sharing a word with the preferred one
    return label == preferred or bool(_content(label) & _content(preferred))


def read_esco(esco_dir: Path, vocab: set[str]) -> dict[str, EscoNode]:
    """Graph nodes from the ESCO CSV files, keyed by short id."""
    essential: Counter[str] = Counter()
    for row in _rows(esco_dir / "occupationSkillRelations.csv.gz"):
        if row["relationType"] == "essential":
            essential[row["skillUri"]] += 1
    nodes: dict[str, EscoNode] = {}
    uri_of: dict[str, str] = {}
    for row in _rows(esco_dir / "skills_en.csv.gz"):
        preferred = row["preferredLabel"].strip()
        kind = "knowledge" if row["skillType"] == "knowledge" else "skill"
        node = EscoNode(id=short_id(row["conceptUri"]), name=preferred, kind=kind)
        uri_of[row["conceptUri"]] = node.id
        nodes[node.id] = node
        if essential[row["conceptUri"]] > GENERIC_OCCUPATIONS:
            continue
        alts = [a.strip() for a in row["altLabels"].splitlines() if a.strip()]
        if kind == "knowledge":
            candidates = [preferred, *alts]
        else:
            candidates = [a for a in alts if _ACRONYM.match(a) and a in preferred]  # "HACCP" for "apply HACCP"
        for label in candidates:
            if keep_label(label, preferred, vocab):
                node.labels.add(label)
                node.labels.add(american(label))
    for row in _rows(esco_dir / "skillGroups_en.csv.gz"):
        gid = short_id(row["conceptUri"])
        uri_of[row["conceptUri"]] = gid
        nodes.setdefault(gid, EscoNode(id=gid, name=row["preferredLabel"].strip(), kind="group"))
    for row in _rows(esco_dir / "broaderRelationsSkillPillar.csv.gz"):
        child, parent = uri_of.get(row["conceptUri"]), uri_of.get(row["broaderUri"])
        if child and parent and parent not in nodes[child].parents:
            nodes[child].parents.append(parent)
    return nodes
