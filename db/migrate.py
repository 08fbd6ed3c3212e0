"""Schema migrations: `alembic upgrade head` on the configured database, from code or the CLI."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from core.config import Settings
from db.session import get_engine

INI = Path(__file__).resolve().parent / "alembic.ini"


def alembic_config(engine: Engine) -> Config:
    """An Alembic Config that migrates this engine's database."""
    cfg = Config(str(INI))
    cfg.set_main_option("script_location", str(INI.parent / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None when never migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(settings: Settings | None = None, *, engine: Engine | None = None) -> str | None:
    """Bring the database to the newest revision and return it."""
    if engine is None:
        if settings is None:
            raise ValueError("upgrade needs the settings or the engine of the database to migrate")
        engine = get_engine(settings)
    command.upgrade(alembic_config(engine), "head")
    return current_revision(engine)
