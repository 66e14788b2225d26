import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from index import (
    ChunkerConfig,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    build_index,
    load_index,
)
from index.store import IndexStore, choose_faiss_type
from tests.fakes import HashingEncoder

pytestmark = pytest.mark.unit


def _live(root: Path) -> Path:
    """The live generation's folder (the test built one)."""
    current = IndexStore(root).current()
    assert current is not None, "no live generation"
    return current


def test_build_then_load_round_trip(articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder) -> None:
    root = tmp_path / "idx"
    report = build_index(articles_dir, root, fake_encoder)
    assert len(report.added) == 5 and report.embedded_chunks == report.n_chunks > 0
    loaded = load_index(root, embedding_model=fake_encoder.name)
    assert len(loaded.chunks) == report.n_chunks == loaded.dense.ntotal
    manifest = json.loads((_live(root) / "manifest.json").read_text())
    assert manifest["embedding_model"] == fake_encoder.name and manifest["embedding_dim"] == 64
    assert manifest["faiss_type"] == "flat" and manifest["format_version"] == 1
    assert set(manifest["articles"]) == {p.stem for p in articles_dir.glob("*.txt")}
    assert {"faiss-cpu", "bm25s", "numpy"} <= set(manifest["library_versions"])
    for chunk in loaded.chunks:
        assert loaded.articles[chunk.article_id].text[chunk.start : chunk.end] == chunk.text


def test_unchanged_corpus_is_a_noop(articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    gen = _live(root)
    before = fake_encoder.embedded
    report = build_index(articles_dir, root, fake_encoder)
    assert report.noop and fake_encoder.embedded == before
    assert IndexStore(root).current() == gen


def test_only_the_changed_article_is_reembedded(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    first = load_index(root)
    target = articles_dir / "002_6c5dc42569a46d62.txt"
    target.write_text(target.read_text() + "\nScale AI opened an office on the Moon, the company said.\n")
    (articles_dir / "000_2525434c86abfa7a.txt").unlink()
    (articles_dir / "new_article.md").write_text("# New\n\nA brand new article about Meta and Scale AI.")
    fake_encoder.calls.clear()
    report = build_index(articles_dir, root, fake_encoder)
    assert report.updated == ["002_6c5dc42569a46d62"]
    assert report.removed == ["000_2525434c86abfa7a"] and report.added == ["new_article"]
    embedded = [t for call in fake_encoder.calls for t in call]
    second = load_index(root)
    changed_ids = {c.chunk_id for c in second.chunks if c.article_id in {"002_6c5dc42569a46d62", "new_article"}}
    assert len(embedded) == len(changed_ids)
    assert not any(c.article_id == "000_2525434c86abfa7a" for c in second.chunks)
    # Re-used rows keep their vectors exactly.
    old_rows = {c.chunk_id: first.vectors[i] for i, c in enumerate(first.chunks)}
    for i, chunk in enumerate(second.chunks):
        if chunk.article_id == "003_60812e53e86d1152":
            np.testing.assert_array_equal(second.vectors[i], old_rows[chunk.chunk_id])


def test_changed_chunker_settings_reembed_everything(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    report = build_index(articles_dir, root, fake_encoder, ChunkerConfig(chunk_tokens=64))
    assert len(report.added) == 5 and report.embedded_chunks == report.n_chunks


def test_interrupted_build_keeps_the_last_good_index(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    good = load_index(root)
    (articles_dir / "002_6c5dc42569a46d62.txt").write_text("Completely different text about nothing at all.")

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("index.store.LexicalIndex.save", boom)
    with pytest.raises(KeyboardInterrupt):
        build_index(articles_dir, root, fake_encoder)
    after = load_index(root)
    assert [c.chunk_id for c in after.chunks] == [c.chunk_id for c in good.chunks]
    assert not list(root.glob("gen-*.tmp")), "the half-written generation is cleaned up"


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="rag index"):
        load_index(tmp_path / "nothing")


def test_other_embedding_model_asks_for_rebuild(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    with pytest.raises(IndexMismatchError, match="rag index --rebuild"):
        load_index(root, embedding_model="sentence-transformers/all-MiniLM-L6-v2")


def test_other_format_version_asks_for_rebuild(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    manifest_path = _live(root) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 99
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="rebuild"):
        load_index(root)


@pytest.mark.parametrize("damage", ["truncate_faiss", "delete_chunks", "garble_manifest", "drop_bm25"])
def test_corrupt_index_is_a_clear_error(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder, damage: str
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    gen = _live(root)
    if damage == "truncate_faiss":
        (gen / "faiss.index").write_bytes((gen / "faiss.index").read_bytes()[:100])
    elif damage == "delete_chunks":
        (gen / "chunks.jsonl").unlink()
    elif damage == "garble_manifest":
        (gen / "manifest.json").write_text("{not json")
    else:
        shutil.rmtree(gen / "bm25")
    with pytest.raises(IndexCorruptError, match="rebuild"):
        load_index(root)


def test_corrupt_index_is_rebuilt_by_the_next_build(
    articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder
) -> None:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    (_live(root) / "chunks.jsonl").write_text("garbage\n")
    report = build_index(articles_dir, root, fake_encoder)
    assert len(report.added) == 5
    assert len(load_index(root).chunks) == report.n_chunks


def test_faiss_type_follows_size(articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder) -> None:
    assert choose_faiss_type(10, flat_max=50_000) == "flat"
    assert choose_faiss_type(100_000, flat_max=50_000) == "hnsw"
    root = tmp_path / "idx"
    report = build_index(articles_dir, root, fake_encoder, flat_max=10)
    assert report.faiss_type == "hnsw"
    assert load_index(root).manifest.faiss_type == "hnsw"
