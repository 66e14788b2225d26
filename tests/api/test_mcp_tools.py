"""The MCP tools in process (the SDK's client on an in-memory transport) over a scripted pipeline: a verified
answer with citations, follow-ups, a service still loading, and bad arguments as tool errors.
The transports (stdio, streamable HTTP) with the real model are in test_real_clients."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import pytest

from api.mcp_server import build_mcp
from api.metrics import Metrics
from api.service import AnswerService
from rag.models import Answer
from rag.pipeline import AnswerPipeline
from rag.settings import Settings
from tests.api.conftest import QUESTION, PipelineMaker

pytestmark = pytest.mark.unit


def _run(factory: Callable[[Settings], AnswerPipeline], settings: Settings, body: Any, wait_s: float = 10) -> Any:
    from mcp import Client

    async def main() -> Any:
        service = AnswerService(settings, factory, Metrics())
        service.start()
        try:
            async with Client(build_mcp(service, ready_wait_s=wait_s)) as client:
                return await body(client)
        finally:
            service.stop()

    return asyncio.run(main())


def test_ask_gives_the_verified_answer(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> None:
    settings = fake_settings()
    pipeline = make_pipeline(settings)

    async def body(client: Any) -> tuple[Any, Any]:
        asked = await client.call_tool("ask", {"question": QUESTION})
        history = [{"role": "user", "content": "What is Scale AI?"}, {"role": "assistant", "content": "A start-up."}]
        follow_up = await client.call_tool("ask", {"question": "Who founded it?", "history": history})
        return asked, follow_up

    asked, follow_up = _run(lambda _s: pipeline, settings, body)
    assert not asked.is_error
    answer = Answer.model_validate(asked.structured_content)
    assert answer.answerable and answer.citations and "[1]" in answer.answer
    article = pipeline.index.articles[answer.citations[0].article_id]
    assert article.text[answer.citations[0].start : answer.citations[0].end] == answer.citations[0].quote
    assert not follow_up.is_error
    assert Answer.model_validate(follow_up.structured_content).question  # rewritten with the history


def test_tools_say_what_is_wrong(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> None:
    settings = fake_settings()
    pipeline = make_pipeline(settings)

    async def body(client: Any) -> list[tuple[str, bool, str]]:
        calls = [
            ("ask", {"question": "   "}),
            ("ask", {"question": "q", "history": [{"role": "system", "content": "x"}]}),
            ("ask", {"question": "x" * 5000}),
            ("search", {"query": "Scale AI", "k": 51}),
            ("get_article", {"article_id": "../../etc/passwd"}),
            ("list_articles", {"offset": -1}),
            ("no_such_tool", {}),
        ]
        out = []
        for name, arguments in calls:
            result = await client.call_tool(name, arguments)
            out.append((name, bool(result.is_error), result.content[0].text if result.content else ""))
        return out

    results = _run(lambda _s: pipeline, settings, body)
    assert all(is_error for _, is_error, _ in results), results
    messages = {name: text for name, _, text in results}
    assert "no article with id '../../etc/passwd'" in messages["get_article"]
    assert "the question has 5000 characters" in results[2][2]


def test_a_loading_service_is_a_tool_error(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    settings = fake_settings()
    release = threading.Event()

    def slow_factory(s: Settings) -> AnswerPipeline:
        release.wait(10)
        return make_pipeline(s)

    async def body(client: Any) -> Any:
        try:
            return await client.call_tool("list_articles", {})
        finally:
            release.set()

    result = _run(slow_factory, settings, body, wait_s=0.2)
    assert result.is_error
    assert "still loading" in result.content[0].text


def test_rag_mcp_is_registered_through_the_entry_point() -> None:
    import tomllib

    import typer
    from typer.testing import CliRunner

    from api import mcp_cli
    from tests.conftest import REPO

    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert project["project"]["entry-points"]["newsrag.commands"]["mcp"] == "api.mcp_cli:register"
    app = typer.Typer()
    app.command("other")(lambda: None)  # with two commands, typer keeps the command names
    mcp_cli.register(app)
    result = CliRunner().invoke(app, ["mcp", "--help"])
    assert result.exit_code == 0
    assert "mcp [OPTIONS]" in result.output
