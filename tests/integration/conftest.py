"""Integration fixtures: a migrated database on SQLite or PostgreSQL, and users to act as."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from core.config import Settings
from db.migrate import upgrade
from db.session import make_engine
from services import users
from services.principal import Principal


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_settings(request, make_settings) -> Settings:
    """Settings for a fresh database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return make_settings(bcrypt_rounds=4)
    return make_settings(database_url=request.getfixturevalue("pg_url"), bcrypt_rounds=4)


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    """A migrated engine for db_settings."""
    eng = make_engine(db_settings)
    upgrade(engine=eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on the migrated database (closed after)."""
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def make_user(session: Session) -> Callable[..., Principal]:
    """Create a user and return its principal."""

    def _make(username: str, role: str = "recruiter", team: str | None = None) -> Principal:
        users.create_user(session, username=username, role=role, team=team, password="correct horse")
        session.commit()
        return users.principal_for(session, username=username)

    return _make
