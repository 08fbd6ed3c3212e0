"""Settings: the one object that reads the environment. Every variable is listed in the README."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

DEV_COOKIE_KEY = "dev-only-cookie-key-change-me"

DEFAULT_MODELS = {
    "offline": "offline-rules-v1",
    "openai": "gpt-4o-mini",
    "anthropic": "claude-3-5-haiku-latest",
    "openai-compatible": "local-model",
}


class Settings(BaseSettings):
    """All configuration, from environment variables (or a dict passed in tests)."""

    model_config = SettingsConfigDict(env_prefix="ATS_", extra="ignore", populate_by_name=True)

    # Storage and queue (unprefixed names, as CONTRACTS.md fixes them)
    database_url: str = Field("sqlite:///./data/ats.db", validation_alias="DATABASE_URL")
    redis_url: str | None = Field(None, validation_alias="REDIS_URL")

    # Model provider
    llm_provider: Literal["offline", "openai", "anthropic", "openai-compatible"] = "offline"
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 3
    llm_breaker_failures: int = 5
    llm_breaker_cooldown_s: float = 30.0
    llm_max_reply_bytes: int = 200_000
    llm_signals_threshold: float = 0.5
    llm_prices_file: str | None = None
    llm_api_key: str | None = None  # key for an openai-compatible server (never OPENAI_API_KEY: it may be third-party)
    llm_retry_base_s: float = 0.5
    llm_options: str | None = None  # JSON object of provider Options, e.g. {"temperature": 0.2}
    openai_api_key: str | None = Field(None, validation_alias="OPENAI_API_KEY")
    anthropic_api_key: str | None = Field(None, validation_alias="ANTHROPIC_API_KEY")

    # Security
    encryption_key: str | None = None
    admin_password: str | None = None
    cookie_key: str = DEV_COOKIE_KEY
    cookie_name: str = "ats_auth"
    cookie_expiry_days: float = 1.0
    env: Literal["development", "production"] = "development"
    injection_policy: Literal["quarantine", "offline"] = "quarantine"
    bcrypt_rounds: int = Field(12, ge=4, le=16)

    # Input limits
    max_resume_chars: int = 50_000
    max_jd_chars: int = 30_000
    max_bullets: int = 80
    max_items_per_job: int = 1_000
    max_body_bytes: int = 10 * 1024 * 1024

    # Jobs, workers, limits
    queue_name: str = "ats"
    job_timeout_s: int = 300
    item_max_attempts: int = 3
    stuck_after_s: int = 600
    worker_poll_s: float = 0.5
    scan_interval_s: float = 15.0
    requeue_grace_s: float = 10.0
    daily_limit_usd: float = 50.0
    user_daily_limit_usd: float = 10.0
    key_daily_limit_usd: float = 10.0
    retention_days: int = 0
    jd_cache_ttl_s: int = 7 * 24 * 3600

    # API
    web_port: int = 8501
    api_port: int = 8000
    api_host: str = "127.0.0.1"
    bulk_rate_per_minute: int = 5
    read_rate_per_minute: int = 600
    sync_rate_per_minute: int = 60
    sync_timeout_s: float = 30.0
    cors_origins: str = "http://localhost:8501"
    webhook_allow_private: bool = False
    webhook_max_attempts: int = 5
    webhook_secret: str | None = None
    auth_fail_per_minute: int = 10
    api_key_cache_s: float = 5.0

    # Web app
    web_host: str = "127.0.0.1"
    web_login_sleep_s: float = 0.0
    web_refresh_s: float = 2.0
    web_review_page_size: int = 5  # each bullet is a diff and a review form: the bulk of what the browser draws

    # Logging, metrics, tracing (observability/)
    log_level: str = "INFO"
    worker_metrics_port: int = 0
    worker_metrics_host: str = "127.0.0.1"
    otel_exporter_otlp_endpoint: str | None = Field(None, validation_alias="OTEL_EXPORTER_OTLP_ENDPOINT")
    otel_service_name: str = Field("ats-resume-agent", validation_alias="OTEL_SERVICE_NAME")

    @field_validator("llm_timeout_s")
    @classmethod
    def _positive_timeout(cls, value: float) -> float:
        if value <= 0:
            raise ValueError("ATS_LLM_TIMEOUT_S must be > 0")
        return value

    @model_validator(mode="after")
    def _production_guards(self) -> Settings:
        if self.env == "production" and (self.cookie_key == DEV_COOKIE_KEY or self.cookie_key.startswith("change-me")):
            raise ValueError("ATS_COOKIE_KEY is the development placeholder; set a random secret for production")
        return self

    @property
    def model_name(self) -> str:
        """The configured model, or the provider's default."""
        return self.llm_model or DEFAULT_MODELS[self.llm_provider]

    @property
    def embedded(self) -> bool:
        """True when no Redis is configured: the database is the queue."""
        return not self.redis_url

    @property
    def cors_origin_list(self) -> list[str]:
        """The CORS allow-list as a list."""
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


def load_settings(**overrides: object) -> Settings:
    """Build Settings from the environment plus explicit overrides; raise ConfigError on bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValueError as exc:
        raise ConfigError(_first_error(exc)) from exc


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"invalid setting {where}: {first.get('msg')}".replace("Value error, ", "")
    return str(exc)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide Settings, read once."""
    return load_settings()
