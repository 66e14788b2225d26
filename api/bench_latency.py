"""Latency benchmark: one user asking the gold questions in turn through the HTTP service, streamed.

    python -m api.bench_latency                         # the configured context mode (default auto)
    RAG_CONTEXT_MODE=retrieval python -m api.bench_latency --limit 30

Starts ``rag serve`` on 127.0.0.1 (a subprocess, the real default model), waits for ``/readyz``, reads from its
log how long the prompt cache took to load, then asks each question on ``POST /ask/stream`` and times the
first ``token`` event (time to first token) and the ``citations`` event (the verified answer). Prints the
context mode, start-up figures and p50/p95 of both, for answered and abstained questions together.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from api.bench_load import HOST, _free_port, _percentile, _rss_mb, _wait_ready, report_failure, stop_server

_CACHE_LOADED = re.compile(r"prompt cache loaded: (\d+) tokens, (\d+) MB, in ([\d.]+) s")
_CACHE_BUILT = re.compile(r"prompt cache built: (\d+) tokens in ([\d.]+) s, (\d+) MB")


def _questions(gold: Path, limit: int | None) -> list[str]:
    rows = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
    # Follow-ups need their history; a single user asking standalone questions is what is measured here.
    questions = [r["question"] for r in rows if not r.get("history")]
    return questions[:limit] if limit else questions


def _ask(client: httpx.Client, url: str, question: str) -> tuple[float | None, float, bool]:
    """(seconds to the first token, seconds to the verified answer, answerable) for one streamed question."""
    started = time.perf_counter()
    first: float | None = None
    event = ""
    with client.stream("POST", url + "/ask/stream", json={"question": question}) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                if event == "token" and first is None:
                    first = time.perf_counter() - started
                elif event == "citations":
                    answer = json.loads(line.split(":", 1)[1])
                    return first, time.perf_counter() - started, bool(answer["answerable"])
                elif event == "error":
                    raise RuntimeError(f"the service failed on {question!r}: {line}")
    raise RuntimeError(f"the stream for {question!r} ended without an answer")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.bench_latency", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"), help="questions (gold JSONL)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N standalone questions")
    parser.add_argument("--load-timeout", type=float, default=900, help="seconds to wait for /readyz")
    args = parser.parse_args(argv)
    questions = _questions(args.gold, args.limit)

    port = _free_port()
    url = f"http://{HOST}:{port}"
    rag = Path(sys.executable).with_name("rag")
    log = tempfile.NamedTemporaryFile(prefix="bench-latency-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(
        [str(rag), "serve", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy()
    )
    try:
        loading = time.perf_counter()
        ready = _wait_ready(url, server, args.load_timeout)
        ready_s = time.perf_counter() - loading
        log.flush()
        server_log = Path(log.name).read_text(errors="replace")
        mode, reason = ready["context_mode"], ready.get("context_mode_reason")
        print(f"server on {url}: model {ready['model']}, context mode {mode} ({reason})")
        print(f"ready in {ready_s:.1f} s (index, embedder, model, judge context, prompt cache, warm-up)")
        if loaded := _CACHE_LOADED.search(server_log):
            print(f"prompt cache loaded: {loaded.group(1)} tokens, {loaded.group(2)} MB, in {loaded.group(3)} s")
        elif built := _CACHE_BUILT.search(server_log):
            print(f"prompt cache missing or stale: built at start-up, {built.group(1)} tokens in {built.group(2)} s")
        first_tokens: list[float] = []
        totals: list[float] = []
        answered = 0
        with httpx.Client(timeout=args.load_timeout) as client:
            for question in questions:
                first, total, answerable = _ask(client, url, question)
                totals.append(total)
                answered += answerable
                if first is not None:
                    first_tokens.append(first)
        print(
            f"{len(questions)} questions in turn: {answered} answered, {len(questions) - answered} abstained; "
            f"answer p50 {_percentile(totals, 50):.2f} s, p95 {_percentile(totals, 95):.2f} s; "
            f"first token p50 {_percentile(first_tokens, 50):.2f} s, p95 {_percentile(first_tokens, 95):.2f} s "
            f"({len(first_tokens)} streamed a token); server RSS {_rss_mb(server.pid):.0f} MiB"
        )
        return 0
    except (RuntimeError, httpx.HTTPError) as exc:
        report_failure(exc, log)
        return 1
    finally:
        stop_server(server, log)


if __name__ == "__main__":
    sys.exit(main())
