"""OpenTelemetry tracing: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; one trace from request to worker.

The API opens `request_span()` per HTTP request and, when it enqueues work, stores `inject_context()`
(a small dict of W3C `traceparent`/`tracestate` headers) with the queued item. The worker calls
`extract_context(carrier)` — or `continue_trace(carrier, ...)` — so its `stage_span()`s for each
item stage are children of the request that submitted the item. With tracing off every helper is
a cheap no-op: the global tracer provider is OpenTelemetry's no-op one.
Span attributes carry ids, stages and outcomes only; never a resume, a JD or a user name.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.propagate import extract, inject
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from observability.logs import scrub

TRACER_NAME = "ats"
_MAX_REASON = 200
_MAX_ATTR = 200
REQUEST_ID_KEY = "x-request-id"  # carried beside the trace headers so worker logs name the request
_provider: TracerProvider | None = None


def configure_tracing(settings: Any = None, *, exporter: SpanExporter | None = None) -> bool:
    """Install a tracer provider when an OTLP endpoint is set (or an exporter is given, in tests).

    Returns True when tracing is on. Safe to call more than once: the first provider stays, as
    OpenTelemetry allows only one global provider per process.
    """
    global _provider
    endpoint = getattr(settings, "otel_exporter_otlp_endpoint", None)
    if exporter is None and not endpoint:
        return _provider is not None
    if _provider is None:
        service = getattr(settings, "otel_service_name", None) or "ats-resume-agent"
        _provider = TracerProvider(resource=Resource.create({"service.name": service}))
        trace.set_tracer_provider(_provider)
    if exporter is not None:
        # Tests read spans right after the call: export synchronously.
        _provider.add_span_processor(SimpleSpanProcessor(exporter))
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        _provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=_traces_url(str(endpoint)))))
    return True


def _traces_url(endpoint: str) -> str:
    """OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL; the HTTP exporter wants /v1/traces."""
    base = endpoint.rstrip("/")
    return base if base.endswith("/v1/traces") else base + "/v1/traces"


def shutdown_tracing() -> None:
    """Flush pending spans (call at process exit; the worker calls it after --burst)."""
    if _provider is not None:
        _provider.force_flush()


def tracer() -> trace.Tracer:
    """The project's tracer (no-op while tracing is off)."""
    return trace.get_tracer(TRACER_NAME)


def inject_context() -> dict[str, str]:
    """The current trace context as a small dict to store with a queued item ({} when none)."""
    carrier: dict[str, str] = {}
    inject(carrier)
    return carrier


def extract_context(carrier: Mapping[str, str] | None) -> otel_context.Context:
    """An OpenTelemetry Context from a carrier made by inject_context() (empty context when None)."""
    return extract(dict(carrier or {}))


@contextlib.contextmanager
def _span(name: str, kind: SpanKind, attributes: dict[str, Any]) -> Iterator[Span]:
    """A current span whose exception event and status carry the error type and a scrubbed, short message.

    OpenTelemetry's own exception recording would export the raw message and stack, which may quote a resume.
    """
    with tracer().start_as_current_span(
        name, kind=kind, attributes=attributes, record_exception=False, set_status_on_exception=False
    ) as span:
        try:
            yield span
        except BaseException as exc:
            reason = f"{type(exc).__name__}: {scrub(str(exc))}"[:_MAX_REASON]
            span.add_event("exception", {"exception.type": type(exc).__name__, "exception.message": reason})
            span.set_status(Status(StatusCode.ERROR, reason))
            raise


@contextlib.contextmanager
def request_span(method: str, route: str, **attrs: Any) -> Iterator[Span]:
    """A server span for one HTTP request; set `http.status_code` on it before it ends."""
    attributes = {"http.method": method, "http.route": route, **_clean(attrs)}
    with _span(f"{method} {route}", SpanKind.SERVER, attributes) as span:
        yield span


@contextlib.contextmanager
def continue_trace(carrier: Mapping[str, str] | None, name: str, **attrs: Any) -> Iterator[Span]:
    """A consumer span in the worker, child of the span that enqueued the work."""
    token = otel_context.attach(extract_context(carrier))
    try:
        with _span(name, SpanKind.CONSUMER, _clean(attrs)) as span:
            yield span
    finally:
        otel_context.detach(token)


@contextlib.contextmanager
def stage_span(stage: str, **attrs: Any) -> Iterator[Span]:
    """A span for one pipeline stage of one item; exceptions mark it as an error and propagate."""
    with _span(f"stage {stage}", SpanKind.INTERNAL, {"ats.stage": stage, **_clean(attrs)}) as span:
        yield span


def mark_error(span: Span, reason: str) -> None:
    """Mark a span failed with a short reason (an error class or code; scrubbed of PII all the same)."""
    span.set_status(Status(StatusCode.ERROR, scrub(reason)[:_MAX_REASON]))


def _clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes as OpenTelemetry accepts them, prefixed `ats.` unless already namespaced."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        name = key if "." in key else f"ats.{key}"
        # Strings pass the log scrubber: attributes are exported as they are, to a collector we do not run.
        out[name] = value if isinstance(value, bool | int | float) else scrub(str(value))[:_MAX_ATTR]
    return out


def queue_carrier() -> dict[str, str]:
    """What to store with a queued item (RQ job meta): the trace headers and the submitting request's id."""
    from observability.logs import current_context

    carrier = inject_context()
    request_id = current_context().get("request_id")
    if request_id:
        carrier[REQUEST_ID_KEY] = str(request_id)
    return carrier


@contextlib.contextmanager
def item_span(item_id: str, carrier: Mapping[str, str] | None = None) -> Iterator[Span]:
    """The worker's span for one item, child of the request that queued it; binds that request id to the logs.

    Without an explicit carrier it reads `meta["trace"]` of the RQ job being run (none in embedded mode,
    where each item starts its own trace).
    """
    from observability.logs import log_context

    if carrier is None:
        carrier = _current_rq_carrier()
    with continue_trace(carrier, "process_item", item_id=item_id) as span:
        with log_context(request_id=(carrier or {}).get(REQUEST_ID_KEY)):
            yield span


def _current_rq_carrier() -> dict[str, str] | None:
    try:
        from rq import get_current_job
    except ImportError:  # rq is a runtime dependency; embedded-only installs still work
        return None
    job = get_current_job()
    meta = getattr(job, "meta", None) or {}
    trace_meta = meta.get("trace")
    return dict(trace_meta) if isinstance(trace_meta, dict) else None
