"""Merge the skill graph: curated concepts and links, O*NET commodity categories as parents, ESCO concepts and groups.

Works on the builder's entries (core.taxonomy.Entry), keyed by canonical name. Every name an entry can be found
under (canonical or alias, any case) points at one entry, so a concept named twice (ESCO's "PostgreSQL", the alias
file's "PostgreSQL", the curated "FEA" and "finite element analysis") ends as one entry with all its parents.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from core.errors import InputError
from core.taxonomy_esco import EscoNode, american

if TYPE_CHECKING:
    from core.taxonomy import Entry

_SHORT_CAPS = re.compile(r"^[A-Z][A-Z0-9&+./-]{0,4}$")  # "RN", "CDL", "EKG", "PE": matched in written case only
_WORD = re.compile(r"[a-z]+")


def slug(name: str) -> str:
    """A stable id part for a name ('Bachelor's Degree' -> 'bachelor-s-degree')."""
    return re.sub(r"[^a-z0-9+#&]+", "-", name.lower()).strip("-") or "x"


class GraphBuilder:
    """Adds concepts and parent links to the entries of a taxonomy under construction."""

    def __init__(self, entries: dict[str, Entry], make_entry: Any, vocab: set[str]) -> None:
        self.entries = entries
        self._make = make_entry
        self.vocab = vocab
        self.index: dict[str, set[str]] = {}  # lower-case name -> entries answering to it
        for entry in entries.values():
            for name in (entry.name, *entry.aliases, *entry.exact):
                self.index.setdefault(name.lower(), set()).add(entry.name)

    def find(self, name: str) -> Entry | None:
        """The entry a name (canonical or alias, any case) belongs to; its own entry first."""
        if name in self.entries:
            return self.entries[name]
        holders = sorted(self.index.get(name.lower(), ()))
        return self.entries[holders[0]] if holders else None

    def concept(self, name: str, kind: str, source: str) -> Entry:
        """The entry for name, created when no entry answers to it."""
        found = self.find(name)
        if found is not None:
            return found
        entry: Entry = self._make(name, kind, source)
        self.index.setdefault(name.lower(), set()).add(name)
        return entry

    def add_names(self, entry: Entry, names: list[str], *, exact: bool = False, untaken: bool = False) -> None:
        """Aliases for an entry; short capitals and one-word everyday names only in their written case.

        untaken: skip a name another entry already answers to (ESCO labels never move a name).
        """
        for name in names:
            name = str(name).strip()
            holders = self.index.get(name.lower(), set())
            if not name or (untaken and holders - {entry.name}):
                continue
            one_ordinary = " " not in name and name.lower() in self.vocab and not name.islower()
            if exact or _SHORT_CAPS.match(name) or one_ordinary:
                entry.exact.add(name)
                if one_ordinary and not name.isupper():
                    entry.ambiguous.add(name)
            else:
                entry.aliases.add(name)
            self.index.setdefault(name.lower(), set()).add(entry.name)

    def carve(self, name: str, keep: Entry) -> None:
        """Take a name away from every other entry: the curated concept that lists it owns it."""
        key = name.lower()
        for holder_name in sorted(self.index.get(key, set()) - {keep.name}):
            holder = self.entries[holder_name]
            holder.aliases = {a for a in holder.aliases if a.lower() != key}
            holder.exact = {a for a in holder.exact if a.lower() != key}
            holder.ambiguous = {a for a in holder.ambiguous if a.lower() != key}
            self.index[key].discard(holder_name)

    def curated_concept(self, name: str, kind: str) -> Entry:
        """A curated concept's entry: its own, or a new one narrower than the entry its name was an alias of."""
        if name in self.entries:
            return self.entries[name]
        holder = self.find(name)
        entry = self.concept(name, kind, "graph") if holder is None else self._make(name, kind, "graph")
        self.index.setdefault(name.lower(), set()).add(name)
        if holder is not None and holder.name != name:
            self.link(entry, holder)  # "HIPAA" was a spelling of "Compliance": now its own, narrower concept
        return entry

    def link(self, child: Entry, parent: Entry) -> None:
        """child is narrower than parent (child meets a requirement for parent); a link closing a loop is skipped."""
        if parent.name == child.name or parent.name in child.parents or self._reaches(parent.name, child.name):
            return
        child.parents.add(parent.name)

    def _reaches(self, start: str, target: str) -> bool:
        """True when target is start or one of its ancestors."""
        stack, seen = [start], set()
        while stack:
            name = stack.pop()
            if name == target:
                return True
            if name in seen or name not in self.entries:
                continue
            seen.add(name)
            stack.extend(self.entries[name].parents)
        return False

    def add_curated(self, spec: dict[str, Any]) -> None:
        """The hand-written concepts, members, parent links and category names of core/data/skill_graph.yaml."""
        concepts: dict[str, dict[str, Any]] = spec.get("concepts") or {}
        for name, body in concepts.items():
            entry = self.curated_concept(name, body.get("kind", "knowledge"))
            entry.kind = body.get("kind", entry.kind)
            entry.curated = True
            names = [str(n) for n in [name, *(body.get("aliases") or []), *(body.get("exact") or [])]]
            for alias in names:
                self.carve(alias, entry)
            # the concept's own name is a spelling too, unless it is one everyday word ("Engineering", "Sales")
            own = [] if " " not in name and name.lower() in self.vocab else [name]
            self.add_names(entry, [*own, *(body.get("aliases") or [])])
            self.add_names(entry, body.get("exact") or [], exact=True)
        for name, body in concepts.items():
            entry = self.entries[name]
            for parent in body.get("parents", []) or []:
                self.link(entry, self._known(parent, name))
            for member in body.get("members", []) or []:
                child = self.curated_concept(member, entry.kind)
                self.carve(member, child)
                # a one-word product name is matched as written ("TeamMate", not "teammate")
                self.add_names(child, [member], exact=" " not in member)
                self.link(child, entry)
        for name, parents in (spec.get("parents") or {}).items():
            child = self._known(name, "parents")
            for parent in parents or []:
                self.link(child, self._known(parent, name))

    def _known(self, name: str, where: str) -> Entry:
        found = self.find(name)
        if found is None:
            raise InputError(f"skill graph: '{name}' (named under '{where}') is not a concept; define it first")
        return found

    def add_categories(self, tool_categories: dict[str, set[str]], mapped: dict[str, str]) -> None:
        """O*NET commodity categories as parents of their tools ("Terraform" -> "Configuration management")."""
        for tool, titles in tool_categories.items():
            child = self.entries.get(tool)
            if child is None:
                continue
            for title in sorted(titles):
                if title in mapped:
                    parent = self._known(mapped[title], "categories")
                else:
                    parent = self.concept(re.sub(r"\s+software$", "", title), "category", "onet")
                self.link(child, parent)

    def add_esco(self, nodes: dict[str, EscoNode]) -> None:
        """ESCO concepts with matchable labels merged by name, plus their broader concepts and groups as parents."""
        placed: dict[str, Entry] = {}

        def place(node: EscoNode) -> Entry:
            if node.id in placed:
                return placed[node.id]
            labels = sorted(node.labels)
            # merged only under its preferred label: an alternative label may be another concept's name
            existing = self.find(node.name) or self.find(american(node.name))
            if existing is None:
                kind = "group" if not labels else "knowledge"
                existing = self.concept(american(node.name), kind, "esco")
            existing.esco.add(node.id)
            placed[node.id] = existing
            self.add_names(existing, [label for label in labels if existing.kind != "group"], untaken=True)
            return existing

        wanted = [n for n in nodes.values() if n.labels]
        seen: set[str] = set()
        while wanted:
            node = wanted.pop()
            if node.id in seen:
                continue
            seen.add(node.id)
            entry = place(node)
            for parent_id in node.parents:
                parent = nodes.get(parent_id)
                if parent is None:
                    continue
                self.link(entry, place(parent))
                wanted.append(parent)
