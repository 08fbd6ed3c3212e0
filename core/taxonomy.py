"""Build the skill graph data file: O*NET tool names, ESCO concepts, the alias file and the curated graph file."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.taxonomy_esco import ATTRIBUTION as ESCO_ATTRIBUTION
from core.taxonomy_esco import read_esco
from core.taxonomy_graph import GraphBuilder, slug
from core.word_stems import SOFT_WORDS_FILE, write_soft_words
from core.word_weights import WEIGHTS_FILE, write_word_weights

DATA_DIR = Path(__file__).parent / "data"
TAXONOMY_FILE = DATA_DIR / "skills_taxonomy.json"
ALIASES_FILE = DATA_DIR / "skills_aliases.yaml"
GRAPH_FILE = DATA_DIR / "skill_graph.yaml"
BACKGROUND_FILE = DATA_DIR / "occupations.json"

ATTRIBUTION = (
    "This product includes information from the O*NET 28 Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA. "
    "The names were modified: normalised, de-duplicated, given aliases, and some were dropped."
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+#/.-]{1,7}$")
_WORD = re.compile(r"[a-z]+")
_KINDS = ("skills", "exact", "knowledge", "soft")
KINDS = ("tool", "knowledge", "soft", "certification", "licence", "degree", "category", "group")


@dataclass
class Entry:
    """One canonical skill with its aliases while the taxonomy is being built."""

    name: str
    kind: str  # one of KINDS
    source: str  # onet | aliases | graph | esco (the first that named it)
    aliases: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    pinned: set[str] = field(default_factory=set)  # spellings from the alias file's `exact` section
    hot: bool = False
    occupations: int = 0
    parents: set[str] = field(default_factory=set)  # canonical names of broader concepts
    ambiguous: set[str] = field(default_factory=set)
    esco: set[str] = field(default_factory=set)  # ESCO ids merged into this entry
    categories: set[str] = field(default_factory=set)  # O*NET commodity titles of the tool
    curated: bool = False


def ordinary_words(occupations: list[dict[str, str]]) -> set[str]:
    """Lower-case words of the O*NET occupation titles and descriptions: a vocabulary of everyday English."""
    words: set[str] = set()
    for row in occupations:
        words.update(_WORD.findall(f"{row['title']} {row['description']}".lower()))
    return words


_CAMEL = re.compile(r"(?:[A-Z][a-z]{2,}){2,}$")  # a product name of capitalised words run together


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
                plain = alias[0] + alias[1:].lower()
                if one_word and _CAMEL.match(alias) and plain.lower() not in vocab:
                    exact.add(plain)  # "MailChimp", "FortiGate", "ServiceTitan" are written "Mailchimp" too
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


def build_taxonomy(
    onet_dir: Path,
    aliases_file: Path = ALIASES_FILE,
    esco_dir: Path | None = None,
    graph_file: Path = GRAPH_FILE,
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The taxonomy document (header + entries) and the occupations, from O*NET, ESCO and the hand-written files."""
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
        item.categories.add(row["Commodity Title"].strip())
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
    graph = GraphBuilder(entries, lambda name, kind, source: entry(name, kind, source), vocab)
    graph.add_curated(yaml.safe_load(graph_file.read_text(encoding="utf-8")))
    graph.add_categories({e.name: e.categories for e in entries.values() if e.categories}, _category_names(graph_file))
    if esco_dir is not None:
        graph.add_esco(read_esco(esco_dir, vocab))
    skills = _document_entries(entries, vocab, extra_ambiguous)
    sources = [
        "O*NET 28 technology_skills.tsv (Example names, commodity categories as parents) and occupation_data.tsv",
        "core/data/skills_aliases.yaml (hand-written aliases, domain knowledge, soft skills)",
        "core/data/skill_graph.yaml (hand-written credentials, licences, degrees, concepts and broader links)",
    ]
    if esco_dir is not None:
        sources.append("ESCO v1.1.1 skills_en, skillGroups_en, broaderRelationsSkillPillar, occupationSkillRelations")
    return {
        "header": {
            "about": "Skill graph for core.skills.SkillMatcher; built by `python manage.py build-taxonomy`.",
            "sources": sources,
            "license": "CC BY 4.0 (O*NET-derived names); ESCO reused under Commission Decision 2011/833/EU",
            "attribution": ATTRIBUTION,
            "esco_attribution": ESCO_ATTRIBUTION if esco_dir is not None else None,
            "counts": {k: sum(1 for s in skills if s["kind"] == k) for k in KINDS},
        },
        "skills": skills,
    }, occupations


