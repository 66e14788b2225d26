"""Overhead of the OpenAI-compatible face over ``/ask``, on the same questions and the same server.

    python -m api.bench_openai                                    # the configured model (default: the 1.5B GGUF)
    RAG_MODEL_PATH=$(python -c 'from rag.llm.model_files import smollm2_gguf; print(smollm2_gguf())') \\
        python -m api.bench_openai --limit 20                     # SmolLM2, quick
    python -m api.bench_openai --fake                             # a scripted model: only the faces differ

Starts the service on 127.0.0.1 (a subprocess), then asks each standalone gold question once on ``POST /ask``
and once on ``POST /v1/chat/completions`` (non-streamed), and once each streamed (``/ask/stream`` and the
chunk stream), alternating which face goes first so that neither always finds the model's prompt cache warm.
Prints p50/p95 of each face and the p50 of the per-question difference (OpenAI face minus /ask). With a real
model on a shared CPU the answers' own spread (seconds) hides a face's cost; ``--fake`` serves api.bench_load's
scripted model (real embedder, retrieval and verification; no generation time), which leaves only the faces'
own work to differ.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

from api.bench_latency import _questions
from api.bench_load import HOST, _free_port, _percentile, _wait_ready, report_failure, stop_server
from api.openai_schemas import MODEL_ID

Face = Callable[[httpx.Client, str, str], float]


def _ask(client: httpx.Client, url: str, question: str) -> float:
    started = time.perf_counter()
    response = client.post(url + "/ask", json={"question": question})
    response.raise_for_status()
    return time.perf_counter() - started


def _chat(client: httpx.Client, url: str, question: str) -> float:
    started = time.perf_counter()
    body = {"model": MODEL_ID, "messages": [{"role": "user", "content": question}]}
    response = client.post(url + "/v1/chat/completions", json=body)
    response.raise_for_status()
    return time.perf_counter() - started


def _ask_stream(client: httpx.Client, url: str, question: str) -> float:
    started = time.perf_counter()
    with client.stream("POST", url + "/ask/stream", json={"question": question}) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if line.startswith("event: citations"):
                return time.perf_counter() - started
            if line.startswith("event: error"):
                break
    raise RuntimeError(f"/ask/stream gave no answer for {question!r}")


def _chat_stream(client: httpx.Client, url: str, question: str) -> float:
    started = time.perf_counter()
    body = {"model": MODEL_ID, "messages": [{"role": "user", "content": question}], "stream": True}
    with client.stream("POST", url + "/v1/chat/completions", json=body) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if line.startswith("data: {") and '"citations"' in line:
                return time.perf_counter() - started
            if line.startswith('data: {"error"'):
                break
    raise RuntimeError(f"the chunk stream gave no answer for {question!r}")


def _pairs(client: httpx.Client, url: str, questions: list[str], base: Face, face: Face) -> tuple[list[float], ...]:
    base_s, face_s = [], []
    for i, question in enumerate(questions):
        if i % 2:
            face_s.append(face(client, url, question))
            base_s.append(base(client, url, question))
        else:
            base_s.append(base(client, url, question))
            face_s.append(face(client, url, question))
    return base_s, face_s


def _line(label: str, base_name: str, base_s: list[float], face_name: str, face_s: list[float]) -> str:
    diffs = [f - b for b, f in zip(base_s, face_s, strict=True)]
    return (
        f"{label}: {base_name} p50 {_percentile(base_s, 50):.3f} s / p95 {_percentile(base_s, 95):.3f} s; "
        f"{face_name} p50 {_percentile(face_s, 50):.3f} s / p95 {_percentile(face_s, 95):.3f} s; "
        f"difference per question p50 {statistics.median(diffs) * 1000:+.1f} ms "
        f"(IQR {_percentile(diffs, 25) * 1000:+.1f} to {_percentile(diffs, 75) * 1000:+.1f} ms)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.bench_openai", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"), help="questions (gold JSONL)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N standalone questions")
    parser.add_argument("--load-timeout", type=float, default=900, help="seconds to wait for /readyz")
    parser.add_argument("--fake", action="store_true", help="serve a scripted model (api.bench_load's)")
    args = parser.parse_args(argv)
    questions = _questions(args.gold, args.limit)

    port = _free_port()
    url = f"http://{HOST}:{port}"
    log = tempfile.NamedTemporaryFile(prefix="bench-openai-", suffix=".log", delete=False)  # noqa: SIM115
    code = (
        f"from api.bench_load import _serve; _serve({port}, True, 0)"
        if args.fake
        else (f"from api.server import serve; serve({HOST!r}, {port})")
    )
    server = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
    )
    try:
        ready = _wait_ready(url, server, args.load_timeout)
        print(f"server on {url}: model {ready['model']}, context mode {ready['context_mode']}")
        with httpx.Client(timeout=args.load_timeout) as client:
            _ask(client, url, questions[0])  # one untimed answer: the first pays for warming caches
            plain = _pairs(client, url, questions, _ask, _chat)
            streamed = _pairs(client, url, questions, _ask_stream, _chat_stream)
        print(f"{len(questions)} standalone gold questions, each asked on both faces, alternating which first")
        print(_line("non-streamed", "/ask", plain[0], "/v1/chat/completions", plain[1]))
        print(_line("streamed, to the verified answer", "/ask/stream", streamed[0], "chunk stream", streamed[1]))
        return 0
    except (RuntimeError, httpx.HTTPError) as exc:
        report_failure(exc, log)
        return 1
    finally:
        stop_server(server, log)


if __name__ == "__main__":
    sys.exit(main())
