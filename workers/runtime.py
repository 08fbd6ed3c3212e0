"""What a worker process loads once: settings, engine, pipeline context (spaCy, taxonomy, provider), queue."""

from __future__ import annotations

import gc
import os
import socket
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core.config import Settings, get_settings
from core.context import PipelineContext
from core.types import Provider, RewriteOptions
from db.models import Job
from db.session import make_engine
from services.budget import DbBudget
from services.cache import signals_cache_for
from services.dispatch import ItemQueue, queue_for

JOB_CACHE_SIZE = 256


@dataclass(frozen=True)
class JobInfo:
    """The few job fields an item needs, cached per process (they never change after submission)."""

    options: RewriteOptions
    team: str | None
    callback_url: str | None


@dataclass
class Runtime:
    """Loaded once per worker process and shared by every item it runs."""

    settings: Settings
    engine: Engine
    ctx: PipelineContext
    queue: ItemQueue
    name: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    _jobs: dict[str, JobInfo] = field(default_factory=dict)

    @property
    def autocommit(self) -> Engine:
        """The same pool in autocommit mode: a single-statement write is one round trip (no BEGIN/COMMIT)."""
        found = self.__dict__.get("_autocommit")
        if found is None:
            found = self.__dict__["_autocommit"] = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        return found

    def job(self, job_id: str) -> JobInfo:
        """Options, team and callback of a job (one query per job per process)."""
        found = self._jobs.get(job_id)
        if found is None:
            with Session(self.engine) as s:
                row = s.execute(select(Job.options, Job.team, Job.callback_url).where(Job.id == job_id)).one()
            found = JobInfo(RewriteOptions(**(row[0] or {})), row[1], row[2])
            if len(self._jobs) >= JOB_CACHE_SIZE:
                self._jobs.pop(next(iter(self._jobs)))
            self._jobs[job_id] = found
        return found

    def context_for(self, *, user_id: int, key_id: int | None) -> PipelineContext:
        """The shared context with this item's budget (its owner's and key's daily limits)."""
        budget = DbBudget(self.engine, self.settings, user_id=user_id, key_id=key_id)
        return replace(self.ctx, budget=budget)


_RUNTIME: Runtime | None = None

_WARM_RESUME = "Experience\n- Built REST APIs in Python and Go on AWS for 3 teams\n- Led a team of 4 engineers"
_WARM_JD = "Senior Backend Engineer. Requirements: Python, Kubernetes, PostgreSQL. Nice to have: Terraform."


def warm_up(ctx: PipelineContext) -> None:
    """Run one small pair through every stage (offline, nothing stored) so the first real item is not slow."""
    from core.pipeline import run_to_end
    from core.types import ItemState, MemoryCache

    offline_ctx = replace(ctx, provider=ctx.offline, cache=MemoryCache())
    run_to_end(ItemState(item_id="warm-up", resume_text=_WARM_RESUME, jd_text=_WARM_JD), offline_ctx)


def init_runtime(settings: Settings | None = None, *, provider: Provider | None = None, **extra: Any) -> Runtime:
    """Load the pipeline for this process (a test harness may pass its own provider)."""
    global _RUNTIME
    from core.factory import build_context
    from observability.breaker import ObservedBreakerStore
    from workers.breaker_store import breaker_store_for
    from workers.rate_store import rate_store_for

    settings = settings or get_settings()
    engine = make_engine(settings, pre_ping=False)
    # One circuit per provider shared by every worker (Redis), its state published as a metric.
    breakers = ObservedBreakerStore(breaker_store_for(settings))
    ctx = build_context(
        settings,
        provider=provider,
        cache=signals_cache_for(settings, engine),
        breaker_store=breakers,
        rate_store=rate_store_for(settings, engine),  # one request/token schedule for every worker
    )
    warm_up(ctx)
    # The loaded pipeline (spaCy, taxonomy, TF-IDF) is hundreds of thousands of long-lived objects; moving them out
    # of the collector's reach makes every later collection cheap (~10% of an item's CPU measured here).
    gc.collect()
    gc.freeze()
    _RUNTIME = Runtime(settings=settings, engine=engine, ctx=ctx, queue=queue_for(settings), **extra)
    return _RUNTIME


def set_runtime(rt: Runtime | None) -> None:
    """Install a runtime built elsewhere (tests, the sync path), or clear it."""
    global _RUNTIME
    _RUNTIME = rt


_ensure_lock = threading.Lock()


def ensure_runtime(settings: Settings) -> Runtime:
    """This process's runtime for settings' database: the installed one, else loaded now (once, under a lock)."""
    global _RUNTIME
    with _ensure_lock:
        if _RUNTIME is None or _RUNTIME.settings.database_url != settings.database_url:
            init_runtime(settings)
        assert _RUNTIME is not None
        return _RUNTIME


def get_runtime() -> Runtime:
    """The process's runtime, loaded on first use."""
    return _RUNTIME or init_runtime()
