"""`web` (the Streamlit app) and `run` (web + REST API + one worker, as `make run` starts them)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import typer

from cli.common import emit_json
from cli.local_keys import child_environment, ensure_local_keys, keys_dir
from core.config import KEY_FILES, Settings, get_settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE_S = 10.0


def streamlit_command(settings: Settings) -> list[str]:
    """The command line that serves app.py with the options taken from Settings."""
    upload_mb = max(1, settings.max_body_bytes // (1024 * 1024))
    return [
        sys.executable,
        "-m",
        "webapp.serve",
        str(ROOT / "app.py"),
        "--server.port",
        str(settings.web_port),
        "--server.address",
        settings.web_host,
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--server.runOnSave",
        "false",
        "--server.maxUploadSize",
        str(upload_mb),
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        # Streamlit runs a full gc.collect() after every script run; over this app's heap it took 0.2-0.3 s, during
        # which no other run or message moves. Python's own generational collection still runs.
        "--runner.postScriptGC",
        "false",
        # No page relies on "magic" display; without it a page compiles without an AST rewrite (Streamlit drops its
        # compiled pages whenever the last browser disconnects).
        "--runner.magicEnabled",
        "false",
        # The theme is in .streamlit/config.toml (read from the working directory, which is the project root).
        # Users see an st.error with what to do next; a stray exception shows its type at most.
        "--client.showErrorDetails",
        "none" if settings.env == "production" else "type",
    ]


def child_commands(settings: Settings) -> dict[str, list[str]]:
    """The three processes of `make run`: web app, REST API and one worker."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    return {
        "web": streamlit_command(settings),
        "api": [*manage, "api", "--host", settings.api_host, "--port", str(settings.api_port)],
        "worker": [*manage, "worker"],
    }


def prepare(settings: Settings) -> str | None:
    """Run the migrations and create the first admin; returns the generated admin password, once."""
    from db.migrate import upgrade
    from db.session import session_scope
    from services.users import ensure_admin

    if settings.database_url.startswith("sqlite:///"):
        Path(settings.database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    upgrade(settings)
    with session_scope(settings) as session:
        return ensure_admin(session, settings=settings)


def _stop_all(procs: dict[str, subprocess.Popen]) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + STOP_GRACE_S
    for proc in procs.values():
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _supervise(procs: dict[str, subprocess.Popen]) -> int:
    """Wait until one child exits (or Ctrl-C / SIGTERM), then stop the others; returns the exit code."""
    while True:
        for name, proc in procs.items():
            code = proc.poll()
            if code is not None:
                typer.echo(f"{name} exited with code {code}; stopping the others", err=True)
                return code or 1
        time.sleep(0.5)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def register(app: typer.Typer) -> None:
    """Add `web` and `run` to the app."""

    @app.command("web")
    def web() -> None:
        """Serve the Streamlit web app on ATS_WEB_PORT (refuses to start without ATS_COOKIE_KEY)."""
        settings = get_settings()
        settings.require_cookie_key()
        raise typer.Exit(subprocess.call(streamlit_command(settings), cwd=ROOT))

    @app.command("run")
    def run() -> None:
        """Migrate, create the first admin, then run the web app, the REST API and one worker until Ctrl-C.

        Secrets not set in the environment (cookie key, encryption key, webhook secret) are generated on the first
        start into the keys folder beside the database (owner-only) and handed to the three processes.
        """
        settings = get_settings()
        generated = ensure_local_keys(settings)
        if generated:
            settings = load_settings(**generated)
            typer.echo(f"generated {', '.join(sorted(generated))} into {keys_dir(settings)} (owner-only; back it up)")
        env = child_environment(dict(os.environ), {n: getattr(settings, n) for n in KEY_FILES if getattr(settings, n)})
        password = prepare(settings)
        if password:
            typer.echo(f"created user 'admin' with password: {password}  (shown once; change it under Account)")
        signal.signal(signal.SIGTERM, _raise_interrupt)
        procs: dict[str, subprocess.Popen] = {}
        code = 0
        try:
            for name, cmd in child_commands(settings).items():
                procs[name] = subprocess.Popen(cmd, cwd=ROOT, env=env)
            typer.echo(
                f"web app http://{settings.web_host}:{settings.web_port} · "
                f"REST API http://{settings.api_host}:{settings.api_port} · 1 worker · Ctrl-C stops all three"
            )
            code = _supervise(procs)
        except KeyboardInterrupt:
            typer.echo("stopping web app, REST API and worker")
        finally:
            _stop_all(procs)
        emit_json({"stopped": sorted(procs), "exit_code": code})
        raise typer.Exit(code)
