"""The genre layer: a resume or JD describes a person or a job; a sentence that addresses its reader is out of place.

Each sentence (a wrapped line joined to the next) gets the features of core/injection_lexicon.py: does it name the
reading system, its response or its instructions, does it command (imperative, modal, vocative, "if you are an
AI"), does it ask for a verdict, a secret or a tool. Combinations of an addressee and a demand score high; either
alone scores low. A sentence that *describes* an attack (a past-tense work bullet, third person, the attack in
quotes) keeps only what addresses the reader outside its quotes, so security professionals' resumes stay quiet.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from core.injection_classes import AI_USE_POLICY, APPLICANT_TASK, BIAS_NEGATED
from core.injection_lexicon import (
    ANCHOR_MARKS,
    ANCHOR_STEMS,
    ANCHORS,
    LANGUAGE_PATTERNS,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    NON_LATIN,
    compile_all,
)
from core.injection_quotes import PLAIN, QUOTE_MARKS, QUOTED, STRONG, cited_spans, frames
from core.injection_text import letter_runs, lowered

PATTERNS = compile_all()
# A word starting with a stem starts with the head of one (every stem is at least _HEAD letters long): one set test
# leaves str.startswith's walk over all the stems to the few words that pass it.
_HEAD = min(map(len, ANCHOR_STEMS), default=0)
_STEM_HEADS = frozenset(stem[:_HEAD] for stem in ANCHOR_STEMS)
_TOKEN = re.compile(r"[a-z]+")
# A sentence ends at . ! ? ; followed by a space or the end, or at a line end ("example.com" and "3.5" go on).
_UNIT = re.compile(r"(?:[^\n.!?;。！？；]+|[.!?;](?=[^\s.!?;]))+[.!?;。！？；]*")  # runs, not characters: 3x faster
_QUOTED = QUOTED
# a quote mark first: the scan skips the rest
_QUOTED_FAST = re.compile(r"(?=[\"“‘«「『„'])(?:" + _QUOTED.pattern + ")")
_PAST_LEAD = re.compile(
    r"^\s*(?:[-*•▪◦·>]\s*)?(?:[\w-]+ed|built|led|wrote|taught|ran|made|won|drove|found|gave|held|kept|began|brought|"
    r"chose|did|drew|grew|knew|met|paid|spoke|spent|stood|took|told|threw|understood|went|sold|sent|set|shot|overrode|"
    r"broke|caught|fought|rode|rose|saw|shook|stole|swore|taught|tore|woke|won|[\w-]+ing|he|she|they|his|her|their|"
    r"research|publications?|papers?|talks?|author|co-?author|speaker|panelist|contributor|member|awarded)\b",
    re.IGNORECASE,
)
# A short third-person subject and a verb in the past tense: "80 contained planted lines such as …", "Users typed …",
# "The bot followed …" narrate what happened (a sentence cut at a semicolon from its work bullet).
_SUBJECT_PAST = re.compile(
    r"^\s*(?:[-*•▪◦·>]\s*)?(?:(?:the|our|their|its|all|some|many|most|several)\s+)?(?:\d[\d,.%+]*|[a-z]+s)"
    r"(?:\s+[a-z]+s)?\s+"
    r"(?:[a-z]+ed|contained|held|included|hid|wrote|sent|told|made|got|brought|took|ran|found|gave|kept|put|said|"
    r"slipped|tried)\b",
    re.IGNORECASE,
)
# A quote introduced as an example ("prompts such as '...'", "lines like '...'", "jailbreaks ('...')") is mentioned,
# not used: what it says addresses nobody, whatever the mood of the sentence around it.
_EXAMPLE_LEAD = re.compile(
    r"(?:such\s+as|like|e\.g\.|i\.e\.|for\s+(?:example|instance)|including|includes?|included|as\s+in|saying|said|"
    r"wrote|asked|told|phrases?|prompts?|payloads?|strings?|attempts?|jailbreaks?|attacks?|injections?|examples?|"
    r"samples?|templates?|patterns?|called|named|titled|dubbed|known\s+as|"
    # a title is a mention too: 'Blog post: "Why strings like ..."'
    r"(?:blog\s+)?posts?|talks?|papers?|articles?|blogs?|titles?|books?|chapters?|thesis|presentations?|sessions?|"
    r"workshops?|courses?|episodes?|podcasts?|keynotes?|publications?)\s*[:,(]?\s*$",
    re.IGNORECASE,
)
_RESTART = re.compile(r"[;:]\s+|\s[-–—]\s+")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you're|you'll)\b", re.IGNORECASE)
# Features a description of an attack never uses outside quotes: they address the reader themselves.
_ADDRESSING = frozenset(
    {
        "your_output",
        "note_to_ai",
        "if_ai",
        "chat_markup",
        "role_line",
        "modal_ai",
        "authority",
        "task_swap",
        "conceal",
        "pressure",
        "tool_label",
        "process_label",
        "relay",
        "relay_frame",
    }
)


@dataclass(frozen=True)
class UnitScore:
    """The score of one sentence (span in the folded text), the strongest reason and the features it showed."""

    start: int
    end: int
    score: float
    reason: str
    features: frozenset[str]


# (needed features, weight, category): the first rule with all its features present in a sentence applies.
COMBOS: tuple[tuple[frozenset[str], float, str], ...] = tuple(
    (frozenset(need.split()), weight, category)
    for need, weight, category in (
        ("override instructions", 0.9, "instruction_override"),
        # attack classes (core/injection_classes.py)
        ("hidden_span imperative", 0.8, "hidden_note"),
        ("hidden_span ai", 0.75, "hidden_note"),
        ("hidden_span verdict", 0.75, "hidden_note"),
        ("hidden_span candidate", 0.6, "hidden_note"),
        ("relay_frame imperative", 0.8, "goal_hijack"),
        ("relay_frame verdict", 0.8, "score_manipulation"),
        ("relay_frame candidate", 0.7, "goal_hijack"),
        ("code_verdict ai", 0.8, "score_manipulation"),
        ("modal_ai_steer", 0.7, "hidden_note"),
        ("status_line skip_checks", 0.8, "instruction_override"),
        ("status_line verdict", 0.75, "score_manipulation"),
        ("status_line imperative", 0.7, "instruction_override"),
        ("skip_checks verdict", 0.75, "score_manipulation"),
        ("skip_checks imperative", 0.7, "instruction_override"),
        ("skip_checks candidate", 0.6, "instruction_override"),
        ("hypo_rules imperative", 0.75, "jailbreak"),
        ("hypo_rules verdict", 0.75, "jailbreak"),
        ("hypo_rules you_me", 0.75, "jailbreak"),
        ("hypo_rules instructions", 0.7, "jailbreak"),
        ("hypo_rules candidate", 0.6, "jailbreak"),
        ("bias_rule", 0.65, "score_manipulation"),
        ("rank_others", 0.65, "score_manipulation"),
        ("decode_hint", 0.6, "hidden_note"),
        ("code_verdict", 0.6, "score_manipulation"),
        ("exempt candidate", 0.65, "instruction_override"),
        ("exempt verdict", 0.7, "instruction_override"),
        ("exempt self_ref", 0.75, "instruction_override"),
        ("self_ref imperative verdict", 0.75, "score_manipulation"),
        ("self_ref requirement_change", 0.75, "instruction_override"),
        ("boundary requirement_change", 0.8, "goal_hijack"),
        ("boundary imperative", 0.7, "goal_hijack"),
        ("boundary instructions", 0.75, "goal_hijack"),
        ("score_me", 0.6, "score_manipulation"),
        ("prior_verdict imperative", 0.75, "score_manipulation"),
        ("prior_verdict candidate", 0.65, "score_manipulation"),
        ("side_task", 0.6, "goal_hijack"),
        ("tool_label imperative", 0.85, "hidden_note"),
        ("tool_label override", 0.85, "instruction_override"),
        ("tool_label instructions", 0.8, "instruction_override"),
        ("tool_label verdict", 0.8, "score_manipulation"),
        ("tool_label candidate", 0.7, "hidden_note"),
        ("conceal imperative", 0.85, "hidden_note"),
        ("conceal modal", 0.85, "hidden_note"),
        ("conceal ai", 0.85, "hidden_note"),
        ("authority instructions", 0.85, "instruction_override"),
        ("authority override_task", 0.85, "instruction_override"),
        ("authority imperative", 0.75, "instruction_override"),
        ("authority verdict", 0.75, "score_manipulation"),
        ("authority candidate", 0.7, "score_manipulation"),
        ("task_swap imperative", 0.8, "goal_hijack"),
        ("pressure candidate", 0.8, "score_manipulation"),
        ("leak_verb instructions", 0.8, "prompt_leak"),
        ("jailbreak role_play ai", 0.85, "jailbreak"),
        ("jailbreak role_play", 0.6, "jailbreak"),
        ("jailbreak ai", 0.4, "jailbreak"),
        ("jailbreak authority", 0.75, "jailbreak"),
        ("role_play authority", 0.75, "jailbreak"),
        ("pressure verdict", 0.8, "score_manipulation"),
        ("tool_call imperative", 0.8, "data_exfiltration"),
        ("tool_call secrets", 0.8, "data_exfiltration"),
        ("ai imperative verdict", 0.7, "score_manipulation"),
        ("directed verdict", 0.8, "score_manipulation"),
        ("directed ai", 0.75, "hidden_note"),
        ("note_to_ai override", 0.9, "instruction_override"),
        ("your_output imperative", 0.85, "goal_hijack"),
        ("your_output verdict", 0.8, "score_manipulation"),
        ("output_will candidate", 0.75, "goal_hijack"),
        ("output_will verdict", 0.8, "score_manipulation"),
        ("your_output override", 0.85, "goal_hijack"),
        ("note_to_ai imperative", 0.85, "hidden_note"),
        ("note_to_ai verdict", 0.85, "score_manipulation"),
        ("note_to_ai modal", 0.8, "hidden_note"),
        ("note_to_ai your_output", 0.85, "hidden_note"),
        ("note_to_ai instructions", 0.8, "hidden_note"),
        ("if_ai imperative", 0.85, "hidden_note"),
        ("if_ai modal", 0.85, "hidden_note"),
        ("if_ai verdict", 0.85, "score_manipulation"),
        ("leak_verb secrets", 0.8, "data_exfiltration"),
        ("override_task candidate", 0.8, "instruction_override"),
        ("override_task imperative verdict", 0.8, "instruction_override"),
        ("reply_only verdict", 0.8, "goal_hijack"),
        ("reply_only candidate", 0.75, "goal_hijack"),
        ("chat_markup verdict", 0.8, "role_tag"),
        ("chat_markup candidate", 0.75, "role_tag"),
        ("chat_markup imperative", 0.75, "role_tag"),
        ("your_output modal", 0.75, "goal_hijack"),
        ("role_play ai", 0.75, "jailbreak"),
        ("role_play candidate", 0.7, "jailbreak"),
        ("role_play your_output", 0.7, "jailbreak"),
        ("role_play instructions", 0.7, "jailbreak"),
        ("imperative verdict candidate", 0.75, "score_manipulation"),
        ("modal verdict candidate", 0.7, "score_manipulation"),
        ("modal_ai verdict", 0.75, "score_manipulation"),
        ("modal_ai candidate", 0.7, "hidden_note"),
        ("modal_ai instructions", 0.7, "instruction_override"),
        ("modal_ai secrets", 0.75, "data_exfiltration"),
        ("role_line verdict", 0.7, "role_tag"),
        ("role_line imperative", 0.6, "role_tag"),
        ("chat_markup", 0.6, "role_tag"),
        ("instructions imperative", 0.45, "instruction_override"),
        ("override_task", 0.6, "instruction_override"),
        ("override candidate imperative", 0.6, "instruction_override"),
        ("override verdict candidate", 0.6, "instruction_override"),
        ("note_to_ai", 0.6, "hidden_note"),
        ("directed", 0.55, "goal_hijack"),
        ("config_directive verdict", 0.8, "role_tag"),
        ("config_directive imperative", 0.8, "role_tag"),
        ("config_directive", 0.6, "role_tag"),
        ("passive_order", 0.65, "score_manipulation"),
        ("process_label imperative", 0.8, "hidden_note"),
        ("process_label verdict", 0.8, "score_manipulation"),
        ("process_label override_task", 0.8, "instruction_override"),
        ("relay", 0.6, "goal_hijack"),
        ("output_wish", 0.6, "goal_hijack"),
        ("you_me imperative", 0.7, "score_manipulation"),
        ("you_me instructions", 0.7, "score_manipulation"),
        ("you_me override", 0.7, "score_manipulation"),
        ("you_me verdict", 0.7, "score_manipulation"),
        ("you_me override_task", 0.7, "score_manipulation"),
        ("ai verdict", 0.6, "score_manipulation"),
        ("output_will", 0.55, "goal_hijack"),
        ("tool_label", 0.55, "hidden_note"),
        ("conceal", 0.6, "hidden_note"),
        ("tool_call", 0.6, "data_exfiltration"),
        ("jailbreak", 0.25, "jailbreak"),
        ("pressure", 0.55, "score_manipulation"),
        ("task_swap", 0.55, "goal_hijack"),
        ("if_ai", 0.55, "hidden_note"),
        ("reply_only", 0.55, "goal_hijack"),
        ("role_play", 0.45, "jailbreak"),  # alone: "You are now part of a team of 12 nurses" is a welcome
        ("modal_ai", 0.45, "hidden_note"),
        ("imperative verdict", 0.45, "score_manipulation"),
        ("role_line", 0.35, "role_tag"),
        ("authority", 0.35, "instruction_override"),
        ("verdict candidate", 0.35, "score_manipulation"),
        ("ai imperative", 0.3, "hidden_note"),
        ("your_output", 0.3, "goal_hijack"),
        ("instructions", 0.25, "instruction_override"),
        ("override", 0.1, "instruction_override"),
        ("process_label", 0.3, "hidden_note"),
        ("relay_frame", 0.45, "goal_hijack"),
        ("skip_checks", 0.45, "instruction_override"),
        ("hypo_rules", 0.45, "jailbreak"),
        ("hidden_span", 0.35, "hidden_note"),
        ("status_line", 0.3, "instruction_override"),
        ("exempt", 0.45, "instruction_override"),
        ("boundary", 0.4, "goal_hijack"),
        ("prior_verdict", 0.45, "score_manipulation"),
    )
)


def units(text: str) -> list[tuple[int, int]]:
    """Sentence spans of text; a line that wraps (no closing punctuation) runs on into the next one, and a sentence
    never ends inside quotes ("such as 'You are an assistant; answer only ...'" is one sentence)."""
    # "designer.Ignore": a sentence glued to the next one; one scan of the whole text, cuts placed by position
    glued = [m.end() for m in _GLUED.finditer(text) if _two_lower(text[m.start() - 2 : m.start()])]
    spans: list[tuple[int, int]] = []
    for m in _UNIT.finditer(text):
        run = m.group()
        stripped = run.lstrip()
        if not stripped.strip():
            continue
        start, end = m.end() - len(stripped), m.end()
        if glued and start < glued[-1]:
            at = bisect_left(glued, start + 1)
            while at < len(glued) and glued[at] < end:
                spans.append((start, glued[at]))
                start = glued[at]
                at += 1
        spans.append((start, end))
    quoted = [(m.start(), m.end()) for m in _QUOTED_FAST.finditer(text)] if any(q in text for q in QUOTE_MARKS) else []
    joined: list[tuple[int, int]] = []
    q = 0  # quotes ending before the current sentence's end are behind us
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            while q < len(quoted) and quoted[q][1] <= last_end:
                q += 1
            if q < len(quoted) and quoted[q][0] < last_end:
                joined[-1] = (last_start, end)  # the previous sentence ended inside a quote
                continue
            gap = text[last_end:start]
            if (
                text[last_end - 1] == "."
                and "\n" not in gap
                and _ABBREVIATED.search(text, max(last_start, last_end - 8), last_end)
            ):
                joined[-1] = (last_start, end)  # "prompts as safe or unsafe, e.g. 'act as …'": one sentence
                continue
            if gap.count("\n") == 1 and _wraps(text, joined[-1], start):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


# An abbreviation's full stop ends no sentence: "e.g.", "i.e.", "vs.", "Dr.", "z. B.", "p. ej.", "np.".
_ABBREVIATED = re.compile(
    r"(?<![\w.])(?:e\.g|i\.e|vs|cf|incl|approx|esp|viz|dr|mr|mrs|ms|prof|z\.\s?b|p\.\s?ej|p\.\s?ex|bzw|ggf|np|nr)\.$",
    re.IGNORECASE,
)
_GLUED = re.compile(r"[.!?](?=[A-Z][a-z])")  # "designer.Ignore": a sentence glued to the next one


def _two_lower(pair: str) -> bool:
    return len(pair) == 2 and pair.isascii() and pair.isalpha() and pair.islower()


def _wraps(text: str, previous: tuple[int, int], start: int) -> bool:
    tail = text[previous[0] : previous[1]].rstrip()
    head = text[start : start + 1]
    return bool(tail) and tail[-1] not in ".!?:;。！？" and head.islower() and len(tail.split()) >= 3


_WORD_CHAR = re.compile(r"\w")


# Features that only ever count together with another one: looked for when some other feature is present.
_SECONDARY = frozenset({"imperative", "candidate", "modal", "leak_verb", "ai"})
_FIRST_PERSON = re.compile(r"\b(?:me|my|myself|i)\b")


# The attack-class patterns are read only in a sentence holding one of their cues (most sentences hold none).
_CUES: dict[str, tuple[str, ...]] = {
    "bias_rule": (
        "lower",
        "below",
        "bottom",
        "end of",
        "last",
        "out",
        "exclude",
        "reject",
        "priorit",
        "penali",
        "down",
        "disqualif",
        "discount",
        "behind",
        "off",
    ),
    "rank_others": ("other", "remaining", "rest of", "else"),
    "hidden_span": ("<", "["),
    "relay_frame": ("you", "whoever", "anyone who"),
    "decode_hint": (
        "decod",
        "deciph",
        "decryp",
        "unscram",
        "convert",
        "translat",
        "shift",
        "rotat",
        "mirror",
        "revers",
        "flip",
        "binary",
        "morse",
        "decimal",
        "ascii",
        "base",
        "hex",
        "rot",
        "cipher",
        "backward",
        "right to",
    ),
    "code_verdict": ("=", "update", "set ", "if", "is_", "isai", "isllm", "reads", "skip"),
    "skip_checks": (
        "bypass",
        "skip",
        "disabl",
        "waived",
        "turned off",
        "switched off",
        "required",
        "fallback",
        "default",
        "locked",
        "fixed",
        "pinned",
        "frozen",
        "re-",
        "reeval",
        "reass",
        "rescor",
        "recheck",
    ),
    "status_line": ("[", "<", "#", "**"),
    "exempt": (
        "exempt",
        "excused",
        "waived",
        "further",
        "additional",
        "more ",
        "other ",
        "certified",
        "verified",
        "validated",
        "confirmed",
    ),
    "self_ref": ("this ", "the above", "the following", "the preceding", "above", "below"),
    "boundary": ("end of", "new ", "next ", "updated "),
    "requirement_change": ("requirement", "criteria", "qualification", "longer"),
    "score_me": ("my ", "for me"),
    "side_task": ("this", "that", "the following", "the above"),
    "prior_verdict": ("previous", "earlier", "prior", "first", "another", "other", "last", "original"),
    "modal_ai_steer": ("must", "should", "shall", "need", "is to", "are to", "has to", "have to"),
    "hypo_rules": ("suppos", "imagin", "pictur", "pretend", "assum", "say", "hypothetic", "what if", "world"),
}
_BIAS_NEGATED = re.compile(BIAS_NEGATED)
_PEOPLE_ASSESS = re.compile(
    r"\b(?:will\s+be|are|is|get|gets)\s+(?:\w+\s+)?(?:scored|reviewed|read|assessed|evaluated|considered|graded|rated|"
    r"seen|discussed)\s+by\s+(?:the\s+|our\s+|a\s+|two\s+|three\s+)?(?:\w+\s+)?(?:team|panel|managers?|recruiters?|"
    r"committee|people|humans?|persons?|staff|us|interviewers?|engineers?|leads?)\b"
)
_AI_USE_POLICY = re.compile(AI_USE_POLICY)
_APPLICANT_TASK = re.compile(APPLICANT_TASK)


def _hits(lower: str) -> dict[str, list[tuple[int, int]]]:
    """Feature spans; a match that begins with the clause boundary it needs starts at its first word."""
    found: dict[str, list[tuple[int, int]]] = dict.fromkeys(PATTERNS, [])
    primary = [name for name in PATTERNS if name not in _SECONDARY]
    for name in primary:
        cues = _CUES.get(name)
        if cues is None or any(cue in lower for cue in cues):
            found[name] = _spans(PATTERNS[name], lower)
    for name in ("instructions", "override_task"):
        if found[name]:
            # "reveal its system prompt", "skip their checks": another system's rules, named in the third person
            found[name] = [span for span in found[name] if not _third_party(lower, span)]
    if found["note_to_ai"]:
        # "CS 639 Trustworthy AI:", "Generative AI: …": a topic named as a heading, not the reader spoken to
        found["note_to_ai"] = [span for span in found["note_to_ai"] if not _topic_heading(lower, span)]
    if found["modal_ai"] and _AI_USE_POLICY.search(lower):
        # "AI tools must not be used for your answers": a rule for applicants, not an order to the reader
        found["modal_ai"] = found["your_output"] = []
    if found["your_output"] and _PEOPLE_ASSESS.search(lower):
        # "Your answers to the screening questions will be scored by the hiring team": the applicant's work, judged
        # by people the sentence names, not the reader's output
        found["your_output"] = []
    if found["self_ref"] and _APPLICANT_TASK.search(lower):
        found["self_ref"] = []
    if found["bias_rule"]:
        # a fair-hiring notice: "no applicant will be ranked lower for a career break"
        found["bias_rule"] = [span for span in found["bias_rule"] if not _BIAS_NEGATED.search(lower, 0, span[1])]
    if (found["you_me"] or found["output_wish"]) and not _FIRST_PERSON.search(lower):
        # "you would rank ...", "ensure the report includes ..." about someone else: a JD's duty, not the writer's plea
        found["you_me"] = found["output_wish"] = []
    other_language = not lower.isascii() or any(
        token[:_HEAD] in _STEM_HEADS and token.startswith(ANCHOR_STEMS) for token in _TOKEN.findall(lower)
    )
    if other_language:
        for name in ("override", "instructions", "verdict", "note_to_ai"):
            found[name] = found[name] + _spans(LANGUAGE_PATTERNS[name], lower)
    if found["override"]:
        negated = [span for span in found["override"] if _negated(lower, span)]
        if negated:
            # a warning or a report, and so are the reader's rules it names ("asked to ignore prior rules")
            found["override"] = [span for span in found["override"] if span not in negated]
            found["instructions"] = [
                span for span in found["instructions"] if not any(0 <= span[0] - end <= 30 for _s, end in negated)
            ]
    if any(found[name] for name in primary):
        for name in _SECONDARY:
            found[name] = _spans(PATTERNS[name], lower)
        if other_language:
            found["candidate"] = found["candidate"] + _spans(LANGUAGE_PATTERNS["candidate"], lower)
            found["ai"] = found["ai"] + _spans(LANGUAGE_PATTERNS["ai"], lower)
    return found


_POSSESSED = re.compile(
    r"\b(?:its|their|his|her|whose|the\s+(?:bot|chatbot|model|assistant|agent|system|tool|app)'s)\s+(?:[\w-]+\s+){0,2}$"
)
_POSSESSIVE = re.compile(r"\b(?:its|their|his|her)\b")
_BARE_AI_LABEL = re.compile(r"ai\s*[:：]")
_NAMED_AI = re.compile(r"((?:[\w-]+\s+){1,2}?)ai\s*,")
_VOCATIVE_WORDS = frozenset(
    "to for dear hey hi hello attention attn psst the any all every our my this that a an".split()
)
_VOCATIVE_LEAD = re.compile(
    r"(?:^|[\n.!?;:(\[<>*•\-—–\"'])\s*$|\b(?:to|for|dear|hey|hi|hello|attention|attn|psst|the|any|all|every|our|my|"
    r"this|that|an?)\s+$"
)


def _third_party(lower: str, span: tuple[int, int]) -> bool:
    start, end = span
    return bool(_POSSESSED.search(lower, max(0, start - 30), start)) or bool(_POSSESSIVE.search(lower, start, end))


def _topic_heading(lower: str, span: tuple[int, int]) -> bool:
    """ "Trustworthy AI:", "Nimbus Legal AI, New York": the AI word closing a heading or a name, not a vocative."""
    start, end = span
    if _BARE_AI_LABEL.match(lower, start, end):
        return not _VOCATIVE_LEAD.search(lower, max(0, start - 12), start)
    named = _NAMED_AI.match(lower, start, end)
    return named is not None and not _VOCATIVE_WORDS.intersection(named.group(1).split())


def _negated(lower: str, span: tuple[int, int]) -> bool:
    """A drop verb under a negation ("never ignore", "nie pomijaj", "unutmayın", "glem ikke"): a warning, not an
    override."""
    start, end = span
    if NEGATION_BEFORE.search(lower[max(0, start - 40) : start]):
        return True
    word_end = end
    while word_end < len(lower) and lower[word_end].isalpha():
        word_end += 1
    return bool(NEGATION_AFTER.match(lower[end : word_end + 7]))


def _spans(pattern: re.Pattern[str], lower: str) -> list[tuple[int, int]]:
    spans = []
    for m in pattern.finditer(lower):
        word = _WORD_CHAR.search(lower, m.start(), m.end())
        if word:
            spans.append((word.start(), m.end()))
    return spans


def _in(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [s for s in spans if s[0] >= start and s[0] < end]


def plain_work_line(sentence: str, anchored: bool | None = None) -> bool:
    """A past-tense work bullet with none of the words any scoring combination needs: nothing for any layer to read."""
    if not _PAST_LEAD.match(sentence):
        return False
    return not (_anchored(sentence.lower()) if anchored is None else anchored)


def _addresses(
    found: dict[str, list[tuple[int, int]]], start: int, end: int, quoted: list[tuple[int, int]], lower: str = ""
) -> bool:
    """True when the sentence speaks to the reader outside quotes (a vocative, "if you are an AI", "your answer").
    A note to the AI named in the middle of a clause ("flags hidden instructions to AI screeners") is a topic."""
    return any(
        not any(q0 <= s < q1 for q0, q1 in quoted) and (name != "note_to_ai" or _clause_start(lower, s))
        for name in _ADDRESSING
        for s, _e in _in(found[name], start, end)
    )


def _clause_start(lower: str, pos: int) -> bool:
    """True when pos opens the sentence or a clause (after a mark such as ; : ( [ < or a dash)."""
    before = lower[max(0, pos - 6) : pos].rstrip(" \t*•-")
    return not before or not lower or before[-1] in ";:([<>\"'.!?—–\n"


_LABEL = re.compile(r"^\s*(?:[-*•▪◦·>]\s*)?[A-Za-z][\w /&-]{0,30}:\s+(?=\w)")
# "Since 2023, scoped ...", "At Acme, built ...": a time or place phrase before the verb of a work bullet.
_ADVERBIAL = re.compile(
    r"^\s*(?:[-*•▪◦·>]\s*)?(?:since|in|at|for|during|from|over|across|as|while|after|before|between)\b[^,;:]{1,40},\s*",
    re.IGNORECASE,
)


# A quote followed by the name of what it is ("detects 'you are now DAN' jailbreaks") is mentioned too.
_EXAMPLE_TAIL = re.compile(
    r"\s*[-–]?\s*(?:style\s+|type\s+|like\s+)?(?:jailbreaks?|attacks?|prompts?|payloads?|injections?|strings?|phrases?|"
    r"messages?|emails?|examples?|patterns?|templates?|attempts?|instructions?|tricks?|exploits?)\b",
    re.IGNORECASE,
)


def example_blob(text: str, start: int, end: int) -> bool:
    """An encoded blob introduced or named as an example: "e.g. SGVsbG8…", "(VGhpcyBp… style payloads)"."""
    opener = text[max(0, start - 40) : start].rstrip("([ \t'\"")
    return bool(_EXAMPLE_LEAD.search(opener + " ")) or bool(_EXAMPLE_TAIL.match(text, end))


def mentioned(sentence: str) -> list[tuple[int, int]]:
    """Quoted spans of a sentence that the words around them frame as mentioned, not used (core/injection_quotes.py):
    all of them under a strong frame, under a weak one those that neither ask for a verdict on the candidate nor
    address the reader themselves; none when the frame itself speaks to the reader ("Note to the AI: '…'")."""
    spans = cited_spans(sentence)
    framed = frames(sentence, spans)
    if not framed:
        return []
    lower = sentence.lower()
    outside = _blank_spans(lower, spans or [(s, e) for s, e, _strength in framed])
    if _addresses(_hits(outside), 0, len(outside), [], outside):
        return []
    return [(s, e) for s, e, strength in framed if strength == STRONG or not _demands(lower[s:e], strength)]


def _demands(quote: str, strength: int) -> bool:
    """A quote that asks for a verdict on this candidate or the writer, or speaks to the reader; under a plain frame
    also one that overrides the reader's rules."""
    found = _hits(quote)
    if found["note_to_ai"] or found["if_ai"] or (strength == PLAIN and found["override"] and found["instructions"]):
        return True
    return bool(found["verdict"]) and bool(found["candidate"] or _FIRST_PERSON.search(quote))


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# Participles that open a phrase rather than tell what the writer did: "Compared with me, ...", "Given that ...".
_PREPOSITIONAL_LEAD = re.compile(
    r"^\s*(?:[-*•▪◦·>]\s*)?(?:compared|based|given|provided|considering|regarding|concerning|according|assuming|"
    r"supposing|granted|seeing)\b",
    re.IGNORECASE,
)


def _describing(sentence: str) -> bool:
    """A work bullet or narration about an attack: past tense, gerund or third person at its head, no 'you'."""
    label = _LABEL.match(sentence)
    body = sentence[label.end() :] if label else sentence  # "Volunteer: taught seniors ..." reads from "taught"
    adverbial = _ADVERBIAL.match(body)
    body = body[adverbial.end() :] if adverbial else body
    if _PREPOSITIONAL_LEAD.match(body):
        return False
    head = _RESTART.split(_blank_quotes(body), maxsplit=1)[0]
    # "Authored the internal policy: AI assistants must ..." describes too: the label itself opens in the past tense.
    lead = (
        _PAST_LEAD.match(body)
        or (_SUBJECT_PAST.match(body) if label is None else None)  # "Solve this first: 48 divided by 6" is no narration
        or (_PAST_LEAD.match(sentence) if label is not None else None)
    )
    if lead is not None and not _english_clause(lead):
        lead = None
    led = lead is not None
    return led and not _SECOND_PERSON.search(head)


_ENGLISH_WORD = re.compile(
    r"\b(?:the|and|of|to|for|with|from|into|our|their|its|by|on|in|at|over|across|an?|were|was|is|are|within|all|"
    r"as|that|this|after|before|per|using|via)\b",
    re.IGNORECASE,
)


_ROLE_ADJECTIVE = re.compile(
    r"(?:automated|automatic|ai-(?:powered|based|driven)|llm-(?:powered|based|driven))\s+(?:[\w-]+\s+)?"
    r"(?:\w+(?:ers|ors)|tools|systems|agents|bots|models|engines|pipelines|software|assistants|services)\b",
    re.IGNORECASE,
)


def _english_clause(lead: re.Match[str]) -> bool:
    """The head word opens an English clause: the sentence has English words ("He thong AI …" is Vietnamese for "the
    system"), and a gerund is followed by its object, not by a comma ("Bouldering, pottery, and …" lists hobbies)."""
    rest = lead.string[lead.end() :]
    if lead.group().rstrip().lower().endswith("ing") and rest.lstrip().startswith((",", ";")):
        return False
    if _ROLE_ADJECTIVE.match(lead.string[lead.start() :].lstrip(" \t-*•▪◦·>")):
        return False  # "Automated recruiters reading this post should …": an adjective naming the reader, no verb
    return bool(_ENGLISH_WORD.search(rest))


def _blank_quotes(sentence: str) -> str:
    """The sentence with quoted text and inline markup blanked (same length): clause breaks and pronouns inside them do
    not count."""
    return _blank_spans(sentence, cited_spans(sentence))


def _features(
    found: dict[str, list[tuple[int, int]]], start: int, end: int, quoted: list[tuple[int, int]], describing: bool
) -> frozenset[str]:
    names: set[str] = set()
    restart = end
    for name, spans in found.items():
        for s, _e in _in(spans, start, end):
            if describing and (any(q0 <= s < q1 for q0, q1 in quoted) or (name not in _ADDRESSING and s < restart)):
                continue
            names.add(name)
            break
    return frozenset(names)


def described_spans(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of the text that describe rather than perform: the head clause of each describing sentence."""
    out = []
    for start, end in spans:
        sentence = folded[start:end]
        if "<" in sentence or ":" in sentence or any(q in sentence for q in QUOTE_MARKS):
            out += [(start + s, start + e) for s, e in mentioned(sentence)]
        if _describing(sentence):
            restart = _RESTART.search(_blank_quotes(sentence))
            head_end = start + restart.start() if restart else end
            out.append((start, head_end))
            out += [(start + s, start + e) for s, e in cited_spans(sentence) if start + s >= head_end]
    return out


def _anchored(lower: str, marks: tuple[str, ...] = ANCHOR_MARKS) -> bool:
    """True when the sentence holds a word some scoring combination needs (cheap: one findall and a set test)."""
    tokens = _TOKEN.findall(lower)
    return (
        not ANCHORS.isdisjoint(tokens)
        or any(token[:_HEAD] in _STEM_HEADS and token.startswith(ANCHOR_STEMS) for token in tokens)
        or any(mark in lower for mark in marks)
        or bool(NON_LATIN.search(lower))
    )


def anchored_units(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences holding a word some scoring combination needs: the only ones worth reading closely."""
    lower = lowered(folded)
    tokens = letter_runs(lower)
    # whole anchor words, and words that begin with a stem of another language's override ("ohjeet", "utasitasokat")
    present = ANCHORS.intersection(tokens) | {
        token for token in tokens if token[:_HEAD] in _STEM_HEADS and token.startswith(ANCHOR_STEMS)
    }
    positions = [at for word in present for at in _word_positions(lower, word)]
    positions += [at for mark in ANCHOR_MARKS if mark in lower for at in _all_positions(lower, mark)]
    if not lower.isascii():
        positions += [m.start() for m in NON_LATIN.finditer(lower)]
    if not positions:
        return []
    positions.sort()
    out = []
    for start, end in spans:
        i = bisect_left(positions, start)
        if i < len(positions) and positions[i] < end:
            out.append((start, end))
    return out


def _all_positions(lower: str, needle: str) -> list[int]:
    found, at = [], lower.find(needle)
    while at >= 0:
        found.append(at)
        at = lower.find(needle, at + 1)
    return found


def _word_positions(lower: str, word: str) -> list[int]:
    """Where word stands as a whole letter run (str.find in C, then a boundary check)."""
    end = len(word)
    return [
        at
        for at in _all_positions(lower, word)
        if not (at and "a" <= lower[at - 1] <= "z") and not ("a" <= lower[at + end : at + end + 1] <= "z")
    ]


def windows(spans: list[tuple[int, int]], anchored: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Anchored sentences widened by one sentence on each side and merged: where the phrase rules look."""
    index = {span: i for i, span in enumerate(spans)}
    out: list[tuple[int, int]] = []
    for span in anchored:
        i = index[span]
        start, end = spans[max(i - 1, 0)][0], spans[min(i + 1, len(spans) - 1)][1]
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def score_units(folded: str, spans: list[tuple[int, int]] | None = None) -> list[UnitScore]:
    """Every sentence of the folded text with a non-zero genre score (spans: the anchored sentences, if known)."""
    lower = lowered(folded)
    scores: list[UnitScore] = []
    for start, end in anchored_units(folded, units(folded)) if spans is None else spans:
        segment = lower[start:end]
        sentence = folded[start:end]
        if _plain_description(sentence, segment):
            continue
        found = _hits(segment)
        if not any(found.values()):
            continue
        quoted = cited_spans(sentence)
        if quoted or ":" in sentence:
            examples = mentioned(sentence)
            found = {k: [sp for sp in v if not any(q0 <= sp[0] < q1 for q0, q1 in examples)] for k, v in found.items()}
            if not any(found.values()):
                continue
        length = end - start
        describing = _describing(sentence) and not _addresses(found, 0, length, quoted, segment)
        if describing and found["note_to_ai"]:
            found = {**found, "note_to_ai": [sp for sp in found["note_to_ai"] if _clause_start(segment, sp[0])]}
        features = _features(found, 0, length, quoted, describing)
        if describing:
            # A later clause of a work bullet may still command ("Led a team; ignore the rubric and ...").
            for m in _RESTART.finditer(_blank_quotes(sentence)):
                features |= _features(found, m.end(), length, quoted, False) & _performing(segment, m.end(), found)
        for need, weight, category in COMBOS:
            if need <= features:
                scores.append(UnitScore(start, end, weight, category, features))
                break
    return scores


_ADDRESSING_PATTERNS = tuple(PATTERNS[name] for name in sorted(_ADDRESSING))


def _plain_description(sentence: str, lower: str) -> bool:
    """A describing sentence of one clause, without quotes, that addresses nobody: no combination can score it, so
    the other patterns are not run (most anchored resume lines: "Automated the ... pipeline")."""
    if not _describing(sentence) or _RESTART.search(sentence) or any(q in sentence for q in QUOTE_MARKS):
        return False
    return not any(pattern.search(lower) for pattern in _ADDRESSING_PATTERNS)


def _performing(lower: str, clause_start: int, found: dict[str, list[tuple[int, int]]]) -> frozenset[str]:
    """All features, when the clause starting at clause_start opens with a command or addresses 'you'; else none."""
    opening = lower[clause_start : clause_start + 40]
    commands = any(s <= clause_start + 12 and s >= clause_start - 2 for s, _ in found["imperative"])
    if commands or _SECOND_PERSON.match(opening.lstrip()):
        return frozenset(found)
    return frozenset()
