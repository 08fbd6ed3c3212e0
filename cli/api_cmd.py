"""`python manage.py api [--host H --port P --workers N]`: the REST API under uvicorn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from core.config import get_settings

if TYPE_CHECKING:  # fastapi is imported only when the API starts, not by every manage.py command
    from fastapi import FastAPI


def app_factory() -> FastAPI:
    """The app with logging and tracing configured (run in each uvicorn worker process)."""
    from api.app import create_app
    from observability.logs import configure_logging
    from observability.tracing import configure_tracing

    settings = get_settings()
    configure_logging(settings)
    configure_tracing(settings)  # a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set
    return create_app(settings)


def register(app: typer.Typer) -> None:
    """Add the api command."""

    @app.command("api")
    def api(
        host: str = typer.Option(None, help="Interface to bind (default ATS_API_HOST, 127.0.0.1)."),
        port: int = typer.Option(None, help="Port (default ATS_API_PORT, 8000)."),
        workers: int = typer.Option(1, min=1, max=64, help="Worker processes sharing the port (uvicorn --workers)."),
    ) -> None:
        """Run the REST API (uvicorn; --workers N for N processes on one port, or more hosts behind a balancer)."""
        import uvicorn

        settings = get_settings()
        options = {
            "host": host or settings.api_host,
            "port": port or settings.api_port,
            "log_config": None,  # keep the JSON logging configured in app_factory
            "access_log": False,  # requests are counted in /metrics; access lines would carry raw paths
            "server_header": False,
            "proxy_headers": False,
            "timeout_graceful_shutdown": 10,
        }
        if workers == 1:
            uvicorn.run(app_factory(), **options)
        else:
            # Each worker imports and builds its own app (engine, pool, key cache); rate limits stay shared
            # through Redis, but /metrics answers from whichever process takes the scrape.
            uvicorn.run("cli.api_cmd:app_factory", factory=True, workers=workers, **options)
