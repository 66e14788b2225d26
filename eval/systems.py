"""The configurations the harness can score, as a registry: name -> factory of a ``System``.

A ``System`` answers a gold question with a ``rag.models.Answer`` (whatever produced it) and, where it
retrieves, ranks article ids for a query so retrieval can be scored on its own. The pipeline configurations
are built exactly as ``rag`` builds its pipeline (``make_pipeline``) from settings with their overrides;
the baselines share one ``SharedModels`` (a generator, the embedder, the index) per run. Add a configuration
with ``@register("name", "what it is", **settings_overrides)`` on a factory ``(settings, shared) -> System``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from eval.gold import GoldItem
from eval.refusal import is_refusal
from index import Embedder, LoadedIndex, StoreIndex
from rag.llm.base import Generator, Message
from rag.models import Answer, Timings
from rag.pipeline import AnswerPipeline
from rag.runtime import make_embedder, make_generator, make_pipeline, open_index
from rag.settings import Settings

__all__ = [
    "BASELINE",
    "CLOSED_BOOK_PROMPT",
    "PIPELINE_CONFIGS",
    "REGISTRY",
    "ClosedBookSystem",
    "ConfigSpec",
    "PipelineSystem",
    "SharedModels",
    "System",
    "parse_configs",
    "register",
]


class System(Protocol):
    """One configuration under test."""

    name: str
    cites: bool  # whether it is meant to cite (citation metrics are n/a otherwise)

    def answer(self, item: GoldItem) -> Answer:
        """Answer one gold question (with its history, for follow-ups)."""
        ...

    def rank_articles(self, query: str, k: int) -> list[str] | None:
        """Article ids of its top ``k`` retrieved passages, best first; None if it does not retrieve."""
        ...


class SharedModels:
    """Parts built on first use and shared by the configurations of a run that take them as parts."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def generator(self) -> Generator:
        return make_generator(self.settings)

    @cached_property
    def embedder(self) -> Embedder:
        return make_embedder(self.settings)

    @cached_property
    def index(self) -> LoadedIndex | StoreIndex:
        return open_index(self.settings, self.embedder, build_if_missing=True)


SystemFactory = Callable[[Settings, SharedModels], System]


@dataclass(frozen=True)
class ConfigSpec:
    """A registered configuration; ``overrides`` are the settings it changes (shown in its report)."""

    name: str
    description: str
    factory: SystemFactory
    overrides: dict[str, object] = field(default_factory=dict)

    def settings(self, base: Settings) -> Settings:
        """``base`` with this configuration's overrides, validated like a fresh ``Settings``."""
        if not self.overrides:
            return base
        return Settings.model_validate({**base.model_dump(), **self.overrides})

    def build(self, base: Settings, shared: SharedModels) -> System:
        return self.factory(self.settings(base), shared)


REGISTRY: dict[str, ConfigSpec] = {}
BASELINE = "pipeline"  # what a comparison is paired against, unless it names a context mode first
# Configurations that are the project's pipeline itself (in a given context mode): one named first is the
# baseline, so `--compare corpus,retrieval` compares the two modes without a third, duplicate run.
PIPELINE_CONFIGS = (
    "pipeline",
    "corpus",
    "retrieval",
    "unbound",
    "corpus_unbound",
    "retrieval_unbound",
    "single",
    "corpus_single",
    "ownjudge",
    "corpus_ownjudge",
)


def register(name: str, description: str, **overrides: object) -> Callable[[SystemFactory], SystemFactory]:
    """Decorator adding a factory to ``REGISTRY``; it receives the settings with ``overrides`` applied."""

    def add(factory: SystemFactory) -> SystemFactory:
        if name in REGISTRY:
            raise ValueError(f"configuration {name!r} is already registered")
        REGISTRY[name] = ConfigSpec(name, description, factory, dict(overrides))
        return factory

    return add


def parse_configs(names: str | None) -> list[str]:
    """Configuration names from ``--compare a,b,c``, the baseline first, no repeats.

    The baseline is the first name when that is a pipeline configuration, else ``pipeline`` (added).
    """
    if names is None:
        return [BASELINE]
    chosen = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in REGISTRY]
    if unknown or not chosen:
        raise ValueError(f"unknown configuration {', '.join(unknown) or '(none given)'}; known: {', '.join(REGISTRY)}")
    head = [] if chosen[0] in PIPELINE_CONFIGS else [BASELINE]
    return list(dict.fromkeys([*head, *chosen]))


# -- the project's pipeline, and its retrieval variants --------------------------------------------


class PipelineSystem:
    """The project's ``AnswerPipeline``, driven like a user drives it: ``ask`` with the history."""

    cites = True

    def __init__(self, name: str, pipeline: AnswerPipeline):
        self.name = name
        self.pipeline = pipeline

    def answer(self, item: GoldItem) -> Answer:
        return self.pipeline.ask(item.question, history=item.history)

    def rank_articles(self, query: str, k: int) -> list[str] | None:
        return [hit.chunk.article_id for hit in self.pipeline.retriever.search(query, k=k)]


def _pipeline(name: str) -> SystemFactory:
    def build(settings: Settings, shared: SharedModels) -> System:
        # Built exactly as `rag` builds it, generator (and judge context) included: llama.cpp maps the
        # weights once, so a second load costs seconds, and latency is then the latency users see.
        return PipelineSystem(name, make_pipeline(settings))

    return build


