"""OpenAPI helpers for routes that read their JSON body by hand (several accepted shapes, one row-error list)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, TypeAdapter

_REF = "#/components/schemas/{model}"


def body_spec(*models: type[BaseModel], description: str) -> dict[str, Any]:
    """`openapi_extra` declaring a required JSON body that is one of the given models."""
    refs = [{"$ref": _REF.format(model=m.__name__)} for m in models]
    schema = refs[0] if len(refs) == 1 else {"oneOf": refs}
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {"application/json": {"schema": schema}},
        }
    }


def install_openapi(app: FastAPI, body_models: Iterable[type[BaseModel]]) -> None:
    """Make app.openapi() define the hand-read body models, so the document matches what is accepted."""
    models = list(body_models)

    def _openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = doc.setdefault("components", {}).setdefault("schemas", {})
        for model in models:
            schema = TypeAdapter(model).json_schema(ref_template=_REF, mode="validation")
            for name, sub in schema.pop("$defs", {}).items():
                components.setdefault(name, sub)
            components[model.__name__] = schema
        app.openapi_schema = doc
        return doc

    app.openapi = _openapi  # type: ignore[method-assign]
