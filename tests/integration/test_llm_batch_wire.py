"""Batch mode through the real openai and anthropic SDKs against the batch fakes on 127.0.0.1: the batch line is the
live request, results read like live replies at half the price, expiry/failure/errors fall back per item."""

from __future__ import annotations

import time

import pytest

from core.llm.batch import BatchLine, custom_id_for
from core.llm.registry import make_provider
from core.types import JDSignals, SkillMention, UnlimitedBudget
from tests.fakes.batch_lifecycle import Lifecycle
from tests.fakes.batch_server import BatchLLMServer

SIGNALS = JDSignals(required=[SkillMention(skill="Python", span=(0, 6), quote="Python")], confidence=0.9)
PAIRS = [
    ["Built REST APIs in Python for 3 teams", "Led a team of 4 engineers"],
    ["Migrated the billing service to AWS", "Cut deploy time from 2 hours to 10 minutes"],
    ["Wrote the onboarding guide for new hires"],
    ["Owned the search ranking service", "Mentored 2 interns"],
]
KINDS = ["openai", "anthropic"]


@pytest.fixture
def server():
    with BatchLLMServer() as s:
        yield s


def _provider(make_settings, server, kind):
    url = server.anthropic_url if kind == "anthropic" else server.openai_url
    settings = make_settings(
        llm_provider=kind, llm_base_url=url, openai_api_key="sk-test", anthropic_api_key="sk-ant-test"
    )
    return make_provider(settings)


def _slots(provider):
    return [
        provider.batch_request(bullets, SIGNALS, custom_id=custom_id_for(f"item{n}", 1), call_key=f"item{n}:rewrite:1")
        for n, bullets in enumerate(PAIRS)
    ]


def _run(provider, slots, *, tag="t1", timeout=20.0):
    api = provider.batch_api()
    batch_id = api.submit([BatchLine(s.custom_id, s.request) for s in slots], tag=tag)
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = api.status(batch_id)
        seen.append(status)
        if status.ended:
            return api, batch_id, seen, api.results(batch_id)
        time.sleep(0.05)
    raise AssertionError(f"the batch never ended: {seen[-1]}")


@pytest.mark.parametrize("kind", KINDS)
def test_the_batch_line_is_the_live_request(make_settings, server, kind):
    provider = _provider(make_settings, server, kind)
    slot = _slots(provider)[0]
    provider.rewrite(PAIRS[0], SIGNALS, budget=UnlimitedBudget(), call_key="live")
    assert server.requests[-1].json == slot.request  # same model, prompt, schema and limits as the live call
    assert slot.estimate_usd > 0


@pytest.mark.parametrize("kind", KINDS)
def test_a_completed_batch_gives_the_live_results_at_half_the_price(make_settings, server, kind):
    provider = _provider(make_settings, server, kind)
    server.run_batches(Lifecycle(validate_s=0.1, run_s=0.6))
    slots = _slots(provider)
    _, _, seen, results = _run(provider, slots)
    states = [s.state for s in seen]
    assert states[-1] in ("completed", "ended") and any(not s.ended for s in seen)
    assert any(0 < s.done < s.total for s in seen)  # progress while it runs
    assert seen[-1].done == len(PAIRS) and seen[-1].failed == 0
    for slot, bullets in zip(slots, PAIRS, strict=True):
        answered = slot.model_copy(update={"reply": results[slot.custom_id].body})
        batched = provider.rewrite_batched(bullets, SIGNALS, budget=UnlimitedBudget(), slot=answered, call_key="c2")
        live = provider.rewrite(bullets, SIGNALS, budget=UnlimitedBudget(), call_key="c3")
        assert [r.rewrite for r in batched.rewrites] == [r.rewrite for r in live.rewrites]
        (record,) = batched.records
        assert record.call_key == f"{slot.call_key}:batch" and record.ok and record.purpose == "rewrite"
        assert record.input_tokens == live.records[0].input_tokens > 0
        assert record.usd == pytest.approx(live.records[0].usd / 2, abs=1e-8)  # prices rounded to 1e-8 USD


@pytest.mark.parametrize("kind", KINDS)
def test_an_expired_batch_falls_back_per_item_without_losing_any(make_settings, server, kind):
    provider = _provider(make_settings, server, kind)
    server.run_batches(Lifecycle(run_s=0.2, outcome="expired", answered=0.5))
    slots = _slots(provider)
    _, _, seen, results = _run(provider, slots)
    assert seen[-1].state in ("expired", "ended")
    answered = [s for s in slots if results.get(s.custom_id) and results[s.custom_id].body]
    missed = [s for s in slots if s not in answered]
    assert len(answered) == 2 and len(missed) == 2
    assert all("expired" in results[s.custom_id].error for s in missed)
    before = len(server.requests)
    for slot in missed:
        bullets = PAIRS[slots.index(slot)]
        gone = slot.model_copy(update={"error": results[slot.custom_id].error})
        reply = provider.rewrite_batched(bullets, SIGNALS, budget=UnlimitedBudget(), slot=gone, call_key="k:2")
        assert len(reply.rewrites) == len(bullets) and not reply.flags  # answered live, no fallback
        first, live = reply.records
        assert not first.ok and "expired" in first.error and first.usd == 0
        assert live.ok and live.call_key == "k:2" and live.usd > 0
    assert len(server.requests) == before + 2  # one live call per item the batch missed


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_batch_answers_nothing(make_settings, server, kind):
    provider = _provider(make_settings, server, kind)
    server.run_batches(Lifecycle(outcome="failed"))
    slots = _slots(provider)
    _, _, seen, results = _run(provider, slots)
    assert seen[-1].ended
    assert not any(r.body for r in results.values())


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_answer_in_the_batch_is_repaired_live(make_settings, server, kind):
    provider = _provider(make_settings, server, kind)
    server.queue("malformed")  # the first request the batch answers gets a broken reply
    slots = _slots(provider)
    _, _, _, results = _run(provider, slots)
    broken = next(s for s in slots if "unterminated" in str(results[s.custom_id].body))
    bullets = PAIRS[slots.index(broken)]
    answered = broken.model_copy(update={"reply": results[broken.custom_id].body})
    reply = provider.rewrite_batched(bullets, SIGNALS, budget=UnlimitedBudget(), slot=answered, call_key="k:2")
    bad, repair = reply.records
    assert not bad.ok and bad.usd > 0  # the batch's answer was paid for, at batch price
    assert repair.ok and repair.purpose == "repair" and repair.call_key == "k:2:repair"
    assert len(reply.rewrites) == len(bullets) and not reply.flags


@pytest.mark.parametrize("kind", KINDS)
def test_per_request_errors_and_cancel(make_settings, server, kind):
    provider = _provider(make_settings, server, kind)
    slots = _slots(provider)
    server.run_batches(Lifecycle(errors=frozenset({slots[1].custom_id})))
    _, _, seen, results = _run(provider, slots)
    assert seen[-1].failed == 1 and results[slots[1].custom_id].error
    server.run_batches(Lifecycle(run_s=30))
    api = provider.batch_api()
    batch_id = api.submit([BatchLine(s.custom_id, s.request) for s in slots], tag="t2")
    api.cancel(batch_id)
    status = api.status(batch_id)
    assert status.ended and status.state in ("cancelled", "ended")
    assert not any(r.body for r in api.results(batch_id).values())
    assert api.find("t2") == (batch_id if kind == "openai" else None)  # OpenAI keeps our tag in metadata


def test_compatible_servers_have_no_batch_api(make_settings, server):
    settings = make_settings(llm_provider="openai-compatible", llm_base_url=server.openai_url)
    assert make_provider(settings).batch_api() is None
