"""Prometheus metrics: every object is registered, helpers label correctly, render and serve work."""

from __future__ import annotations

import socket
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from core.types import CallRecord
from observability import metrics

EXPECTED = {
    "ats_api_requests",
    "ats_api_request_duration_seconds",
    "ats_jobs",
    "ats_items",
    "ats_items_by_stage",
    "ats_stage_duration_seconds",
    "ats_llm_tokens",
    "ats_llm_cost_usd",
    "ats_jd_cache_requests",
    "ats_queue_depth",
    "ats_retries",
    "ats_circuit_breaker_state",
    "ats_spend_today_usd",
    "ats_daily_limit_usd",
    "ats_queue_oldest_age_seconds",
}


def _value(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


def _families() -> dict:
    body, content_type = metrics.render()
    assert content_type.startswith("text/plain")
    return {f.name: f for f in text_string_to_metric_families(body.decode())}


def test_every_metric_family_is_rendered() -> None:
    assert EXPECTED <= set(_families())


def test_observe_request_counts_and_times() -> None:
    before = _value("ats_api_requests_total", method="GET", route="/api/bulk/status/{job_id}", status="200")
    metrics.observe_request("GET", "/api/bulk/status/{job_id}", 200, 0.02)
    after = _value("ats_api_requests_total", method="GET", route="/api/bulk/status/{job_id}", status="200")
    assert after == before + 1
    assert _value("ats_api_request_duration_seconds_count", method="GET", route="/api/bulk/status/{job_id}") >= 1


def test_call_record_feeds_tokens_cost_and_latency() -> None:
    rec = CallRecord(
        call_key="1:rewrite:0",
        provider="openai",
        model="m-test",
        purpose="rewrite",
        input_tokens=120,
        output_tokens=30,
        usd=0.0042,
        latency_ms=850.0,
    )
    tokens_in = _value("ats_llm_tokens_total", provider="openai", model="m-test", direction="input")
    cost = _value("ats_llm_cost_usd_total", provider="openai", model="m-test")
    metrics.observe_call_record(rec)
    assert _value("ats_llm_tokens_total", provider="openai", model="m-test", direction="input") == tokens_in + 120
    assert abs(_value("ats_llm_cost_usd_total", provider="openai", model="m-test") - cost - 0.0042) < 1e-9
    assert _value("ats_llm_call_duration_seconds_sum", provider="openai", purpose="rewrite") >= 0.85


def test_circuit_state_counts_each_opening_once() -> None:
    opened = _value("ats_circuit_breaker_opened_total", provider="p-test")
    metrics.set_circuit_state("p-test", "open")
    metrics.set_circuit_state("p-test", "open")
    assert _value("ats_circuit_breaker_state", provider="p-test") == 2
    metrics.set_circuit_state("p-test", "half_open")
    assert _value("ats_circuit_breaker_state", provider="p-test") == 1
    metrics.set_circuit_state("p-test", "open")
    metrics.set_circuit_state("p-test", "closed")
    assert _value("ats_circuit_breaker_state", provider="p-test") == 0
    assert _value("ats_circuit_breaker_opened_total", provider="p-test") == opened + 2


def test_stage_and_cache_helpers() -> None:
    runs = _value("ats_stage_runs_total", stage="PROCESS", outcome="ok")
    metrics.observe_stage("PROCESS", 0.3)
    assert _value("ats_stage_runs_total", stage="PROCESS", outcome="ok") == runs + 1
    hits = _value("ats_jd_cache_requests_total", backend="redis", result="hit")
    metrics.jd_cache(True, backend="redis")
    metrics.jd_cache(False, backend="redis")
    assert _value("ats_jd_cache_requests_total", backend="redis", result="hit") == hits + 1


def test_set_labelled_zeroes_known_labels_that_vanished() -> None:
    metrics.set_labelled(metrics.ITEMS_BY_STATUS, "status", {"queued": 5, "running": 2})
    metrics.set_labelled(metrics.ITEMS_BY_STATUS, "status", {"running": 1}, known=("queued", "running"))
    assert _value("ats_items", status="queued") == 0
    assert _value("ats_items", status="running") == 1


def test_worker_metrics_server_serves_the_registry() -> None:
    assert metrics.start_metrics_server(0) is False
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert metrics.start_metrics_server(port) is True
    body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    assert "ats_stage_duration_seconds" in body
