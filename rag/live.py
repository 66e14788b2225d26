"""A running pipeline follows the collection: switch to a new generation, rebuild corpus mode's prompt cache aside.

The collection is either the index directory (``CURRENT`` names the live generation: an upload, a removal or
``rag index`` publishes a new one) or a shared store (``RAG_DATABASE_URL``: every committed write bumps the
database's generation, whichever replica or ``rag index`` made it). ``is_stale`` compares the pipeline's
generation with the live one; ``switch_pipeline`` runs on the model thread between two questions: it reads the
live collection and makes a new ``AnswerPipeline`` on the same generator(s) and encoder. When a saved prompt
cache of the new collection exists it is restored (a fraction of a second) and the new pipeline is in corpus
mode; otherwise it answers in retrieval mode, says so, and hands back the corpus prompt to build.
``build_corpus_cache`` evaluates that prompt on a second model context (same weights), off the model thread, so
questions keep being answered meanwhile; a later switch then finds the saved cache. Questions already running
keep the pipeline they started with. The prompt cache is per process (under ``RAG_INDEX_DIR``), keyed by the
collection's content hash, for a database-backed replica too.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from index import IndexCorruptError, IndexNotFoundError, LoadedIndex, StoreIndex, load_index
from index.store import IndexStore
from rag._exceptions import GenerationError, PromptCacheError
from rag.llm.base import Generator, PrefixCachingGenerator
from rag.llm.model_files import model_sha256
from rag.pipeline import AnswerPipeline
from rag.prompt_cache import (
    CACHE_DIR,
    CACHE_FILE,
    CacheKey,
    CorpusPrompt,
    PromptCache,
    build_prefix,
    choose_mode,
    corpus_prompt,
)
from rag.prompts import PROMPT_VERSION
from rag.settings import Settings

__all__ = [
    "Switch",
    "build_corpus_cache",
    "discard_corpus_cache",
    "is_shared",
    "is_stale",
    "live_generation",
    "switch_pipeline",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Switch:
    """The pipeline over the live generation, and the corpus prompt still to be built (None: nothing to build)."""

    pipeline: AnswerPipeline
    pending: CorpusPrompt | None = None
    seconds: float = 0.0


def live_generation(settings: Settings, index: LoadedIndex | StoreIndex | None = None) -> str | None:
    """The live generation: the shared store's when ``index`` reads one (a query; raises
    ``StoreUnavailableError``), else the name of the one ``CURRENT`` points at (None: no index)."""
    if isinstance(index, StoreIndex):
        return index.store.generation()
    gen = IndexStore(settings.index_dir).current()
    return gen.name if gen is not None else None


def is_shared(pipeline: AnswerPipeline) -> bool:
    """Whether ``pipeline`` answers from a shared store: checking it is a database query, not a file read."""
    return isinstance(pipeline.index, StoreIndex)


def is_stale(pipeline: AnswerPipeline) -> bool:
    """Whether the collection moved on (an upload, a removal, ``rag index``, another replica's write) since
    ``pipeline`` read it. For a shared store this asks the database (``StoreUnavailableError`` when it is down)."""
    index = pipeline.index
    if isinstance(index, StoreIndex):
        return live_generation(pipeline.settings, index) != index.generation
    # A pipeline made in memory (tests, benchmarks) or over another directory follows nothing.
    if not index.generation or index.path.resolve() != pipeline.settings.index_dir.resolve():
        return False
    live = live_generation(pipeline.settings)
    return live is not None and live != index.generation


def _key(generator: PrefixCachingGenerator, prompt: CorpusPrompt) -> CacheKey:
    return CacheKey(model_sha256(generator.path), prompt.corpus_sha256, PROMPT_VERSION, generator.n_ctx)


def _pipeline(
    current: AnswerPipeline, index: LoadedIndex | StoreIndex, corpus: CorpusPrompt | None, reason: str
) -> AnswerPipeline:
    from rag.runtime import assemble_pipeline

    judge = current.stages.judge.generator if current.stages.judge is not None else None
    return assemble_pipeline(
        current.settings, current.generator, index, current.encoder, judge=judge, corpus=corpus, mode_reason=reason
    )


def switch_pipeline(current: AnswerPipeline) -> Switch:
    """The pipeline over the live generation. Call on the model thread: it may restore the generator's KV cache."""
    started = time.perf_counter()
    settings = current.settings
    index: LoadedIndex | StoreIndex
    if isinstance(current.index, StoreIndex):
        # The generation is read before the articles: a write in between is seen as a newer generation next time.
        index = StoreIndex(current.index.store)
    else:
        index = _load_live(settings, current.encoder.name)
    generator: Generator = current.generator
    if settings.context_mode == "retrieval" or not isinstance(generator, PrefixCachingGenerator):
        reason = current.mode_reason if current.corpus is None else "retrieval"
        return Switch(_pipeline(current, index, None, reason), seconds=time.perf_counter() - started)
    prompt = corpus_prompt(generator, index.articles.values(), numbered=settings.corpus_hint_style == "pointer")
    choice = choose_mode(settings, can_cache=True, prefix_tokens=prompt.n_tokens, n_ctx=generator.n_ctx)
    if choice.mode == "retrieval":
        log.info("context mode retrieval for the new collection: %s", choice.reason)
        return Switch(_pipeline(current, index, None, choice.reason), seconds=time.perf_counter() - started)
    try:
        tokens, state = PromptCache(settings.index_dir / CACHE_DIR).load(_key(generator, prompt))
        if tokens != prompt.tokens:
            raise PromptCacheError("its prefix tokens differ from this prompt's")
        generator.restore_prefix(tokens, state)
    except (PromptCacheError, GenerationError) as exc:
        reason = f"retrieval mode until the prompt cache of the changed collection is built ({exc})"
        log.info("%s", reason)
        return Switch(_pipeline(current, index, None, reason), pending=prompt, seconds=time.perf_counter() - started)
    log.info("switched to generation %s in corpus mode", index.generation)
    return Switch(_pipeline(current, index, prompt, choice.reason), seconds=time.perf_counter() - started)


def _load_live(settings: Settings, embedding_model: str, attempts: int = 5) -> LoadedIndex:
    """The live generation. A writer may publish a newer one and prune the one being read between reading
    ``CURRENT`` and its files (eight uploads at once do): then ``CURRENT`` is read again."""
    for attempt in range(attempts):
        try:
            return load_index(settings.index_dir, embedding_model=embedding_model)
        except (IndexCorruptError, IndexNotFoundError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def build_corpus_cache(settings: Settings, builder: Generator, prompt: CorpusPrompt) -> float:
    """Evaluate ``prompt`` on ``builder`` (a second context of the answer model) and save it; seconds taken.

    Runs beside the model thread: the answering context is not touched, so questions go on meanwhile.
    """
    if not isinstance(builder, PrefixCachingGenerator):
        raise GenerationError(f"{builder.name} cannot build a prompt cache")
    started = time.perf_counter()
    build_prefix(builder, prompt, PromptCache(settings.index_dir / CACHE_DIR), _key(builder, prompt))
    return time.perf_counter() - started


def discard_corpus_cache(settings: Settings) -> None:
    """Delete the saved corpus prompt cache: it holds every document of the collection it was built for."""
    (settings.index_dir / CACHE_DIR / CACHE_FILE).unlink(missing_ok=True)
