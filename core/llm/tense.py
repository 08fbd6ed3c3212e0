"""Put every verb of a bullet in one tense: the opening verb and each verb coordinated with it."""

from __future__ import annotations

import re

from core import grammar
from core.llm import verbs

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[;,&]|\d\S*|[^\sA-Za-z\d]")
_PASSIVE_CUES = frozenset({"as", "by"})
_CLAUSE_BREAKS = frozenset("that which who whom whose where when while because so although whereas".split())
_JOINERS = frozenset({"and", "or", "then", "&", ";", ","})
_PREPOSITIONS = frozenset("of for in at on with to from by as into about per via than".split())
_OBJECT_WORDS = (verbs.OBJECT_STARTERS - {"and"}) | frozenset(
    "every each what how which who these those this that up out".split()
)
# Recurring work ('daily', 'a week', 'per year') is an ongoing duty: present tense in a current job.
RECURRING = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|annually|nightly|ongoing|routinely|regularly|each|every|"
    r"(?:a|per|each)\s+(?:day|week|month|quarter|year|shift|night))\b",
    re.IGNORECASE,
)
COMPLETED = re.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:launched|won|earned|completed|promoted|achieved|awarded|named|ranked|introduced|"
    r"created|founded|established|built|rebuilt|rewrote|migrated|delivered|shipped|implemented|redesigned|updated|cut|"
    r"reduced|increased|grew|raised|saved|doubled|tripled|improved|automated|designed|developed|wrote|rolled|set up|"
    r"negotiated|hired|recruited|converted|replaced|consolidated|standardi[sz]ed|started|opened|closed)\b",
    re.IGNORECASE,
)


_TAGS = {"past": frozenset({"VBD"}), "present": frozenset({"VB", "VBP", "VBZ"})}
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_PERCENT = re.compile(r"\d%|\d\s?percent\b", re.IGNORECASE)  # '…; grew LinkedIn followers 60%': a measured result


MEASURED = re.compile(
    r"\b(?:cutting|reducing|increasing|saving|improving|lowering|raising|growing)\b|\bfrom\s+\$?\d[^;]*\bto\s+\$?\d",
    re.IGNORECASE,
)


def reports_completed(text: str) -> bool:
    """True when a bullet reports finished work or a measured change rather than recurring duties."""
    return bool(COMPLETED.search(text) or MEASURED.search(text)) and not RECURRING.search(text)


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def opening_verb(text: str) -> str | None:
    """The bullet's first word when it is a verb used as one ('Lead developer for X' and 'Top sales' are not)."""
    tokens = _tokens(text)
    if not tokens:
        return None
    first = tokens[0].group(0)
    tags = grammar.verb_tags(first)
    if not tags or not first[:1].isalpha():
        return None
    if grammar.names_a_list([t.group(0) for t in tokens[:3]]):
        return None  # 'Excel and Crystal Reports for claims': a list of names, never 'Excelled'
    if first.lower() in verbs.verb_forms():
        known = verbs.verb_forms()[first.lower()]
        if known[1] == "present" and first.lower() == known[0]:
            nxt = tokens[1].group(0).lower() if len(tokens) > 1 else ""
            if nxt in _PREPOSITIONS or not nxt[:1].isalnum():
                return None  # 'Lead for payments', 'Design:'
        return first
    others = grammar.other_readings(first)
    if not others:
        return first
    nxt = tokens[1].group(0) if len(tokens) > 1 else ""
    if not nxt[:1].isalnum() or nxt.lower() in _PREPOSITIONS:
        return None
    after = tokens[2].group(0) if len(tokens) > 2 else ""
    counted = nxt[:1].isdigit() and (len(nxt) > 1 or after.endswith("s"))  # 'Process 300 invoices', 'Pack 4 orders'
    if tags <= {"VB", "VBP"} and nxt.lower() not in _OBJECT_WORDS and not counted:
        return None  # 'Site cleanup', 'Tier 1 support': a noun that is also a rare verb opens a noun phrase
    if "ADJ" in others and grammar.other_readings(nxt) and not grammar.verb_tags(nxt):
        return None  # 'Top sales producer'
    return first


