"""Run the HTTP service with uvicorn (``rag serve`` calls ``serve``)."""

from __future__ import annotations

import logging

import uvicorn

from api.app import create_app
from api.logs import configure_logging
from rag.settings import get_settings

__all__ = ["serve"]

log = logging.getLogger(__name__)

# Connections beyond this get uvicorn's 503 at once: a last guard under the app's own bounded queue.
MAX_CONNECTIONS = 512


def serve(host: str | None = None, port: int | None = None) -> None:
    """Serve on ``host:port`` (default RAG_HOST / RAG_PORT: 127.0.0.1:8000) until interrupted.

    The app answers ``/healthz`` at once and loads the index and model in the background (``/readyz``).
    """
    settings = get_settings()
    configure_logging(log_questions=settings.log_questions)
    host = host or settings.host
    port = port or settings.port
    if host not in ("127.0.0.1", "localhost", "::1") and settings.api_key is None:
        log.warning("serving on %s without RAG_API_KEY: anyone who can reach this address can use the service", host)
    shown = f"[{host}]" if ":" in host else host
    # Printed, not logged: the one line a person starting the service needs, whatever the log level.
    print(f"newsrag: serving http://{shown}:{port}/ (API docs at /docs); the model loads in the background", flush=True)
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_config=None,  # keep the JSON logging set up above
        access_log=False,  # the app writes its own access line, with the request id
        limit_concurrency=MAX_CONNECTIONS,
        timeout_graceful_shutdown=5,
        server_header=False,
    )
