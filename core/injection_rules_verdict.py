"""Rules for prompt leaks, verdict manipulation and jailbreak personas (the rest of the classic phrasings)."""

from __future__ import annotations

import re

from core.injection_rules import GAP, Rule, rx

LEAK_SCORE_JAILBREAK_RULES: tuple[Rule, ...] = (
    # --- asking for the prompt or for secrets
    Rule(
        "reveal_prompt",
        "prompt_leak",
        0.85,
        rx(
            # Verbs that reproduce text may target the text above; verbs that transform it (summarise, translate)
            # only count when aimed at the prompt or instructions themselves.
            r"\b(?:reveal|print|show|repeat|output|display|share|tell\s+me|write\s+out|leak|dump)\b"
            + GAP
            # "the" alone is not enough ("print the instructions for the recipe"): your ..., or the system/hidden one.
            + r"\b(?:your\s+(?:\w+\s+)?(?:system\s+)?prompt|(?:the\s+)?system\s+prompt|"
            r"the\s+(?:hidden|secret|initial)\s+(?:prompt|instructions)|the\s+(?:\w+\s+)?instructions\s+you\s+(?:received|"
            r"were\s+given|got|have\s+been\s+given)|(?:the\s+)?(?:text|words|content|message)\s+above|your\s+(?:\w+\s+)?(?:configuration|"
            r"config|guidelines|rules|settings)|your\s+(?:initial|original|hidden|secret|previous|above|preceding)\s+"
            r"(?:instructions|prompt|rules|guidelines|text)|your\s+instructions)\b|"
            r"\b(?:spell[- ]check|summari[sz]e|translate|paraphrase)\b"
            + GAP
            + r"\b(?:(?:your|the)\s+(?:system\s+)?prompt|"
            r"(?:your|the)\s+(?:initial|original|hidden|secret|previous|preceding)\s+(?:instructions|prompt)|your\s+"
            r"instructions)\b|\bwhat\s+(?:is|are|were)\s+your\s+(?:\w+\s+)?(?:prompt|instructions|rules|guidelines)\b"
        ),
    ),
    Rule(
        "not_allowed_share",
        "prompt_leak",
        0.7,
        rx(r"\bwhat\s+(?:were|are)\s+you\s+(?:not\s+allowed|told\s+not|instructed|forbidden)\b"),
    ),
    Rule(
        "secrets",
        "data_exfiltration",
        0.8,
        rx(
            # Imperative only (clause start): "make models reveal secrets" in a red-team JD is a description.
            r"(?:^|[.!?;:\n]\s*|\b(?:please|now|then|and|also|just)\s+)(?:show|list|reveal|give|print|dump|send|output|display)"
            r"\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:user\s+)?"
            r"(?:passwords?|credentials|api\s+keys?|secrets|tokens|private\s+keys?)\b"
        ),
    ),
    # --- asking for a better score or verdict
    Rule(
        "award_score",
        "score_manipulation",
        0.8,
        rx(
            r"\b(?:rate|score|rank|grade|mark|evaluate|assess|classify|label|consider)\s+(?:this|the|me|him|her|them|my)?"
            r"\s*(?:candidate|applicant|resume|cv|profile|application)?\s*(?:as\s+(?:an?\s+|the\s+)?|at\s+|"
            r"with\s+(?:an?\s+)?)"
            r"(?:perfect|top|excellent|ideal|outstanding|exceptional|highest|maximum|strong(?:est)?|best|10|100|a\s+10|"
            r"5\s+stars)\b"
        ),
    ),
    Rule(
        "give_score",
        "score_manipulation",
        0.8,
        rx(
            r"\b(?:give|assign|award|grant)\s+(?:this\s+|the\s+)?(?:candidate|applicant|resume|me|him|her|them)?\s*"
            r"(?:a\s+|the\s+)?(?:(?:perfect|maximum|highest|top|full|100%?|10/10)\s*(?:score|rating|marks|points)?|"
            r"(?:score|rating)\s+of\s+(?:100|10|five|5)\b(?:\s*/\s*\d+)?)"
        ),
    ),
    Rule(
        "verdict_phrase",
        "score_manipulation",
        0.45,
        rx(
            r"\b(?:exceptional\s+match|perfect\s+(?:match|fit|candidate)|(?:10/10|100%)\s+(?:match|fit)|highly\s+recommended\s+for\s+(?:immediate\s+)?"
            r"(?:hire|hiring|interview)|interview\s+highly\s+recommended|most\s+qualified\s+(?:candidate|for\s+the\s+job)|"
            r"profile\s+exceeds\s+all\s+requirements|(?:hire|advance|shortlist)\s+(?:this|the)\s+candidate\s+"
            r"(?:immediately|now)|must\s+(?:be\s+)?(?:hired|shortlisted|interviewed))\b"
        ),
    ),
    Rule(
        "scoring_override",
        "score_manipulation",
        0.8,
        rx(
            r"\b(?:override|bypass|ignore)\s+(?:the\s+)?(?:manual\s+|automatic\s+|normal\s+)?(?:scoring|screening|"
            r"evaluation|ranking|assessment|filter(?:s|ing)?)\b|\bdon'?t\s+evaluate\s+the\s+candidate\b|"
            r"\bdo\s+not\s+(?:evaluate|assess|score|screen|penali[sz]e)\s+(?:the|this)\s+(?:candidate|applicant|resume)\b|"
            r"\bignore\s+(?:all\s+)?negative\b"
        ),
    ),
    Rule(
        "pre_verified",
        "score_manipulation",
        0.5,
        rx(r"\b(?:pre-?verified|pre-?approved|already\s+(?:been\s+)?(?:approved|verified|vetted))\s+by\b"),
    ),
    Rule(
        "use_this_to_evaluate",
        "score_manipulation",
        0.5,
        rx(r"\buse\s+this\s+(?:analysis|information|summary|assessment)\s+to\s+(?:evaluate|score|rank|assess)\b"),
    ),
    # --- jailbreak personas
    Rule(
        "persona_dan",
        "jailbreak",
        0.8,
        rx(
            r"\bdo\s+anything\s+now\b|\bdeveloper\s+mode\s+(?:enabled|on|output)|\benable\s+developer\s+mode\b|"
            r"\b(?:DAN|STAN|DUDE|AIM)\b(?=[^.\n]{0,60}\bstands\s+for\b)",
            re.IGNORECASE,
        ),
    ),
    Rule(
        "no_rules",
        "jailbreak",
        0.6,
        rx(
            r"\b(?:broken|break)\s+free\s+of\s+the\s+(?:typical\s+)?confines\b|\b(?:do\s+not|don'?t)\s+have\s+to\s+"
            r"abide\s+by\b|\bno\s+(?:filters|restrictions|limitations|censorship)\s+(?:or|and|whatsoever)\b|"
            r"\bwithout\s+(?:any\s+)?(?:ethical|moral|content|safety)\s+(?:restrictions|filters|guidelines|limits)\b|"
            r"\b(?:no\s+longer|not)\s+(?:bound|restricted|limited|constrained)\s+by\s+(?:any\s+|the\s+|your\s+|\w+'s\s+)?"
            r"(?:rules|policies|guidelines|restrictions|filters)\b"
        ),
    ),
    Rule(
        "roleplay_ai",
        "jailbreak",
        0.45,
        rx(
            r"\byou\s+are\s+(?:going|about)\s+to\s+(?:pretend|act|play|immerse|become|be)\b|"
            r"\b(?:pretend|act)\s+(?:to\s+be|as|like)\s+(?:an?\s+)?(?:unrestricted|unfiltered|evil|jailbroken|"
            r"different|another)\s+(?:ai|model|assistant|chatbot)\b|\bact\s+just\s+like\s+(?:DAN|STAN)\b"
        ),
    ),
    Rule(
        "two_responses",
        "jailbreak",
        0.35,
        rx(
            r"\banswer\s+my\s+prompts\s+in\s+two\s+(?:different\s+)?(?:separate\s+)?ways\b|\[(?:GPT|DAN|JAILBREAK)\]\s*:"
        ),
    ),
    Rule("chatgpt_vocative", "jailbreak", 0.3, rx(r"(?:^|[.!]\s*)(?:hello|hi|hey)[,\s]+(?:chatgpt|gpt-?\d?|claude)\b")),
)
