import hashlib
from pathlib import Path

import pytest

from rag import ModelUnavailableError
from rag.llm import model_files
from rag.llm.model_files import SMOLLM2_SHA256, smollm2_gguf, verify_file

pytestmark = pytest.mark.unit


def test_bad_hash_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"not a model")
    with pytest.raises(ModelUnavailableError, match="damaged"):
        verify_file(path, "0" * 64)
    verify_file(path, hashlib.sha256(b"not a model").hexdigest())


def test_missing_parts_say_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_files.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelUnavailableError, match=r"local-model"):
        model_files.default_gguf(tmp_path)


def test_assembly_checks_size_and_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = []
    for i in range(2):
        p = tmp_path / f"part{i}.bin"
        p.write_bytes(bytes([i]) * 10)
        parts.append(p)
    monkeypatch.setattr(model_files, "_part_paths", lambda: parts)
    with pytest.raises(ModelUnavailableError, match="expected"):
        model_files.default_gguf(tmp_path / "cache")
    assert not (tmp_path / "cache" / model_files.DEFAULT_GGUF_NAME).exists(), "no half-made file is left"


def test_assembly_happy_path_and_reuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [tmp_path / "a.bin", tmp_path / "b.bin"]
    parts[0].write_bytes(b"hello ")
    parts[1].write_bytes(b"world")
    monkeypatch.setattr(model_files, "_part_paths", lambda: parts)
    monkeypatch.setattr(model_files, "DEFAULT_GGUF_SIZE", 11)
    monkeypatch.setattr(model_files, "DEFAULT_GGUF_SHA256", hashlib.sha256(b"hello world").hexdigest())
    seen: list[tuple[int, int]] = []
    path = model_files.default_gguf(tmp_path / "cache", progress=lambda d, t: seen.append((d, t)))
    assert path.read_bytes() == b"hello world" and seen[-1] == (11, 11)
    monkeypatch.setattr(model_files, "_part_paths", lambda: pytest.fail("parts re-read"))
    assert model_files.default_gguf(tmp_path / "cache") == path


@pytest.mark.integration
def test_bundled_test_model_matches_its_hash() -> None:
    verify_file(smollm2_gguf(), SMOLLM2_SHA256)
