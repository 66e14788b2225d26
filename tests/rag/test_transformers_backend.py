"""The transformers backend for real with the SmolLM2 GGUF (de-quantised on load): on the CPU always, on CUDA where
a GPU is present (CI has none; the CUDA test is run on a lent GPU machine and its figures go in the README)."""

from __future__ import annotations

import time

import pytest

from rag.llm.base import Message
from rag.llm.model_files import smollm2_gguf
from rag.llm.transformers_backend import TransformersGenerator

pytestmark = pytest.mark.integration

_MESSAGES: list[Message] = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello."}]


def _check_generation(gen: TransformersGenerator) -> None:
    pieces: list[str] = []
    done = gen.chat(_MESSAGES, max_tokens=8, on_token=pieces.append, prefill="Hello")
    assert done.text and "".join(pieces) == done.text
    assert done.prompt_tokens > 5 and 1 <= done.completion_tokens <= 8
    again = gen.chat(_MESSAGES, max_tokens=8, prefill="Hello")
    assert again.text == done.text, "greedy decoding is deterministic"
    stopped = gen.chat(_MESSAGES, max_tokens=8, on_token=lambda p: False)
    assert stopped.stopped_early
    long = gen.chat(_MESSAGES, max_tokens=24)
    assert " " in long.text.strip(), "needs a reply of several words to cut at a stop string"
    cut = gen.chat(_MESSAGES, max_tokens=24, stop=[" "])
    assert cut.text and " " not in cut.text and long.text.startswith(cut.text)


def test_transformers_backend_generates_and_streams() -> None:
    gen = TransformersGenerator(smollm2_gguf(), device="cpu")
    assert gen.device == "cpu"
    _check_generation(gen)


def test_transformers_backend_on_cuda() -> None:
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device here")
    gen = TransformersGenerator(smollm2_gguf())  # device "auto" must pick the GPU
    assert gen.device == "cuda"
    weights = next(gen.model.parameters())
    assert weights.is_cuda and weights.dtype == torch.bfloat16
    _check_generation(gen)
    started = time.perf_counter()
    run = gen.chat(_MESSAGES, max_tokens=128, prefill="Hello")
    seconds = time.perf_counter() - started
    print(
        f"\ncuda {torch.cuda.get_device_name(0)}: {run.completion_tokens} tokens in {seconds:.2f} s "
        f"({run.completion_tokens / seconds:.1f} tok/s), first token {run.first_token_ms:.0f} ms, "
        f"peak memory {torch.cuda.max_memory_allocated() / 2**20:.0f} MiB"
    )
