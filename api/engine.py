"""The API's database engine: pings a pooled connection only after it sat idle, not on every checkout.

`pool_pre_ping` costs one round trip per request, a fifth of a status request's database work. A connection
used a moment ago is almost surely alive; one idle for longer (a quiet spell, a database restart, a firewall
dropping idle sockets) is pinged first and silently replaced when dead. A database that dies between two busy
requests still surfaces once as an error (503 at the edge), and SQLAlchemy then drops the whole pool.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event, exc

from core.config import Settings
from db.session import make_engine

PING_AFTER_IDLE_S = 5.0
# Connections kept open: beyond pool_size SQLAlchemy opens overflow connections and closes them on return,
# and a PostgreSQL connection costs a backend fork; at 200 req/s bursts passed 5 and churned one per burst.
POOL_SIZE = 12
POOL_OVERFLOW = 8


def make_api_engine(settings: Settings, *, ping_after_idle_s: float = PING_AFTER_IDLE_S) -> Engine:
    """An engine like db.session's, with the idle-only ping on PostgreSQL (SQLite needs none)."""
    if settings.database_url.startswith("sqlite"):
        return make_engine(settings)
    engine = make_engine(settings, pre_ping=False, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
    event.listen(engine, "checkin", _stamp)
    event.listen(engine, "checkout", lambda conn, record, _proxy: _ping_if_idle(conn, record, ping_after_idle_s))
    return engine


def _stamp(_dbapi_conn: Any, record: Any) -> None:
    record.info["checked_in"] = time.monotonic()


def _ping_if_idle(dbapi_conn: Any, record: Any, idle_s: float) -> None:
    """Raising DisconnectionError makes the pool discard this connection and check out another."""
    last = record.info.get("checked_in")
    if last is None or time.monotonic() - last < idle_s:
        return  # a new connection, or one in use a moment ago
    try:
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT 1")
        dbapi_conn.rollback()  # the ping opened a transaction outside autocommit; end it (no round trip if idle)
    except Exception as err:  # noqa: BLE001 - any driver error means the connection is unusable
        raise exc.DisconnectionError(str(err)) from err
