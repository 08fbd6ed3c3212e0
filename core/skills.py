"""Find taxonomy skills in text: spaCy blank("en") tokenizer + two PhraseMatchers (any case / exact case)."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from core.skill_context import OFF, names_role, requirement_context
from core.skill_graph import SkillGraph
from core.types import SkillMention

TAXONOMY_FILE = Path(__file__).parent / "data" / "skills_taxonomy.json"
_SENTENCE_START = {"", ".", "!", "?", ":", ";", "•", "-", "*", "–", "—", "(", "\n"}
_LIST_NEXT = {",", "/", ")", "&", "and", "or", "+", ";"}
_CACHE_SIZE = 8192
HARD_KINDS = frozenset({"tool", "knowledge", "certification", "licence", "degree"})


@dataclass
class _Entry:
    """A cached answer: mentions, their token ranges, and (once asked for) which are not requirements."""

    mentions: tuple[SkillMention, ...]
    tokens: tuple[tuple[int, int], ...]
    aside: tuple[bool, ...] | None = None


class SkillMatcher:
    """Canonical skills with spans and quotes; build once per process (about a second), then find() is fast."""

    def __init__(self, skills: list[dict[str, Any]]) -> None:
        self._nlp = spacy.blank("en")
        # Patterns are tokenized by a second tokenizer sharing the vocab: building thousands of patterns through
        # the text tokenizer would fill its 10k-chunk cache and make every later text ~10x slower to tokenize.
        builder = spacy.blank("en", vocab=self._nlp.vocab)
        self._any_case = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(self._nlp.vocab, attr="ORTH")
        self._kind: dict[str, str] = {}
        self._names: dict[int, str] = {}
        self._ambiguous: set[str] = set()
        self.graph = SkillGraph(skills)
        for skill in skills:
            name = skill["name"]
            self._kind[name] = skill.get("kind", "tool")
            if not skill.get("aliases") and not skill.get("exact"):
                continue  # a broader node of the graph only (a skill group, an O*NET category)
            key = self._nlp.vocab.strings.add(name)
            self._names[key] = name
            self._ambiguous.update(skill.get("ambiguous", []))
            if skill.get("aliases"):
                self._any_case.add(name, [builder.make_doc(alias) for alias in skill["aliases"]])
            if skill.get("exact"):
                self._exact.add(name, [builder.make_doc(alias) for alias in skill["exact"]])
        self._cache: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kind)

    def kind_of(self, skill: str) -> str | None:
        """'tool', 'knowledge', 'soft', 'certification', 'licence' or 'degree' (None: not in the taxonomy)."""
        return self._kind.get(skill)

    def is_hard(self, skill: str) -> bool:
        """True for tools, domain knowledge and credentials (what an ATS matches), False for soft skills."""
        return self._kind.get(skill) in HARD_KINDS

    def find(self, text: str) -> list[SkillMention]:
        """Every skill mention in text, longest match first, no two overlapping, in text order."""
        return list(self._lookup(text).mentions)

    def find_hard(self, text: str) -> list[SkillMention]:
        """Mentions of tools, domain knowledge and credentials only (soft skills left out)."""
        return [m for m in self._lookup(text).mentions if self.is_hard(m.skill)]

    def find_requirements(self, text: str) -> list[SkillMention]:
        """Hard skills a JD text asks for: as find_hard, less those naming a role ("Java Developer", "DevOps team")
        or sitting in a job-title line or a sentence about the company ("We use Python everywhere")."""
        entry = self._lookup(text)
        if entry.aside is None:
            # computed on demand: resume bullets and rewrites (the hot path) never need it
            doc = self._nlp.make_doc(text)
            context = requirement_context(doc)
            # a skill naming the role ("Java Developer") describes the job, even in a sentence that asks for
            # experience; the JD's own title carries it into the required skills (see core.signals)
            entry.aside = tuple(context[start] == OFF or names_role(doc, end) for start, end in entry.tokens)
        return [m for m, aside in zip(entry.mentions, entry.aside, strict=True) if not aside and self.is_hard(m.skill)]

    def _lookup(self, text: str) -> _Entry:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        found = self._find(text)
        with self._lock:
            self._cache[text] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return found

    def _find(self, text: str) -> _Entry:
        if not text:
            return _Entry((), ())
        doc = self._nlp.make_doc(text)
        candidates = [(m, s, e, True) for m, s, e in self._any_case(doc)]
        candidates += [(m, s, e, False) for m, s, e in self._exact(doc) if self._plausible(doc, s, e)]
        # longest first, then leftmost; exact-case wins a tie because it is the more specific reading
        candidates.sort(key=lambda c: (-(c[2] - c[1]), c[1], c[3]))
        taken = bytearray(len(doc))
        chosen: list[tuple[int, int, int]] = []
        for match_id, start, end, _ in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, match_id))
        chosen.sort()
        mentions = []
        for start, end, match_id in chosen:
            last = doc[end - 1]
            span = (doc[start].idx, last.idx + len(last.text))
            # model_construct: the values are built here and already valid; validation would double the cost
            mentions.append(
                SkillMention.model_construct(skill=self._names[match_id], span=span, quote=text[span[0] : span[1]])
            )
        return _Entry(tuple(mentions), tuple((start, end) for start, end, _ in chosen))

    def _plausible(self, doc: Doc, start: int, end: int) -> bool:
        """Reject an ordinary-word product name ("Go", "Swift") at the start of a sentence unless it sits in a list,
        and a one-letter name hyphened to a word ("C-level", "C-suite", "R-value")."""
        token = doc[start]
        if (
            end - start == 1
            and len(token.text) == 1
            and not token.whitespace_
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and doc[end + 1].is_alpha
        ):
            return False
        if end - start != 1 or token.text not in self._ambiguous:
            return True
        before = doc[start - 1].text if start > 0 else ""
        after = doc[end].text.lower() if end < len(doc) else ""
        if before in _SENTENCE_START or before.endswith("\n"):
            return after in _LIST_NEXT or after == ""
        return True


def read_taxonomy(path: Path = TAXONOMY_FILE) -> list[dict[str, Any]]:
    """The taxonomy entries of a data file built by `python manage.py build-taxonomy`."""
    return json.loads(path.read_text(encoding="utf-8"))["skills"]


_DEFAULT: SkillMatcher | None = None
_DEFAULT_LOCK = threading.Lock()


def load_matcher(path: Path | None = None) -> SkillMatcher:
    """The default matcher from core/data (built once per process and shared); a path builds a fresh one."""
    global _DEFAULT
    if path is not None:
        return SkillMatcher(read_taxonomy(path))
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = SkillMatcher(read_taxonomy())
        return _DEFAULT
