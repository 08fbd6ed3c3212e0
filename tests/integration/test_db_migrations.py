"""The schema: Alembic migrations match the models, on SQLite and PostgreSQL; texts encrypted at rest."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from cryptography.fernet import Fernet
from sqlalchemy import inspect, select, text

from db.migrate import alembic_config, current_revision, upgrade
from db.models import Base, JobItem, JobJd
from db.session import make_engine, session_scope
from services import jobs, users


def _head(engine) -> str:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def test_upgrade_creates_every_table_and_matches_the_models(engine):
    names = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= names
    assert current_revision(engine) == _head(engine) is not None
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_twice_is_a_no_op(engine):
    assert upgrade(engine=engine) == _head(engine)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(make_settings):
    eng = make_engine(make_settings())
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 10_000


def test_texts_are_encrypted_at_rest_and_read_back(make_settings, pg_url):
    key = Fernet.generate_key().decode()
    settings = make_settings(database_url=pg_url, encryption_key=key)
    eng = make_engine(settings)
    upgrade(engine=eng)
    with session_scope(eng) as s:
        users.create_user(s, username="enc", role="recruiter", password="correct horse")
        s.flush()
        owner = users.principal_for(s, username="enc")
        jobs.submit_job(s, principal=owner, pairs=[{"resume": "- Built secret-project APIs in Python", "jd": "Python"}])
    with eng.connect() as conn:
        stored = (conn.scalar(select(JobItem.resume_text)), conn.scalar(select(JobJd.text)))  # the JD: once per job
    assert all(v.startswith("enc1:") and "secret-project" not in v for v in stored)
    from db.session import runtime_of

    assert runtime_of(eng).cipher.decrypt(stored[0]) == "- Built secret-project APIs in Python"
    eng.dispose()
