# ruff: noqa: RUF001  (words of other scripts)
"""Attack classes the first seven red-team rounds kept finding in new words, as patterns of the class (issue 16).

Each pattern names a *shape* of text that addresses the reader, not a phrase seen in a round:
- the reader named by its work on this text ("software processing this file", "helpers drafting applications for
  this role", "any non-human reader"), and a condition on the document being machine-read ("if this page is parsed
  automatically", "if nobody but a machine is reading");
- a rule that ranks a group of other people down: a protected or irrelevant attribute (age, sex, origin, parental
  leave, career breaks, …) with a ranking outcome ("scored lower", "filtered out", "at the bottom of any shortlist"),
  or "every other applicant" put below this one;
- a hiding container around the text (CSS that hides, `<div hidden>`, `[hidden]`, an HTML comment);
- a relay frame: the reader's report to the person it serves ("when you write to the recruiter", "in your summary
  for the hiring manager");
- a hint to decode and obey (a transformation verb, then follow / obey / comply / act on);
- code whose statements set this candidate's verdict or branch on the reader being a model;
- a claimed pipeline status that skips the checks or fixes the outcome ("verification: skip", "fallback: assign");
- a hypothetical that removes the reader's rules ("suppose the requirements did not exist").
Patterns run on folded, lower-cased text (core/injection_genre.py). Names of the reading system in languages the
lexicon does not spell out are in READER below (same conventions as core/injection_languages.py).
"""

from __future__ import annotations

from core.injection_languages import _entries, _pattern

# --- the reader named by its work on this text (joins the lexicon's names for the AI)
READER_EN = (
    r"non[\s-]?human\s+(?:readers?|reviewers?|screeners?|eyes|systems?|processors?)|"
    r"machine\s+(?:readers?|reviewers?|screeners?)|"
    r"(?:application|resume|cv|cover[\s-]letter|writing|drafting|tailoring|job[\s-]application|virtual|chat)[\s-]+"
    r"(?:helpers?|generators?|aids?|copilots?)|"
    r"(?:application|resume|cv|cover[\s-]letter|drafting|tailoring)[\s-]+assistants?|"
    r"(?:helpers?|assistants?|tools?|software|programs?|systems?|machines?|bots?|models?|generators?|scripts?|agents?|"
    r"readers?)\s+(?:that\s+|which\s+)?(?:(?:is|are)\s+)?(?:reads?|reading|parses?|parsing|process(?:es|ing)?|screens?|"
    r"screening|rewrites?|rewriting|drafts?|drafting|tailors?|tailoring|summari[sz](?:es|ing)|assists?|assisting|"
    r"helps?|helping|works?\s+on|working\s+on|handles?|handling)\s+(?:this|these|my|the\s+(?:applicants?|candidates?|"
    r"resumes?|application|posting|job|role)|applicants?|candidates?|resumes?|cvs?|applications?|job\s+seekers?)"
)
# "if this page is processed by software", "in the event this resume is screened automatically", "if nobody but a
# machine is reading"
IF_MACHINE_READ = (
    r"\b(?:if|when|whenever|should|in\s+case|in\s+the\s+event)\b[^.\n]{0,30}?\b(?:this|the|my)\s+(?:document|resume|cv|"
    r"file|page|text|application|profile|posting|listing|submission)\s+(?:is\s+|gets\s+|be\s+|was\s+)?(?:being\s+)?"
    r"(?:read|processed|parsed|screened|handled|scanned|evaluated|reviewed|ingested|analy[sz]ed|summari[sz]ed|ranked|"
    r"scored)\s+(?:(?:or|and|and/or)\s+\w+ed\s+)?(?:by\s+(?:an?\s+|the\s+|any\s+|some\s+)?(?:\w+\s+)?(?:software|program|"
    r"machine|script|system|tool|model|computer|algorithm|bot|chatbot|ai|llm|parser|process|assistant|agent|screener|"
    r"engine|copilot|reader)|automatically|by\s+machine|electronically)|"
    r"\b(?:if|when|in\s+case|should)\s+(?:no|nobody|no\s+one|not\s+a)\s*(?:human|person|people|one)?\s+(?:\w+\s+)?"
    r"(?:is\s+|are\s+)?(?:reading|reviewing|looking\s+at|checking)\b"
)

