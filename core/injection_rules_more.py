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
            # A verdict must follow: "Consider me for senior roles" is an objective statement, "rank me above all
            # other applicants" is not.
            r"(?:^|[.!?;:(\[>\"“]\s*|\band\s+|\bplease\s+)"
            + _VERDICT_VERBS
            + r"\s+"
            + _SUBJECT
            + r"\s+(?:as\b|above\b|"
            r"first\b|highly\b|top\b|#1|number\s+one\b|qualified\b|perfect\b|excellent\b|strong\b|an?\s+(?:perfect|"
            r"top|strong|excellent|ideal|great|exceptional)\b|the\s+(?:best|top|ideal|strongest|perfect)\b|for\s+(?:an?\s+)?"
            r"(?:interview|hire|hiring|the\s+(?:role|job|position))\b|to\s+the\s+(?:next|final)\b)",
            _I | re.M,
        ),
    ),
    Rule(
        "candidate_should_pass",
        "score_manipulation",
        0.6,
        re.compile(
            r"\b"
            + _SUBJECT
            + r"\s+(?:should|must|shall|is\s+to|needs\s+to)\s+(?:always\s+)?(?:be\s+)?(?:pass(?:ed)?|ranked|rated|"
            r"scored|marked|shortlisted|hired|approved|selected|advanced|recommended|"
            r"(?:receive|get|earn)\s+(?:the\s+|a\s+)?(?:top|highest|maximum|perfect|best|full))\b",
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
        "skills_as_matched",
        "score_manipulation",
        0.65,
        re.compile(
            r"\b(?:treat|count|consider|mark|report|list)\s+(?:every|all|any|each)\s+(?:missing\s+|required\s+|listed\s+|"
            r"mandatory\s+|key\s+|must-have\s+)?(?:skills?|requirements?|qualifications?|keywords?)\s+(?:as\s+)?(?:matched|"
            r"present|met|satisfied|fulfilled|found)\b",
            _I,
        ),
    ),
    Rule(
        "ends_up_top",
        "score_manipulation",
        0.6,
        re.compile(
            r"\b(?:this|my)\s+(?:resume|cv|application|profile)\s+(?:ends?\s+up|is\s+placed|gets\s+placed|lands?|goes|"
            r"appears|is\s+ranked)\s+(?:at\s+)?(?:the\s+)?(?:top|first|#1|number\s+one)\b",
            _I,
        ),
    ),
    Rule(
        "the_score_is",
        "score_manipulation",
        0.6,
        re.compile(
            r"\b(?:correct|real|true|actual|final|right)\s+(?:ats\s+|match\s+|overall\s+|fit\s+)?(?:score|rating)\s+"
            r"(?:for\s+(?:this|the|my)\s+(?:resume|cv|candidate|applicant|application)\s+)?(?:is|=|should\s+be)\b",
            _I,
        ),
    ),
    Rule(
        "deserves_top",
        "score_manipulation",
        0.45,
        re.compile(
            r"\bdeserves?\s+(?:the\s+|a\s+)?(?:highest|top|maximum|perfect|best|full)\s+(?:score|rating|rank|marks)\b",
            _I,
        ),
    ),
    Rule(
        "rules_do_not_apply",
        "instruction_override",
        0.75,
        re.compile(
            r"\b(?:rules|instructions|criteria|requirements|guidelines|rubric|scoring)\s+(?:above\s+|below\s+)?(?:do\s+not|"
            r"don'?t|no\s+longer|shall\s+not|does\s+not)\s+apply\b",
            _I,
        ),
    ),
    Rule(
        "ignore_everything_above",
        "instruction_override",
        0.8,
        re.compile(
            r"\b(?:ignore|disregard|forget|skip)\s+(?:everything|anything|all|whatever|what)\s+(?:(?:is|was|came|written|"
            r"stated|said|that\s+came)\s+)?(?:above|before|earlier|previously|prior)\b",
            _I,
        ),
    ),
    Rule(
        "only_ai_sees",
        "hidden_note",
        0.7,
        re.compile(
            r"\b(?:only\s+(?:the\s+)?(?:ai|llm|model|bots?|machines?|ats|software)\s+(?:can|will|could)\s+(?:see|read)|"
            r"written\s+in\s+(?:white|invisible|hidden|tiny)\s+(?:font|text|ink))\b",
            _I,
        ),
    ),
    Rule(
        "in_your_reply",
        "goal_hijack",
        0.4,
        re.compile(
            r"\b(?:include|add|append|insert|mention|put)\b[^.\n]{0,80}\bin\s+your\s+(?:reply|response|answer|output|"
            r"summary|report)\b",
            _I,
        ),
    ),
    Rule(
        "do_not_summarise",
        "goal_hijack",
        0.4,
        re.compile(
            r"\b(?:do\s+not|don'?t)\s+(?:summari[sz]e|analy[sz]e|evaluate|review|read)\s+(?:this|the)\s+(?:document|text|"
            r"resume|cv|article|page)\b",
            _I,
        ),
    ),
    Rule(
        "line_label_override",
        "instruction_override",
        0.5,
        re.compile(r"^[ \t>#*\[]*(?:override|important\s+instructions?|new\s+instructions?)\s*[:\]]", _I | re.M),
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
        0.4,
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
            r"(?:changed|updated|different|been\s+updated)\b|\byour\s+(?:real|actual|true)\s+(?:task|goal|"
            r"objective|mission|instructions?)\b|\bthe\s+(?:real|actual|true)\s+(?:task|goal|objective|mission|"
            r"instructions?)\s+(?:is|are)\b",
            _I,
        ),
    ),
    Rule(
        "stop_task",
        "goal_hijack",
        0.4,
        re.compile(
            r"(?:^|[.!?]\s*)stop\s+(?:summari[sz]ing|evaluating|analy[sz]ing|scoring|screening|reading|what\s+you\s+are\s+"
            r"doing|the\s+(?:analysis|evaluation|summary))\b",
            _I | re.M,
        ),
    ),
    Rule(
        "output_the_word",
        "goal_hijack",
        0.4,
        re.compile(
            r"(?:^|[.!?:]\s*)(?:output|print|say|write|type|repeat)\s+the\s+(?:word|phrase|text|string|sentence)\b",
            _I | re.M,
        ),
    ),
    Rule(
        "answer_every_question",
        "goal_hijack",
        0.4,
        re.compile(
            r"\b(?:respond|reply|answer)\s+to\s+(?:every|all|any|each)\s+(?:question|query|prompt|request)s?\b", _I
        ),
    ),
    Rule(
        "json_role",
        "role_tag",
        0.45,
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
