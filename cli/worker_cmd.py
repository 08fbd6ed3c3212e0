"""`worker [--burst]`: run a worker (RQ with REDIS_URL, else the database as the queue)."""

from __future__ import annotations

import typer


def worker(burst: bool = typer.Option(False, "--burst", help="stop when nothing is left to run")) -> None:
    """Run a worker: loads the pipeline once, then processes items until stopped."""
    from core.config import get_settings
    from observability.logs import configure_logging
    from observability.metrics import start_metrics_server
    from observability.tracing import configure_tracing, shutdown_tracing
    from workers.main import run_worker

    settings = get_settings()
    configure_logging(settings)
    configure_tracing(settings)
    start_metrics_server(settings.worker_metrics_port, settings.worker_metrics_host)
    try:
        run_worker(settings, burst=burst)
    finally:
        shutdown_tracing()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("worker")(worker)
