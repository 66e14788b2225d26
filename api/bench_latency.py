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
from typing import Any

import httpx

from api.bench_load import HOST, _free_port, _percentile, _rss_mb, _wait_ready, report_failure, stop_server

_CACHE_LOADED = re.compile(r"prompt cache loaded: (\d+) tokens, (\d+) MB, in ([\d.]+) s")
_CACHE_BUILT = re.compile(r"prompt cache built: (\d+) tokens in ([\d.]+) s, (\d+) MB")


def _questions(gold: Path, limit: int | None) -> list[str]:
    rows = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
    # Follow-ups need their history; a single user asking standalone questions is what is measured here.
    questions = [r["question"] for r in rows if not r.get("history")]
    return questions[:limit] if limit else questions


def _ask(client: httpx.Client, url: str, question: str) -> tuple[float | None, float, dict[str, Any]]:
    """(seconds to the first token, seconds to the verified answer, the Answer) for one streamed question."""
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
                    return first, time.perf_counter() - started, answer
                elif event == "error":
                    raise RuntimeError(f"the service failed on {question!r}: {line}")
    raise RuntimeError(f"the stream for {question!r} ended without an answer")


def _server_code(env: dict[str, str]) -> str:
    """Where the ``rag`` package the server imports lives: the shared venv's editable install points at one
    checkout, and ``PYTHONPATH`` (passed through) at another; the figures are of whichever wins."""
    probe = subprocess.run(
        [sys.executable, "-c", "import rag; print(rag.__file__)"], env=env, capture_output=True, text=True, check=True
    )
    return str(Path(probe.stdout.strip()).parent.parent)


def _breakdown(answers: list[dict[str, Any]], totals: list[float], firsts: list[float | None]) -> str:
    """Where the answers' time went, from each Answer's own timings, and the model's tokens/s as served."""
    timings = [a["timings"] for a in answers]
    # The model's first token (server clock) against the first streamed token (client clock): in retrieval
    # mode the gap is the "Sentences:" line the relay holds back, plus HTTP.
    gaps = [
        f - t["first_token_ms"] / 1000
        for f, t in zip(firsts, timings, strict=True)
        if f is not None and t.get("first_token_ms") is not None
    ]
    held = f"; first streamed token after the model's first: p50 {_percentile(gaps, 50) * 1000:.0f} ms" if gaps else ""
    new_prompt = sum(t["prompt_tokens"] - t["cached_prompt_tokens"] for t in timings)
    generated = sum(t["completion_tokens"] for t in timings)
    client_s = sum(totals)

    def share(key: str) -> float:
        return sum(t.get(key) or 0.0 for t in timings) / 1000

    generate, judge, retrieve, verify = (
        share("generate_ms"),
        share("judge_ms"),
        share("retrieve_ms"),
        share("verify_ms"),
    )
    other = client_s - generate - retrieve - verify
    return (
        f"per question (mean): {new_prompt / len(answers):.0f} new prompt tokens (of "
        f"{sum(t['prompt_tokens'] for t in timings) / len(answers):.0f}), {generated / len(answers):.1f} generated; "
        f"of the answer time, model {generate / client_s:.0%} (judge {judge / client_s:.0%}, "
        f"{judge * 1000 / len(answers):.0f} ms), retrieval {retrieve / client_s:.0%}, verification "
        f"{verify / client_s:.0%}, everything else (HTTP, queue, rewrite checks, citations) {other / client_s:.0%}; "
        f"through the service {new_prompt / client_s:.0f} prompt + {generated / client_s:.1f} generated tokens "
        f"per second of answer time{held}"
    )


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
    env = os.environ.copy()
    print(f"server code: {_server_code(env)} (python {sys.executable})")
    server = subprocess.Popen([str(rag), "serve", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        loading = time.perf_counter()
        ready = _wait_ready(url, server, args.load_timeout)
        ready_s = time.perf_counter() - loading
        log.flush()
        server_log = Path(log.name).read_text(errors="replace")
        mode, reason = ready["context_mode"], ready.get("context_mode_reason")
        print(f"server on {url}: model {ready['model']}, context mode {mode} ({reason})")
        print(f"ready in {ready_s:.1f} s (index, embedder, model, prompt cache, warm-up)")
        if loaded := _CACHE_LOADED.search(server_log):
            print(f"prompt cache loaded: {loaded.group(1)} tokens, {loaded.group(2)} MB, in {loaded.group(3)} s")
        elif built := _CACHE_BUILT.search(server_log):
            print(f"prompt cache missing or stale: built at start-up, {built.group(1)} tokens in {built.group(2)} s")
        first_tokens: list[float] = []
        totals: list[float] = []
        answers: list[dict[str, Any]] = []
        firsts: list[float | None] = []
        with httpx.Client(timeout=args.load_timeout) as client:
            for question in questions:
                first, total, answer = _ask(client, url, question)
                totals.append(total)
                answers.append(answer)
                firsts.append(first)
                if first is not None:
                    first_tokens.append(first)
        answered = sum(bool(a["answerable"]) for a in answers)
        print(
            f"{len(questions)} questions in turn: {answered} answered, {len(questions) - answered} abstained; "
            f"answer p50 {_percentile(totals, 50):.2f} s, p95 {_percentile(totals, 95):.2f} s; "
            f"first token p50 {_percentile(first_tokens, 50):.2f} s, p95 {_percentile(first_tokens, 95):.2f} s "
            f"({len(first_tokens)} streamed a token); server RSS {_rss_mb(server.pid):.0f} MiB"
        )
        # Apart from the percentiles: a first question that re-reads a prompt warm-up should have cached (corpus
        # mode's collection) is one slow answer among 180, and every user meets it.
        if totals:
            print(f"first question after start-up: {totals[0]:.2f} s; slowest: {max(totals):.2f} s")
        print(_breakdown(answers, totals, firsts))
        return 0
    except (RuntimeError, httpx.HTTPError) as exc:
        report_failure(exc, log)
        return 1
    finally:
        stop_server(server, log)


if __name__ == "__main__":
    sys.exit(main())
