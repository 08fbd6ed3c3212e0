"""The offline engine: deterministic rewrites that tighten wording and never add a fact."""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from core.llm import verbs
from core.types import (
    Budget,
    BulletRewrite,
    CallRecord,
    JDSignals,
    RewriteOptions,
    RewriteReply,
    SignalsReply,
    SkillMention,
)

if TYPE_CHECKING:
    from core.signals import SignalExtractor

MODEL = "offline-rules-v1"
_FIRST_WORD = re.compile(r"^([A-Za-z][A-Za-z'-]*)(\s+|$)")
_NEXT_WORD = re.compile(r"^\s*([A-Za-z0-9][\w'-]*)")


class OfflineProvider:
    """Stronger verbs, filler removed, tense made consistent, the JD's names for skills a bullet already shows."""

    name = "offline"
    model = MODEL
    external = False

    def __init__(self, matcher: Any = None, extractor: SignalExtractor | None = None) -> None:
        self._matcher = matcher
        self._extractor = extractor

    @property
    def matcher(self) -> Any:
        """The skills matcher (the default one is loaded on first use when none was passed in)."""
        if self._matcher is None:
            from core.skills import load_matcher

            self._matcher = load_matcher()
        return self._matcher

    def rewrite(
        self,
        bullets: list[str],
        signals: JDSignals,
        *,
        budget: Budget,
        call_key: str = "",
        options: RewriteOptions | None = None,
    ) -> RewriteReply:
        """Rewrite every bullet; the reply carries a zero-cost call record."""
        started = time.perf_counter()
        options = options or RewriteOptions()
        names = jd_names(signals)
        drafts = [self._rewrite_one(text, names) for text in bullets]
        tense = _majority_tense([d[0] for d in drafts])
        rewrites: list[BulletRewrite] = []
        for index, (original, (draft, notes, used)) in enumerate(zip(bullets, drafts, strict=True)):
            draft, changed_tense = _set_tense(draft, tense)
            if changed_tense:
                notes.append(f"{tense} tense like the other bullets")
            if len(draft) > options.max_len and len(draft) > len(original.strip()):
                draft, notes = original.strip(), ["kept: the rewrite would pass the length limit"]
            rationale = "; ".join(notes) if notes else "already concise; no change"
            rewrites.append(BulletRewrite(index=index, rewrite=draft, keywords_used=used, rationale=rationale))
        record = CallRecord(
            call_key=call_key,
            provider=self.name,
            model=self.model,
            purpose="rewrite",
            latency_ms=round((time.perf_counter() - started) * 1000, 3),
        )
        return RewriteReply(rewrites=rewrites, records=[record])

    def extract_signals(self, jd_text: str, *, budget: Budget, call_key: str = "") -> SignalsReply:
        """Signals from the local extractor (empty, confidence 0, when none was passed in)."""
        started = time.perf_counter()
        signals = self._extractor.extract(jd_text) if self._extractor is not None else JDSignals()
        record = CallRecord(
            call_key=call_key,
            provider=self.name,
            model=self.model,
            purpose="signals",
            latency_ms=round((time.perf_counter() - started) * 1000, 3),
        )
        return SignalsReply(signals=signals, records=[record])

    def _rewrite_one(self, text: str, names: dict[str, str]) -> tuple[str, list[str], list[str]]:
        """One bullet: (draft, notes for the rationale, JD skills it shows)."""
        notes: list[str] = []
        draft = text.strip()
        mentions = self.matcher.find(draft) if names else []
        used = list(dict.fromkeys(m.skill for m in mentions if m.skill in names))
        draft, renamed = _rename_skills(draft, mentions, names, self.matcher)
        if renamed:
            notes.append("the JD's name for " + ", ".join(renamed))
        without_pronoun = verbs.PRONOUN_OPENING.sub("", draft)
        if without_pronoun != draft:
            draft = without_pronoun
            notes.append("no first-person opening")
        stronger = _strengthen(draft)
        if stronger != draft:
            draft = stronger
            notes.append("stronger opening verb")
        tightened = verbs.remove_filler(draft)
        if tightened != draft:
            draft = tightened
            notes.append("filler removed")
        first = draft.split(" ", 1)[0]
        if first.isalpha() and first.islower():  # never 'Ratelimit-go' or 'Npm'
            draft = draft[0].upper() + draft[1:]
        return draft, notes, used


def jd_names(signals: JDSignals) -> dict[str, str]:
    """Canonical skill -> the name to use for it: the JD's own wording when that reads as a name."""
    quotes: dict[str, Counter[str]] = {}
    for mention in [*signals.required, *signals.preferred]:
        quotes.setdefault(mention.skill, Counter())[mention.quote.strip()] += 1
    names: dict[str, str] = {}
    for skill, counter in quotes.items():
        best = counter.most_common(1)[0][0] if counter else ""
        names[skill] = best if best and not best.islower() and len(best) <= len(skill) + 24 else skill
    return names


