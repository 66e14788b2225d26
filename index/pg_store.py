"""The shared store: PostgreSQL with pgvector, for several API replicas and collections beyond one machine.

Chunks carry their vector (``vector(dim)``, HNSW, inner product on unit vectors = cosine) and a generated
``tsvector`` (GIN; ranked by BM25 computed in SQL) in one table, so one statement returns both sides of hybrid
search; ``index.retriever`` fuses them exactly as for the file store. Every write is one transaction that also
bumps ``newsrag_state.generation``: replicas compare it between questions, and a crash mid-ingest leaves the
last committed state. Uploaded documents (``add_document``) keep their upload record in ``newsrag_documents``.
The schema is versioned in ``newsrag_meta`` and migrated here, under an advisory lock so
that replicas starting together do not race.

Needs the ``postgres`` extra (psycopg 3, pgvector). psycopg errors are turned into ``StoreUnavailableError`` /
``StoreTimeoutError`` where they enter (``_errors``), so callers only see the index package's exceptions.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit

import numpy as np

from index._exceptions import IndexMismatchError, IndexStoreError, StoreTimeoutError, StoreUnavailableError
from index.backend import Candidates, ChunkRows, StoreChange
from index.chunking import ChunkerConfig, chunk_article
from index.cleaning import CLEANER_VERSION
from index.embedding import TextEncoder
from index.models import Article, Chunk
from index.store import DocumentChange, DocumentRecord

try:
    import psycopg
    from pgvector.psycopg import register_vector
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("RAG_DATABASE_URL needs the PostgreSQL extra: pip install 'newsrag[postgres]'") from exc

__all__ = ["SCHEMA_VERSION", "PgStore", "describe_url"]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
LEXICAL_MAX_DF = 0.1
LEXICAL_DF_FLOOR = 1000
_LOCK_KEY = 0x6E657773  # advisory lock id for migrations ("news")
_MIGRATION_TIMEOUT_MS = 600_000
T = TypeVar("T")

# Each version's statements; ``{dim}`` is the embedding dimension fixed when the schema is first created.
_MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE EXTENSION IF NOT EXISTS vector",
        """CREATE TABLE newsrag_articles (
            article_id text PRIMARY KEY,
            title text NOT NULL,
            date text,
            text text NOT NULL,
            source text NOT NULL DEFAULT '',
            content_hash text NOT NULL,
            added_at timestamptz NOT NULL DEFAULT now())""",
        """CREATE TABLE newsrag_chunks (
            id bigserial PRIMARY KEY,
            chunk_id text NOT NULL UNIQUE,
            article_id text NOT NULL REFERENCES newsrag_articles ON DELETE CASCADE,
            title text NOT NULL,
            date text,
            start_offset integer NOT NULL,
            end_offset integer NOT NULL,
            text text NOT NULL,
            embedding vector({dim}) NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED)""",
        "CREATE INDEX newsrag_chunks_article ON newsrag_chunks (article_id)",
        "CREATE INDEX newsrag_chunks_tsv ON newsrag_chunks USING gin (tsv)",
        "CREATE INDEX newsrag_chunks_hnsw ON newsrag_chunks USING hnsw (embedding vector_ip_ops) "
        "WITH (m = 16, ef_construction = 64)",
        "CREATE TABLE newsrag_lexemes (lexeme text PRIMARY KEY, df integer NOT NULL)",
        """CREATE TABLE newsrag_state (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            generation bigint NOT NULL,
            chunks bigint NOT NULL DEFAULT 0,
            total_length bigint NOT NULL DEFAULT 0)""",
        "INSERT INTO newsrag_state (generation) VALUES (0)",
    ],
    # Uploaded documents (POST /documents): what was sent and when; the text is its article's, and the row goes
    # with it (ON DELETE CASCADE).
    2: [
        """CREATE TABLE newsrag_documents (
            document_id text PRIMARY KEY REFERENCES newsrag_articles ON DELETE CASCADE,
            record jsonb NOT NULL)""",
    ],
}

# BM25 (k1 = 1.5, b = 0.75, as bm25s for the file store) over the GIN matches: ts_rank_cd has no IDF, so a
# rare exact figure ("RM42.34") lost to a passage repeating a common word ("billion"); document frequencies
# live in newsrag_lexemes.
# Any word of the question may match (OR), from PostgreSQL's own parser so "RM42.34" is one lexeme on both sides.
# Words in more than LEXICAL_MAX_DF of the chunks (and over LEXICAL_DF_FLOOR of them) are left out of the
# match: their IDF is near zero, and scoring every chunk they match cost 0.5 s at 20,000 chunks (41 ms without).
_SEARCH = """
WITH stats AS (
    SELECT greatest(chunks, 1)::float8 AS n, greatest(total_length::float8 / greatest(chunks, 1), 1) AS avgdl
    FROM newsrag_state),