# --- rules that rank a group down
_PROTECTED = (
    r"(?:over\s+(?:forty|fifty|sixty|[4-6]\d)|older|younger|aged\s+\d\d|born\s+(?:before|after|in)\s+\d|"
    r"graduated\s+before|women|woman|female|females|males?|mothers?|fathers?|pregnan\w*|maternity|paternity|"
    r"parental[\s-]leave|career[\s-]breaks?|(?:employment|career|cv|resume)\s+gaps?|foreign[\s-](?:origin|names?|"
    r"sounding|born|accents?)|immigrants?|accents?|names?\s+(?:that\s+)?(?:suggest|sound|look)|nationalit\w+|"
    r"ethnic\w*|race|racial|religio\w+|muslims?|christians?|jews|jewish|hindus?|disabilit\w+|disabled|wheelchair|"
    r"trade\s+unions?|union\s+members?|veterans?|postcodes?|zip\s+codes?|neighbou?rhoods?|married|single\s+parents?|"
    r"lgbt\w*|gay|transgender|non-?native|bootcamps?|state\s+schools?|community\s+colleges?)"
)
_OUTCOME = (
    r"(?:(?:rank|ranked|place|placed|put|move|moved|score|scored|rate|rated|mark|marked|list|listed|sort|sorted|push|"
    r"pushed)\s+(?:\w+\s+){0,4}?(?:lower|below|down|last|behind|at\s+the\s+(?:end|bottom)|to\s+the\s+(?:end|bottom))|"
    r"(?:filter(?:ed)?|screen(?:ed)?|weed(?:ed)?|knock(?:ed)?)\s+(?:\w+\s+)?out|exclude[ds]?|reject(?:ed)?|"
    r"de-?prioriti[sz]e[ds]?|penali[sz]e[ds]?|mark(?:ed)?\s+down|downgrade[ds]?|down-?rank(?:ed)?|disqualif\w+|"
    r"discount(?:ed)?|lower\s+(?:marks?|scores?|ratings?|rank\w*|priority)|(?:points?|marks?)\s+(?:lower|less|off)|"
    r"(?:belong|go|goes|sit)\s+at\s+the\s+(?:end|bottom)|at\s+the\s+(?:end|bottom)\s+of\s+(?:the|any|every|your|each)\s+"
    r"(?:list|shortlist|ranking|pile|queue|stack))"
)
BIAS_RULE = (
    r"\b" + _PROTECTED + r"\b[^.;\n]{0,80}?\b" + _OUTCOME + r"|\b" + _OUTCOME + r"\b[^.;\n]{0,60}?\b" + _PROTECTED
)
RANK_OTHERS = (
    r"\b(?:(?:every|all|any|each)\s+other\s+(?:applicants?|candidates?|profiles?|people|persons?|resumes?|cvs?)|"
    r"(?:the\s+)?(?:remaining|rest\s+of\s+the|other)\s+(?:applicants?|candidates?|profiles?)|anyone\s+else|all\s+others)\b"
    r"[^.\n]{0,60}?(?:\b" + _OUTCOME + r"|\b(?:below|beneath|behind|under)\s+(?:this\s+one|me|mine|this\s+(?:candidate|"
    r"applicant|profile)))"
)
# A negation before the outcome makes a fair-hiring notice of it: "no applicant will be ranked lower for a gap".
BIAS_NEGATED = r"\b(?:not|never|no|nobody|regardless|irrespective|without\s+regard|does\s*n[o']t|will\s*n[o']t|won't)\b"

