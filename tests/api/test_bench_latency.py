"""The latency benchmark's own arithmetic: where the answer time went, from the Answers' timings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from api.bench_latency import _breakdown, _server_code

pytestmark = pytest.mark.unit


def _answer(prompt: int, cached: int, generated: int, generate_ms: float, judge_ms: float, first_ms: float) -> dict:
    timings = {
        "prompt_tokens": prompt,
        "cached_prompt_tokens": cached,
        "completion_tokens": generated,
        "generate_ms": generate_ms,
        "judge_ms": judge_ms,
        "retrieve_ms": 100.0,
        "verify_ms": 100.0,
        "first_token_ms": first_ms,
    }
    return {"answerable": True, "timings": timings}


def test_shares_tokens_per_second_and_the_held_back_first_line() -> None:
    answers = [_answer(3250, 3200, 10, 1500.0, 500.0, 800.0), _answer(3250, 3200, 10, 1500.0, 500.0, 600.0)]
    line = _breakdown(answers, totals=[2.0, 2.0], firsts=[1.0, 0.9])
    assert "50 new prompt tokens (of 3250), 10.0 generated" in line
    # 3 s of model time, 1 s of it the judge (500 ms a question), out of 4 s of answer time.
    assert "model 75% (judge 25%, 500 ms)" in line
    assert (
        "retrieval 5%, verification 5%" in line
        and "everything else (HTTP, queue, rewrite checks, citations) 15%" in line
    )
    assert "25 prompt + 5.0 generated tokens per second of answer time" in line
    # Client first tokens 1.0 and 0.9 s against the model's 0.8 and 0.6 s: 200 and 300 ms, p50 250 ms.
    assert "first streamed token after the model's first: p50 250 ms" in line


def test_no_streamed_token_no_gap() -> None:
    line = _breakdown([_answer(10, 0, 1, 10.0, 0.0, 5.0)], totals=[0.1], firsts=[None])
    assert "first streamed token" not in line


def test_the_server_code_follows_pythonpath() -> None:
    here = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(here)}
    assert _server_code(env) == str(here)
