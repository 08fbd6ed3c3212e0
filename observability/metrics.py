"""Every Prometheus metric of the project, in one registry, and the helper that renders it.

Counters and histograms are per process: the API exposes its own at GET /metrics, each worker at
its own port (ATS_WORKER_METRICS_PORT). State gauges (jobs/items by state, queue depth, spend) are
cluster-wide facts read from the database at scrape time by `refresh_state()`; see state.py.
Labels are low-cardinality on purpose: never an id, a user name or any text from a resume or a JD.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
    start_http_server,
)

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

# Latency buckets: the API answers in milliseconds, stages and model calls take up to minutes.
_FAST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_SLOW_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)

BUILD_INFO = Info("ats_build", "Version of the running code.", registry=REGISTRY)

# --- REST API (api/ middleware) -------------------------------------------------------------
API_REQUESTS = Counter(
    "ats_api_requests_total",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
    registry=REGISTRY,
)
API_LATENCY = Histogram(
    "ats_api_request_duration_seconds",
    "HTTP request latency, by method and route template.",
    ["method", "route"],
    buckets=_FAST_BUCKETS,
    registry=REGISTRY,
)
API_IN_FLIGHT = Gauge("ats_api_requests_in_flight", "HTTP requests being served now.", registry=REGISTRY)
API_RATE_LIMITED = Counter(
    "ats_api_rate_limited_total", "Requests refused with 429, by limit kind.", ["limit"], registry=REGISTRY
)

# --- Jobs and items (services/ and workers/) ------------------------------------------------
JOBS_SUBMITTED = Counter(
    "ats_jobs_submitted_total", "Jobs accepted, by source (ui|api).", ["source"], registry=REGISTRY
)
ITEMS_SUBMITTED = Counter("ats_items_submitted_total", "Items accepted, by source.", ["source"], registry=REGISTRY)
ITEMS_FINISHED = Counter(
    "ats_items_finished_total",
    "Items that reached a final status in this process (completed|failed|quarantined|cancelled).",
    ["status"],
    registry=REGISTRY,
)
ITEMS_IN_PROGRESS = Gauge("ats_worker_items_in_progress", "Items this worker is running now.", registry=REGISTRY)
STAGE_DURATION = Histogram(
    "ats_stage_duration_seconds",
    "Time spent in one pipeline stage.",
    ["stage"],
    buckets=_SLOW_BUCKETS,
    registry=REGISTRY,
)
STAGE_RUNS = Counter(
    "ats_stage_runs_total",
    "Pipeline stages run, by stage and outcome (ok|failed|error).",
    ["stage", "outcome"],
    registry=REGISTRY,
)
RETRIES = Counter("ats_retries_total", "Retries, by kind (llm|item|webhook|requeue).", ["kind"], registry=REGISTRY)

# --- State read from the database at scrape time (state.py fills these) ---------------------
JOBS_BY_STATUS = Gauge("ats_jobs", "Jobs created in the last 7 days, by status.", ["status"], registry=REGISTRY)
ITEMS_BY_STATUS = Gauge("ats_items", "Items by status.", ["status"], registry=REGISTRY)
ITEMS_BY_STAGE = Gauge("ats_items_by_stage", "Unfinished items by the stage they are in.", ["stage"], registry=REGISTRY)
QUEUE_DEPTH = Gauge("ats_queue_depth", "Items waiting to be run (status queued).", ["queue"], registry=REGISTRY)
OLDEST_QUEUED_AGE = Gauge(
    "ats_queue_oldest_age_seconds", "Age of the oldest item still queued (0 when none).", registry=REGISTRY
)
ITEMS_COMPLETED_RECENT = Gauge(
    "ats_items_finished_last_15m", "Items that finished in the last 15 minutes (any final status).", registry=REGISTRY
)
ITEMS_FAILED_RECENT = Gauge(
    "ats_items_failed_last_15m", "Items that failed or were quarantined in the last 15 minutes.", registry=REGISTRY
)
SPEND_TODAY = Gauge("ats_spend_today_usd", "Model spend since 00:00 UTC, all users.", registry=REGISTRY)
STATE_ERRORS = Counter(
    "ats_metrics_state_errors_total", "Scrapes whose database state refresh failed.", registry=REGISTRY
)
DAILY_LIMIT = Gauge("ats_daily_limit_usd", "The global daily cost limit.", registry=REGISTRY)

# --- Model provider (core/llm via workers/) -------------------------------------------------
LLM_CALLS = Counter(
    "ats_llm_calls_total",
    "Model calls, by provider, purpose (rewrite|signals) and outcome (ok|error).",
    ["provider", "purpose", "outcome"],
    registry=REGISTRY,
)
LLM_TOKENS = Counter(
    "ats_llm_tokens_total",
    "Model tokens, by provider, model and direction (input|output).",
    ["provider", "model", "direction"],
    registry=REGISTRY,
)
LLM_COST = Counter(
    "ats_llm_cost_usd_total", "Model cost in USD, by provider and model.", ["provider", "model"], registry=REGISTRY
)
LLM_LATENCY = Histogram(
    "ats_llm_call_duration_seconds",
    "Model call latency.",
    ["provider", "purpose"],
    buckets=_SLOW_BUCKETS,
    registry=REGISTRY,
)
CIRCUIT_STATE = Gauge(
    "ats_circuit_breaker_state",
    "Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.",
    ["provider"],
    registry=REGISTRY,
)
CIRCUIT_OPENED = Counter(
    "ats_circuit_breaker_opened_total", "Times a provider's circuit opened.", ["provider"], registry=REGISTRY
)
BUDGET_REFUSED = Counter(
    "ats_daily_limit_refusals_total",
    "Calls or submissions refused by a daily cost limit, by scope.",
    ["scope"],
    registry=REGISTRY,
)

# --- JD signals cache -----------------------------------------------------------------------
JD_CACHE = Counter(
    "ats_jd_cache_requests_total",
    "JD signal cache lookups, by backend (redis|db|memory) and result (hit|miss).",
    ["backend", "result"],
    registry=REGISTRY,
)

# --- Webhooks -------------------------------------------------------------------------------
WEBHOOKS = Counter(
    "ats_webhook_deliveries_total",
    "Webhook delivery attempts, by outcome (ok|error|gave_up).",
    ["outcome"],
    registry=REGISTRY,
)

CIRCUIT_STATES = {"closed": 0, "half_open": 1, "half-open": 1, "open": 2}


# --- Small helpers so callers do not repeat label names ------------------------------------
def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Count one HTTP request and its latency (route is the template, e.g. /api/bulk/status/{job_id})."""
    API_REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    API_LATENCY.labels(method=method, route=route).observe(seconds)