# --- a container that hides its text from the human reader
HIDDEN_SPAN = (
    r"<\s*(?:span|div|p|font|td|section|small|mark)\b[^>\n]{0,80}?(?:display\s*:\s*none|visibility\s*:\s*hidden|"
    r"font-size\s*:\s*0|color\s*:\s*(?:white|#fff(?:fff)?)\b|opacity\s*:\s*0|\bhidden\b|aria-hidden)[^>\n]*>|"
    r"\[\s*(?:hidden|invisible|white\s+(?:text|font|on\s+white)|tiny\s+font|zero[\s-]width|font[\s-]size\s*0|"
    r"not\s+(?:shown|visible|displayed))\s*\]|<!--"
)

# --- the reader's report to the person it serves, as the frame of a request
_PRINCIPAL = (
    r"(?:the\s+|your\s+|my\s+)?(?:recruiters?|hiring\s+(?:managers?|team|panel|committee|lead)|employers?|interviewers?|"
    r"committee|panel|hr\s+team|talent\s+team|decision[\s-]?makers?|people\s+(?:who|that)\s+(?:decide|hire|review))"
)
RELAY_FRAME = (
    r"\b(?:when|once|as|after|whenever)\s+you\s+(?:write|report|reply|respond|talk|speak|send\s+\w+|summari[sz]e\s+\w+|"
    r"pass\s+\w+\s+on|hand\s+\w+\s+over)\s+(?:back\s+)?(?:to|for|with)\s+" + _PRINCIPAL + r"|"
    r"\b(?:when|once|as|after|whenever)\s+you\s+(?:brief|update|advise|inform|contact|email|message)\s+"
    + _PRINCIPAL
    + r"|"
    r"\bin\s+(?:your|the)\s+(?:summary|note|report|message|e-?mail|write-?up|brief(?:ing)?|recommendation|feedback|"
    r"hand-?off)\s+(?:(?:that\s+)?you\s+(?:send|write|give|prepare|pass)\s+)?(?:to|for)\s+" + _PRINCIPAL + r"|"
    r"\b(?:let|tell|inform|notify|remind)\s+(?:whoever|anyone\s+who)\s+(?:\w+\s+){0,3}?(?:decides|reviews|reads|makes|"
    r"hires|approves|signs|checks)\b"
)

# --- a hint to decode a blob and do what it says
DECODE_HINT = (
    r"\b(?:decode|decipher|decrypt|unscramble|convert|translate|shift|rotate|mirror|reverse|flip|binary|morse|decimal|"
    r"ascii|base\s?64|hex|rot-?13|cipher|read\s+(?:it|this|these|them|the\s+\w+)?\s*(?:backwards?|in\s+reverse|"
    r"right\s+to\s+left|from\s+the\s+end))\b[^.\n]{0,60}?(?:\b(?:and|then)\s+|[,:;]\s*|\bto\s+)(?:then\s+)?"
    r"(?:follow|obey|comply|carry\s+(?:it\s+|them\s+)?out|execute|act\s+(?:on|upon)|do\s+(?:what|as)\s+(?:it|they)\s+"
    r"says?|do\s+it|apply|implement|perform)\b"
)

# --- code that sets this candidate's verdict, or branches on the reader being a model
CODE_VERDICT = (
    r"\b(?:candidate|applicant|resume|cv|profile|application|submission|self|me)s?\s*(?:\.|\[\s*['\"]|->|::)\s*\w*"
    r"(?:score|rank|rating|status|stage|match|verdict|decision|fit|grade|result|shortlist|hired?|approved?)\w*['\"]?"
    r"\s*\]?\s*(?:={1,3}|:=|<-)|"
    r"\bupdate\s+\w*(?:candidate|applicant|application|resume|profile|screening|shortlist)\w*\s+set\b|"
    r"\bset\s+(?:the\s+)?(?:verdict|score|rank|rating|decision|outcome|recommendation)\s*(?::=|=)|"
    r"\bif\s*\(?\s*(?:reader|llm|model|ai|bot|assistant|agent|gpt)\s*[._]\s*(?:is_?)?(?:ai|llm|bot|model|reading|reads|"
    r"active|machine|human)\b|\b(?:is_?ai|is_?llm|isai|isllm|is_?bot|is_machine|model_reads?|llm_reads?|ai_reads?)\b|"
    r"\bskip\w*(?:checks?|validation|verification|screening|review)\s*\("
)