def _rename_skills(
    text: str, mentions: list[SkillMention], names: dict[str, str], matcher: Any
) -> tuple[str, list[str]]:
    """Put the JD's name where the bullet shows the same skill under another name ('k8s' -> 'Kubernetes')."""
    renamed: list[str] = []
    kind_of = getattr(matcher, "kind_of", None)
    last_start = len(text) + 1
    for mention in sorted(mentions, key=lambda m: m.span[0], reverse=True):
        start, end = mention.span
        if mention.skill not in names or end > last_start or text[start:end] != mention.quote:
            continue
        if kind_of is not None and kind_of(mention.skill) not in (None, "tool"):
            continue  # only products and languages have names; 'code reviews' is not renamed 'Code Review'

        target, quote = names[mention.skill], mention.quote
        if quote.lower().rstrip("s") == target.lower().rstrip("s") and quote.lower() != target.lower():
            continue  # 'API' vs 'APIs': a plural is not a different name
        if target.lower() in quote.lower() and quote.lower() != target.lower():
            continue  # the bullet's wording already holds the JD's and says more ('REST APIs' vs 'APIs')
        if quote.lower() == target.lower():
            # A case-only change is safe only for words that are not also plain English ('react', 'go').
            if quote == target or (quote.isalpha() and quote.islower() and len(quote) <= 5):
                continue
        # An abbreviation or variant spelling ('k8s', 'Postgres', 'GCP') is replaced; a distinct product that
        # the taxonomy files under the skill ('OpenShift') keeps its name and gets the JD's name beside it.
        replacement = target if _abbreviates(quote, target) else f"{quote} ({target})"
        text = text[:start] + replacement + text[end:]
        renamed.append(f"{quote} -> {target}")
        last_start = start
    renamed.reverse()
    return text, renamed


def _abbreviates(quote: str, target: str) -> bool:
    """True when one name's letters appear in order in the other ('k8s' in 'Kubernetes', 'Golang' ⊇ 'Go')."""
    a = [c for c in quote.lower() if c.isalpha()]
    b = [c for c in target.lower() if c.isalpha()]
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    chars = iter(long)
    return bool(short) and all(c in chars for c in short)


def _strengthen(text: str) -> str:
    """Replace a weak opening ('Responsible for', 'Helped', 'Worked on') with an action verb."""
    for pattern, kind in verbs.WEAK_OPENINGS:
        match = pattern.match(text)
        if not match:
            continue
        rest = match["rest"].strip()
        if not any(c.isalpha() for c in rest):
            continue
        first = _FIRST_WORD.match(rest)
        form = verbs.verb_forms().get(first.group(1).lower()) if first else None
        tail = rest[first.end() :] if first else rest
        if kind == "own":
            if form and form[1] == "gerund":  # 'Responsible for managing X and hiring Y' -> 'Managed X and hired Y'
                tail = _COORDINATED_GERUND.sub(lambda m: m.group(1) + _retense(m.group(2), "past"), tail)
                return f"{verbs.past(form[0]).capitalize()} {tail}".strip()
            return f"Owned {rest}"
        if (
            form
            and form[1] in ("gerund", "present")
            and first
            and first.group(1).lower() == (verbs.gerund(form[0]) if form[1] == "gerund" else form[0])
        ):
            return f"Contributed to {verbs.gerund(form[0])} {tail}".strip()
        if kind == "help":
            # 'Helped with the migration' -> 'Supported the migration'; 'Helped customers migrate' is left alone
            return f"Supported {rest}" if match.groupdict().get("prep") else text
        return f"Contributed to {rest}"
    return text


def _lead_verb(text: str) -> tuple[str, str, str] | None:
    """(word, base, tense) of a bullet's opening verb, or None when it does not open with a known verb."""
    match = _FIRST_WORD.match(text)
    if not match:
        return None
    word = match.group(1)
    form = verbs.verb_forms().get(word.lower())
    if form is None:
        return None
    if form[1] == "present" and word.lower() == form[0]:
        following = _NEXT_WORD.match(text[match.end() :])
        nxt = following.group(1).lower() if following else ""
        if nxt not in verbs.OBJECT_STARTERS and not nxt[:1].isdigit():
            return None  # 'Lead developer for …', 'Design reviews …': a noun phrase, not an order
    return word, form[0], form[1]


def _majority_tense(drafts: list[str]) -> str:
    counts = Counter(lead[2] for lead in map(_lead_verb, drafts) if lead and lead[2] != "gerund")
    return "present" if counts["present"] > counts["past"] else "past"


def _set_tense(text: str, tense: str) -> tuple[str, bool]:
    lead = _lead_verb(text)
    if lead is None or lead[2] == tense:
        return text, False
    word, base, _ = lead
    new = verbs.inflect(base, tense)
    new = new.capitalize() if word[:1].isupper() else new
    if new == word:
        return text, False
    rest = text[len(word) :]
    if form_is_gerund(word):
        # 'Leading X and writing Y' -> 'Led X and wrote Y': keep the coordinated verbs parallel
        rest = _COORDINATED_GERUND.sub(lambda m: m.group(1) + _retense(m.group(2), tense), rest)
    return new + rest, True


_COORDINATED_GERUND = re.compile(r"((?:;|,?\s*\band)\s+)([a-z]+ing)\b")  # not after a bare comma: ", reducing costs"


def form_is_gerund(word: str) -> bool:
    """True for a known verb's -ing form."""
    form = verbs.verb_forms().get(word.lower())
    return form is not None and form[1] == "gerund"


def _retense(word: str, tense: str) -> str:
    form = verbs.verb_forms().get(word)
    return verbs.inflect(form[0], tense) if form and form[1] == "gerund" else word
