"""Checking a batch of pairs before anything is saved: every bad row reported at once."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
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
    if "\x00" in str(pair.ref or ""):
        raise InputError("the ref contains NUL bytes, so it looks like a binary file; paste its text")
    if pair.ref is not None and len(str(pair.ref)) > MAX_REF:
        raise InputError(f"the ref is longer than {MAX_REF} characters")
    ready = ingest.prepare(pair.resume, pair.jd, limits)  # the pair rules INGEST runs again, in one place
    ref = None if pair.ref is None else str(pair.ref)
    return CheckedPair(
        resume=pair.resume, jd=pair.jd, ref=ref, jd_hash=jd_cache_key(ready.jd), bullets=len(ready.bullets)
    )


def repeated_refs(refs: Sequence[str | None]) -> dict[int, str]:
    """Rows (0-based) whose ref an earlier row already used, with the reason: each candidate needs its own ref (a
    job's results, exports and tailored files are named by it). Rows without a ref never clash."""
    seen: dict[str, int] = {}
    out: dict[int, str] = {}
    for i, ref in enumerate(refs):
        if ref is None:
            continue
        if ref in seen:
            out[i] = f"ref '{ref}' repeats row {seen[ref] + 1}; each candidate needs its own ref"
        seen.setdefault(ref, i)
    return out


def check_pairs(raw_pairs: Any, settings: Settings) -> tuple[list[CheckedPair], list[dict[str, Any]]]:
    """Check every pair; returns the good ones and every error as {"row" (1-based), "ref", "error"}."""
    pairs = list(raw_pairs or [])
    if not pairs:
        raise InputError("the job has no pairs")
    if len(pairs) > settings.max_items_per_job:
        raise InputError(
            f"the job has {len(pairs)} pairs; the limit is {settings.max_items_per_job} (ATS_MAX_ITEMS_PER_JOB)"
        )
    return check_rows(pairs, Limits(settings.max_resume_chars, settings.max_jd_chars, settings.max_bullets))


def check_rows(pairs: Sequence[Any], limits: Limits) -> tuple[list[CheckedPair], list[dict[str, Any]]]:
    """The row rules alone (each pair's checks, then repeated refs): every problem as {"row", "ref", "error"}."""
    checked: list[CheckedPair | None] = []
    errors: list[dict[str, Any]] = []
    refs: list[str | None] = []
    for row, raw in enumerate(pairs, start=1):
        ref = None
        ok: CheckedPair | None = None
        try:
            pair = as_pair(raw)
            ref = pair.ref
            ok = _check_one(pair, limits)
        except InputError as exc:
            errors.append({"row": row, "ref": ref, "error": str(exc)})
        except (AttributeError, TypeError):
            errors.append({"row": row, "ref": ref, "error": "the row must have a resume and a jd"})
        checked.append(ok)
        refs.append(None if ref is None else str(ref))
    for i, reason in repeated_refs(refs).items():
        if checked[i] is not None:  # one reason a row: its own problem first
            checked[i] = None
            errors.append({"row": i + 1, "ref": refs[i], "error": reason})
    errors.sort(key=lambda e: e["row"])
    return [c for c in checked if c is not None], errors


def request_hash(pairs: list[CheckedPair], options: RewriteOptions) -> str:
    """A digest of the request, to tell a retried submission from a different one under the same key."""
    h = hashlib.sha256(options.model_dump_json().encode())
    jds: dict[str, bytes] = {}  # a shared JD is hashed once, not once per item
    for p in pairs:
        jd = jds.get(p.jd) or jds.setdefault(p.jd, hashlib.sha256(p.jd.encode()).digest())
        for digest in (hashlib.sha256(p.resume.encode()).digest(), jd, hashlib.sha256((p.ref or "").encode()).digest()):
            h.update(digest)
    return h.hexdigest()
