"""Engines and sessions: one engine per database URL, SQLite in WAL mode with a busy timeout.

Each engine is made with its Settings, and every session opened here carries those settings and the text cipher on
`Session.info`; services read them with `runtime_of(session)`, never from the environment.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from core.config import Settings
from core.errors import ConfigError
from db.crypto import Cipher

SQLITE_BUSY_MS = 30_000
RUNTIME_KEY = "ats_runtime"  # the Session.info key of a session's DbRuntime
PING_AFTER_IDLE_S = 5.0
# Connections a server keeps open: beyond pool_size SQLAlchemy opens overflow connections and closes them on
# return, and a PostgreSQL connection costs a backend fork; at 200 req/s bursts passed 5 and churned one per burst.
SERVER_POOL_SIZE = 12
SERVER_POOL_OVERFLOW = 8


@dataclass(frozen=True)
class DbRuntime:
    """What services need besides the session: the settings and the text cipher of this engine."""

    settings: Settings
    cipher: Cipher


_RUNTIMES: weakref.WeakKeyDictionary[Engine, DbRuntime] = weakref.WeakKeyDictionary()
_ENGINES: dict[tuple[str, str | None], Engine] = {}


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers run beside the one writer; the busy timeout makes writers wait instead of failing.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(settings: Settings, *, pre_ping: bool = True, pool_size: int = 5, max_overflow: int = 10) -> Engine:
    """A new engine for settings.database_url (creating the SQLite directory on first use).

    Workers pass pre_ping=False: a ping is one more round trip per checkout, and a dead connection is already
    handled there (the item is released and retried; SQLAlchemy drops the pool on a disconnect error).
    """
    url = settings.database_url
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=pre_ping, pool_size=pool_size, max_overflow=max_overflow)
    _RUNTIMES[engine] = DbRuntime(settings=settings, cipher=Cipher(settings.encryption_key))
    return engine


def make_server_engine(settings: Settings, *, ping_after_idle_s: float = PING_AFTER_IDLE_S) -> Engine:
    """An engine for a long-running server (the API): on PostgreSQL a pooled connection is pinged only after it sat
    idle, not on every checkout (`pool_pre_ping` costs one round trip per request, a fifth of a status request's
    database work). A connection used a moment ago is almost surely alive; one idle for longer (a quiet spell, a
    database restart, a firewall dropping idle sockets) is pinged first and silently replaced when dead."""
    if settings.database_url.startswith("sqlite"):
        return make_engine(settings)
    engine = make_engine(settings, pre_ping=False, pool_size=SERVER_POOL_SIZE, max_overflow=SERVER_POOL_OVERFLOW)
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


def get_engine(settings: Settings) -> Engine:
    """The process-wide engine for these settings (created once)."""
    key = (settings.database_url, settings.encryption_key)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = make_engine(settings)
    return engine


def bind_settings(engine: Engine, settings: Settings) -> DbRuntime:
    """Bind settings (and their cipher) to an engine made without make_engine; returns the binding."""
    found = _RUNTIMES[engine] = DbRuntime(settings=settings, cipher=Cipher(settings.encryption_key))
    return found


def runtime_of(target: Session | Engine) -> DbRuntime:
    """The settings and cipher of a session (from its `info`, set by session_scope) or of an engine.

    Raises:
        ConfigError: the engine was made without settings; nothing falls back to reading the environment.
    """
    if isinstance(target, Session):
        found = target.info.get(RUNTIME_KEY)
        if found is not None:
            return found
        bind = target.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine  # a Connection-bound session
    else:
        engine = target
    found = _RUNTIMES.get(engine)
    if found is None:
        raise ConfigError(
            "this database engine carries no settings: make it with db.session.make_engine(settings) "
            "(or bind_settings); services never read them from the environment"
        )
    return found


def _engine_of(target: Settings | Engine) -> Engine:
    return target if isinstance(target, Engine) else get_engine(target)


def get_sessionmaker(target: Settings | Engine) -> sessionmaker[Session]:
    """A sessionmaker bound to the engine of settings (or to the engine given); its sessions carry the settings."""
    engine = _engine_of(target)
    return sessionmaker(bind=engine, expire_on_commit=False, info={RUNTIME_KEY: runtime_of(engine)})


@contextmanager
def session_scope(target: Settings | Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error, carrying its engine's settings and cipher."""
    # A plain Session rather than a sessionmaker per call: each sessionmaker makes a new Session subclass,
    # whose event setup costs ~0.1 ms on every request.
    engine = _engine_of(target)
    session = Session(bind=engine, expire_on_commit=False, info={RUNTIME_KEY: runtime_of(engine)})
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