def observe_stage(stage: str, seconds: float, outcome: str = "ok") -> None:
    """Record one pipeline stage run."""
    STAGE_DURATION.labels(stage=stage).observe(seconds)
    STAGE_RUNS.labels(stage=stage, outcome=outcome).inc()


def observe_llm_call(
    *,
    provider: str,
    model: str,
    purpose: str,
    input_tokens: int,
    output_tokens: int,
    usd: float,
    latency_s: float,
    ok: bool = True,
) -> None:
    """Record one model call: count, tokens, cost and latency (CallRecord fields)."""
    LLM_CALLS.labels(provider=provider, purpose=purpose, outcome="ok" if ok else "error").inc()
    LLM_TOKENS.labels(provider=provider, model=model, direction="input").inc(max(0, input_tokens))
    LLM_TOKENS.labels(provider=provider, model=model, direction="output").inc(max(0, output_tokens))
    LLM_COST.labels(provider=provider, model=model).inc(max(0.0, usd))
    LLM_LATENCY.labels(provider=provider, purpose=purpose).observe(max(0.0, latency_s))


def observe_call_record(record: object) -> None:
    """Record a core.types.CallRecord (duck-typed so this module does not import core)."""
    observe_llm_call(
        provider=str(getattr(record, "provider", "unknown")),
        model=str(getattr(record, "model", "unknown")),
        purpose=str(getattr(record, "purpose", "unknown")),
        input_tokens=int(getattr(record, "input_tokens", 0) or 0),
        output_tokens=int(getattr(record, "output_tokens", 0) or 0),
        usd=float(getattr(record, "usd", 0.0) or 0.0),
        latency_s=float(getattr(record, "latency_ms", 0.0) or 0.0) / 1000.0,
        ok=bool(getattr(record, "ok", True)),
    )


def jd_cache(hit: bool, backend: str = "db") -> None:
    """Count one JD signal cache lookup."""
    JD_CACHE.labels(backend=backend, result="hit" if hit else "miss").inc()


_circuit_published: dict[str, int] = {}  # the state last published per provider
_circuit_lock = threading.Lock()


def set_circuit_state(provider: str, state: str) -> None:
    """Publish a provider's breaker state ('closed' | 'half_open' | 'open'); count openings."""
    value = CIRCUIT_STATES.get(state.lower(), 0)
    with _circuit_lock:  # kept here: prometheus_client has no public getter for one child's value
        was, _circuit_published[provider] = _circuit_published.get(provider, 0), value
    if value == 2 and was != 2:
        CIRCUIT_OPENED.labels(provider=provider).inc()
    CIRCUIT_STATE.labels(provider=provider).set(value)


def set_labelled(gauge: Gauge, label: str, values: Mapping[str, float], known: tuple[str, ...] = ()) -> None:
    """Set a one-label gauge from a mapping; labels in `known` but absent from `values` go to 0."""
    for key in set(known) | set(values):
        gauge.labels(**{label: key}).set(float(values.get(key, 0)))


def render() -> tuple[bytes, str]:
    """The registry in the Prometheus text format, with its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def start_metrics_server(port: int, host: str = "127.0.0.1") -> bool:
    """Serve this registry over HTTP (for workers, which have no web app); port 0 means off."""
    if port <= 0:
        return False
    start_http_server(port, addr=host, registry=REGISTRY)
    return True
