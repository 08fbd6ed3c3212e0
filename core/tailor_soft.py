"""Evidence for a soft skill the JD asks for: a line of the resume that shows it being used.

Coverage assumes soft skills met ("judged in the interview") and so gives them no evidence; naming one in a tailored
resume is then a claim about the candidate. It is made only where a line of the resume shows the skill at work, as
a recruiter reads it: "Lead discharge teaching on wound care" shows communication, "authored 14 public postmortems"
written communication, "Run quarterly business reviews with IT directors" presentation, "Guided patients through
exercises" interpersonal skills. Traits no line can show (resilience, adaptability, passion, a positive attitude)
are never named. Every facet the JD's words ask for needs its own line ("written and verbal communication" needs a
line of writing and a line of speaking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.resume_view import CREDENTIAL_SECTIONS, LIST_SECTIONS, read_resume

_PEOPLE = (
    r"\b(?:patients?|customers?|clients?|guests?|famil(?:y|ies)|parents?|residents?|students?|members?|callers?|"
    r"visitors?|tenants?|donors?|volunteers?|colleagues?|patrons?|shoppers?|diners?|travell?ers?|claimants?|"
    r"caregivers?|learners?|athletes?|applicants?|candidates?|employees?|users?)\b"
)
_CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.I)
    for name, pattern in {
        "written": r"\b(?:writes?|writing|written|wrote|authored|author|drafts?|drafted|drafting|publish(?:ed|es)?|"
        r"edit(?:ed|s|ing)?|copywrit\w*|newsletters?|blog|articles?|proposals?|postmortems?|documentation|"
        r"manuals?|press releases?|stories|reports)\b",
        "verbal": r"\b(?:present(?:s|ed|ing)?|brief(?:s|ed|ing)?|explain(?:s|ed|ing)?|teach(?:es|ing)?|taught|"
        r"train(?:s|ed|ing)?|counsel(?:s|ed|led|ing|ling)?|educat(?:e|es|ed|ing)|speak(?:s|ing)?|spoke|pitch(?:es|ed)?|"
        r"demos?|facilitat(?:e|es|ed|ing)|conferences?|interview(?:s|ed|ing)?|calls?)\b",
        "presentation": r"\b(?:present(?:s|ed|ing)?|presentations?|speak(?:s|ing)?|spoke|keynotes?|pitch(?:es|ed)?|"
        r"demos?|webinars?|workshops?|lectures?|decks?|business reviews?|QBRs?|talks)\b",
        "communication": r"\b(?:communicat(?:e|es|ed|ing|ion)|correspond(?:s|ed|ence)?|liais(?:e|es|ed|on)|"
        r"negotiat(?:e|es|ed|ing)|advis(?:e|es|ed|ing)|outreach|emails?)\b",
        "interpersonal": _PEOPLE,
        "customer": r"\b(?:CSAT|NPS|customers?|clients?|guests?|patrons?|callers?|shoppers?|diners?|end users?|"
        r"help ?desk|service desk|tickets?)\b",
        "stakeholder": r"\b(?:stakeholders?|steering committee|executives?|leadership team|directors?|VPs?|"
        r"vice presidents?|sponsors?|CFOs?|CEOs?|COOs?|board)\b",
        "leadership": r"\b(?:led|leads?|leading|supervis(?:e|es|ed|ing)|mentor(?:s|ed|ing)?|coach(?:es|ed|ing)?|"
        r"oversee(?:s|ing)?|oversaw|head(?:s|ed)? (?:a|the)|train(?:s|ed|ing)? (?:new|\d+|junior|staff|the team)|"
        r"manag(?:e|es|ed|ing) (?:a |the )?(?:team|staff|crew|\d+)|charge nurse|shift lead)\b",
        "mentoring": r"\b(?:mentor(?:s|ed|ing)?|coach(?:es|ed|ing)?|train(?:s|ed|ing)?|onboard(?:s|ed|ing)?)\b",
        "teamwork": r"\b(?:collaborat(?:e|es|ed|ing|ion)|partner(?:s|ed|ing)? with|cross-functional|"
        r"with (?:the )?[\w-]+ team|alongside)\b",
        "negotiation": r"\b(?:negotiat(?:e|es|ed|ing|ion)|settle(?:s|d)?|settlements?)\b",
        "problem": r"\b(?:troubleshoot(?:s|ed|ing)?|resolv(?:e|es|ed|ing)|diagnos(?:e|es|ed|ing)|debug(?:s|ged|ging)?|"
        r"root[- ]cause|repair(?:s|ed|ing)?|fix(?:es|ed|ing)?|solv(?:e|es|ed|ing))\b",
        "analytical": r"\b(?:analy[sz](?:e|es|ed|ing)|analysis|analyses|forecast(?:s|ed|ing)?|model(?:s|ed|led|ing)|"
        r"reconcil(?:e|es|ed|ing|iation)|variances?|trends?|metrics|KPIs?|dashboards?|SQL)\b",
        "critical": r"\b(?:assess(?:es|ed|ing|ments?)?|evaluat(?:e|es|ed|ing|ions?)|diagnos(?:e|es|ed|ing)|"
        r"triag(?:e|es|ed|ing)|investigat(?:e|es|ed|ing)|root[- ]cause|escalat(?:e|es|ed|ing))\b",
        "decision": r"\b(?:decid(?:e|es|ed|ing)|decisions?|approv(?:e|es|ed|ing)|triag(?:e|es|ed|ing)|"
        r"prioriti[sz](?:e|es|ed|ing))\b",
        "detail": r"\b(?:audit(?:s|ed|ing)?|reconcil(?:e|es|ed|ing|iation)|inspect(?:s|ed|ing|ions?)?|"
        r"verif(?:y|ies|ied|ying)|proofread(?:s|ing)?|accuracy|accurate|error|errors|QA|quality control|"
        r"compliance)\b",
        "organisation": r"\b(?:organi[sz](?:e|es|ed|ing)|schedul(?:e|es|ed|ing)|coordinat(?:e|es|ed|ing)|"
        r"track(?:s|ed|ing)?|plan(?:s|ned|ning)?)\b",
        "time": r"\b(?:deadlines?|on[- ]time|schedul(?:e|es|ed|ing)|prioriti[sz](?:e|es|ed|ing)|turnaround|"
        r"per (?:day|week|shift)|a (?:day|week)|daily|weekly)\b",
        "planning": r"\b(?:plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|forecast(?:s|ed|ing)?|estimat(?:e|es|ed|ing))\b",
        "confidential": r"\b(?:confidential|HIPAA|privileged|PHI|sensitive)\b",
    }.items()
}
_INTERACTION = re.compile(
    r"\b(?:guid(?:e|es|ed|ing)|counsel\w*|coach\w*|help(?:s|ed|ing)?|support(?:s|ed|ing)?|serv(?:e|es|ed|ing)|"
    r"greet\w*|train\w*|teach\w*|taught|educat\w*|advis\w*|work(?:s|ed)? with|assist\w*|answer\w*|resolv\w*|"
    r"comfort\w*|explain\w*|walk(?:s|ed)?|partner\w*|meet(?:s|ing)?|met|communicat\w*|conferences?|interview\w*)\b",
    re.I,
)
_FACETS = [  # the JD's words -> the facets a line must show
    (re.compile(r"\bwrit", re.I), "written"),
    (re.compile(r"\b(?:verbal|oral|spoken)\b", re.I), "verbal"),
    (re.compile(r"\bpresent(?:ation|ing)", re.I), "presentation"),
    (re.compile(r"\bcommunicat", re.I), "communication"),
    (re.compile(r"\b(?:interpersonal|people skills|rapport|bedside manner)\b", re.I), "interpersonal"),
    (re.compile(r"\b(?:customer|client|guest)[- ](?:service|support|facing|focus)", re.I), "customer"),
    (re.compile(r"\bstakeholder", re.I), "stakeholder"),
    (re.compile(r"\bleader", re.I), "leadership"),
    (re.compile(r"\b(?:mentor|coach)", re.I), "mentoring"),
    (re.compile(r"\b(?:teamwork|team player|collaborat)", re.I), "teamwork"),
    (re.compile(r"\bnegotiat", re.I), "negotiation"),
    (re.compile(r"\b(?:troubleshoot|problem[- ]solv)", re.I), "problem"),
    (re.compile(r"\banaly", re.I), "analytical"),
    (re.compile(r"\bcritical thinking\b", re.I), "critical"),
    (re.compile(r"\b(?:decision|judge?ment)\b", re.I), "decision"),
    (re.compile(r"\b(?:detail|accuracy)", re.I), "detail"),
    (re.compile(r"\borgani[sz]", re.I), "organisation"),
    (re.compile(r"\b(?:time management|prioriti|multi-?task|deadlines?)\b", re.I), "time"),
    (re.compile(r"\bplanning\b", re.I), "planning"),
    (re.compile(r"\b(?:confidential|discretion)", re.I), "confidential"),
]
# The graph's soft skills and their facet, for JD words that name none ('people person' read as Communication).
_BY_SKILL = {
    "Communication": "communication",
    "Written Communication": "written",
    "Presentation": "presentation",
    "Customer Service": "customer",
    "Stakeholder Management": "stakeholder",
    "Leadership": "leadership",
    "Mentoring": "mentoring",
    "Teamwork": "teamwork",
    "Negotiation": "negotiation",
    "Problem Solving": "problem",
    "Analytical Thinking": "analytical",
    "Critical Thinking": "critical",
    "Decision Making": "decision",
    "Attention to Detail": "detail",
    "Organization": "organisation",
    "Time Management": "time",
    "Planning": "planning",
    "Confidentiality": "confidential",
}
_SPECIFIC = {"written", "verbal", "presentation", "interpersonal"}  # a kind of communication: the head is not a facet
_NO_EVIDENCE = re.compile(  # traits no line of work can show: never named
    r"\b(?:resilien|adaptab|flexib|passion|attitude|motivat|enthusias|curious|curiosity|positive|calm|patien(?:ce|t)\b|"
    r"empath|caring|compassion|integrity|honest|reliab|dependab|punctual|self-starter|coachab|growth mindset|"
    r"energetic|friendly|humble|hungry|driven|eager|under pressure|sense of humou?r)",
    re.I,
)
_SKIP_SECTIONS = LIST_SECTIONS | CREDENTIAL_SECTIONS | {"Education", "Languages", "Summary"}
_WISH = re.compile(r"\b(?:seeking|looking (?:to|for)|where I can|hope to|hoping to|want to|would like|aspir)", re.I)


@dataclass(frozen=True)
class SoftEvidence:
    """A line of the resume showing one facet of a soft skill."""

    facet: str
    line: str


_PERSON = re.compile(r"\b(?:communicator|player|starter|learner|thinker|solver|self-starter)s?\b", re.I)


def facets_of(jd_words: str, skill: str = "") -> list[str]:
    """The facets the JD's words ask a line to show; empty when they name a trait no line shows, or a kind of
    person ('a strong communicator': the words would not read as a skill held)."""
    if _NO_EVIDENCE.search(jd_words) or _PERSON.search(jd_words):
        return []
    found = [facet for pattern, facet in _FACETS if pattern.search(jd_words)]
    if not found and skill in _BY_SKILL:
        found = [_BY_SKILL[skill]]
    if "communication" in found and _SPECIFIC & set(found):
        found.remove("communication")
    if "customer" in found and "communication" in found:
        found.remove("communication")  # 'customer communication': a line serving customers shows it
    return found


_CODE = re.compile(  # writing that is programming, not prose: 'Wrote the evidence-collection scripts (Python)'
    r"\b(?:writes?|writing|written|wrote|authored|drafted)\s+(?:[\w()/-]+\s+){0,3}?(?:scripts?|code|tests?|queries|"
    r"programs?|functions?|modules?|macros?|automation|jobs?|pipelines?|SQL|Python|Terraform|playbooks?)\b",
    re.I,
)
_DATES = re.compile(  # a job's dates: 'Materials Planner — Heartland, Lenexa KS — 2022/06 – present'
    r"(?:19|20)\d\d(?:[/-]\d{1,2})?\s*(?:–|—|-|to)\s*(?:(?:19|20)\d\d|present|current|now|today)\b", re.I
)


def _shows(facet: str, text: str) -> bool:
    if facet == "written" and _CODE.search(text):
        return bool(_CUES["written"].search(_CODE.sub(" ", text)))  # another piece of writing on the line
    if facet == "communication":
        return _CUES["communication"].search(text) is not None or any(
            _shows(f, text) for f in ("written", "verbal", "presentation")
        )
    if facet == "interpersonal":
        return bool(_CUES["interpersonal"].search(text) and _INTERACTION.search(text))
    if facet == "customer":
        hit = _CUES["customer"].search(text)
        return bool(hit and (hit.group(0).upper() in ("CSAT", "NPS") or _INTERACTION.search(text)))
    return bool(_CUES[facet].search(text))


def soft_evidence(jd_words: str, skill: str, resume: str) -> list[SoftEvidence]:
    """One line of the resume's work per facet the JD's words ask for; empty unless every facet is shown."""
    facets = facets_of(jd_words, skill)
    if not facets:
        return []
    view = read_resume(resume)
    heads = [(r.start, r.start + r.head_end) for r in view.roles if r.head_end >= 0]
    lines = [
        line.text.strip(" \t•-*·–—▪")
        for line in view.lines
        if not line.listing
        and line.section not in _SKIP_SECTIONS
        and len(line.text.split()) >= 4
        and not any(a <= line.start < b for a, b in heads)  # a job's title and dates: 'June 2022 – Present'
        and not _WISH.search(line.text)  # what they hope to do is not what they did
        and not _DATES.search(line.text)
        and "@" not in line.text  # a contact line ('Email: …')
    ]
    out: list[SoftEvidence] = []
    for facet in facets:
        line = next((text for text in lines if _shows(facet, text)), None)
        if line is None:
            return []
        out.append(SoftEvidence(facet, line))
    return out
