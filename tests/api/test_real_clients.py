"""Real clients against the real service: the ``openai`` SDK on ``/v1``, and the ``mcp`` SDK's own client on
``/mcp`` (streamable HTTP) and on ``rag mcp`` (stdio, a subprocess). One uvicorn server on loopback with the
bundled embedder and SmolLM2; the stdio server reuses its index.

SmolLM2 is tiny and often abstains: the tests check the contract (shapes, citations consistent between the
text and the structured field, quotes that are article text), and use a false-premise question, which the
pipeline refuses before the model sees it, for a certain abstention.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
from pydantic import SecretStr

from api.app import create_app
from api.chat_text import SOURCES_HEADING
from api.openai_schemas import MODEL_ID
from rag.llm.model_files import smollm2_gguf
from rag.models import ABSTAIN_MESSAGE, Answer
from rag.settings import Settings
from tests.api.conftest import LiveServer, wait_ready
from tests.conftest import ARTICLES, REPO

pytestmark = pytest.mark.integration

KEY = "real-clients-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
TIMEOUT_S = 600  # the contract is under test, not the speed: a busy CI machine must not fail it
QUESTION = "Who co-founded Scale AI with Alexandr Wang?"
FALSE_PREMISE = "Why did Meta buy Scale AI for $30 billion?"
TOOLS = {"ask", "search", "get_article", "list_articles"}


@dataclass(frozen=True)
class Service:
    url: str
    index_dir: Path
    http: httpx.Client


def _settings(index_dir: Path) -> dict[str, str]:
    return {
        "RAG_MODEL_PATH": str(smollm2_gguf()),
        "RAG_CONTEXT_MODE": "retrieval",
        "RAG_ARTICLES_DIR": str(ARTICLES),
        "RAG_INDEX_DIR": str(index_dir),
        "RAG_MAX_TOKENS": "32",
        "RAG_JUDGE": "false",
        "RAG_N_THREADS": "1",
        "RAG_REQUEST_TIMEOUT_S": str(TIMEOUT_S),
    }


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    index_dir = tmp_path_factory.mktemp("index")
    env = _settings(index_dir)
    settings = Settings(
        model_path=Path(env["RAG_MODEL_PATH"]),
        context_mode="retrieval",
        articles_dir=ARTICLES,
        index_dir=index_dir,
        max_tokens=32,
        judge=False,  # the judge is the pipeline's business, not the clients': one model context is enough here
        n_threads=1,  # a 135M model needs no second thread, and one never spin-waits on a busy machine
        request_timeout_s=TIMEOUT_S,
        api_key=SecretStr(KEY),
    )
    with (
        LiveServer(create_app(settings)) as server,
        httpx.Client(base_url=server.url, headers=AUTH, timeout=TIMEOUT_S) as http,
    ):
        wait_ready(http, timeout=TIMEOUT_S)
        yield Service(server.url, index_dir, http)


@pytest.fixture(scope="module")
def sdk(service: Service) -> Any:
    return openai.OpenAI(base_url=f"{service.url}/v1", api_key=KEY, timeout=TIMEOUT_S, max_retries=0)


def _check_answer(service: Service, content: str, answer: Answer) -> None:
    """The text and the structured citations say the same; every quote is the article's text."""
    assert content.startswith(answer.answer)
    if not answer.answerable:
        assert SOURCES_HEADING not in content
        return
    for citation in answer.citations:
        assert f"[{citation.n}]" in answer.answer
        assert f'"{citation.quote}"' in content
        text = service.http.get(f"/articles/{citation.article_id}").json()["text"]
        assert text[citation.start : citation.end] == citation.quote


# -- the openai SDK ---------------------------------------------------------------------------------


def test_sdk_lists_the_model(sdk: Any) -> None:
    models = sdk.models.list()
    assert [m.id for m in models.data] == [MODEL_ID]
    assert models.data[0].model_extra["generator"] == "SmolLM2-135M-Instruct.Q4_1"


def test_sdk_completion_with_history(sdk: Any, service: Service) -> None:
    """Non-streamed, a follow-up: the system turn is dropped, the earlier turns are the history."""
    completion = sdk.chat.completions.create(
        model=MODEL_ID,
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "What does Scale AI do?"},
            {"role": "assistant", "content": "Scale AI labels data used to train AI models."},
            {"role": "user", "content": "Who founded it?"},
        ],
        max_tokens=50,
        temperature=0.2,
    )
    assert completion.object == "chat.completion" and completion.model == MODEL_ID
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None and completion.usage.prompt_tokens > 0
    message = completion.choices[0].message
    answer = Answer.model_validate(message.model_extra["citations"])
    assert answer.model == "SmolLM2-135M-Instruct.Q4_1"
    assert answer.question  # the follow-up as the model rewrote it from the history
    _check_answer(service, message.content or "", answer)


def test_sdk_stream(sdk: Any, service: Service) -> None:
    stream = sdk.chat.completions.create(
        model=MODEL_ID,
        messages=[{"role": "user", "content": QUESTION}],
        stream=True,
        stream_options={"include_usage": True},
    )
    content, structured, finish, usage = "", None, None, None
    for chunk in stream:  # ends at `data: [DONE]`
        assert chunk.object == "chat.completion.chunk"
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            content += choice.delta.content or ""
            finish = choice.finish_reason or finish
        structured = (chunk.model_extra or {}).get("citations") or structured
    assert finish == "stop" and usage is not None
    assert structured is not None
    _check_answer(service, content, Answer.model_validate(structured))


