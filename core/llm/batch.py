"""Batch mode, the pure part: the lines a provider's batch API takes and the reading of what it gives back.

A bulk job in batch mode sends each item's PROCESS request (the very body the live call would send: same
redaction, prompt and schema) in one batch, and reads each item's reply back by its custom id. The wire calls
(files, batches) are in `batch_api.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

OPENAI_ENDPOINT = "/v1/chat/completions"
CUSTOM_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # what both providers accept (Anthropic's rule is the stricter)


@dataclass(frozen=True)
class BatchLine:
    """One request of a batch: who it is for and the request body."""

    custom_id: str
    body: dict[str, Any]


@dataclass(frozen=True)
class LineResult:
    """What the batch gave back for one request: the response body, or why there is none."""

    body: dict[str, Any] | None = None
    error: str | None = None


@dataclass(frozen=True)
class BatchStatus:
    """A batch as the provider reports it (`state` is the provider's own word)."""

    state: str
    ended: bool
    total: int = 0
    done: int = 0
    failed: int = 0


def custom_id_for(item_id: str, attempt: int) -> str:
    """The custom id of an item's request: its id and the attempt that submitted it."""
    custom = f"{item_id}-{attempt}"
    if not CUSTOM_ID.match(custom):
        raise ValueError(f"not a valid batch custom id: {custom!r}")
    return custom


def item_of(custom_id: str) -> str:
    """The item id inside a custom id."""
    return custom_id.rsplit("-", 1)[0]


def openai_jsonl(lines: Sequence[BatchLine], endpoint: str = OPENAI_ENDPOINT) -> bytes:
    """The OpenAI Batch API input file: one JSON request a line."""
    rows = (
        json.dumps({"custom_id": line.custom_id, "method": "POST", "url": endpoint, "body": line.body})
        for line in lines
    )
    return ("\n".join(rows) + "\n").encode("utf-8")


def read_openai_output(text: str) -> dict[str, LineResult]:
    """An OpenAI output or error file: by custom id, the response body (HTTP 200) or a readable error."""
    out: dict[str, LineResult] = {}
    for raw in text.splitlines():
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            custom_id = str(row["custom_id"])
        except (ValueError, KeyError, TypeError):
            continue  # a line we cannot attribute: its item is reported missing by the caller
        response = row.get("response") or {}
        error = row.get("error")
        status = response.get("status_code")
        body = response.get("body")
        if status == 200 and isinstance(body, dict) and not error:
            out[custom_id] = LineResult(body=body)
            continue
        if isinstance(error, dict):
            reason = f"{error.get('code') or 'error'}: {str(error.get('message') or '')[:200]}"
        elif isinstance(body, dict) and isinstance(body.get("error"), dict):
            reason = f"HTTP {status}: {str(body['error'].get('message') or '')[:200]}"
        else:
            reason = f"HTTP {status}" if status else "no response"
        out[custom_id] = LineResult(error=reason)
    return out


def anthropic_requests(lines: Sequence[BatchLine]) -> list[dict[str, Any]]:
    """The Anthropic Message Batches `requests` list."""
    return [{"custom_id": line.custom_id, "params": line.body} for line in lines]


def read_anthropic_results(entries: Iterable[dict[str, Any]]) -> dict[str, LineResult]:
    """Anthropic batch results (one per request): by custom id, the message or why there is none."""
    out: dict[str, LineResult] = {}
    for entry in entries:
        custom_id = entry.get("custom_id")
        result = entry.get("result") or {}
        if not isinstance(custom_id, str):
            continue
        kind = result.get("type")
        if kind == "succeeded" and isinstance(result.get("message"), dict):
            out[custom_id] = LineResult(body=result["message"])
        elif kind == "errored":
            error = (result.get("error") or {}).get("error") or result.get("error") or {}
            out[custom_id] = LineResult(error=f"errored: {error.get('type', 'error')}")
        else:
            out[custom_id] = LineResult(error=str(kind or "no result"))
    return out