terms AS (
    SELECT l.lexeme, ln(1 + (s.n - l.df + 0.5) / (l.df + 0.5)) AS idf FROM newsrag_lexemes l, stats s
    WHERE %(use_lexical)s AND l.lexeme = ANY(tsvector_to_array(to_tsvector('english', %(query)s)))
      AND l.df > 0 AND l.df <= greatest(%(df_floor)s, s.n * %(max_df)s)),
tsq AS (SELECT CAST(coalesce(string_agg(quote_literal(lexeme), ' | '), '') AS tsquery) AS q FROM terms),
dense AS ({dense}),
matches AS (
    SELECT c.id, c.tsv FROM newsrag_chunks c, tsq WHERE %(use_lexical)s AND c.tsv @@ tsq.q {lexical_filter}),
lexical AS (
    SELECT m.id, sum(t.idf * u.tf * 2.5 / (u.tf + 1.5 * (0.25 + 0.75 * length(m.tsv) / s.avgdl))) AS score
    FROM matches m
    CROSS JOIN LATERAL (SELECT lexeme, coalesce(array_length(positions, 1), 1) AS tf FROM unnest(m.tsv)) u
    JOIN terms t ON t.lexeme = u.lexeme
    CROSS JOIN stats s
    GROUP BY m.id ORDER BY score DESC, m.id LIMIT %(n)s)
SELECT 0 AS side, id, score FROM dense
UNION ALL
SELECT 1 AS side, id, score FROM lexical
"""
# Without a filter the HNSW index answers the dense side. With one (``/ask`` filters: dates, sources) an
# approximate scan would filter its ef_search rows afterwards and could keep none, so the allowed articles'
# chunks are ranked exactly (their article_id index finds them; ``+ 0`` keeps the planner off HNSW).
_SEARCH_ALL = _SEARCH.replace(
    "{dense}",
    "SELECT id, -(embedding <#> %(vec)s) AS score FROM newsrag_chunks "
    "WHERE %(use_dense)s ORDER BY embedding <#> %(vec)s LIMIT %(n)s",
).replace("{lexical_filter}", "")
_SEARCH_ALLOWED = _SEARCH.replace(
    "{dense}",
    "SELECT id, -(embedding <#> %(vec)s) AS score FROM newsrag_chunks "
    "WHERE %(use_dense)s AND article_id = ANY(%(allowed)s) ORDER BY (embedding <#> %(vec)s) + 0 LIMIT %(n)s",
).replace("{lexical_filter}", "AND c.article_id = ANY(%(allowed)s)")


def describe_url(url: str) -> str:
    """``postgresql://host:port/db`` without user or password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


