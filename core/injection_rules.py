"""The weighted rules of the injection detector: each names a hiding technique, a category and how telling it is."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One pattern: its category, its weight (how sure a single hit makes us, 0..1) and a short name."""

    name: str
    category: str
    weight: float
    pattern: re.Pattern[str]


def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a rule pattern, case-insensitive unless told otherwise."""
    return re.compile(pattern, flags)


GAP = r"[^.!?\n]{0,40}?"  # a few words on the same clause
_INSTR_NOUNS = (
    r"(?:instructions?|directions?|directives?|prompts?|commands?|orders|guidelines|rules|context|programming|"
    r"system\s+message|constraints|polic(?:y|ies)|guardrails|training|(?:negative\s+)?indicators|criteria|info(?:rmation)?|"
    r"snippets|documents?|text\s+above|messages?|scoring|evaluation|assessment|requirements|job\s+description|rubric)"
)
_IGNORE = (
    r"(?:ignor(?:e|es|ing)|disregard(?:s|ing)?|forget(?:s|ting)?|overrid(?:e|es|ing)|overrule|bypass(?:es|ing)?|skip|"
    r"discard|drop|neglect|set\s+aside|pay\s+no\s+attention\s+to)"
)
_BEFORE = r"(?:previous|prior|preceding|above|earlier|foregoing|former|original|initial|old|following|other|any|all)"
_AI = (
    r"(?:ai|a\.i\.|llm|llms|gpt|chatgpt|claude|gemini|copilot|language\s+model|ai\s+model|model|assistant|bot|chatbot|"
    r"automated\s+(?:screening|analysis|review|reviewer|system|systems|software|parser|tool|evaluator|recruiter)\w*|"
    r"ats|applicant\s+tracking\s+system|screening\s+(?:system|software|tool)|resume\s+(?:parser|screener)|"
    r"hiring\s+(?:ai|bot|algorithm)|(?:screening|reviewer|recruiting|hr|evaluation)\s+(?:bot|model)|(?:recruiting|screening|parsing|hr)\s+software|evaluation\s+model)"
)

RULES: tuple[Rule, ...] = (
    # --- overriding the instructions the model was given
    Rule(
        "ignore_previous",
        "instruction_override",
        0.9,
        # Only determiners may sit between the verb and "previous": "ignore any typos in my previous message" is
        # a person correcting themselves, "ignore any previous and following instructions" is not.
        rx(
            r"\b"
            + _IGNORE
            + r"\s+(?:(?:all|any|the|your|my|of|these|those|every)\s+){0,3}"
            + _BEFORE
            + r"(?:\s+(?:and|or|&)\s+"
            + _BEFORE
            + r")?\s+(?:[\w'-]+\s+){0,2}?"
            + _INSTR_NOUNS
            + r"\b"
        ),
    ),
    Rule(
        "ignore_prior_bare",
        "instruction_override",
        0.75,
        # bare: nothing after it, or a word that names no other thing ("ignore the previous draft" drops a draft)
        rx(
            r"\b"
            + _IGNORE
            + r"\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|preceding|above|earlier)\b"
            + r"(?!\s+(?!(?:and|or|ones?|text|content|lines?|parts?|sections?|paragraphs?|stuff|inputs?|words|"
            r"everything|points?|notes?|steps?|requests?|statements?)\b)[a-z]{2,})"
        ),
    ),
    Rule(
        "ignore_your",
        "instruction_override",
        0.85,
        rx(
            r"\b"
            + _IGNORE
            + r"\s+(?:all\s+(?:of\s+)?)?(?:your|my|these|those|the\s+system'?s?)\s+(?:\w+\s+){0,2}?"
            + _INSTR_NOUNS
        ),
    ),
    Rule(
        "ignore_them_instead",
        "instruction_override",
        0.75,
        rx(r"\b(?:ignore|disregard)\s+(?:them|it|this|that|those|everything)\b" + GAP + r"\binstead\b"),
    ),
    Rule(
        "new_instructions",
        "instruction_override",
        0.45,
        rx(
            r"\b(?:new|updated|real|actual|true|revised)\s+(?:instructions|directives|task|orders|system\s+prompt)\s*[:\-]"
        ),
    ),
    Rule("from_now_on", "instruction_override", 0.35, rx(r"\bfrom\s+now\s+on\b")),
    Rule(
        "forget_told",
        "instruction_override",
        0.8,
        rx(
            r"\b(?:forget|ignore|disregard)\s+(?:everything|anything|all|whatever)\s+(?:that\s+)?you\s+(?:were|have\s+been|"
            r"'ve\s+been|got)\s+(?:told|given|instructed|taught|asked)\b|\bfollow\s+only\s+(?:what|the\s+instructions)\s+"
            r"(?:I|we)\b"
        ),
    ),
    Rule(
        "regardless",
        "instruction_override",
        0.45,
        rx(
            r"\bregardless\s+of\s+(?:the\s+|your\s+|any\s+)?(?:job\s+description|requirements|instructions|rubric|"
            r"criteria|guidelines|rules|qualifications)\b"
        ),
    ),
    Rule(
        "do_not_deviate",
        "instruction_override",
        0.6,
        rx(
            r"\b(?:you\s+)?(?:may|must|should|can)\s*(?:not|n't)\s+deviate\b|\bdo\s+not\s+deviate\s+from\s+(?:this|these)\b"
        ),
    ),
    Rule("stop_everything", "instruction_override", 0.55, rx(r"\bstop\s+everything\b|\bnevermind\b[.!]*\s+ignore\b")),
    Rule(
        "focus_only_following",
        "instruction_override",
        0.6,
        rx(
            r"\bfocus\s+(?:only|exclusively|solely|entirely)\s+on\s+(?:the\s+)?(?:following|information\s+(?:in|between)|"
            r"positive)\b"
        ),
    ),
    Rule("this_is_a_test", "instruction_override", 0.3, rx(r"\bthis\s+is\s+(?:only\s+)?a\s+test\b[.!]")),
    # --- steering what the model outputs
    Rule(
        "reply_only",
        "goal_hijack",
        0.75,
        rx(
            r"\b(?:reply|respond|answer|output|print|say|write|return)\b"
            + GAP
            + r"\b(?:only\s+the\s+following|and\s+(?:absolutely\s+)?nothing\s+(?:else|more)|with\s+only\b|"
            r"only\s+with\b|verbatim)"
        ),
    ),
    Rule(
        "just_print",
        "goal_hijack",
        0.55,
        rx(
            r"\b(?:just|simply|only|instead)\s+(?:print|say|output|respond(?:\s+with)?|reply(?:\s+with)?|write|type|"
            r"answer(?:\s+with)?)\b" + r"\s*[:\"“']"
        ),
    ),
    Rule(
        "if_asked_respond",
        "goal_hijack",
        0.75,
        rx(
            r"\b(?:if|when|whenever)\s+(?:the\s+)?(?:user\s+)?(?:asks?|asked|prompted|queried)\b"
            + GAP
            + r"\b(?:respond|reply|answer|say|output|print|tell)\b"
        ),
    ),
    Rule(
        "provide_to_user",
        "goal_hijack",
        0.45,
        rx(r"\b(?:provide|give|show|tell)\s+(?:it|this|that)\s+to\s+the\s+user\b"),
    ),
    # --- fake role tags, turn markers and separators
    Rule(
        "bracket_role",
        "role_tag",
        0.7,
        rx(
            r"\[\s*/?\s*(?:system|assistant|inst|sys|admin|developer|user)\s*\]|<<\s*/?sys\s*>>|"
            r"<\|\s*(?:im_start|im_end|system|assistant|user|endoftext)\s*\|?>|<\s*/?\s*(?:instructions?|prompt|directive|admin|"
            r"override|system[_-]\w+)\s*>|</?\s*(?:system|assistant)\s*>"
        ),
    ),
    Rule(
        "line_role",
        "role_tag",
        0.45,
        rx(
            r"^[ \t>#*]*(?:system|assistant|ai|developer)\s*(?:prompt|message|note|override)?\s*:", re.IGNORECASE | re.M
        ),
    ),
    Rule("user_turn", "role_tag", 0.25, rx(r"^[ \t>]*(?:user|human)\s*:", re.IGNORECASE | re.M)),
    Rule(
        "session_marker",
        "role_tag",
        0.45,
        rx(
            r"<\s*(?:end\s+of\s+(?:session|document|resume|prompt|input)|/?\s*(?:rest-of-document|endoftext))\s*>|"
            r"\[\s*(?:rest[- ]of[- ]document|end\s+of\s+(?:document|resume|input))\s*\]|"
            r"</\s*(?:resume|cv|document|context|input|data|user_input)\s*>\s*\n?\s*<\s*[a-z_]+\s*>"
        ),
    ),
    Rule(
        "end_of_document",
        "role_tag",
        0.4,
        rx(r"\bend\s+of\s+(?:the\s+)?(?:resume|cv|document|input|prompt|context|candidate\s+data)\s*[.!:]"),
    ),
    Rule(
        "system_header",
        "role_tag",
        0.5,
        rx(
            r"^\s*#{1,6}\s*(?:system|instructions?|admin|override|note|assistant|user|ai|developer)\s*$",
            re.IGNORECASE | re.M,
        ),
    ),
    Rule(
        "system_claim",
        "role_tag",
        0.45,
        rx(
            r"(?<!\ba\s)(?<!\ban\s)\bsystem\s+(?:chain\s+of\s+thought|override|instruction|prompt\s+update|notice)\b|"
            r"\bsystem\s+message\s*:"
        ),
    ),
    Rule("separator", "role_tag", 0.1, rx(r"^\s*(?:-{4,}|={4,}|\*{4,}|_{4,}|#{4,})\s*$", re.M)),
    # --- notes aimed at the model, hidden from the human reader
    Rule(
        "note_to_ai",
        "hidden_note",
        0.85,
        rx(
            r"\b(?:note|message|instructions?|memo|attention|reminder|text|comment|section|info)\s+(?:to|for)\s+"
            r"(?:the\s+|any\s+|all\s+)?" + _AI + r"\b"
        ),
    ),
    Rule(
        "addressing_ai",
        "hidden_note",
        0.6,
        rx(
            r"(?:^|[.!?:]\s+)(?:hey|hello|hi)[,\s]+(?:the\s+)?" + _AI + r"\b|"
            # "Dear Model Railway Club": a capitalised word that is no role after it makes the AI word part of a name
            r"\b(?:dear|attention|psst)[,\s]+(?:the\s+|any\s+)?" + _AI + r"\b(?!\s+(?!(?:screener|reviewer|evaluator|"
            r"assistant|recruiter|reader|system|tool|bot|model|parser|grader)s?\b)(?-i:[A-Z])[a-z]+)|"
            r"(?:^|<!--|[.!?]\s)\s*(?:" + _AI + r")(?:\s+(?:reviewer|screener|recruiter|evaluator|reader))?\s*:|"
            r"\bif\s+you\s+are\s+(?:scoring|screening|evaluating|reviewing|ranking|parsing|processing|reading)\s+"
            r"(?:this|these|resumes|candidates|applications|cvs|applicants)\b|"
            r"\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|llm|large\s+language\s+model|language\s+model|automated|bot|"
            r"chatbot|gpt|assistant|machine)\b"
            # "if you are an AI enthusiast": AI as a modifier names a person, not the reader
            r"(?![\s-]+(?:enthusiast|engineer|researcher|developer|expert|fan|professional|practitioner|specialist|"
            r"startup|compan(?:y|ie)|team|lover|nerd|geek|buff|native|leader|product|ethicist|scientist|builder|founder|"
            r"skill|background|experience|learning)s?\b)",
            re.IGNORECASE | re.M,
        ),
    ),
    Rule(
        "ai_reading_this",
        "hidden_note",
        0.6,
        rx(r"\b" + _AI + r"s?\s+(?:reading|parsing|screening|reviewing|processing)\s+this\b"),
    ),
    Rule(
        "hidden_text",
        "hidden_note",
        0.3,  # naming the topic ("hidden text") is what a security resume or JD does; it supports, never decides
        rx(
            r"\b(?:hidden|invisible|white[- ]?(?:text|font|on[- ]white)|tiny\s+font|zero[- ]width)\b"
            + GAP
            + r"\b(?:text|metadata|instructions?|notes?|profile|messages?|content|prompts?)\b|"
            r"\bvisible\s+(?:only\s+)?to\s+"
            r"(?:the\s+)?" + _AI
        ),
    ),
    Rule(
        "for_automated",
        "hidden_note",
        0.4,
        rx(r"\bfor\s+(?:automated|ai|llm)\s+(?:screening|analysis|review|systems?|reviewers?|parsers?)\b"),
    ),
    Rule("html_comment", "hidden_note", 0.3, rx(r"<!--[\s\S]{0,600}?-->")),
    Rule(
        "keep_secret",
        "hidden_note",
        0.45,
        rx(
            r"\b(?:do\s+not|don'?t|never)\s+(?:mention|reveal|disclose|reference|acknowledge)\s+(?:this|these)\s+"
            r"(?:note|instructions?|message|text|comment)\b"
        ),
    ),
)
