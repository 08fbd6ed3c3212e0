"""Request and response models: they validate input and make the OpenAPI document say what the API does."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Options(_In):
    """Rewrite knobs for every item of a request."""

    tone: str = Field("professional", max_length=40)
    max_len: int = Field(300, ge=20, le=2000)
    variants: int = Field(1, ge=1, le=3)
    batch: bool = Field(
        False,
        description="Send the model calls through the provider's batch API (openai, anthropic): half the price, "
        "results within 24 hours; items the batch does not answer run live. No effect with the offline engine.",
    )


class ItemIn(_In):
    """One (resume, job description) pair."""

    resume: str
    jd: str
    ref: str | None = Field(None, max_length=200)


class ResumeIn(_In):
    """One resume with an optional reference of the caller's."""

    resume: str
    ref: str | None = Field(None, max_length=200)


class BulkItemsRequest(_In):
    """Pairs, each with its own JD."""

    items: list[ItemIn]
    options: Options | None = None
    callback_url: str | None = Field(None, max_length=2000)


class BulkJdRequest(_In):
    """One JD against many resumes: the JD is sent once."""

    jd: str
    resumes: list[str | ResumeIn]
    options: Options | None = None
    callback_url: str | None = Field(None, max_length=2000)


class LegacyCandidate(_In):
    """The earlier app's candidate: an id and up to 20 bullets."""

    candidate_id: str = Field(max_length=200)
    bullets: list[str]


class LegacySettings(_In):
    """The earlier app's settings block."""

    tone: str = Field("professional", max_length=40)
    max_len: int = Field(300, ge=20, le=2000)
    variants: int = Field(1, ge=1, le=3)
    batch: bool = Field(
        False,
        description="Send the model calls through the provider's batch API (openai, anthropic): half the price, "
        "results within 24 hours; items the batch does not answer run live. No effect with the offline engine.",
    )


class LegacyBulkRequest(_In):
    """The earlier app's bulk request."""

    job_description: str
    candidates: list[LegacyCandidate]
    settings: LegacySettings | None = None
    callback_url: str | None = Field(None, max_length=2000)


BULK_REQUEST_MODELS = (BulkItemsRequest, BulkJdRequest, LegacyBulkRequest)


class ResumeRequest(_In):
    """One pair, processed synchronously."""

    resume: str
    jd: str
    ref: str | None = Field(None, max_length=200)
    options: Options | None = None


class LegacyResumeRequest(_In):
    """The earlier app's one-pair request: bullets instead of a resume."""

    role: str = Field(max_length=300)
    jd_text: str
    bullets: list[str]
    extra_context: str | None = Field(None, max_length=5000)
    settings: LegacySettings | None = None


class RowError(BaseModel):
    """One invalid row of a bulk request."""

    row: int
    ref: str | None = None
    error: str


class FileError(BaseModel):
    """One refused file of a multipart request."""

    file: str = Field(description="the file's name as sent (a ZIP's member: zip name/member path)")
    ref: str | None = None
    reason: str | None = Field(None, description="a short code: too_large, encrypted, javascript, zip_bomb, invalid…")
    error: str = Field(description="what is wrong and what to do")


class DocumentRead(BaseModel):
    """How one uploaded file was read (multipart requests)."""

    file: str
    ref: str
    format: str
    pages: int
    chars: int
    bullets: int = Field(description="bullets (or sentences of a prose resume) found, as INGEST splits them")
    ocr_pages: list[int] = Field(description="pages read by OCR (1-based); empty for a text layer")
    ocr_confidence: float | None = Field(None, description="mean OCR word confidence 0-1 over the OCR'd pages")
    warnings: list[str] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """Every error the API answers."""

    error: str
    detail: Any
    request_id: str | None = None
    rows: list[RowError] | None = None
    files: list[FileError] | None = Field(None, description="multipart requests: every refused file and its reason")


class Accepted(BaseModel):
    """A bulk request was accepted and queued."""

    job_id: str
    items: int
    estimated_cost: float
    estimated_cost_live: float | None = Field(None, description="the estimate with live calls")
    estimated_cost_batch: float | None = Field(None, description="the estimate in batch mode (null: not offered)")
    status: Literal["processing"] = "processing"
    documents: list[DocumentRead] | None = Field(None, description="multipart requests: how each file was read")
    total_candidates: int


class JobStatus(BaseModel):
    """Status of a job: the project's fields plus those the earlier app's clients read."""

    model_config = ConfigDict(extra="allow")

    job_id: str
    status: Literal["processing", "completed", "failed"]
    job_status: str
    counts: dict[str, int]
    stages: dict[str, int]
    progress: float
    cost_usd: float
    total_candidates: int
    processed_candidates: int


class LegacyBulletResult(BaseModel):
    """One bullet as the earlier app reported it."""

    original: str
    revised: list[str]
    scores: dict[str, int]
    notes: str
    diff: dict[str, list[str]]


class LegacyCandidateResult(BaseModel):
    """One candidate as the earlier app reported it."""

    candidate_id: str | None
    status: str
    results: list[LegacyBulletResult]
    coverage: dict[str, list[str]]
    error_message: str | None


class JobResults(JobStatus):
    """One page of a job's results: items in the project's shape and candidates in the earlier one."""

    total: int
    offset: int
    limit: int
    items: list[dict[str, Any]]
    candidates: list[LegacyCandidateResult]


class PairResult(BaseModel):
    """The result of one pair processed synchronously (the item result plus the earlier app's fields)."""

    model_config = ConfigDict(extra="allow")

    status: str
    results: list[LegacyBulletResult]
    coverage_summary: dict[str, list[str]] = Field(default_factory=dict)


class Health(BaseModel):
    """Liveness."""

    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    """Readiness of each dependency."""

    status: Literal["ok", "degraded"]
    checks: dict[str, dict[str, Any]]
