"""Choose and build a provider from Settings (plus command-line overrides): the one place names map to classes."""

from __future__ import annotations

import json
from typing import Any

from core.config import DEFAULT_MODELS, Settings
from core.errors import ConfigError
from core.llm.anthropic_provider import AnthropicProvider
from core.llm.base import LLMProvider
from core.llm.openai_provider import OpenAICompatibleProvider, OpenAIProvider
from core.llm.pricing import load_prices
from core.llm.ratelimit import MemoryRateStore, RateLimiter, RateLimits, RateStore
from core.llm.resilience import BreakerStore, CircuitBreaker, MemoryBreakerStore, RetryPolicy
from core.types import Provider

PROVIDERS: dict[str, type[LLMProvider]] = {
    OpenAIProvider.name: OpenAIProvider,
    AnthropicProvider.name: AnthropicProvider,
    OpenAICompatibleProvider.name: OpenAICompatibleProvider,
}
"""Provider name -> class; `offline` is handled apart because it needs none of the LLM machinery."""

_KEYS = {"openai": "openai_api_key", "anthropic": "anthropic_api_key", "openai-compatible": "llm_api_key"}


def provider_names() -> list[str]:
    """Every accepted provider name."""
    return ["offline", *PROVIDERS]


def make_provider(
    settings: Settings,
    *,
    provider: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    breaker_store: BreakerStore | None = None,
    rate_store: RateStore | None = None,
    offline: Provider | None = None,
    retry: RetryPolicy | None = None,
    options: dict[str, Any] | None = None,
) -> Provider:
    """The configured provider; explicit arguments win over settings. Raises ConfigError naming what to set.

    `breaker_store` and `rate_store` come from the edge (Redis or the database when several workers share them).
    """
    name = provider or settings.llm_provider
    if name == "offline":
        from core.llm.offline import OfflineProvider

        return OfflineProvider()
    cls = PROVIDERS.get(name)
    if cls is None:
        raise ConfigError(f"unknown provider {name!r} (ATS_LLM_PROVIDER): choose one of {', '.join(provider_names())}")
    # ATS_LLM_MODEL and ATS_LLM_OPTIONS belong to ATS_LLM_PROVIDER; another provider chosen on the command line
    # takes its own defaults.
    same = provider is None or provider == settings.llm_provider
    chosen_model = model or (settings.llm_model if same else None) or DEFAULT_MODELS[name]
    url = base_url or settings.llm_base_url
    if name == "openai-compatible" and not url:
        raise ConfigError("the openai-compatible provider needs a server: set ATS_LLM_BASE_URL (or pass --base-url)")
    key = api_key or getattr(settings, _KEYS[name])
    store = breaker_store or MemoryBreakerStore()
    breaker = CircuitBreaker(
        f"{name}:{url or 'default'}",
        store,
        failures=settings.llm_breaker_failures,
        cooldown_s=settings.llm_breaker_cooldown_s,
    )
    # ATS_LLM_RPM/TPM are the limits of ATS_LLM_PROVIDER's model; any model still obeys its server's headers.
    configured = same and chosen_model == settings.model_name
    limits = RateLimits(settings.llm_rpm, settings.llm_tpm) if configured else RateLimits()
    return cls(
        model=chosen_model,
        api_key=key,
        base_url=url,
        timeout_s=settings.llm_timeout_s,
        retry=retry
        or RetryPolicy(
            max_retries=settings.llm_max_retries,
            base_s=settings.llm_retry_base_s,
            rate_limit_retries=settings.llm_rate_limit_retries,
        ),
        breaker=breaker,
        prices=load_prices(settings.llm_prices_file),
        max_reply_bytes=settings.llm_max_reply_bytes,
        offline=offline,
        options=options if options is not None else (_settings_options(settings) if same else {}),
        limiter=RateLimiter(rate_store or MemoryRateStore(), limits),
    )


def _settings_options(settings: Settings) -> dict[str, Any]:
    if not settings.llm_options:
        return {}
    try:
        data = json.loads(settings.llm_options)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"ATS_LLM_OPTIONS is not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise ConfigError('ATS_LLM_OPTIONS must be a JSON object such as {"temperature": 0.2}')
    return data
