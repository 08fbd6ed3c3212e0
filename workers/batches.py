"""Batch mode's driver, run by one worker at a time: gather a job's parked items into a provider batch, follow it,
and hand each item its answer (or the reason it has none) so a worker finishes it.

Items in batch mode run INGEST and EXTRACT_SIGNALS as usual; at PROCESS the worker saves the request the live
call would send and parks the item: status `running`, lease `batch:pending` (a lease that outlives the batch
window, so the reaper leaves it alone). The driver then
1. forms: once none of a job's items is still on its way to PROCESS (or the oldest parked one has waited
   ATS_BATCH_GATHER_S), it records an `llm_batches` row, moves the parked items to lease `batch:<id>` in the same
   transaction, and submits their requests (OpenAI: JSONL upload + batch; Anthropic: one create call);
2. polls every ATS_BATCH_POLL_S: progress (done, failed) is stored on the row for the job's status;
3. collects: when the batch ends (completed, expired, failed, cancelled) every item still holding `batch:<id>`
   gets its answer or the reason there is none written into its saved state and goes back to `queued` (its
   attempt count untouched); the worker that claims it reads the answer, or calls live for that item alone.
A batch past ATS_BATCH_WINDOW_S is cancelled and its items run live; a job cancelled while its batch runs gets
the batch cancelled. Nothing is lost if the driver's worker dies: every step is in the database, and the next
worker's driver carries on from there (a batch created at the provider just before a crash is found again by its
tag on OpenAI; Anthropic cannot be asked, so that batch is submitted again).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import Engine, func, insert, select, update

from core.config import Settings
from core.llm.batch import BatchLine, LineResult
from core.llm.batch_api import BatchApi
from core.statuses import OPEN
from core.types import ItemState, Provider
from db.models import JobItem, LlmBatch, utcnow

log = logging.getLogger(__name__)

PENDING = "batch:pending"
PAGE = 200  # items read (and their states decoded) at a time when forming or collecting a batch
RESUBMIT_AFTER_S = 300.0  # a row left in `submitting` this long lost its worker mid-submit


def lease_of(batch_id: str) -> str:
    """The lease token items hold while they are in this batch."""
    return f"batch:{batch_id}"


def park(engine: Engine, item_id: str, token: str, window_s: float) -> bool:
    """Hand a worker's item (its request already saved) to the batch driver; False when the lease was lost."""
    now = utcnow()
    with engine.begin() as conn:
        moved = conn.execute(
            update(JobItem)
            .where(JobItem.id == item_id, JobItem.lease_token == token, JobItem.status == "running")
            .values(lease_token=PENDING, lease_until=now + timedelta(seconds=window_s), updated_at=now)
        ).rowcount
    return moved == 1


class Cipher(Protocol):
    """Texts at rest (db.crypto.Cipher)."""

    def encrypt(self, text: str | None) -> str | None:
        """Encrypt (or pass through without a key)."""

    def decrypt(self, text: str | None) -> str | None:
        """Decrypt (or pass through)."""


class Enqueue(Protocol):
    """Where items go back to the workers."""

    def enqueue(self, item_ids: Any) -> int:
        """Hand items to workers."""


