"""PostgreSQL fast path: an item's claim and its whole finish (status, stage history, ledger) are one autocommit
statement each, sent on a connection the worker holds.

A commit to PostgreSQL costs about a round trip and a WAL flush; BEGIN + four statements + COMMIT per item
cost as much as the pipeline's own text work, so the final write is one statement built from CTEs. Both run
straight on psycopg: SQLAlchemy's checkout, isolation switch and execute machinery cost ~0.7 ms of CPU an item,
more than psycopg itself. Errors come out as SQLAlchemy's DBAPIError, like everywhere else.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from core.types import CallRecord, StageRecord
from db.models import utcnow
from workers.store import Claim, call_fields

_CLAIM = """
UPDATE job_items
   SET status = 'running', attempts = attempts + 1, lease_token = %(token)s, lease_until = %(until)s,
       updated_at = %(now)s
 WHERE id = %(item_id)s AND (status = 'queued' OR (status = 'running' AND lease_until < %(now)s))
RETURNING job_id, attempts, attempt_base, owner_id, api_key_id, stage, state, resume_text, jd_text, error
"""

_FINISH = """
WITH done AS (
    UPDATE job_items
       SET status = %(status)s, stage = %(stage)s, state = NULL, result = %(result)s, error = %(error)s,
           score_before = %(score_before)s, score_after = %(score_after)s, signals_cached = %(signals_cached)s,
           cost_usd = %(cost_usd)s, lease_token = NULL, lease_until = NULL, updated_at = %(now)s,
           finished_at = %(now)s
     WHERE id = %(id)s AND lease_token = %(token)s AND status = 'running'
 RETURNING id
), events AS (
    INSERT INTO stage_events (item_id, job_id, stage, attempt, ms, outcome, at)
    SELECT done.id, %(job_id)s, e.stage, %(attempt)s, e.ms, e.outcome, %(now)s
      FROM done, jsonb_to_recordset(CAST(%(events)s AS jsonb)) AS e(stage text, ms float8, outcome text)
), calls AS (
    INSERT INTO llm_calls (call_key, item_id, job_id, user_id, api_key_id, team, provider, model, purpose,
                           input_tokens, output_tokens, usd, latency_ms, ok, error, cached, day, created_at)
    SELECT c.call_key, %(id)s, %(job_id)s, %(user_id)s, %(api_key_id)s, %(team)s, c.provider, c.model, c.purpose,
           c.input_tokens, c.output_tokens, c.usd, c.latency_ms, c.ok, c.error, c.cached, CAST(%(day)s AS date),
           %(now)s
      FROM jsonb_to_recordset(CAST(%(calls)s AS jsonb)) AS c(call_key text, provider text, model text, purpose text,
           input_tokens int, output_tokens int, usd float8, latency_ms float8, ok boolean, error text, cached boolean)
    ON CONFLICT (call_key) DO NOTHING
)
SELECT (SELECT count(*) FROM done) AS finished,
       EXISTS (SELECT 1 FROM job_items
                WHERE job_id = %(job_id)s AND status IN ('queued', 'running', 'paused_limit') AND id <> %(id)s)
           AS still_open
"""


class HotConnection:
    """One autocommit psycopg connection, held by a worker process for its per-item claim and finish.

    Threads (the API's synchronous path) share it: psycopg serialises statements on a connection, and each is
    its own transaction.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._held: Any = None  # SQLAlchemy's pooled wrapper around the psycopg connection
        self._lock = threading.Lock()

    def one(self, sql: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row of one autocommit statement; a failed connection is dropped (the next call opens one)."""
        held = self._held or self._open()
        try:
            return held.driver_connection.execute(sql, params).fetchone()
        except psycopg.Error as exc:
            self.close(invalidate=True)
            raise DBAPIError.instance(sql, params, exc, psycopg.Error) from exc

    def _open(self) -> Any:
        with self._lock:
            if self._held is None:
                held: Any = self._engine.raw_connection()
                held.driver_connection.autocommit = True
                self._held = held
            return self._held

    def close(self, *, invalidate: bool = False) -> None:
        """Give the connection back to the pool (closed instead when it may be broken)."""
        held, self._held = self._held, None
        if held is None:
            return
        if invalidate:
            held.invalidate()
        else:
            held.driver_connection.autocommit = False
            held.close()


def claim(hot: HotConnection, item_id: str, token: str, lease_s: float) -> Claim | None:
    """store.claim in one psycopg round trip: take the item if it is claimable, with its texts and saved state."""
    now = utcnow()
    params = {"item_id": item_id, "now": now, "token": token, "until": now + timedelta(seconds=lease_s)}
    row = hot.one(_CLAIM, params)
    return None if row is None else Claim(item_id, token, *row)


def _events(records: Sequence[StageRecord], outcome: str) -> str:
    last = len(records) - 1
    return json.dumps(
        [
            {"stage": r.stage.value, "ms": r.ms, "outcome": outcome if i == last else ("ok" if r.ok else "failed")}
            for i, r in enumerate(records)
        ]
    )


def _calls(claim: Claim, calls: Sequence[CallRecord]) -> str:
    return json.dumps([call_fields(claim, c, i) for i, c in enumerate(calls)])


def finish_one_statement(
    hot: HotConnection,
    claim: Claim,
    *,
    status: str,
    stage: str,
    values: dict[str, Any],
    records: Sequence[StageRecord],
    calls: Sequence[CallRecord],
    team: str | None,
) -> tuple[bool, bool]:
    """(finished by us, whether other items of the job are still open); the ledger rows are written either way."""
    now = utcnow()
    row = hot.one(
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
    )
    assert row is not None  # the final SELECT always returns one row
    return bool(row[0]), bool(row[1])
