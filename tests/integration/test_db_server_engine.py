"""The API engine: a connection idle past the threshold is pinged and replaced when dead; a busy one is not pinged."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db.session import make_server_engine

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def _backend_pid(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _kill(pid: int) -> None:
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_idle_connection_is_pinged_and_replaced_when_dead(make_settings, pg_url):
    engine = make_server_engine(make_settings(database_url=pg_url), ping_after_idle_s=0.0)
    try:
        first = _backend_pid(engine)
        _kill(first)
        assert _backend_pid(engine) != first  # the ping found it dead; the caller never saw an error
    finally:
        engine.dispose()


def test_recently_used_connection_is_not_pinged(make_settings, pg_url):
    engine = make_server_engine(make_settings(database_url=pg_url), ping_after_idle_s=3600.0)
    pings: list[int] = []
    try:
        first = _backend_pid(engine)
        with engine.connect() as conn:  # no ping on checkout: the pooled connection is handed out as is
            pings.append(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        assert pings == [first]
        _kill(first)
        with pytest.raises(OperationalError):  # the dead connection surfaces once (make_server_engine)
            _backend_pid(engine)
        assert _backend_pid(engine) != first  # SQLAlchemy dropped the pool after the disconnect
    finally:
        engine.dispose()
