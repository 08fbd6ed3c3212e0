"""The operator commands as an operator runs them: migrate, create-user, create-api-key, submit, status, worker,
purge, rotate-key (outputs as in CONTRACTS.md; bad input = one readable line and a non-zero exit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import create_engine, select

from db.models import JobItem

ROOT = Path(__file__).resolve().parents[2]
RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS."


def _manage(*args: str, env: dict[str, str], stdin: str | None = None) -> tuple[int, dict | None, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ATS_", "DATABASE_URL", "REDIS_URL"))}
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return done.returncode, (json.loads(last) if last.startswith("{") else None), done.stderr


def test_operator_flow_on_the_embedded_default(tmp_path: Path):
    db = tmp_path / "data" / "ats.db"
    env = {"DATABASE_URL": f"sqlite:///{db}", "ATS_BCRYPT_ROUNDS": "4"}
    code, out, _ = _manage("migrate", env=env)
    assert code == 0 and out["revision"] and db.exists()

    code, out, _ = _manage("create-user", "--username", "rita", "--role", "recruiter", "--team", "red", env=env)
    assert code == 0 and out["username"] == "rita" and len(out["password"]) >= 12
    code, out, _ = _manage(
        "create-user", "--username", "sam", "--role", "manager", "--password-stdin", env=env, stdin="a long password\n"
    )
    assert code == 0 and "password" not in out
    code, out, err = _manage("create-user", "--username", "rita", "--role", "recruiter", env=env)
    assert code != 0 and err.strip().count("\n") == 0 and "already exists" in err

    code, out, _ = _manage("create-api-key", "--user", "rita", "--name", "ci", env=env)
    assert code == 0 and out["key"].startswith("ats_") and out["prefix"] == out["key"][:12]
    assert out["scopes"] == ["jobs:write", "jobs:read"]

    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(r) for r in [{"resume": RESUME, "jd": JD}, {"resume": RESUME, "jd": " "}]))
    code, out, err = _manage("submit", "--input", str(bad), "--user", "rita", env=env)
    assert code != 0 and out is None and "row 2: the job description is empty" in err
    with create_engine(f"sqlite:///{db}").connect() as conn:
        assert conn.execute(select(JobItem.id)).first() is None  # refused whole

    good = tmp_path / "in.csv"
    good.write_text('resume,jd,ref\n"' + RESUME + '","' + JD + '",a1\n"' + RESUME + '","' + JD + '",a2\n')
    code, out, _ = _manage("submit", "--input", str(good), "--user", "rita", env=env)
    assert code == 0 and out["items"] == 2
    job_id = out["job_id"]
    code, out, _ = _manage("status", job_id, env=env)
    assert out["status"] == "queued" and out["counts"]["queued"] == 2 and out["progress"] == 0

    code, _, _ = _manage("worker", "--burst", env=env)
    assert code == 0
    code, out, _ = _manage("status", job_id, env=env)
    assert out["status"] == "completed" and out["counts"]["completed"] == 2 and out["progress"] == 1
    assert out["stages"] == {"COMPLETED": 2}

    code, out, _ = _manage("purge", "--older-than", "0d", env=env)
    assert code == 0 and out["jobs"] == 1 and out["items"] == 2
    code, out, _ = _manage("status", job_id, env=env)
    assert out["status"] == "completed"  # counts survive the purge
    code, _, err = _manage("purge", "--older-than", "soon", env=env)
    assert code != 0 and "30d" in err


def test_rotate_key_re_encrypts_under_the_new_key(tmp_path: Path):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'ats.db'}", "ATS_BCRYPT_ROUNDS": "4", "ATS_ENCRYPTION_KEY": old}
    _manage("migrate", env=env)
    _manage("create-user", "--username", "rita", "--role", "recruiter", env=env)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"resume": RESUME, "jd": JD}))
    assert _manage("submit", "--input", str(src), "--user", "rita", env=env)[0] == 0
    code, out, _ = _manage("rotate-key", env={**env, "ATS_ENCRYPTION_KEY": f"{new},{old}"})
    assert code == 0 and out["items_rotated"] == 1
    code, _, _ = _manage("worker", "--burst", env={**env, "ATS_ENCRYPTION_KEY": new})  # the old key is gone
    assert code == 0
    with create_engine(f"sqlite:///{tmp_path / 'ats.db'}").connect() as conn:
        status, resume = conn.execute(select(JobItem.status, JobItem.resume_text)).one()
    assert status == "completed" and resume.startswith("enc1:")
