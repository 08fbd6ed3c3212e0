"""`manage.py submit --dir FOLDER --jd FILE`: a folder of PDF/DOCX/text resumes (or ZIPs) against one JD file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from sqlalchemy import create_engine, select

from bench.doccorpus import load_sources, to_docx, to_pdf_platypus
from db.models import JobItem

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, env: dict[str, str]) -> tuple[int, dict | None, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ATS_", "DATABASE_URL", "REDIS_URL"))}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return done.returncode, (json.loads(last) if last.startswith("{") else None), done.stderr


def test_a_folder_of_documents_becomes_one_job_and_a_bad_file_refuses_it_all(tmp_path: Path):
    db = tmp_path / "ats.db"
    env = {"DATABASE_URL": f"sqlite:///{db}", "ATS_BCRYPT_ROUNDS": "4"}
    assert _manage("migrate", env=env)[0] == 0
    assert _manage("create-user", "--username", "rita", "--role", "recruiter", env=env)[0] == 0
    a, b, c = load_sources(3)
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "jordan.pdf").write_bytes(to_pdf_platypus(a))
    (folder / "marisol.docx").write_bytes(to_docx(b))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("more/priya.txt", c.expected())
    (folder / "batch.zip").write_bytes(buf.getvalue())
    (folder / "notes.xlsx").write_bytes(b"ignored: not a resume suffix")
    jd = ROOT / "samples" / "jd.txt"

    code, out, err = _manage("submit", "--dir", str(folder), "--jd", str(jd), "--user", "rita", env=env)
    assert code == 0, err
    assert out["items"] == 3
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        refs = sorted(conn.execute(select(JobItem.ref).where(JobItem.job_id == out["job_id"])).scalars())
    engine.dispose()
    assert refs == ["jordan", "marisol", "priya"]

    (folder / "locked.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    code, out, err = _manage("submit", "--dir", str(folder), "--jd", str(jd), "--user", "rita", env=env)
    assert code != 0 and out is None
    assert "locked.pdf: the PDF is damaged" in err and "nothing was submitted" in err and "Traceback" not in err
    assert err.strip().count("\n") == 0

    code, _, err = _manage("submit", "--dir", str(folder), "--user", "rita", env=env)
    assert code != 0 and "--jd FILE" in err
