"""Check uploaded or pasted rows with the same rules as the submission, and estimate their cost."""

from __future__ import annotations

from dataclasses import dataclass

from core.config import Settings
from core.errors import InputError
from services.estimate import batch_available, estimate_item_usd
from services.intake import PairIn, check_pairs
from webapp.uploads import ParsedUpload


@dataclass(frozen=True)
class BatchCheck:
    """The outcome of checking a batch: every row's reason marked, and the estimate of the valid ones."""

    parsed: ParsedUpload
    estimated_usd: float
    estimated_batch_usd: float | None = None  # the same through the provider's batch API (None: not offered)

    @property
    def ok(self) -> bool:
        """True when every row can be submitted."""
        return bool(self.parsed.rows) and not self.parsed.invalid

    def pairs(self) -> list[PairIn]:
        """The rows as the jobs service takes them."""
        return [PairIn(resume=r.resume, jd=r.jd, ref=r.ref) for r in self.parsed.valid]


def check_batch(parsed: ParsedUpload, settings: Settings) -> BatchCheck:
    """Run the service's row checks over the rows the file reader accepted; mark their reasons in place."""
    candidates = parsed.valid
    if not candidates:
        return BatchCheck(parsed, 0.0)
    try:
        good, errors = check_pairs([PairIn(r.resume, r.jd, r.ref) for r in candidates], settings)
    except InputError as exc:  # a batch-level problem (too many rows): every row carries it
        for r in candidates:
            r.error = str(exc)
        return BatchCheck(parsed, 0.0)
    for err in errors:
        candidates[err["row"] - 1].error = err["error"]
    usd = sum(estimate_item_usd(settings, resume=p.resume, jd=p.jd, bullets=p.bullets) for p in good)
    batch = None
    if batch_available(settings):
        batch = round(sum(estimate_item_usd(settings, resume=p.resume, jd=p.jd, bullets=p.bullets, batch=True)
                          for p in good), 6)  # fmt: skip
    return BatchCheck(parsed, round(usd, 6), batch)


def provider_label(settings: Settings) -> str:
    """The engine that will process the job, as users should read it."""
    if settings.llm_provider == "offline":
        return "offline engine (no model calls, no cost)"
    return f"{settings.llm_provider} · {settings.model_name}"


def batch_caption(progress: dict) -> str:
    """One line on a batch-mode job's provider batches (services.batch_progress), for the Jobs page."""
    if not progress.get("batches"):
        return "Batch mode: the model requests are gathered into a provider batch as candidates reach that step."
    answered, requests, failed = progress["answered"], progress["requests"], progress["failed"]
    if progress.get("running"):
        states = ", ".join(sorted({b["provider_status"] or b["status"] for b in progress["batches"]}))
        return f"Batch mode: {answered} of {requests} model requests answered so far ({states}); results within 24 h."
    tail = f"; {failed} ran live instead" if failed else ""
    return f"Batch mode: {answered} of {requests} model requests answered by the provider's batch{tail}."
