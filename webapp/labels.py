"""Words for the names the pipeline and the database use (enum values, column names), as users should read them."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pandas as pd

PII_TYPES = {
    "EMAIL_ADDRESS": "email address",
    "PHONE_NUMBER": "phone number",
    "URL": "web address",
    "US_SSN": "Social Security number",
    "CREDIT_CARD": "payment card number",
    "DATE_OF_BIRTH": "date of birth",
    "STREET_ADDRESS": "street address",
    "PERSON": "name",
    "IP_ADDRESS": "IP address",
    "IBAN_CODE": "bank account number (IBAN)",
}
PII_WHERE = {"resume": "resume", "jd": "job description"}

INJECTION_CATEGORIES = {
    "instruction_override": "tries to override the instructions",
    "score_manipulation": "tries to dictate the score or verdict",
    "goal_hijack": "tries to give the model a different task",
    "hidden_note": "hidden note addressed to the model",
    "role_tag": "fake chat-role markers",
    "jailbreak": "jailbreak attempt",
    "prompt_leak": "asks the model to reveal its instructions",
    "data_exfiltration": "tries to send data elsewhere",
}

BULLET_FLAGS = {
    "invented_number": "adds a number the original does not have",
    "invented_skill": "adds a skill the original does not show",
    "invented_entity": "adds an employer, title, degree or date",
    "pii_added": "adds personal data",
    "llm_fallback": "the model was not used; the offline engine wrote this",
}
ITEM_FLAGS = {
    "offline_only": "Processed by the offline engine only",
    "llm_fallback": "The model was not used; the offline engine rewrote the bullets",
}

STATUSES = {
    "queued": "queued",
    "running": "running",
    "paused_limit": "paused (daily cost limit)",
    "completed": "completed",
    "partially_failed": "finished, some failed",
    "failed": "failed",
    "quarantined": "held back (prompt injection)",
    "cancelled": "cancelled",
}
STAGES = {
    "INGEST": "reading the texts",
    "EXTRACT_SIGNALS": "reading the job description",
    "PROCESS": "rewriting",
    "VALIDATE": "checking the rewrites",
    "OUTPUT": "scoring",
    "COMPLETED": "done",
    "FAILED": "failed",
}
ROLES = {"recruiter": "Recruiter", "manager": "Manager", "admin": "Admin"}
SOURCES = {"ui": "web app", "api": "REST API", "cli": "command line"}

AUDIT_ACTIONS = {
    "login": "signed in",
    "login.failed": "sign-in failed",
    "login.locked": "sign-in refused (paused)",
    "logout": "signed out",
    "sessions.revoke_all": "signed out everywhere",
    "password.change": "changed their password",
    "password.change_failed": "password change failed",
    "user.create": "created a user",
    "user.role": "changed a role",
    "user.team": "changed a team",
    "user.disable": "disabled a user",
    "user.enable": "enabled a user",
    "user.reset_password": "reset a password",
    "api_key.create": "created an API key",
    "api_key.revoke": "revoked an API key",
    "limit.set": "set a daily limit",
    "job.submit": "submitted a job",
    "job.cancel": "cancelled a job",
    "job.retry_failed": "retried failed candidates",
    "review.accept": "accepted a rewrite",
    "review.reject": "kept the original",
    "review.edit": "edited a rewrite",
    "export": "exported",
    "purge": "purged old data",
    "rotate_key": "rotated the encryption key",
}
SECURITY_KINDS = {
    "signin_locked": "sign-in paused after failures",
    "api_auth_failures": "repeated bad API keys",
    "prompt_injection": "prompt injection in a resume or JD",
}
SEVERITIES = {"low": "low", "medium": "medium", "high": "high", "critical": "critical"}
# Keys of an audit row's or security event's detail, in words (values of a known kind in words too).
DETAIL_KEYS = {
    "by": "counted by",
    "failures": "failures",
    "locked_s": "paused for (s)",
    "failures_this_minute": "failures this minute",
    "path": "path",
    "score": "score",
    "category": "kind",
    "status": "outcome",
    "sessions": "sign-ins ended",
    "role": "role",
    "team": "team",
}
_DETAIL_VALUES = {"by": {"user": "username", "addr": "address"}, "role": ROLES, "status": STATUSES}


# Table columns as stored -> as shown. Unknown columns are humanised by `column()`.
COLUMNS = {
    "created_at": "created",
    "updated_at": "updated",
    "last_login_at": "last sign-in",
    "revoked_at": "revoked",
    "last_used_at": "last used",
    "expires_at": "expires",
    "input_tokens": "input tokens",
    "output_tokens": "output tokens",
    "usd": "cost (USD)",
    "job_id": "job",
    "item_id": "candidate",
    "username": "user",
    "at": "when",
    "prefix": "key starts with",
    "disabled": "status",
}
_ENUM_COLUMNS = {
    "role": ROLES,
    "source": SOURCES,
    "status": STATUSES,
    "action": AUDIT_ACTIONS,
    "kind": SECURITY_KINDS,
    "severity": SEVERITIES,
}


def humanise(name: Any) -> str:
    """A fallback for a name no table knows: 'some_thing' -> 'some thing'."""
    return str(name).replace("_", " ").strip().lower() if name is not None else "—"


def pii_type(kind: Any) -> str:
    """'US_SSN' -> 'Social Security number'."""
    return PII_TYPES.get(str(kind), humanise(kind))


def injection_category(category: Any) -> str:
    """'goal_hijack' -> 'tries to give the model a different task'."""
    return INJECTION_CATEGORIES.get(str(category), humanise(category))


def bullet_flag(kind: Any) -> str:
    """'invented_number' -> 'adds a number the original does not have'."""
    return BULLET_FLAGS.get(str(kind), humanise(kind))


def item_flag(kind: Any) -> str:
    """'offline_only' -> 'Processed by the offline engine only'."""
    return ITEM_FLAGS.get(str(kind), humanise(kind).capitalize())


def status(value: Any) -> str:
    """A job or item status in words."""
    return STATUSES.get(str(value), humanise(value))


def stage(value: Any) -> str:
    """A pipeline stage in words."""
    return STAGES.get(str(value), humanise(value))


def detail(d: Any) -> str:
    """An audit row's or security event's detail in words: "role: Recruiter; team: —" (never a dict or None)."""
    if not isinstance(d, dict) or not d:
        return "—" if d is None or d == {} else str(d)
    parts = []
    for key, v in d.items():
        if key == "category":
            shown: Any = injection_category(v)
        elif isinstance(v, float):
            shown = f"{v:g}"
        else:
            shown = _DETAIL_VALUES.get(key, {}).get(str(v), cell(v))
        parts.append(f"{DETAIL_KEYS.get(key, humanise(key))}: {shown}")
    return "; ".join(parts)


def column(name: str) -> str:
    """A stored column name as a table heading."""
    return COLUMNS.get(name, humanise(name))


def value(v: Any) -> Any:
    """A cell for display: None, NaN and NaT become '—'; everything else is left as it is."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return "—"
    return v


