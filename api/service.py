"""The answering service behind the routes: loads the pipeline in the background, then answers through the worker.

State: ``loading`` until the pipeline factory returns (``/readyz`` 503), then ``ready``, or ``failed`` with the
reason. Every question goes through the one ``ModelWorker`` with the request's deadline
(RAG_REQUEST_TIMEOUT_S); a caller that gives up cancels its job so the model stops at the next token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from api.errors import AnswerTimeoutError, NotReadyError, describe
from api.metrics import Metrics
from api.streaming import sse_comment, sse_event
from api.worker import CancelToken, Job, ModelWorker, QueueFullError
from index import IndexStoreError
from rag import RagError
from rag.filters import ArticleFilter
from rag.live import build_corpus_cache, discard_corpus_cache, is_shared, is_stale, live_generation, switch_pipeline
from rag.llm.base import Generator
from rag.models import Answer, ChatMessage
from rag.pipeline import AnswerPipeline
from rag.prompt_cache import CorpusPrompt
from rag.settings import Settings

__all__ = [
    "AnswerService",
    "AnswerStream",
    "CacheBuilderFactory",
    "PipelineFactory",
    "Question",
    "StreamUpdate",
    "default_cache_builder",
    "default_pipeline_factory",
]

log = logging.getLogger(__name__)

PipelineFactory = Callable[[Settings], AnswerPipeline]
# A second context of the answer model, to rebuild corpus mode's prompt cache beside the answering one.
CacheBuilderFactory = Callable[[Settings], Generator]
State = Literal["loading", "ready", "failed"]

KEEPALIVE_S = 15.0  # an SSE comment this often keeps proxies from closing a quiet stream


def default_pipeline_factory(settings: Settings) -> AnswerPipeline:
    """The real pipeline: embedder, index (built if missing), the configured generator, warmed up."""
    from rag.runtime import make_pipeline

    return make_pipeline(settings)


def default_cache_builder(settings: Settings) -> Generator:
    """The configured model again, in its own context (llama.cpp maps the same weights: little extra memory)."""
    from rag.runtime import make_generator

    return make_generator(settings)


@dataclass(frozen=True)
class StreamUpdate:
    """One step of a streamed answer: a draft ``token``, the verified ``answer``, an ``error``, or a ``keepalive``."""

    kind: Literal["token", "answer", "error", "keepalive"]
    text: str = ""
    answer: Answer | None = None
    status: int = 0
    detail: str = ""


@dataclass(frozen=True)
class Question:
    text: str
    history: Sequence[ChatMessage] = ()
    top_k: int | None = None
    filters: ArticleFilter | None = None


class AnswerService:
    """Readiness, admission, deadlines and cancellation around one ``AnswerPipeline``."""

    def __init__(
        self,
        settings: Settings,
        factory: PipelineFactory,
        metrics: Metrics,
        cache_builder: CacheBuilderFactory | None = default_cache_builder,
    ):
        self.settings = settings
        self.metrics = metrics
        self._factory = factory
        self._cache_builder = cache_builder
        self._worker = ModelWorker(settings.queue_size)
        self._lock = threading.Lock()
        self._state: State = "loading"
        self._error: str | None = None
        self._pipeline: AnswerPipeline | None = None
        self._loading = False
        self._switch_job: Job[None] | None = None  # the switch to a new index generation, while it waits
        self._loop: asyncio.AbstractEventLoop | None = None
        self._building: threading.Thread | None = None  # the prompt-cache rebuild, while it runs
        self._writes = 0  # uploads and removals in progress
        metrics.watch(lambda: self.queue_depth, lambda: 1.0 if self._state == "ready" else 0.0)

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self) -> None:
        """Start a worker and load the pipeline on it, in the background (call from the event loop).

        An app's lifespan may run more than once (tests do that); a loaded pipeline is kept across runs.
        """
        if self._worker.stopped:
            self._worker = ModelWorker(self.settings.queue_size)
        self._loop = asyncio.get_running_loop()
        self._worker.start()
        with self._lock:
            load = self._pipeline is None and not self._loading
            self._loading = self._loading or load
        if load:
            self._worker.submit(self._load, admit=False)

    def stop(self) -> None:
        self._worker.stop()

    def _load(self, _token: CancelToken) -> None:
        started = time.perf_counter()
        try:
            pipeline = self._factory(self.settings)
        except Exception as exc:  # any failure to load is reported by /readyz; the process stays up to say so
            log.exception("loading the index and model failed")
            with self._lock:
                self._state, self._error, self._loading = "failed", f"{type(exc).__name__}: {exc}", False
            return
        with self._lock:
            self._pipeline, self._state, self._loading = pipeline, "ready", False
        log.info("ready in %.1f s: model %s", time.perf_counter() - started, pipeline.model_name)

    @property
    def state(self) -> State:
        return self._state

    @property
    def error(self) -> str | None:
        return self._error

    @property
    def queue_depth(self) -> int:
        return self._worker.admitted

    def pipeline(self) -> AnswerPipeline:
        """The loaded pipeline, or ``NotReadyError`` (503) while loading or after a failed load."""
        with self._lock:
            pipeline, state, error = self._pipeline, self._state, self._error
        if pipeline is not None:
            return pipeline
        if state == "failed":
            raise NotReadyError(f"the service could not load its index and model: {error}")
        raise NotReadyError("the service is still loading its index and model; retry in a few seconds")

    # -- answering --------------------------------------------------------------------------------

    async def ask(self, question: Question) -> Answer:
        """The verified answer, within the request deadline."""
        pipeline = self._answering_pipeline()
        job = self._submit(lambda token: _answer(self._now(pipeline), question, _until_cancelled(token)))
        try:
            async with asyncio.timeout(self.settings.request_timeout_s):
                answer = await job.future
        except TimeoutError:
            raise self._timed_out(job) from None
        except asyncio.CancelledError:
            self.metrics.answers.labels("cancelled").inc()  # the client went away
            raise
        except Exception:
            self.metrics.answers.labels("failed").inc()
            raise
        finally:
            job.cancel()  # a no-op once finished; otherwise frees the queue place or stops the model
        self._count(job, answer)
        return answer

    async def open_stream(self, question: Question) -> AnswerStream:
        """Queue the question and wait until the model takes it up; then its events can be streamed.

        Refusals (429, 503) and a deadline passed while queued (504) are raised here, before any response
        has started, so they reach the client as a status code rather than as an event.
        """
        pipeline = self._answering_pipeline()
        loop = asyncio.get_running_loop()
        events: asyncio.Queue[str | None] = asyncio.Queue()
        deadline = loop.time() + self.settings.request_timeout_s

        def on_token(token: CancelToken) -> Callable[[str], bool]:
            def push(piece: str) -> bool:
                try:
                    loop.call_soon_threadsafe(events.put_nowait, piece)
                except RuntimeError:
                    return False  # the event loop is gone: stop generating
                return not token.cancelled

            return push

        job = self._submit(lambda token: _answer(self._now(pipeline), question, on_token(token)))
        job.future.add_done_callback(lambda _f: events.put_nowait(None))
        opened = False
        try:
            async with asyncio.timeout_at(deadline):
                await job.wait_started()
            opened = True
        except TimeoutError:
            raise self._timed_out(job) from None
        finally:
            if not opened:
                job.cancel()
        return AnswerStream(self, job, events, deadline)

    def _answering_pipeline(self) -> AnswerPipeline:
        try:
            pipeline = self.pipeline()
        except NotReadyError:
            self.metrics.rejections.labels("not_ready").inc()
            raise
        self.follow()  # a switch queued before this question, so that the question sees the new generation
        return pipeline

    def follow(self) -> None:
        """When the index on disk moved on (the CLI, another process), queue a switch to it. Event loop only.

        A shared database is checked on the model thread instead, as each question starts (``_now``): that is a
        query, which must not hold up the event loop.
        """
        with self._lock:
            pipeline = self._pipeline
        if pipeline is not None and not is_shared(pipeline) and is_stale(pipeline):
            self.request_switch()

    def _now(self, queued_with: AnswerPipeline) -> AnswerPipeline:
        """The pipeline a question starts with: the live one when it starts, which may be newer than when queued.

        Only the model thread swaps pipelines, between jobs, so a running question keeps the one it started with.
        Over a shared database this is where another replica's write is noticed (one single-row query) and
        switched to; the database being down raises ``StoreUnavailableError`` here (503).
        """
        with self._lock:
            pipeline = self._pipeline or queued_with
        if is_shared(pipeline) and is_stale(pipeline):
            self._switch_from(pipeline)
            with self._lock:
                pipeline = self._pipeline or queued_with
        return pipeline

    # -- following the index: uploads, removals, `rag index` ------------------------------------------

    def request_switch(self) -> Job[None]:
        """Queue a switch to the live index generation (one at a time; a waiting one is shared). Event loop only."""
        with self._lock:
            job = self._switch_job
            if job is not None and not job.running and not job.future.done():
                return job
            job = self._switch_job = self._worker.submit(self._switch, admit=False)
        return job

    async def switch(self) -> None:
        """Switch to the live generation between questions; returns once questions are answered from it."""
        job = self.request_switch()
        try:
            async with asyncio.timeout(self.settings.request_timeout_s):
                await asyncio.shield(job.future)
        except TimeoutError:
            raise AnswerTimeoutError(
                f"the index was changed, but the questions ahead kept the model busy for over "
                f"{self.settings.request_timeout_s:g} s; the service switches to it once they are answered"
            ) from None

    def _switch(self, _token: CancelToken) -> None:
        with self._lock:
            current = self._pipeline
            if self._switch_job is not None and self._switch_job.running:
                self._switch_job = None  # from now on a new request queues a new switch
        if current is None:
            return
        self._switch_from(current)

    def _switch_from(self, current: AnswerPipeline) -> None:
        """Switch from ``current`` to the live collection. Model thread only."""
        try:
            switched = switch_pipeline(current)
        except (IndexStoreError, RagError, OSError) as exc:
            log.error("staying on index generation %s: %s", current.index.generation, exc)
            raise
        with self._lock:
            self._pipeline = switched.pipeline
        log.info(
            "switched to index generation %s in %.2f s (%s mode)",
            switched.pipeline.index.generation,
            switched.seconds,
            switched.pipeline.context_mode,
        )
        if switched.pending is not None:
            self._rebuild_cache(switched.pending, switched.pipeline.index.generation)

    def _rebuild_cache(self, prompt: CorpusPrompt, generation: str) -> None:
        """Rebuild the corpus prompt cache on a second model context, then switch again (to corpus mode)."""
        if self._cache_builder is None:
            return
        with self._lock:
            if self._building is not None:
                return  # the switch that follows the running build will see the newer collection
            self._building = threading.Thread(
                target=self._build_cache, args=(prompt, generation), name="rag-cache", daemon=True
            )
        self._building.start()

    def _build_cache(self, prompt: CorpusPrompt, generation: str) -> None:
        assert self._cache_builder is not None
        try:
            builder = self._cache_builder(self.settings)
            seconds = build_corpus_cache(self.settings, builder, prompt)
            log.info("prompt cache of the changed collection built in %.1f s", seconds)
            if live_generation(self.settings, self.pipeline().index) != generation:
                # The collection changed while it was built (a removal among them): the file holds a document
                # that may be gone, so it goes too; the switch below builds the current collection's.
                discard_corpus_cache(self.settings)
        except (RagError, IndexStoreError, OSError) as exc:
            log.warning("cannot rebuild the prompt cache (%s): answering in retrieval mode", exc)
            return
        finally:
            with self._lock:
                self._building = None
        # The switch finds the saved cache (corpus mode) or, if the collection changed meanwhile, builds again.
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._switch_quietly)

    def _switch_quietly(self) -> None:
        with contextlib.suppress(RagError):
            self.request_switch().future.add_done_callback(_ignore_outcome)

    @contextlib.contextmanager
    def admit_write(self) -> Iterator[None]:
        """A place for one upload or removal; past ``RAG_QUEUE_SIZE`` at once, 429 like a full question queue."""
        with self._lock:
            if self._writes >= self.settings.queue_size:
                self.metrics.rejections.labels("queue_full").inc()
                raise QueueFullError(
                    f"{self._writes} document changes are in progress (the limit is {self.settings.queue_size}); "
                    "try again in a few seconds",
                    retry_after=2,
                )
            self._writes += 1
        try:
            yield
        finally:
            with self._lock:
                self._writes -= 1

    def _submit(self, fn: Callable[[CancelToken], Answer]) -> Job[Answer]:
        try:
            return self._worker.submit(fn)
        except QueueFullError:
            self.metrics.rejections.labels("queue_full").inc()
            raise

    def _timed_out(self, job: Job[Answer]) -> AnswerTimeoutError:
        limit = self.settings.request_timeout_s
        self.metrics.answers.labels("timeout").inc()
        if job.started.is_set():
            return AnswerTimeoutError(f"no answer within {limit:g} s (RAG_REQUEST_TIMEOUT_S); generation was stopped")
        return AnswerTimeoutError(
            f"no answer within {limit:g} s: the question waited in the queue the whole time; try again later"
        )

    def _count(self, job: Job[Answer], answer: Answer) -> None:
        self.metrics.answers.labels("answered" if answer.answerable else "abstained").inc()
        if job.started_at is not None:
            self.metrics.queue_wait_seconds.observe(max(0.0, job.started_at - job.queued_at))
        self.metrics.answer_seconds.observe(answer.timings.total_ms / 1000)


class AnswerStream:
    """Server-sent events for one question: ``token``…, then ``citations`` (the Answer) and ``done``, or ``error``."""

    def __init__(self, service: AnswerService, job: Job[Answer], events: asyncio.Queue[str | None], deadline: float):
        self._service = service
        self._job = job
        self._events = events
        self._deadline = deadline

    def close(self) -> None:
        """Stop the model (client gone, stream over); safe to call more than once."""
        if not self._job.future.done():
            self._service.metrics.answers.labels("cancelled").inc()
        self._job.cancel()

    async def events(self) -> AsyncIterator[bytes]:
        """The stream in ``/ask/stream``'s wire format."""
        async for update in self.updates():
            if update.kind == "token":
                yield sse_event("token", {"text": update.text})
            elif update.kind == "keepalive":
                yield sse_comment("keep-alive")
            elif update.kind == "error":
                yield sse_event("error", {"status": update.status, "detail": update.detail})
            elif update.answer is not None:
                yield sse_event("citations", update.answer.model_dump(mode="json"))
                yield sse_event("done", {})

    async def updates(self) -> AsyncIterator[StreamUpdate]:
        """The stream as typed steps, for any wire format: draft tokens, then the answer or an error."""
        loop = asyncio.get_running_loop()
        try:
            while True:
                left = self._deadline - loop.time()
                if left <= 0:
                    error = self._service._timed_out(self._job)
                    self._job.cancel()
                    yield StreamUpdate("error", status=error.status_code, detail=error.detail)
                    return
                try:
                    piece = await asyncio.wait_for(self._events.get(), min(left, KEEPALIVE_S))
                except TimeoutError:
                    if loop.time() < self._deadline:
                        yield StreamUpdate("keepalive")
                    continue
                if piece is not None:
                    yield StreamUpdate("token", text=piece)
                    continue
                finished = self._finish()
                if finished is not None:
                    yield finished
                return
        finally:
            self.close()

    def _finish(self) -> StreamUpdate | None:
        future = self._job.future
        if future.cancelled():
            return None
        error = future.exception()
        if error is not None:
            self._service.metrics.answers.labels("failed").inc()
            status, detail, _ = describe(error)
            if status >= 500 and not isinstance(error, AnswerTimeoutError):
                log.error("streamed answer failed: %s", detail, exc_info=error)
            return StreamUpdate("error", status=status, detail=detail)
        answer = future.result()
        self._service._count(self._job, answer)
        return StreamUpdate("answer", answer=answer)


def _answer(pipeline: AnswerPipeline, question: Question, on_token: Callable[[str], bool]) -> Answer:
    return pipeline.ask(
        question.text, history=question.history, top_k=question.top_k, on_token=on_token, filters=question.filters
    )


def _ignore_outcome(future: asyncio.Future[None]) -> None:
    # A switch nobody waits for: its failure was logged where it happened; retrieving it silences asyncio.
    if not future.cancelled():
        future.exception()


def _until_cancelled(token: CancelToken) -> Callable[[str], bool]:
    """A token callback for a non-streamed answer: discard the text, stop once the caller gave up."""
    return lambda _piece: not token.cancelled
