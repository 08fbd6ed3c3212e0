"""Batch mode, the pure part: custom ids, the JSONL lines, reading both providers' results, batch prices, passes."""

from __future__ import annotations

import json

import pytest

from core.llm.batch import (
    BatchLine,
    LineResult,
    anthropic_requests,
    custom_id_for,
    item_of,
    openai_jsonl,
    read_anthropic_results,
    read_openai_output,
)
from core.llm.batch_mode import batch_pass
from core.llm.offline import OfflineProvider
from core.llm.pricing import PriceTable, load_prices
from core.types import BatchSlot, ItemState, RewriteOptions, Stage


def test_custom_ids_round_trip_and_refuse_what_providers_refuse():
    cid = custom_id_for("0123456789abcdef0123456789abcdef", 3)
    assert cid == "0123456789abcdef0123456789abcdef-3" and item_of(cid) == "0123456789abcdef0123456789abcdef"
    with pytest.raises(ValueError):
        custom_id_for("has:colon", 1)
    with pytest.raises(ValueError):
        custom_id_for("x" * 64, 1)


def test_openai_jsonl_is_one_request_a_line():
    lines = [BatchLine("a-1", {"model": "m", "messages": []}), BatchLine("b-1", {"model": "m"})]
    rows = [json.loads(r) for r in openai_jsonl(lines).decode().splitlines()]
    assert rows == [
        {"custom_id": "a-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m", "messages": []}},
        {"custom_id": "b-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}},
    ]


def test_read_openai_output_and_error_files():
    text = "\n".join(
        json.dumps(r)
        for r in [
            {"custom_id": "ok-1", "response": {"status_code": 200, "body": {"id": "x"}}, "error": None},
            {"custom_id": "bad-1", "response": {"status_code": 500, "body": {"error": {"message": "boom"}}}},
            {"custom_id": "exp-1", "response": None, "error": {"code": "batch_expired", "message": "too late"}},
            {"custom_id": "odd-1", "response": {"status_code": 200, "body": "not an object"}},
        ]
    )
    out = read_openai_output(text + "\nnot json\n{}\n")
    assert out["ok-1"] == LineResult(body={"id": "x"})
    assert out["bad-1"].error == "HTTP 500: boom"
    assert out["exp-1"].error == "batch_expired: too late"
    assert out["odd-1"].error == "HTTP 200"
    assert set(out) == {"ok-1", "bad-1", "exp-1", "odd-1"}  # lines without a custom id are skipped


def test_anthropic_requests_and_results():
    assert anthropic_requests([BatchLine("a-1", {"model": "m"})]) == [{"custom_id": "a-1", "params": {"model": "m"}}]
    out = read_anthropic_results(
        [
            {"custom_id": "a-1", "result": {"type": "succeeded", "message": {"id": "msg"}}},
            {
                "custom_id": "b-1",
                "result": {"type": "errored", "error": {"type": "error", "error": {"type": "api_error"}}},
            },
            {"custom_id": "c-1", "result": {"type": "expired"}},
            {"custom_id": "d-1", "result": {"type": "canceled"}},
            {"result": {"type": "succeeded"}},
        ]
    )
    assert out == {
        "a-1": LineResult(body={"id": "msg"}),
        "b-1": LineResult(error="errored: api_error"),
        "c-1": LineResult(error="expired"),
        "d-1": LineResult(error="canceled"),
    }


def test_batch_prices_are_stated_or_half():
    table = PriceTable({"p": {"m": {"input": 2.0, "output": 8.0, "batch_input": 0.5}, "*": {"input": 1, "output": 3}}})
    assert table.cost("p", "m", 1_000_000, 1_000_000) == 10.0
    assert table.cost("p", "m", 1_000_000, 1_000_000, batch=True) == 0.5 + 4.0  # stated input, derived output
    assert table.cost("p", "other", 1_000_000, 0, batch=True) == 0.5
    shipped = load_prices()
    for provider in ("openai", "anthropic"):
        live = shipped.price(provider, "*")
        batch = shipped.price(provider, "*", batch=True)
        assert (batch.input, batch.output) == (live.input / 2, live.output / 2)


class _Batchable:
    name, model, external = "openai", "gpt-4o-mini", True

    def batch_api(self):
        return object()

    def batch_request(self, *a, **k): ...

    def rewrite_batched(self, *a, **k): ...


def test_batch_pass_only_for_process_of_batch_jobs_with_a_batch_api():
    job = ItemState(resume_text="r", jd_text="j", stage=Stage.PROCESS, options=RewriteOptions(batch=True))
    assert batch_pass(job, _Batchable()) == "record"
    assert batch_pass(job.model_copy(update={"stage": Stage.VALIDATE}), _Batchable()) is None
    assert batch_pass(job.model_copy(update={"offline_only": True}), _Batchable()) is None
    assert batch_pass(job.model_copy(update={"options": RewriteOptions()}), _Batchable()) is None
    assert batch_pass(job, OfflineProvider()) is None  # the offline engine has no batch: it runs as always
    slot = BatchSlot(custom_id="i-1", call_key="i:rewrite:1", provider="openai", model="m", request={})
    assert batch_pass(job.model_copy(update={"batch": slot}), _Batchable()) == "answer"


def test_stage_context_swaps_in_the_batch_stand_ins_only_for_batch_passes():
    from core.context import PipelineContext
    from core.llm.batch_mode import BatchAnswered, BatchRecorder, stage_context

    ctx = PipelineContext(matcher=None, extractor=None, provider=_Batchable(), offline=OfflineProvider())  # type: ignore[arg-type]
    job = ItemState(item_id="i", resume_text="r", jd_text="j", stage=Stage.PROCESS, options=RewriteOptions(batch=True))
    recording = stage_context(job, ctx)
    assert isinstance(recording.provider, BatchRecorder) and recording.provider.custom_id == "i-1"
    assert recording.provider.name == "openai" and recording.provider.external
    slot = BatchSlot(custom_id="i-1", call_key="i:rewrite:1", provider="openai", model="m", request={})
    answering = stage_context(job.model_copy(update={"batch": slot, "attempt": 2}), ctx)
    assert isinstance(answering.provider, BatchAnswered) and answering.provider.slot == slot
    assert stage_context(job.model_copy(update={"stage": Stage.INGEST}), ctx) is ctx
    assert stage_context(job.model_copy(update={"options": RewriteOptions()}), ctx) is ctx
