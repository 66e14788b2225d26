"""Build the long-lived components (embedder, index, retriever) from one ``Settings``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from index import (
    DEFAULT_EMBEDDING_MODEL,
    BuildReport,
    ChunkerConfig,
    Embedder,
    HybridRetriever,
    IndexNotFoundError,
    LoadedIndex,
    MemoEncoder,
    RetrieverConfig,
    StoreIndex,
    TextEncoder,
    build_index,
    load_index,
)
from rag._exceptions import ModelUnavailableError
from rag.llm.base import Generator
from rag.llm.model_files import default_gguf
from rag.pipeline import AnswerPipeline, Stages
from rag.prompt_cache import CorpusPrompt, prepare_corpus
from rag.prompts import SYSTEM
from rag.settings import Settings
from rag.stages.alternatives import AlternativeReader
from rag.stages.binding import BindingCheck, common_words
from rag.stages.cite import CitationRenderer
from rag.stages.conversions import Converter
from rag.stages.dated import DatedSearch
from rag.stages.definitions import Definer
from rag.stages.draft import Drafter
from rag.stages.evidence import EvidenceSelector
from rag.stages.frame import root
from rag.stages.gather import Gatherer
from rag.stages.identify import Identifier
from rag.stages.judge import Judge
from rag.stages.kinds import KindReader
from rag.stages.lists import ListGatherer
from rag.stages.naming import Naming
from rag.stages.occasion import OccasionCheck
from rag.stages.periods import PeriodGatherer
from rag.stages.polarity import Polarity
from rag.stages.premise import PremiseCheck
from rag.stages.reasons import ReasonReader
from rag.stages.remainder import Remainder
from rag.stages.rewrite import FollowUpRewriter
from rag.stages.roles import RoleHolder
from rag.stages.status import StatusReader
from rag.stages.successors import SuccessorReader
from rag.stages.tallies import TallyReader
from rag.stages.verify import Verifier

__all__ = [
    "assemble_pipeline",
    "build",
    "make_embedder",
    "make_generator",
    "make_pipeline",
    "make_retriever",
    "make_stages",
    "open_index",
]

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]

_JUDGE_N_CTX = 4096


def make_embedder(settings: Settings) -> Embedder:
    """The configured embedding model (the bundled one unless a path is set)."""
    if settings.embedding_model_path is not None:
        return Embedder(settings.embedding_model_path, name=str(settings.embedding_model_path))
    return Embedder(name=DEFAULT_EMBEDDING_MODEL)


def build(
    settings: Settings, embedder: Embedder, *, rebuild: bool = False, progress: ProgressFn | None = None
) -> BuildReport:
    """Build or update the index the settings point at."""
    if settings.database_url is not None:
        from rag.stores import index_database

        return index_database(settings, embedder, rebuild=rebuild)
    return build_index(
        settings.articles_dir,
        settings.index_dir,
        embedder,
        ChunkerConfig(chunk_tokens=settings.chunk_tokens, overlap_sentences=settings.chunk_overlap_sentences),
        rebuild=rebuild,
        flat_max=settings.faiss_flat_max,
        progress=progress,
    )


def open_index(
    settings: Settings,
    embedder: Embedder,
    *,
    build_if_missing: bool = False,
    progress: ProgressFn | None = None,
) -> LoadedIndex | StoreIndex:
    """Load the index; with ``build_if_missing`` a missing one is built first."""
    if settings.database_url is not None:
        return _open_database(settings, embedder, build_if_missing=build_if_missing)
    try:
        return load_index(settings.index_dir, embedding_model=embedder.name)
    except IndexNotFoundError:
        if not build_if_missing:
            raise
        log.info("no index at %s yet: building it from %s", settings.index_dir, settings.articles_dir)
        build(settings, embedder, progress=progress)
        return load_index(settings.index_dir, embedding_model=embedder.name)


def _open_database(settings: Settings, embedder: Embedder, *, build_if_missing: bool) -> StoreIndex:
    from rag.stores import open_database

    index = StoreIndex(open_database(settings, embedder))
    if not index.articles and build_if_missing:
        log.info("the database is empty: adding %s to it", settings.articles_dir)
        build(settings, embedder)
        index = StoreIndex(index.store)
    return index


def make_retriever(settings: Settings, index: LoadedIndex | StoreIndex, embedder: TextEncoder) -> HybridRetriever:
    """A hybrid retriever configured from settings."""
    return HybridRetriever(
        index.store if isinstance(index, StoreIndex) else index,
        embedder,
        RetrieverConfig(
            candidates=settings.retrieval_candidates,
            rrf_k=settings.rrf_k,
            mmr_lambda=settings.mmr_lambda,
            max_per_article=settings.max_per_article,
            dense=settings.retrieval_dense,
            lexical=settings.retrieval_lexical,
            lexical_standout=settings.retrieval_lexical_standout,
        ),
    )


def make_generator(
    settings: Settings, progress: ProgressFn | None = None, *, n_ctx: int | None = None, prompt_lookup: bool = True
) -> Generator:
    """The configured generator backend, loaded (the default GGUF is assembled on first use).

    ``prompt_lookup=False`` leaves out the draft model (RAG_PROMPT_LOOKUP_TOKENS) where nothing is generated.
    """
    if settings.backend == "openai":
        from rag.llm.openai_backend import OpenAIGenerator

        return OpenAIGenerator(
            settings.openai_base_url,
            settings.openai_model,
            api_key=settings.openai_api_key.get_secret_value() if settings.openai_api_key else None,
            timeout_s=settings.openai_timeout_s,
            temperature=settings.temperature,
        )
    if settings.backend == "transformers":
        from rag.llm.transformers_backend import TransformersGenerator

        if settings.model_path is None:
            raise ModelUnavailableError(
                "RAG_BACKEND=transformers needs RAG_MODEL_PATH (a checkpoint directory or GGUF)"
            )
        return TransformersGenerator(settings.model_path, device=settings.device, temperature=settings.temperature)
    from rag.llm.llama_cpp_backend import LlamaCppGenerator

    path = settings.model_path or default_gguf(settings.model_cache_dir, progress=progress)
    return LlamaCppGenerator(
        path,
        n_ctx=n_ctx or settings.n_ctx,
        n_threads=settings.n_threads,
        temperature=settings.temperature,
        seed=settings.seed,
        prompt_lookup_tokens=settings.prompt_lookup_tokens if prompt_lookup else 0,
        prompt_lookup_ngram=settings.prompt_lookup_ngram,
    )


def judges_in_context(settings: Settings, corpus: CorpusPrompt | None) -> bool:
    """Whether the judge asks its yes/no after the draft in the answering context (RAG_JUDGE_IN_CONTEXT): in
    corpus mode only. Over numbered sentences the follow-up told right drafts from wrong ones far worse than the
    judge's own prompt (ROC AUC 0.67 against 0.87 on the bundled gold set, ``python -m eval.judge_signals`` with
    RAG_CONTEXT_MODE=retrieval)."""
    return settings.judge_in_context and corpus is not None


def make_stages(
    settings: Settings,
    generator: Generator,
    index: LoadedIndex | StoreIndex,
    encoder: TextEncoder,
    *,
    judge: Generator | None = None,
    corpus: CorpusPrompt | None = None,
) -> Stages:
    """Every stage of an answer, configured from ``settings``; ``judge`` defaults to ``generator``."""
    articles = list(index.articles.values())
    selector = EvidenceSelector(index, encoder, max_sentences=settings.evidence_sentences)
    titles = {a.article_id: a.title for a in articles}
    dates = {a.article_id: a.date for a in articles}
    binding = (
        BindingCheck(
            encoder,
            lambda article_id: selector.sentences_of(index.articles[article_id]),
            titles,
            dates=dates,
            common=common_words(a.text for a in articles),
            occasion=OccasionCheck({a.article_id: f"{a.title}\n{a.text}" for a in articles}),
        )
        if settings.binding_check
        else None
    )
    retriever = make_retriever(settings, index, encoder)
    return Stages(
        rewriter=FollowUpRewriter(generator, corpus.system if corpus else SYSTEM, log_questions=settings.log_questions),
        premise=PremiseCheck(articles),
        retriever=retriever,
        dated=DatedSearch(retriever, dates) if settings.dated_search else None,
        selector=selector,
        drafter=Drafter(
            generator,
            max_tokens=settings.max_tokens,
            corpus=corpus,
            corpus_hints=settings.corpus_hints,
            corpus_hint_words=settings.corpus_hint_words,
            corpus_terse=settings.corpus_terse,
            all_dates=settings.evidence_dates == "always",
        ),
        verifier=Verifier(encoder, threshold=settings.support_threshold, word_root=root),
        binding=binding,
        # Gathering binds figures with the gate's subject and attribute tests: it needs the gate on.
        gatherer=Gatherer(binding, dates) if binding and settings.gather else None,
        lister=ListGatherer(binding) if binding and settings.gather else None,
        kinds=KindReader(binding) if binding and settings.gather else None,
        periods=PeriodGatherer(binding, dates) if binding and settings.gather else None,
        remainder=Remainder(binding) if binding and settings.gather else None,
        naming=Naming(binding) if binding and settings.gather else None,
        roles=RoleHolder(binding) if binding and settings.gather else None,
        polarity=Polarity(binding) if binding and settings.gather else None,
        converter=Converter() if settings.gather else None,
        alternatives=AlternativeReader(Gatherer(binding, dates)) if binding and settings.gather else None,
        reasons=ReasonReader() if settings.gather else None,
        definer=Definer() if settings.gather else None,
        successors=SuccessorReader() if settings.gather else None,
        status=StatusReader() if settings.gather else None,
        tallies=TallyReader(titles) if settings.gather else None,
        identifier=Identifier(binding) if binding and settings.bridge else None,
        # RAG_JUDGE_IN_CONTEXT: the yes/no goes to the answering model, after the draft in its context.
        judge=(
            Judge(
                judge or generator,
                settings.judge_threshold,
                context=generator if judges_in_context(settings, corpus) else None,
                context_threshold=settings.judge_context_threshold,
                context_reasons_only=settings.judge_context_reasons_only,
            )
            if settings.judge
            else None
        ),
        citer=CitationRenderer(
            titles,
            dates=dates,
            sources={d.document_id: d.source for d in index.documents.values()},
        ),
    )


def assemble_pipeline(
    settings: Settings,
    generator: Generator,
    index: LoadedIndex | StoreIndex,
    encoder: TextEncoder,
    *,
    judge: Generator | None = None,
    corpus: CorpusPrompt | None = None,
    mode_reason: str = "",
) -> AnswerPipeline:
    """A pipeline over already-loaded parts (tests hand in fakes here)."""
    if settings.embedding_memo and not isinstance(encoder, MemoEncoder):
        encoder = MemoEncoder(encoder, settings.embedding_memo)
    stages = make_stages(settings, generator, index, encoder, judge=judge, corpus=corpus)
    return AnswerPipeline(settings, generator, index, encoder, stages, corpus=corpus, mode_reason=mode_reason)


def make_pipeline(
    settings: Settings, *, generator: Generator | None = None, progress: ProgressFn | None = None
) -> AnswerPipeline:
    """Everything needed to answer: embedder, index (built if missing), generator, pipeline."""
    embedder = make_embedder(settings)
    index = open_index(settings, embedder, build_if_missing=True, progress=progress)
    made = generator is None
    if generator is None:
        generator = make_generator(settings, progress=progress)
    setup = prepare_corpus(settings, generator, index.articles.values(), progress=progress)
    judge = None
    # llama.cpp keeps one KV cache per context: a second context (same memory-mapped weights) for the judge keeps
    # both fixed prompt heads cached instead of evicting each other on every question. Its prompts are short, so
    # it gets a small context. Not needed where the judge asks in the answering context.
    if made and settings.judge and settings.backend == "llama_cpp" and not judges_in_context(settings, setup.prompt):
        judge = make_generator(settings, n_ctx=min(settings.n_ctx, _JUDGE_N_CTX), prompt_lookup=False)
    pipeline = assemble_pipeline(
        settings, generator, index, embedder, judge=judge, corpus=setup.prompt, mode_reason=setup.reason
    )
    pipeline.warm_up()
    return pipeline
