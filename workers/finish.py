"""What a finished item stores, and what happens when the last item of a job finishes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from core.types import ItemState, Stage
from db.crypto import Cipher
from services.finishing import Finished
from services.webhooks import jobs_finished

if TYPE_CHECKING:
    from workers.runtime import Runtime


def final_status(state: ItemState) -> str:
    """The item status of a terminal state."""
    if state.stage == Stage.COMPLETED:
        return "completed"
    return "quarantined" if state.quarantined else "failed"


def final_values(state: ItemState, cipher: Cipher) -> tuple[str, dict[str, Any]]:
    """The status and the columns written when an item finishes (result and error encrypted like the texts)."""
    result = state.result
    values: dict[str, Any] = {
        "error": cipher.encrypt(state.error),
        "result": cipher.encrypt(json.dumps(result, ensure_ascii=False, default=str)) if result is not None else None,
        "score_before": result.get("score_before") if result else None,
        "score_after": result.get("score_after") if result else None,
        "signals_cached": state.signals_cached if state.signals is not None else None,
        "cost_usd": round(sum(c.usd for c in state.calls), 8),
    }
    return final_status(state), values


def after_finish(rt: Runtime, finished: Finished) -> None:
    """Jobs this worker just stamped finished (services.finishing): their webhooks go out (services.webhooks)."""
    if finished:
        jobs_finished(rt.settings, rt.engine, finished)
