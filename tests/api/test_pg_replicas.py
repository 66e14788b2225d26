"""Two API replicas (real uvicorn servers on loopback ports) sharing one real PostgreSQL database.

A document written to the database (as `rag index` or another replica does) is answered through a replica
that loaded before it; the database stopped gives 503 naming it on /readyz and /ask; started again, both
answer again without a restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest

from api.app import create_app
from index import Article, load_articles
from index.pg_store import PgStore, describe_url
from rag.live import LivePipeline
from rag.settings import Settings
from tests.api.conftest import QUESTION, faithful_reply, live_server
from tests.conftest import ARTICLES
from tests.fakes import HashingEncoder, ScriptedGenerator
from tests.pg_fixtures import PgServer

pytestmark = pytest.mark.integration

NEW = Article(
    article_id="marmot-observatory",
    title="A new observatory",
    date="2026-11-30",
    text="Quillon Brevard founded the Marmot Observatory on the ridge. The observatory opened to visitors.",
    source="test",
    content_hash="marmot-1",
)


@pytest.fixture
def replicas(pg_url: str) -> Iterator[tuple[list[httpx.Client], PgStore]]:
    """Two replicas over one database holding the five articles, and a writer's own store handle."""
    writer = PgStore(pg_url, HashingEncoder(), connect_timeout_s=1)
    writer.add_documents(load_articles(ARTICLES).articles)
    settings = Settings(articles_dir=ARTICLES, database_url=pg_url, database_connect_timeout_s=1)

    def factory(s: Settings) -> LivePipeline:
        from index import StoreIndex

        store = PgStore(pg_url, HashingEncoder(), connect_timeout_s=1)
        return LivePipeline(s, ScriptedGenerator(faithful_reply), StoreIndex(store), HashingEncoder())

    with ExitStack() as stack:
        clients = []
        for _ in range(2):
            server = stack.enter_context(live_server(create_app(settings, pipeline_factory=factory)))
            clients.append(stack.enter_context(httpx.Client(base_url=server.url, timeout=30)))
        yield clients, writer
    writer.close()


def _ask(client: httpx.Client, question: str) -> httpx.Response:
    return client.post("/ask", json={"question": question})


def test_a_document_written_elsewhere_is_answered_by_every_replica(replicas) -> None:
    (one, two), writer = replicas
    assert _ask(two, "Who founded the Marmot Observatory?").json()["citations"][0]["article_id"] != NEW.article_id
    writer.add_documents([NEW])
    for replica in (one, two):
        answer = _ask(replica, "Who founded the Marmot Observatory?").json()
        assert answer["answerable"], answer
        assert answer["citations"][0]["article_id"] == NEW.article_id
        assert "Quillon Brevard" in answer["citations"][0]["quote"]
        assert replica.get("/readyz").json()["articles"] == 6
    writer.remove_documents([NEW.article_id])
    answer = _ask(two, "Who founded the Marmot Observatory?").json()
    assert all(c["article_id"] != NEW.article_id for c in answer.get("citations", []))


def test_database_outage_is_503_naming_it_then_recovers(replicas, pg_server: PgServer, pg_url: str) -> None:
    (one, two), _writer = replicas
    assert _ask(one, QUESTION).status_code == 200
    pg_server.stop()
    try:
        for replica in (one, two):
            ready = replica.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["status"] == "unavailable"
            assert describe_url(pg_url) in ready.json()["detail"]
            asked = _ask(replica, QUESTION)
            assert asked.status_code == 503, asked.text
            assert f"the database at {describe_url(pg_url)} is unavailable" in asked.json()["detail"]
    finally:
        pg_server.start()
    for replica in (one, two):
        assert replica.get("/readyz").status_code == 200
        assert _ask(replica, QUESTION).json()["answerable"]
