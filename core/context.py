"""What the pipeline needs besides the item: heavy resources built once at the edge and passed in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from core.types import Budget, MemoryCache, Provider, SignalsCache, UnlimitedBudget

if TYPE_CHECKING:
    from core.signals import SignalExtractor
    from core.skills import SkillMatcher


@dataclass(frozen=True)
class Limits:
    """Input size limits (settings)."""

    max_resume_chars: int = 50_000
    max_jd_chars: int = 30_000
    max_bullets: int = 80


@dataclass
class PipelineContext:
    """Resources one process loads once and every item shares."""

    matcher: SkillMatcher
    extractor: SignalExtractor
    provider: Provider
    offline: Provider
    cache: SignalsCache = field(default_factory=MemoryCache)
    budget: Budget = field(default_factory=UnlimitedBudget)
    limits: Limits = field(default_factory=Limits)
    injection_policy: Literal["quarantine", "offline"] = "quarantine"
    llm_signals_threshold: float = 0.5
