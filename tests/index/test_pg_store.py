"""The PostgreSQL store against a real PostgreSQL 16 + pgvector (started once per session by pgserver)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import psycopg
import pytest

from eval.gold import load_gold
from eval.retrieval import recall_at_k, reciprocal_rank
from index import (
    Article,
    DocumentRecord,
    FileStore,
    HybridRetriever,
    IndexMismatchError,
    IndexStoreError,
    StoreTimeoutError,
    StoreUnavailableError,
    StoreUnsupportedError,
    build_index,
    extract_document,
    load_articles,
    load_index,
)
from index.backend import DocumentStore
from index.pg_store import _MIGRATIONS, SCHEMA_VERSION, PgStore, describe_url
from tests.conftest import ARTICLES
from tests.fakes import HashingEncoder
from tests.pg_fixtures import PgServer

pytestmark = pytest.mark.integration

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold.jsonl"


@pytest.fixture
def articles() -> list[Article]:
    return load_articles(ARTICLES).articles


@pytest.fixture
def store(pg_url: str, fake_encoder: HashingEncoder):
    store = PgStore(pg_url, fake_encoder)
    yield store
    store.close()


def _count(url: str, sql: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def test_add_search_update_remove(store: PgStore, articles: list[Article], fake_encoder: HashingEncoder) -> None:
    assert isinstance(store, DocumentStore)
    assert store.generation() == "0"
    first = store.add_documents(articles)
    assert sorted(first.added) == sorted(a.article_id for a in articles)
    assert first.n_chunks == store.chunk_count() > len(articles)
    assert first.generation == store.generation() == "1"

    again = store.add_documents(articles)
    assert sorted(again.unchanged) == sorted(a.article_id for a in articles)
    assert again.embedded_chunks == 0 and again.generation == "1"  # nothing written, no new generation

    hits = HybridRetriever(store, fake_encoder).search("Who co-founded Scale AI with Alexandr Wang?", k=3)
    assert hits and hits[0].chunk.article_id in store.articles()
    text = store.articles()[hits[0].chunk.article_id].text
    assert text[hits[0].chunk.start : hits[0].chunk.end] == hits[0].chunk.text

    changed = articles[0].model_copy(update={"text": "Zebrafish glow under quartz lamps.", "content_hash": "new"})
    update = store.add_documents([changed])
    assert update.updated == [changed.article_id] and update.generation == "2"
    assert store.articles()[changed.article_id].text == changed.text
    top = HybridRetriever(store, fake_encoder).search("zebrafish quartz lamps", k=1)
    assert top[0].chunk.article_id == changed.article_id

    removed = store.remove_documents([changed.article_id, "no-such-article"])
    assert removed.removed == [changed.article_id] and removed.generation == "3"
    assert changed.article_id not in store.articles()
    assert _count(store.url, f"SELECT count(*) FROM newsrag_chunks WHERE article_id = '{changed.article_id}'") == 0


def test_a_failed_write_leaves_the_last_committed_state(
    pg_url: str, articles: list[Article], fake_encoder: HashingEncoder
) -> None:
    class Poisoned(HashingEncoder):
        """NaN vectors for one article: pgvector refuses them in the middle of the chunk COPY."""

        def encode(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
            out = super().encode(texts)
            out[["nightshade" in t.lower() for t in texts]] = np.nan
            return out

    store = PgStore(pg_url, Poisoned())
    store.add_documents(articles[:2])
    before = (store.generation(), sorted(store.articles()), store.chunk_count())
    changed = articles[0].model_copy(update={"text": articles[0].text + " More.", "content_hash": "changed"})
    poisoned = articles[2].model_copy(update={"text": "Nightshade grows here. " + articles[2].text})
    with pytest.raises(IndexStoreError, match="refused adding articles"):
        store.add_documents([changed, *articles[3:], poisoned])
    assert (store.generation(), sorted(store.articles()), store.chunk_count()) == before
    assert store.articles()[articles[0].article_id].text == articles[0].text
    store.close()


def test_another_embedding_model_or_a_newer_schema_is_refused(pg_url: str, fake_encoder: HashingEncoder) -> None:
    PgStore(pg_url, fake_encoder).close()

    class Other(HashingEncoder):
        name = "fake/other-model"

    with pytest.raises(IndexMismatchError, match=r"built with embedding model 'fake/hashing-encoder', but 'fake/other"):
        PgStore(pg_url, Other())
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE newsrag_meta SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(IndexMismatchError, match=f"schema version {SCHEMA_VERSION + 1}"):
        PgStore(pg_url, fake_encoder)


def test_reset_empties_the_store(store: PgStore, articles: list[Article]) -> None:
    store.add_documents(articles)
    store.reset()
    assert store.articles() == {} and store.chunk_count() == 0 and store.generation() == "0"


def test_a_slow_database_is_bounded_by_the_statement_timeout(pg_url: str, fake_encoder: HashingEncoder) -> None:
    store = PgStore(pg_url, fake_encoder, statement_timeout_ms=200)
    store.add_documents([])
    locked, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        with psycopg.connect(pg_url) as conn, conn.transaction():
            conn.execute("LOCK TABLE newsrag_state IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release.wait(10)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    try:
        assert locked.wait(10)
        with pytest.raises(StoreTimeoutError, match="did not answer within 200 ms"):
            store.generation()
    finally:
        release.set()
        holder.join()
    assert store.generation() == "0"  # the next question gets a fresh connection
    store.close()


def test_database_down_is_a_clear_error_and_recovers(
    pg_server: PgServer, pg_url: str, articles: list[Article], fake_encoder: HashingEncoder
) -> None:
    store = PgStore(pg_url, fake_encoder, connect_timeout_s=1)
    store.add_documents(articles[:1])
    pg_server.stop()
    try:
        with pytest.raises(StoreUnavailableError, match=f"the database at {describe_url(pg_url)} is unavailable"):
            store.generation()
        with pytest.raises(StoreUnavailableError):  # and stays a clear error, not a broken connection object
            HybridRetriever(store, fake_encoder).search("Scale AI")
    finally:
        pg_server.start()
    assert store.generation() == "1"
    assert HybridRetriever(store, fake_encoder).search("Scale AI", k=2)
    store.close()


def test_the_file_store_refuses_live_edits(real_index) -> None:
    store = FileStore(real_index)
    assert isinstance(store, DocumentStore)
    with pytest.raises(StoreUnsupportedError, match="rag index"):
        store.remove_documents(["x"])


def _upload(text: str, title: str) -> tuple[Article, DocumentRecord]:
    article, extracted = extract_document("note.txt", text.encode(), title=title)
    record = DocumentRecord(
        document_id=article.article_id,
        title=article.title,
        filename="note.txt",
        format=extracted.format,
        size_bytes=len(text),
        chars=len(article.text),
        n_chunks=0,
        added_at="2026-11-30T12:00:00Z",
        content_hash=article.content_hash,
        source="Marmot Gazette",
    )
    return article, record


def test_uploaded_documents_are_added_listed_and_removed_in_one_transaction(
    store: PgStore, articles: list[Article], fake_encoder: HashingEncoder
) -> None:
    store.add_documents(articles)
    chunks_before = store.chunk_count()
    article, record = _upload("Quillon Brevard founded the Marmot Observatory. It opened on Monday.", "Marmot")
    added = store.add_document(article, record)
    assert added.changed and added.document.n_chunks >= 1 and added.generation == store.generation() == "2"
    assert store.documents() == {article.article_id: added.document}
    assert store.documents()[article.article_id].source == "Marmot Gazette"
    assert store.chunk_count() == chunks_before + added.document.n_chunks == added.n_chunks
    again = store.add_document(article, record)
    assert not again.changed and again.generation == "2"  # the same content: nothing written
    taken = article.model_copy(update={"article_id": articles[0].article_id})
    with pytest.raises(IndexMismatchError, match="already taken"):
        store.add_document(taken, record.model_copy(update={"document_id": taken.article_id}))
    hits = HybridRetriever(store, fake_encoder).search("Quillon Brevard Marmot Observatory", k=1)
    assert hits[0].chunk.article_id == article.article_id

    removed = store.remove_document(article.article_id)
    assert removed is not None and removed.generation == "3" and removed.n_chunks == chunks_before
    assert store.documents() == {} and article.article_id not in store.articles()
    assert store.remove_document(article.article_id) is None
    # The BM25 statistics lost the document's words with it.
    assert _count(store.url, "SELECT count(*) FROM newsrag_lexemes WHERE lexeme = 'quillon' AND df > 0") == 0
    # A folder article is not an uploaded document: it cannot be removed as one.
    assert store.remove_document(articles[0].article_id) is None


def test_both_stores_answer_only_from_the_allowed_articles(
    store: PgStore, articles: list[Article], fake_encoder: HashingEncoder, tmp_path: Path
) -> None:
    store.add_documents(articles)
    build_index(ARTICLES, tmp_path / "index", fake_encoder)
    on_files = load_index(tmp_path / "index", embedding_model=fake_encoder.name)
    query = "RM42.34 billion"
    for backend in (store, on_files):
        retriever = HybridRetriever(backend, fake_encoder)
        best = retriever.search(query, k=1)[0].chunk.article_id
        others = {a.article_id for a in articles} - {best}
        allowed = {sorted(others)[0]}
        hits = retriever.search(query, k=4, allowed=allowed)
        assert hits and {h.chunk.article_id for h in hits} == allowed
        assert retriever.search(query, k=4, allowed=set()) == []
        assert retriever.search(query, k=4, allowed={"no-such-article"}) == []
    # Filtered in SQL: the lexical side holds only the allowed article's chunks even where others match better.
    vec = fake_encoder.encode([query])[0]
    found = store.candidates(vec, query, 50, dense=True, lexical=True, allowed=allowed)
    rows = store.rows([d for d, _ in found.dense + found.lexical])
    assert found.dense and {c.article_id for c in rows.chunks.values()} == allowed


def test_a_version_1_database_is_migrated_to_the_current_schema(pg_url: str, fake_encoder: HashingEncoder) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE newsrag_meta (key text PRIMARY KEY, value text NOT NULL)")
        for statement in _MIGRATIONS[1]:
            conn.execute(statement.replace("{dim}", str(fake_encoder.dimension)))
        conn.execute(
            "INSERT INTO newsrag_meta VALUES ('schema_version', '1'), ('embedding_model', %s), ('embedding_dim', %s)",
            (fake_encoder.name, str(fake_encoder.dimension)),
        )
    store = PgStore(pg_url, fake_encoder)
    assert _count(pg_url, "SELECT value::int FROM newsrag_meta WHERE key = 'schema_version'") == SCHEMA_VERSION == 2
    assert store.documents() == {}
    store.close()


def test_lexical_side_matches_any_word_and_exact_figures(store: PgStore, articles: list[Article]) -> None:
    store.add_documents(articles)
    vec = np.zeros(store.embedder.dimension, dtype=np.float32)
    exact = store.candidates(vec, "RM42.34 billion", 5, dense=False, lexical=True)
    assert exact.dense == [] and exact.lexical
    assert "RM42.34 billion" in store.rows([exact.lexical[0][0]]).chunks[exact.lexical[0][0]].text
    # One word of the question that occurs nowhere does not empty the lexical side (OR, not AND).
    assert store.candidates(vec, "zyzzyva Alexandr Wang", 5, dense=False, lexical=True).lexical
    assert store.candidates(vec, "the of and", 5, dense=False, lexical=True).lexical == []  # stop words only


def test_urls_in_messages_carry_no_password() -> None:
    assert describe_url("postgresql://u:secret@db.example:5433/news") == "postgresql://db.example:5433/news"


def _figures(retriever: HybridRetriever) -> tuple[float, float]:
    items = [item for item in load_gold(GOLD) if item.answerable and item.sources]
    recall, mrr = [], []
    for item in items:
        retrieved = [hit.chunk.article_id for hit in retriever.search(item.question, k=5)]
        recall.append(recall_at_k(retrieved, item.sources, 5))
        mrr.append(reciprocal_rank(retrieved, item.sources))
    return float(np.mean(recall)), float(np.mean(mrr))


class _Memo:
    """The real embedder, remembering every text: both stores then see identical vectors, embedded once."""

    def __init__(self, real, index) -> None:
        self._real = real
        self.name, self.dimension = real.name, real.dimension
        self._seen = {c.text: v for c, v in zip(index.chunks, index.vectors, strict=True)}

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if todo:
            self._seen.update(zip(todo, self._real.encode(todo), strict=True))
        return np.stack([self._seen[t] for t in texts])


def test_gold_set_parity_with_faiss_and_bm25(pg_url: str, real_embedder, real_index) -> None:
    memo = _Memo(real_embedder, real_index)
    store = PgStore(pg_url, memo)
    store.add_documents(list(real_index.articles.values()))
    pg_recall, pg_mrr = _figures(HybridRetriever(store, memo))
    file_recall, file_mrr = _figures(HybridRetriever(real_index, memo))
    store.close()
    print(f"recall@5 {pg_recall:.3f} vs {file_recall:.3f}; MRR {pg_mrr:.3f} vs {file_mrr:.3f}")
    # No worse than FAISS + BM25 by more than 0.02. It may be better: its BM25 counts distinct lexemes
    # (PostgreSQL's English parser and stemmer) where bm25s counts tokens; measured 0.938 vs 0.911 recall@5.
    assert pg_recall >= file_recall - 0.02
    assert pg_mrr >= file_mrr - 0.02
