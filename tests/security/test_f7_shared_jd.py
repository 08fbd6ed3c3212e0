"""Finding 7: amplification. A job's JD is stored once per job (`job_jds`), not once per item, so what a request
costs in storage is bounded by its size: one 30 KB JD shared by 40 resumes stores 30 KB of JD, not 1.2 MB. Items
still run with their JD (the claim brings it), and a saved pipeline state leaves it out. Submission reads a shared
JD once too."""

from __future__ import annotations

from cryptography.fernet import Fernet
from sqlalchemy import func, inspect, select, text

from core.types import ItemState, Stage
from db.session import get_engine
from tests.ui.conftest import ROOT, submit_pairs

ITEMS = 40


def _jd(chars: int) -> str:
    base = (ROOT / "samples/jd.txt").read_text()
    lines = [f"- Requirement {i}: experience with Kubernetes cluster {i} at scale." for i in range(chars // 60)]
    return (base + "\n" + "\n".join(lines))[:chars]


def _stored_jd_chars(engine) -> int:  # type: ignore[no-untyped-def]
    """Characters of JD text stored, per item and per job (the per-job table may not exist: before the fix)."""
    tables = ["job_items.jd_text", *(["job_jds.text"] if inspect(engine).has_table("job_jds") else [])]
    with engine.connect() as c:
        return sum(
            int(c.scalar(text(f"SELECT COALESCE(SUM(LENGTH({col})), 0) FROM {col.split('.')[0]}"))) for col in tables
        )


def _job_jds(engine) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        return int(c.scalar(text("SELECT count(*) FROM job_jds"))) if inspect(engine).has_table("job_jds") else 0


def test_a_shared_jd_is_stored_once_per_job_and_every_item_runs_with_it(web_settings, run_queue) -> None:
    from db.models import JobItem

    jd, resume = _jd(29_000), (ROOT / "samples/resume.txt").read_text()
    submit_pairs(web_settings, "rita", [(f"c{i}", resume, jd) for i in range(ITEMS)])
    engine = get_engine(web_settings)
    stored = _stored_jd_chars(engine)
    assert len(jd) <= stored < 2 * len(jd)  # once, not ITEMS times
    assert _job_jds(engine) == 1
    with engine.connect() as c:
        assert c.scalar(select(func.count()).where(JobItem.jd_text.is_not(None))) == 0
    assert run_queue() >= ITEMS
    with engine.connect() as c:
        statuses = list(c.scalars(select(JobItem.status)))
    assert statuses == ["completed"] * ITEMS


def test_distinct_jds_of_one_job_are_each_stored_once(web_settings) -> None:
    resume = (ROOT / "samples/resume.txt").read_text()
    a, b = _jd(5_000), _jd(6_000)
    submit_pairs(web_settings, "rita", [("a1", resume, a), ("b1", resume, b), ("a2", resume, a), ("b2", resume, b)])
    engine = get_engine(web_settings)
    assert _job_jds(engine) == 2
    assert len(a) + len(b) <= _stored_jd_chars(engine) < 2 * (len(a) + len(b))


def test_the_claim_brings_the_jd_and_saved_states_leave_it_out(make_settings) -> None:
    from db.migrate import upgrade
    from db.session import session_scope
    from services.jobs import PairIn, submit_job
    from services.users import create_user, principal_for
    from workers import store, tasks

    settings = make_settings(encryption_key=Fernet.generate_key().decode())
    upgrade(settings)
    jd, resume = _jd(8_000), (ROOT / "samples/resume.txt").read_text()
    with session_scope(settings) as s:
        create_user(s, username="rita", role="recruiter", password="recruiter-pass-1")
        out = submit_job(s, principal=principal_for(s, username="rita"), pairs=[PairIn(resume, jd), PairIn(resume, jd)])
    engine = get_engine(settings)
    from db.models import JobItem

    with engine.begin() as c:
        item_id = c.scalar(select(JobItem.id).where(JobItem.job_id == out["job_id"]).limit(1))
        claim = store.claim(c, item_id, "t" * 32, 60)
    assert claim is not None and claim.jd_text is not None and claim.jd_text.startswith("enc1:")
    rt = type("Rt", (), {"engine": engine})()
    cipher = tasks._cipher(rt)
    assert cipher.decrypt(claim.jd_text) == jd
    state = ItemState(item_id=item_id, resume_text=resume, jd_text=jd, jd_clean=jd, stage=Stage.PROCESS)
    blob = cipher.decrypt(tasks._state_blob(rt, state))
    assert "Kubernetes cluster" not in blob  # neither the raw nor the normalised JD
    back = tasks._with_jd(ItemState.model_validate_json(blob), jd)
    assert back.jd_text == jd and back.jd_clean is not None and "Kubernetes cluster 3" in back.jd_clean


def test_submission_reads_a_shared_jd_once_not_once_per_item(make_settings, monkeypatch) -> None:
    from core import ingest
    from services.intake import check_pairs

    jd = _jd(20_000)
    ingest.forget_normalised_jds()  # remembered across tests: start empty
    seen: list[int] = []
    real = ingest.normalise
    monkeypatch.setattr(ingest, "normalise", lambda text: seen.append(len(text)) or real(text))
    pairs = [{"resume": f"- Built service {i} in Go", "jd": jd} for i in range(ITEMS)]
    good, errors = check_pairs(pairs, make_settings())
    assert len(good) == ITEMS and not errors
    assert seen.count(len(jd)) == 1  # was once per item: CPU grew with JD size x item count