# --- a pipeline status that skips the checks or fixes the outcome
SKIP_CHECKS = (
    r"\b(?:checks?|verification|validation|screening|evaluation|review|background\s+check|step|steps)\s+(?:(?:was|were|"
    r"is|are|has\s+been|have\s+been)\s+)?(?:bypassed|skipped|disabled|waived|turned\s+off|switched\s+off|not\s+required|"
    r"no\s+longer\s+required)\b|"
    r"\b(?:verification|validation|screening|review|checks?)(?:\s+step)?\s*:\s*(?:skip(?:ped)?|none|n/?a|off|bypass(?:ed)?|"
    r"disabled|waived)\b|"
    r"\b(?:fallback|default)(?:\s+(?:rule|mode|action|behaviou?r|policy|path))?\s*(?:engaged|applied|active|enabled)?"
    r"\s*[:\-–]\s*(?:\w+\s+){0,2}?(?:assign|mark|treat|set|score|rate|output|advance|approve|return|use)\b|"
    r"\b(?:score|rating|rank|verdict|decision)\s*:?\s*(?:is\s+)?(?:locked|fixed|pinned|frozen)\b|"
    r"\bdo\s+not\s+re-?(?:evaluate|assess|score|check|verify|calculate|rank|review)\b"
)
STATUS_LINE = (
    r"(?:^|\n)[ \t]*(?:\[|<<?|#{1,3}[ \t]*|\*\*)[ \t]*(?:system|sys|parser|pipeline|ats|screening|validation|"
    r"verification|hr[\s-]?ops|admin|error|warning|notice|status|log|debug)\b[^\]\n>]{0,40}(?:\]|>>?|:)"
)

# --- a hypothetical that removes the reader's rules
_HYPO_LEAD = (
    r"\b(?:suppose|supposing|imagine|picture|pretend|assume|assuming|let'?s\s+say|let\s+us\s+say|hypothetically|"
    r"what\s+if|in\s+an?\s+(?:alternate|alternative|parallel|hypothetical|imaginary)\s+(?:world|universe|version|"
    r"scenario|reality)|in\s+a\s+world\s+(?:where|with|without))\b"
)
_RULE_NOUN = (
    r"(?:requirements?|criteria|criterion|rubric|rules|guidelines|instructions|checks|qualifications?|screening|"
    r"gaps?|policy|policies|thresholds?)"
)
_RULES_GONE = (
    r"\b" + _RULE_NOUN + r"\b[^.;\n]{0,40}?\b(?:did\s*n[o']t|does\s*n[o']t|do\s*n[o']t|were\s*n[o']t|was\s*n[o']t|"
    r"are\s*n[o']t|is\s*n[o']t|not|never)\s+(?:\w+\s+)?(?:exist|count|apply|matter)|"
    r"\b"
    + _RULE_NOUN
    + r"\b[^.;\n]{0,30}?\b(?:were|was|are|is|had|have)\s+(?:\w+\s+)?(?:optional|waived|removed|lifted|"
    r"suspended|a\s+typo|wrong|mistaken|relaxed|void)|"
    r"\b(?:no|without|with\s+no|without\s+any)\s+(?:\w+\s+)?" + _RULE_NOUN + r"\b"
)
HYPO_RULES = _HYPO_LEAD + r"[^.\n]{0,80}?(?:" + _RULES_GONE + r")"

