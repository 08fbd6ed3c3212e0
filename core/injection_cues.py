"""Sentence-level cue co-occurrence: catches paraphrased injections that no single phrase rule names.

A sentence is suspicious when it is aimed at the model (it names an AI/screener or the model's own
instructions) and at the same time tries to control it (override words, output commands, verdicts on
the candidate). Ordinary resume and JD sentences rarely do both, which keeps this quiet on them.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
# Who the sentence talks to or about: the reading machine, or its instructions.
_MODEL = re.compile(
    r"\b(?:ai|a\.i\.|llms?|gpt|chatgpt|claude|gemini|language\s+model|assistant|chatbot|bot|screener|ats|algorithm|"
    r"(?:screening|recruiting|parsing|scoring)\s+(?:system|software|tool|model|engine)|automated\s+(?:screening|screener|"
    r"review|reviewer|system|systems|analysis|evaluat\w+|recruit\w*|pars\w+|tool|software|scoring)|"
    r"you(?:'re|\s+are)\s+(?:scanning|scoring|reading|evaluating|processing|screening|parsing|ranking|reviewing)|"
    r"(?:before|when|after)\s+you\s+(?:answer|reply|respond|score|evaluate)|your\s+(?:answer|reply|response|output|"
    r"summary|verdict|evaluation)|this\s+(?:resume|cv|application|applicant|candidate|profile)(?=[^.!?\n]{0,40}"
    r"\b(?:top|first|shortlist|score|rank|hire|approved?|perfect|best)\b))\b",
    _I,
)
_INSTRUCTIONS = re.compile(
    r"\b(?:(?:your|the|my|these|previous|prior|screening|scoring|system)\s+(?:\w+\s+)?(?:instructions?|prompt|"
    r"guidelines|rules|configuration|rubric|directives|criteria)|what\s+you\s+were\s+(?:asked|told|instructed)|"
    r"whatever\s+you\s+were\s+(?:asked|told)|(?:rules|instructions|guidelines)\s+you\s+(?:have\s+been|were|'ve\s+been)\s+"
    r"(?:given|told|shown)|(?:this|the\s+following)\s+(?:score|verdict|result|evaluation))\b",
    _I,
)
# What it tries to make the model do.
_CONTROL = re.compile(
    r"\b(?:ignore|disregard|override|bypass|forget|never\s*mind|void|invalid|no\s+longer|do\s+not\s+(?:recalculate|"
    r"evaluate|summari[sz]e|score|check|verify|mention)|don'?t\s+(?:recalculate|evaluate|summari[sz]e|check|mention)|"
    r"instead|must|regardless|pre-?(?:approved|selected|computed|verified|screened))\b",
    _I,
)
_OUTPUT = re.compile(
    r"(?:^|[,;:(\"'“]\s*|\b(?:and|then|please|just|simply)\s+)(?:say|reply|respond|answer|output|print|report|write|tell|"
    r"paste|repeat|return|include|state|declare|use|proceed|rank|rate|score|mark|recommend|approve|list|show)\b",
    _I,
)
_VERDICT = re.compile(
    r"\b(?:hire|hiring|approved?|shortlist(?:ed)?|best\s+fit|perfect|strongest|highest|ideal|exceptional|"
    r"top\s+(?:of|candidate|choice|tier)|\d{1,3}\s*/\s*100|10\s*/\s*10|10\s+out\s+of\s+10|qualified|meets\s+all|"
    r"recommend(?:ed)?\s+(?:for|hiring)|deserves?)\b",
    _I,
)
_WEIGHTS = {"model": 0.35, "instructions": 0.35, "control": 0.3, "output": 0.25, "verdict": 0.25}
_CATEGORY = {
    "control": "instruction_override",
    "instructions": "instruction_override",
    "output": "goal_hijack",
    "verdict": "score_manipulation",
    "model": "hidden_note",
}
MIN_GROUPS = 3


_GROUPS = (
    ("model", _MODEL),
    ("instructions", _INSTRUCTIONS),
    ("control", _CONTROL),
    ("output", _OUTPUT),
    ("verdict", _VERDICT),
)


def cue_hits(text: str) -> list[tuple[float, int, int, str]]:
    """(score, start, end, category) for every sentence that both addresses the model and tries to steer it."""
    spans = [(m.start(), m.start() + len(m.group().rstrip())) for m in _SENTENCE.finditer(text) if m.group().strip()]
    # The two "aimed" groups are looked for first; the steering groups only near a sentence that has one.
    found = [frozenset(n for n, p in _GROUPS[:2] if p.search(text, s, e)) for s, e in spans]
    near = {j for i, groups in enumerate(found) if groups for j in (i - 1, i, i + 1)}
    found = [
        groups | frozenset(n for n, p in _GROUPS[2:] if p.search(text[s:e])) if i in near else groups
        for i, (groups, (s, e)) in enumerate(zip(found, spans, strict=True))
    ]
    hits: list[tuple[float, int, int, str]] = []
    # Each sentence with the one after it: an injection often names the model in one sentence and commands in the next.
    for i, (start, _) in enumerate(spans):
        j = min(i + 1, len(spans) - 1)
        groups = found[i] | found[j]
        aimed = groups & {"model", "instructions"}
        steering = groups & {"control", "output", "verdict"}
        if not aimed or not steering or len(groups) < MIN_GROUPS:
            continue
        remaining = 1.0
        for name in groups:
            remaining *= 1.0 - _WEIGHTS[name]
        category = _CATEGORY[max(steering, key=lambda g: _WEIGHTS[g])]
        hits.append((round(1.0 - remaining, 3), start, spans[j][1], category))
    return hits
