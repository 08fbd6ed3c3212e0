"""Build the PipelineContext once per process: matcher, extractor and provider loaded at the edge."""

from __future__ import annotations

import gc
from functools import lru_cache
from typing import TYPE_CHECKING

from core.context import Limits, PipelineContext
from core.llm.offline import OfflineProvider
from core.types import Budget, MemoryCache, Provider, SignalsCache, UnlimitedBudget

if TYPE_CHECKING:
    from core.config import Settings
    from core.llm.ratelimit import RateStore
    from core.llm.resilience import BreakerStore
    from core.signals import SignalExtractor
    from core.skills import SkillMatcher


@lru_cache(maxsize=1)
def load_local() -> tuple[SkillMatcher, SignalExtractor]:
    """The default matcher and extractor, built once per process (~seconds)."""
    from core.signals import SignalExtractor
    from core.skills import load_matcher

    matcher = load_matcher()
    extractor = SignalExtractor(matcher)
    from core import grammar

    grammar.warm_up()  # the verb lexicon (~1 s) loads here, not inside the first item a worker runs
    from core.text_similarity import load_text_model

    load_text_model()  # the score's text similarity IDF (~1 s), likewise
    # The taxonomy and spaCy's vocabulary are hundreds of thousands of long-lived objects; moving them out of
    # the collector's sight stops every full collection from rescanning them (they were ~20% of a pair's time).
    gc.collect()  # garbage left from building them is freed first, not frozen
    gc.freeze()
    return matcher, extractor  # the matcher remembers recent texts itself


def limits_from(settings: Settings) -> Limits:
    """The input limits the settings ask for."""
    return Limits(
        max_resume_chars=settings.max_resume_chars,
        max_jd_chars=settings.max_jd_chars,
        max_bullets=settings.max_bullets,
    )


def build_context(
    settings: Settings,
    *,
    provider: Provider | None = None,
    cache: SignalsCache | None = None,
    budget: Budget | None = None,
    breaker_store: BreakerStore | None = None,
    rate_store: RateStore | None = None,
) -> PipelineContext:
    """Everything the pipeline needs; the LLM registry is imported only when an LLM provider is configured."""
    matcher, extractor = load_local()
    offline = OfflineProvider(matcher=matcher, extractor=extractor)
    if provider is None:
        if settings.llm_provider == "offline":
            provider = offline
        else:
            from core.llm.registry import make_provider

            provider = make_provider(settings, offline=offline, breaker_store=breaker_store, rate_store=rate_store)
    return PipelineContext(
        matcher=matcher,
        extractor=extractor,
        provider=provider,
        offline=offline,
        cache=cache if cache is not None else MemoryCache(),
        budget=budget if budget is not None else UnlimitedBudget(),
        limits=limits_from(settings),
        injection_policy=settings.injection_policy,
        llm_signals_threshold=settings.llm_signals_threshold,
    )
