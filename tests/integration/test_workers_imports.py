"""A worker process runs items without importing scikit-learn, SciPy, pandas or pyarrow (~135 MB of resident memory
a worker once paid for a TF-IDF it now computes in plain Python; see core/keywords.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.config import load_settings
from db.migrate import upgrade
from db.models import JobItem
from db.session import make_engine, session_scope
from services import jobs, users
from tests.processes import kill_group

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sklearn", "scipy", "pandas", "pyarrow")
# The real entry (`manage.py worker --burst`, embedded queue), then the RQ worker's modules; what the process imported
# is printed when it exits.
SCRIPT = f"""
import json, sys
sys.path.insert(0, {str(ROOT)!r})
import manage
sys.argv = ["manage.py", "worker", "--burst"]
try:
    manage.run_app(manage.build_app())
finally:
    import workers.batches, workers.rq_worker  # the RQ worker's own modules and the batch driver, not run here
    print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}})))
"""


def test_worker_runs_items_without_the_heavy_libraries(tmp_path):
    url = f"sqlite:///{tmp_path / 'ats.db'}"
    engine = make_engine(load_settings(database_url=url, redis_url=None, bcrypt_rounds=4))
    upgrade(engine=engine)
    with session_scope(engine) as s:
        users.create_user(s, username="alice", role="recruiter", password="correct horse")
    with session_scope(engine) as s:
        owner = users.principal_for(s, username="alice")
        resume = (ROOT / "samples" / "resume.txt").read_text(encoding="utf-8")
        jd = (ROOT / "samples" / "jd.txt").read_text(encoding="utf-8")
        jobs.submit_job(s, principal=owner, pairs=[{"resume": resume, "jd": jd}] * 2)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATS_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"DATABASE_URL": url, "ATS_LOG_LEVEL": "WARNING", "ATS_WORKER_METRICS_PORT": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=180)
    finally:
        kill_group(proc)
    assert proc.returncode == 0, err[-2000:]
    with engine.connect() as c:
        statuses = dict(c.execute(select(JobItem.status, func.count()).group_by(JobItem.status)).all())
    engine.dispose()
    assert statuses == {"completed": 2}  # the items ran through every stage in this process
    imported = set(json.loads(out.strip().splitlines()[-1]))
    assert {"spacy", "core", "rq"} <= imported  # the list is the worker's own, RQ's modules included
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))
