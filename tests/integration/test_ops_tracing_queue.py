"""One trace from an API request, through a real RQ queue on Redis, to the worker's stage spans and logs."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from redis import Redis
from rq import Queue, SimpleWorker

from observability import logs, tracing

pytestmark = pytest.mark.redis


def traced_item(item_id: str) -> str:
    """What a worker task does: continue the trace, one span and log line per stage."""
    with tracing.item_span(item_id):
        with logs.log_context(item_id=item_id):
            for stage in ("INGEST", "PROCESS"):
                with tracing.stage_span(stage, item_id=item_id), logs.log_context(stage=stage):
                    logging.getLogger("worker.test").info("stage done")
    return "ok"


def test_trace_and_request_id_cross_the_rq_queue(redis_namespace: tuple[str, str]) -> None:
    url, name = redis_namespace
    exporter = InMemorySpanExporter()
    tracing.configure_tracing(None, exporter=exporter)
    buf = io.StringIO()
    hooks = sys.excepthook, threading.excepthook
    handler = logs.configure_logging(None, stream=buf)
    conn = Redis.from_url(url)
    queue = Queue(name, connection=conn)
    try:
        with logs.log_context(request_id="req-trace-0001"), tracing.request_span("POST", "/api/bulk/process") as req:
            queue.enqueue(traced_item, "item-1", meta={"trace": tracing.queue_carrier()}, result_ttl=0)
        worker = SimpleWorker([queue], connection=conn)
        assert worker.work(burst=True) is True
    finally:
        logging.getLogger().removeHandler(handler)
        sys.excepthook, threading.excepthook = hooks

    spans = {s.name: s for s in exporter.get_finished_spans()}
    consumer = spans["process_item"]
    assert consumer.parent.span_id == req.get_span_context().span_id
    for stage in ("INGEST", "PROCESS"):
        span = spans[f"stage {stage}"]
        assert span.context.trace_id == req.get_span_context().trace_id
        assert span.parent.span_id == consumer.context.span_id

    records = [json.loads(ln) for ln in buf.getvalue().splitlines()]
    stage_lines = [r for r in records if r["event"] == "stage done"]
    assert [r["stage"] for r in stage_lines] == ["INGEST", "PROCESS"]
    for rec in stage_lines:
        assert rec["request_id"] == "req-trace-0001" and rec["item_id"] == "item-1"
        assert rec["trace_id"] == f"{req.get_span_context().trace_id:032x}"


def test_item_span_without_queue_meta_starts_a_new_trace() -> None:
    exporter = InMemorySpanExporter()
    tracing.configure_tracing(None, exporter=exporter)
    with tracing.item_span("item-2", carrier=None) as span:
        assert span.get_span_context().is_valid
    (finished,) = [s for s in exporter.get_finished_spans() if s.name == "process_item"]
    assert finished.parent is None
