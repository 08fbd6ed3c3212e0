"""The shared flow of every LLM provider: budget check, retries, breaker, accounting, one repair, offline fallback."""

from __future__ import annotations

import hashlib
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from core.errors import CircuitOpenError, ConfigError, DailyLimitReached, ProviderError, ReplyFormatError
from core.llm.batch_api import BatchApi
from core.llm.pricing import PriceTable, estimate_prompt_tokens, estimate_tokens, load_prices
from core.llm.prompts import (
    Prompt,
    build_prompt,
    build_repair_prompt,
    build_signals_prompt,
    parse_reply,
    parse_signals_reply,
)
from core.llm.ratelimit import MemoryRateStore, RateLimiter, RateLimits, parse_rate_headers
from core.llm.resilience import CircuitBreaker, MemoryBreakerStore, RetryPolicy, status_of
from core.types import (
    BatchSlot,
    Budget,
    BulletRewrite,
    CallRecord,
    Flag,
    JDSignals,
    Provider,
    RewriteBrief,
    RewriteOptions,
    RewriteReply,
    SignalsReply,
)

T = TypeVar("T")

SIGNALS_OUTPUT_TOKENS = 400  # a signals reply is a few short lists
PER_BULLET_OUTPUT_TOKENS = 40  # keywords_used, rationale and JSON punctuation around each rewrite


@dataclass
class RawReply:
    """What a provider's wire call returns: the reply body (text, or a tool's input), the reported usage and the
    response headers (their rate-limit facts pace every worker)."""

    payload: str | dict[str, Any]
    input_tokens: int
    output_tokens: int
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Outcome(Generic[T]):
    value: T | None
    record: CallRecord
    problem: str = ""
    bad_format: bool = False  # the server answered, but the reply could not be used (a repair may help)


