"""Fixtures shared by the rag tests."""

from __future__ import annotations

import pytest

from index import build_index, load_index
from tests.conftest import ARTICLES
from tests.fakes import HashingEncoder


@pytest.fixture(scope="module")
def fake_index(tmp_path_factory: pytest.TempPathFactory):
    """The real five articles indexed with the hashing encoder: (LoadedIndex, encoder)."""
    encoder = HashingEncoder(dim=256)
    root = tmp_path_factory.mktemp("fake-index")
    build_index(ARTICLES, root, encoder)
    return load_index(root), encoder
