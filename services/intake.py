"""Checking a batch of pairs before anything is saved: every bad row reported at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from core import ingest
from core.config import Settings
from core.context import Limits
from core.errors import InputError
from core.pipeline import jd_cache_key
from core.types import RewriteOptions

MAX_REF = 200


@dataclass(frozen=True)
class PairIn:
    """One submitted (resume, job description) pair with the caller's optional reference."""

    resume: str
    jd: str
    ref: str | None = None


@dataclass(frozen=True)
class CheckedPair:
    """A pair that passed the checks, with what the job needs to store and estimate."""

    resume: str
    jd: str
    ref: str | None
    jd_hash: str
    bullets: int


def as_pair(raw: Any) -> PairIn:
    """A PairIn from a PairIn, a dict or an object with resume/jd(/ref) attributes."""
    if isinstance(raw, PairIn):
        return raw
    get = raw.get if isinstance(raw, dict) else lambda k, d=None: getattr(raw, k, d)
    return PairIn(resume=get("resume"), jd=get("jd"), ref=get("ref"))


def parse_options(options: RewriteOptions | dict[str, Any] | None) -> RewriteOptions:
    """Validated rewrite options (InputError names the bad field)."""
    if isinstance(options, RewriteOptions):
        return options
    try:
        return RewriteOptions(**(options or {}))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"invalid option {'.'.join(map(str, first['loc']))}: {first['msg']}") from exc


def _check_one(pair: PairIn, limits: Limits) -> CheckedPair:
    if not isinstance(pair.resume, str) or not pair.resume.strip():
        raise InputError("the resume is empty")
    if not isinstance(pair.jd, str) or not pair.jd.strip():
        raise InputError("the job description is empty")
    for what, text in (("resume", pair.resume), ("job description", pair.jd), ("ref", str(pair.ref or ""))):
        if "\x00" in text:  # PostgreSQL cannot store NUL, and it means a binary file was pasted
            raise InputError(f"the {what} contains NUL bytes, so it looks like a binary file; paste its text")
    if pair.ref is not None and len(str(pair.ref)) > MAX_REF:
        raise InputError(f"the ref is longer than {MAX_REF} characters")
    resume, jd = ingest.normalise(pair.resume), ingest.normalise(pair.jd)
    ingest.check_limits(resume, jd, limits)
    bullets = ingest.split_bullets(resume)
    if not bullets:
        raise InputError("no bullets or sentences were found in the resume; paste the resume's text")
    if len(bullets) > limits.max_bullets:
        raise InputError(f"the resume has {len(bullets)} bullets; the limit is {limits.max_bullets} (ATS_MAX_BULLETS)")
    ref = None if pair.ref is None else str(pair.ref)
    return CheckedPair(resume=pair.resume, jd=pair.jd, ref=ref, jd_hash=jd_cache_key(jd), bullets=len(bullets))


def check_pairs(raw_pairs: Any, settings: Settings) -> tuple[list[CheckedPair], list[dict[str, Any]]]:
    """Check every pair; returns the good ones and every error as {"row" (1-based), "ref", "error"}."""
    pairs = list(raw_pairs or [])
    if not pairs:
        raise InputError("the job has no pairs")
    if len(pairs) > settings.max_items_per_job:
        raise InputError(
            f"the job has {len(pairs)} pairs; the limit is {settings.max_items_per_job} (ATS_MAX_ITEMS_PER_JOB)"
        )
    limits = Limits(settings.max_resume_chars, settings.max_jd_chars, settings.max_bullets)
    good: list[CheckedPair] = []
    errors: list[dict[str, Any]] = []
    for row, raw in enumerate(pairs, start=1):
        ref = None
        try:
            pair = as_pair(raw)
            ref = pair.ref
            good.append(_check_one(pair, limits))
        except InputError as exc:
            errors.append({"row": row, "ref": ref, "error": str(exc)})
        except (AttributeError, TypeError):
            errors.append({"row": row, "ref": ref, "error": "the row must have a resume and a jd"})
    return good, errors


def request_hash(pairs: list[CheckedPair], options: RewriteOptions) -> str:
    """A digest of the request, to tell a retried submission from a different one under the same key."""
    h = hashlib.sha256(options.model_dump_json().encode())
    for p in pairs:
        for part in (p.resume, p.jd, p.ref or ""):
            h.update(hashlib.sha256(part.encode()).digest())
    return h.hexdigest()