register("pipeline", "the project's default: hybrid retrieval, evidence sentences, verified citations")(
    _pipeline("pipeline")
)
register(
    "corpus",
    "the pipeline in corpus mode: whole collection in a cached prompt, RAG_CORPUS_HINTS retrieved sentences",
    context_mode="corpus",
)(_pipeline("corpus"))
register(
    "corpus_nohints", "corpus mode without hint sentences before the question", context_mode="corpus", corpus_hints=0
)(_pipeline("corpus_nohints"))
register(
    "corpus_hints3", "corpus mode with three hint sentences before the question", context_mode="corpus", corpus_hints=3
)(_pipeline("corpus_hints3"))
register(
    "retrieval",
    "the pipeline in retrieval mode: best sentences of the top-k passages in the prompt",
    context_mode="retrieval",
)(_pipeline("retrieval"))
# Without the question-aware gate (rag.stages.binding): the pipeline as it was before that gate existed.
register("unbound", "the pipeline without the question-aware gate", binding_check=False)(_pipeline("unbound"))
register("corpus_unbound", "corpus mode without the question-aware gate", context_mode="corpus", binding_check=False)(
    _pipeline("corpus_unbound")
)
register(
    "retrieval_unbound",
    "retrieval mode without the question-aware gate",
    context_mode="retrieval",
    binding_check=False,
)(_pipeline("retrieval_unbound"))
# Without the cross-article steps (rag.stages.gather, lists, bridge): each answer from one draft, as before them.
register(
    "single",
    "the pipeline answering from one draft: no gathering across articles, no bridging",
    gather=False,
    bridge=False,
)(_pipeline("single"))
register(
    "corpus_single",
    "corpus mode answering from one draft: no gathering across articles, no bridging",
    context_mode="corpus",
    gather=False,
    bridge=False,
)(_pipeline("corpus_single"))
register(
    "skipjudge",
    "the pipeline without the judge when the answer's figures are literally bound to the asked attribute and subject",
    judge_skip_bound=True,
)(_pipeline("skipjudge"))
register(
    "corpus_skipjudge",
    "corpus mode without the judge when the answer's figures are literally bound to the asked attribute and subject",
    context_mode="corpus",
    judge_skip_bound=True,
)(_pipeline("corpus_skipjudge"))
# Without the judge at all: what it buys, on both sides, against what it costs (one more model call per answer).
register("nojudge", "the pipeline without the judge (RAG_JUDGE=false)", judge=False)(_pipeline("nojudge"))
register("corpus_nojudge", "corpus mode without the judge (RAG_JUDGE=false)", context_mode="corpus", judge=False)(
    _pipeline("corpus_nojudge")
)
# The judge with its own prompt and threshold, as before RAG_JUDGE_IN_CONTEXT became the default.
register("ownjudge", "the pipeline with the judge's own prompt (RAG_JUDGE_IN_CONTEXT=false)", judge_in_context=False)(
    _pipeline("ownjudge")
)
register(
    "corpus_ownjudge",
    "corpus mode with the judge's own prompt (RAG_JUDGE_IN_CONTEXT=false)",
    context_mode="corpus",
    judge_in_context=False,
)(_pipeline("corpus_ownjudge"))
register("dense", "the pipeline with dense-only retrieval", retrieval_lexical=False)(_pipeline("dense"))
register("bm25", "the pipeline with BM25-only retrieval", retrieval_dense=False)(_pipeline("bm25"))


# -- closed book ------------------------------------------------------------------------------------

CLOSED_BOOK_MAX_TOKENS = 64
CLOSED_BOOK_PROMPT = (
    "Answer the question briefly, in one sentence. If you don't know the answer, say that you don't know."
)


class ClosedBookSystem:
    """No retrieval: the generator alone, asked to answer briefly or say it does not know."""

    cites = False

    def __init__(self, name: str, generator: Generator, max_tokens: int):
        self.name = name
        self.generator = generator
        self.max_tokens = max_tokens

    def answer(self, item: GoldItem) -> Answer:
        messages: list[Message] = [{"role": "system", "content": CLOSED_BOOK_PROMPT}]
        messages += [{"role": m.role, "content": m.content} for m in item.history]
        messages.append({"role": "user", "content": item.question})
        started = time.perf_counter()
        completion = self.generator.chat(messages, max_tokens=self.max_tokens, stop=["\n\n"])
        text = completion.text.strip()
        timings = Timings(
            generate_ms=completion.total_ms,
            total_ms=(time.perf_counter() - started) * 1000,
            prompt_tokens=completion.prompt_tokens,
            completion_tokens=completion.completion_tokens,
            first_token_ms=completion.first_token_ms,
        )
        return Answer(
            answer=text,
            answerable=not is_refusal(text),
            timings=timings,
            model=self.generator.name,
            context_mode="closed_book",
            question=item.question,
        )

    def rank_articles(self, query: str, k: int) -> list[str] | None:
        return None


@register("closed_book", "no retrieval: the same generator asked directly, told to say when it does not know")
def _closed_book(settings: Settings, shared: SharedModels) -> System:
    # One sentence was asked for; a cap keeps a rambling model from costing minutes on a busy CPU.
    return ClosedBookSystem("closed_book", shared.generator, min(settings.max_tokens, CLOSED_BOOK_MAX_TOKENS))


@register("llamaindex", "stock LlamaIndex CitationQueryEngine, same embedder and generator, similarity_top_k=3")
def _llamaindex(settings: Settings, shared: SharedModels) -> System:
    from eval.llamaindex_baseline import LlamaIndexSystem  # llama-index is slow to import; only when asked

    return LlamaIndexSystem(
        "llamaindex",
        list(shared.index.articles.values()),
        shared.embedder,
        shared.generator,
        context_window=settings.n_ctx,
        max_tokens=settings.max_tokens,
    )
