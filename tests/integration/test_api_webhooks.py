"""Completion webhooks: signed, retried with backoff, private targets refused unless allowed."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.errors import InputError
from services.webhooks import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    check_callback_url,
    deliver_job_webhook,
    verify_signature,
    webhook_secret,
)


class Receiver:
    """A local HTTP receiver that answers the queued status codes in turn (then 200) and keeps what it got."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.replies: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append(({k: v for k, v in self.headers.items()}, body))
                self.send_response(receiver.replies.pop(0) if receiver.replies else 200)
                self.end_headers()

            def log_message(self, *args) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver on a free local port."""
    r = Receiver()
    yield r
    r.close()


def test_delivery_is_signed_and_verifiable(make_settings, receiver):
    settings = make_settings(webhook_allow_private=True, webhook_secret="test-webhook-s3cret-0123")
    status = {"job_id": "j-1", "status": "completed", "counts": {"completed": 2}}
    assert deliver_job_webhook(settings, status, receiver.url, sleep=lambda _s: None) is True
    headers, body = receiver.received[0]
    assert json.loads(body)["job"]["job_id"] == "j-1"
    assert headers[SIGNATURE_HEADER].startswith(f"t={headers[TIMESTAMP_HEADER]},v1=")
    assert verify_signature("test-webhook-s3cret-0123", headers[SIGNATURE_HEADER], body)
    assert not verify_signature("other", headers[SIGNATURE_HEADER], body)
    assert not verify_signature("test-webhook-s3cret-0123", headers[SIGNATURE_HEADER], body + b" ")


def test_server_errors_are_retried_with_growing_backoff(make_settings, receiver):
    settings = make_settings(
        webhook_allow_private=True, webhook_max_attempts=4, webhook_secret="test-webhook-s3cret-0123"
    )
    receiver.replies = [500, 503]
    delays: list[float] = []
    assert deliver_job_webhook(settings, {"job_id": "j"}, receiver.url, sleep=delays.append) is True
    assert len(receiver.received) == 3 and len(delays) == 2
    assert 0.5 <= delays[0] <= 1.0 <= delays[1] <= 2.0  # base 1 s doubling, with jitter of up to half
    for headers, body in receiver.received:
        assert verify_signature(webhook_secret(settings), headers[SIGNATURE_HEADER], body)


def test_client_errors_are_not_retried_and_attempts_are_capped(make_settings, receiver):
    settings = make_settings(
        webhook_allow_private=True, webhook_max_attempts=3, webhook_secret="test-webhook-s3cret-0123"
    )
    receiver.replies = [410]
    assert deliver_job_webhook(settings, {"job_id": "j"}, receiver.url, sleep=lambda _s: None) is False
    assert len(receiver.received) == 1
    receiver.replies = [500, 500, 500, 500]
    assert deliver_job_webhook(settings, {"job_id": "j"}, receiver.url, sleep=lambda _s: None) is False
    assert len(receiver.received) == 4


def test_private_and_loopback_targets_are_refused(make_settings, receiver):
    settings = make_settings(webhook_allow_private=False, webhook_secret="test-webhook-s3cret-0123")
    assert deliver_job_webhook(settings, {"job_id": "j"}, receiver.url, sleep=lambda _s: None) is False
    assert receiver.received == []
    for url in ("http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest", "http://0.0.0.0/"):
        with pytest.raises(InputError):
            check_callback_url(url, allow_private=False)
    with pytest.raises(InputError):
        check_callback_url("http://example.test/x", allow_private=False, resolve=lambda _h: ["192.168.1.5"])
    check_callback_url("https://hooks.example.com/x", allow_private=False, resolve=lambda _h: ["93.184.216.34"])
    with pytest.raises(InputError):
        check_callback_url("https://user:pw@hooks.example.com/x", allow_private=True)
