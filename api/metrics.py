"""Prometheus metrics, in a registry of the app's own (several apps in one test process must not collide)."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)

__all__ = ["CONTENT_TYPE", "Metrics"]

CONTENT_TYPE = CONTENT_TYPE_LATEST

# Answers on a CPU take seconds; HTTP requests other than /ask take milliseconds.
_HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160)
_ANSWER_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)


class Metrics:
    """The service's counters and histograms; ``render`` gives the exposition text for ``/metrics``."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        # Process RSS, CPU and open files: what "stable memory under load" is checked against.
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        self.requests = Counter(
            "newsrag_http_requests",
            "HTTP requests by route template and status code",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "newsrag_http_request_duration_seconds",
            "Time from request to the end of the response",
            ["method", "route"],
            buckets=_HTTP_BUCKETS,
            registry=self.registry,
        )
        self.answers = Counter(
            "newsrag_answers",
            "Questions by outcome: answered, abstained, failed, timeout, cancelled",
            ["outcome"],
            registry=self.registry,
        )
        self.answer_seconds = Histogram(
            "newsrag_answer_duration_seconds",
            "Model time per question (queue wait excluded)",
            buckets=_ANSWER_BUCKETS,
            registry=self.registry,
        )
        self.queue_wait_seconds = Histogram(
            "newsrag_queue_wait_seconds",
            "Time a question waited for the model",
            buckets=_ANSWER_BUCKETS,
            registry=self.registry,
        )
        self.rejections = Counter(
            "newsrag_rejections",
            "Questions refused before reaching the model, by reason",
            ["reason"],
            registry=self.registry,
        )
        self._queue_depth = Gauge(
            "newsrag_queue_depth", "Questions waiting for or being answered by the model", registry=self.registry
        )
        self._ready = Gauge("newsrag_ready", "1 once the index and model are loaded", registry=self.registry)

    def watch(self, queue_depth: Callable[[], float], ready: Callable[[], float]) -> None:
        """Read the live queue depth and readiness at scrape time."""
        self._queue_depth.set_function(queue_depth)
        self._ready.set_function(ready)

    def render(self) -> bytes:
        return generate_latest(self.registry)