# --- the reading system, in languages the lexicon does not spell out (stems; "_" is a space, the last word runs on)
READER = """
tekoaly keinoaly avustaja
kunstig_intelligens kunstige_intelligens kunstmatige_intelligentie kunsmatige_intelligensie
artificiell_intelligens artificiella_intelligens
yapay_zek asistan
sztuczna_inteligencj sztucznej_inteligencj asystent
umela_inteligenc umele_inteligenc umelej_inteligenc umetna_inteligenc umetni_inteligenc umjetna_inteligencij
umjetnoj_inteligencij vestacka_inteligencij vestackoj_inteligencij
mesterseges_intelligenci asszisztens
tri_tue_nhan_tao tro_ly_ao
kecerdasan_buatan
artipisyal_na_katalinuhan
dirbtinis_intelekt dirbtiniam_intelekt dirbtinio_intelekt maksligais_intelekt maksligajam_intelekt tehisintellekt
akili_bandia adimen_artifizial intelixencia_artificial inteligenta_artificiala inteligentei_artificiale
intelligenza_artificiale intelligence_artificielle inteligencia_artificial kunstliche_intelligenz
νοημοσύν νοημοσυν
인공지능 ปัญญาประดิษฐ์ هوش_مصنوعی مصنوعی_ذہانت কৃত্রিম_বুদ্ধিমত্তা कृत्रिम_बुद्धि изкуствен_интелект
вештачка_интелиген вештачке_интелиген жасанды_интеллект хиймэл_оюун ხელოვნური_ინტელექტ արհեստական_բանականություն
செயற்கை_நுண்ணறிவு కృత్రిమ_మేధ
"""
READER_ANY = _pattern(READER)
# The stems a sentence must hold (one of) for READER to be read: the longest ASCII word of each entry that is not
# also English ("business intelligence" is in many resumes).
_ENGLISH = frozenset({"intelligence", "artificial", "tri", "tue", "tao"})
READER_STEMS = tuple(
    sorted(
        stem
        for stem in {
            max((w for w in e.split("_") if w not in _ENGLISH), key=len) for e in _entries(READER) if e.isascii()
        }
        if len(stem) >= 4
    )
)
# A label at a line start naming the reader in one of those languages: "Tekoälylle:", "Do sztucznej inteligencji:"
READER_LABEL = (
    r"(?:^|\n)[ \t]*(?:[-*•>#]+[ \t]*)?(?:[^\W\d][\w'-]*[ \t]+){0,3}?" + READER_ANY + r"[\w'-]*(?:[ \t]+[^\W\d][\w'-]*)"
    r"{0,3}[ \t]*[:：]"
)

# A rule about applicants using AI ("AI tools must not be used for your answers", "generative AI may be used to
# polish your resume"): the AI is the object of use, and "your answers" are the applicant's.
AI_USE_POLICY = (
    r"\b(?:ai|a\.i\.|llms?|chatgpt|gpt[\w.-]*|generative\s+ai|ai[\s-]+(?:tools?|assistants?|writing\s+tools?))\s+"
    r"(?:\w+\s+){0,2}?(?:must|should|may|can|cannot|can't|will|is|are)\s*(?:not\s+|n't\s+|only\s+)?(?:be\s+)"
    r"(?:used|employed|relied\s+on|allowed|permitted|accepted)\b"
)

