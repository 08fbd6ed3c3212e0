"""Engines and sessions: one engine per database URL, SQLite in WAL mode with a busy timeout."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from core.config import Settings, get_settings
from db.crypto import Cipher

SQLITE_BUSY_MS = 30_000


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


def get_engine(settings: Settings | None = None) -> Engine:
    """The process-wide engine for these settings (created once)."""
    settings = settings or get_settings()
    key = (settings.database_url, settings.encryption_key)
    engine = _ENGINES.get(key)
    if engine is None:
        engine = _ENGINES[key] = make_engine(settings)
    return engine


def runtime_of(target: Session | Engine) -> DbRuntime:
    """The settings and cipher bound to a session's (or engine's) engine."""
    engine = target if isinstance(target, Engine) else target.get_bind()
    if not isinstance(engine, Engine):  # a Connection-bound session
        engine = engine.engine
    found = _RUNTIMES.get(engine)
    if found is None:
        settings = get_settings()
        found = _RUNTIMES[engine] = DbRuntime(settings=settings, cipher=Cipher(settings.encryption_key))
    return found


def get_sessionmaker(settings: Settings | Engine | None = None) -> sessionmaker[Session]:
    """A sessionmaker bound to the engine of settings (or to the engine given)."""
    engine = settings if isinstance(settings, Engine) else get_engine(settings)
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(target: Settings | Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    # A plain Session rather than a sessionmaker per call: each sessionmaker makes a new Session subclass,
    # whose event setup costs ~0.1 ms on every request.
    engine = target if isinstance(target, Engine) else get_engine(target)
    session = Session(bind=engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