class PgStore:
    """A ``DocumentStore`` in PostgreSQL; thread-safe (one connection per thread, re-opened after a failure)."""

    def __init__(
        self,
        url: str,
        embedder: TextEncoder,
        config: ChunkerConfig | None = None,
        *,
        statement_timeout_ms: int = 5000,
        connect_timeout_s: float = 3.0,
        ef_search: int = 100,
        create: bool = True,
    ):
        self.url = url
        self.embedder = embedder
        self.config = config or ChunkerConfig()
        self.statement_timeout_ms = statement_timeout_ms
        self.connect_timeout_s = connect_timeout_s
        self.ef_search = ef_search
        self._local = threading.local()
        self._connections: list[psycopg.Connection[Any]] = []
        self._registry = threading.Lock()
        self._ready = False
        if create:
            self.migrate()

    # -- connections and errors -------------------------------------------------------------------

    @property
    def location(self) -> str:
        return describe_url(self.url)

    @property
    def embedding_model(self) -> str:
        return self.embedder.name

    def _connect(self) -> psycopg.Connection[Any]:
        conn = psycopg.connect(
            self.url,
            autocommit=True,
            connect_timeout=max(1, round(self.connect_timeout_s)),
            options=f"-c statement_timeout={self.statement_timeout_ms}",
        )
        if self._ready:
            register_vector(conn)
            # HNSW returns at most ef_search rows: keep it above the candidate count.
            conn.execute(f"SET hnsw.ef_search = {int(self.ef_search)}")
        with self._registry:
            self._connections.append(conn)
        return conn

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """psycopg's failures enter the index package's exception tree here."""
        try:
            yield
        except psycopg.errors.QueryCanceled as exc:
            self._drop()
            raise StoreTimeoutError(
                f"the database at {self.location} did not answer within {self.statement_timeout_ms} ms "
                f"while {doing} (RAG_DATABASE_TIMEOUT_MS)"
            ) from exc
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            self._drop()
            reason = _first_line(exc)
            raise StoreUnavailableError(
                f"the database at {self.location} is unavailable while {doing}: {reason}"
            ) from exc
        except psycopg.Error as exc:  # refused data or SQL: the transaction rolled back, nothing was written
            raise IndexStoreError(f"the database at {self.location} refused {doing}: {_first_line(exc)}") from exc

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with self._registry:
                if conn in self._connections:
                    self._connections.remove(conn)
            conn.close()

    def _conn(self) -> psycopg.Connection[Any]:
        conn: psycopg.Connection[Any] | None = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def _run(self, doing: str, fn: Callable[[psycopg.Connection[Any]], T]) -> T:
        with self._errors(doing):
            return fn(self._conn())

    def close(self) -> None:
        """Close every connection this store opened (in any thread)."""
        with self._registry:
            conns, self._connections = self._connections, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    # -- schema -----------------------------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the schema; refuse a database built with another model or a newer schema."""
        if self._schema_is_current():
            # The usual start: nothing to write, so no lock that replicas starting together would queue on.
            self._ready = True
            self._drop()
            return

        def apply(conn: psycopg.Connection[Any]) -> None:
            with conn.transaction():
                # Waiting for another replica's migration, or building an index, may take longer than a query.
                conn.execute(f"SET LOCAL statement_timeout = {_MIGRATION_TIMEOUT_MS}")
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                conn.execute("CREATE TABLE IF NOT EXISTS newsrag_meta (key text PRIMARY KEY, value text NOT NULL)")
                meta = dict(conn.execute("SELECT key, value FROM newsrag_meta").fetchall())
                version = int(meta.get("schema_version", 0))
                if version > SCHEMA_VERSION:
                    raise IndexMismatchError(
                        f"index at {self.location} has schema version {version}, this version reads "
                        f"{SCHEMA_VERSION}; upgrade newsrag"
                    )
                if version and meta.get("embedding_model") != self.embedder.name:
                    raise IndexMismatchError(
                        f"index at {self.location} was built with embedding model {meta.get('embedding_model')!r}, "
                        f"but {self.embedder.name!r} is configured; run `rag index --rebuild`"
                    )
                dim = int(meta.get("embedding_dim", self.embedder.dimension))
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[step]:
                        conn.execute(statement.replace("{dim}", str(dim)))
                    log.info("database %s migrated to schema version %d", self.location, step)
                values = {
                    "schema_version": str(SCHEMA_VERSION),
                    "embedding_model": self.embedder.name,
                    "embedding_dim": str(dim),
                    "chunker": self._chunker_json(),
                }
                for key, value in values.items():
                    conn.execute(
                        "INSERT INTO newsrag_meta (key, value) VALUES (%s, %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (key, value),
                    )

        self._run("creating the schema", apply)
        self._ready = True
        self._drop()  # the next connection registers the vector type, which exists now

    def _schema_is_current(self) -> bool:
        """Whether the database is at this schema version and built with this embedding model."""

        def read(conn: psycopg.Connection[Any]) -> dict[str, str]:
            if _one(conn.execute("SELECT to_regclass('newsrag_meta') IS NOT NULL").fetchone()) is not True:
                return {}
            return dict(conn.execute("SELECT key, value FROM newsrag_meta").fetchall())

        meta = self._run("reading the schema version", read)
        return meta.get("schema_version") == str(SCHEMA_VERSION) and meta.get("embedding_model") == self.embedder.name

    def reset(self) -> None:
        """Drop every table of ours (``rag index --rebuild``); the schema is created again at once."""

        def drop(conn: psycopg.Connection[Any]) -> None:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                conn.execute(
                    "DROP TABLE IF EXISTS newsrag_documents, newsrag_chunks, newsrag_articles, newsrag_lexemes, "
                    "newsrag_state, newsrag_meta CASCADE"
                )

        self._ready = False
        self._run("dropping the index", drop)
        self._drop()
        self.migrate()

    def _chunker_json(self) -> str:
        return json.dumps(
            {
                "chunk_tokens": self.config.chunk_tokens,
                "overlap_sentences": self.config.overlap_sentences,
                "cleaner_version": CLEANER_VERSION,
            },
            sort_keys=True,
        )

    # -- reads ------------------------------------------------------------------------------------

    def generation(self) -> str:
        return str(
            self._run(
                "reading the generation",
                lambda c: _one(c.execute("SELECT generation FROM newsrag_state").fetchone()),
            )
        )

    def check(self) -> None:
        self.generation()

    def articles(self) -> dict[str, Article]:
        rows = self._run(
            "listing articles",
            lambda c: c.execute(
                "SELECT article_id, title, date, text, source, content_hash FROM newsrag_articles ORDER BY article_id"
            ).fetchall(),
        )
        return {
            r[0]: Article(article_id=r[0], title=r[1], date=r[2], text=r[3], source=r[4], content_hash=r[5])
            for r in rows
        }

    def chunk_count(self) -> int:
        return int(
            self._run("counting chunks", lambda c: _one(c.execute("SELECT count(*) FROM newsrag_chunks").fetchone()))
        )

    def documents(self) -> dict[str, DocumentRecord]:
        rows = self._run("listing documents", lambda c: c.execute("SELECT record FROM newsrag_documents").fetchall())
        records = (DocumentRecord.model_validate(r[0]) for r in rows)
        return {r.document_id: r for r in records}

    def candidates(
        self,
        query_vec: np.ndarray,
        query: str,
        n: int,
        *,
        dense: bool,
        lexical: bool,
        allowed: set[str] | None = None,
    ) -> Candidates:
        if allowed is not None and not allowed:
            return Candidates([], [])
        params: dict[str, Any] = {
            "vec": np.asarray(query_vec, dtype=np.float32),
            "n": n,
            "query": query,
            "use_dense": dense,
            "use_lexical": lexical,
            "max_df": LEXICAL_MAX_DF,
            "df_floor": LEXICAL_DF_FLOOR,
            "allowed": sorted(allowed or ()),
        }
        sql = _SEARCH_ALL if allowed is None else _SEARCH_ALLOWED
        rows = self._run("searching", lambda c: c.execute(sql, params).fetchall())
        return Candidates(
            dense=[(int(i), float(s)) for side, i, s in rows if side == 0],
            lexical=[(int(i), float(s)) for side, i, s in rows if side == 1 and s > 0],
        )

    def rows(self, ids: Sequence[int]) -> ChunkRows:
        found = self._run(
            "reading chunks",
            lambda c: c.execute(
                "SELECT id, chunk_id, article_id, title, date, start_offset, end_offset, text, embedding "
                "FROM newsrag_chunks WHERE id = ANY(%s)",
                (list(ids),),
            ).fetchall(),
        )
        chunks: dict[int, Chunk] = {}
        vectors: dict[int, np.ndarray] = {}
        for row in found:
            chunks[row[0]] = Chunk(
                chunk_id=row[1], article_id=row[2], title=row[3], date=row[4], start=row[5], end=row[6], text=row[7]
            )
            vectors[row[0]] = _array(row[8])
        return ChunkRows(chunks=chunks, vectors=vectors)

    # -- writes -----------------------------------------------------------------------------------

    def add_documents(self, articles: Sequence[Article], *, batch: int = 64) -> StoreChange:
        started = time.perf_counter()
        change = StoreChange()
        articles = list({a.article_id: a for a in articles}.values())  # a repeated id: the last one wins
        ids = [a.article_id for a in articles]
        known: dict[str, str] = dict(
            self._run(
                "reading article hashes",
                lambda c: c.execute(
                    "SELECT article_id, content_hash FROM newsrag_articles WHERE article_id = ANY(%s)", (ids,)
                ).fetchall(),
            )
        )
        todo: list[Article] = []
        for article in articles:
            previous = known.get(article.article_id)
            if previous == article.content_hash:
                change.unchanged.append(article.article_id)
                continue
            (change.updated if previous else change.added).append(article.article_id)
            todo.append(article)
        chunks = [chunk for article in todo for chunk in chunk_article(article, self.config)]
        # Embedding happens before the transaction opens: the database is locked only for the writes.
        vectors = [self.embedder.encode([c.text for c in chunks[i : i + batch]]) for i in range(0, len(chunks), batch)]
        matrix = np.concatenate(vectors).astype(np.float32) if vectors else np.zeros((0, self.embedder.dimension))

        if todo:
            change.generation = self.add_embedded(todo, chunks, matrix)
        else:
            change.generation = self.generation()
        change.embedded_chunks = len(chunks)
        change.n_chunks = self.chunk_count()
        change.seconds = time.perf_counter() - started
        return change

    def add_embedded(
        self,
        articles: Sequence[Article],
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        documents: Sequence[DocumentRecord] = (),
    ) -> str:
        """Replace ``articles`` with these chunks and vectors (and the upload records of those that are uploaded
        documents) in one transaction; the new generation."""
        todo = articles
        matrix = np.asarray(vectors, dtype=np.float32)

        def write(conn: psycopg.Connection[Any]) -> str:
            with conn.transaction():
                generation = _one(
                    conn.execute("UPDATE newsrag_state SET generation = generation + 1 RETURNING generation").fetchone()
                )
                if todo:
                    ids = [a.article_id for a in todo]
                    _count_lexemes(conn, ids, -1)
                    conn.execute("DELETE FROM newsrag_articles WHERE article_id = ANY(%s)", (ids,))
                    with conn.cursor() as cur:
                        cur.executemany(
                            "INSERT INTO newsrag_articles (article_id, title, date, text, source, content_hash) "
                            "VALUES (%s, %s, %s, %s, %s, %s)",
                            [(a.article_id, a.title, a.date, a.text, a.source, a.content_hash) for a in todo],
                        )
                        with cur.copy(
                            "COPY newsrag_chunks (chunk_id, article_id, title, date, start_offset, end_offset, text, "
                            "embedding) FROM STDIN"
                        ) as copy:
                            for chunk, vector in zip(chunks, matrix, strict=True):
                                copy.write_row(
                                    (
                                        chunk.chunk_id,
                                        chunk.article_id,
                                        chunk.title,
                                        chunk.date,
                                        chunk.start,
                                        chunk.end,
                                        chunk.text,
                                        vector,
                                    )
                                )
                        if documents:
                            cur.executemany(
                                "INSERT INTO newsrag_documents (document_id, record) VALUES (%s, %s::jsonb)",
                                [(d.document_id, d.model_dump_json()) for d in documents],
                            )
                    _count_lexemes(conn, ids, +1)
                return str(generation)

        return self._run("adding articles", write)

    def remove_documents(self, article_ids: Sequence[str]) -> StoreChange:
        started = time.perf_counter()

        def delete(conn: psycopg.Connection[Any]) -> tuple[str, list[str]]:
            with conn.transaction():
                generation = _one(
                    conn.execute("UPDATE newsrag_state SET generation = generation + 1 RETURNING generation").fetchone()
                )
                _count_lexemes(conn, list(article_ids), -1)
                gone = [
                    r[0]
                    for r in conn.execute(
                        "DELETE FROM newsrag_articles WHERE article_id = ANY(%s) RETURNING article_id",
                        (list(article_ids),),
                    ).fetchall()
                ]
                return str(generation), sorted(gone)

        generation, gone = self._run("removing articles", delete)
        return StoreChange(
            removed=gone, generation=generation, n_chunks=self.chunk_count(), seconds=time.perf_counter() - started
        )

    def add_document(self, article: Article, record: DocumentRecord) -> DocumentChange:
        """Add one uploaded document in one transaction: only its chunks are embedded (before it opens)."""
        found = self._run(
            "reading the document",
            lambda c: c.execute(
                "SELECT d.record FROM newsrag_articles a LEFT JOIN newsrag_documents d ON d.document_id = a.article_id "
                "WHERE a.article_id = %s",
                (article.article_id,),
            ).fetchone(),
        )
        if found is not None:
            if found[0] is None:
                raise IndexMismatchError(f"document id {article.article_id!r} is already taken by an indexed article")
            existing = DocumentRecord.model_validate(found[0])
            return DocumentChange(existing, changed=False, generation=self.generation(), n_chunks=self.chunk_count())
        started = time.perf_counter()
        chunks = chunk_article(article, self.config)
        vectors = self.embedder.encode([c.text for c in chunks]).astype(np.float32)
        embed_s = time.perf_counter() - started
        started = time.perf_counter()
        record = record.model_copy(update={"n_chunks": len(chunks), "chars": len(article.text)})
        generation = self.add_embedded([article], chunks, vectors, documents=[record])
        return DocumentChange(
            record,
            changed=True,
            generation=generation,
            embed_s=embed_s,
            write_s=time.perf_counter() - started,
            n_chunks=self.chunk_count(),
        )

    def remove_document(self, document_id: str) -> DocumentChange | None:
        """Remove an uploaded document: its text, chunks, vectors and lexical statistics, in one transaction."""
        started = time.perf_counter()

        def delete(conn: psycopg.Connection[Any]) -> tuple[str, DocumentRecord] | None:
            with conn.transaction():
                row = conn.execute(
                    "SELECT record FROM newsrag_documents WHERE document_id = %s FOR UPDATE", (document_id,)
                ).fetchone()
                if row is None:
                    return None
                generation = _one(
                    conn.execute("UPDATE newsrag_state SET generation = generation + 1 RETURNING generation").fetchone()
                )
                _count_lexemes(conn, [document_id], -1)
                conn.execute("DELETE FROM newsrag_articles WHERE article_id = %s", (document_id,))
                return str(generation), DocumentRecord.model_validate(row[0])

        done = self._run("removing a document", delete)
        if done is None:
            return None
        generation, record = done
        return DocumentChange(
            record,
            changed=True,
            generation=generation,
            write_s=time.perf_counter() - started,
            n_chunks=self.chunk_count(),
        )


