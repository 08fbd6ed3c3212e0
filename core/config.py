"""Settings: the one object that reads the environment. Every variable is listed in the README."""

from __future__ import annotations

import base64
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

MIN_COOKIE_KEY = 32  # characters; HS256 wants a key at least as long as its 256-bit hash
MIN_WEBHOOK_SECRET = 16
# Values from templates and old defaults: set, but not secret.
_PLACEHOLDERS = ("change-me", "dev-only", "changeme", "placeholder")
KEY_FILES = ("cookie_key", "encryption_key", "webhook_secret")  # secrets `make run` generates and keeps

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
    data_dir: str | None = None  # where `make run` keeps generated keys (<data_dir>/keys); default: the SQLite folder
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
    llm_rpm: float = Field(0.0, ge=0)  # requests per minute for ATS_LLM_PROVIDER + model, all workers together
    llm_tpm: float = Field(0.0, ge=0)  # tokens per minute, likewise
    llm_rate_limit_retries: int = Field(6, ge=0)  # a 429 is retried this many times (after its retry-after)
    openai_api_key: str | None = Field(None, validation_alias="OPENAI_API_KEY")
    anthropic_api_key: str | None = Field(None, validation_alias="ANTHROPIC_API_KEY")

    # Security
    encryption_key: str | None = None
    admin_password: str | None = None
    cookie_key: str | None = None  # no default: `make run` generates one into ATS_DATA_DIR/keys
    cookie_name: str = "ats_auth"
    cookie_expiry_days: float = 1.0
    env: Literal["development", "production"] = "development"
    injection_policy: Literal["quarantine", "offline"] = "quarantine"
    bcrypt_rounds: int = Field(12, ge=4, le=16)
    signin_free_failures: int = Field(5, ge=1)  # failed web sign-ins per username before locks begin
    signin_free_failures_per_address: int = Field(20, ge=1)  # ... per client address
    signin_lock_base_s: float = Field(2.0, gt=0)  # the first lock; doubled per further failure
    signin_max_lock_s: float = Field(900.0, gt=0)  # the longest lock
    signin_forget_s: int = Field(3600, ge=60)  # failures are forgotten this long after the last one

    # Input limits
    max_resume_chars: int = 50_000
    max_jd_chars: int = 30_000
    max_bullets: int = 80
    max_items_per_job: int = 1_000
    max_body_bytes: int = 10 * 1024 * 1024
    max_unzipped_bytes: int = 64 * 1024 * 1024  # an uploaded XLSX may unpack to at most this (zip bombs)

    # Documents (PDF/DOCX uploads; core/documents)
    doc_max_bytes: int = 10 * 1024 * 1024
    doc_max_pages: int = 10
    doc_max_unzipped_bytes: int = 50 * 1024 * 1024
    doc_max_image_pixels: int = 40_000_000
    doc_max_files: int = 200  # files in one bulk upload (or one ZIP of resumes)
    doc_ocr: bool = True
    doc_ocr_dpi: int = Field(300, ge=100, le=600)
    doc_ocr_min_confidence: float = Field(0.55, ge=0.0, le=1.0)
    doc_ocr_timeout_s: float = 60.0
    doc_ocr_lang: str = "eng"
    tesseract_cmd: str = "tesseract"

    # Jobs, workers, limits
    queue_name: str = "ats"
    job_timeout_s: int = 300
    item_max_attempts: int = 3
    stuck_after_s: int = 600
    worker_poll_s: float = 0.5
    worker_concurrency: int = Field(48, ge=1, le=512)  # items in their model call at once per worker process
    batch_poll_s: float = Field(30.0, gt=0)  # how often the batch driver polls open provider batches
    batch_gather_s: float = Field(60.0, ge=0)  # parked items wait this long for the rest of their job
    batch_window_s: float = Field(25 * 3600.0, gt=0)  # a batch not ended by then is cancelled; its items run live
    batch_max_items: int = Field(5000, ge=1, le=50_000)  # requests per provider batch
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
    auth_fail_lock_per_minute: int = Field(30, ge=1)  # past this, an address's unverified keys get 429 for the minute
    api_key_cache_s: float = 5.0

    # Web app
    web_host: str = "127.0.0.1"
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

    @field_validator("cookie_key", "webhook_secret")
    @classmethod
    def _no_placeholder(cls, value: str | None) -> str | None:
        if value is not None and any(p in value.lower() for p in _PLACEHOLDERS):
            raise ValueError("is a template placeholder; generate a random secret (see the README's Security section)")
        return value

    @field_validator("cookie_key")
    @classmethod
    def _long_cookie_key(cls, value: str | None) -> str | None:
        if value is not None and len(value) < MIN_COOKIE_KEY:
            raise ValueError(f"ATS_COOKIE_KEY must have at least {MIN_COOKIE_KEY} characters")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _long_webhook_secret(cls, value: str | None) -> str | None:
        if value is not None and len(value) < MIN_WEBHOOK_SECRET:
            raise ValueError(f"ATS_WEBHOOK_SECRET must have at least {MIN_WEBHOOK_SECRET} characters")
        return value

    @field_validator("encryption_key")
    @classmethod
    def _fernet_keys(cls, value: str | None) -> str | None:
        if value is not None and not all(_is_fernet_key(k.strip()) for k in value.split(",") if k.strip()):
            raise ValueError("ATS_ENCRYPTION_KEY must be Fernet keys (44 url-safe base64 characters), comma-separated")
        return value

    def check_production(self) -> None:
        """Raise ConfigError when ATS_ENV=production lacks what production requires (the encryption key)."""
        if self.env == "production" and not (self.encryption_key or "").strip():
            raise ConfigError(
                "ATS_ENCRYPTION_KEY is required when ATS_ENV=production (candidate texts are encrypted at rest); make "
                "one with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
            )

    @property
    def keys_dir(self) -> Path | None:
        """The folder of locally kept keys: <ATS_DATA_DIR>/keys, else beside the SQLite database, else none."""
        if self.data_dir:
            return Path(self.data_dir) / "keys"
        if self.database_url.startswith("sqlite:///") and ":memory:" not in self.database_url:
            return Path(self.database_url.removeprefix("sqlite:///")).parent / "keys"
        return None

    def require_cookie_key(self) -> str:
        """The sign-in cookie key; ConfigError when none is set (there is no default to fall back on)."""
        if not self.cookie_key:
            raise ConfigError(
                "ATS_COOKIE_KEY is not set: start with `make run` (it generates one beside the database) "
                f"or set a random value of {MIN_COOKIE_KEY}+ characters"
            )
        return self.cookie_key

    def require_webhook_secret(self) -> str:
        """The webhook signing secret; ConfigError when none is set (it is never derived from another key)."""
        if not self.webhook_secret:
            raise ConfigError(
                "webhooks are not configured: set ATS_WEBHOOK_SECRET (a random value shared with the receiver)"
            )
        return self.webhook_secret

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


