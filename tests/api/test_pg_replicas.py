"""Two API replicas (real uvicorn servers on loopback ports) sharing one real PostgreSQL database.

A document uploaded through one replica (POST /documents) is answered through the other, which loaded before
it, and gone from both once deleted through it; a write straight to the database (as `rag index` does) is
followed too; the database stopped gives 503 naming it on /readyz and /ask; started again, both answer again
without a restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from index import Article, StoreIndex, load_articles
from index.pg_store import PgStore, describe_url
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
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
    settings = Settings(articles_dir=ARTICLES, database_url=SecretStr(pg_url), database_connect_timeout_s=1)

    def factory(s: Settings) -> AnswerPipeline:
        store = PgStore(pg_url, HashingEncoder(), connect_timeout_s=1)
        return assemble_pipeline(s, ScriptedGenerator(faithful_reply), StoreIndex(store), HashingEncoder())

    with ExitStack() as stack:
        clients = []
        for _ in range(2):
            server = stack.enter_context(live_server(create_app(settings, pipeline_factory=factory)))
            clients.append(stack.enter_context(httpx.Client(base_url=server.url, timeout=30)))
        yield clients, writer
    writer.close()


def _ask(client: httpx.Client, question: str) -> httpx.Response:
    return client.post("/ask", json={"question": question})


def test_a_document_uploaded_through_one_replica_is_answered_by_the_other(replicas) -> None:
    (one, two), writer = replicas
    question = "Who founded the Marmot Observatory?"
    before = _ask(two, question)
    assert before.status_code == 200 and all(c["title"] != NEW.title for c in before.json().get("citations", []))
    uploaded = one.post("/documents", json={"text": NEW.text, "title": NEW.title, "date": NEW.date})
    assert uploaded.status_code == 201, uploaded.text
    document_id = uploaded.json()["documents"][0]["document_id"]
    assert set(writer.documents()) == {document_id}
    for replica in (two, one):
        answer = _ask(replica, question).json()
        assert answer["answerable"], answer
        assert answer["citations"][0]["article_id"] == document_id
        assert "Quillon Brevard" in answer["citations"][0]["quote"]
        assert replica.get("/readyz").json()["articles"] == 6
    # Uploads are listed by the replica that did not take them once it has followed the write.
    assert [d["document_id"] for d in two.get("/documents").json()["documents"]] == [document_id]
    assert two.delete(f"/documents/{document_id}").status_code == 200
    assert two.delete(f"/documents/{document_id}").status_code == 404
    assert writer.documents() == {} and document_id not in writer.articles()
    for replica in (one, two):
        answer = _ask(replica, question).json()
        assert all(c["article_id"] != document_id for c in answer.get("citations", []))
        assert replica.get("/readyz").json()["articles"] == 5


def test_a_write_straight_to_the_database_is_followed(replicas) -> None:
    (_one, two), writer = replicas
    writer.add_documents([NEW])  # as `rag index` does
    answer = _ask(two, "Who founded the Marmot Observatory?").json()
    assert answer["answerable"] and answer["citations"][0]["article_id"] == NEW.article_id, answer


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
