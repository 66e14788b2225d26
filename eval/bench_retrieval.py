"""Retrieval benchmark: index build speed on the corpus, search latency on it and on 100k synthetic chunks.

Run with ``make bench`` (or ``python -m eval.bench_retrieval --chunks 100000``). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from index import Chunk, Embedder, HybridRetriever, LoadedIndex, build_index, load_index
from index.lexical import LexicalIndex
from index.store import Manifest, choose_faiss_type, make_faiss_index

QUERIES = [
    "Who co-founded Scale AI with Alexandr Wang?",
    "How much could Meta invest in Scale AI?",
    "RM42.34 billion",
    "What was Scale AI's revenue last year?",
    "Defense Llama military model",
    "Why is the investment unusual for Meta?",
    "valuation of Scale AI in 2024",
    "Anduril helmet partnership",
    "superintelligence research lab",
    "Department of Labor investigation",
]


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latencies(retriever: HybridRetriever, rounds: int) -> list[float]:
    for q in QUERIES:  # warm-up
        retriever.search(q, k=5)
    out = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            retriever.search(q, k=5)
            out.append((time.perf_counter() - t) * 1000)
    return out


def _report(label: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    print(f"{label}: n={len(ms)} p50={statistics.median(ms):.1f} ms p95={p95:.1f} ms max={ms[-1]:.1f} ms")


def _synthetic(base: LoadedIndex, n: int, seed: int = 0) -> LoadedIndex:
    """``n`` chunks made by recombining real sentences, with vectors near the real ones."""
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    words = [w for c in base.chunks for w in c.text.split()]
    chunks, rows = [], []
    for i in range(n):
        j = rng.randrange(len(base.chunks))
        src = base.chunks[j]
        extra = " ".join(rng.choice(words) for _ in range(20))
        text = f"{src.text} {extra} item{i}"
        chunks.append(src.model_copy(update={"chunk_id": f"syn#{i}", "article_id": f"syn{i % 5000}", "text": text}))
        rows.append(j)
    vectors = base.vectors[rows] + nprng.normal(0, 0.05, size=(n, base.vectors.shape[1])).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    kind = choose_faiss_type(n, flat_max=50_000)
    t = time.perf_counter()
    dense = make_faiss_index(vectors.astype(np.float32), kind)
    t_faiss = time.perf_counter() - t
    t = time.perf_counter()
    lexical = LexicalIndex.build([c.text for c in chunks])
    t_bm25 = time.perf_counter() - t
    print(f"synthetic corpus: {n} chunks, FAISS {kind} built in {t_faiss:.1f} s, BM25 in {t_bm25:.1f} s")
    manifest = Manifest(**{**base.manifest.model_dump(), "n_chunks": n, "faiss_type": kind})
    return LoadedIndex(
        path=base.path,
        manifest=manifest,
        articles=base.articles,
        chunks=list[Chunk](chunks),
        vectors=vectors,
        dense=dense,
        lexical=lexical,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=Path, default=Path("data/articles"))
    parser.add_argument("--chunks", type=int, default=100_000, help="size of the synthetic corpus")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    rss0 = _rss_mb()
    t = time.perf_counter()
    embedder = Embedder()
    embedder.encode(["warm up"])
    print(f"embedding model load: {time.perf_counter() - t:.1f} s, RSS {_rss_mb():.0f} MB (was {rss0:.0f} MB)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "index"
        report = build_index(args.articles, root, embedder, rebuild=True)
        print(
            f"corpus build: {report.n_chunks} chunks from {len(report.added)} articles in {report.seconds:.2f} s "
            f"({report.n_chunks / report.seconds:.1f} chunks/s, {report.faiss_type})"
        )
        t = time.perf_counter()
        base = load_index(root)
        print(f"corpus index load: {(time.perf_counter() - t) * 1000:.0f} ms")
    _report("corpus search (hybrid, k=5)", _latencies(HybridRetriever(base, embedder), args.rounds))
    t = time.perf_counter()
    embedder.encode(QUERIES * 10)
    print(f"query embedding alone: {(time.perf_counter() - t) * 1000 / (len(QUERIES) * 10):.1f} ms/query")

    big = _synthetic(base, args.chunks)
    print(f"RSS with {args.chunks} synthetic chunks loaded: {_rss_mb():.0f} MB")
    _report(
        f"{args.chunks} chunks search (hybrid, {big.manifest.faiss_type}, k=5)",
        _latencies(HybridRetriever(big, embedder), args.rounds),
    )
    flat = LoadedIndex(**{**big.__dict__, "dense": make_faiss_index(big.vectors, "flat")})
    _report(
        f"{args.chunks} chunks search (hybrid, flat, k=5)", _latencies(HybridRetriever(flat, embedder), args.rounds)
    )
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
