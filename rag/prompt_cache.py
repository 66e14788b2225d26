"""Corpus mode: the whole collection in one cached prompt prefix, saved beside the index.

A collection that fits the model's context goes into the system message whole. The model's KV cache of
that prefix is evaluated once (``rag index`` does it, with a progress bar), saved under
``<index>/prompt-cache/corpus.kv`` and restored at start-up in a fraction of a second, so each question
costs only its own tokens. The file is keyed by the model file's SHA-256, the corpus content hash, the
prompt version and the context size; a file whose key, tokens or checksum do not match is never used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Literal

from index import Article
from rag._exceptions import GenerationError, PromptCacheError
from rag.llm.base import Generator, PrefixCachingGenerator
from rag.llm.model_files import model_sha256
from rag.prompts import PROMPT_VERSION, corpus_system, number_sentences
from rag.settings import Settings

__all__ = [
    "CacheKey",
    "CorpusPrompt",
    "CorpusSetup",
    "ModeChoice",
    "PromptCache",
    "choose_mode",
    "corpus_hash",
    "corpus_prompt",
    "prepare_corpus",
]

log = logging.getLogger(__name__)

CACHE_DIR = "prompt-cache"
CACHE_FILE = "corpus.kv"
_MAGIC = b"NEWSRAG-PROMPT-CACHE 1\n"
# Left free after the prefix for hint sentences, a follow-up's history, the question and the answer.
CONTEXT_RESERVE = 1024

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class CacheKey:
    """Everything the saved KV state depends on; any change makes the file stale."""

    model_sha256: str
    corpus_sha256: str
    prompt_version: str
    n_ctx: int

    def differences(self, other: dict[str, object]) -> list[str]:
        """Names of the fields in which a saved header differs from this key."""
        return [f.name for f in fields(self) if other.get(f.name) != getattr(self, f.name)]


@dataclass(frozen=True)
class CorpusPrompt:
    """The corpus-mode system message and the tokens of the prompt prefix it makes."""

    system: str
    tokens: list[int]
    corpus_sha256: str
    # (article id, sentence text) -> its number in ``system``; empty when the sentences are not numbered.
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)


@dataclass(frozen=True)
class CorpusSetup:
    """What ``prepare_corpus`` did: the prompt (None: retrieval mode), why, and what the cache cost."""

    prompt: CorpusPrompt | None
    reason: str
    cache_path: Path | None = None
    load_s: float | None = None  # restoring a saved cache
    build_s: float | None = None  # evaluating the prefix and saving it
    cache_bytes: int | None = None

    @property
    def mode(self) -> Literal["corpus", "retrieval"]:
        return "corpus" if self.prompt else "retrieval"


@dataclass(frozen=True)
class ModeChoice:
    """Which context mode a pipeline runs in, and why (logged, and shown by /readyz)."""

    mode: Literal["corpus", "retrieval"]
    reason: str


def corpus_hash(articles: Iterable[Article]) -> str:
    """SHA-256 of what the corpus prompt shows of each article (id, title, date, cleaned text)."""
    digest = hashlib.sha256()
    for a in sorted(articles, key=lambda a: a.article_id):
        for part in (a.article_id, a.title, a.date or "", a.text):
            digest.update(part.encode())
            digest.update(b"\0")
    return digest.hexdigest()


def corpus_prompt(
    generator: PrefixCachingGenerator, articles: Iterable[Article], *, numbered: bool = False
) -> CorpusPrompt:
    """The system message with every article, and the prompt-prefix tokens every question shares. ``numbered``:
    each sentence under its number, for hints that point (RAG_CORPUS_HINT_STYLE=pointer)."""
    ordered = [_without_orders(a) for a in sorted(articles, key=lambda a: a.article_id)]
    numbers = number_sentences(ordered) if numbered else {}
    system = corpus_system(ordered, numbers)
    # The shared prefix is where two prompts with different questions part: whatever the chat template
    # puts between the system message and the question, tokenised as it will be in a real prompt.
    first = generator.tokenize(
        generator.format([{"role": "system", "content": system}, {"role": "user", "content": "A"}])
    )
    second = generator.tokenize(
        generator.format([{"role": "system", "content": system}, {"role": "user", "content": "Question: B"}])
    )
    n = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        n += 1
    return CorpusPrompt(system=system, tokens=first[:n], corpus_sha256=corpus_hash(ordered), numbers=numbers)


def _without_orders(article: Article) -> Article:
    """The article without sentences that give the model orders (rag.injection): in the prompt, documents are data."""
    from index import split_sentences
    from rag.injection import addresses_the_model

    orders = [s for s in split_sentences(article) if addresses_the_model(s.text)]
    if not orders:
        return article
    text = article.text
    for sentence in reversed(orders):
        text = text[: sentence.start] + "[…]" + text[sentence.end :]
    return article.model_copy(update={"text": text})


def choose_mode(settings: Settings, *, can_cache: bool, prefix_tokens: int | None, n_ctx: int | None) -> ModeChoice:
    """Corpus mode when asked for (or, with ``auto``, when the collection fits the budget) and possible."""
    if settings.context_mode == "retrieval":
        return ModeChoice("retrieval", "RAG_CONTEXT_MODE=retrieval")
    asked = f"RAG_CONTEXT_MODE={settings.context_mode}"
    if not can_cache:
        return ModeChoice("retrieval", f"{asked}, but the {settings.backend} backend cannot keep a saved prompt cache")
    assert prefix_tokens is not None and n_ctx is not None
    if prefix_tokens + CONTEXT_RESERVE > n_ctx:
        return ModeChoice(
            "retrieval",
            f"{asked}, but the collection is {prefix_tokens} tokens and the context holds {n_ctx} "
            f"({CONTEXT_RESERVE} kept for the question and answer); raise RAG_N_CTX",
        )
    if settings.context_mode == "auto" and prefix_tokens > settings.corpus_max_tokens:
        return ModeChoice(
            "retrieval",
            f"the collection is {prefix_tokens} tokens, over the corpus budget RAG_CORPUS_MAX_TOKENS="
            f"{settings.corpus_max_tokens}",
        )
    return ModeChoice("corpus", f"{asked}: the whole collection ({prefix_tokens} tokens) is in the cached prompt")


class PromptCache:
    """One saved KV state in a file: magic line, header length, JSON header (key, tokens, checksum), state."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.path = directory / CACHE_FILE

    def load(self, key: CacheKey) -> tuple[list[int], bytes]:
        """The saved tokens and KV state; ``PromptCacheError`` says why when they cannot be used."""
        try:
            with open(self.path, "rb") as fh:
                if fh.read(len(_MAGIC)) != _MAGIC:
                    raise PromptCacheError(f"{self.path} is corrupt (not a prompt cache file)")
                (length,) = struct.unpack("<Q", fh.read(8))
                if length > 64 * 1024 * 1024:
                    raise PromptCacheError(f"{self.path} is corrupt (header of {length} bytes)")
                header = json.loads(fh.read(length))
                state = fh.read()
        except FileNotFoundError as exc:
            raise PromptCacheError(f"no prompt cache at {self.path} yet") from exc
        except (OSError, ValueError, struct.error) as exc:
            raise PromptCacheError(f"{self.path} is corrupt ({exc})") from exc
        if not isinstance(header, dict):
            raise PromptCacheError(f"{self.path} is corrupt (bad header)")
        changed = key.differences(header)
        if changed:
            raise PromptCacheError(f"{self.path} is stale: {', '.join(changed)} changed")
        if len(state) != header.get("state_bytes") or hashlib.sha256(state).hexdigest() != header.get("state_sha256"):
            raise PromptCacheError(f"{self.path} is corrupt (the KV state fails its checksum)")
        tokens = header.get("tokens")
        if not isinstance(tokens, list) or not all(isinstance(t, int) for t in tokens):
            raise PromptCacheError(f"{self.path} is corrupt (bad token list)")
        return tokens, state

    def save(self, key: CacheKey, tokens: list[int], state: bytes) -> None:
        """Write atomically: a reader sees the old file or the new one, never half of one."""
        header = {
            **asdict(key),
            "tokens": tokens,
            "state_bytes": len(state),
            "state_sha256": hashlib.sha256(state).hexdigest(),
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        raw = json.dumps(header).encode()
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f".{CACHE_FILE}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as fh:
                fh.write(_MAGIC + struct.pack("<Q", len(raw)) + raw)
                fh.write(state)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)


