"""Batch mode around the unchanged PROCESS stage: the worker runs the stage with one of two stand-ins for the
provider, so the request a batch carries is exactly the one the live path would send (same redaction, brief,
prompt and schema) and its answer is read exactly like a live one.

- `BatchRecorder` (first pass): instead of calling the model it builds the request as a batch line and raises
  `BatchQueued` with it; the worker parks the item until the batch ends.
- `BatchAnswered` (second pass): hands the batch's answer to the provider's `rewrite_batched` (validation, one
  live repair, offline fallback, the ledger at batch price; an item the batch did not answer calls live).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from core.llm.batch import custom_id_for
from core.llm.batch_api import BatchApi
from core.types import (
    BatchSlot,
    Budget,
    ItemState,
    JDSignals,
    Provider,
    RewriteBrief,
    RewriteOptions,
    RewriteReply,
    SignalsReply,
    Stage,
)

if TYPE_CHECKING:
    from core.context import PipelineContext


class BatchQueued(Exception):  # noqa: N818 - a signal to the worker, not an error (advance() lets it through)
    """PROCESS's request is ready for a batch: the worker saves it with the item and parks the item."""

    def __init__(self, slot: BatchSlot) -> None:
        super().__init__(f"queued for a batch as {slot.custom_id}")
        self.slot = slot


@runtime_checkable
class BatchCapable(Protocol):
    """A provider that may send its rewrite requests through a batch API (`LLMProvider` is the one that does: its
    `batch_request` and `rewrite_batched` are what the stand-ins below call)."""

    def batch_api(self) -> BatchApi | None:
        """The batch API, or None."""


def batch_ready(provider: Provider) -> bool:
    """Whether this provider can take batch jobs (OpenAI, Anthropic; not compatible servers or offline)."""
    return provider.external and isinstance(provider, BatchCapable) and provider.batch_api() is not None


def batch_pass(state: ItemState, provider: Provider) -> str | None:
    """Which batch pass the item's next stage is: "record", "answer", or None (run it live as usual)."""
    if state.stage != Stage.PROCESS or state.offline_only:
        return None
    if state.batch is not None:
        return "answer"  # answered, failed, or (after a lost lease) never answered: all read by rewrite_batched
    if state.options.batch and batch_ready(provider):
        return "record"
    return None


def stage_context(state: ItemState, ctx: PipelineContext) -> PipelineContext:
    """The context to run the item's next stage with: the provider's batch stand-in when it is a batch pass."""
    which = batch_pass(state, ctx.provider)
    if which == "record":
        return replace(ctx, provider=BatchRecorder(ctx.provider, item_id=state.item_id, attempt=state.attempt))
    if which == "answer" and state.batch is not None and batch_ready(ctx.provider):
        return replace(ctx, provider=BatchAnswered(ctx.provider, state.batch))
    return ctx


class _StandIn:
    """Delegates the Provider protocol to the real provider; `rewrite` records the request (no slot yet) or reads
    the batch's answer (the slot)."""

    custom_id: str = ""
    slot: BatchSlot | None = None

    def __init__(self, provider: Any) -> None:
        self.provider = provider
        self.name: str = provider.name
        self.model: str = provider.model
        self.external: bool = provider.external

    def extract_signals(self, jd_text: str, *, budget: Budget, call_key: str = "") -> SignalsReply:
        """Signals are asked live (one call per JD, cached)."""
        reply: SignalsReply = self.provider.extract_signals(jd_text, budget=budget, call_key=call_key)
        return reply

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
        """First pass: raise BatchQueued with the request this call would have sent (checked against the budget at
        batch price). Second pass: the provider reads the batch's answer (or calls live when there is none)."""
        if self.slot is None:
            slot: BatchSlot = self.provider.batch_request(
                bullets, signals, custom_id=self.custom_id, call_key=call_key, options=options, brief=brief
            )
            budget.check(slot.estimate_usd)  # DailyLimitReached parks the item as paused_limit, as a live call would
            raise BatchQueued(slot)
        reply: RewriteReply = self.provider.rewrite_batched(
            bullets, signals, budget=budget, slot=self.slot, call_key=call_key, options=options, brief=brief
        )
        return reply


class BatchRecorder(_StandIn):
    """The first pass: PROCESS's rewrite call becomes a batch line."""

    def __init__(self, provider: Any, *, item_id: str, attempt: int) -> None:
        super().__init__(provider)
        self.custom_id = custom_id_for(item_id, attempt)


class BatchAnswered(_StandIn):
    """The second pass: PROCESS's rewrite call reads the batch's answer for this item."""

    def __init__(self, provider: Any, slot: BatchSlot) -> None:
        super().__init__(provider)
        self.slot = slot
