"""The ``openai`` backend against a real OpenAI-compatible server: ``python -m llama_cpp.server`` with SmolLM2.

The server is started once for the module on a free loopback port. Also the topology of issue 16 in small:
two API replicas on one PostgreSQL, answering through that model server.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from pydantic import SecretStr

from index import Article, StoreIndex, load_articles
from index.pg_store import PgStore
from rag import ModelUnavailableError, Settings
from rag.llm.base import Message
from rag.llm.model_files import smollm2_gguf
from rag.llm.openai_backend import OpenAIGenerator
from rag.pipeline import AnswerPipeline
from tests.conftest import ARTICLES

pytestmark = pytest.mark.integration

MESSAGES: list[Message] = [
    {"role": "system", "content": "Answer with one word."},
    {"role": "user", "content": "Is Paris the capital of France? Answer yes or no."},
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def model_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real llama.cpp OpenAI-compatible server with SmolLM2-135M; yields its /v1 base URL."""
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    port = _free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf()), "--model_alias", "smollm2"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"]
    # A log file, not a pipe: llama.cpp writes a lot, and an unread pipe would stall the server.
    out = log.open("w")
    proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"llama_cpp.server did not start: {log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)
        out.close()


def test_chat_streams_and_the_judge_reads_logprobs(model_server: str) -> None:
    gen = OpenAIGenerator(model_server, "smollm2")
    pieces: list[str] = []
    done = gen.chat(MESSAGES, max_tokens=8, on_token=pieces.append)
    assert done.text and "".join(pieces) == done.text
    # llama_cpp.server's stream sends no usage (stream_options is ignored): the token counts stay 0 there.
    assert done.first_token_ms is not None and done.completion_tokens >= 1
    probs = gen.choice_probabilities(MESSAGES, ["yes", "no"])
    assert gen.offers_logprobs is True
    # Real probabilities, not the fallback's 0/1: both answers have some mass, less than all of it together.
    assert 0.0 < probs["yes"] < 1.0 and 0.0 < probs["no"] < 1.0 and probs["yes"] + probs["no"] <= 1.0 + 1e-6


def test_without_logprobs_the_judge_falls_back_to_the_greedy_reply() -> None:
    seen: list[dict[str, object]] = []

    def server(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        if body.get("logprobs"):
            return httpx.Response(400, json={"error": "logprobs not supported"})
        return httpx.Response(200, json={"choices": [{"message": {"role": "assistant", "content": "Yes."}}]})

    gen = OpenAIGenerator("http://pool.invalid/v1", "m", transport=httpx.MockTransport(server))
    assert gen.choice_probabilities(MESSAGES, ["yes", "no"]) == {"yes": 1.0, "no": 0.0}
    assert gen.offers_logprobs is False
    gen.choice_probabilities(MESSAGES, ["yes", "no"])
    assert [bool(b.get("logprobs")) for b in seen] == [True, False, False]  # asked once, then remembered


def test_a_model_server_that_is_down_is_model_unavailable() -> None:
    gen = OpenAIGenerator(f"http://127.0.0.1:{_free_port()}/v1", "m", timeout_s=2)
    with pytest.raises(ModelUnavailableError, match="cannot reach the model server"):
        gen.chat(MESSAGES, max_tokens=2)
    with pytest.raises(ModelUnavailableError):
        gen.choice_probabilities(MESSAGES, ["yes", "no"])


NEW = Article(
    article_id="marmot-observatory",
    title="Marmot Observatory opens",
    date="2026-11-30",
    text=(
        "The Marmot Observatory opened on Mount Vell on Monday. "
        "Astronomer Quillon Brevard founded the Marmot Observatory in 2019. "
        "The observatory has a two-metre telescope."
    ),
    source="test",
    content_hash="marmot-1",
)


def test_two_replicas_one_database_one_model_server(model_server: str, pg_url: str, real_embedder) -> None:
    from api.app import create_app
    from tests.api.conftest import live_server

    writer = PgStore(pg_url, real_embedder)
    writer.add_documents(load_articles(ARTICLES).articles)
    settings = Settings(
        articles_dir=ARTICLES,
        database_url=SecretStr(pg_url),
        backend="openai",
        openai_base_url=model_server,
        openai_model="smollm2",
        judge=False,
    )

    def factory(s: Settings) -> AnswerPipeline:
        from rag.runtime import assemble_pipeline, make_generator

        store = PgStore(pg_url, real_embedder)
        return assemble_pipeline(s, make_generator(s), StoreIndex(store), real_embedder)

    # A year, which SmolLM2-135M states plainly; its answer to "who founded …" names no one, and is refused.
    question = "In what year was the Marmot Observatory founded?"
    with ExitStack() as stack:
        urls = [stack.enter_context(live_server(create_app(settings, pipeline_factory=factory))).url for _ in "12"]
        one, two = (stack.enter_context(httpx.Client(base_url=url, timeout=120)) for url in urls)
        uploaded = one.post("/documents", json={"text": NEW.text, "title": NEW.title, "date": NEW.date})
        assert uploaded.status_code == 201, uploaded.text
        document_id = uploaded.json()["documents"][0]["document_id"]
        answer = two.post("/ask", json={"question": question}).json()
    writer.close()
    assert answer["answerable"], (answer.get("abstention"), answer["answer"])
    # SmolLM2-135M words its answers poorly; what matters here is where the verified citation comes from.
    assert answer["citations"] and answer["citations"][0]["article_id"] == document_id