def test_sdk_abstention_is_a_normal_message(sdk: Any) -> None:
    completion = sdk.chat.completions.create(model=MODEL_ID, messages=[{"role": "user", "content": FALSE_PREMISE}])
    message = completion.choices[0].message
    assert message.role == "assistant" and completion.choices[0].finish_reason == "stop"
    assert (message.content or "").startswith(ABSTAIN_MESSAGE)
    answer = Answer.model_validate(message.model_extra["citations"])
    assert not answer.answerable and answer.abstention is not None
    assert answer.abstention.reason == "false_premise"
    assert f"Reason: {answer.abstention.message} (false_premise)" in (message.content or "")


def test_sdk_errors(service: Service) -> None:
    for key in ("wrong-key", ""):
        client = openai.OpenAI(base_url=f"{service.url}/v1", api_key=key or "x", max_retries=0)
        if not key:
            client = client.with_options(default_headers={"Authorization": ""})
        with pytest.raises(openai.AuthenticationError) as info:
            client.chat.completions.create(model=MODEL_ID, messages=[{"role": "user", "content": QUESTION}])
        assert info.value.status_code == 401
        assert info.value.code == "invalid_api_key"
    sdk = openai.OpenAI(base_url=f"{service.url}/v1", api_key=KEY, max_retries=0)
    with pytest.raises(openai.BadRequestError) as bad:
        sdk.chat.completions.create(model=MODEL_ID, messages=[{"role": "user", "content": QUESTION}], temperature=5)
    assert bad.value.param == "temperature" and bad.value.type == "invalid_request_error"
    with pytest.raises(openai.BadRequestError) as bad:
        sdk.chat.completions.create(model=MODEL_ID, messages=[])
    assert bad.value.param == "messages"
    with pytest.raises(openai.NotFoundError) as missing:
        sdk.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": QUESTION}])
    assert missing.value.code == "model_not_found"


# -- the MCP SDK's client ---------------------------------------------------------------------------


async def _exercise(client: Any) -> dict[str, Any]:
    """List the tools, call each, and a bad argument of each kind; the session must survive them all."""
    tools = await client.list_tools()
    assert {t.name for t in tools.tools} == TOOLS
    results: dict[str, Any] = {}
    listed = await client.call_tool("list_articles", {})
    assert not listed.is_error, listed.content
    results["list"] = listed.structured_content
    first = results["list"]["articles"][0]["article_id"]
    found = await client.call_tool("search", {"query": "Scale AI founder", "k": 3})
    assert not found.is_error, found.content
    results["search"] = found.structured_content["results"]
    article = await client.call_tool("get_article", {"article_id": first})
    assert not article.is_error, article.content
    results["article"] = article.structured_content
    asked = await client.call_tool("ask", {"question": FALSE_PREMISE})
    assert not asked.is_error, asked.content
    results["ask"] = Answer.model_validate(asked.structured_content)
    for tool, arguments in (
        ("search", {"query": "Scale AI", "k": 0}),
        ("search", {"query": "   "}),
        ("ask", {"question": ""}),
        ("ask", {}),
        ("get_article", {"article_id": "no-such-article"}),
        ("list_articles", {"limit": "many"}),
    ):
        bad = await client.call_tool(tool, arguments)
        assert bad.is_error, (tool, arguments)
        assert bad.content and bad.content[0].text
    results["after_errors"] = (await client.call_tool("list_articles", {"limit": 1})).structured_content
    return results


def _check_results(results: dict[str, Any], http: httpx.Client) -> None:
    listing = results["list"]
    assert listing["total"] == 5 and len(listing["articles"]) == 5
    assert results["article"]["article_id"] == listing["articles"][0]["article_id"]
    assert results["search"] and len(results["search"]) <= 3
    for passage in results["search"]:
        text = http.get(f"/articles/{passage['article_id']}").json()["text"]
        assert text[passage["start"] : passage["end"]] == passage["text"]
    answer = results["ask"]
    assert not answer.answerable and answer.answer == ABSTAIN_MESSAGE
    assert results["after_errors"]["articles"] == listing["articles"][:1]


def test_mcp_over_http(service: Service) -> None:
    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    async def run() -> dict[str, Any]:
        async with (
            httpx2.AsyncClient(headers=AUTH, timeout=TIMEOUT_S) as http,
            Client(streamable_http_client(f"{service.url}/mcp", http_client=http)) as client,
        ):
            return await _exercise(client)

    _check_results(asyncio.run(run()), service.http)
    refused = httpx.post(f"{service.url}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
    assert refused.status_code == 401 and refused.json()["detail"].startswith("missing API key")


def test_mcp_over_stdio(service: Service) -> None:
    from mcp import Client, StdioServerParameters

    env = {**_settings(service.index_dir), "PYTHONPATH": str(REPO)}
    env["RAG_MODEL_CACHE_DIR"] = os.environ["RAG_MODEL_CACHE_DIR"]
    # What `rag mcp` runs (test_mcp_tools checks the entry point that registers it), started as a module so
    # that the test does not depend on the environment's installed command metadata.
    params = StdioServerParameters(command=sys.executable, args=["-m", "api.mcp_cli"], env=env, cwd=str(REPO))

    async def run() -> dict[str, Any]:
        async with Client(params, read_timeout_seconds=TIMEOUT_S) as client:
            return await _exercise(client)

    _check_results(asyncio.run(run()), service.http)
