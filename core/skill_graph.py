"""The skill graph at run time: which concept is narrower than which, and what meets a requirement.

A requirement for a skill is met by the skill itself or by anything narrower (Terraform meets Infrastructure as
Code; CDL Class A meets CDL Class B; a master's degree meets a bachelor's); never by something broader (a resume
that says "databases" does not show PostgreSQL). Nodes are canonical skill names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

LANGUAGES = "languages"  # ESCO's skill group of the languages (Spanish, Vietnamese, ...)
SIBLING_PARENT_MAX = 40  # "X or similar" accepts X's siblings only under a parent this specific (few children)
_TOP_KINDS = frozenset({"group", "category"})


class SkillGraph:
    """Broader/narrower links between canonical skills, read from the taxonomy entries."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        entries = list(entries)
        name_of = {e.get("id", e["name"]): e["name"] for e in entries}
        self.kinds: dict[str, str] = {e["name"]: e.get("kind", "tool") for e in entries}
        # ESCO's broader concepts are fields of knowledge ("query languages"): too wide to make siblings alternatives
        self._wide = {e["name"] for e in entries if e.get("source") == "esco" or e.get("kind") in _TOP_KINDS}
        self._parents: dict[str, tuple[str, ...]] = {}
        self._children: dict[str, list[str]] = {}
        for e in entries:
            parents = tuple(name_of[p] for p in e.get("parents", []) if p in name_of)
            if parents:
                self._parents[e["name"]] = parents
                for parent in parents:
                    self._children.setdefault(parent, []).append(e["name"])
        self._ancestors: dict[str, frozenset[str]] = {}

    def __contains__(self, name: object) -> bool:
        return name in self.kinds

    def parents(self, name: str) -> tuple[str, ...]:
        """The direct broader concepts of name."""
        return self._parents.get(name, ())

    def children(self, name: str) -> tuple[str, ...]:
        """The direct narrower concepts of name."""
        return tuple(self._children.get(name, ()))

    def ancestors(self, name: str) -> frozenset[str]:
        """Every broader concept of name, transitively (not name itself)."""
        found = self._ancestors.get(name)
        if found is None:
            seen: set[str] = set()
            stack = list(self._parents.get(name, ()))
            while stack:
                parent = stack.pop()
                if parent not in seen:
                    seen.add(parent)
                    stack.extend(self._parents.get(parent, ()))
            found = self._ancestors[name] = frozenset(seen)
        return found

    def satisfies(self, have: str, need: str) -> bool:
        """True when a resume showing `have` meets a requirement for `need` (same or narrower)."""
        return have == need or need in self.ancestors(have)

    def language_of(self, name: str) -> str | None:
        """The language a concept is about ("Spanish" for "Bilingual Spanish" and for "Spanish"), or None."""
        for node in (name, *sorted(self.ancestors(name))):
            if LANGUAGES in self._parents.get(node, ()):
                return node
        return None

    def siblings(self, name: str) -> frozenset[str]:
        """Concepts sharing a specific direct parent with name ("Dagster" for "Airflow": workflow orchestration)."""
        out: set[str] = set()
        for parent in self._parents.get(name, ()):
            kids = self._children.get(parent, [])
            if parent not in self._wide and len(kids) <= SIBLING_PARENT_MAX:
                out.update(kids)
        out.discard(name)
        return frozenset(out)

    def acceptable(self, need: Iterable[str], *, similar: bool = False) -> frozenset[str]:
        """The concepts named by a requirement group and, when it says "or similar", their siblings under a parent
        the members share ("Tableau, Power BI or similar": other BI tools), or the one member's own parents."""
        members = list(dict.fromkeys(need))
        names = set(members)
        if similar and members:
            counts: dict[str, int] = {}
            for name in members:
                for parent in self._parents.get(name, ()):
                    counts[parent] = counts.get(parent, 0) + 1
            shared = [p for p, n in counts.items() if n >= 2 or len(members) == 1]
            for parent in shared:
                kids = self._children.get(parent, [])
                if parent not in self._wide and len(kids) <= SIBLING_PARENT_MAX:
                    names.update(kids)
        return frozenset(names)

    def meets(self, have: str, acceptable: frozenset[str]) -> str | None:
        """The acceptable concept that `have` meets (itself or an ancestor), or None."""
        if have in acceptable:
            return have
        hits = self.ancestors(have) & acceptable
        return min(hits) if hits else None