def prepare_corpus(
    settings: Settings,
    generator: Generator,
    articles: Iterable[Article],
    *,
    progress: ProgressFn | None = None,
    rebuild: bool | None = None,
) -> CorpusSetup:
    """Put the corpus prefix into ``generator``'s KV cache, or say why the answers use retrieval mode.

    The saved cache is loaded when it matches; otherwise it is rebuilt and saved (``rebuild``, default
    ``RAG_CORPUS_CACHE_REBUILD``), or retrieval mode is used. Every fallback is logged with its reason.
    """
    if not isinstance(generator, PrefixCachingGenerator):
        choice = choose_mode(settings, can_cache=False, prefix_tokens=None, n_ctx=None)
        log.info("context mode retrieval: %s", choice.reason)
        return CorpusSetup(None, choice.reason)
    if settings.context_mode == "retrieval":
        return CorpusSetup(None, "RAG_CONTEXT_MODE=retrieval")
    prompt = corpus_prompt(generator, articles, numbered=settings.corpus_hint_style == "pointer")
    choice = choose_mode(settings, can_cache=True, prefix_tokens=prompt.n_tokens, n_ctx=generator.n_ctx)
    log.info("context mode %s: %s", choice.mode, choice.reason)
    if choice.mode == "retrieval":
        return CorpusSetup(None, choice.reason)
    key = CacheKey(model_sha256(generator.path), prompt.corpus_sha256, PROMPT_VERSION, generator.n_ctx)
    cache = PromptCache(settings.index_dir / CACHE_DIR)
    started = time.perf_counter()
    try:
        tokens, state = cache.load(key)
        if tokens != prompt.tokens:
            raise PromptCacheError(f"{cache.path} is stale: its prefix tokens differ from this prompt's")
        generator.restore_prefix(tokens, state)
        load_s = time.perf_counter() - started
        log.info("prompt cache loaded: %d tokens, %.0f MB, in %.2f s", len(tokens), len(state) / 1e6, load_s)
        return CorpusSetup(prompt, choice.reason, cache.path, load_s=load_s, cache_bytes=cache.path.stat().st_size)
    except (PromptCacheError, GenerationError) as exc:
        problem = str(exc)
    if not (settings.corpus_cache_rebuild if rebuild is None else rebuild):
        reason = f"prompt cache not used ({problem}) and RAG_CORPUS_CACHE_REBUILD=false"
        log.warning("%s: answering in retrieval mode", reason)
        return CorpusSetup(None, reason)
    # A first build is routine; replacing a stale or damaged file is worth a warning.
    level = logging.WARNING if cache.path.exists() else logging.INFO
    log.log(level, "prompt cache not used (%s): evaluating the %d-token prefix", problem, prompt.n_tokens)
    started = time.perf_counter()
    try:
        build_prefix(generator, prompt, cache, key, progress=progress)
    except (GenerationError, OSError) as exc:
        reason = f"cannot build the prompt cache ({exc})"
        log.warning("%s: answering in retrieval mode", reason)
        return CorpusSetup(None, reason)
    return CorpusSetup(
        prompt,
        choice.reason,
        cache.path,
        build_s=time.perf_counter() - started,
        cache_bytes=cache.path.stat().st_size,
    )


def build_prefix(
    generator: PrefixCachingGenerator,
    prompt: CorpusPrompt,
    cache: PromptCache,
    key: CacheKey,
    *,
    progress: ProgressFn | None = None,
) -> None:
    """Evaluate the corpus prefix (tens of seconds for a few thousand tokens) and save its KV state."""
    started = time.perf_counter()
    generator.evaluate_prefix(prompt.tokens, progress=progress)
    tokens, state = generator.prefix_state()
    cache.save(key, tokens, state)
    log.info(
        "prompt cache built: %d tokens in %.1f s, %.0f MB at %s",
        len(tokens),
        time.perf_counter() - started,
        len(state) / 1e6,
        cache.path,
    )