def _is_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32 and len(key) == 44
    except (ValueError, UnicodeEncodeError):
        return False


def read_key_file(path: Path) -> str:
    """A locally kept key; ConfigError when another user owns it or could read it (as ssh refuses such keys)."""
    info = path.stat()
    if info.st_uid != os.getuid():
        raise ConfigError(f"{path} belongs to another user; keys must be owned by the user running the app")
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise ConfigError(f"{path} can be read by other users; run: chmod {'700' if path.is_dir() else '600'} {path}")
    if path.is_dir():
        return ""
    value = path.read_text(encoding="ascii").strip()
    if not value:
        raise ConfigError(f"{path} is empty; delete it and start `make run` to generate a new key")
    return value


def local_keys(settings: Settings) -> dict[str, str]:
    """The keys of KEY_FILES kept in settings.keys_dir that the environment did not set."""
    folder = settings.keys_dir
    if folder is None or not folder.is_dir():
        return {}
    read_key_file(folder)  # checks the folder's owner and mode
    return {
        name: read_key_file(folder / name)
        for name in KEY_FILES
        if not getattr(settings, name) and (folder / name).is_file()
    }


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, explicit overrides and locally kept keys; ConfigError on bad values."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        found = local_keys(settings)
        if found:
            settings = Settings(**{**overrides, **found})  # type: ignore[arg-type]
    except ValueError as exc:
        raise ConfigError(_first_error(exc)) from exc
    settings.check_production()
    return settings


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
