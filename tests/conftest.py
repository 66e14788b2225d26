"""Shared fixtures: every data path under tmp_path, the real corpus, fakes and the real models."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag.settings import get_settings
from tests.fakes import HashingEncoder

pytest_plugins = ["tests.pg_fixtures"]

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "data" / "articles"


def pytest_configure(config: pytest.Config) -> None:
    # Corpus mode evaluates a prompt of thousands of tokens: the tests that exercise it ask for it. Set for
    # the whole session, because module-scoped fixtures build their settings before any monkeypatch runs.
    os.environ["RAG_CONTEXT_MODE"] = "retrieval"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes the developer's data/index or model cache."""
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("RAG_ARTICLES_DIR", str(ARTICLES))
    monkeypatch.setenv("RAG_MODEL_CACHE_DIR", str(_shared_model_cache()))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _shared_model_cache() -> Path:
    # The assembled 1.1 GB GGUF is expensive to rebuild; tests share the user's cache location.
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsrag"))


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A writable copy of the real five articles."""
    dest = tmp_path / "articles"
    shutil.copytree(ARTICLES, dest)
    return dest


@pytest.fixture
def fake_encoder() -> HashingEncoder:
    return HashingEncoder()


@pytest.fixture(scope="session")
def real_embedder():
    from index import Embedder

    embedder = Embedder()
    embedder.encode(["warm up"])
    return embedder


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, real_embedder):
    """The real five articles indexed with the bundled embedding model (built once per session)."""
    from index import build_index, load_index

    root = tmp_path_factory.mktemp("real-index")
    build_index(ARTICLES, root, real_embedder)
    return load_index(root, embedding_model=real_embedder.name)
