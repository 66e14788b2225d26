"""Load benchmark: many concurrent clients against a server on loopback; prints outcomes, latency and memory.

    python -m api.bench_load --fake                 # scripted model: measures the service, not the model
    python -m api.bench_load --requests 24          # the real default pipeline (each answer takes seconds)

Starts the server as a subprocess on 127.0.0.1 (never another host), waits until ``/readyz`` is 200, then runs
``--clients`` concurrent clients for ``--rounds`` rounds of ``--requests`` questions each. A client refused with
429/503 waits ``Retry-After`` (capped) before its next question, as a polite client would. Reports answered /
refused / failed counts, latency p50/p95 of the answered, and the server's RSS before, after each round, and
at its peak, to show that memory stays flat under load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from rag.llm.base import Completion, Message, TokenCallback

HOST = "127.0.0.1"
QUESTIONS = (
    "How much could Meta invest in Scale AI?",
    "Who co-founded Scale AI?",
    "What does Scale AI do?",
    "How much revenue did Scale AI make last year?",
    "Which companies use Scale AI's services?",
    "Who is Meta's CEO?",
    "What did the Department of Labor investigate?",
    "Has Meta invested in Scale AI before?",
)


# -- the scripted model (server side, --fake) ---------------------------------------------------------

# The first numbered sentence, under its article's title line (retrieval mode; corpus hints have no titles).
_EVIDENCE = re.compile(r"^\(.*\)\n\[(\d+)\] (.*)$", re.MULTILINE)
_FOLLOW_UP = re.compile(r"Follow-up question: (.*)")


class BenchGenerator:
    """A stand-in chat model: answers with evidence sentence 1 verbatim (so it verifies), ``token_ms`` a word."""

    name = "bench/scripted"

    def __init__(self, token_ms: float):
        self.token_s = token_ms / 1000

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        stop: Sequence[str] = (),
        on_token: TokenCallback | None = None,
        prefill: str = "",
        **_ignored: Any,
    ) -> Completion:
        text = self._reply(messages[-1]["content"])
        if prefill and text.startswith(prefill):
            text = text[len(prefill) :]
        started = time.perf_counter()
        out: list[str] = []
        for piece in re.findall(r"\S+\s*", text)[:max_tokens]:
            time.sleep(self.token_s)
            out.append(piece)
            if on_token is not None and on_token(piece) is False:
                break
        return Completion(
            text="".join(out),
            prompt_tokens=sum(len(m["content"].split()) for m in messages),
            completion_tokens=len(out),
            first_token_ms=self.token_s * 1000,
            total_ms=(time.perf_counter() - started) * 1000,
        )

    @staticmethod
    def _reply(user: str) -> str:
        first = _EVIDENCE.search(user)
        if first:
            return f"Sentences: {first.group(1)}\nAnswer: {first.group(2)} [{first.group(1)}]"
        follow_up = _FOLLOW_UP.search(user)
        return follow_up.group(1).strip() if follow_up else "yes"


def _serve(port: int, fake: bool, token_ms: float) -> None:
    """Server mode (the subprocess): the app on loopback, quiet logs."""
    import logging

    import uvicorn

    from api.app import create_app
    from api.logs import configure_logging
    from rag.runtime import make_pipeline
    from rag.settings import get_settings

    settings = get_settings()
    configure_logging(log_questions=False, level=logging.WARNING)
    factory = (lambda s: make_pipeline(s, generator=BenchGenerator(token_ms))) if fake else None
    app = create_app(settings, pipeline_factory=factory)
    uvicorn.run(app, host=HOST, port=port, log_config=None, access_log=False, limit_concurrency=1024)


# -- the clients -----------------------------------------------------------------------------------


@dataclass
class Round:
    latencies: list[float] = field(default_factory=list)
    answered: int = 0
    abstained: int = 0
    refused: int = 0
    failed: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


async def _client(http: httpx.AsyncClient, counter: list[int], total: int, stats: Round, max_wait: float) -> None:
    while counter[0] < total:
        n = counter[0]
        counter[0] += 1
        started = time.perf_counter()
        try:
            response = await http.post("/ask", json={"question": QUESTIONS[n % len(QUESTIONS)]})
        except httpx.HTTPError as exc:
            stats.failed += 1
            stats.statuses[type(exc).__name__] = stats.statuses.get(type(exc).__name__, 0) + 1
            continue
        elapsed = time.perf_counter() - started
        code = str(response.status_code)
        stats.statuses[code] = stats.statuses.get(code, 0) + 1
        if response.status_code == 200:
            stats.answered += 1
            stats.abstained += 0 if response.json()["answerable"] else 1
            stats.latencies.append(elapsed)
        elif response.status_code in (429, 503):
            stats.refused += 1
            retry = response.headers.get("Retry-After", "1")
            await asyncio.sleep(min(float(retry) if retry.isdigit() else 1.0, max_wait))
        else:
            stats.failed += 1


async def _round(base_url: str, clients: int, total: int, max_wait: float, timeout: float) -> Round:
    stats = Round()
    counter = [0]
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits) as http:
        started = time.perf_counter()
        await asyncio.gather(*(_client(http, counter, total, stats, max_wait) for _ in range(clients)))
        stats.seconds = time.perf_counter() - started
    return stats


# -- the server process ------------------------------------------------------------------------------


def _rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    """Resident memory of ``pid`` from /proc (VmRSS now, VmHWM the peak), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _wait_ready(base_url: str, server: subprocess.Popen[bytes], timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        try:
            response = httpx.get(base_url + "/readyz", timeout=2)
            if response.status_code == 200:
                return dict(response.json())
            if response.json().get("status") == "failed":
                raise RuntimeError(f"the server could not load: {response.json().get('detail')}")
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the server was not ready after {timeout:.0f} s")


def report_failure(exc: Exception, log: IO[bytes]) -> None:
    """Print why a benchmark stopped, with the tail of the server's log."""
    log.flush()
    tail = Path(log.name).read_text(errors="replace")[-3000:]
    print(f"error: {exc}\n--- server log ({log.name}) ---\n{tail}", file=sys.stderr)


def stop_server(server: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """Stop the server subprocess (Ctrl-C, then kill); its log is kept only if it did not exit cleanly."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()
    if server.returncode == 0 or server.returncode == -signal.SIGINT:
        Path(log.name).unlink(missing_ok=True)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.bench_load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--fake", action="store_true", help="a scripted model instead of the configured one")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--requests", type=int, default=128, help="questions per round (default 128)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds, to see memory settle (default 2)")
    parser.add_argument("--token-ms", type=float, default=5.0, help="--fake: milliseconds per token (default 5)")
    parser.add_argument("--max-wait", type=float, default=2.0, help="cap on a refused client's Retry-After wait")
    parser.add_argument("--load-timeout", type=float, default=900, help="seconds to wait for /readyz")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # the server subprocess
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        _serve(args.port, args.fake, args.token_ms)
        return 0

    port = _free_port()
    base_url = f"http://{HOST}:{port}"
    command = [sys.executable, "-m", "api.bench_load", "--serve", "--port", str(port), "--token-ms", str(args.token_ms)]
    if args.fake:
        command.append("--fake")
    log = tempfile.NamedTemporaryFile(prefix="bench-server-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    try:
        loading = time.perf_counter()
        ready = _wait_ready(base_url, server, args.load_timeout)
        print(
            f"server pid {server.pid} on {base_url}: model {ready['model']}, {ready['articles']} articles, "
            f"ready in {time.perf_counter() - loading:.1f} s"
        )
        httpx.post(base_url + "/ask", json={"question": QUESTIONS[0]}, timeout=args.load_timeout)  # first-call costs
        rss_before = _rss_mb(server.pid)
        print(f"server RSS before load: {rss_before:.0f} MiB")
        print(f"{args.clients} clients, {args.rounds} x {args.requests} questions (POST /ask)")
        for number in range(1, args.rounds + 1):
            stats = asyncio.run(_round(base_url, args.clients, args.requests, args.max_wait, args.load_timeout))
            lat = stats.latencies
            print(
                f"round {number}: answered {stats.answered} ({stats.abstained} abstained), refused {stats.refused} "
                f"(429/503), failed {stats.failed} in {stats.seconds:.1f} s = {stats.answered / stats.seconds:.1f} "
                f"answers/s; latency p50 {_percentile(lat, 50) * 1000:.0f} ms, p95 {_percentile(lat, 95) * 1000:.0f} "
                f"ms; statuses {dict(sorted(stats.statuses.items()))}; server RSS {_rss_mb(server.pid):.0f} MiB"
            )
        health = httpx.get(base_url + "/healthz", timeout=5).status_code
        print(
            f"server RSS after load: {_rss_mb(server.pid):.0f} MiB (peak {_rss_mb(server.pid, 'VmHWM'):.0f} MiB); "
            f"/healthz {health}"
        )
        return 0
    except RuntimeError as exc:
        report_failure(exc, log)
        return 1
    finally:
        stop_server(server, log)


if __name__ == "__main__":
    sys.exit(main())
