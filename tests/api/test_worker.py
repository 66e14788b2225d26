"""The model worker on its own: order, capacity, and what cancelling a queued or a running job does."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from api.worker import CancelToken, ModelWorker, QueueFullError, ServiceBusyError

pytestmark = pytest.mark.unit


def test_jobs_run_one_at_a_time_in_order_on_one_thread() -> None:
    async def scenario() -> None:
        worker = ModelWorker(queue_size=8)
        worker.start()
        seen: list[tuple[int, str]] = []

        def job(i: int) -> Callable[[CancelToken], None]:
            return lambda _token: seen.append((i, threading.current_thread().name))

        jobs = [worker.submit(job(i)) for i in range(5)]
        await asyncio.gather(*(job.future for job in jobs))
        worker.stop()
        assert [i for i, _ in seen] == [0, 1, 2, 3, 4]
        assert {name for _, name in seen} == {"rag-model"}
        assert worker.admitted == 0

    asyncio.run(scenario())


def test_capacity_cancel_and_stop() -> None:
    async def scenario() -> None:
        worker = ModelWorker(queue_size=1)  # one running, one waiting
        worker.start()
        release = threading.Event()
        saw_cancel = threading.Event()

        def hold(token: CancelToken) -> str:
            release.wait(5)
            if token.cancelled:
                saw_cancel.set()
            return "held"

        running = worker.submit(hold)
        await asyncio.wait_for(running.wait_started(), 5)
        waiting = worker.submit(lambda _t: "waited")
        with pytest.raises(QueueFullError) as refused:
            worker.submit(lambda _t: "refused")
        assert refused.value.retry_after >= 1

        waiting.cancel()  # a queued job frees its place at once
        assert worker.admitted == 1
        replacement = worker.submit(lambda _t: "replacement")

        running.cancel()  # a running job is asked to stop
        release.set()
        assert await asyncio.wait_for(replacement.future, 5) == "replacement"
        assert saw_cancel.is_set()
        assert worker.admitted == 0

        release.clear()
        blocker = worker.submit(hold)
        await asyncio.wait_for(blocker.wait_started(), 5)
        queued = worker.submit(lambda _t: "never")
        worker.stop()  # the queued job fails instead of running
        release.set()
        with pytest.raises(ServiceBusyError, match="shutting down"):
            await asyncio.wait_for(queued.future, 5)
        with pytest.raises(ServiceBusyError):
            worker.submit(lambda _t: "after stop")

    asyncio.run(scenario())
