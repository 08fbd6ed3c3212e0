"""The batch driver on SQLite and PostgreSQL against the batch fakes (real SDKs): forming a job's batch, progress,
answers written back, expiry and failure falling back per item, cancellation, a crash mid-submit."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from core.factory import build_context
from core.llm.batch_mode import BatchQueued, BatchRecorder
from core.pipeline import advance
from core.types import ItemState, MemoryCache, Stage
from db.crypto import Cipher
from db.models import JobItem, LlmBatch, utcnow
from services import jobs
from services.jobs import CollectingQueue
from tests.fakes.batch_lifecycle import Lifecycle
from tests.fakes.batch_server import BatchLLMServer
from workers.batches import PENDING, RESUBMIT_AFTER_S, BatchDriver, lease_of

RESUME = "Experience\n- Built REST APIs in Python for 3 teams\n- Led a team of 4 engineers"
JD = "Backend engineer. Required: Python, AWS. Nice to have: Kubernetes."
KEY = Fernet.generate_key().decode()


@pytest.fixture
def server():
    with BatchLLMServer() as s:
        yield s


@pytest.fixture
def setup(db_settings, engine, session, make_user, server):
    """A migrated database, a user, a batch-capable provider on the fake, and a driver."""
    settings = db_settings.model_copy(
        update={
            "llm_provider": "openai",
            "llm_base_url": server.openai_url,
            "openai_api_key": "sk-test",
            "llm_signals_threshold": 0.0,
            "batch_gather_s": 0.0,
        }
    )
    ctx = build_context(settings, cache=MemoryCache())
    queue = CollectingQueue()
    driver = BatchDriver(settings, engine, queue, ctx.provider, Cipher(KEY))
    return {"settings": settings, "ctx": ctx, "queue": queue, "driver": driver, "owner": make_user("alice")}


def _submit(session, owner, n: int) -> tuple[str, list[str]]:
    out = jobs.submit_job(session, principal=owner, pairs=[{"resume": RESUME, "jd": JD}] * n, options={"batch": True})
    session.commit()
    ids = list(session.scalars(select(JobItem.id).where(JobItem.job_id == out["job_id"]).order_by(JobItem.seq)))
    return out["job_id"], ids


def _park(engine, ctx, item_id: str) -> ItemState:
    """What a worker does: run the item to PROCESS, record its request for the batch, park it."""
    from core.types import RewriteOptions

    state = ItemState(item_id=item_id, resume_text=RESUME, jd_text=JD, options=RewriteOptions(batch=True))
    while state.stage != Stage.PROCESS:
        state = advance(state, ctx)
    recorder = replace(ctx, provider=BatchRecorder(ctx.provider, item_id=item_id, attempt=1))
    with pytest.raises(BatchQueued) as queued:
        advance(state, recorder)
    state = state.model_copy(update={"batch": queued.value.slot})
    with engine.begin() as conn:
        conn.execute(
            update(JobItem)
            .where(JobItem.id == item_id)
            .values(
                status="running",
                stage="PROCESS",
                attempts=1,
                lease_token=PENDING,
                lease_until=utcnow() + timedelta(hours=25),
                state=Cipher(KEY).encrypt(state.model_dump_json()),
                updated_at=utcnow(),
            )
        )
    return state


def _items(engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(JobItem.id, JobItem.status, JobItem.lease_token, JobItem.attempt_base, JobItem.state)
        )
        return {r[0]: tuple(r[1:]) for r in rows}


def _state(blob: str) -> ItemState:
    return ItemState.model_validate_json(Cipher(KEY).decrypt(blob) or "")


def _batches(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(select(LlmBatch).order_by(LlmBatch.created_at)).all()


def _until_collected(driver, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.tick()["collected"]:
            return
        time.sleep(0.1)
    raise AssertionError("the batch was never collected")


def test_a_parked_job_goes_out_as_one_batch_and_every_item_gets_its_answer(engine, session, setup, server):
    server.run_batches(Lifecycle(run_s=0.5))
    job_id, ids = _submit(session, setup["owner"], 3)
    sent = {i: _park(engine, setup["ctx"], i) for i in ids}
    assert setup["driver"].form() == 1
    (batch,) = _batches(engine)
    assert batch.status == "running" and batch.total == 3 and batch.job_id == job_id and batch.provider == "openai"
    assert {v[1] for v in _items(engine).values()} == {lease_of(batch.id)}
    # the requests sent are the recorded ones, redacted as the live path would send them
    uploaded = next(iter(server.openai_batches.files.values()))[1].decode()
    for state in sent.values():
        assert state.batch.custom_id in uploaded
    _until_collected(setup["driver"])
    (batch,) = _batches(engine)
    assert batch.status == "done" and batch.completed == 3 and batch.failed == 0 and batch.ended_at is not None
    items = _items(engine)
    assert {v[0] for v in items.values()} == {"queued"} and {v[1] for v in items.values()} == {None}
    assert {v[2] for v in items.values()} == {1}  # the round trip does not count as a failed attempt
    for item_id, (_, _, _, blob) in items.items():
        slot = _state(blob).batch
        assert slot.reply is not None and slot.error is None and slot.custom_id == sent[item_id].batch.custom_id
    assert sorted(setup["queue"].item_ids) == sorted(ids)


def test_a_job_still_on_its_way_waits_for_its_items_or_the_gather_time(engine, session, setup, server):
    driver = setup["driver"]
    driver.settings = driver.settings.model_copy(update={"batch_gather_s": 1.0})
    _, ids = _submit(session, setup["owner"], 3)
    _park(engine, setup["ctx"], ids[0])
    assert driver.form() == 0  # two items have not reached PROCESS yet
    time.sleep(1.1)
    assert driver.form() == 1  # the first has waited long enough: it goes alone
    assert _batches(engine)[0].total == 1


def test_an_expired_batch_answers_some_and_the_rest_run_live(engine, session, setup, server):
    server.run_batches(Lifecycle(run_s=0.2, outcome="expired", answered=0.5))
    _, ids = _submit(session, setup["owner"], 4)
    for i in ids:
        _park(engine, setup["ctx"], i)
    setup["driver"].form()
    _until_collected(setup["driver"])
    slots = [_state(v[3]).batch for v in _items(engine).values()]
    assert sum(1 for s in slots if s.reply) == 2
    assert sorted(s.error for s in slots if not s.reply) == ["batch_expired: request not run: the batch expired"] * 2
    assert {v[0] for v in _items(engine).values()} == {"queued"}  # none lost: all back to the workers
    (batch,) = _batches(engine)
    assert (batch.status, batch.completed, batch.failed) == ("done", 2, 2)


def test_a_batch_that_cannot_be_created_sends_its_items_live(engine, session, setup, server):
    server.openai_batches.refuse_creates = 1
    _, ids = _submit(session, setup["owner"], 2)
    for i in ids:
        _park(engine, setup["ctx"], i)
    assert setup["driver"].form() == 1
    (batch,) = _batches(engine)
    assert batch.status == "failed" and batch.failed == 2
    slots = [_state(v[3]).batch for v in _items(engine).values()]
    assert all(s.reply is None and "could not be created" in s.error for s in slots)
    assert {v[0] for v in _items(engine).values()} == {"queued"}


def test_cancelling_the_job_cancels_its_batch(engine, session, setup, server):
    server.run_batches(Lifecycle(run_s=60))
    job_id, ids = _submit(session, setup["owner"], 2)
    for i in ids:
        _park(engine, setup["ctx"], i)
    setup["driver"].form()
    jobs.cancel_job(session, principal=setup["owner"], job_id=job_id)
    setup["driver"].tick()
    (batch,) = _batches(engine)
    assert batch.status == "cancelled"
    provider_batch = server.openai_batches.batches[batch.provider_batch_id]
    assert provider_batch.cancelled_at is not None
    assert {v[0] for v in _items(engine).values()} == {"cancelled"}


def test_a_crash_between_creating_the_batch_and_saving_its_id_finds_it_again(engine, session, setup, server):
    server.run_batches(Lifecycle(run_s=0.2))
    _, ids = _submit(session, setup["owner"], 2)
    for i in ids:
        _park(engine, setup["ctx"], i)
    driver = setup["driver"]
    real_submit = driver._submit
    driver._submit = lambda batch_id: None  # the worker dies right after recording the batch
    driver.form()
    driver._submit = real_submit
    (batch,) = _batches(engine)
    assert batch.status == "submitting"
    lines = [s for s in (_state(v[3]).batch for v in _items(engine).values())]
    from core.llm.batch import BatchLine

    # ...after the provider had created it
    setup["ctx"].provider.batch_api().submit([BatchLine(s.custom_id, s.request) for s in lines], tag=batch.id)
    stale = utcnow() - timedelta(seconds=RESUBMIT_AFTER_S + 1)
    with engine.begin() as conn:
        conn.execute(update(LlmBatch).values(updated_at=stale))
    driver.tick()
    assert _batches(engine)[0].status == "running"
    _until_collected(driver)
    assert len(server.openai_batches.batches) == 1  # found by its tag, not sent twice
    assert {v[0] for v in _items(engine).values()} == {"queued"}
