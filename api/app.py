"""The REST API application: create_app(settings) wires middleware, error handlers and routes."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from api.deps import KeyCache
from api.errors import install_error_handlers
from api.middleware import BodyLimitMiddleware, EdgeMiddleware
from api.openapi import install_openapi
from api.ratelimit import make_limiter
from api.routes import bulk, health, metrics, quarantine, resume, tailored
from api.schemas import BULK_REQUEST_MODELS, LegacyResumeRequest, ResumeRequest
from core.config import Settings, get_settings
from services.sessions import make_server_engine

DESCRIPTION = (
    "Integrators post (resume, job description) pairs and read rewrites, scores and coverage. "
    "Every route except `/health` and this documentation needs an API key: `Authorization: Bearer ats_…` "
    "(or `X-API-Key`). Errors are JSON `{error, detail, request_id}`."
)


def create_app(settings: Settings | None = None) -> FastAPI:
    """A FastAPI app bound to these settings (its own engine and rate limiter)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="ATS Resume Agent API",
        version="1.0.0",
        description=DESCRIPTION,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = make_server_engine(settings)
    app.state.limiter = make_limiter(settings)
    app.state.key_cache = KeyCache(settings.api_key_cache_s)

    install_error_handlers(app)
    for module in (bulk, resume, health, metrics, tailored, quarantine):
        app.include_router(module.router)
    install_openapi(app, [*BULK_REQUEST_MODELS, ResumeRequest, LegacyResumeRequest])

    # Added innermost first: the body limit sits next to the app, CORS outside it, the edge outermost
    # so even a 413 or a CORS preflight carries the request id and the security headers.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "X-API-Key", "Content-Type", "Idempotency-Key", "X-Request-ID"],
        expose_headers=["X-Request-ID", "Retry-After"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(EdgeMiddleware)
    return app
