"""Admin tables in words: audit actions, security kinds and their details (no codes, dicts or None)."""

from __future__ import annotations

import pandas as pd

from webapp import labels


def test_security_event_details_read_as_words() -> None:
    locked = labels.detail({"by": "addr", "failures": 21, "locked_s": 2.0})
    assert locked == "counted by: address; failures: 21; paused for (s): 2"
    injected = labels.detail({"score": 0.875, "category": "goal_hijack", "status": "quarantined"})
    assert injected == (
        "score: 0.875; kind: tries to give the model a different task; outcome: held back (prompt injection)"
    )
    assert labels.detail(None) == "—" and labels.detail({}) == "—"
    assert labels.detail({"role": "manager", "team": None}) == "role: Manager; team: —"


def test_audit_and_security_tables_in_words() -> None:
    audit = pd.DataFrame([{"at": None, "actor": "rita", "action": "sessions.revoke_all", "target": None}])
    shown = labels.table(audit)
    assert list(shown.columns) == ["when", "actor", "action", "target"]
    assert shown.iloc[0].tolist() == ["—", "rita", "signed out everywhere", "—"]
    events = labels.table(pd.DataFrame([{"kind": "signin_locked", "severity": "high"}]))
    assert events.iloc[0].tolist() == ["sign-in paused after failures", "high"]
    unknown = labels.table(pd.DataFrame([{"action": "new.thing_done"}]))
    assert unknown.iloc[0, 0] == "new.thing done"  # an action no map knows is still not shown as a code with _