def _count_lexemes(conn: psycopg.Connection[Any], article_ids: list[str], sign: int) -> None:
    """Add (+1) or take away (-1) these articles' chunks in the BM25 statistics; inside the write's transaction."""
    conn.execute(
        "INSERT INTO newsrag_lexemes (lexeme, df) "
        "SELECT u.lexeme, %s * count(*) FROM newsrag_chunks c, unnest(c.tsv) u WHERE c.article_id = ANY(%s) "
        "GROUP BY u.lexeme ON CONFLICT (lexeme) DO UPDATE SET df = newsrag_lexemes.df + EXCLUDED.df",
        (sign, article_ids),
    )
    conn.execute(
        "UPDATE newsrag_state SET chunks = chunks + %s * s.n, total_length = total_length + %s * s.len "
        "FROM (SELECT count(*) AS n, coalesce(sum(length(tsv)), 0) AS len FROM newsrag_chunks "
        "WHERE article_id = ANY(%s)) s",
        (sign, sign, article_ids),
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _array(value: Any) -> np.ndarray:
    # pgvector >= 0.4 hands back its ``Vector``; older versions a numpy array.
    return np.asarray(value.to_numpy() if hasattr(value, "to_numpy") else value, dtype=np.float32)


def _one(row: tuple[Any, ...] | None) -> Any:
    if row is None:
        raise StoreUnavailableError("the database returned no row where one was expected")
    return row[0]
