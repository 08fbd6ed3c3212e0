"""Broader wordings of the same attacks: synonyms for cancelling instructions, asking for output, leaking the
prompt or fixing the verdict, so paraphrases that avoid the classic phrases still score."""

from __future__ import annotations

import re

from core.injection_rules import Rule

_I = re.IGNORECASE
_AI_TERM = (
    r"(?:ai|llm|gpt|chatgpt|language\s+model|model|assistant|bot|chatbot|screener|screening\s+(?:algorithm|system|"
    r"software|tool|bot)|automated\s+(?:screener|screening\s+\w+|reviewer|system|parser)|(?:resume|cv)\s+(?:parser|"
    r"screener)|recruit(?:er|ing)\s+(?:bot|ai|software)|(?:reviewer|screening|hr)\s+(?:bot|model)|ats|algorithm)"
)
_SUBJECT = r"(?:this|the)\s+(?:applicant|candidate|resume|cv|profile|application)"
_RULES_NOUN = r"(?:instructions?|directives?|rules|guidelines|guidance|criteria|prompts?|orders|rubric|requirements)"

PARAPHRASE_RULES: tuple[Rule, ...] = (
    Rule(
        "instructions_void",
        "instruction_override",
        0.8,
        re.compile(
            r"\b(?:previous|prior|earlier|above|all|any|your|the|these|existing|current|original|screening)\s+(?:\w+\s+)?"
            + _RULES_NOUN
            + r"\s+(?:are|is|have\s+been|has\s+been|were)\s+(?:now\s+)?(?:void|cancel+ed|revoked|superseded|obsolete|"
            r"invalid|outdated|replaced|withdrawn|null|no\s+longer\s+(?:valid|applicable|in\s+effect))\b|"
            r"\b(?:superseded|overridden|replaced|overruled)\s+by\s+(?:this|these|the\s+following)\b",
            _I,
        ),
    ),
    Rule(
        "cancel_instructions",
        "instruction_override",
        0.85,
        re.compile(
            # Only with "previous/earlier/original ..." or "your ...": "cancel all orders" or "abandon the rules of
            # grammar" are ordinary requests.
            r"\b(?:scratch|overlook|cancel|void|abandon|nullify|suspend)\s+(?:(?:all|any|the|of)\s+)*(?:(?:previous|prior|"
            r"earlier|above|existing|original|current|initial|usual|old)\s+(?:\w+\s+)?|your\s+(?:\w+\s+)?)(?:instructions?|"
            r"directives?|rules|guidelines|guidance|prompts?|criteria)\b",
            _I,
        ),
    ),
    Rule(
        "ignore_the_x",
        "instruction_override",
        0.8,
        re.compile(
            r"\b(?:ignore|disregard|forget|overlook|pay\s+no\s+attention\s+to)\s+(?:the|this|that|all|any|your)"
            r"\s+(?:\w+\s+)?(?:job\s+description|rubric|criteria|requirements|instructions|guidelines|guidance)\b",
            _I,
        ),
    ),
    Rule(
        "do_not_apply",
        "instruction_override",
        0.8,
        re.compile(
            r"\b(?:do\s+not|don'?t|never|stop)\s+(?:follow|obey|apply|use|enforce|adhere\s+to)(?:ing)?\s+(?:your|the|any)\s+"
            r"(?:\w+\s+){0,2}?" + _RULES_NOUN + r"\b",
            _I,
        ),
    ),
    Rule(
        "follow_this_document",
        "instruction_override",
        0.6,
        re.compile(r"\bfollow\s+only\s+(?:what\s+)?(?:this|the)\s+(?:resume|document|cv|text|note|line)\b", _I),
    ),
    Rule(
        "label_override",
        "role_tag",
        0.5,
        re.compile(
            r"^\W*(?:assessment|scoring|evaluation|system|admin|ranking|screening|security|developer)\s+(?:override|"
            r"instructions?)\s*:",
            _I | re.M,
        ),
    ),
    Rule(
        "bracket_note",
        "role_tag",
        0.7,
        re.compile(
            r"\[\s*(?:system|admin|developer|ai|assistant|model)\s+(?:note|message|update|notice|prompt)\s*\]", _I
        ),
    ),
    Rule(
        "for_the_ai",
        "hidden_note",
        0.7,
        re.compile(
            r"\b(?:for|to)\s+(?:any|all|every)\s+"
            + _AI_TERM
            + r"s?\s*[:,]|\b(?:for|to)\s+the\s+(?:ai|llm|language\s+model|screener|screening\s+\w+|automated\s+\w+|"
            r"(?:reviewer|recruiter|screening)\s+bot|ats)\s*:|\bthis\s+(?:sentence|line|note|text|"
            r"section|part|paragraph)\s+is\s+(?:only\s+)?(?:for|meant\s+for|addressed\s+to|written\s+for)\s+(?:the\s+|any\s+)?"
            + _AI_TERM,
            _I,
        ),
    ),
    Rule(
        "ai_is_reading",
        "hidden_note",
        0.7,
        re.compile(
            r"\b(?:if|when|whenever|while)\s+(?:an?\s+|the\s+|any\s+)?" + _AI_TERM + r"s?\s+(?:is|are)\s+(?:reading|"
            r"summari[sz]ing|processing|parsing|screening|reviewing|evaluating|scanning|analy[sz]ing)\s+this\b",
            _I,
        ),
    ),
    Rule(
        "free_from_policies",
        "jailbreak",
        0.45,
        re.compile(
            r"\bfree\s+(?:from|of)\s+(?:all\s+|any\s+)?(?:\w+\s+){0,2}?(?:policies|rules|restrictions|guidelines|filters|"
            r"guardrails)\b|\b(?:an?\s+)?(?:ai|assistant|model|bot)\s+without\s+(?:any\s+)?(?:restrictions|filters|rules|"
            r"limits|guardrails)\b",
            _I,
        ),
    ),
    Rule(
        "set_score_to",
        "score_manipulation",
        0.6,
        re.compile(
            r"\bset\s+(?:the\s+|my\s+)?(?:\w+\s+){0,2}?(?:score|rating|percentage|rank|ranking)\s+(?:for\s+(?:this|my)\s+"
            r"\w+\s+)?to\s+(?:100|10|the\s+maximum|max)\b",
            _I,
        ),
    ),
    Rule(
        "others_data",
        "data_exfiltration",
        0.5,
        re.compile(
            r"\b(?:names|emails|contact\s+details|phone\s+numbers|data|resumes|scores|salaries)\s+(?:and\s+\w+\s+)?of\s+"
            r"(?:all\s+)?(?:the\s+)?other\s+(?:candidates|applicants|users|employees)\b",
            _I,
        ),
    ),
    Rule(
        "what_you_were_told",
        "prompt_leak",
        0.6,
        re.compile(
            r"\bwhat\s+(?:the\s+developers?|your\s+(?:developers?|creators?|operators?)|the\s+system|openai)\s+"
            r"(?:told|instructed|asked)\s+you\b|\bword\s+for\s+word\b(?=[^.!?\n]{0,60}\b(?:prompt|instructions|told\s+you))",
            _I,
        ),
    ),
    Rule(
        "told_no_longer",
        "instruction_override",
        0.75,
        re.compile(
            r"\b(?:told|instructed|given|asked)\b[^.!?\n]{0,30}\b(?:no\s+longer\s+(?:matters?|applies|apply|counts?|holds?)|"
            r"(?:is|are)\s+(?:void|irrelevant|cancel+ed))\b",
            _I,
        ),
    ),
    Rule(
        "approve_this",
        "score_manipulation",
        0.45,
        re.compile(
            r"(?:^|[.!?;:(\[>\"“]\s*|\band\s+|\bplease\s+|\bsimply\s+|\bjust\s+)(?:approve|shortlist|hire|advance|"
            r"accept|select|prioriti[sz]e)\s+" + _SUBJECT + r"\b",
            _I | re.M,
        ),
    ),
    Rule(
        "special_mode",
        "jailbreak",
        0.8,
        re.compile(r"\b(?:DAN|STAN|DUDE|jailbreak|jailbroken)\s+mode\b", _I),
    ),
    Rule(
        "unrestricted_ai",
        "jailbreak",
        0.45,
        re.compile(
            r"\b(?:unrestricted|unfiltered|uncensored|jailbroken)\s+(?:\w+\s+)?(?:ai|assistant|model|chatbot|bot)\b",
            _I,
        ),
    ),
    Rule(
        "no_guidelines",
        "jailbreak",
        0.45,
        re.compile(
            r"\bwith\s+no\s+(?:guidelines|rules|restrictions|filters|limits|guardrails)\b|\bstay\s+in\s+character\b", _I
        ),
    ),
    Rule(
        "respond_with_quote",
        "goal_hijack",
        0.45,
        re.compile(
            r"(?:^|[.!?:;]\s*|\b(?:please|just|only|simply)\s+)(?:respond|reply|answer)\s+(?:only\s+)?(?:with\s+)?"
            r"[\"'“‘]|(?:^|[.!?]\s*)(?:write|say|print|output|type)\s+[\"'“‘][^\"'”’\n]{1,40}[\"'”’]",
            _I | re.M,
        ),
    ),
    Rule(
        "single_line",
        "goal_hijack",
        0.4,
        re.compile(
            r"\b(?:produce|output|return|write|print|give)\s+(?:only\s+)?(?:a\s+single|one|just\s+one|only\s+one)\s+"
            r"(?:line|word|sentence)\b",
            _I,
        ),
    ),
    Rule(
        "instead_of_task",
        "goal_hijack",
        0.45,
        re.compile(
            r"\binstead\s+of\s+(?:a\s+|the\s+|your\s+)?(?:summary|summari[sz]ing|evaluation|evaluating|analysis|"
            r"assessment|review|scoring)\b",
            _I,
        ),
    ),
    Rule(
        "no_reasoning",
        "goal_hijack",
        0.4,
        re.compile(
            r"\b(?:do\s+not|don'?t|never)\s+(?:explain|justify|give|provide|show)\s+(?:your\s+|any\s+)?(?:reasoning|reasons|"
            r"explanation|justification)\b",
            _I,
        ),
    ),
    Rule(
        "only_job_now",
        "goal_hijack",
        0.45,
        re.compile(
            r"\byour\s+(?:only|sole|single|one|new|real)\s+(?:job|task|goal|purpose|role|instruction|mission)\s+"
            r"(?:now\s+)?(?:is|will\s+be)\b",
            _I,
        ),
    ),
    Rule(
        "leak_your_prompt",
        "prompt_leak",
        0.8,
        re.compile(
            r"\b(?:print|printing|output|outputting|repeat|repeating|reveal|revealing|show|showing|quote|quoting|paste|"
            r"pasting|dump|dumping|display|displaying|append|appending|include|including)\b[^.!?\n]{0,40}?\b(?:your\s+"
            r"(?:\w+\s+)?(?:system\s+prompt|prompt|instructions|configuration|guidelines|rules)|the\s+(?:\w+\s+)?"
            r"(?:system\s+prompt|hidden\s+prompt|hidden\s+instructions))\b",
            _I,
        ),
    ),
    Rule(
        "to_your_answer",
        "goal_hijack",
        0.4,
        re.compile(
            r"\b(?:append|attach|add|include)\b[^.\n]{0,60}\bto\s+your\s+(?:answer|reply|response|output|summary)\b", _I
        ),
    ),
    Rule(
        "score_of_n",
        "score_manipulation",
        0.45,
        re.compile(
            r"\b(?:output|give|assign|return|report|set)\s+(?:a\s+|the\s+)?(?:match\s+|final\s+|overall\s+|fit\s+)?score\s+"
            r"of\s+\d{2,3}\b",
            _I,
        ),
    ),
    Rule(
        "no_matter_what",
        "score_manipulation",
        0.5,
        re.compile(
            r"\bno\s+matter\s+what\s+(?:the\s+)?(?:jd|job\s+description|requirements|instructions|rubric|criteria)\b",
            _I,
        ),
    ),
    Rule(
        "full_marks",
        "score_manipulation",
        0.45,
        re.compile(
            r"\b(?:give|award|assign)\s+(?:every|all|each|this|the|my)\b[^.\n]{0,40}?\b(?:full|maximum|top|perfect)\s+"
            r"(?:marks|score|points|rating)\b",
            _I,
        ),
    ),
    Rule(
        "appear_first",
        "score_manipulation",
        0.6,
        re.compile(
            r"\b"
            + _SUBJECT
            + r"\s+(?:should|must|will)\s+(?:always\s+)?(?:appear|be\s+(?:listed|ranked|placed|shown))\s+"
            r"(?:first|at\s+the\s+top|on\s+top|above)\b",
            _I,
        ),
    ),
    Rule(
        "verdict_assignment",
        "score_manipulation",
        0.5,
        re.compile(
            r"\b(?:candidate|applicant|verdict)\s*[=:]\s*(?:perfect|hire|approved|strong\s+hire|excellent|10/10|top)\b",
            _I,
        ),
    ),
)
