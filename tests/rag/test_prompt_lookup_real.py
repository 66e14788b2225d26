"""Prompt-lookup decoding for real (llama.cpp, SmolLM2): the same greedy text as plain decoding.

The prompts ask for text that is in the prompt, as this service's answers mostly are. Where a model
invents freely, a near tie can go either way: SmolLM2 asked for Scale AI's revenue writes "which is" and
then " " (logit 19.03) or " a" (18.97), and a batch of drafted tokens is summed in another order than one
token at a time, the same last-bit difference as between a cold and a cached prompt
(tests/rag/test_real_models.py).

Also through the two paths corpus mode takes: a prefix restored from a saved KV state, and the judge's
next-token probabilities read after a prompt evaluated in prompt lookup's all-logits mode.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.llm.base import Message
from rag.llm.llama_cpp_backend import LlamaCppGenerator
from rag.llm.model_files import smollm2_gguf

pytestmark = pytest.mark.integration

ARTICLE = (
    "Meta is in talks to invest more than $10 billion in Scale AI, a data-labelling start-up. "
    "Scale AI was founded in 2016 by Alexandr Wang and Lucy Guo. "
    "The company made US$870 million in revenue last year and expects $2 billion this year."
)

SECOND = (
    "Alexandr Wang, 28, is the chief executive. Index Ventures, Accel and Founders Fund are investors. "
    "The round valued the company at $13.8 billion, up from $7.3 billion in 2021."
)

# Copying text that is in the prompt: what corpus-mode answers mostly do, and the case a draft is made for.
PROMPTS: list[list[Message]] = [
    [{"role": "system", "content": "Repeat the user's text exactly."}, {"role": "user", "content": text}]
    for text in (ARTICLE, SECOND, f"{SECOND} {ARTICLE}")
]


@pytest.fixture(scope="module")
def plain() -> LlamaCppGenerator:
    return LlamaCppGenerator(smollm2_gguf(), n_ctx=1024, n_threads=2)


@pytest.fixture(scope="module")
def lookup() -> LlamaCppGenerator:
    return LlamaCppGenerator(smollm2_gguf(), n_ctx=1024, n_threads=2, prompt_lookup_tokens=4)


def _near_tie_where_they_part(gen: LlamaCppGenerator, messages: list[Message], a: str, b: str) -> float:
    """The plain model's logit gap between the two tokens where two continuations first differ."""
    ta, tb = gen.tokenize(a), gen.tokenize(b)
    n = next(i for i, (x, y) in enumerate(zip(ta, tb, strict=False)) if x != y)
    prompt = gen.tokenize(gen.format(messages)) + ta[:n]
    gen.llm.reset()
    gen.llm.eval(prompt)
    logits = np.ctypeslib.as_array(gen.llm._ctx.get_logits_ith(-1), shape=(gen.llm.n_vocab(),))
    return abs(float(logits[ta[n]]) - float(logits[tb[n]]))


def test_same_greedy_text_as_plain_decoding(plain: LlamaCppGenerator, lookup: LlamaCppGenerator) -> None:
    accepted = identical = 0
    for messages in PROMPTS:
        expected = plain.chat(messages, max_tokens=40)
        pieces: list[str] = []
        got = lookup.chat(messages, max_tokens=40, on_token=pieces.append)
        assert "".join(pieces) == got.text, "every accepted token is streamed"
        assert got.decode_steps > 0
        accepted += got.accepted_tokens
        if got.text == expected.text:
            identical += 1
        else:
            # Only a near tie may go the other way (see the module's docstring); a real fault (a wrong
            # logits row, a draft token kept unchecked) parts where the model is sure.
            gap = _near_tie_where_they_part(plain, messages, got.text, expected.text)
            assert gap < 0.25, (gap, got.text, expected.text)
    assert identical >= 1
    assert accepted > 0, "drafts copied from the prompt were kept"


def test_restored_prefix_and_choice_scores_agree(plain: LlamaCppGenerator, lookup: LlamaCppGenerator) -> None:
    system: list[Message] = [{"role": "system", "content": f"Answer from this article only.\n{ARTICLE}"}]
    prefix = plain.tokenize(plain.format([*system, {"role": "user", "content": "A"}]))[:-8]
    plain.evaluate_prefix(prefix)
    tokens, state = plain.prefix_state()
    assert tokens == prefix
    question: list[Message] = [*system, {"role": "user", "content": "Repeat the first sentence of the article."}]
    for gen in (plain, lookup):
        gen.restore_prefix(tokens, state)
    expected = plain.chat(question, max_tokens=32)
    got = lookup.chat(question, max_tokens=32)
    assert got.cached_tokens >= len(prefix), "the restored prefix was reused, not evaluated again"
    if got.text != expected.text:
        assert _near_tie_where_they_part(plain, question, got.text, expected.text) < 0.25
    judge: list[Message] = [*system, {"role": "user", "content": "Did Scale AI make $870 million? Reply yes or no."}]
    p_plain = plain.choice_probabilities(judge, ["yes", "no"])
    p_lookup = lookup.choice_probabilities(judge, ["yes", "no"])
    assert p_lookup["yes"] == pytest.approx(p_plain["yes"], abs=1e-3)
    assert p_lookup["no"] == pytest.approx(p_plain["no"], abs=1e-3)
