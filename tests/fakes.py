"""Deterministic stand-ins for the real models, for unit tests of one part."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from rag import Settings
from rag._exceptions import GenerationError
from rag.llm.base import Completion, Message, TokenCallback

if TYPE_CHECKING:
    from index import ChunkerConfig, LoadedIndex, Sentence, TextEncoder
    from rag.llm.base import Generator, PrefixCachingGenerator

F = TypeVar("F", bound="ScriptedGenerator")

# A scripted reply: a fixed text, or a function of the prompt's messages.
Reply = str | Callable[[Any], str]


class HashingEncoder:
    """Bag-of-words vectors hashed into a small space: same words, same direction."""

    name = "fake/hashing-encoder"

    def __init__(self, dim: int = 64):
        self._dim = dim
        self.calls: list[list[str]] = []

    @property
    def dimension(self) -> int:
        return self._dim

    def encode(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self._dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self.calls)


class ScriptedGenerator:
    """A chat model that replies from a script: a callable of the messages, or a fixed text.

    Streams its reply word by word through ``on_token`` and records every call.
    """

    def __init__(self, reply: Reply = "Sentences: 1\nAnswer: Scripted answer.", name: str = "fake/scripted"):
        self.reply = reply
        self.name = name
        self.calls: list[list[dict[str, str]]] = []

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        stop: Sequence[str] = (),
        on_token: TokenCallback | None = None,
        prefill: str = "",
        shared: str = "",
    ) -> Completion:
        self.calls.append([{"role": m["role"], "content": m["content"]} for m in messages])
        text = self.reply(messages) if callable(self.reply) else self.reply
        if prefill and text.startswith(prefill):
            text = text[len(prefill) :]
        pieces = re.findall(r"\S+\s*|\s+", text)
        emitted = []
        stopped = False
        for piece in pieces:
            emitted.append(piece)
            if on_token is not None and on_token(piece) is False:
                stopped = True
                break
        prompt_tokens = sum(len(m["content"].split()) for m in messages)
        return Completion(
            text="".join(emitted),
            prompt_tokens=prompt_tokens,
            completion_tokens=len(emitted),
            first_token_ms=1.0,
            total_ms=2.0,
            stopped_early=stopped,
        )


class PrefixCachingFake(ScriptedGenerator):
    """A scripted model with a pretend KV cache: counts the tokens it evaluates, saves and restores state.

    Tokens are words (ids from a shared vocabulary); the "state" is the token list as bytes, so a restored
    state is checked for real. ``fail_evaluate`` makes building the prefix fail like a broken backend.
    """

    def __init__(
        self, path: Path, reply: Reply = "Lucy Guo co-founded Scale AI.", n_ctx: int = 8192, fail_evaluate: bool = False
    ):
        super().__init__(reply=reply, name="fake/prefix")
        self.path = path
        self.n_ctx = n_ctx
        self.fail_evaluate = fail_evaluate
        self.held: list[int] = []
        self.evaluated = 0  # tokens run through the "model", prefix builds and prompt tails alike
        self.restored = 0
        self._vocab: dict[str, int] = {}

    def format(self, messages: Sequence[Message]) -> str:
        return "".join(f"<{m['role']}>\n{m['content']}\n</{m['role']}>\n" for m in messages) + "<assistant>\n"

    def tokenize(self, text: str) -> list[int]:
        return [self._vocab.setdefault(w, len(self._vocab)) for w in re.findall(r"\S+|\n", text)]

    def evaluate_prefix(self, tokens: Sequence[int], progress: Callable[[int, int], None] | None = None) -> None:
        if self.fail_evaluate:
            raise GenerationError("the fake backend cannot evaluate")
        self.held = list(tokens)
        self.evaluated += len(tokens)
        if progress:
            progress(len(tokens), len(tokens))

    def prefix_state(self) -> tuple[list[int], bytes]:
        return list(self.held), json.dumps(self.held).encode()

    def restore_prefix(self, tokens: Sequence[int], state: bytes) -> None:
        if json.loads(state) != list(tokens):
            raise GenerationError("state does not match its tokens")
        self.held = list(tokens)
        self.restored += 1

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        stop: Sequence[str] = (),
        on_token: TokenCallback | None = None,
        prefill: str = "",
        shared: str = "",
    ) -> Completion:
        tokens = self.tokenize(self.format(messages) + prefill)
        common = 0
        for a, b in zip(self.held, tokens, strict=False):
            if a != b:
                break
            common += 1
        self.evaluated += len(tokens) - common
        self.held = tokens
        completion = super().chat(messages, max_tokens=max_tokens, stop=stop, on_token=on_token, prefill=prefill)
        completion.prompt_tokens = len(tokens)
        completion.cached_tokens = common
        return completion


def as_fake(generator: object, kind: type[F]) -> F:
    """The fake behind a pipeline's ``Generator``, to read what it was asked."""
    assert isinstance(generator, kind), f"expected a {kind.__name__}, got {type(generator).__name__}"
    return generator


if TYPE_CHECKING:
    # mypy holds each fake to the protocol it stands in for: a drifted signature fails `make typecheck`.
    _encoder: TextEncoder = HashingEncoder()
    _generator: Generator = ScriptedGenerator()
    _prefix: PrefixCachingGenerator = PrefixCachingFake(Path("model.gguf"))


def sentences_of_text(article_id: str, text: str) -> list[Sentence]:
    """A small test text cut at ". " into sentences with exact offsets (the real splitter is not the subject)."""
    from index import Sentence

    out, start = [], 0
    for part in text.split(". "):
        piece = part if part.endswith(".") else part + "."
        begin = text.index(piece.rstrip("."), start)
        out.append(Sentence(article_id=article_id, start=begin, end=begin + len(piece), text=piece))
        start = begin + len(piece)
    return out


def articles_index(
    tmp_path: Path, articles: Mapping[str, str], config: ChunkerConfig | None = None
) -> tuple[LoadedIndex, HashingEncoder]:
    """A real index (FAISS, BM25, chunks) of ``articles`` ({file name: text}) under ``tmp_path``, embedded by the
    hashing fake: for pipeline tests whose subject is a stage, not the embedding model. ``config`` sets the chunk
    size where a test needs a passage left out of what retrieval returns."""
    from index import build_index, load_index

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text)
    encoder = HashingEncoder(dim=256)
    build_index(folder, tmp_path / "index", encoder, config)
    return load_index(tmp_path / "index"), encoder


def one_article_index(tmp_path: Path, text: str) -> tuple[LoadedIndex, HashingEncoder]:
    """``articles_index`` of one article, ``text`` with its "# " title line."""
    return articles_index(tmp_path, {"article.md": text})


def gate_settings(**overrides: Any) -> Settings:
    """Settings for a pipeline test of the gates with a scripted model and the hashing encoder: retrieval mode, no
    judge, any passage relevant, and a support threshold the hashing encoder's low similarities can meet."""
    defaults: dict[str, Any] = {
        "judge": False,
        "context_mode": "retrieval",
        "min_relevance": 0.0,
        "support_threshold": 0.2,
    }
    return Settings(**{**defaults, **overrides})
