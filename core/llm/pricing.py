"""Token estimates and the editable price table (USD per million tokens, per provider and model)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from core.errors import ConfigError

DEFAULT_PRICES_FILE = Path(__file__).resolve().parent.parent / "data" / "prices.json"

CHARS_PER_TOKEN = 4
"""English BPE tokenizers average about 4 characters per token (OpenAI's and Anthropic's rule of thumb)."""

MESSAGE_OVERHEAD_TOKENS = 8
"""Role markers and separators the API adds around each message."""


def estimate_tokens(text: str) -> int:
    """Upper-leaning token estimate without a tokenizer: ASCII chars / 4, plus one token per non-ASCII char.

    Tokenizer files cannot be downloaded here, so the budget check uses this approximation; the cost
    actually booked always comes from the usage the provider reports.
    """
    if not text:
        return 0
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return math.ceil((len(text) - non_ascii) / CHARS_PER_TOKEN) + non_ascii


def estimate_prompt_tokens(*messages: str) -> int:
    """Estimated input tokens of a request made of these messages."""
    return sum(estimate_tokens(m) + MESSAGE_OVERHEAD_TOKENS for m in messages)


BATCH_DISCOUNT = 0.5
"""Both providers' batch APIs charge half the live price; a row may state its own `batch_input`/`batch_output`."""


@dataclass(frozen=True)
class Price:
    """USD per million input and output tokens."""

    input: float
    output: float


class PriceTable:
    """Prices per provider and model; unknown models take the provider's '*' row, then the global '*'."""

    def __init__(self, table: dict[str, object]) -> None:
        self._table = table

    def price(self, provider: str, model: str, *, batch: bool = False) -> Price:
        """The price row for (provider, model): live, or through the provider's batch API."""
        rows = self._table.get(provider)
        row = None
        if isinstance(rows, dict):
            row = rows.get(model) or rows.get("*")
        row = row or self._table.get("*") or {"input": 0.0, "output": 0.0}
        assert isinstance(row, dict)
        live = Price(float(row.get("input", 0.0)), float(row.get("output", 0.0)))
        if not batch:
            return live
        return Price(
            float(row.get("batch_input", live.input * BATCH_DISCOUNT)),
            float(row.get("batch_output", live.output * BATCH_DISCOUNT)),
        )

    def cost(self, provider: str, model: str, input_tokens: int, output_tokens: int, *, batch: bool = False) -> float:
        """USD for a call with these token counts (at the batch price when it went through a batch)."""
        p = self.price(provider, model, batch=batch)
        return round((input_tokens * p.input + output_tokens * p.output) / 1_000_000, 8)


def load_prices(path: str | Path | None = None) -> PriceTable:
    """Read the price table (ATS_LLM_PRICES_FILE, else core/data/prices.json); a broken file is a ConfigError."""
    source = Path(path) if path else DEFAULT_PRICES_FILE
    try:
        table = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the LLM price table {source} (ATS_LLM_PRICES_FILE): {exc}") from exc
    if not isinstance(table, dict):
        raise ConfigError(f"the LLM price table {source} (ATS_LLM_PRICES_FILE) must be a JSON object")
    return PriceTable(table)
