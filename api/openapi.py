"""The OpenAPI document, adjusted to what this server really does (FastAPI alone would get three things wrong)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.routes.ask import STREAM_EVENT_SCHEMA
from rag.settings import Settings

__all__ = ["has_api_key", "openapi_document"]


def has_api_key(settings: Settings) -> bool:
    return settings.api_key is not None and bool(settings.api_key.get_secret_value())


def openapi_document(app: FastAPI, settings: Settings) -> dict[str, Any]:
    """``app.openapi``: built on first use, then cached on the app."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        # 1. The question limits are settings (RAG_MAX_QUESTION_CHARS, RAG_MAX_HISTORY_TURNS), not constants.
        ask = schema["components"]["schemas"]["AskRequest"]["properties"]
        ask["question"]["maxLength"] = settings.max_question_chars
        ask["history"]["maxItems"] = settings.max_history_turns
        # 2. FastAPI merges its own `"type": "string"` into a streaming route's schema; the events are objects.
        stream = schema["paths"]["/ask/stream"]["post"]["responses"]["200"]
        stream["content"] = {"text/event-stream": {"schema": STREAM_EVENT_SCHEMA}}
        # 3. FastAPI documents error models under the route's media type; error bodies are always JSON.
        _errors_are_json(schema)
        if not has_api_key(settings):
            _drop_security(schema)  # this server asks for no key, so its document asks for none either
        app.openapi_schema = schema
    return app.openapi_schema


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [operation for path in schema.get("paths", {}).values() for operation in path.values()]


def _errors_are_json(schema: dict[str, Any]) -> None:
    for operation in _operations(schema):
        for status, response in operation.get("responses", {}).items():
            content = response.get("content")
            if status[0] in "45" and content and "application/json" not in content:
                response["content"] = {"application/json": next(iter(content.values()))}


def _drop_security(schema: dict[str, Any]) -> None:
    schema.get("components", {}).pop("securitySchemes", None)
    for operation in _operations(schema):
        operation.pop("security", None)
        operation.get("responses", {}).pop("401", None)
