"""Tracing: spans per request and per stage, one trace carried across a queue boundary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from observability import tracing

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def exporter() -> InMemorySpanExporter:
    exp = InMemorySpanExporter()
    assert tracing.configure_tracing(None, exporter=exp) is True
    return exp


def _run(code: str, **env: str) -> str:
    """Run code in a fresh interpreter: the global tracer provider can be set only once per process."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.strip()


def test_off_without_endpoint_is_a_no_op() -> None:
    code = (
        "from core.config import load_settings; from observability import tracing\n"
        "on = tracing.configure_tracing(load_settings())\n"
        "with tracing.request_span('GET', '/health'):\n"
        "    print(on, tracing.inject_context())"
    )
    assert _run(code) == "False {}"


def test_on_when_endpoint_is_set() -> None:
    code = (
        "from core.config import load_settings; from observability import tracing\n"
        "from opentelemetry import trace\n"
        "on = tracing.configure_tracing(load_settings())\n"
        "print(on, type(trace.get_tracer_provider()).__name__)"
    )
    assert _run(code, OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:4318") == "True TracerProvider"


def test_trace_travels_from_request_through_queue_to_worker_stages(exporter: InMemorySpanExporter) -> None:
    exporter.clear()
    with tracing.request_span("POST", "/api/bulk/process", request_id="r1") as req:
        req.set_attribute("http.status_code", 202)
        carrier = tracing.inject_context()
    assert "traceparent" in carrier
    queued = json.dumps({"item_id": 7, "trace": carrier})  # what goes through Redis / the database

    def worker() -> None:
        meta = json.loads(queued)
        with tracing.continue_trace(meta["trace"], "process_item", item_id=meta["item_id"]):
            for stage in ("INGEST", "EXTRACT_SIGNALS", "PROCESS"):
                with tracing.stage_span(stage, item_id=7):
                    pass

    t = threading.Thread(target=worker)  # another thread: no shared current span
    t.start()
    t.join()

    spans = {s.name: s for s in exporter.get_finished_spans()}
    request = spans["POST /api/bulk/process"]
    consumer = spans["process_item"]
    assert request.kind == SpanKind.SERVER
    assert consumer.kind == SpanKind.CONSUMER
    assert consumer.parent is not None and consumer.parent.span_id == request.context.span_id
    for stage in ("INGEST", "EXTRACT_SIGNALS", "PROCESS"):
        span = spans[f"stage {stage}"]
        assert span.context.trace_id == request.context.trace_id
        assert span.parent.span_id == consumer.context.span_id
        assert span.attributes["ats.stage"] == stage
        assert span.attributes["ats.item_id"] == 7


def test_stage_span_records_exception_as_error(exporter: InMemorySpanExporter) -> None:
    exporter.clear()
    with pytest.raises(RuntimeError):
        with tracing.stage_span("VALIDATE"):
            raise RuntimeError("provider down")
    (span,) = exporter.get_finished_spans()
    assert span.status.status_code == StatusCode.ERROR


def test_missing_carrier_starts_a_new_trace(exporter: InMemorySpanExporter) -> None:
    exporter.clear()
    with tracing.continue_trace(None, "process_item"):
        pass
    (span,) = exporter.get_finished_spans()
    assert span.parent is None


def test_traces_url_appends_path() -> None:
    assert tracing._traces_url("http://otel:4318") == "http://otel:4318/v1/traces"
    assert tracing._traces_url("http://otel:4318/v1/traces/") == "http://otel:4318/v1/traces"
