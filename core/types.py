"""Typed values that flow through the pipeline; all JSON-serialisable so a worker can save between stages."""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class Stage(str, Enum):
    """The stage an item is in, or finished with."""

    INGEST = "INGEST"
    EXTRACT_SIGNALS = "EXTRACT_SIGNALS"
    PROCESS = "PROCESS"
    VALIDATE = "VALIDATE"
    OUTPUT = "OUTPUT"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


STAGE_ORDER: tuple[Stage, ...] = (
    Stage.INGEST,
    Stage.EXTRACT_SIGNALS,
    Stage.PROCESS,
    Stage.VALIDATE,
    Stage.OUTPUT,
    Stage.COMPLETED,
)
TERMINAL_STAGES = frozenset({Stage.COMPLETED, Stage.FAILED})


class Model(BaseModel):
    """Base for the project's values: strict about unknown fields, immutable by convention."""

    model_config = ConfigDict(extra="forbid")


class PiiFinding(Model):
    """One piece of personal data found in a text."""

    type: str  # EMAIL_ADDRESS, PHONE_NUMBER, US_SSN, CREDIT_CARD, STREET_ADDRESS, DATE_OF_BIRTH, URL, ...
    text: str
    span: Span
    severity: Literal["high", "contact"]
    where: str = "resume"  # resume | jd | rewrite
    recommendation: str | None = None


class Evidence(Model):
    """A quoted piece of text with its span."""

    span: Span
    text: str


class InjectionResult(Model):
    """Prompt-injection verdict for one text: score in [0, 1], category and the matched evidence."""

    detected: bool = False
    score: float = 0.0
    category: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Bullet(Model):
    """One bullet of a resume with the section it sits in and its span in the normalised resume."""

    index: int
    text: str
    section: str | None = None
    span: Span = (0, 0)


class SkillMention(Model):
    """A taxonomy skill found in a text: canonical name, span and the quoted words."""

    skill: str
    span: Span
    quote: str


class Keyword(Model):
    """A weighted key phrase of a job description."""

    term: str
    weight: float


class Requirement(Model):
    """One requirement of a JD: a skill, credential, degree, years of experience or a condition, possibly with
    alternatives ("A or B") any of which meets it."""

    skill: str  # canonical name of what is asked (a taxonomy skill, or the JD's words when none fits)
    jd_name: str  # the JD's own wording of it
    required: bool = True
    kind: str = "skill"  # skill | certification | licence | degree | experience_years | soft_skill | condition
    alternatives: list[str] = Field(default_factory=list)  # canonical members of the group, skill included
    similar: bool = False  # "such as" / "or similar": siblings of the members count too
    years: float | None = None  # for experience_years
    terms: list[str] = Field(default_factory=list)  # content words, for requirements no taxonomy skill names
    states: list[str] = Field(default_factory=list)  # US states a licence must be from ("Ohio RN license")
    span: Span | None = None  # of jd_name in the JD
    sentence: str = ""  # the JD sentence it was read from
    # other requirements of the JD (by `skill`) any of which meets this one: "Bachelor's degree, OR two years of
    # eligibility experience" is one ask read as two requirements of different kinds
    either: list[str] = Field(default_factory=list)


class JDSignals(Model):
    """What a job description asks for."""

    title: str | None = None
    seniority: str | None = None
    years: float | None = None
    title_span: Span | None = None  # where title / seniority / years were read (None: not found or from an LLM)
    seniority_span: Span | None = None
    years_span: Span | None = None
    required: list[SkillMention] = Field(default_factory=list)
    preferred: list[SkillMention] = Field(default_factory=list)
    keywords: list[Keyword] = Field(default_factory=list)
    confidence: float = 0.0
    source: str = "local"  # local | llm
    requirements: list[Requirement] = Field(default_factory=list)  # requirement groups (empty: read from skills)
    notes: list[str] = Field(default_factory=list)  # why the reading is unsure (a one-word JD, another language)

    def skill_names(self) -> list[str]:
        """Every distinct skill, required first."""
        seen: dict[str, None] = {}
        for mention in [*self.required, *self.preferred]:
            seen.setdefault(mention.skill, None)
        return list(seen)


