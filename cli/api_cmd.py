"""`python manage.py api [--host H --port P]`: the REST API under uvicorn."""

from __future__ import annotations

import typer

from core.config import get_settings


def register(app: typer.Typer) -> None:
    """Add the api command."""

    @app.command("api")
    def api(
        host: str = typer.Option(None, help="Interface to bind (default ATS_API_HOST, 127.0.0.1)."),
        port: int = typer.Option(None, help="Port (default ATS_API_PORT, 8000)."),
    ) -> None:
        """Run the REST API (uvicorn, one process; run more behind a load balancer to scale)."""
        import uvicorn

        from api.app import create_app
        from observability.logs import configure_logging
        from observability.tracing import configure_tracing

        settings = get_settings()
        configure_logging(settings)
        configure_tracing(settings)  # a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set
        uvicorn.run(
            create_app(settings),
            host=host or settings.api_host,
            port=port or settings.api_port,
            log_config=None,  # keep the JSON logging configured above
            access_log=False,  # requests are counted in /metrics; access lines would carry raw paths
            server_header=False,
            proxy_headers=False,
            timeout_graceful_shutdown=10,
        )
