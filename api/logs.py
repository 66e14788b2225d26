"""Logs as JSON lines: one per request from the access logger, and every other record in the same shape."""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

__all__ = ["ACCESS_LOGGER", "JsonFormatter", "configure_logging"]

ACCESS_LOGGER = "api.access"

# Loggers of the rag package that write question text at INFO (e.g. "abstaining on 'question…'").
_QUESTION_LOGGERS = ("rag.pipeline",)


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "message", ...fields}``; a record's ``fields`` extra is merged in."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update(fields)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(*, log_questions: bool, level: int = logging.INFO) -> None:
    """JSON lines on stderr for the whole process (uvicorn's own loggers included)."""
    handler = logging.StreamHandler(_private_stderr())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
    if not log_questions:
        # Questions are private: without RAG_LOG_QUESTIONS=true no log line may carry one.
        for name in _QUESTION_LOGGERS:
            logging.getLogger(name).setLevel(max(level, logging.WARNING))


def _private_stderr() -> TextIO:
    """A stream on a copy of the stderr descriptor.

    llama.cpp silences the process while it loads a model (``dup2`` of /dev/null onto fd 2); lines logged by
    other threads meanwhile, such as requests answered while the model loads, would vanish. A descriptor of
    our own keeps pointing at the real stderr.
    """
    try:
        return open(os.dup(sys.stderr.fileno()), "w", buffering=1, encoding="utf-8", errors="backslashreplace")
    except (OSError, ValueError, io.UnsupportedOperation):
        return sys.stderr  # no real descriptor (e.g. captured by a test runner): use it as it is