def _category_names(graph_file: Path) -> dict[str, str]:
    return dict((yaml.safe_load(graph_file.read_text(encoding="utf-8")) or {}).get("categories") or {})


def _document_entries(entries: dict[str, Entry], vocab: set[str], extra_ambiguous: set[str]) -> list[dict[str, Any]]:
    """The entries as written to the data file: matchable ones and the broader nodes some entry points to."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for e in sorted(entries.values(), key=lambda e: e.name):
        base = candidate = _entry_id(e)
        number = 1
        while candidate in taken:  # "REACT" and "React" slug alike
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        ids[e.name] = candidate
    needed: set[str] = set()
    for e in entries.values():
        if e.aliases or e.exact:
            stack = list(e.parents)
            while stack:
                name = stack.pop()
                if name not in needed and name in entries:
                    needed.add(name)
                    stack.extend(entries[name].parents)
    out = []
    for e in sorted(entries.values(), key=lambda e: (e.name.lower(), e.name)):
        if not (e.aliases or e.exact or e.name in needed):
            continue
        item: dict[str, Any] = {"id": ids[e.name], "name": e.name, "kind": e.kind, "source": e.source, "hot": e.hot}
        item["aliases"] = sorted(e.aliases)
        item["exact"] = sorted(e.exact)
        item["ambiguous"] = sorted(
            {a for a in e.exact if _is_ambiguous(a, vocab, extra_ambiguous)} | (e.ambiguous & e.exact)
        )
        if e.parents:
            item["parents"] = sorted(ids[p] for p in e.parents if p in ids)
        out.append(item)
    return out


def _entry_id(entry: Entry) -> str:
    """A stable id: the ESCO id when the concept came from ESCO alone, else its source and a slug of its name."""
    if entry.source == "esco" and entry.esco:
        return sorted(entry.esco)[0]
    return f"{entry.source.split('+')[0]}:{slug(entry.name)}"


def write_taxonomy(
    onet_dir: Path,
    out_dir: Path = DATA_DIR,
    aliases_file: Path = ALIASES_FILE,
    esco_dir: Path | None = None,
    graph_file: Path = GRAPH_FILE,
) -> dict[str, Any]:
    """Build and write the taxonomy and the background occupations file; return a summary."""
    document, occupations = build_taxonomy(onet_dir, aliases_file, esco_dir, graph_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / TAXONOMY_FILE.name).write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", "utf-8")
    background = {
        "header": {"about": "O*NET occupation titles and descriptions (TF-IDF background)", "attribution": ATTRIBUTION},
        "occupations": [{"title": o["title"], "description": o["description"]} for o in occupations],
    }
    (out_dir / BACKGROUND_FILE.name).write_text(json.dumps(background, ensure_ascii=False, indent=0) + "\n", "utf-8")
    soft = [n for s in document["skills"] if s["kind"] == "soft" for n in (s["name"], *s["aliases"], *s["exact"])]
    if esco_dir is not None:
        write_soft_words(esco_dir, soft, out_dir / SOFT_WORDS_FILE.name)
        write_word_weights(esco_dir, onet_dir, out_dir / WEIGHTS_FILE.name)
    aliases = sum(len(s["aliases"]) + len(s["exact"]) for s in document["skills"])
    links = sum(len(s.get("parents", [])) for s in document["skills"])
    return {"skills": len(document["skills"]), "aliases": aliases, "links": links, **document["header"]["counts"]}
