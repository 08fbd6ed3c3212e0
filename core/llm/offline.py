"""The offline engine: deterministic rewrites that tighten wording and never add a fact."""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from core.llm import owned, tense, verbs
from core.tailor_naming import PEOPLE, other_abbreviation
from core.types import (
    Budget,
    BulletRewrite,
    CallRecord,
    ImpliedSkill,
    JDSignals,
    RewriteBrief,
    RewriteOptions,
    RewriteReply,
    SignalsReply,
    SkillMention,
)

if TYPE_CHECKING:
    from core.signals import SignalExtractor

MODEL = "offline-rules-v1"
_FIRST_WORD = re.compile(r"^([A-Za-z][A-Za-z'-]*)(\s+|$)")


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
        brief: RewriteBrief | None = None,
    ) -> RewriteReply:
        """Rewrite every bullet; the reply carries a zero-cost call record."""
        started = time.perf_counter()
        options = options or RewriteOptions()
        brief = brief or RewriteBrief()
        names = jd_names(signals)
        rewrites: list[BulletRewrite] = []
        for index, original in enumerate(bullets):
            if index in brief.keep:
                rewrites.append(BulletRewrite(index=index, rewrite=original.strip(), rationale=brief.keep[index]))
                continue
            role_tense = brief.tenses[index] if index < len(brief.tenses) else None
            draft, notes, used = self._rewrite_one(original, names, role_tense)
            implied = [s for s in brief.implied if s.bullet == index]
            draft, named = name_requirements(draft, implied)
            if named:
                notes.append("the JD's words beside the evidence: " + ", ".join(named))
                used += [s.skill for s in implied if s.requirement in named and s.skill not in used]
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

    def _rewrite_one(
        self, text: str, names: dict[str, str], role_tense: str | None
    ) -> tuple[str, list[str], list[str]]:
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
        target = tense.target_tense(draft, role_tense)
        stronger = _take_ownership(draft, target)
        if stronger is not None:
            draft = stronger[0]
            notes.append(stronger[1])
            target = target or tense.tense_of(draft) or "past"
            if target == "present" and tense.reports_completed(tense.set_tense(draft, "past")[0]):
                target = "past"  # 'Helped design the pipeline' in a current job: a finished piece of work
        tightened = verbs.remove_filler(draft)
        if tightened != draft:
            draft = tightened
            notes.append("filler removed")
        if target is not None:
            draft, changed = tense.set_tense(draft, target)
            if changed:
                notes.append(f"{target} tense" + (" (current role)" if role_tense == "present" else ""))
        draft, clause_notes = _own_clauses(draft, target or tense.tense_of(draft))
        notes += clause_notes
        first = draft.split(" ", 1)[0]
        if first.isalpha() and first.islower():  # never 'Ratelimit-go' or 'Npm'
            draft = draft[0].upper() + draft[1:]
        return draft, notes, used


def name_requirements(text: str, implied: list[ImpliedSkill]) -> tuple[str, list[str]]:
    """The JD's name of a requirement written beside the narrower skill that meets it ('EKS (Kubernetes)',
    'Terraform (infrastructure as code)'); one name per piece of evidence, never where the bullet already has it."""
    named: list[str] = []
    for item in implied:
        lower = text.lower()
        if item.requirement.lower() in lower:
            continue
        found = re.search(r"(?<![\w-])" + re.escape(item.quote) + r"(?![\w-])(?!\s+[A-Z(])(?!" + PEOPLE + ")", text)
        at = found.start() if found else -1
        inside = text.count("(", 0, max(at, 0)) > text.count(")", 0, max(at, 0))
        if at < 0 or inside:
            continue  # not there as a whole name (not 'SolidWorks' of 'SolidWorks PDM'), or inside a parenthesis
        end = at + len(item.quote)
        text = f"{text[:end]} ({item.requirement}){text[end:]}"
        named.append(item.requirement)
    return text, named


