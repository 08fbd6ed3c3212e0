"""What a finished item stores, and what happens when the last item of a job finishes."""

from __future__ import annotations

import json
import logging
import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from core.types import ItemState, Stage
from db.crypto import Cipher

if TYPE_CHECKING:
    from workers.runtime import Runtime

log = logging.getLogger(__name__)


def final_status(state: ItemState) -> str:
    """The item status of a terminal state."""
    if state.stage == Stage.COMPLETED:
        return "completed"
    return "quarantined" if state.quarantined else "failed"


def final_values(state: ItemState, cipher: Cipher) -> tuple[str, dict[str, Any]]:
    """The status and the columns written when an item finishes (result encrypted like the texts)."""
    result = state.result
    values: dict[str, Any] = {
        "error": state.error,
        "result": cipher.encrypt(json.dumps(result, ensure_ascii=False, default=str)) if result is not None else None,
        "score_before": result.get("score_before") if result else None,
        "score_after": result.get("score_after") if result else None,
        "signals_cached": state.signals_cached if state.signals is not None else None,
        "cost_usd": round(sum(c.usd for c in state.calls), 8),
    }
    return final_status(state), values


def after_finish(rt: Runtime, job_id: str, callback_url: str | None) -> None:
    """The job's last item just finished: send its webhook (in the background, with its own retries)."""
    log.info("job finished")
    if not callback_url:
        return
    from db.models import Job
    from services.progress import status_dicts

    with Session(rt.engine) as s:
        job = s.get(Job, job_id)
        if job is None:
            return
        status = status_dicts(s, [job])[0]
    threading.Thread(target=_deliver, args=(rt, status, callback_url), daemon=True, name="webhook").start()


def _deliver(rt: Runtime, status: dict[str, Any], url: str) -> None:
    from api.webhooks import deliver_job_webhook
    from observability import metrics

    ok = deliver_job_webhook(rt.settings, status, url)
    metrics.WEBHOOKS.labels(outcome="ok" if ok else "gave_up").inc()
