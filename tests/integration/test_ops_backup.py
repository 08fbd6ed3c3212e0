"""backup/restore round trips on PostgreSQL and SQLite: row counts and decrypted texts survive."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import delete, select

from core.config import load_settings
from db.crypto import Cipher
from db.migrate import upgrade
from db.models import AuditLog, Job, JobItem, LlmCall, User
from db.session import make_engine, session_scope

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


def _manage(*args: str, env: dict[str, str]) -> tuple[int, dict | None, str]:
    """Run manage.py as an operator would; return the exit code, the last-line JSON and stderr."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ATS_", "DATABASE_URL", "REDIS_URL"))}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return done.returncode, (json.loads(last) if last.startswith("{") else None), done.stderr


def _seed(settings, n_items: int = 6) -> dict[str, tuple[str, str]]:
    """Users, a job, items with encrypted texts, ledger and audit rows; returns item id -> (resume, jd)."""
    cipher = Cipher(settings.encryption_key)
    texts: dict[str, tuple[str, str]] = {}
    engine = make_engine(settings)
    with session_scope(engine) as s:
        user = User(username=f"rec_{secrets.token_hex(3)}", role="recruiter", password_hash="x" * 60)
        s.add(user)
        s.flush()
        job = Job(id=str(uuid.uuid4()), owner_id=user.id, source="api", total=n_items)
        s.add(job)
        s.flush()
        for i in range(n_items):
            resume = f"Jane Roe {i}\njane{i}@example.com\n- Built Kubernetes clusters serving {i + 3} teams"
            jd = f"Senior platform engineer #{i}: Kubernetes, Terraform, AWS"
            item_id = uuid.uuid4().hex
            s.add(
                JobItem(
                    id=item_id,
                    job_id=job.id,
                    seq=i,
                    owner_id=user.id,
                    status="completed",
                    stage="COMPLETED",
                    resume_text=cipher.encrypt(resume),
                    jd_text=cipher.encrypt(jd),
                )
            )
            s.add(
                LlmCall(
                    call_key=f"{item_id}:rewrite:0",
                    item_id=item_id,
                    job_id=job.id,
                    provider="offline",
                    model="offline-rules-v1",
                    purpose="rewrite",
                    day=date.today(),
                )
            )
            texts[item_id] = (resume, jd)
        s.add(AuditLog(actor="admin", action="export", target=job.id, at=datetime.now(UTC)))
    engine.dispose()
    return texts


def _check_texts(settings, texts: dict[str, tuple[str, str]]) -> None:
    cipher = Cipher(settings.encryption_key)
    engine = make_engine(settings)
    with session_scope(engine) as s:
        rows = s.execute(select(JobItem.id, JobItem.resume_text, JobItem.jd_text)).all()
    engine.dispose()
    assert {r.id for r in rows} == set(texts)
    for row in rows[:3]:
        assert row.resume_text.startswith("enc1:")  # still encrypted at rest after the round trip
        assert (cipher.decrypt(row.resume_text), cipher.decrypt(row.jd_text)) == texts[row.id]


def _round_trip(settings, env: dict[str, str], tmp_path: Path, suffix: str) -> None:
    upgrade(settings)
    texts = _seed(settings)
    target = tmp_path / f"ats.{suffix}"
    rc, made, err = _manage("backup", "--to", str(target), env=env)
    assert rc == 0, err
    assert made["tables"]["job_items"] == len(texts) and made["tables"]["llm_calls"] == len(texts)
    assert made["tables"]["audit_log"] == 1 and made["revision"] and target.stat().st_size == made["bytes"]

    # Disaster: items lost, a stray user added. Restore must bring back exactly what was saved.
    engine = make_engine(settings)
    with session_scope(engine) as s:
        s.execute(delete(LlmCall))
        s.execute(delete(JobItem))
        s.add(User(username="stray", role="admin", password_hash="y" * 60))
    engine.dispose()

    rc, back, err = _manage("restore", "--from", str(target), env=env)
    assert rc == 0, err
    assert back["tables"] == made["tables"] and back["revision"] == made["revision"]
    _check_texts(settings, texts)


def test_postgres_round_trip_keeps_counts_and_decrypts(pg_url: str, tmp_path: Path) -> None:
    key = Fernet.generate_key().decode()
    env = {"DATABASE_URL": pg_url, "ATS_ENCRYPTION_KEY": key}
    _round_trip(load_settings(database_url=pg_url, encryption_key=key), env, tmp_path, "dump")


def test_postgres_restore_into_a_new_empty_database(pg_url: str, tmp_path: Path) -> None:
    key = Fernet.generate_key().decode()
    settings = load_settings(database_url=pg_url, encryption_key=key)
    upgrade(settings)
    texts = _seed(settings, n_items=3)
    target = tmp_path / "ats.dump"
    assert _manage("backup", "--to", str(target), env={"DATABASE_URL": pg_url})[0] == 0

    fresh = f"ats_test_{secrets.token_hex(6)}"
    admin = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{fresh}"')
    try:
        fresh_url = pg_url.rsplit("/", 1)[0] + "/" + fresh
        rc, back, err = _manage("restore", "--from", str(target), env={"DATABASE_URL": fresh_url})
        assert rc == 0, err
        assert back["tables"]["job_items"] == 3 and back["revision"] is not None
        _check_texts(load_settings(database_url=fresh_url, encryption_key=key), texts)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_sqlite_round_trip_keeps_counts_and_decrypts(tmp_path: Path) -> None:
    key = Fernet.generate_key().decode()
    url = f"sqlite:///{tmp_path / 'data' / 'ats.db'}"
    env = {"DATABASE_URL": url, "ATS_ENCRYPTION_KEY": key}
    _round_trip(load_settings(database_url=url, encryption_key=key), env, tmp_path, "sqlite")


def test_wrong_kind_of_file_is_refused_with_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ats.db'}"
    bogus = tmp_path / "not-a-backup.bin"
    bogus.write_bytes(b"PGDMP\x01\x0e" + b"\x00" * 64)
    rc, out, err = _manage("restore", "--from", str(bogus), env={"DATABASE_URL": url})
    assert rc != 0 and out is None
    assert err.strip().count("\n") == 0 and "not a SQLite backup" in err and "Traceback" not in err
    rc, _, err = _manage("restore", "--from", str(tmp_path / "missing.dump"), env={"DATABASE_URL": url})
    assert rc != 0 and "not found" in err