class BatchDriver:
    """Forms, follows and collects batches; `tick()` does what is due (call it from one worker at a time)."""

    def __init__(self, settings: Settings, engine: Engine, queue: Enqueue, provider: Provider, cipher: Cipher) -> None:
        self.settings, self.engine, self.queue, self.provider, self.cipher = settings, engine, queue, provider, cipher

    def _api(self) -> BatchApi | None:
        find = getattr(self.provider, "batch_api", None)
        return find() if callable(find) else None

    def tick(self) -> dict[str, int]:
        """Form the batches that are ready, then follow every open one."""
        return {"formed": self.form(), "collected": self.follow()}

    # -- forming ----------------------------------------------------------------------------------------------

    def form(self) -> int:
        """Submit a batch for every job whose parked items are ready to go."""
        now = utcnow()
        gather = now - timedelta(seconds=self.settings.batch_gather_s)
        with self.engine.connect() as conn:
            parked = conn.execute(
                select(JobItem.job_id, func.min(JobItem.updated_at))
                .where(JobItem.status == "running", JobItem.lease_token == PENDING)
                .group_by(JobItem.job_id)
            ).all()
            formed = 0
            for job_id, oldest in parked:
                on_the_way = conn.scalar(
                    select(func.count())
                    .select_from(JobItem)
                    .where(
                        JobItem.job_id == job_id,
                        JobItem.status.in_(OPEN),
                        (JobItem.lease_token.is_(None)) | (~JobItem.lease_token.like("batch:%")),
                    )
                )
                if on_the_way and _aware(oldest) > gather:
                    continue  # more of this job is still coming: one batch for the whole job is cheaper to follow
                formed += self._form_one(job_id)
        return formed

    def _form_one(self, job_id: str) -> int:
        batch_id = uuid.uuid4().hex[:24]
        now = utcnow()
        window = now + timedelta(seconds=self.settings.batch_window_s)
        with self.engine.begin() as conn:
            ids = list(
                conn.scalars(
                    select(JobItem.id)
                    .where(JobItem.job_id == job_id, JobItem.status == "running", JobItem.lease_token == PENDING)
                    .order_by(JobItem.seq)
                    .limit(self.settings.batch_max_items)
                )
            )
            if not ids:
                return 0
            moved = conn.execute(
                update(JobItem)
                .where(JobItem.id.in_(ids), JobItem.status == "running", JobItem.lease_token == PENDING)
                .values(lease_token=lease_of(batch_id), lease_until=window, updated_at=now)
            ).rowcount
            if not moved:
                return 0  # another worker's driver took them first
            conn.execute(
                insert(LlmBatch).values(
                    id=batch_id,
                    job_id=job_id,
                    provider=self.provider.name,
                    model=self.provider.model,
                    status="submitting",
                    total=moved,
                    completed=0,
                    failed=0,
                    created_at=now,
                    updated_at=now,
                )
            )
        self._submit(batch_id)
        return 1

    def _submit(self, batch_id: str) -> None:
        api = self._api()
        lines = [BatchLine(s.custom_id, s.request) for s in (st.batch for _, st in self._items(batch_id)) if s]
        if api is None:
            self._collect(batch_id, {}, why="the configured provider has no batch API")
            return
        if not lines:
            self._close(batch_id, "done")
            return
        try:
            provider_id = api.submit(lines, tag=batch_id)
        except Exception as exc:  # noqa: BLE001 - any SDK/network error: the items run live instead
            log.warning("batch could not be created; its items run live", extra={"error": type(exc).__name__})
            self._collect(batch_id, {}, why=f"the batch could not be created ({type(exc).__name__})")
            return
        self._set(batch_id, status="running", provider_batch_id=provider_id, provider_status="submitted")
        log.info("batch submitted", extra={"batch": batch_id, "items": len(lines)})

    # -- following --------------------------------------------------------------------------------------------

    def follow(self) -> int:
        """Poll every open batch; collect the ended ones. Returns how many were collected."""
        collected = 0
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(LlmBatch.id, LlmBatch.status, LlmBatch.provider_batch_id, LlmBatch.provider, LlmBatch.model,
                       LlmBatch.created_at, LlmBatch.updated_at)
                .where(LlmBatch.status.in_(("submitting", "running", "collecting")))
            ).all()  # fmt: skip
        api = self._api()
        for batch_id, status, provider_id, provider, model, created, updated in rows:
            try:
                collected += self._follow_one(api, batch_id, status, provider_id, provider, model, created, updated)
            except Exception as exc:  # noqa: BLE001 - the provider or network failed: try again next round
                log.warning("batch poll failed; retrying later", extra={"batch": batch_id, "error": type(exc).__name__})
        return collected

    def _follow_one(
        self, api: BatchApi | None, batch_id: str, status: str, provider_id: str | None, provider: str, model: str,
        created: Any, updated: Any,
    ) -> int:  # fmt: skip
        now = utcnow()
        stale = (now - _aware(updated)).total_seconds() >= RESUBMIT_AFTER_S
        if status in ("submitting", "collecting"):
            # A driver died mid-step; one other driver takes the row over (the update is the lock).
            if not stale or not self._claim(batch_id, status, status, updated):
                return 0
        if api is None or (provider, model) != (self.provider.name, self.provider.model):
            if status == "submitting" or self._claim(batch_id, status, "collecting", updated):
                self._collect(batch_id, {}, why=f"the provider changed from {provider} {model}; the items run live")
            return 1
        if status == "submitting":
            found = api.find(batch_id)
            if found:
                self._set(batch_id, status="running", provider_batch_id=found)
            else:
                self._submit(batch_id)
            return 0
        assert provider_id is not None
        if status == "collecting":
            self._collect(batch_id, api.results(provider_id), why="the batch ended without it")
            return 1
        if not self._held(batch_id):  # the job was cancelled: nobody waits for this batch
            if self._claim(batch_id, "running", "cancelled", updated):
                api.cancel(provider_id)
                self._close(batch_id, "cancelled")
            return 1
        if (now - _aware(created)).total_seconds() > self.settings.batch_window_s:
            if self._claim(batch_id, "running", "collecting", updated):
                api.cancel(provider_id)
                self._collect(batch_id, {}, why="the batch did not end within ATS_BATCH_WINDOW_S")
            return 1
        progress = api.status(provider_id)
        if not progress.ended:
            self._set(batch_id, provider_status=progress.state, completed=progress.done, failed=progress.failed)
            return 0
        if not self._claim(batch_id, "running", "collecting", updated):
            return 0  # another driver is collecting it
        self._set(batch_id, provider_status=progress.state, completed=progress.done, failed=progress.failed)
        self._collect(batch_id, api.results(provider_id), why=f"the batch ended {progress.state} without it")
        return 1

    def _claim(self, batch_id: str, status: str, to: str, seen_updated: Any) -> bool:
        """Move the row from `status` (as last read) to `to`; False when another driver moved it first."""
        with self.engine.begin() as conn:
            return bool(
                conn.execute(
                    update(LlmBatch)
                    .where(LlmBatch.id == batch_id, LlmBatch.status == status, LlmBatch.updated_at == seen_updated)
                    .values(status=to, updated_at=utcnow())
                ).rowcount
            )

    # -- collecting -------------------------------------------------------------------------------------------

    def _collect(self, batch_id: str, results: dict[str, LineResult], *, why: str) -> None:
        """Write each held item's answer (or why there is none) into its state and queue it again."""
        now = utcnow()
        back: list[str] = []
        answered = 0
        for item_id, state in self._items(batch_id):
            slot = state.batch
            found = results.get(slot.custom_id) if slot else None
            if slot is not None:
                if found is not None and found.body is not None:
                    slot = slot.model_copy(update={"reply": found.body})
                    answered += 1
                else:
                    slot = slot.model_copy(update={"error": (found.error if found else None) or why})
            blob = self.cipher.encrypt(state.model_copy(update={"batch": slot}).model_dump_json())
            with self.engine.begin() as conn:
                done = conn.execute(
                    update(JobItem)
                    .where(
                        JobItem.id == item_id, JobItem.status == "running", JobItem.lease_token == lease_of(batch_id)
                    )
                    .values(
                        state=blob,
                        status="queued",
                        lease_token=None,
                        lease_until=None,
                        attempt_base=JobItem.attempt_base + 1,  # the batch's round trip is not a failed attempt
                        updated_at=now,
                    )
                ).rowcount
            if done:
                back.append(item_id)
        failed = len(back) - answered
        self._close(batch_id, "done" if answered or not back else "failed", completed=answered, failed=failed)
        if back:
            self.queue.enqueue(back)
        log.info("batch collected", extra={"batch": batch_id, "answered": answered, "live": failed})

    def _items(self, batch_id: str) -> Iterator[tuple[str, ItemState]]:
        """The items the batch holds with their saved states, a page at a time: a decoded state at PROCESS takes
        ~85 KB, so a 1,000-item batch read at once held ~85 MB more in the worker forming or collecting it."""
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(JobItem.id, JobItem.state)
                    .where(JobItem.status == "running", JobItem.lease_token == lease_of(batch_id), JobItem.id > last)
                    .order_by(JobItem.id)
                    .limit(PAGE)
                ).all()
            if not rows:
                return
            for item_id, blob in rows:
                if blob:
                    yield item_id, ItemState.model_validate_json(self.cipher.decrypt(blob) or "")
            last = rows[-1][0]

    def _held(self, batch_id: str) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.scalar(
                    select(func.count())
                    .select_from(JobItem)
                    .where(JobItem.status == "running", JobItem.lease_token == lease_of(batch_id))
                )
                or 0
            )

    def _set(self, batch_id: str, **values: Any) -> None:
        values.setdefault("updated_at", utcnow())
        with self.engine.begin() as conn:
            conn.execute(update(LlmBatch).where(LlmBatch.id == batch_id).values(**values))

    def _close(self, batch_id: str, status: str, **values: Any) -> None:
        self._set(batch_id, status=status, ended_at=utcnow(), **values)


