"""Container health check: `python -m observability.healthcheck [api|web|worker|migrate]`, exit 0 when healthy.

One image runs every role, so the Dockerfile's HEALTHCHECK cannot hard-code a URL: without an
argument the role is read from the container's main command line (`manage.py api` → api).
- api:     GET /health on ATS_API_PORT answers 200;
- web:     GET /_stcore/health on ATS_WEB_PORT answers 200 (Streamlit's own probe);
- worker:  GET /metrics on ATS_WORKER_METRICS_PORT answers 200 (the worker's metrics thread is up),
           or, with that port off, the database answers `SELECT 1`;
- migrate: a one-shot; healthy while it runs.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from pathlib import Path

ROLES = ("api", "web", "worker", "migrate")
TIMEOUT_S = 4.0


def role_from_cmdline(args: list[str]) -> str | None:
    """The role in a command line such as `python manage.py worker --burst` (None when absent)."""
    for i, arg in enumerate(args):
        if arg.endswith("manage.py"):
            rest = [a for a in args[i + 1 :] if not a.startswith("-")]
            return rest[0] if rest and rest[0] in ROLES else None
    return None


def _main_cmdline() -> list[str]:
    # PID 1 is the entrypoint (or docker-init with the entrypoint as its argument list).
    for pid in ("1", "self"):
        raw = Path(f"/proc/{pid}/cmdline").read_bytes() if Path(f"/proc/{pid}/cmdline").exists() else b""
        args = [a.decode(errors="replace") for a in raw.split(b"\x00") if a]
        if role_from_cmdline(args):
            return args
    return []


def _http_ok(url: str) -> tuple[bool, str]:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as resp:  # noqa: S310 - a fixed 127.0.0.1 URL
            return resp.status == 200, f"{url} -> {resp.status}"
    except (urllib.error.URLError, OSError) as exc:
        return False, f"{url} -> {exc}"


def _database_ok(settings: object) -> tuple[bool, str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(settings.database_url)  # type: ignore[attr-defined]
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True, "database answers"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy; the reason is printed
        return False, f"database: {type(exc).__name__}"
    finally:
        engine.dispose()


def check(role: str, settings: object) -> tuple[bool, str]:
    """Run the probe of one role against 127.0.0.1 (whatever host the server binds)."""
    if role == "api":
        return _http_ok(f"http://127.0.0.1:{settings.api_port}/health")  # type: ignore[attr-defined]
    if role == "web":
        return _http_ok(f"http://127.0.0.1:{settings.web_port}/_stcore/health")  # type: ignore[attr-defined]
    if role == "worker":
        port = getattr(settings, "worker_metrics_port", 0)
        return _http_ok(f"http://127.0.0.1:{port}/metrics") if port > 0 else _database_ok(settings)
    if role == "migrate":
        return True, "one-shot"
    return False, f"unknown role {role!r}; expected one of {ROLES}"


def main(argv: list[str]) -> int:
    """Exit 0 when the role's probe passes, 1 otherwise; one line on stdout either way."""
    from core.config import get_settings

    role = argv[0] if argv else role_from_cmdline(_main_cmdline())
    if role is None:
        print("unhealthy: cannot tell the role; pass api|web|worker|migrate")
        return 1
    ok, detail = check(role, get_settings())
    print(f"{'healthy' if ok else 'unhealthy'}: {role}: {detail}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
