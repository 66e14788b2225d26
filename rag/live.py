"""An answer pipeline over the shared database that follows other replicas' writes.

Before each question it reads the store's generation (one indexed single-row query); when another replica or
``rag index`` has committed since, it rebuilds its per-collection state (titles, the figures behind the
false-premise check, the corpus prompt when in corpus mode) and swaps it in between two answers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence

from index import Article, StoreIndex, TextEncoder
from rag.corpus import CorpusPrompt
from rag.llm.base import Generator, TokenCallback
from rag.models import Answer, ChatMessage
from rag.pipeline import AnswerPipeline
from rag.settings import Settings

__all__ = ["CorpusFactory", "LivePipeline"]

log = logging.getLogger(__name__)

# The corpus prompt for a collection (None: retrieval mode) and why.
CorpusFactory = Callable[[Iterable[Article]], tuple[CorpusPrompt | None, str]]


class LivePipeline(AnswerPipeline):
    """``AnswerPipeline`` whose collection is re-read when the store's generation moves."""

    def __init__(
        self,
        settings: Settings,
        generator: Generator,
        index: StoreIndex,
        encoder: TextEncoder,
        judge: Generator | None = None,
        corpus_for: CorpusFactory | None = None,
    ):
        corpus, reason = corpus_for(index.articles.values()) if corpus_for else (None, "retrieval")
        super().__init__(settings, generator, index, encoder, judge=judge, corpus=corpus, mode_reason=reason)
        self.store_index = index
        self._judge_arg = judge
        self._corpus_for = corpus_for
        self._refresh_lock = threading.Lock()

    def refresh(self) -> bool:
        """Catch up with the store; True when the collection changed (raises ``StoreUnavailableError``)."""
        store = self.store_index.store
        if store.generation() == self.store_index.generation:
            return False
        with self._refresh_lock:
            if store.generation() == self.store_index.generation:
                return False
            fresh = StoreIndex(store)
            corpus, reason = self._corpus_for(fresh.articles.values()) if self._corpus_for else (None, "retrieval")
            rebuilt = AnswerPipeline(
                self.settings,
                self.generator,
                fresh,
                self.encoder,
                judge=self._judge_arg,
                corpus=corpus,
                mode_reason=reason,
            )
            with self._lock:  # never under an answer in progress
                for name, value in vars(rebuilt).items():
                    if name != "_lock":
                        setattr(self, name, value)
                self.store_index = fresh
            log.info("collection changed: generation %s, %d articles", fresh.generation, len(fresh.articles))
            return True

    def ask(
        self,
        question: str,
        *,
        history: Sequence[ChatMessage] = (),
        top_k: int | None = None,
        on_token: TokenCallback | None = None,
    ) -> Answer:
        self.refresh()
        return super().ask(question, history=history, top_k=top_k, on_token=on_token)