def verb_positions(text: str) -> list[tuple[int, int]]:
    """Spans of the opening verb and of the verbs coordinated with it ('Planned and schedule X and design Y')."""
    tokens = _tokens(text)
    if not tokens or opening_verb(text) is None:
        return []
    opener_tense = grammar.tenses(tokens[0].group(0))

    def depth(k: int) -> int:
        return text.count("(", 0, tokens[k].start()) - text.count(")", 0, tokens[k].start())

    found = [tokens[0].span()]
    maybe: list[tuple[int, int]] = []
    stray = False  # a certain slot in another tense than the opener: the writer switched tense mid-bullet
    i = 1
    while i < len(tokens) - 1:
        joiner = tokens[i].group(0).lower()
        if joiner in _CLAUSE_BREAKS:
            break  # 'that reads X and emails Y': a relative clause keeps its own tense
        if joiner not in _JOINERS:
            i += 1
            continue
        j = i + 1
        if joiner == "," and tokens[j].group(0).lower() in ("and", "or", "then"):
            j += 1
        if j >= len(tokens):
            break
        word = tokens[j].group(0)
        tense = grammar.tenses(word)
        if joiner == ";" and not tense:
            break  # '; the coordinator sends them': a new clause with its own subject
        gerund_only = tense == {"gerund"} and opener_tense != {"gerund"}
        if not tense or not word[:1].islower() or gerund_only:  # 'and cooling logs': a modifier, not a verb
            i = j
            continue
        nxt = tokens[j + 1].group(0).lower() if j + 1 < len(tokens) else ""
        if nxt in _PASSIVE_CUES and grammar.verb_tags(word) & {"VBD", "VBN"}:
            i = j  # 'reviewed as a unit exemplar', 'recognised by the board': a participle, not a coordinated verb
            continue
        nouny = bool(grammar.other_readings(word) - {"ADJ"})
        inflected = bool(grammar.verb_tags(word) - {"VB", "VBP"})  # 'cleaned', 'manages': not a bare noun-like form
        if depth(j) > 0:
            i = j  # inside parentheses: a list of details, not a verb of the bullet
            continue
        if joiner in ("and", "or") and _modifiers_before(tokens, i):
            i = j  # 'for 260 hourly and salaried employees': two modifiers of one noun, not a coordinated verb
            continue
        if (
            joiner in ("and", "or")
            and not inflected
            and grammar.last_of_a_list([t.group(0) for t in tokens], i, _PREPOSITIONS)
        ):
            i = j  # 'tooling for patching, backups and log rotation': the last item of a preposition's list
            continue
        if joiner == ";" and grammar.other_readings(word) and nxt not in _OBJECT_WORDS:
            i = j  # '; top seller of the year': a new clause opening with a noun phrase
            continue
        if joiner == "," and j == i + 1:
            plain = not grammar.other_readings(word)
            certain = (plain and inflected) or nxt in _OBJECT_WORDS  # a comma also lists nouns: 'call, email'
            if "present" in opener_tense and "past" not in opener_tense and nxt not in _OBJECT_WORDS:
                certain = False  # 'Prepare entries, accruals, prepaid amortization': a participle as adjective
        else:
            parallel = "gerund" in tense and opener_tense == {"gerund"}  # 'Managing X and writing Y'
            certain = i == 1 or not nouny or parallel or nxt in _OBJECT_WORDS or nxt[:1].isdigit()
        if certain:
            found.append(tokens[j].span())
            stray = stray or not (tense & opener_tense)
        elif grammar.other_readings(nxt) == frozenset({"NOUN"}) and not grammar.verb_tags(nxt):
            maybe.append(tokens[j].span())  # 'and design graphics': a verb only if the writer switched tense
        i = j
    if stray:
        found.extend(maybe)
    return sorted(found)


def _modifiers_before(tokens: list[re.Match[str]], joiner: int) -> bool:
    """True when the words before a joiner back to a preposition or determiner are only numbers and modifiers
    ('for 260 hourly and …', 'the new and …'): the joiner links two modifiers inside a noun phrase."""
    k = joiner - 1
    seen = 0
    while k >= 0:
        word = tokens[k].group(0)
        low = word.lower()
        if low in _PREPOSITIONS or low in ("the", "a", "an", "our", "their", "its", "all"):
            return seen > 0
        if low in ("~", "$", "+", "≈", "about", "approximately", "over", "nearly", "roughly"):
            k -= 1  # 'for ~900 hourly and …': a number's sign or hedge
            continue
        if not (
            word[:1].isdigit()
            or (
                not grammar.verb_tags(word)
                and grammar.other_readings(word) <= {"ADJ", "ADV"}
                and grammar.other_readings(word)
            )
        ):
            return False
        seen += 1
        k -= 1
    return False


def set_tense(text: str, tense: str) -> tuple[str, bool]:
    """The bullet with every verb slot in `tense` ('past' or 'present'); True when something changed."""
    out = text
    changed = False
    for start, end in reversed(verb_positions(text)):
        word = text[start:end]
        if grammar.verb_tags(word) & _TAGS[tense]:
            continue
        new = grammar.retense(word, tense)
        if new and new != word:
            out = out[:start] + new + out[end:]
            changed = True
    return out, changed


def tense_of(text: str) -> str | None:
    """'past' or 'present' as the bullet's opening verb reads; None when it opens with no verb or a gerund."""
    verb = opening_verb(text)
    if verb is None:
        return None
    tenses = grammar.tenses(verb)
    if "past" in tenses and "present" not in tenses:
        return "past"
    if "present" in tenses and "past" not in tenses:
        return "present"
    return None


def target_tense(text: str, role_tense: str | None) -> str | None:
    """The tense a bullet should read in: past for a past job; present in a current job for recurring work.

    In a current job a completed result stays in the past ('Launched exit interviews in 2023'), and a bullet
    without a dated job keeps the tense its writer chose.
    """
    own = tense_of(text)
    if own is None and opening_verb(text) and "gerund" in grammar.tenses(opening_verb(text) or ""):
        own = "past" if role_tense != "present" else "present"  # 'Managing X and writing Y'
    if role_tense == "past":
        return "past"
    if role_tense == "present":
        slots = [grammar.tenses(text[a:b]) for a, b in verb_positions(text)[1:]]
        joined = [t for (a, _), t in zip(verb_positions(text)[1:], slots, strict=True) if ";" not in text[:a]]
        ongoing = any(t == {"present"} for t in joined) and not MEASURED.search(text)  # not across a ';'

        finished = COMPLETED.search(text) or MEASURED.search(text)  # '…, cutting runtime from 40 min to 6 min'
        if own == "past" and not ongoing and not (RECURRING.search(text) and not finished):
            return "past"  # 'Launched exit interviews in 2023'; not 'Built and maintain 6 dashboards', still ongoing
        result = MEASURED.search(text) or _YEAR.search(text) or _PERCENT.search(text)
        if own == "present" and any(t == {"past"} for t in slots) and result:
            return "past"  # 'Write T-SQL; tuned the nightly load from 5h to 2h': the finished result sets it
            # (also a dated one: '…; negotiated 12% savings on linens in 2024', never 'negotiate … in 2024')
        return "present"
    return own
