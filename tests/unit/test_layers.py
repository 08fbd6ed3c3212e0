"""The import graph keeps the layer order core ← observability ← db ← services ← {api, web, workers} ← cli.

Every module of those packages is parsed (function-level and TYPE_CHECKING imports count too) and each import that
goes against the order fails the test, naming the edge. docs/ARCHITECTURE.md explains the order and the exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A package may import its own and any lower layer; doors on one level do not import one another.
LAYER = {
    "core": 0,
    "observability": 1,  # logs, metrics, tracing: used by every layer above core, reads nothing stored
    "db": 2,
    "services": 3,
    "api": 4,
    "webapp": 4,
    "pages": 4,
    "app": 4,
    "workers": 4,
    "cli": 5,  # the operator's entry point: its commands start the doors (manage.py api / web / worker)
    "manage": 5,
}
DOOR = {"api": "api", "webapp": "web", "pages": "web", "app": "web", "workers": "workers"}
# The doors people and integrators use go through services, never to the ORM (workers own the item store; cli
# runs migrations and backups, which are about the database itself).
NO_DB = frozenset({"api", "webapp", "pages", "app"})
# Edges between doors that are allowed, each with its reason.
ACROSS = {
    ("api", "workers.tasks"): "the synchronous route runs its one pair in the API process: it hands services.sync "
    "the worker's public runner (workers.tasks.item_runner)",
}


def _top(path: Path) -> str:
    rel = path.relative_to(ROOT)
    return rel.parts[0].removesuffix(".py")


def imports_of(source: str) -> list[str]:
    """Every absolute module name a source imports (function-level and TYPE_CHECKING imports included)."""
    out: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return out


def violation(src: str, module: str) -> str | None:
    """Why `src` (a top-level package) may not import `module`, or None when the edge keeps the order."""
    dst = module.split(".")[0]
    if dst not in LAYER or dst == src:
        return None
    if any(module == allowed or module.startswith(allowed + ".") for (s, allowed) in ACROSS if s == src):
        return None
    if LAYER[dst] > LAYER[src]:
        return f"{src} (layer {LAYER[src]}) may not import {dst} (layer {LAYER[dst]})"
    if LAYER[dst] == LAYER[src] and DOOR.get(src) != DOOR.get(dst):
        return f"{src} and {dst} are separate doors; they share work through services"
    if src in NO_DB and dst == "db":
        return f"{src} is a door: it reaches the database through services (services.sessions), not db"
    return None


def _modules() -> list[Path]:
    files = [ROOT / "app.py", ROOT / "manage.py"]
    for package in ("core", "observability", "db", "services", "api", "webapp", "pages", "workers", "cli"):
        files.extend(p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts)
    return files


def test_no_import_goes_against_the_layer_order() -> None:
    problems = []
    for path in _modules():
        src = _top(path)
        for module in imports_of(path.read_text(encoding="utf-8")):
            why = violation(src, module)
            if why:
                problems.append(f"{path.relative_to(ROOT)} → {module}: {why}")
    assert not problems, "\n".join(problems)


def test_the_check_names_each_kind_of_bad_edge() -> None:
    planted = (
        "from workers.runtime import get_runtime\n\ndef f():\n    import api.webhooks\n    from db import session\n"
    )
    found = {m: violation("services", m) for m in imports_of(planted)}
    assert "may not import workers" in found["workers.runtime.get_runtime"]
    assert "may not import api" in found["api.webhooks"]
    assert found["db.session"] is None  # services sit above db
    assert "separate doors" in (violation("workers", "api.webhooks") or "")
    assert "not db" in (violation("webapp", "db.session") or "")
    assert violation("api", "workers.tasks.item_runner") is None  # the one allowed edge between doors
    assert violation("cli", "api.app.create_app") is None and violation("core", "core.types") is None
