"""Anthropic's Message Batches wire format: POST /v1/messages/batches, GET /v1/messages/batches[/{id}],
GET /v1/messages/batches/{id}/results (JSONL), POST /v1/messages/batches/{id}/cancel."""

from __future__ import annotations

import json
import random
import time
from collections import deque
from datetime import UTC, datetime

from tests.fakes.batch_lifecycle import Answer, FakeBatch, Lifecycle

PREFIX = "/v1/messages/batches"


def _stamp(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, tz=UTC).isoformat().replace("+00:00", "Z")


class AnthropicBatches:
    """Message batches in memory; each runs the next scripted Lifecycle."""

    def __init__(self, answer: Answer, base_url: str = "") -> None:
        self.answer = answer
        self.base_url = base_url  # set by the server once it knows its port (results_url is absolute)
        self.batches: dict[str, FakeBatch] = {}
        self.lifecycles: deque[Lifecycle] = deque()
        self.default = Lifecycle()
        self.shuffle = random.Random(6)

    def handles(self, path: str) -> bool:
        """Whether this path belongs to the message batches API."""
        return path.split("?")[0].startswith(PREFIX)

    def post(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        """Create or cancel a batch."""
        route = path.split("?")[0].rstrip("/")
        if route == PREFIX:
            requests = json.loads(body).get("requests") or []
            lines = [(r["custom_id"], "/v1/messages", _compact(r["params"])) for r in requests]
            lifecycle = self.lifecycles.popleft() if self.lifecycles else self.default
            batch = FakeBatch(lines, lifecycle, "msgbatch")
            self.batches[batch.id] = batch
            return 200, {}, _json(self._batch(batch))
        if route.endswith("/cancel"):
            batch = self.batches.get(route.split("/")[4])
            if batch is None:
                return 404, {}, _error("not_found_error", "no such batch")
            batch.cancelled_at = time.time()
            return 200, {}, _json(self._batch(batch))
        return 404, {}, _error("not_found_error", f"no route for POST {path}")

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """A batch, the list, or an ended batch's results."""
        route = path.split("?")[0].rstrip("/")
        parts = route.split("/")
        if route == PREFIX:
            data = [self._batch(b) for b in reversed(list(self.batches.values()))]
            page = {"data": data, "has_more": False}
            page.update(first_id=data[0]["id"] if data else None, last_id=data[-1]["id"] if data else None)
            return 200, {}, _json(page)
        batch = self.batches.get(parts[4]) if len(parts) > 4 else None
        if batch is None:
            return 404, {}, _error("not_found_error", "no such batch")
        if route.endswith("/results"):
            if batch.phase() != "ended":
                return 400, {}, _error("invalid_request_error", "the batch is still processing")
            return 200, {"Content-Type": "application/binary"}, self._results(batch)
        return 200, {}, _json(self._batch(batch))

    def _batch(self, batch: FakeBatch) -> dict:
        phase = batch.phase()
        ok, errors, total = batch.counts()
        ended = phase == "ended"
        not_run = total - ok - errors if ended else 0
        counts = {
            "processing": 0 if ended else total - ok - errors,
            "succeeded": ok,
            "errored": errors + (not_run if batch.lifecycle.outcome == "failed" and not batch.cancelled_at else 0),
            "canceled": not_run if batch.cancelled_at else 0,
            "expired": not_run if batch.lifecycle.outcome == "expired" and not batch.cancelled_at else 0,
        }
        status = "ended" if ended else ("canceling" if batch.cancelled_at else "in_progress")
        return {
            "id": batch.id,
            "type": "message_batch",
            "processing_status": status,
            "request_counts": counts,
            "created_at": _stamp(batch.created),
            "expires_at": _stamp(batch.created + 24 * 3600),
            "ended_at": _stamp(time.time()) if ended else None,
            "archived_at": None,
            "cancel_initiated_at": _stamp(batch.cancelled_at),
            "results_url": f"{self.base_url}{PREFIX}/{batch.id}/results" if ended else None,
        }

    def _results(self, batch: FakeBatch) -> bytes:
        rows = []
        for o in batch.outcomes(self.answer):
            if o.missing == "failed":
                result: dict = {"type": "errored", "error": _error_body("invalid_request_error", "scripted failure")}
            elif o.missing:
                result = {"type": "canceled" if o.missing == "cancelled" else "expired"}
            elif o.status != 200:
                result = {"type": "errored", "error": _error_body("api_error", "internal error")}
            else:
                result = {"type": "succeeded", "message": o.body}
            rows.append({"custom_id": o.custom_id, "result": result})
        self.shuffle.shuffle(rows)
        return ("\n".join(json.dumps(r) for r in rows) + "\n").encode()


def _error_body(kind: str, message: str) -> dict:
    return {"type": "error", "error": {"type": kind, "message": message}}


def _error(kind: str, message: str) -> bytes:
    return _json(_error_body(kind, message))


def _compact(value: object) -> bytes:
    # The SDKs send compact JSON; the plain fake's usage counts bytes, so a batch line is counted the same.
    return json.dumps(value, separators=(",", ":")).encode()


def _json(value: object) -> bytes:
    return json.dumps(value).encode()
