"""The baseline a user would build first: a stock LlamaIndex ``CitationQueryEngine`` over the same articles.

Same embedding model (wrapped as a LlamaIndex ``BaseEmbedding``) and same generator (wrapped as a
``CustomLLM``, each prompt sent as one user message through the model's chat template); otherwise
LlamaIndex's defaults: its default sentence splitter for the index, 512-token citation chunks,
``similarity_top_k=3``, compact response synthesis. Follow-ups go through a stock
``CondenseQuestionChatEngine``. It has no answerable flag: a reply that declines is its abstention. Its
citations are the source nodes its ``[n]`` markers name; they are not verified (score 0, supported false).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding, Embedding
from llama_index.core.base.llms.types import (
    ChatMessage as LIChatMessage,
)
from llama_index.core.base.llms.types import (
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
)
from llama_index.core.base.response.schema import Response
from llama_index.core.chat_engine import CondenseQuestionChatEngine
from llama_index.core.llms import CustomLLM
from llama_index.core.llms.callbacks import llm_completion_callback
from llama_index.core.memory import ChatMemoryBuffer
from llama_index.core.query_engine import CitationQueryEngine
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore
from pydantic import PrivateAttr

from eval.gold import GoldItem
from eval.refusal import is_refusal
from index import Article, TextEncoder
from rag.llm.base import Completion, Generator
from rag.models import Answer, Citation, Timings
from rag.parsing import parse_markers

__all__ = ["EncoderEmbedding", "GeneratorLLM", "LlamaIndexSystem"]

# LlamaIndex counts prompt tokens with tiktoken, not the generator's tokenizer, and the chat template adds
# a few more: leave headroom so a full prompt still fits the generator's context.
_CONTEXT_MARGIN = 320
_SOURCE_LABEL = re.compile(r"^\s*Source \d+:\s*\n?")


class EncoderEmbedding(BaseEmbedding):
    """Our ``TextEncoder`` (e.g. the bundled all-MiniLM-L6-v2) as a LlamaIndex embedding model."""

    _encoder: TextEncoder = PrivateAttr()

    def __init__(self, encoder: TextEncoder, **kwargs: Any):
        super().__init__(model_name=encoder.name, **kwargs)
        self._encoder = encoder

    @classmethod
    def class_name(cls) -> str:
        return "newsrag_encoder"

    def _get_query_embedding(self, query: str) -> Embedding:
        return [float(x) for x in self._encoder.encode([query])[0]]

    async def _aget_query_embedding(self, query: str) -> Embedding:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> Embedding:
        return self._get_query_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return [[float(x) for x in row] for row in self._encoder.encode(list(texts))]


class GeneratorLLM(CustomLLM):
    """Our ``Generator`` as a LlamaIndex LLM; it also keeps the completions of the current question."""

    context_window: int = 4096
    num_output: int = 256
    model_name: str = "newsrag-generator"
    _generator: Generator = PrivateAttr()
    _completions: list[Completion] = PrivateAttr(default_factory=list)

    def __init__(self, generator: Generator, *, context_window: int, num_output: int, **kwargs: Any):
        super().__init__(context_window=context_window, num_output=num_output, model_name=generator.name, **kwargs)
        self._generator = generator

    @classmethod
    def class_name(cls) -> str:
        return "newsrag_generator"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.num_output, model_name=self.model_name)

    def take_completions(self) -> list[Completion]:
        """The completions since the last call (what one question cost)."""
        done, self._completions = self._completions, []
        return done

    def _run(self, prompt: str) -> CompletionResponse:
        completion = self._generator.chat([{"role": "user", "content": prompt}], max_tokens=self.num_output)
        self._completions.append(completion)
        return CompletionResponse(text=completion.text)

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return self._run(prompt)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        response = self._run(prompt)

        def one() -> CompletionResponseGen:
            yield CompletionResponse(text=response.text, delta=response.text)

        return one()


class LlamaIndexSystem:
    """``CitationQueryEngine.from_args(index, llm=..., similarity_top_k=3)`` over the articles."""

    cites = True

    def __init__(
        self,
        name: str,
        articles: Sequence[Article],
        encoder: TextEncoder,
        generator: Generator,
        *,
        context_window: int,
        max_tokens: int,
        similarity_top_k: int = 3,
    ):
        self.name = name
        self.llm = GeneratorLLM(generator, context_window=context_window - _CONTEXT_MARGIN, num_output=max_tokens)
        self.embed_model = EncoderEmbedding(encoder)
        self._texts = {a.article_id: a.text for a in articles}
        documents = [
            Document(
                text=a.text,
                id_=a.article_id,
                metadata={"article_id": a.article_id, "title": a.title},
                excluded_embed_metadata_keys=["article_id"],
                excluded_llm_metadata_keys=["article_id"],
            )
            for a in articles
        ]
        self.index = VectorStoreIndex.from_documents(documents, embed_model=self.embed_model)
        self.engine = CitationQueryEngine.from_args(self.index, llm=self.llm, similarity_top_k=similarity_top_k)
        self._retrievers: dict[int, BaseRetriever] = {}

    def answer(self, item: GoldItem) -> Answer:
        started = time.perf_counter()
        self.llm.take_completions()
        question = item.question
        if item.history:
            chat = CondenseQuestionChatEngine.from_defaults(
                query_engine=self.engine, llm=self.llm, memory=ChatMemoryBuffer.from_defaults(llm=self.llm)
            )
            history = [LIChatMessage(role=m.role, content=m.content) for m in item.history]
            reply = chat.chat(item.question, chat_history=history)
            text, nodes = reply.response, reply.source_nodes
            if reply.sources and isinstance(reply.sources[0].raw_input, dict):
                question = str(reply.sources[0].raw_input.get("query") or question)
        else:
            response = self.engine.query(item.question)
            text = response.response or "" if isinstance(response, Response) else str(response)
            nodes = response.source_nodes
        text = text.strip()
        answerable = not is_refusal(text)
        completions = self.llm.take_completions()
        total_ms = (time.perf_counter() - started) * 1000
        generate_ms = sum(c.total_ms for c in completions)
        timings = Timings(
            retrieve_ms=max(0.0, total_ms - generate_ms),  # everything that is not generation
            generate_ms=generate_ms,
            total_ms=total_ms,
            prompt_tokens=sum(c.prompt_tokens for c in completions),
            completion_tokens=sum(c.completion_tokens for c in completions),
        )
        return Answer(
            answer=text,
            answerable=answerable,
            citations=self._citations(text, nodes) if answerable else [],
            timings=timings,
            model=self.llm.model_name,
            context_mode="llamaindex",
            question=question,
        )

    def _citations(self, text: str, nodes: Sequence[NodeWithScore]) -> list[Citation]:
        out = []
        for n in parse_markers(text, range(1, len(nodes) + 1)):
            node = nodes[n - 1].node
            quote = _SOURCE_LABEL.sub("", node.get_content()).strip()
            article_id = str(node.metadata.get("article_id", ""))
            start = self._texts.get(article_id, "").find(quote)
            out.append(
                Citation(
                    n=n,
                    article_id=article_id,
                    chunk_id=node.node_id,
                    title=str(node.metadata.get("title", "")),
                    quote=quote,
                    start=max(start, 0),
                    end=start + len(quote) if start >= 0 else 0,
                    score=0.0,
                    supported=False,
                )
            )
        return out

    def rank_articles(self, query: str, k: int) -> list[str] | None:
        if k not in self._retrievers:
            self._retrievers[k] = self.index.as_retriever(similarity_top_k=k)
        return [str(hit.node.metadata.get("article_id", "")) for hit in self._retrievers[k].retrieve(query)]