def bullet_number(index: Any) -> str:
    """Where a piece of evidence sits: 'bullet 4' (stored indexes count from 0), or 'elsewhere in the resume'."""
    try:
        i = int(index)
    except (TypeError, ValueError):
        return "elsewhere in the resume"
    return f"bullet {i + 1}" if i >= 0 else "elsewhere in the resume"


def cell(v: Any) -> Any:
    """A table cell for people: '—' for nothing, dates to the minute in UTC, lists joined, flags as yes/no."""
    if not isinstance(v, list | tuple | set | dict) and pd.isna(v):
        return "—"
    if isinstance(v, datetime):
        return f"{v:%Y-%m-%d %H:%M} UTC"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list | tuple | set):
        return ", ".join(str(x) for x in v) or "—"
    if isinstance(v, dict):
        return "; ".join(f"{humanise(k)}: {x}" for k, x in v.items()) or "—"
    return value(v)


def table(frame: pd.DataFrame, drop: tuple[str, ...] = ("id",)) -> pd.DataFrame:
    """A stored table as people read it: no ids, headings in words, enum values in words, no None anywhere."""
    shown = frame.drop(columns=[c for c in drop if c in frame.columns])
    out = pd.DataFrame(index=shown.index)
    for name in shown.columns:
        words = _ENUM_COLUMNS.get(name)
        values = shown[name].map(lambda v, w=words: w.get(str(v), humanise(v)) if w and v is not None else cell(v))
        if name == "disabled":
            values = shown[name].map(lambda v: "disabled" if v else "active")
        out[column(name)] = values.astype(object)
    return out
