"""The encoder that keeps its vectors: each text embedded once, the same vectors as the model gives."""

import numpy as np
import pytest

from index import MemoEncoder
from tests.fakes import HashingEncoder


@pytest.mark.unit
def test_each_text_is_embedded_once_across_calls() -> None:
    inner = HashingEncoder()
    memo = MemoEncoder(inner)
    first = memo.encode(["Scale AI", "Meta", "Scale AI"])
    second = memo.encode(["Meta", "Anduril", "Scale AI"])
    assert inner.calls == [["Scale AI", "Meta"], ["Anduril"]]
    np.testing.assert_array_equal(first, inner.encode(["Scale AI", "Meta", "Scale AI"]))
    np.testing.assert_array_equal(second, inner.encode(["Meta", "Anduril", "Scale AI"]))
    assert first.dtype == np.float32 and second.shape == (3, inner.dimension)


@pytest.mark.unit
def test_the_oldest_vectors_go_first_and_a_use_makes_a_vector_new() -> None:
    inner = HashingEncoder()
    memo = MemoEncoder(inner, max_entries=2)
    memo.encode(["a", "b"])
    memo.encode(["a"])  # "a" is now newer than "b"
    memo.encode(["c"])  # "b" goes
    inner.calls.clear()
    memo.encode(["a", "b", "c"])
    assert inner.calls == [["b"]]


@pytest.mark.unit
def test_a_returned_array_is_the_callers_own() -> None:
    memo = MemoEncoder(HashingEncoder())
    vectors = memo.encode(["Scale AI"])
    vectors[0] = 0.0
    assert memo.encode(["Scale AI"]).any()


@pytest.mark.unit
def test_nothing_to_embed_and_a_bad_size() -> None:
    memo = MemoEncoder(HashingEncoder(dim=8))
    assert memo.encode([]).shape == (0, 8)
    with pytest.raises(ValueError):
        MemoEncoder(HashingEncoder(), max_entries=0)


@pytest.mark.integration
def test_the_bundled_model_gives_the_same_vectors_through_the_memo(real_embedder) -> None:
    texts = ["Meta invested US$14.3 billion in Scale AI.", "How much did Meta invest?", "Scale AI was founded in 2016."]
    memo = MemoEncoder(real_embedder)
    memo.encode(texts[1:2])  # embedded alone first, then read back inside a batch
    np.testing.assert_allclose(memo.encode(texts), real_embedder.encode(texts), atol=1e-5)
    assert memo.name == real_embedder.name and memo.dimension == 384
