"""Structured JSON logs: one line per event, ids from context, and nothing from a resume or a JD.

Usage: `configure_logging(settings)` once per process; `with log_context(job_id=..., item_id=...):`
around work; `log.info("stage done", extra={"stage": "PROCESS", "ms": 12.5})`.

What reaches a line is limited by design, not by trust in callers:
- only the fields in ALLOWED_FIELDS are copied from `extra=`; others are dropped silently;
- string arguments of a %-style message that contain whitespace or are long are replaced by
  `<text len=N>` (ids and numbers pass, sentences do not);
- the message, string extras and exception messages are scrubbed of e-mail addresses, phone and
  card numbers, SSNs, profile URLs, dates and street addresses, and of any value registered with
  `protect(...)` (the worker registers the item's texts and PII while it runs the item);
- exception tracebacks keep file, line and function only (no locals, no source lines) and the
  message is scrubbed and cut to 200 characters.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import json
import logging
import re
import sys
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

CONTEXT_KEYS = ("request_id", "job_id", "item_id", "stage", "worker")

# Extra fields a log call may carry; anything else is dropped (allow-list, not deny-list).
ALLOWED_FIELDS = frozenset(
    {
        *CONTEXT_KEYS,
        "action",
        "attempt",
        "attempts",
        "backend",
        "count",
        "cost_usd",
        "duration_ms",
        "error_code",
        "error_type",
        "hit",
        "host",
        "input_tokens",
        "items",
        "key_id",
        "kind",
        "limit",
        "method",
        "ms",
        "model",
        "outcome",
        "output_tokens",
        "path",
        "pid",
        "port",
        "provider",
        "purpose",
        "queue",
        "reason",
        "retry_in_s",
        "revision",
        "role",
        "route",
        "scope",
        "state",
        "status",
        "status_code",
        "usd",
        "user_id",
        "version",
    }
)
_MAX_STR = 120
_MAX_MESSAGE = 500
_MAX_EXC_MESSAGE = 200
_MIN_PROTECTED_LINE = 12
_ID_LIKE = re.compile(r"^[\w.:/@#{}\[\]+=,-]{0,64}$")

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_context: contextvars.ContextVar[Mapping[str, Any]] = contextvars.ContextVar("ats_log_context", default=_EMPTY)
_protected: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("ats_log_protected", default=())

# Patterns of PII that must never reach a line, whatever the caller wrote. Order matters: emails and
# URLs before numbers so an address is replaced whole.
_SCRUBBERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+"), "[EMAIL]"),
    (
        re.compile(
            r"(?i)\b(?:https?://)?(?:www\.)?(?:linkedin\.com|github\.com|twitter\.com|x\.com|facebook\.com|"
            r"instagram\.com|gitlab\.com|medium\.com)/\S*"
        ),
        "[URL]",
    ),
    (re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])"), "[SSN]"),
    (re.compile(r"(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])"), "[NUMBER]"),
    (re.compile(r"(?<![\w-])\+?\(?\d[\d ().-]{6,}\d(?![\w-])"), "[PHONE]"),
    (re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"), "[DATE]"),
    (
        re.compile(
            r"(?i)\b\d{1,6}\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|"
            r"drive|dr|court|ct|way|place|pl|terrace|parkway|pkwy|circle|cir)\b\.?"
        ),
        "[ADDRESS]",
    ),
)
_PHONE_MIN_DIGITS = 9


def scrub(text: str) -> str:
    """Remove PII-shaped substrings and protected values from a string bound for a log line."""
    for value in sorted(_protected.get(), key=len, reverse=True):
        if value and value in text:
            text = text.replace(value, "[REDACTED]")
    for pattern, label in _SCRUBBERS:
        if label == "[PHONE]":
            text = pattern.sub(lambda m: "[PHONE]" if _digits(m.group()) >= _PHONE_MIN_DIGITS else m.group(), text)
        else:
            text = pattern.sub(label, text)
    return text


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _safe_arg(value: Any) -> Any:
    """A %-format argument as it may appear: numbers and id-like strings pass, prose does not."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return value.value if isinstance(value.value, int | float) else str(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    text = str(value)
    if _ID_LIKE.match(text):
        return text
    return f"<text len={len(text)}>"


def _safe_value(value: Any) -> Any:
    """An extra field's value: scalars pass, strings are cut and scrubbed, containers are summarised."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        value = value.value
        if isinstance(value, int | float):
            return value
    if isinstance(value, list | tuple | set | dict):
        return f"<{type(value).__name__} len={len(value)}>"
    return scrub(str(value)[:_MAX_STR])


def _message(record: logging.LogRecord) -> str:
    msg = str(record.msg)
    if record.args:
        args = record.args
        try:
            if isinstance(args, Mapping):
                msg = msg % {k: _safe_arg(v) for k, v in args.items()}
            else:
                msg = msg % tuple(_safe_arg(a) for a in args)
        except (TypeError, ValueError):
            msg = f"{msg} <unformattable args>"
    if len(msg) > _MAX_MESSAGE:
        msg = msg[:_MAX_MESSAGE] + "…"
    return scrub(msg)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, event, context ids, allowed extras, trace ids."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record; never raises on odd input (a log call must not break the caller)."""
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": _message(record),
        }
        for key, value in _context.get().items():
            out[key] = _safe_value(value)
        for key in ALLOWED_FIELDS:
            if key in record.__dict__ and key not in ("event",):
                out[key] = _safe_value(record.__dict__[key])
        out.update(_trace_ids())
        if record.exc_info and record.exc_info[0] is not None:
            out.update(_exception_fields(record.exc_info))
        return json.dumps(out, ensure_ascii=False, default=str)