class LLMProvider(ABC):
    """Base class: subclasses declare their key and Options and implement `_send` (one wire call)."""

    name: str = "llm"
    key_env_var: ClassVar[str | None] = None
    needs_key: ClassVar[bool] = True
    schema_in_prompt: ClassVar[bool] = False  # True: JSON mode only, so the schema is written into the prompt
    external: bool = True

    class Options(BaseModel):
        """Provider knobs; unknown fields are refused."""

        model_config = ConfigDict(extra="forbid")

        temperature: float | None = Field(default=None, ge=0, le=2)
        max_output_tokens: int = Field(default=8192, ge=64)

    def __init__(
        self,
        *,
        model: str,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout_s: float = 60.0,
        retry: RetryPolicy | None = None,
        breaker: CircuitBreaker | None = None,
        prices: PriceTable | None = None,
        max_reply_bytes: int = 200_000,
        offline: Provider | None = None,
        options: dict[str, Any] | BaseModel | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        if self.needs_key and not api_key:
            raise ConfigError(f"the {self.name} provider needs an API key: set {self.key_env_var}")
        self.model = model
        self.base_url = base_url
        self.timeout_s = timeout_s
        self.retry = retry or RetryPolicy()
        self.breaker = breaker or CircuitBreaker(f"{self.name}:{base_url or 'default'}", MemoryBreakerStore())
        # Without a shared store the limiter still obeys the provider's headers within this process.
        self.limiter = limiter or RateLimiter(MemoryRateStore(), RateLimits())
        self.prices = prices or load_prices()
        self.max_reply_bytes = max_reply_bytes
        self.options = self._parse_options(options)
        self._api_key = api_key
        self._offline = offline
        self._client: Any = None

    @classmethod
    def _parse_options(cls, options: dict[str, Any] | BaseModel | None) -> Any:
        if isinstance(options, cls.Options):
            return options
        data = options.model_dump() if isinstance(options, BaseModel) else dict(options or {})
        try:
            return cls.Options(**data)
        except ValueError as exc:
            raise ConfigError(f"invalid options for the {cls.name} provider: {exc}") from exc

    @property
    def limit_key(self) -> str:
        """The rate-limit key: one schedule per provider, model and server."""
        return f"{self.name}:{self.model}:{self.base_url or 'default'}"

    @property
    def client(self) -> Any:
        """The SDK client, built on first use (so importing or configuring a provider costs nothing)."""
        if self._client is None:
            self._client = self._build_client()
        return self._client

    @abstractmethod
    def _build_client(self) -> Any:
        """Build the provider's SDK client."""

    @abstractmethod
    def _send(self, prompt: Prompt, max_tokens: int) -> RawReply:
        """One wire call; raises the SDK's errors or ReplyFormatError (reply over the size limit)."""

    def _sdk_errors(self) -> tuple[type[BaseException], ...]:
        """The SDK's base error classes (caught and turned into a failed CallRecord)."""
        return ()

    def _request(self, prompt: Prompt, max_tokens: int) -> dict[str, Any]:
        """The request body of one call (what `_send` sends, and what a batch line carries)."""
        raise NotImplementedError

    # -- the domain methods -------------------------------------------------------------------------------

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
        """All bullets in one request; one repair on a bad reply; the offline engine with a flag after that."""
        options = options or RewriteOptions()
        if not bullets:
            return RewriteReply(rewrites=[])
        prompt, parse, out_tokens = self._rewrite_plan(bullets, signals, options, brief)
        key = call_key or f"{self.name}:rewrite:{_digest(prompt.user)}"
        value, records, problem = self._ask_with_repair(prompt, key, "rewrite", budget, parse, out_tokens)
        if value is not None:
            return RewriteReply(rewrites=value, records=records)
        return self._fallback(
            bullets, signals, budget=budget, call_key=key, options=options, records=records, why=problem, brief=brief
        )

    def _rewrite_plan(
        self, bullets: list[str], signals: JDSignals, options: RewriteOptions, brief: RewriteBrief | None
    ) -> tuple[Prompt, Callable[[str | dict[str, Any]], list[BulletRewrite]], int]:
        """The rewrite request of these bullets, the reader of its reply, and the expected output tokens."""
        prompt = build_prompt(bullets, signals, options, schema_in_prompt=self.schema_in_prompt, brief=brief)
        out_tokens = estimate_tokens(" ".join(bullets)) * max(options.variants, 1) + PER_BULLET_OUTPUT_TOKENS * len(
            bullets
        )

        def parse(raw: str | dict[str, Any]) -> list[BulletRewrite]:
            return parse_reply(
                raw, len(bullets), max_bytes=self.max_reply_bytes, max_variants=max(options.variants - 1, 0)
            )

        return prompt, parse, out_tokens

    # -- batch mode (the provider's batch API at its batch price) ------------------------------------------

    def batch_api(self) -> BatchApi | None:
        """This provider's batch API, or None when it has none (the item then runs live)."""
        return None

    def reply_from_body(self, body: dict[str, Any], schema_name: str) -> RawReply:
        """Read one response body as a batch returns it."""
        raise NotImplementedError(f"the {self.name} provider has no batch API")

    def batch_request(
        self,
        bullets: list[str],
        signals: JDSignals,
        *,
        custom_id: str,
        call_key: str,
        options: RewriteOptions | None = None,
        brief: RewriteBrief | None = None,
    ) -> BatchSlot:
        """The rewrite request a live call would send, as one line of a batch, with its estimate at batch price."""
        options = options or RewriteOptions()
        prompt, _, out_tokens = self._rewrite_plan(bullets, signals, options, brief)
        max_tokens = self._max_tokens(out_tokens)
        in_tokens = estimate_prompt_tokens(prompt.system, prompt.user)
        usd = self.prices.cost(self.name, self.model, in_tokens, min(out_tokens, max_tokens), batch=True)
        return BatchSlot(
            custom_id=custom_id,
            call_key=call_key,
            provider=self.name,
            model=self.model,
            request=self._request(prompt, max_tokens),
            estimate_usd=usd,
        )

    def rewrite_batched(
        self,
        bullets: list[str],
        signals: JDSignals,
        *,
        budget: Budget,
        slot: BatchSlot,
        call_key: str = "",
        options: RewriteOptions | None = None,
        brief: RewriteBrief | None = None,
    ) -> RewriteReply:
        """The batch's answer read exactly like a live reply (one live repair, then the offline engine); an item the
        batch did not answer (expired, failed, errored) makes its call live now."""
        options = options or RewriteOptions()
        key = call_key or slot.call_key
        base = CallRecord(call_key=f"{slot.call_key}:batch", provider=self.name, model=self.model, purpose="rewrite")
        if slot.reply is None or slot.provider != self.name or slot.model != self.model:
            why = slot.error or ("no answer in the batch" if slot.reply is None else "the provider changed since")
            missed = base.model_copy(update={"ok": False, "error": why[:300]})
            live = self.rewrite(bullets, signals, budget=budget, call_key=key, options=options, brief=brief)
            return live.model_copy(update={"records": [missed, *live.records]})
        prompt, parse, out_tokens = self._rewrite_plan(bullets, signals, options, brief)
        try:
            raw = self.reply_from_body(slot.reply, prompt.schema_name)
        except ReplyFormatError as exc:
            raw, problem = None, str(exc)
        usage = {"input_tokens": raw.input_tokens, "output_tokens": raw.output_tokens} if raw else {}
        usd = self.prices.cost(
            self.name, self.model, usage.get("input_tokens", 0), usage.get("output_tokens", 0), batch=True
        )
        record = base.model_copy(update={**usage, "usd": usd})
        if raw is not None:
            try:
                return RewriteReply(rewrites=parse(raw.payload), records=[record])
            except ReplyFormatError as exc:
                problem = str(exc)
        bad = record.model_copy(update={"ok": False, "error": problem})
        repair = self._ask(build_repair_prompt(prompt, problem), f"{key}:repair", "repair", budget, parse, out_tokens)
        if repair.value is not None:
            return RewriteReply(rewrites=repair.value, records=[bad, repair.record])
        return self._fallback(
            bullets,
            signals,
            budget=budget,
            call_key=key,
            options=options,
            records=[bad, repair.record],
            why=repair.problem,
            brief=brief,
        )

    def extract_signals(self, jd_text: str, *, budget: Budget, call_key: str = "") -> SignalsReply:
        """Signals from the model; on failure, empty signals at confidence 0 so the caller keeps its local ones."""
        prompt = build_signals_prompt(jd_text, schema_in_prompt=self.schema_in_prompt)
        key = call_key or f"{self.name}:signals:{_digest(prompt.user)}"

        def parse(raw: str | dict[str, Any]) -> JDSignals:
            return parse_signals_reply(raw, jd_text, max_bytes=self.max_reply_bytes)

        value, records, _ = self._ask_with_repair(prompt, key, "signals", budget, parse, SIGNALS_OUTPUT_TOKENS)
        return SignalsReply(signals=value or JDSignals(confidence=0.0, source="llm"), records=records)

    # -- the call, with its accounting ---------------------------------------------------------------------

    def _ask_with_repair(
        self,
        prompt: Prompt,
        key: str,
        purpose: str,
        budget: Budget,
        parse: Callable[[str | dict[str, Any]], T],
        out_tokens: int,
    ) -> tuple[T | None, list[CallRecord], str]:
        """The call, and exactly one repair request when the server answered with something unusable."""
        outcome = self._ask(prompt, key, purpose, budget, parse, out_tokens)
        records = [outcome.record]
        if outcome.value is None and outcome.bad_format:
            repair = build_repair_prompt(prompt, outcome.problem)
            outcome = self._ask(repair, f"{key}:repair", "repair", budget, parse, out_tokens)
            records.append(outcome.record)
        return outcome.value, records, outcome.problem

    def _ask(
        self,
        prompt: Prompt,
        call_key: str,
        purpose: str,
        budget: Budget,
        parse: Callable[[str | dict[str, Any]], T],
        out_tokens: int,
    ) -> _Outcome[T]:
        """One logical call (retried inside) turned into a value or a problem, always with its CallRecord."""
        max_tokens = self._max_tokens(out_tokens)
        in_tokens = estimate_prompt_tokens(prompt.system, prompt.user)
        estimate = self.prices.cost(self.name, self.model, in_tokens, min(out_tokens, max_tokens))
        tokens = in_tokens + min(out_tokens, max_tokens)

        def attempt() -> RawReply:
            budget.check(estimate)  # before every request that could be billed, retries included
            return self.breaker.call(lambda: self._paced_send(prompt, max_tokens, tokens))

        caught: tuple[type[BaseException], ...] = (ProviderError, *self._sdk_errors())
        started = time.perf_counter()
        base = CallRecord(call_key=call_key, provider=self.name, model=self.model, purpose=purpose)
        try:
            raw = self.retry.call(attempt)
        except DailyLimitReached:
            raise
        except caught as exc:
            ms = (time.perf_counter() - started) * 1000
            problem = _describe(exc)
            failed = base.model_copy(update={"latency_ms": round(ms, 3), "ok": False, "error": problem})
            return _Outcome(None, failed, problem, bad_format=isinstance(exc, ReplyFormatError))
        ms = (time.perf_counter() - started) * 1000
        usd = self.prices.cost(self.name, self.model, raw.input_tokens, raw.output_tokens)
        done = base.model_copy(
            update={
                "input_tokens": raw.input_tokens,
                "output_tokens": raw.output_tokens,
                "usd": usd,
                "latency_ms": round(ms, 3),
            }
        )
        try:
            value = parse(raw.payload)
        except ReplyFormatError as exc:
            bad = done.model_copy(update={"ok": False, "error": str(exc)})
            return _Outcome(None, bad, str(exc), bad_format=True)
        return _Outcome(value, done)

    def _max_tokens(self, out_tokens: int) -> int:
        """The request's output cap: room for twice the expected reply, at least 1024, within the option."""
        return min(self.options.max_output_tokens, max(1024, 2 * out_tokens))

    def _paced_send(self, prompt: Prompt, max_tokens: int, tokens: int) -> RawReply:
        """One wire call in its turn under the shared rate limit; the response's rate-limit headers adjust it."""
        self.limiter.acquire(self.limit_key, tokens)
        try:
            raw = self._send(prompt, max_tokens)
        except Exception as exc:
            status = status_of(exc) or 0
            headers = _error_headers(exc)
            if headers or status == 429:
                self.limiter.observe(self.limit_key, parse_rate_headers(headers, status=status))
            raise
        used = raw.input_tokens + raw.output_tokens
        self.limiter.observe(self.limit_key, parse_rate_headers(raw.headers), extra_tokens=used - tokens if used else 0)
        return raw

    def _fallback(
        self,
        bullets: list[str],
        signals: JDSignals,
        *,
        budget: Budget,
        call_key: str,
        options: RewriteOptions,
        records: list[CallRecord],
        why: str,
        brief: RewriteBrief | None = None,
    ) -> RewriteReply:
        """The offline engine's rewrites for this pair, flagged so a reviewer sees the model was not used."""
        if self._offline is None:
            self._offline = _default_offline()  # kept: it loads the skills matcher (seconds) on first use
        offline = self._offline
        reply = offline.rewrite(
            bullets, signals, budget=budget, call_key=f"{call_key}:offline", options=options, brief=brief
        )
        flag = Flag(kind="llm_fallback", detail=f"{self.name} model {self.model} not used ({why}); offline rewrite")
        return RewriteReply(rewrites=reply.rewrites, records=[*records, *reply.records], flags=[*reply.flags, flag])


@contextmanager
def unexpected_response(wire: str) -> Iterator[None]:
    """Turn a 200 response that is not the wire format (a proxy's HTML page, a truncated body) into a bad reply."""
    try:
        yield
    except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
        raise ReplyFormatError(f"the response is not a valid {wire} response ({type(exc).__name__})") from None


def _error_headers(exc: BaseException) -> dict[str, str]:
    """The response headers an SDK error carries (an HTTP error answered by the server), else none."""
    headers = getattr(getattr(exc, "response", None), "headers", None)
    return dict(headers.items()) if headers is not None else {}


def _default_offline() -> Provider:
    from core.llm.offline import OfflineProvider  # imported late: the offline engine is optional for this module

    return OfflineProvider()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _describe(exc: BaseException) -> str:
    """A short, PII-free reason: the error class and HTTP status, never the request or reply text."""
    if isinstance(exc, (CircuitOpenError, ReplyFormatError)):
        return str(exc)
    status = getattr(exc, "status_code", None)
    kind = type(exc).__name__
    return f"{kind} (HTTP {status})" if status else kind