def _aware(value: Any) -> Any:
    from db.models import as_utc

    return as_utc(value)


class BatchRounds:
    """Runs the driver every ATS_BATCH_POLL_S from a worker's sweeper loop (only with a batch-capable provider).

    Every worker runs it: forming and collecting take the database rows they act on by compare-and-set, so two
    drivers never submit or collect one batch twice; polling twice is only a second status call.
    """

    def __init__(self, driver: BatchDriver | None, every_s: float) -> None:
        self.driver, self.every_s = driver, every_s
        self._next = 0.0

    def tick(self) -> dict[str, int]:
        """Run the driver if it is due; its errors are logged and retried next round."""
        import time

        if self.driver is None or time.monotonic() < self._next:
            return {}
        self._next = time.monotonic() + self.every_s
        try:
            return self.driver.tick()
        except Exception as exc:  # noqa: BLE001 - the database or provider is away: next round
            log.warning("batch round failed; retrying next round", extra={"error": type(exc).__name__})
            return {}


def rounds_for(rt: Any) -> BatchRounds:
    """The batch rounds of a worker runtime (no driver when its provider has no batch API)."""
    from core.llm.batch_mode import batch_ready
    from db.session import runtime_of

    provider = rt.ctx.provider
    driver = None
    if batch_ready(provider):
        driver = BatchDriver(rt.settings, rt.engine, rt.queue, provider, runtime_of(rt.engine).cipher)
    return BatchRounds(driver, rt.settings.batch_poll_s)