def _exception_fields(exc_info: Any) -> dict[str, Any]:
    exc_type, exc, tb = exc_info
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append(f"{code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}:{code.co_name}")
        tb = tb.tb_next
    return {
        "exc_type": exc_type.__name__,
        "exc": scrub(str(exc)[:_MAX_EXC_MESSAGE]),
        "frames": frames[-12:],
    }


def _trace_ids() -> dict[str, str]:
    """The active OpenTelemetry trace and span ids, when tracing is on."""
    try:
        from opentelemetry import trace
    except ImportError:  # tracing is optional at runtime
        return {}
    ctx = trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return {}
    return {"trace_id": f"{ctx.trace_id:032x}", "span_id": f"{ctx.span_id:016x}"}


@contextlib.contextmanager
def log_context(**ids: Any) -> Iterator[Mapping[str, Any]]:
    """Bind request_id / job_id / item_id / stage / worker to every log line inside the block."""
    unknown = set(ids) - set(CONTEXT_KEYS)
    if unknown:
        raise TypeError(f"log_context accepts only {CONTEXT_KEYS}, not {sorted(unknown)}")
    merged = {**_context.get(), **{k: v for k, v in ids.items() if v is not None}}
    token = _context.set(merged)
    try:
        yield merged
    finally:
        _context.reset(token)


def current_context() -> dict[str, Any]:
    """The ids bound now (to carry through a queue alongside the trace context)."""
    return dict(_context.get())


@contextlib.contextmanager
def protect(values: Iterable[str | None]) -> Iterator[None]:
    """Treat these strings (an item's texts, its PII values) as secrets: replaced if they reach a line.

    Each multi-line text is also registered line by line (lines of 12+ characters), so one bullet
    quoted in a message is caught as well as the whole resume.
    """
    found: list[str] = []
    for value in values:
        if not value or len(value.strip()) < 4:
            continue
        found.append(value)
        if "\n" in value:
            found.extend(line.strip() for line in value.splitlines() if len(line.strip()) >= _MIN_PROTECTED_LINE)
    extra = tuple(dict.fromkeys(found))
    token = _protected.set(_protected.get() + extra)
    try:
        yield
    finally:
        _protected.reset(token)


def new_request_id() -> str:
    """A fresh request id (hex, 16 chars)."""
    return uuid.uuid4().hex[:16]


_HANDLER_FLAG = "_ats_json_handler"
_FACTORY_FLAG = "_ats_scrubbing_factory"


def scrub_every_record() -> None:
    """Scrub every log record as it is made, so handlers this module does not own print no PII either.

    The web app's process logs through Streamlit's own loggers and handlers (they do not propagate to ours);
    a record factory is the one hook every logger goes through. The message gets the same treatment as in
    JsonFormatter (prose arguments summarised, PII scrubbed) and the traceback is reduced to file:line:function.
    """
    base = logging.getLogRecordFactory()
    if getattr(base, _FACTORY_FLAG, False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        record.msg, record.args = _message(record), None
        if record.exc_info and record.exc_info[0] is not None:
            fields = _exception_fields(record.exc_info)
            record.exc_text = f"{fields['exc_type']}: {fields['exc']} [{' > '.join(fields['frames'])}]"
        return record

    setattr(factory, _FACTORY_FLAG, True)
    logging.setLogRecordFactory(factory)


def _log_uncaught(exc_type: Any, exc: Any, tb: Any) -> None:
    if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logging.getLogger("uncaught").critical("uncaught exception", exc_info=(exc_type, exc, tb))


def configure_logging(settings: Any = None, *, stream: Any = None, level: str | None = None) -> logging.Handler:
    """Send every logger (ours, uvicorn, rq, alembic) as JSON lines to stderr; safe to call twice."""
    chosen = (level or getattr(settings, "log_level", None) or "INFO").upper()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_FLAG, False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    setattr(handler, _HANDLER_FLAG, True)
    root.addHandler(handler)
    root.setLevel(chosen)
    # Libraries that install their own handlers would print a second, unstructured line.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "rq.worker", "rq", "alembic", "httpx"):
        lib = logging.getLogger(name)
        lib.handlers.clear()
        lib.propagate = True
    # Warnings and uncaught exceptions would otherwise print raw, multi-line text (with exception messages) to stderr.
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught
    threading.excepthook = lambda args: _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)
    # Chatty client libraries: their debug lines (one per connection) drown the events that matter.
    floor = logging.getLevelName(chosen)
    logging.getLogger("httpx").setLevel(max(floor, logging.WARNING))
    logging.getLogger("httpcore").setLevel(max(floor, logging.WARNING))
    logging.getLogger("redis").setLevel(max(floor, logging.INFO))
    return handler
