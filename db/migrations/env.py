"""Alembic environment: the URL comes from Settings (or from the caller), the metadata from db.models."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from db.models import Base
from db.session import make_engine

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    given = config.attributes.get("engine")
    if given is not None:
        return given
    from core.config import get_settings

    return make_engine(get_settings())


def run_offline() -> None:
    """Emit SQL without a connection (alembic upgrade --sql)."""
    context.configure(url=str(_engine().url), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Apply migrations over a live connection (batch mode so SQLite can alter tables)."""
    engine = _engine()
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
