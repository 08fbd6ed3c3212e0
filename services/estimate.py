"""A job's cost estimate before anything runs: tokens from text length, prices from the price table."""

from __future__ import annotations

from functools import lru_cache

from core.config import Settings
from core.llm.pricing import PriceTable, estimate_prompt_tokens, estimate_tokens, load_prices

PROMPT_OVERHEAD_TOKENS = 600  # instructions and JSON schema around the bullets
PER_BULLET_OUTPUT_TOKENS = 40  # keywords, rationale and punctuation beside each rewrite


@lru_cache(maxsize=4)
def _prices(path: str | None) -> PriceTable:
    return load_prices(path)


BATCH_PROVIDERS = ("openai", "anthropic")  # the providers with a batch API (compatible servers have none)


def batch_available(settings: Settings) -> bool:
    """Whether jobs may ask for batch mode with the configured provider."""
    return settings.llm_provider in BATCH_PROVIDERS


def estimate_item_usd(settings: Settings, *, resume: str, jd: str, bullets: int, batch: bool = False) -> float:
    """Upper-leaning USD estimate of one pair (0 with the offline engine); `batch` prices it through the batch API."""
    if settings.llm_provider == "offline":
        return 0.0
    batch = batch and batch_available(settings)
    price = _prices(settings.llm_prices_file).price(settings.llm_provider, settings.model_name, batch=batch)
    input_tokens = estimate_prompt_tokens(resume, jd) + PROMPT_OVERHEAD_TOKENS
    output_tokens = estimate_tokens(resume) + bullets * PER_BULLET_OUTPUT_TOKENS
    return round((input_tokens * price.input + output_tokens * price.output) / 1_000_000, 8)
