"""Finding 5, delivery side: the webhook connects to the address the egress check saw, never to a second DNS answer
(rebinding), and keeps the original name in the Host header and the TLS server name."""

from __future__ import annotations

import json

import httpx

from services.webhooks import deliver_job_webhook
from tests.integration.test_api_webhooks import Receiver

SECRET = "test-webhook-s3cret-0123"


def test_delivery_goes_to_the_resolved_address_with_the_original_host(make_settings) -> None:
    receiver = Receiver()
    try:
        port = receiver.server.server_address[1]
        settings = make_settings(webhook_allow_private=True, webhook_secret=SECRET)
        looked_up: list[str] = []

        def resolve(host: str) -> list[str]:
            looked_up.append(host)
            return ["127.0.0.1"]

        url = f"http://hooks.invalid:{port}/hook"  # .invalid never resolves: only the pinned address can reach it
        assert deliver_job_webhook(settings, {"job_id": "j-9"}, url, sleep=lambda _s: None, resolve=resolve)
        headers, body = receiver.received[0]
        assert looked_up == ["hooks.invalid"]
        assert headers["Host"] == f"hooks.invalid:{port}" and json.loads(body)["job_id"] == "j-9"
    finally:
        receiver.close()


def test_a_rebinding_answer_after_the_check_is_never_used(make_settings) -> None:
    answers = [["93.184.216.34"], ["127.0.0.1"]]  # public at the check, loopback for any later lookup
    seen: list[httpx.Request] = []

    def resolve(_host: str) -> list[str]:
        return answers.pop(0)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    settings = make_settings(webhook_allow_private=False, webhook_secret=SECRET)
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        ok = deliver_job_webhook(
            settings, {"job_id": "j"}, "https://hooks.example.com/cb", client=client, resolve=resolve
        )
    assert ok and len(seen) == 1
    assert seen[0].url.host == "93.184.216.34" and seen[0].headers["Host"] == "hooks.example.com"
    assert seen[0].extensions["sni_hostname"] == "hooks.example.com"
    assert answers == [["127.0.0.1"]]  # resolved once: the loopback answer was never asked for


def test_a_private_answer_at_delivery_sends_nothing(make_settings) -> None:
    seen: list[httpx.Request] = []
    settings = make_settings(webhook_allow_private=False, webhook_secret=SECRET)
    with httpx.Client(transport=httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(200))) as client:
        ok = deliver_job_webhook(
            settings, {"job_id": "j"}, "https://hooks.example.com/cb", client=client, resolve=lambda _h: ["10.0.0.7"]
        )
    assert ok is False and seen == []
