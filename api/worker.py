"""One thread for the model, a bounded line in front of it, and a way to call off a job.

The local model answers one question at a time and every call blocks for seconds, so model work never runs
on the event loop: it goes to a single daemon thread, in order. Requests wait in a bounded queue; when it is
full the caller is refused at once (HTTP 429) instead of piling up. A caller that stops waiting (timeout,
client gone) cancels its job: a queued job is dropped and frees its place at once, a running job is asked to
stop at the next token through its ``CancelToken``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import queue
import threading
import time
from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

__all__ = ["CancelToken", "Job", "ModelWorker", "QueueFullError", "ServiceBusyError"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class ServiceBusyError(Exception):
    """The one model worker cannot take the question (its queue is full, or it is shutting down): HTTP 429."""


class QueueFullError(ServiceBusyError):
    """The queue in front of the model is full; ``retry_after`` is an estimate in seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class CancelToken:
    """Set once nobody waits for the job's result; the model checks it at every token."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _State(Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    DROPPED = "dropped"


class Job(Generic[T]):
    """A unit of model work: ``fn(token)`` run on the worker thread, its result delivered to the event loop."""

    def __init__(self, fn: Callable[[CancelToken], T], loop: asyncio.AbstractEventLoop, *, admitted: bool):
        self.fn = fn
        self.token = CancelToken()
        self.loop = loop
        self.admitted = admitted  # counts against the queue's capacity
        self.future: asyncio.Future[T] = loop.create_future()
        self.started = asyncio.Event()  # set on the loop when the worker picks the job up
        self.queued_at = time.monotonic()
        self.started_at: float | None = None
        self._state = _State.QUEUED
        self._lock = threading.Lock()  # the state is changed by the worker thread and by the loop
        self._on_release: Callable[[Job[T]], None] | None = None

    @property
    def running(self) -> bool:
        return self._state is _State.RUNNING

    async def wait_started(self) -> None:
        """Until the worker takes the job up, or it ends without running (the worker stopped)."""
        waiter: asyncio.Future[Any] = asyncio.ensure_future(self.started.wait())
        ended: asyncio.Future[Any] = self.future
        try:
            await asyncio.wait([waiter, ended], return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()

    def cancel(self) -> None:
        """Call the job off: drop it if still queued, ask it to stop if running. Idempotent."""
        with self._lock:
            state = self._state
            if state is _State.QUEUED:
                self._state = _State.DROPPED
            elif state is _State.RUNNING:
                self.token.cancel()
        if state is _State.QUEUED and self._on_release is not None:
            self._on_release(self)  # its place in the queue is free now, not when the worker reaches it
        if not self.future.done():
            self.future.cancel()

    # -- worker side ------------------------------------------------------------------------------

    def _begin(self) -> bool:
        with self._lock:
            if self._state is not _State.QUEUED:
                return False
            self._state = _State.RUNNING
        self.started_at = time.monotonic()
        self._call_soon(self.started.set)
        return True

    def _abandon(self, error: BaseException) -> bool:
        """Fail a job that will never run (the worker is stopping); False if it was dropped already."""
        with self._lock:
            if self._state is not _State.QUEUED:
                return False
            self._state = _State.DONE
        self._finish(None, error)
        return True

    def _finish(self, result: T | None, error: BaseException | None) -> None:
        with self._lock:
            self._state = _State.DONE

        def settle() -> None:
            if self.future.done():
                return  # the caller gave up already
            if error is not None:
                self.future.set_exception(error)
            else:
                self.future.set_result(result)  # type: ignore[arg-type]

        self._call_soon(settle)

    def _call_soon(self, fn: Callable[[], None]) -> None:
        # A closed event loop means the server is shutting down and nobody waits for this any more.
        with contextlib.suppress(RuntimeError):
            self.loop.call_soon_threadsafe(fn)


class ModelWorker:
    """A single daemon thread running model jobs in order, with at most ``queue_size`` jobs waiting."""

    def __init__(self, queue_size: int, *, name: str = "rag-model"):
        self.capacity = queue_size + 1  # the waiting jobs plus the one being answered
        self._jobs: queue.SimpleQueue[Job[Any] | None] = queue.SimpleQueue()
        self._current: Job[Any] | None = None
        self._lock = threading.Lock()
        self._admitted = 0
        self._avg_job_s = 2.0  # a prior for Retry-After until answers have been timed
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._stopped = False

    @property
    def admitted(self) -> int:
        """Jobs waiting or running that count against the capacity."""
        return self._admitted

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def average_job_seconds(self) -> float:
        return self._avg_job_s

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop taking jobs; the running one is asked to stop. The daemon thread never blocks exit."""
        self._stopped = True
        current = self._current
        if current is not None:
            current.token.cancel()
        self._jobs.put(None)

    def submit(self, fn: Callable[[CancelToken], T], *, admit: bool = True) -> Job[T]:
        """Queue ``fn``; with ``admit`` it counts against the capacity and raises ``QueueFullError`` past it.

        Call from the event loop: the result is delivered to the running loop.
        """
        if self._stopped:
            raise ServiceBusyError("the server is shutting down")
        job: Job[T] = Job(fn, asyncio.get_running_loop(), admitted=admit)
        if admit:
            with self._lock:
                if self._admitted >= self.capacity:
                    raise QueueFullError(
                        f"the model is busy: {self._admitted - 1} questions are waiting (the limit is "
                        f"{self.capacity - 1}); try again in a few seconds",
                        retry_after=self.retry_after(),
                    )
                self._admitted += 1
        job._on_release = self._release
        self._jobs.put(job)
        return job

    def retry_after(self) -> int:
        """Seconds until a place is likely free: the jobs ahead times the average job, 1 to 60."""
        ahead = max(self._admitted, 1)
        return max(1, min(60, math.ceil(self._avg_job_s * ahead / self.capacity)))

    def _release(self, job: Job[T]) -> None:
        if job.admitted:
            with self._lock:
                self._admitted -= 1

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._stopped:
                if job._abandon(ServiceBusyError("the server is shutting down")):
                    self._release(job)
                continue
            if not job._begin():
                continue  # dropped while it waited; its place was freed then
            self._current = job
            started = time.perf_counter()
            result: object = None
            error: BaseException | None = None
            try:
                result = job.fn(job.token)
            except Exception as exc:  # handed to the waiting request, which turns it into an HTTP error
                error = exc
            finally:
                elapsed = time.perf_counter() - started
                if job.admitted and not job.token.cancelled:
                    self._avg_job_s = 0.8 * self._avg_job_s + 0.2 * elapsed
                self._current = None
                # The place frees before the waiter wakes: whoever reads the count after its answer sees it freed.
                self._release(job)
                job._finish(result, error)
        log.debug("model worker stopped")
