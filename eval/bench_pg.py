"""PostgreSQL + pgvector against FAISS + BM25 on the same synthetic chunks (as ``eval.bench_retrieval``).

Run with ``python -m eval.bench_pg --chunks 100000`` (needs the ``postgres`` extra; starts a throwaway
PostgreSQL with pgserver in a temporary directory). Prints ingest rate, hybrid search p50/p95 (query embedding
included, as a user sees it) and memory of each process; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from eval.bench_retrieval import QUERIES, _latencies, _report, _rss_mb, _synthetic
from index import Article, Embedder, HybridRetriever, build_index, load_index


def _postgres_rss_mb(pid: int) -> float:
    """Resident memory of the postmaster and its backends (shared buffers are counted in each: an upper bound)."""
    import psutil

    root = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=Path, default=Path("data/articles"))
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=10_000, help="chunks per ingest transaction")
    args = parser.parse_args()

    import pgserver

    from index.pg_store import PgStore

    embedder = Embedder()
    embedder.encode(["warm up"])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "index"
        build_index(args.articles, root, embedder, rebuild=True)
        base = load_index(root)
    big = _synthetic(base, args.chunks)
    print(f"FAISS+BM25 process RSS with {args.chunks} chunks loaded: {_rss_mb():.0f} MB")
    _report(
        f"FAISS+BM25 {args.chunks} chunks (hybrid, {big.manifest.faiss_type}, k=5)",
        _latencies(HybridRetriever(big, embedder), args.rounds),
    )

    pgdata = Path(tempfile.mkdtemp(prefix="newsrag-bench-pg-"))
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    try:
        store = PgStore(server.get_uri(), embedder, statement_timeout_ms=600_000)
        by_article: dict[str, list[int]] = {}
        for row, chunk in enumerate(big.chunks):
            by_article.setdefault(chunk.article_id, []).append(row)
        ids = sorted(by_article)
        started = time.perf_counter()
        done = 0
        for start in range(0, len(ids), max(1, len(ids) * args.batch // args.chunks)):
            group = ids[start : start + max(1, len(ids) * args.batch // args.chunks)]
            rows = [r for a in group for r in by_article[a]]
            articles = [
                Article(
                    article_id=a, title=a, text=" ".join(big.chunks[r].text for r in by_article[a][:1]), content_hash=a
                )
                for a in group
            ]
            store.add_embedded(articles, [big.chunks[r] for r in rows], big.vectors[rows])
            done += len(rows)
            elapsed = time.perf_counter() - started
            print(f"  ingested {done} chunks in {elapsed:.0f} s ({done / elapsed:.0f} chunks/s)", flush=True)
        seconds = time.perf_counter() - started
        print(
            f"PostgreSQL ingest (COPY, HNSW + GIN maintained): {done} chunks in {seconds:.0f} s "
            f"({done / seconds:.0f} chunks/s)"
        )
        with store._errors("sizing"):
            size = store._conn().execute("SELECT pg_database_size(current_database())").fetchone()
        print(f"database size: {int(size[0]) / 2**20:.0f} MB" if size else "database size: unknown")
        retriever = HybridRetriever(store, embedder)
        _report(
            f"PostgreSQL {done} chunks (hybrid, pgvector HNSW + BM25 in SQL, k=5)", _latencies(retriever, args.rounds)
        )
        t = time.perf_counter()
        embedder.encode(QUERIES * 5)
        print(f"  of which query embedding: {(time.perf_counter() - t) * 1000 / (len(QUERIES) * 5):.1f} ms/query")
        overlap = []
        for q in QUERIES:
            a = {h.chunk.chunk_id for h in HybridRetriever(big, embedder).search(q, k=5)}
            b = {h.chunk.chunk_id for h in retriever.search(q, k=5)}
            overlap.append(len(a & b) / 5)
        print(f"top-5 overlap PostgreSQL vs FAISS+BM25: {np.mean(overlap):.2f}")
        pid = server.get_pid()
        print(
            f"PostgreSQL processes RSS (upper bound): {_postgres_rss_mb(pid) if pid else 0:.0f} MB; "
            f"benchmark process RSS: {_rss_mb():.0f} MB"
        )
        store.close()
    finally:
        server.cleanup()
        shutil.rmtree(pgdata, ignore_errors=True)


if __name__ == "__main__":
    main()
