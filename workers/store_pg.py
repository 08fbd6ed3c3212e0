"""PostgreSQL fast path: an item's whole finish (status, stage history, ledger) in one autocommit statement.

A commit to PostgreSQL costs about a round trip and a WAL flush; BEGIN + four statements + COMMIT per item
cost as much as the pipeline's own text work, so the final write is one statement built from CTEs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from core.types import CallRecord, StageRecord
from db.models import utcnow
from workers.store import Claim

_FINISH = text(
    """
WITH done AS (
    UPDATE job_items
       SET status = :status, stage = :stage, state = NULL, result = :result, error = :error,
           score_before = :score_before, score_after = :score_after, signals_cached = :signals_cached,
           cost_usd = :cost_usd, lease_token = NULL, lease_until = NULL, updated_at = :now, finished_at = :now
     WHERE id = :id AND lease_token = :token AND status = 'running'
 RETURNING id
), events AS (
    INSERT INTO stage_events (item_id, job_id, stage, attempt, ms, outcome, at)
    SELECT done.id, :job_id, e.stage, :attempt, e.ms, e.outcome, :now
      FROM done, jsonb_to_recordset(CAST(:events AS jsonb)) AS e(stage text, ms float8, outcome text)
), calls AS (
    INSERT INTO llm_calls (call_key, item_id, job_id, user_id, api_key_id, team, provider, model, purpose,
                           input_tokens, output_tokens, usd, latency_ms, ok, error, cached, day, created_at)
    SELECT c.call_key, :id, :job_id, :user_id, :api_key_id, :team, c.provider, c.model, c.purpose,
           c.input_tokens, c.output_tokens, c.usd, c.latency_ms, c.ok, c.error, c.cached, CAST(:day AS date), :now
      FROM jsonb_to_recordset(CAST(:calls AS jsonb)) AS c(call_key text, provider text, model text, purpose text,
           input_tokens int, output_tokens int, usd float8, latency_ms float8, ok boolean, error text, cached boolean)
    ON CONFLICT (call_key) DO NOTHING
)
SELECT (SELECT count(*) FROM done) AS finished,
       (SELECT count(*) FROM job_items
         WHERE job_id = :job_id AND status IN ('queued', 'running', 'paused_limit') AND id <> :id) AS still_open
"""
)


def _events(records: Sequence[StageRecord], outcome: str) -> str:
    last = len(records) - 1
    return json.dumps(
        [
            {"stage": r.stage.value, "ms": r.ms, "outcome": outcome if i == last else ("ok" if r.ok else "failed")}
            for i, r in enumerate(records)
        ]
    )


def _calls(claim: Claim, calls: Sequence[CallRecord]) -> str:
    return json.dumps(
        [
            {
                "call_key": c.call_key or f"{claim.item_id}:{c.purpose}:{claim.attempts}:{i}",
                "provider": c.provider,
                "model": c.model,
                "purpose": c.purpose,
                "input_tokens": c.input_tokens,
                "output_tokens": c.output_tokens,
                "usd": c.usd,
                "latency_ms": c.latency_ms,
                "ok": c.ok,
                "error": (c.error or None) and c.error[:500],
                "cached": c.cached,
            }
            for i, c in enumerate(calls)
        ]
    )


def finish_one_statement(
    conn: Connection,
    claim: Claim,
    *,
    status: str,
    stage: str,
    values: dict[str, Any],
    records: Sequence[StageRecord],
    calls: Sequence[CallRecord],
    team: str | None,
) -> tuple[bool, int]:
    """(finished by us, items of the job still open besides this one); the ledger rows are written either way."""
    now = utcnow()
    row = conn.execute(
        _FINISH,
        {
            "status": status,
            "stage": stage,
            "now": now,
            "id": claim.item_id,
            "token": claim.token,
            "job_id": claim.job_id,
            "attempt": claim.attempts,
            "user_id": claim.owner_id,
            "api_key_id": claim.api_key_id,
            "team": team,
            "day": now.date(),
            "events": _events(records, status),
            "calls": _calls(claim, calls),
            **values,
        },
    ).one()
    return bool(row[0]), int(row[1])
