"""Has the model write its reply: two lines over numbered sentences, or one line over the cached collection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rag.llm.base import Completion, Generator, Message, TokenCallback
from rag.models import Evidence
from rag.prompt_cache import CorpusPrompt
from rag.prompts import answer_messages, corpus_lead, corpus_messages
from rag.stages.dates import asks_about_time
from rag.stages.relay import AnswerRelay

__all__ = ["Draft", "Drafter"]

# The reply is started for the model: a 1.5B model keeps the two-line format far better that way.
PREFILL = "Sentences:"
STOPS = ["\n\n\n", "Question:"]


@dataclass
class Draft:
    """The model's reply and the calls it took."""

    reply: str
    shown: int  # how many of the evidence sentences were numbered in the prompt
    completions: list[Completion] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)  # the prompt, for a follow-up in the same context


class Drafter:
    """Corpus mode when ``corpus`` is given (the generator's KV cache holds its prefix), else retrieval mode."""

    def __init__(
        self,
        generator: Generator,
        *,
        max_tokens: int,
        corpus: CorpusPrompt | None,
        corpus_hints: int,
        corpus_hint_words: int = 0,
        corpus_terse: bool = False,
        all_dates: bool = False,
    ):
        self.generator = generator
        self.max_tokens = max_tokens
        self.corpus = corpus
        self.corpus_hints = corpus_hints
        self.corpus_hint_words = corpus_hint_words
        self.corpus_terse = corpus_terse
        self.all_dates = all_dates

    def run(
        self,
        question: str,
        evidence: Sequence[Evidence],
        on_token: TokenCallback | None = None,
        *,
        hints: int | None = None,
    ) -> Draft:
        """``hints``: in corpus mode, how many of ``evidence`` go before the question (default: the setting)."""
        if self.corpus:
            shown = min(self.corpus_hints if hints is None else hints, len(evidence))
            # A second try's focused sentences are shown whole, neither clipped nor pointed at: they were chosen
            # for the words they hold.
            clip = self.corpus_hint_words if hints is None else 0
            numbers = self.corpus.numbers if hints is None else None
            messages = corpus_messages(
                self.corpus.system,
                question,
                evidence[:shown],
                hint_words=clip,
                numbers=numbers,
                terse=self.corpus_terse,
            )
            prefill = ""
            # No sentences line in corpus mode: everything the model writes is the answer.
            relay = AnswerRelay(on_token, open=True)
        else:
            shown = len(evidence)
            # An article's date costs ~11 prompt tokens (~0.1 s); the model needs it only for a question about
            # time. The gates read dates from the index, not the prompt.
            messages = answer_messages(question, evidence, dates=self.all_dates or asks_about_time(question))
            prefill = PREFILL
            relay = AnswerRelay(on_token)

        # Corpus mode's question message opens alike every time: kept cached with the collection (~0.1 s).
        shared = corpus_lead(messages) if self.corpus else ""

        def generate(prefill: str) -> Completion:
            return self.generator.chat(
                messages,
                max_tokens=self.max_tokens,
                stop=STOPS,
                on_token=relay if on_token else None,
                prefill=prefill,
                shared=shared,
            )

        completion = generate(prefill)
        draft = Draft(prefill + completion.text, shown, [completion], messages)
        if not self.corpus and not draft.reply.strip().partition("\n")[2].strip() and not completion.stopped_early:
            # The model named sentences and stopped there: start its answer line for it. The prompt and
            # the first line are cached, so this costs only the new tokens.
            relay.open = True
            head = draft.reply.rstrip() + "\nAnswer:"
            more = generate(head)
            draft.completions.append(more)
            draft.reply = head + more.text
        return draft
