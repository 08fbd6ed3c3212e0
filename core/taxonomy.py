"""Build the skills taxonomy data file from O*NET technology names plus the hand-written alias file."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
TAXONOMY_FILE = DATA_DIR / "skills_taxonomy.json"
ALIASES_FILE = DATA_DIR / "skills_aliases.yaml"
BACKGROUND_FILE = DATA_DIR / "occupations.json"

ATTRIBUTION = (
    "This product includes information from the O*NET 28 Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA. "
    "The names were modified: normalised, de-duplicated, given aliases, and some were dropped."
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+#/.-]{1,7}$")
_WORD = re.compile(r"[a-z]+")
_KINDS = ("skills", "exact", "knowledge", "soft")


@dataclass
class Entry:
    """One canonical skill with its aliases while the taxonomy is being built."""

    name: str
    kind: str  # tool | knowledge | soft
    source: str  # onet | aliases
    aliases: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    pinned: set[str] = field(default_factory=set)  # spellings from the alias file's `exact` section
    hot: bool = False
    occupations: int = 0


def ordinary_words(occupations: list[dict[str, str]]) -> set[str]:
    """Lower-case words of the O*NET occupation titles and descriptions: a vocabulary of everyday English."""
    words: set[str] = set()
    for row in occupations:
        words.update(_WORD.findall(f"{row['title']} {row['description']}".lower()))
    return words


def _is_ordinary(text: str, vocab: set[str]) -> bool:
    """True when every word of text is an ordinary word (so matching it would fire on plain prose)."""
    words = _WORD.findall(text.lower())
    return bool(words) and len(words) == len(text.split()) and all(w in vocab for w in words)


def _acronym_split(name: str) -> tuple[str, str] | None:
    """'Structured query language SQL' -> ('SQL', 'Structured query language') when the initials spell the acronym."""
    parts = name.split()
    if len(parts) < 2 or not _ACRONYM.match(parts[-1]):
        return None
    acronym = re.sub(r"[^A-Z]", "", parts[-1])
    for start in range(len(parts) - 1):
        initials = "".join(p[0].upper() for p in parts[start:-1] if p[0].isalpha())
        if initials == acronym and len(acronym) >= 2:
            return parts[-1], " ".join(parts[start:-1])
    return None


def onet_aliases(
    raw: str, vendors: list[str], vocab: set[str], *, hot: bool = False
) -> tuple[str, set[str], set[str]] | None:
    """Canonical name, case-insensitive aliases and exact-case aliases for one O*NET name (None: too generic)."""
    name = re.sub(r"\s+software$", "", raw.strip())
    if not name or _is_ordinary(name, vocab):
        return None  # "Database software", "Scheduling software": categories, not skills
    names = {raw.strip(), name}
    canonical = name
    for vendor in sorted(vendors, key=len, reverse=True):
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 2:
            rest = name[len(vendor) + 1 :]
            if not _is_ordinary(rest, vocab) and len(rest) >= 3:
                names.add(rest)
                canonical = rest  # recruiters write "Kafka", "JIRA", "MATLAB"
            break
    split = _acronym_split(canonical)
    if split:
        canonical, long_form = split
        names.add(long_form)
    names.add(canonical)
    aliases: set[str] = set()
    exact: set[str] = set()
    for alias in names:
        one_word = " " not in alias and not re.search(r"[\d+#.]", alias)
        if len(alias.replace(" ", "")) <= 2 or _is_ordinary(alias, vocab) or (one_word and not hot):
            # Short names, ordinary words ("Visual") and one-word names of niche products ("ETC", "FastEST",
            # "Scheme") fire on prose in lower case; they count only when written the product's way.
            if any(c.isupper() for c in alias) and len(alias) >= 2:
                exact.add(alias)
        else:
            aliases.add(alias)
    return canonical, aliases, exact


def _is_ambiguous(alias: str, vocab: set[str], extra: set[str]) -> bool:
    """A one-word, title-case name that is also an ordinary word: doubtful at the start of a sentence."""
    if alias in extra:
        return True
    return " " not in alias and not alias.isupper() and alias.lower() in vocab


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def build_taxonomy(onet_dir: Path, aliases_file: Path = ALIASES_FILE) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The taxonomy document (header + entries) and the occupations, from the O*NET files and the alias file."""
    spec = yaml.safe_load(aliases_file.read_text(encoding="utf-8"))
    occupations = [
        {"code": r["O*NET-SOC Code"], "title": r["Title"], "description": r["Description"]}
        for r in _read_tsv(onet_dir / "occupation_data.tsv")
    ]
    vocab = ordinary_words(occupations)
    dropped = {d.lower() for d in spec.get("drop", [])}
    extra_ambiguous = set(spec.get("ambiguous", []))
    entries: dict[str, Entry] = {}

    def entry(name: str, kind: str, source: str) -> Entry:
        key = name  # exact: O*NET's acronym "REACT" (real estate software) is not the React library
        if key not in entries:
            entries[key] = Entry(name=name, kind=kind, source=source)
        return entries[key]

    for row in _read_tsv(onet_dir / "technology_skills.tsv"):
        raw = row["Example"].strip()
        if raw.lower() in dropped or re.sub(r"\s+software$", "", raw).lower() in dropped:
            continue
        derived = onet_aliases(raw, spec.get("vendors", []), vocab, hot=row.get("Hot Technology") == "Y")
        if derived is None:
            continue
        canonical, aliases, exact = derived
        if canonical.lower() in dropped:
            aliases.discard(canonical)
            exact.discard(canonical)
            canonical = raw
        item = entry(canonical, "tool", "onet")
        item.aliases |= aliases
        item.exact |= exact
        item.hot = item.hot or row.get("Hot Technology") == "Y"
        item.occupations += 1
    for section in _KINDS:
        kind = {"skills": "tool", "exact": "tool", "knowledge": "knowledge", "soft": "soft"}[section]
        for name, names in (spec.get(section) or {}).items():
            item = entry(name, kind, "aliases")
            if item.source == "onet":
                item.source = "onet+aliases"
            if section == "knowledge" or section == "soft":
                item.kind = kind
            for alias in (str(n) for n in names):
                # short capitals ("AI", "BI", "ML", "IT") are words or syllables in lower case ("bi-monthly")
                short_caps = len(alias) <= 2 and alias.isalpha() and alias.isupper()
                (item.exact if section == "exact" or short_caps else item.aliases).add(alias)
            if section == "exact":
                item.pinned.update(str(n) for n in names)
    for item in entries.values():
        # a name listed under `exact` is matched only in its listed spellings, whatever O*NET's rows say
        pinned = {alias.lower() for alias in item.pinned}
        item.aliases = {alias for alias in item.aliases if alias.lower() not in pinned}
    skills = [
        {
            "name": e.name,
            "kind": e.kind,
            "source": e.source,
            "hot": e.hot,
            "aliases": sorted(e.aliases),
            "exact": sorted(e.exact),
            "ambiguous": sorted(a for a in e.exact if _is_ambiguous(a, vocab, extra_ambiguous)),
        }
        for e in sorted(entries.values(), key=lambda e: e.name.lower())
        if e.aliases or e.exact
    ]
    return {
        "header": {
            "about": "Skills taxonomy for core.skills.SkillMatcher; built by `python manage.py build-taxonomy`.",
            "sources": [
                "O*NET 28 technology_skills.tsv (Example names) and occupation_data.tsv",
                "core/data/skills_aliases.yaml (hand-written aliases, domain knowledge, soft skills)",
            ],
            "license": "CC BY 4.0 (O*NET-derived names); see attribution",
            "attribution": ATTRIBUTION,
            "counts": {k: sum(1 for s in skills if s["kind"] == k) for k in ("tool", "knowledge", "soft")},
        },
        "skills": skills,
    }, occupations


def write_taxonomy(onet_dir: Path, out_dir: Path = DATA_DIR, aliases_file: Path = ALIASES_FILE) -> dict[str, Any]:
    """Build and write the taxonomy and the background occupations file; return a summary."""
    document, occupations = build_taxonomy(onet_dir, aliases_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / TAXONOMY_FILE.name).write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", "utf-8")
    background = {
        "header": {"about": "O*NET occupation titles and descriptions (TF-IDF background)", "attribution": ATTRIBUTION},
        "occupations": [{"title": o["title"], "description": o["description"]} for o in occupations],
    }
    (out_dir / BACKGROUND_FILE.name).write_text(json.dumps(background, ensure_ascii=False, indent=0) + "\n", "utf-8")
    aliases = sum(len(s["aliases"]) + len(s["exact"]) for s in document["skills"])
    return {"skills": len(document["skills"]), "aliases": aliases, **document["header"]["counts"]}