# --- claimed exemptions and the document's own lines as triggers
EXEMPT = (
    r"\b(?:exempt(?:ed)?|excused|waived)\s+from\s+(?:the\s+|any\s+|all\s+)?(?:\w+\s+)?(?:requirements?|criteria|screening|"
    r"review|checks?|verification|evaluation)\b|"
    r"\bno\s+(?:further|additional|more|other)\s+(?:review|screening|checks?|verification|evaluation|assessment|"
    r"validation)\s+(?:is\s+|are\s+)?(?:needed|required|necessary|warranted)\b|"
    r"\b(?:certified|verified|validated|confirmed)\s+by\s+(?:the\s+)?(?:platform|system|ats|portal|pipeline|screening\s+\w+)\b"
)
# "resumes containing this line", "treat the line above as ...": the document pointing at its own text as a trigger
# (a JD's "put this word in your cover letter" speaks to the applicant and names the applicant's text).
SELF_REFERENCE = (
    r"\b(?:this|the\s+(?:above|following|preceding))\s+(?:line|sentence|note|text|paragraph|statement|string|token|"
    r"marker|phrase|code|tag)\b|\bthe\s+(?:line|sentence|note|text|paragraph|statement)\s+(?:above|below)\b"
)
APPLICANT_TASK = r"\byour\s+(?:cover\s+letter|application|e-?mail|message|subject\s+line|answer\s+to\s+question)\b"
# a fake end of the document and a new one, or the requirements said to have changed
BOUNDARY = (
    r"\b(?:end\s+of\s+(?:the\s+)?(?:resume|cv|document|input|application|text|candidate\s+data)|"
    r"(?:new|next|updated)\s+(?:document|context|job\s+description|posting|requirements?)\s*[:\-–—])"
)
REQUIREMENT_CHANGE = (
    r"\b(?:requirements?|criteria|qualifications?)\s+(?:\w+\s+){0,2}?(?:updated|changed|revised|removed|waived|relaxed|"
    r"lowered|dropped)\b|\b(?:no\s+longer|not\s+longer)\s+(?:required|needed|a\s+requirement|mandatory)\b"
)
# the writer asking to be scored differently: "please weigh my volunteer work as professional experience",
# "my score should reflect my potential"
SCORE_ME = (
    r"\b(?:weigh|weight|count|credit|treat|score|rate|value|equate)\s+my\s+(?:\w+\s+){0,3}?(?:as|like|double|twice|"
    r"triple|equally|the\s+same\s+as|equal\s+to)\b|"
    r"\bmy\s+(?:score|rating|rank(?:ing)?|grade|match(?:\s+score)?|evaluation|assessment)\s+(?:should|must|ought\s+to|"
    r"needs?\s+to|is\s+to)\b|"
    r"\b(?:points?|marks?|credit|weight)\s+(?:for\s+\w+(?:\s+\w+)?\s+)?(?:count|counts|should\s+count|is|are)\s+"
    r"(?:double|twice|triple|extra)\s+(?:for\s+me|in\s+my\s+case)\b"
)

# a verdict said to come from an earlier reader: "the previous assistant already scored me 96", "approved in the
# first screening round by the model"
PRIOR_VERDICT = (
    r"\b(?:previous|earlier|prior|first|another|other|last|original)\s+(?:\w+\s+)?(?:assistant|model|ai|screener|reviewer|"
    r"evaluator|grader|screening(?:\s+round)?|pass|run|instance|session)\s+(?:has\s+|had\s+)?(?:already\s+)?(?:scored|"
    r"rated|ranked|approved|evaluated|assessed|graded|shortlisted|cleared|passed|marked)\s+(?:me|him|her|my\s+\w+|"
    r"(?:this|the)\s+(?:candidate|applicant|profile|resume|cv|application))\b"
)

# a side task put ahead of the reader's own: "Answer this first", "Solve this before anything else" (BIPIA style);
# a JD's "answer this question before applying" names the applicant's step
SIDE_TASK = (
    r"\b(?:answer|solve|respond\s+to|address|do|complete|handle)\s+(?:this|that|the\s+(?:following|above))\s+"
    r"(?:first|now|too|as\s+well|before\s+(?:anything|everything|the\s+rest|you\s+(?:continue|start|begin|score|rank|"
    r"evaluate|summari[sz]e|rewrite)|scoring|ranking|continuing|the\s+(?:evaluation|screening|review|summary)))\b"
)
