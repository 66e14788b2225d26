"""RAG_PROMPT_LOOKUP_TOKENS: the setting reaches llama.cpp as a prompt-lookup draft model, only where text is made."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from rag import Settings
from rag.llm.base import Completion
from rag.llm.llama_cpp_backend import _CountingPromptLookup
from rag.runtime import make_generator

pytestmark = pytest.mark.unit


class _FakeModel:
    def token_get_text(self, token: int) -> str:
        return {0: "<s>", 1: "</s>"}[token]


class _FakeLlama:
    """Records the keyword arguments ``LlamaCppGenerator`` loads llama.cpp with."""

    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, **kwargs: Any):
        _FakeLlama.made.append(kwargs)
        self.metadata = {"tokenizer.chat_template": "{% for m in messages %}{{ m['content'] }}{% endfor %}"}
        self._model = _FakeModel()

    def token_bos(self) -> int:
        return 0

    def token_eos(self) -> int:
        return 1


@pytest.fixture
def fake_llama(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    import llama_cpp

    _FakeLlama.made = []
    monkeypatch.setattr(llama_cpp, "Llama", _FakeLlama)
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    return model


def test_the_setting_loads_a_prompt_lookup_draft_model(fake_llama: Path) -> None:
    make_generator(Settings(model_path=fake_llama, prompt_lookup_tokens=3, prompt_lookup_ngram=4))
    kwargs = _FakeLlama.made[-1]
    draft = kwargs["draft_model"]
    assert isinstance(draft, _CountingPromptLookup)
    assert (draft._inner.num_pred_tokens, draft._inner.max_ngram_size) == (3, 4)
    # llama-cpp-python sizes its score rows by this flag; a draft model needs a row per context position.
    assert kwargs["logits_all"] is True


@pytest.mark.parametrize("tokens", [0, None])
def test_off_by_default_and_at_zero(fake_llama: Path, tokens: int | None) -> None:
    settings = (
        Settings(model_path=fake_llama)
        if tokens is None
        else Settings(model_path=fake_llama, prompt_lookup_tokens=tokens)
    )
    make_generator(settings)
    assert _FakeLlama.made[-1]["draft_model"] is None
    assert _FakeLlama.made[-1]["logits_all"] is False


def test_contexts_that_only_score_get_no_draft_model(fake_llama: Path) -> None:
    make_generator(Settings(model_path=fake_llama, prompt_lookup_tokens=5), n_ctx=1024, prompt_lookup=False)
    assert _FakeLlama.made[-1]["draft_model"] is None
    assert _FakeLlama.made[-1]["n_ctx"] == 1024


@pytest.mark.parametrize("value", [-1, 65])
def test_out_of_range_is_refused(value: int) -> None:
    with pytest.raises(ValueError, match="prompt_lookup_tokens"):
        Settings(prompt_lookup_tokens=value)


def test_the_draft_model_drafts_what_followed_the_last_ngram_and_counts_it() -> None:
    draft = _CountingPromptLookup(max_ngram_size=2, num_pred_tokens=3)
    # "7 8" occurred before, followed by 9 10 11 12: those are proposed, at most three of them.
    proposed = draft(np.array([5, 7, 8, 9, 10, 11, 12, 4, 7, 8], dtype=np.intc))
    assert proposed.tolist() == [9, 10, 11]
    assert draft(np.array([1, 2, 3], dtype=np.intc)).tolist() == []
    assert (draft.steps, draft.drafted) == (2, 3)
    draft.reset()
    assert (draft.steps, draft.drafted) == (0, 0)


def test_accepted_tokens_follow_from_tokens_and_decode_steps() -> None:
    # The prompt's decode gave the first token; 3 later decodes gave the other 9: 6 of them were drafts.
    assert Completion("x", completion_tokens=10, decode_steps=3, drafted_tokens=8).accepted_tokens == 6
    assert Completion("x", completion_tokens=10).accepted_tokens == 0
