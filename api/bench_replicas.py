"""Replica benchmark: N API replicas sharing one PostgreSQL, many concurrent clients each, a scripted model.

    python -m api.bench_replicas --replicas 2 --clients 16 --requests 128

Starts a throwaway PostgreSQL (pgserver, temporary directory), indexes the articles into it (``rag index``
with ``RAG_DATABASE_URL``), starts the replicas as ``python -m api.bench_load --serve --fake`` subprocesses on
loopback ports with that URL, then runs ``--clients`` concurrent clients against every replica at once.
Half-way, a new article is written to the database, so the replicas also catch up under load. Prints
answered / refused / failed / lost per replica, latency, and each replica's memory; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from api.bench_load import HOST, Round, _free_port, _percentile, _round, _rss_mb, _wait_ready, stop_server


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m api.bench_replicas", description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients per replica")
    parser.add_argument("--requests", type=int, default=128, help="questions per replica")
    parser.add_argument("--token-ms", type=float, default=5.0)
    args = parser.parse_args()

    import pgserver
    from pydantic import SecretStr

    from index import Article, Embedder
    from index.pg_store import PgStore
    from rag.runtime import build
    from rag.settings import Settings

    pgdata = Path(tempfile.mkdtemp(prefix="newsrag-replicas-pg-"))
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    url = server.get_uri()
    servers: list[tuple[subprocess.Popen[bytes], IO[bytes]]] = []
    try:
        embedder = Embedder()
        report = build(Settings(database_url=SecretStr(url)), embedder)
        print(f"database: {report.n_chunks} chunks from {len(report.added)} articles in {report.seconds:.1f} s")
        env = os.environ | {"RAG_DATABASE_URL": url, "RAG_CONTEXT_MODE": "retrieval"}
        urls = []
        for _ in range(args.replicas):
            port = _free_port()
            log = tempfile.NamedTemporaryFile(prefix="replica-", suffix=".log", delete=False)  # noqa: SIM115
            command = [sys.executable, "-m", "api.bench_load", "--serve", "--fake", "--port", str(port)]
            command += ["--token-ms", str(args.token_ms)]
            proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
            servers.append((proc, log))
            urls.append(f"http://{HOST}:{port}")
        for (proc, _log), base in zip(servers, urls, strict=True):
            ready = _wait_ready(base, proc, 600)
            print(f"replica pid {proc.pid} on {base}: {ready['articles']} articles, RSS {_rss_mb(proc.pid):.0f} MiB")

        writer = PgStore(url, embedder)
        new = Article(
            article_id="bench-new",
            title="Written during the load",
            text="The Marmot Observatory opened on Mount Vell. Quillon Brevard founded it in 2019.",
            content_hash="bench-new-1",
        )
        timer = threading.Timer(2.0, lambda: writer.add_documents([new]))
        timer.start()

        async def everyone() -> list[Round]:
            return list(await asyncio.gather(*(_round(base, args.clients, args.requests, 2.0, 600) for base in urls)))

        started = time.perf_counter()
        rounds = asyncio.run(everyone())
        seconds = time.perf_counter() - started
        timer.join()
        total = 0
        for (proc, _log), base, stats in zip(servers, urls, rounds, strict=True):
            lat = stats.latencies
            outcomes = stats.answered + stats.refused + stats.failed
            total += stats.answered
            print(
                f"{base}: answered {stats.answered} ({stats.abstained} abstained), refused {stats.refused}, "
                f"failed {stats.failed}, lost {args.requests - outcomes}; p50 {_percentile(lat, 50) * 1000:.0f} ms "
                f"p95 {_percentile(lat, 95) * 1000:.0f} ms; statuses {stats.statuses}; "
                f"RSS {_rss_mb(proc.pid):.0f} MiB (peak {_rss_mb(proc.pid, 'VmHWM'):.0f})"
            )
        print(f"all replicas: {total} answers in {seconds:.1f} s = {total / seconds:.1f} answers/s")
        import httpx

        for base in urls:
            found = httpx.get(base + "/readyz", timeout=10).json()
            print(f"{base} after the load: {found['articles']} articles (6 = caught up with the write)")
        writer.close()
        return 0
    finally:
        for proc, server_log in servers:
            stop_server(proc, server_log)
        server.cleanup()
        shutil.rmtree(pgdata, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