class Flag(Model):
    """Something a reviewer should know about a bullet or an item."""

    kind: str  # invented_number | invented_skill | invented_entity | pii_added | llm_fallback | ...
    detail: str
    tokens: list[str] = Field(default_factory=list)  # the offending words, for highlighting


class CallRecord(Model):
    """One provider call for the cost ledger (the offline engine returns one too, at zero cost)."""

    call_key: str
    provider: str
    model: str
    purpose: str  # rewrite | signals | repair
    input_tokens: int = 0
    output_tokens: int = 0
    usd: float = 0.0
    latency_ms: float = 0.0
    ok: bool = True
    error: str | None = None
    cached: bool = False


class BulletRewrite(Model):
    """A provider's proposal for one bullet."""

    index: int
    rewrite: str
    keywords_used: list[str] = Field(default_factory=list)
    rationale: str = ""
    variants: list[str] = Field(default_factory=list)


class RewriteReply(Model):
    """One rewrite per bullet (same order and count) plus the call records that produced them."""

    rewrites: list[BulletRewrite]
    records: list[CallRecord] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


class SignalsReply(Model):
    """Signals extracted by a provider, with the call record."""

    signals: JDSignals
    records: list[CallRecord] = Field(default_factory=list)


class RewriteOptions(Model):
    """Per-job knobs a recruiter or integrator may set."""

    tone: str = "professional"
    max_len: int = 300
    variants: int = 1
    batch: bool = False  # send the model calls through the provider's batch API (half price, within 24 h)


class BatchSlot(Model):
    """An item's PROCESS request sent through the provider's batch API, and what the batch gave back."""

    custom_id: str
    call_key: str  # the ledger key of the batch's call (`:batch` appended)
    provider: str
    model: str
    request: dict[str, Any]  # the body a live call would send: redacted text only
    estimate_usd: float = 0.0
    reply: dict[str, Any] | None = None  # the response body, once the batch ended
    error: str | None = None  # why the batch did not answer (the item then calls live)


class ImpliedSkill(Model):
    """A JD requirement the resume meets through a narrower or equivalent skill, with the bullet that shows it."""

    requirement: str  # the JD's own words ('infrastructure as code')
    skill: str  # the requirement's canonical name
    via: str  # the skill the resume shows ('Terraform')
    bullet: int  # bullet index, or -1 for text outside bullets
    quote: str  # how the resume writes it


class RewriteBrief(Model):
    """What the core knows about a pair before rewriting: tense per bullet, bullets to keep, implied and missing
    requirements. The offline engine and the model prompt both follow it."""

    tenses: list[str | None] = Field(default_factory=list)  # per bullet: 'present' | 'past' | None (its own)
    keep: dict[int, str] = Field(default_factory=dict)  # bullet index -> why it is left as it is
    implied: list[ImpliedSkill] = Field(default_factory=list)
    confirm: list[str] = Field(default_factory=list)  # must-haves the resume neither shows nor implies


class SectionRewrite(Model):
    """A tailored summary or skills list: the text it replaces (None: a new one), the proposal, and its checks."""

    kind: str  # summary | skills
    original: str | None
    rewrite: str
    accepted: bool  # False: the fact guard refused it (the original stands)
    flags: list[Flag] = Field(default_factory=list)
    added: list[str] = Field(default_factory=list)  # JD names added to a skills list
    span: Span | None = None  # where the original sits in the normalised resume (None: inserted)
    rationale: str = ""


class Budget(Protocol):
    """Refuses a call that would pass a daily cost limit."""

    def check(self, estimated_usd: float) -> None:
        """Raise DailyLimitReached if spending estimated_usd now would pass a limit."""


class UnlimitedBudget:
    """A budget that never refuses (CLI runs, tests)."""

    def check(self, estimated_usd: float) -> None:
        """Allow every call."""


