"""The earlier app's shapes: its requests turned into pairs, and its status/result fields built from ours."""

from __future__ import annotations

import re
from typing import Any

from api.schemas import LegacyCandidate, LegacyResumeRequest, LegacySettings
from services.progress import legacy_job_status, status_fields

__all__ = ["legacy_job_status", "status_fields"]  # the earlier status shape lives beside ours in services.progress

MAX_LEGACY_BULLETS = 20

_LEGACY_ITEM_STATUS = {
    "queued": "processing",
    "running": "processing",
    "paused_limit": "processing",
    "completed": "completed",
    "failed": "failed",
    "quarantined": "failed",
    "cancelled": "failed",
}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#./-]*")


def bullets_to_resume(bullets: list[str]) -> str:
    """A resume text whose bullets are exactly the given ones, one per line."""
    return "\n".join(f"- {b.strip()}" for b in bullets if b.strip())


def legacy_options(settings: LegacySettings | None) -> dict[str, Any] | None:
    """The earlier settings block as our options dict."""
    return settings.model_dump() if settings else None


def legacy_row_error(cand: LegacyCandidate) -> str | None:
    """What is wrong with an earlier-shape candidate (no bullets, or more than 20), else None."""
    if not [b for b in cand.bullets if b.strip()]:
        return "candidate has no bullets"
    if len(cand.bullets) > MAX_LEGACY_BULLETS:
        return f"at most {MAX_LEGACY_BULLETS} bullets per candidate in this request shape"
    return None


def legacy_resume_pair(req: LegacyResumeRequest) -> tuple[str, str]:
    """(resume, jd) from the earlier one-pair shape; the role heads the JD as its title."""
    jd = f"{req.role.strip()}\n\n{req.jd_text}" if req.role.strip() else req.jd_text
    return bullets_to_resume(req.bullets), jd


def _terms(text: str) -> list[str]:
    return [w.lower().strip(".,;:") for w in _WORD.findall(text or "")]


def bullet_diff(original: str, revised: str) -> dict[str, list[str]]:
    """Words the rewrite dropped and terms it added (the earlier app's `diff`)."""
    before, after = _terms(original), _terms(revised)
    before_set, after_set = set(before), set(after)
    removed = list(dict.fromkeys(w for w in before if w not in after_set))
    added = list(dict.fromkeys(w for w in after if w not in before_set))
    return {"removed": removed, "added_terms": added}


def legacy_bullets(result: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The earlier app's per-bullet results from our item result."""
    out = []
    for bullet in (result or {}).get("bullets") or []:
        original = bullet.get("original") or ""
        stands = bullet.get("rewrite") if bullet.get("accepted") and bullet.get("rewrite") else original
        variants = [v for v in (bullet.get("variants") or []) if isinstance(v, str) and v]
        revised = list(dict.fromkeys([stands, *variants]))
        notes = "; ".join(f"{f.get('kind')}: {f.get('detail')}" for f in bullet.get("flags") or [])
        out.append(
            {
                "original": original,
                "revised": revised,
                "scores": {k: int(v) for k, v in (bullet.get("scores") or {}).items()},
                "notes": notes or (bullet.get("rationale") or ""),
                "diff": bullet_diff(original, stands),
            }
        )
    return out


def legacy_coverage(result: dict[str, Any] | None) -> dict[str, list[str]]:
    """Skills the resume covers after the rewrite (hit) and those it misses, as the earlier app listed them."""
    entries = (result or {}).get("coverage") or []
    return {
        "hit": [e["skill"] for e in entries if e.get("after")],
        "miss": [e["skill"] for e in entries if not e.get("after")],
    }


def legacy_candidate(item: dict[str, Any]) -> dict[str, Any]:
    """One results item in the earlier app's candidate shape."""
    result = item.get("result")
    return {
        "candidate_id": item.get("ref"),
        "status": _LEGACY_ITEM_STATUS.get(str(item.get("status")), "processing"),
        "results": legacy_bullets(result),
        "coverage": legacy_coverage(result),
        "error_message": item.get("error") or (result or {}).get("error"),
    }
