"""Fixtures for the eval harness tests: an index of the real articles built with the fake encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import LoadedIndex, build_index, load_index
from tests.fakes import HashingEncoder

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.fixture(scope="module")
def hashed_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadedIndex, HashingEncoder]:
    """The five articles indexed with ``HashingEncoder`` (fast, no model), with that encoder."""
    encoder = HashingEncoder()
    root = tmp_path_factory.mktemp("hashed-index")
    build_index(ARTICLES, root, encoder)
    return load_index(root, embedding_model=encoder.name), encoder
