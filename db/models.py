"""SQLAlchemy 2 typed models: the whole schema (Alembic migrations are generated from and checked against it)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments INTEGER PRIMARY KEY; BIGINT elsewhere.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored time as aware UTC (SQLite hands back naive values)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of every table."""

    type_annotation_map = {datetime: DateTime(timezone=True)}


class User(Base):
    """A person who signs in to the web app (and owns API keys and jobs)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # recruiter | manager | admin
    team: Mapped[str | None] = mapped_column(String(64), index=True)
    email: Mapped[str | None] = mapped_column(String(255))
    password_hash: Mapped[str] = mapped_column(String(100))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[datetime | None] = mapped_column()


class ApiKey(Base):
    """An integrator's key: only its SHA-256 is stored; the prefix is shown to find it again."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(200))  # comma-separated
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()
    last_used_at: Mapped[datetime | None] = mapped_column()


class Job(Base):
    """A batch of (resume, JD) pairs; its status is derived from its items."""

    __tablename__ = "jobs"
    __table_args__ = (UniqueConstraint("owner_id", "idempotency_key", name="uq_jobs_owner_idem"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    api_key_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id", ondelete="SET NULL"))
    team: Mapped[str | None] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(String(8))  # ui | api
    name: Mapped[str | None] = mapped_column(String(200))  # the JD's title or the uploaded file's name
    options: Mapped[dict] = mapped_column(JSON, default=dict)
    total: Mapped[int] = mapped_column(Integer)
    estimated_usd: Mapped[float] = mapped_column(Float, default=0.0)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_hash: Mapped[str | None] = mapped_column(String(64))
    callback_url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    cancelled_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    purged_at: Mapped[datetime | None] = mapped_column()


class JobItem(Base):
    """One pair of a job: its stage, status, lease, saved pipeline state and result (texts encrypted at rest)."""

    __tablename__ = "job_items"
    __table_args__ = (
        Index("ix_job_items_job_seq", "job_id", "seq"),
        Index("ix_job_items_job_status", "job_id", "status"),
        Index("ix_job_items_status_lease", "status", "lease_until"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str | None] = mapped_column(Text)  # encrypted like the texts: it is usually the candidate's name
    owner_id: Mapped[int] = mapped_column(BigId)  # copied from the job so a worker needs no join
    api_key_id: Mapped[int | None] = mapped_column(BigId)
    stage: Mapped[str] = mapped_column(String(16), default="INGEST")
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # claims ever made; numbers the ledger's call keys
    attempt_base: Mapped[int] = mapped_column(Integer, default=0)  # attempts before the last retry-failed
    error: Mapped[str | None] = mapped_column(Text)  # encrypted: a reason may quote the texts
    lease_token: Mapped[str | None] = mapped_column(String(32))
    lease_until: Mapped[datetime | None] = mapped_column()
    paused_until: Mapped[datetime | None] = mapped_column()
    resume_text: Mapped[str | None] = mapped_column(Text)
    jd_text: Mapped[str | None] = mapped_column(Text)  # only on items from before job_jds; now NULL
    jd_hash: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str | None] = mapped_column(Text)  # ItemState JSON between stages
    result: Mapped[str | None] = mapped_column(Text)  # CONTRACTS item result JSON
    review: Mapped[str | None] = mapped_column(Text)  # {bullet_index: {decision, text, by, at}} JSON
    score_before: Mapped[int | None] = mapped_column(Integer)
    score_after: Mapped[int | None] = mapped_column(Integer)
    signals_cached: Mapped[bool | None] = mapped_column(Boolean)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(index=True)


class JobJd(Base):
    """A job description stored once per job (encrypted like the texts): a job's items with this JD share it."""

    __tablename__ = "job_jds"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    jd_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the normalised JD, as on items
    text: Mapped[str | None] = mapped_column(Text)


class StageEvent(Base):
    """One stage run of one item attempt: how long it took and how it ended."""

    __tablename__ = "stage_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(String(32), index=True)
    job_id: Mapped[str] = mapped_column(String(36))
    stage: Mapped[str] = mapped_column(String(16))
    attempt: Mapped[int] = mapped_column(Integer)
    ms: Mapped[float] = mapped_column(Float)
    outcome: Mapped[str] = mapped_column(String(16))  # ok | failed | paused | completed
    at: Mapped[datetime] = mapped_column(default=utcnow)


CALL_ERROR_CHARS = 500  # llm_calls.error's length


class LlmCall(Base):
    """The cost ledger: one row per provider call, unique by its deterministic call_key."""

    __tablename__ = "llm_calls"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    call_key: Mapped[str] = mapped_column(String(120), unique=True)
    item_id: Mapped[str | None] = mapped_column(String(32), index=True)
    job_id: Mapped[str | None] = mapped_column(String(36), index=True)
    user_id: Mapped[int | None] = mapped_column(BigId, index=True)
    api_key_id: Mapped[int | None] = mapped_column(BigId)
    team: Mapped[str | None] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(String(20))
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
    usd: Mapped[float] = mapped_column(Float, default=0.0)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    ok: Mapped[bool] = mapped_column(Boolean, default=True)
    error: Mapped[str | None] = mapped_column(String(CALL_ERROR_CHARS))  # encrypted, cut to fit (Cipher.encrypt_to_fit)
    cached: Mapped[bool] = mapped_column(Boolean, default=False)
    day: Mapped[date] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class JdSignalsRow(Base):
    """The JD signal cache when no Redis is configured, keyed by SHA-256 of the normalised JD."""

    __tablename__ = "jd_signals"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    signals: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class AuditLog(Base):
    """Who did what, when, from where (no resume or JD text)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict | None] = mapped_column(JSON)


class SecurityEvent(Base):
    """A security-relevant event: injection detected, key misuse, repeated failed logins."""

    __tablename__ = "security_events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(16), default="medium")
    actor: Mapped[str | None] = mapped_column(String(64))
    job_id: Mapped[str | None] = mapped_column(String(36))
    item_id: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict | None] = mapped_column(JSON)


class SignInThrottle(Base):
    """Failed web sign-ins per typed username or client address, and the lock they earned (services/signin_guard)."""

    __tablename__ = "signin_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)  # user:<name> | addr:<address>
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebSession(Base):
    """A web sign-in: the browser's cookie maps to it by hash; revoked or expired, the cookie opens nothing."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    cookie_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # SHA-256 of the cookie's secret
    ticket_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # one-time: the browser trades it
    ticket_expires_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    revoked_why: Mapped[str | None] = mapped_column(String(32))  # sign_out | everywhere | admin
    address: Mapped[str | None] = mapped_column(String(64))


class DailyLimit(Base):
    """A daily cost limit set by an admin: scope `global`, `user:<username>` or `key:<id>` (overrides settings)."""

    __tablename__ = "daily_limits"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    limit_usd: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(64))


class Lease(Base):
    """A named lease so that only one worker at a time runs each piece of scheduler work."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(64))
    until: Mapped[datetime] = mapped_column()
    last_run_at: Mapped[datetime | None] = mapped_column()


class RateLimitRow(Base):
    """The shared request/token schedule of one provider and model (embedded mode; Redis holds it otherwise)."""

    __tablename__ = "rate_limits"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    state: Mapped[str] = mapped_column(Text)  # core.llm.ratelimit.LimiterState as JSON


class LlmBatch(Base):
    """One provider batch (OpenAI Batch API, Anthropic Message Batches) carrying a job's model requests."""

    __tablename__ = "llm_batches"

    id: Mapped[str] = mapped_column(String(24), primary_key=True)  # items in it hold lease "batch:<id>"
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), index=True)  # submitting | running | done | failed | cancelled
    provider_batch_id: Mapped[str | None] = mapped_column(String(100))
    provider_status: Mapped[str | None] = mapped_column(String(32))
    total: Mapped[int] = mapped_column(Integer, default=0)
    completed: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column()
