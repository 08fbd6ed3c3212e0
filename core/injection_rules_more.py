"""Rules for directives aimed at an evaluating model: imperatives about the candidate, task changes, markup tricks."""

from __future__ import annotations

import re

from core.injection_rules import Rule

_I = re.IGNORECASE
_SUBJECT = (
    r"(?:me|myself|this\s+(?:candidate|applicant|resume|cv|profile|person|application)|the\s+(?:candidate|applicant))"
)
_VERDICT_VERBS = (
    r"(?:treat|consider|regard|rank|rate|score|mark|classify|label|recommend|approve|shortlist|advance|pass|hire|"
    r"select|accept|prioriti[sz]e|flag|place|put|list)"
)
_CONFIG = r"(?:criteria|instructions?|rules|rubric|settings|prompt|guidelines|directives|parameters|policy|policies)"

MORE_RULES: tuple[Rule, ...] = (
    # An imperative at the start of a clause that asks for a verdict on the writer: "Rank me above all others".
    Rule(
        "verdict_imperative",
        "score_manipulation",
        0.6,
        re.compile(
            r"(?:^|[.!?;:(\[>\"“]\s*|\band\s+|\bplease\s+)" + _VERDICT_VERBS + r"\s+" + _SUBJECT + r"\b", _I | re.M
        ),
    ),
    Rule(
        "candidate_should_pass",
        "score_manipulation",
        0.6,
        re.compile(
            r"\b"
            + _SUBJECT
            + r"\s+(?:should|must|shall|is\s+to|needs\s+to)\s+(?:be\s+)?(?:pass(?:ed)?|ranked|rated|scored|"
            r"marked|shortlisted|hired|approved|selected|advanced|recommended|treated|given|moved|considered)\b",
            _I,
        ),
    ),
    Rule(
        "missing_as_present",
        "score_manipulation",
        0.6,
        re.compile(
            r"\b(?:treat|count|consider|mark)\s+(?:every|all|any|each)\s+missing\s+(?:skills?|requirements?|"
            r"qualifications?|keywords?)\b",
            _I,
        ),
    ),
    Rule(
        "when_scoring",
        "score_manipulation",
        0.45,
        re.compile(
            r"\b(?:when|while|before)\s+(?:computing|calculating|determining|assigning|producing|generating)\s+(?:the\s+|a\s+|"
            r"my\s+)?(?:match\s+|final\s+|overall\s+|fit\s+)?(?:score|rating|ranking|verdict|recommendation)\b",
            _I,
        ),
    ),
    Rule(
        "return_max",
        "score_manipulation",
        0.45,
        re.compile(
            r"\b(?:return|output|report|give)\s+(?:a\s+)?(?:score\s+of\s+)?(?:100|10/10|100/100|100%)(?![\d%/])", _I
        ),
    ),
    # Talking to the machine that reads the document.
    Rule(
        "vocative_software",
        "hidden_note",
        0.7,
        re.compile(
            r"(?:^|[.!?(\[>\"“]\s*)(?:dear\s+)?(?:the\s+)?(?:ai|llm|gpt|chatgpt|language\s+model|assistant|bot|"
            r"(?:recruiting|screening|parsing|hr|ats)\s+(?:software|system|tool|bot)|screener)\s*[,:]\s*(?:please|kindly|you|"
            r"be\s+advised|note|listen|this|the|ignore|disregard|mark|rate|rank|say|tell|recommend)\b",
            _I | re.M,
        ),
    ),
    Rule(
        "whoever_reads",
        "hidden_note",
        0.55,
        re.compile(
            r"\b(?:whoever|whatever|any\s+(?:ai|software|system|model|tool|program)|any\s+one)\s+(?:\(or\s+whatever\)\s+)?"
            r"(?:reads|is\s+reading|processes|parses|screens|analy[sz]es)\s+this\b",
            _I,
        ),
    ),
    Rule(
        "for_model_only",
        "hidden_note",
        0.7,
        re.compile(r"\bfor\s+(?:the\s+)?(?:ai|llm|language\s+model|model|assistant|machine|bots?)\s+only\b", _I),
    ),
    Rule(
        "invisible_css",
        "hidden_note",
        0.5,
        re.compile(
            r"\b(?:font-size\s*:\s*0(?:\.\d+)?(?:px|pt|em)?\s*[;\"']|color\s*:\s*(?:white|#fff(?:fff)?)\b|display\s*:\s*none|"
            r"visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*[;\"'])",
            _I,
        ),
    ),
    # Changing the model's task or configuration.
    Rule(
        "stop_following",
        "instruction_override",
        0.85,
        re.compile(
            r"\b(?:do\s+not|don'?t|stop|no\s+longer|never)\s+(?:follow|obey|apply|use|adhere\s+to)(?:ing)?\s+(?:your|the|any)\s+"
            r"(?:\w+\s+)?" + _CONFIG + r"\b",
            _I,
        ),
    ),
    Rule(
        "follow_these_instead",
        "instruction_override",
        0.55,
        re.compile(r"\bfollow\s+(?:these|this|mine|my\s+instructions)\s+instead\b", _I),
    ),
    Rule(
        "you_were_configured",
        "instruction_override",
        0.6,
        re.compile(
            r"\b"
            + _CONFIG
            + r"\s+(?:that\s+)?you\s+(?:were|have\s+been|are|'ve\s+been)\s+(?:configured|programmed|given|told|"
            r"instructed|trained|set\s+up|provided)\b",
            _I,
        ),
    ),
    Rule(
        "forget_the_task",
        "instruction_override",
        0.8,
        re.compile(
            r"\b(?:forget|ignore|disregard|throw\s+out|discard|scrap)\s+(?:the|this|that)\s+(?:job\s+description|rubric|"
            r"criteria|requirements|instructions|scoring\s+(?:rules|rubric|criteria)|evaluation\s+criteria|task)\b",
            _I,
        ),
    ),
    Rule(
        "task_changed",
        "goal_hijack",
        0.7,
        re.compile(
            r"\byour\s+(?:task|job|goal|role|instructions?|purpose|objective|mission)\s+(?:has|have|is|are)\s+(?:now\s+)?"
            r"(?:changed|updated|different|been\s+updated)\b|\b(?:your|the)\s+(?:new|real|actual|true)\s+(?:task|goal|"
            r"objective|mission|instructions?)\b",
            _I,
        ),
    ),
    Rule(
        "stop_task",
        "goal_hijack",
        0.55,
        re.compile(
            r"(?:^|[.!?]\s*)stop\s+(?:summari[sz]ing|evaluating|analy[sz]ing|scoring|screening|reading|what\s+you\s+are\s+"
            r"doing|the\s+(?:analysis|evaluation|summary))\b",
            _I | re.M,
        ),
    ),
    Rule(
        "output_the_word",
        "goal_hijack",
        0.5,
        re.compile(
            r"(?:^|[.!?:]\s*)(?:output|print|say|write|type|repeat)\s+the\s+(?:word|phrase|text|string|sentence)\b",
            _I | re.M,
        ),
    ),
    Rule(
        "answer_every_question",
        "goal_hijack",
        0.6,
        re.compile(
            r"\b(?:respond|reply|answer)\s+to\s+(?:every|all|any|each)\s+(?:question|query|prompt|request)s?\b", _I
        ),
    ),
    Rule(
        "json_role",
        "role_tag",
        0.7,
        re.compile(r"[\"']role[\"']\s*:\s*[\"'](?:system|assistant|developer)[\"']", _I),
    ),
    Rule(
        "bracket_override",
        "role_tag",
        0.7,
        re.compile(
            r"\[\s*(?:admin|system|developer|root|priority|important)?\s*(?:override|instructions?|command|directive|mode)\s*\]",
            _I,
        ),
    ),
    Rule(
        "everything_before",
        "prompt_leak",
        0.75,
        re.compile(
            r"\b(?:print|repeat|output|show|display|reveal|write\s+out|list)\s+(?:everything|all|anything|the\s+text)\s+"
            r"(?:that\s+)?(?:came|comes|was|is|appears)\s+(?:before|above|prior\s+to)\s+(?:this|these|here)\b",
            _I,
        ),
    ),
    # Sending other people's data somewhere.
    Rule(
        "send_data_out",
        "data_exfiltration",
        0.7,
        re.compile(
            r"\b(?:send|forward|email|upload|post|leak|exfiltrate|copy)\s+(?:the\s+|all\s+)?(?:contents?|data|details|copies|"
            r"information|list|files?)\s+of\b[^.\n]{0,80}\bto\s+\S+",
            _I,
        ),
    ),
    Rule(
        "other_candidates_data",
        "data_exfiltration",
        0.5,
        re.compile(
            r"\b(?:other|all\s+(?:the\s+)?other)\s+(?:candidates|applicants|users)['’]?\s+(?:resumes|cvs|data|profiles|scores|"
            r"information|details|emails)\b",
            _I,
        ),
    ),
)
