"""JSON logs: one line per event, ids from context, and no resume text or PII on any line."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.types import Stage
from observability import logs


@pytest.fixture(autouse=True)
def _restore_hooks():
    """configure_logging replaces the process-wide exception hooks; give pytest its own back."""
    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    logging.captureWarnings(False)


@pytest.fixture()
def capture() -> io.StringIO:
    buf = io.StringIO()
    handler = logs.configure_logging(None, stream=buf, level="DEBUG")
    yield buf
    logging.getLogger().removeHandler(handler)


def _lines(buf: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_one_json_line_per_event_with_context_ids(capture: io.StringIO) -> None:
    log = logging.getLogger("ats.test")
    with logs.log_context(request_id="req1", job_id="job-9"):
        log.info("job accepted")
        with logs.log_context(item_id=42, stage=Stage.PROCESS):
            log.info("stage done", extra={"ms": 12.5, "provider": "offline"})
        log.info("after")
    log.info("outside")
    first, second, third, fourth = _lines(capture)
    assert first["event"] == "job accepted" and first["request_id"] == "req1" and first["job_id"] == "job-9"
    assert "item_id" not in first
    assert second["item_id"] == 42 and second["stage"] == "PROCESS" and second["ms"] == 12.5
    assert second["provider"] == "offline" and second["level"] == "info" and second["logger"] == "ats.test"
    assert "item_id" not in third and third["job_id"] == "job-9"
    assert "job_id" not in fourth and fourth["ts"].endswith("Z")


def test_extras_outside_the_allow_list_are_dropped(capture: io.StringIO) -> None:
    logging.getLogger("t").info("x", extra={"resume": "Jane Roe, Senior Engineer", "jd_text": "We want", "count": 3})
    (line,) = _lines(capture)
    assert line["count"] == 3
    assert "resume" not in line and "jd_text" not in line
    assert "Jane" not in json.dumps(line)


def test_prose_arguments_are_replaced_ids_and_numbers_pass(capture: io.StringIO) -> None:
    bullet = "Led a team of five engineers to ship the billing platform"
    logging.getLogger("t").info("rewrote %s for item %s in %.1f ms (%s)", bullet, "item-17", 3.25, Stage.VALIDATE)
    (line,) = _lines(capture)
    assert line["event"] == f"rewrote <text len={len(bullet)}> for item item-17 in 3.2 ms (VALIDATE)"


@pytest.mark.parametrize(
    "pii",
    [
        "jane.roe+jobs@example.co.uk",
        "+44 20 7946 0958",
        "(415) 555-0132",
        "+91 98765 43210",
        "123-45-6789",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "https://www.linkedin.com/in/jane-roe-123",
        "github.com/janeroe",
        "742 Evergreen Terrace",
        "12 Baker Street",
        "04/07/1988",
    ],
)
def test_pii_in_messages_and_exceptions_is_scrubbed(capture: io.StringIO, pii: str) -> None:
    log = logging.getLogger("t")
    log.warning(f"careless message with {pii} inside", extra={"reason": f"bad {pii}"})
    try:
        raise ValueError(f"cannot parse {pii}")
    except ValueError:
        log.exception("parse failed")
    text = capture.getvalue()
    assert pii not in text
    assert len(_lines(capture)) == 2


def test_harmless_numbers_survive_scrubbing() -> None:
    text = "item 123456 took 12.5 ms, attempt 2 of 3, port 8000, revision 0001_initial"
    assert logs.scrub(text) == text


def test_protected_values_are_replaced_inside_the_block_only(capture: io.StringIO) -> None:
    log = logging.getLogger("t")
    secret = "Built Kubernetes clusters"
    with logs.protect([secret, None, "ab"]):
        log.info(f"leak: {secret}!")
    log.info(f"leak: {secret}!")
    inside, outside = _lines(capture)
    assert inside["event"] == "leak: [REDACTED]!"
    assert outside["event"] == f"leak: {secret}!"  # outside the block nothing is known about it


def test_exception_keeps_frames_not_locals(capture: io.StringIO) -> None:
    def fails(resume_text: str) -> None:
        raise RuntimeError("boom")

    try:
        fails("Confidential resume body")
    except RuntimeError:
        logging.getLogger("t").exception("failed")
    (line,) = _lines(capture)
    assert line["exc_type"] == "RuntimeError" and line["exc"] == "boom"
    assert any(frame.endswith(":fails") for frame in line["frames"])
    assert "Confidential" not in capture.getvalue()


def test_context_does_not_leak_between_threads(capture: io.StringIO) -> None:
    log = logging.getLogger("t")

    def other() -> None:
        log.info("other thread")

    with logs.log_context(job_id="mine"):
        t = threading.Thread(target=other)
        t.start()
        t.join()
    (line,) = _lines(capture)
    assert "job_id" not in line


def test_log_context_rejects_unknown_keys() -> None:
    with pytest.raises(TypeError):
        with logs.log_context(resume="x"):
            pass


def test_configure_twice_installs_one_handler() -> None:
    buf = io.StringIO()
    logs.configure_logging(None, stream=io.StringIO())
    handler = logs.configure_logging(None, stream=buf)
    try:
        logging.getLogger("uvicorn.access").warning("GET /health 200")
        assert len(buf.getvalue().splitlines()) == 1
        ours = [h for h in logging.getLogger().handlers if getattr(h, "_ats_json_handler", False)]
        assert ours == [handler]
    finally:
        logging.getLogger().removeHandler(handler)


@settings(max_examples=60, deadline=None)
@given(
    user=st.from_regex(r"[a-z][a-z0-9._]{1,12}", fullmatch=True),
    domain=st.from_regex(r"[a-z]{2,10}\.(com|org|io|de)", fullmatch=True),
    digits=st.lists(st.integers(0, 9), min_size=10, max_size=12),
)
def test_property_emails_and_long_numbers_never_survive(user: str, domain: str, digits: list[int]) -> None:
    email = f"{user}@{domain}"
    number = "+" + "".join(map(str, digits[:2])) + " " + "".join(map(str, digits[2:]))
    out = logs.scrub(f"contact {email} or {number} today")
    assert email not in out and number not in out


def test_uncaught_thread_exception_is_one_scrubbed_json_line(capture: io.StringIO) -> None:
    def crash() -> None:
        raise RuntimeError("failed for jane.roe@example.com")

    t = threading.Thread(target=crash)
    t.start()
    t.join()
    (line,) = _lines(capture)
    assert line["logger"] == "uncaught" and line["exc_type"] == "RuntimeError"
    assert "jane.roe@example.com" not in capture.getvalue()


def test_protect_catches_a_single_line_of_a_protected_text(capture: io.StringIO) -> None:
    resume = "Jane Roe\nExperience\n- Orchestrated Kubernetes clusters for payment teams\n- Led the Terraform move"
    with logs.protect([resume]):
        logging.getLogger("t").warning(f"bad bullet: {'- Orchestrated Kubernetes clusters for payment teams'}")
        logging.getLogger("t").warning("section Experience")  # short lines are not treated as secrets
    first, second = _lines(capture)
    assert "Orchestrated" not in first["event"] and "[REDACTED]" in first["event"]
    assert second["event"] == "section Experience"
