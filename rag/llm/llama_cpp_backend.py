"""llama.cpp through llama-cpp-python: the default CPU backend, with prompt-prefix reuse."""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag._exceptions import GenerationError, ModelUnavailableError
from rag.llm.base import Completion, Message, TokenCallback

__all__ = ["LlamaCppGenerator"]

# Tokens per eval call while building a saved prefix: small enough for a progress bar to move.
_PREFIX_SLICE = 256


class LlamaCppGenerator:
    """A GGUF model in this process. One generation at a time (the lock); the KV cache keeps a prompt's fixed
    head (everything before its last message) between calls, so it is evaluated once.

    Only that head, a prefix saved for corpus mode, or the whole of the call just before (a judge asking after
    the draft it judges) is reused: never another question's tail. llama.cpp sums a batch in another order than
    a cached token by token, and a 1.5B model's greedy draft can turn on a near tie, so reusing whatever the
    previous question happened to share made the same question's answer depend on what was asked before it
    (Wikinews w698: answered after itself, refused after w694). Each part is now always evaluated alike.
    """

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        temperature: float = 0.0,
        seed: int = 0,
        verbose: bool = False,
        prompt_lookup_tokens: int = 0,
        prompt_lookup_ngram: int = 2,
    ):
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelUnavailableError(
                "llama-cpp-python is not installed: pip install -e '.[local-model]' (or run `make install`)"
            ) from exc
        if not model_path.is_file():
            raise ModelUnavailableError(f"model file {model_path} does not exist (set RAG_MODEL_PATH)")
        self.name = model_path.stem
        self.path = model_path
        self.temperature = temperature
        self.seed = seed
        self._lock = threading.Lock()
        threads = n_threads or max(1, os.cpu_count() or 1)
        # Prompt-lookup decoding: answers copy article sentences, so the tokens that followed the last n-gram
        # in the prompt are drafted and checked in one batch; greedy decoding keeps the tokens plain decoding
        # would have chosen, but for near ties that a batch's other summation order can flip (see
        # tests/rag/test_prompt_lookup_real.py). llama-cpp-python then needs logits for every token of a batch.
        self._draft = _CountingPromptLookup(prompt_lookup_ngram, prompt_lookup_tokens) if prompt_lookup_tokens else None
        # llama.cpp prints its load log on stderr through C; keep the terminal clean unless asked.
        sink = io.StringIO()
        try:
            with contextlib.redirect_stderr(sink):
                self.llm = Llama(
                    model_path=str(model_path),
                    n_ctx=n_ctx,
                    n_threads=threads,
                    n_threads_batch=threads,
                    seed=seed,
                    verbose=verbose,
                    logits_all=self._draft is not None,
                    # Duck-typed like llama-cpp-python's own draft models: it only calls it on the token ids.
                    draft_model=self._draft,  # type: ignore[arg-type]
                )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelUnavailableError(f"cannot load {model_path} with llama.cpp: {exc}") from exc
        self.n_ctx = n_ctx
        # Tokens of a prefix evaluated or restored alone (corpus mode's), and of the last call's prompt.
        self._pinned = 0
        self._previous = 0
        self._head_text = ""
        self._head_ids: list[int] = []
        template = self.llm.metadata.get("tokenizer.chat_template")
        if not template:
            raise ModelUnavailableError(f"{model_path} carries no chat template; use an instruct model")
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        model = self.llm._model
        self._formatter = Jinja2ChatFormatter(
            template=template,
            eos_token=model.token_get_text(self.llm.token_eos()),
            bos_token=model.token_get_text(self.llm.token_bos()),
        )

    def format(self, messages: Sequence[Message]) -> str:
        """The prompt text the model's own chat template makes of ``messages``."""
        result = self._formatter(messages=[dict(m) for m in messages])  # type: ignore[misc]
        return str(result.prompt)

    def tokenize(self, text: str) -> list[int]:
        return list(self.llm.tokenize(text.encode(), add_bos=False, special=True))

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

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
        formatted = self.format(messages)
        prompt = formatted + prefill
        head = self._head(messages, formatted)
        if shared and messages[-1]["content"].startswith(shared):
            head += shared
        return self.complete(prompt, max_tokens=max_tokens, stop=stop, on_token=on_token, head=head)

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        stop: Sequence[str] = (),
        on_token: TokenCallback | None = None,
        head: str = "",
    ) -> Completion:
        """Continue a raw prompt (already in the model's chat format); ``head`` is the start of it that other
        prompts share (its instructions), the part that is kept cached between calls."""
        tokens = self.tokenize(prompt)
        if len(tokens) + max_tokens > self.n_ctx:
            raise GenerationError(
                f"prompt of {len(tokens)} tokens plus {max_tokens} to generate exceeds the context of {self.n_ctx}"
            )
        with self._lock:
            started = time.perf_counter()
            try:
                kept, cached = self._settle(tokens, self._head_tokens(head, tokens))
            except (RuntimeError, ValueError) as exc:
                raise GenerationError(f"llama.cpp failed: {exc}") from exc
            self._previous = len(tokens)
            first: float | None = None
            parts: list[str] = []
            stopped = False
            n_out = 0
            try:
                if self._draft is not None:
                    self._draft.reset()
                    self._evaluate_without_logits(tokens[:-1], kept)
                stream: Any = self.llm.create_completion(
                    tokens,
                    max_tokens=max_tokens,
                    temperature=self.temperature,
                    top_k=1 if self.temperature == 0 else 40,
                    repeat_penalty=1.0,
                    seed=self.seed,
                    stop=list(stop) or None,
                    stream=True,
                )
                for chunk in stream:
                    choice = chunk["choices"][0]
                    piece = choice["text"]
                    if choice.get("finish_reason") is None:
                        n_out += 1
                    if first is None:
                        first = (time.perf_counter() - started) * 1000
                    if not piece:
                        continue
                    parts.append(piece)
                    if on_token is not None and on_token(piece) is False:
                        stopped = True
                        break
            except (RuntimeError, ValueError) as exc:
                raise GenerationError(f"llama.cpp failed: {exc}") from exc
            return Completion(
                text="".join(parts),
                prompt_tokens=len(tokens),
                completion_tokens=n_out,
                cached_tokens=cached,
                first_token_ms=first,
                total_ms=(time.perf_counter() - started) * 1000,
                stopped_early=stopped,
                drafted_tokens=self._draft.drafted if self._draft else 0,
                decode_steps=self._draft.steps if self._draft else 0,
            )

    def choice_probabilities(self, messages: Sequence[Message], choices: Sequence[str]) -> dict[str, float]:
        """Probability of each one-word reply (e.g. yes/no), read from the next-token distribution.

        A calibrated score lets the caller pick its own threshold, where a greedy "yes" from a small
        model is almost always yes. Re-uses the cached prompt prefix like ``complete``.
        """
        formatted = self.format(messages)
        tokens = self.tokenize(formatted)
        head = self._head_tokens(self._head(messages, formatted), tokens)
        variants = {
            c: {self.tokenize(v)[0] for v in (c, c.capitalize(), " " + c, " " + c.capitalize())} for c in choices
        }
        with self._lock:
            try:
                # At least the last prompt token is evaluated, so its logits are fresh.
                keep, _ = self._settle(tokens, head)
                self._previous = len(tokens)
                # Only the last token's logits are read: none for the others, even in prompt lookup's mode.
                logits_all, self.llm._logits_all = self.llm._logits_all, False
                try:
                    self.llm.eval(tokens[keep:])
                finally:
                    self.llm._logits_all = logits_all
                logits = np.ctypeslib.as_array(self.llm._ctx.get_logits_ith(-1), shape=(self.llm.n_vocab(),)).copy()
            except (RuntimeError, ValueError) as exc:
                raise GenerationError(f"llama.cpp failed: {exc}") from exc
        logits -= logits.max()
        probs = np.exp(logits)
        probs /= probs.sum()
        return {c: float(sum(probs[t] for t in ids)) for c, ids in variants.items()}

    # -- a prompt prefix kept across processes (the corpus cache) ----------------------------------------

    def evaluate_prefix(self, tokens: Sequence[int], progress: Callable[[int, int], None] | None = None) -> None:
        """Evaluate ``tokens`` into an empty KV cache, a slice at a time so a progress bar can follow."""
        if len(tokens) >= self.n_ctx:
            raise GenerationError(f"a prefix of {len(tokens)} tokens does not fit the context of {self.n_ctx}")
        with self._lock:
            self.llm.reset()
            self._pinned = self._previous = 0
            try:
                self._evaluate_alone(tokens, progress)
            except (RuntimeError, ValueError) as exc:
                self.llm.reset()
                raise GenerationError(f"llama.cpp failed evaluating the prefix: {exc}") from exc
            self._pinned = len(tokens)

    def prefix_state(self) -> tuple[list[int], bytes]:
        """The tokens held in the KV cache and the cache's contents (keys and values only, no logits)."""
        import llama_cpp

        with self._lock:
            ctx = self.llm._ctx.ctx
            size = llama_cpp.llama_state_seq_get_size(ctx, 0)
            buffer = (ctypes.c_uint8 * size)()
            written = llama_cpp.llama_state_seq_get_data(ctx, buffer, size, 0)
            if written != size:
                raise GenerationError(f"llama.cpp wrote {written} of {size} bytes of KV state")
            return self.llm._input_ids[: self.llm.n_tokens].tolist(), bytes(buffer)

    def restore_prefix(self, tokens: Sequence[int], state: bytes) -> None:
        """Put a saved KV state back; the next prompt starting with ``tokens`` evaluates only its tail."""
        if len(tokens) >= self.n_ctx:
            raise GenerationError(f"a saved prefix of {len(tokens)} tokens does not fit the context of {self.n_ctx}")
        import llama_cpp

        with self._lock:
            self.llm.reset()
            buffer = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
            read = llama_cpp.llama_state_seq_set_data(self.llm._ctx.ctx, buffer, len(state), 0)
            if read != len(state):
                self.llm.reset()
                self.llm._ctx.kv_cache_seq_rm(-1, 0, -1)
                raise GenerationError("llama.cpp rejected the saved KV state (another model or context size?)")
            self.llm.input_ids[: len(tokens)] = tokens
            self.llm.n_tokens = len(tokens)
            self._pinned, self._previous = len(tokens), 0
            # The logits of the last prefix token were not saved: the next call must decode before sampling.
            self.llm._requires_eval = True

    def _evaluate_without_logits(self, tokens: Sequence[int], cached: int) -> None:
        """Evaluate a prompt's new tokens but the last without their logits (prompt lookup's mode computes
        logits for every token of a batch: the output layer over a whole question for nothing). The
        completion that follows then finds them cached and evaluates only the last token."""
        if len(tokens) <= cached:
            return
        self.llm._ctx.kv_cache_seq_rm(-1, cached, -1)
        self.llm.n_tokens = cached
        logits_all, self.llm._logits_all = self.llm._logits_all, False
        try:
            self.llm.eval(list(tokens[cached:]))
        finally:
            self.llm._logits_all = logits_all

    def _head(self, messages: Sequence[Message], full: str) -> str:
        """The prompt text (``full``, the messages formatted) before the last message's content: what prompts of
        one kind share."""
        if not messages:
            return ""
        empty = self.format([*messages[:-1], {"role": messages[-1]["role"], "content": ""}])
        n = 0
        for a, b in zip(full, empty, strict=False):
            if a != b:
                break
            n += 1
        return full[:n]

    def _head_tokens(self, head: str, tokens: list[int]) -> int:
        """How many leading tokens of ``tokens`` are the head's, short of the last prompt token (whose logits
        every call needs fresh); the head's last token may merge with what follows, so it is not counted."""
        if not head:
            return 0
        # The same head on every call of a kind (in corpus mode the whole collection): tokenized once.
        if head != self._head_text:
            self._head_text, self._head_ids = head, self.tokenize(head)
        own = self._head_ids
        n = 0
        for a, b in zip(own[:-1], tokens, strict=False):
            if a != b:
                break
            n += 1
        return min(n, len(tokens) - 1)

    def _settle(self, tokens: list[int], head: int) -> tuple[int, int]:
        """Leave the KV cache holding a prefix of ``tokens`` evaluated as every call evaluates it: the whole of
        the last call where this prompt continues it (a judge after its draft); else the prompt's head,
        evaluated on its own (after a saved prefix it extends) where not held. Returns that prefix's length and
        how much of it was held before."""
        held = self._common_prefix(tokens)
        if 0 < self._pinned <= held and self._pinned < len(tokens):
            head = max(head, self._pinned)  # a saved prefix ends where it ends, not a token short of its head
        if self._previous and self._previous <= held < len(tokens):
            keep = reused = held
        elif held >= head:
            keep = reused = head
        else:
            keep, reused = head, (self._pinned if 0 < self._pinned <= held else 0)
        self.llm._ctx.kv_cache_seq_rm(-1, reused, -1)
        self.llm.n_tokens = reused
        self._evaluate_alone(tokens[reused:keep])
        return keep, reused

    def _evaluate_alone(self, tokens: Sequence[int], progress: Callable[[int, int], None] | None = None) -> None:
        """Evaluate ``tokens`` after what the cache holds, in slices of their own, without logits: nothing samples
        inside a prefix, and logits for all its tokens (prompt lookup's mode) would cost the output layer on
        thousands of tokens and gigabytes of scores."""
        logits_all, self.llm._logits_all = self.llm._logits_all, False
        try:
            for start in range(0, len(tokens), _PREFIX_SLICE):
                self.llm.eval(list(tokens[start : start + _PREFIX_SLICE]))
                if progress:
                    progress(min(start + _PREFIX_SLICE, len(tokens)), len(tokens))
        finally:
            self.llm._logits_all = logits_all

    def _common_prefix(self, tokens: list[int]) -> int:
        """How many leading tokens of ``tokens`` the KV cache already holds."""
        held = self.llm._input_ids[: self.llm.n_tokens].tolist()
        n = 0
        for a, b in zip(held, tokens, strict=False):
            if a != b:
                break
            n += 1
        return n


class _CountingPromptLookup:
    """llama-cpp-python's prompt-lookup draft model, counting what it drafted (the acceptance rate's inputs).

    Each call is one decode step of the speculative loop; ``drafted`` is the tokens it proposed.
    """

    def __init__(self, max_ngram_size: int, num_pred_tokens: int):
        from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

        self._inner = LlamaPromptLookupDecoding(max_ngram_size=max_ngram_size, num_pred_tokens=num_pred_tokens)
        self.drafted = 0
        self.steps = 0

    def reset(self) -> None:
        self.drafted = 0
        self.steps = 0

    def __call__(self, input_ids: Any, /, **kwargs: Any) -> Any:
        draft = self._inner(input_ids, **kwargs)
        self.steps += 1
        self.drafted += len(draft)
        return draft
