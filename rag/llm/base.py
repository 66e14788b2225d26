"""What the answer pipeline needs of a language model, whatever runs it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypedDict, runtime_checkable

__all__ = ["ChoiceScorer", "Completion", "Generator", "Message", "PrefixCachingGenerator", "TokenCallback"]


class Message(TypedDict):
    role: str
    content: str


# Returning False asks the generator to stop early (e.g. the HTTP client went away).
TokenCallback = Callable[[str], bool | None]


@dataclass
class Completion:
    """A finished generation and what it cost."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    first_token_ms: float | None = None
    total_ms: float = 0.0
    stopped_early: bool = False
    # Speculative (prompt-lookup) decoding: tokens drafted, and decode calls after the prompt's. The prompt's
    # call yields the first token; each later call one token of its own plus the drafted ones it accepted.
    drafted_tokens: int = 0
    decode_steps: int = 0

    @property
    def accepted_tokens(self) -> int:
        """About how many drafted tokens the model kept (0 without a draft model)."""
        return max(0, self.completion_tokens - 1 - self.decode_steps) if self.decode_steps else 0


class Generator(Protocol):
    """A chat model: messages in, text out, optionally token by token."""

    name: str

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
        """Generate the assistant's reply to ``messages`` (greedy unless the backend is told otherwise).

        ``prefill`` starts the reply (it holds a small model to a format); the returned text excludes it.
        Backends that cannot prefill send it as an instruction-free hint and may repeat it. ``shared`` is text
        opening the last message that every prompt of its kind opens with ("Sentences that may help:"): a
        backend that keeps a prompt's head cached may keep it with the head.
        """
        ...


@runtime_checkable
class PrefixCachingGenerator(Generator, Protocol):
    """A generator whose KV cache of a prompt prefix can be evaluated, saved and restored (corpus mode)."""

    path: Path
    n_ctx: int

    def format(self, messages: Sequence[Message]) -> str:
        """The prompt text the model's chat template makes of ``messages``."""
        ...

    def tokenize(self, text: str) -> list[int]: ...

    def evaluate_prefix(self, tokens: Sequence[int], progress: Callable[[int, int], None] | None = None) -> None:
        """Evaluate ``tokens`` into an empty KV cache."""
        ...

    def prefix_state(self) -> tuple[list[int], bytes]:
        """The tokens in the KV cache and the cache's contents."""
        ...

    def restore_prefix(self, tokens: Sequence[int], state: bytes) -> None:
        """Load a state saved by ``prefix_state``."""
        ...


@runtime_checkable
class ChoiceScorer(Generator, Protocol):
    """A generator that can score a one-word reply: the next-token probability of each choice.

    The judge compares P(yes) with a threshold where a backend offers this: a greedy yes/no from a small
    model says "yes" to nearly anything.
    """

    def choice_probabilities(self, messages: Sequence[Message], choices: Sequence[str]) -> dict[str, float]: ...