def jd_names(signals: JDSignals) -> dict[str, str]:
    """Canonical skill -> the name to use for it: the JD's own wording when that reads as a name."""
    quotes: dict[str, Counter[str]] = {}
    for mention in [*signals.required, *signals.preferred]:
        quotes.setdefault(mention.skill, Counter())[mention.quote.strip()] += 1
    names: dict[str, str] = {}
    for skill, counter in quotes.items():
        best = counter.most_common(1)[0][0] if counter else ""
        # only the JD's own words: a taxonomy label the JD never wrote ('Data Visualization') is no name to use
        if best and len(best) <= len(skill) + 24:
            names[skill] = best
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
        if len(target.split()) > len(quote.split()) and quote.lower() in target.lower():
            continue  # the JD's name says more than the bullet shows ('SolidWorks' is not 'SolidWorks PDM')
        singular = {w.lower().rstrip("s") for w in target.split()}
        if len(target.split()) > len(quote.split()) and all(w.lower().rstrip("s") in singular for w in quote.split()):
            continue  # nor in another number: 'FortiGate firewalls' is not 'FortiGate Firewall administration'
        if target.lower() != mention.skill.lower() and not _abbreviates(quote, target):
            continue  # the JD's name is one kind of the skill, not the skill: 'Rocky Linux' is no 'CentOS'
        if other_abbreviation(target, quote):
            continue  # another abbreviation filed under the same skill names another thing: 'XML' is no 'JSON'
        if quote.lower() == target.lower():
            # A case-only change is safe only for words that are not also plain English ('react', 'go').
            if quote == target or (quote.isalpha() and quote.islower() and len(quote) <= 5):
                continue
        # An abbreviation or variant spelling ('k8s', 'Postgres', 'GCP') is replaced; a distinct product that
        # the taxonomy files under the skill ('OpenShift') keeps its name and gets the JD's name beside it.
        beside = not _abbreviates(quote, target)
        if beside and re.match(r"\s+[A-Z]", text[end:]):
            continue  # the quote goes on into a longer name: never 'Oxygen XML (…) Editor' inside a product's name
        replacement = f"{quote} ({target})" if beside else target
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


def _own_clauses(text: str, target: str | None) -> tuple[str, list[str]]:
    """A hedge opening a clause after ';' owned like an opening one ('…; worked on recall scheduling' -> '…; handle
    recall scheduling' in a current job), in the bullet's tense."""
    pieces = text.split("; ")
    notes: list[str] = []
    for i in range(1, len(pieces)):
        piece = pieces[i]
        if not piece[:1].islower():
            continue
        stronger = owned.own(piece, target)
        if stronger is None:
            continue
        past = owned.own(piece, "past")
        if target == "present" and past is not None and tense.reports_completed(past[0]):
            stronger = past  # '…; helped design the behavior matrix': a finished piece of work stays past
        new = stronger[0][:1].lower() + stronger[0][1:]
        pieces[i] = new
        notes.append(stronger[1])
    return "; ".join(pieces), notes


def _take_ownership(text: str, target: str | None) -> tuple[str, str] | None:
    """'Responsible for managing X' -> 'Managed X'; 'Helped reduce X' -> 'Reduced X' (see core/llm/owned.py)."""
    for pattern, kind in verbs.WEAK_OPENINGS:
        if kind != "own":
            continue
        match = pattern.match(text)
        if not match or not any(c.isalpha() for c in match["rest"]):
            continue
        rest = match["rest"].strip()
        first = _FIRST_WORD.match(rest)
        form = verbs.verb_forms().get(first.group(1).lower()) if first else None
        when = target or "past"
        if form and form[1] == "gerund" and first:  # 'Responsible for managing X and hiring Y' -> 'Managed X …'
            owned_text = tense.set_tense(rest, when)[0]
            return owned_text[:1].upper() + owned_text[1:], "an owned verb for 'responsible for'"
        return f"{'Owned' if when == 'past' else 'Own'} {rest}", "an owned verb for 'responsible for'"
    return owned.own(text, target)