class Provider(Protocol):
    """A rewrite engine at the domain level: offline rules or an LLM."""

    name: str
    model: str
    external: bool  # True when calls leave the process (text must be redacted first)

    def rewrite(
        self,
        bullets: list[str],
        signals: JDSignals,
        *,
        budget: Budget,
        call_key: str = "",
        options: RewriteOptions | None = None,
        brief: RewriteBrief | None = None,
    ) -> RewriteReply:
        """Rewrite every bullet in one call (following the brief when one is given)."""

    def extract_signals(self, jd_text: str, *, budget: Budget, call_key: str = "") -> SignalsReply:
        """Read a job description into signals."""


class SignalsCache(Protocol):
    """Cache of JD signals keyed by SHA-256 of the normalised JD."""

    def get(self, key: str) -> JDSignals | None:
        """The cached signals, or None."""

    def set(self, key: str, signals: JDSignals) -> None:
        """Store signals under key."""


class MemoryCache:
    """An in-process SignalsCache (the CLI and unit tests); counts hits and misses."""

    def __init__(self) -> None:
        self._data: dict[str, JDSignals] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> JDSignals | None:
        """The cached signals, or None."""
        found = self._data.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def set(self, key: str, signals: JDSignals) -> None:
        """Store signals under key."""
        self._data[key] = signals


class BulletResult(Model):
    """One bullet in the item result."""

    index: int
    original: str
    rewrite: str | None
    accepted: bool
    scores: dict[str, int]
    flags: list[Flag] = Field(default_factory=list)
    keywords_used: list[str] = Field(default_factory=list)
    rationale: str = ""
    variants: list[str] = Field(default_factory=list)
    section: str | None = None


class CoverageEvidence(Model):
    """Where a skill shows in the resume."""

    bullet: int  # bullet index, or -1 for text outside bullets
    quote: str
    via: str | None = None  # the narrower or alternative skill that met the requirement ("Terraform")
    listed: bool = False  # only in a keyword list (a skills line), not in a statement of work done


class CoverageEntry(Model):
    """Coverage of one JD requirement before and after the rewrites."""

    skill: str
    required: bool
    before: bool
    after: bool
    evidence: list[CoverageEvidence] = Field(default_factory=list)
    jd_name: str = ""  # the requirement as the JD wrote it
    alternatives: list[str] = Field(default_factory=list)  # members of an "A or B" group
    kind: str = "skill"
    how: str = ""  # how it was judged: "skill", "narrower", "years 6.0 >= 3", "assumed", "words", ...


class StageRecord(Model):
    """Timing and outcome of one stage run."""

    stage: Stage
    ms: float
    ok: bool


class ItemState(Model):
    """Everything the pipeline knows about one (resume, JD) pair; saved between stages."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    item_id: str = "local"
    attempt: int = 1
    stage: Stage = Stage.INGEST
    error: str | None = None
    quarantined: bool = False
    resume_text: str
    jd_text: str
    options: RewriteOptions = Field(default_factory=RewriteOptions)

    # INGEST
    resume_clean: str | None = None
    jd_clean: str | None = None
    bullets: list[Bullet] = Field(default_factory=list)
    pii: list[PiiFinding] = Field(default_factory=list)
    injection: InjectionResult | None = None
    offline_only: bool = False
    # EXTRACT_SIGNALS
    signals: JDSignals | None = None
    signals_cached: bool = False
    # PROCESS
    brief: RewriteBrief | None = None
    rewrites: list[BulletRewrite] | None = None
    process_flags: list[Flag] = Field(default_factory=list)
    # VALIDATE
    bullet_results: list[BulletResult] | None = None
    sections: list[SectionRewrite] = Field(default_factory=list)  # tailored summary and skills lists
    confirm: list[dict[str, str]] = Field(default_factory=list)  # must-haves to ask the candidate about
    # OUTPUT
    result: dict[str, Any] | None = None
    batch: BatchSlot | None = None  # batch mode: PROCESS's request in a provider batch
    # bookkeeping
    stages: list[StageRecord] = Field(default_factory=list)
    calls: list[CallRecord] = Field(default_factory=list)
