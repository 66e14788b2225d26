"""Adding and removing one document in the live FAISS + BM25 index, generation by generation."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest

from index import (
    Article,
    DocumentRecord,
    add_document,
    build_index,
    extract_document,
    list_documents,
    load_index,
    remove_document,
)
from index.store import IndexStore
from tests.conftest import REPO
from tests.fakes import HashingEncoder

pytestmark = pytest.mark.unit

SECRET = "Quorvex Dynamics moved its headquarters to Tromso in 2031, the board said."


def _prepared(text: str, name: str = "note.txt") -> tuple[Article, DocumentRecord]:
    article, extracted = extract_document(name, text.encode())
    record = DocumentRecord(
        document_id=article.article_id,
        title=article.title,
        date=article.date,
        filename=article.source,
        format=extracted.format,
        size_bytes=len(text),
        chars=len(article.text),
        n_chunks=0,
        added_at="2026-01-01T00:00:00Z",
        content_hash=article.content_hash,
    )
    return article, record


@pytest.fixture
def root(articles_dir: Path, tmp_path: Path, fake_encoder: HashingEncoder) -> Path:
    root = tmp_path / "idx"
    build_index(articles_dir, root, fake_encoder)
    return root


def _files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_add_embeds_only_the_new_document(root: Path, fake_encoder: HashingEncoder) -> None:
    before = load_index(root)
    fake_encoder.calls.clear()
    article, record = _prepared(f"Quorvex relocation\n\n{SECRET}")
    change = add_document(root, article, record, fake_encoder)
    assert change.changed and change.document.n_chunks >= 1 and change.document.chars == len(article.text)
    assert fake_encoder.embedded == change.document.n_chunks  # the five articles were not re-embedded
    after = load_index(root)
    assert after.generation != before.generation and after.generation == change.generation
    assert len(after.chunks) == len(before.chunks) + change.document.n_chunks == after.dense.ntotal
    np.testing.assert_array_equal(after.vectors[: len(before.chunks)], before.vectors)
    assert after.articles[article.article_id].text == article.text
    assert set(after.documents) == {article.article_id}
    # BM25 and FAISS both find it.
    hits = after.lexical.search("Quorvex Tromso", 3)
    assert after.chunks[hits[0][0]].article_id == article.article_id
    _, ids = after.dense.search(fake_encoder.encode([SECRET]), 1)
    assert after.chunks[int(ids[0][0])].article_id == article.article_id
    assert [d.document_id for d in list_documents(root)] == [article.article_id]


def test_the_same_content_twice_is_one_document(root: Path, fake_encoder: HashingEncoder) -> None:
    article, record = _prepared(SECRET)
    first = add_document(root, article, record, fake_encoder)
    gen = IndexStore(root).current()
    again = add_document(root, *_prepared(SECRET, "copy.md"), fake_encoder)
    assert not again.changed and again.document.document_id == first.document.document_id
    assert IndexStore(root).current() == gen  # nothing written


def test_remove_really_removes(root: Path, fake_encoder: HashingEncoder) -> None:
    before = load_index(root)
    article, record = _prepared(f"Quorvex relocation\n\n{SECRET}")
    add_document(root, article, record, fake_encoder)
    assert _files_containing(root, b"Quorvex")
    change = remove_document(root, article.article_id)
    assert change is not None and change.document.document_id == article.article_id
    after = load_index(root)
    assert article.article_id not in after.articles and not after.documents
    assert all(c.article_id != article.article_id for c in after.chunks)
    assert len(after.chunks) == len(before.chunks) == after.dense.ntotal == len(after.vectors)
    np.testing.assert_array_equal(after.vectors, before.vectors)
    assert after.lexical.search("Quorvex Tromso", 3) == []
    assert _files_containing(root, b"Quorvex") == []  # no copy left anywhere under the index directory
    assert list_documents(root) == []
    assert remove_document(root, article.article_id) is None  # a miss is a miss, not a success


def test_folder_builds_keep_uploaded_documents(root: Path, articles_dir: Path, fake_encoder: HashingEncoder) -> None:
    article, record = _prepared(SECRET)
    add_document(root, article, record, fake_encoder)
    (articles_dir / "extra.md").write_text("# Extra\n\nA new folder article about Meta.")
    report = build_index(articles_dir, root, fake_encoder)
    assert report.added == ["extra"] and article.article_id in report.unchanged
    assert article.article_id in load_index(root).documents
    report = build_index(articles_dir, root, fake_encoder, rebuild=True)
    loaded = load_index(root)
    assert article.article_id in loaded.documents and loaded.articles[article.article_id].text == article.text


def test_concurrent_adds_all_land(root: Path, fake_encoder: HashingEncoder) -> None:
    texts = [f"Quorvex subsidiary number {n} opened office {n} in Bergen, the company said." for n in range(8)]
    errors: list[BaseException] = []

    def add(text: str) -> None:
        try:
            add_document(root, *_prepared(text), fake_encoder)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    loaded = load_index(root)
    assert len(loaded.documents) == 8
    assert len(loaded.chunks) == len(loaded.vectors) == loaded.dense.ntotal == loaded.lexical.size
    assert len([p for p in root.glob("gen-*")]) == 1  # older generations pruned


def test_killed_mid_ingest_leaves_the_last_good_index(root: Path) -> None:
    """A process killed while writing the new generation: the old one stays live, and the next write cleans up."""
    before = load_index(root)
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        import index.store as store
        from tests.fakes import HashingEncoder
        from tests.index.test_documents_store import _prepared, SECRET
        real = store.LexicalIndex.build
        def build_then_die(texts):
            real(texts)
            os.kill(os.getpid(), signal.SIGKILL)  # mid-ingest: vectors written, manifest not yet
        store.LexicalIndex.build = build_then_die
        store.add_document(Path({str(root)!r}), *_prepared(SECRET), HashingEncoder())
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == -signal.SIGKILL
    assert [p.name for p in root.glob("gen-*.tmp")]  # the half-written generation is there...
    after = load_index(root)  # ...but the live one is the old one, whole
    assert after.generation == before.generation and not after.documents and list_documents(root) == []
    article, record = _prepared("Another document, written after the crash.")
    add_document(root, article, record, HashingEncoder())
    assert not list(root.glob("gen-*.tmp"))  # the next write removed the leftover
    assert set(load_index(root).documents) == {article.article_id}
