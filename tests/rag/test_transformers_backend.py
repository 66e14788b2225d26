"""The transformers backend for real, on the CPU, with the SmolLM2 GGUF (de-quantised on load)."""

from __future__ import annotations

import pytest

from rag.llm.base import Message
from rag.llm.model_files import smollm2_gguf
from rag.llm.transformers_backend import TransformersGenerator

pytestmark = pytest.mark.integration


def test_transformers_backend_generates_and_streams() -> None:
    gen = TransformersGenerator(smollm2_gguf(), device="cpu")
    assert gen.device == "cpu"
    messages: list[Message] = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello."}]
    pieces: list[str] = []
    done = gen.chat(messages, max_tokens=8, on_token=pieces.append, prefill="Hello")
    assert done.text and "".join(pieces) == done.text
    assert done.prompt_tokens > 5 and 1 <= done.completion_tokens <= 8
    again = gen.chat(messages, max_tokens=8, prefill="Hello")
    assert again.text == done.text, "greedy decoding is deterministic"
    stopped = gen.chat(messages, max_tokens=8, on_token=lambda p: False)
    assert stopped.stopped_early
