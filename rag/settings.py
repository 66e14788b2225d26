"""The one settings object. Every knob reads from the environment with the prefix ``RAG_``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Service configuration; e.g. ``RAG_TOP_K=6`` or ``RAG_BACKEND=openai``."""

    model_config = SettingsConfigDict(env_prefix="RAG_", env_file=".env", extra="ignore")

    # Corpus and index
    articles_dir: Path = Path("data/articles")
    index_dir: Path = Path("data/index")
    embedding_model_path: Path | None = Field(default=None, description="default: the bundled all-MiniLM-L6-v2")
    embedding_memo: int = Field(
        default=20_000, ge=0, description="vectors of questions and sentences kept between questions; 0 = none"
    )
    chunk_tokens: int = Field(default=128, ge=16, le=2048)
    chunk_overlap_sentences: int = Field(default=1, ge=0, le=5)
    faiss_flat_max: int = Field(default=50_000, ge=1, description="above this many chunks, HNSW")
    database_url: SecretStr | None = Field(
        default=None, description="postgresql://user:pass@host:port/db: the shared store (pgvector) instead of files"
    )
    database_timeout_ms: int = Field(default=5000, ge=50, description="statement timeout of every database query")
    database_connect_timeout_s: float = Field(default=3.0, gt=0, description="how long to wait for a connection")
    database_ef_search: int = Field(default=100, ge=10, le=1000, description="pgvector HNSW ef_search")

    # Retrieval
    top_k: int = Field(default=4, ge=1, le=20)
    retrieval_candidates: int = Field(default=50, ge=1)
    rrf_k: int = Field(default=60, ge=1)
    mmr_lambda: float = Field(default=0.7, ge=0.0, le=1.0)
    max_per_article: int = Field(default=2, ge=1)
    retrieval_dense: bool = True
    retrieval_lexical: bool = True
    retrieval_lexical_standout: float = Field(
        default=2.0,
        ge=0.0,
        description="a passage BM25 scores this many times above the next is kept among top_k (a rare name); 0 = off",
    )

    # Generator
    backend: Literal["llama_cpp", "transformers", "openai"] = "llama_cpp"
    model_path: Path | None = Field(default=None, description="GGUF or HF checkpoint; default: the bundled Qwen")
    model_cache_dir: Path | None = Field(default=None, description="where the bundled GGUF is assembled")
    n_ctx: int = Field(default=8192, ge=512, description="context of the answer model (corpus mode needs room)")
    n_threads: int | None = Field(default=None, ge=1)
    max_tokens: int = Field(default=160, ge=8, le=2048)
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    seed: int = 0
    prompt_lookup_tokens: int = Field(
        default=0,
        ge=0,
        le=64,
        description="llama.cpp: draft up to this many tokens from the prompt (prompt-lookup decoding); 0 = off. "
        "Greedy output is the same but for near ties; its gain on 2 cores is unproven (notes of issue 14)",
    )
    prompt_lookup_ngram: int = Field(default=2, ge=1, le=8, description="the longest n-gram looked up in the prompt")
    device: str = Field(default="auto", description="transformers backend: auto, cpu or cuda")
    openai_base_url: str = "http://127.0.0.1:8080/v1"
    openai_model: str = "default"
    openai_api_key: SecretStr | None = None
    openai_timeout_s: float = Field(default=120.0, gt=0)

    # Answering
    context_mode: Literal["auto", "corpus", "retrieval"] = Field(
        default="auto", description="corpus: whole collection in a cached prompt; auto: corpus when it fits"
    )
    corpus_max_tokens: int = Field(default=6144, ge=256, description="auto picks corpus up to this prefix size")
    corpus_hints: int = Field(default=1, ge=0, le=20, description="retrieved sentences shown before the question")
    corpus_hint_style: Literal["sentence", "pointer"] = Field(
        default="sentence",
        description="corpus mode: a hint repeats its sentence, or points at it by number in the cached collection "
        "(whose sentences are then numbered, one a line)",
    )
    corpus_hint_words: int = Field(
        default=0,
        ge=0,
        le=200,
        description="clip each corpus-mode hint to this many words around the question's words; 0 = whole "
        "sentences. Changes the prompt, so the answers: measure quality before turning it on",
    )
    corpus_terse: bool = Field(
        default=False,
        description="corpus mode: ask after the question for the answer in a few words; every generated token costs "
        "~70 ms behind the cached collection on this CPU. Changes the answers: measure quality before turning it on",
    )
    corpus_cache_rebuild: bool = Field(
        default=True, description="rebuild a missing/stale prompt cache at start-up (else: retrieval mode)"
    )
    evidence_sentences: int = Field(default=6, ge=1, le=30, description="numbered sentences shown to the model")
    evidence_dates: Literal["asked", "always"] = Field(
        default="always",
        description="retrieval mode: the articles' dates above their sentences for every question, or for a "
        "question about time only ('asked': a date is ~11 prompt tokens; measured, it changed two bundled answers "
        "for the worse, so it is not the default)",
    )
    dated_search: bool = Field(
        default=False,
        description="a question naming a day ('on 17 September 2008') is shown the best passages of that day's "
        "reports (or the next day's) where the search ranked none of them first. Off: on the 96 Wikinews questions "
        "naming a day it put more gold answers before the model (642 against 637 of 705, model-free) but answered "
        "51 right / 2 wrong against 52 / 1 without it",
    )
    min_relevance: float = Field(default=0.25, ge=-1.0, le=1.0, description="best passage cosine below: abstain")
    support_threshold: float = Field(default=0.55, ge=0.0, le=1.0, description="claim/sentence similarity")
    binding_check: bool = Field(
        default=True, description="the question-aware gate: cited sentences must state the asked attribute/subject"
    )
    retry: bool = Field(
        default=True, description="a draft that fails the checks gets one more try over focused sentences"
    )
    gather: bool = Field(
        default=True,
        description="a figure question gathers the figure from every retrieved article: disagreements and "
        "superlatives over the reports are answered from the gathered values; a list asked in full is gathered "
        "from every article, 'besides X, which …' is answered by the others listed beside X, and 'what is the "
        "name of the programme …' by the name a sentence gives it, 'who is the chief executive of …' by the name a "
        "sentence gives the role, a yes/no question by 'No.' where a sentence states its claim negated, a figure "
        "asked in another currency by the conversion a sentence gives beside it, and a why-question by the reason a "
        "sentence links to the asked event with 'because', 'due to', 'amid' …, and 'what is X?' by the one "
        "description a sentence sets beside the name ('a recently released app, Meta AI')",
    )
    bridge: bool = Field(
        default=True,
        description='a question about a described subject ("the company that built X") is answered in two '
        "verified steps: which subject, then the question about it by name",
    )
    source_clause: bool = Field(
        default=True,
        description='a question asked of one report ("…, according to the report that says the deal could reach '
        '$15 billion?") is answered from the articles that state that figure alone',
    )
    compound: bool = Field(
        default=True,
        description='a question that asks two things ("How old was X when …, and how old was he when …?") and is '
        "refused when answered as one is answered as its two questions, each verified",
    )
    gather_passages: int = Field(default=20, ge=1, le=200, description="passages searched for a gathered figure")
    retry_sentences: int = Field(default=3, ge=1, le=10, description="sentences shown for that second draft")
    retry_depth: int = Field(
        default=2,
        ge=1,
        le=5,
        description="that second draft's sentences come from this many times the first draft's passages; 1 = the "
        "same passages",
    )
    judge: bool = Field(default=True, description="ask the model whether the quoted evidence states the answer")
    judge_skip_bound: bool = Field(
        default=False,
        description="skip the judge when every figure of the answer is literally bound to the asked attribute "
        "and subject (rag.stages.binding): the same outcome on Wikinews and the bundled set in corpus mode, but in "
        "retrieval mode three inventions on the bundled set pass that the separate judge catches (README, 'The "
        "judge')",
    )
    judge_threshold: float = Field(
        default=0.60,
        ge=0.0,
        le=1.0,
        description="P(yes) the separate judge must reach: fitted on Wikinews w001-w222 behind today's model-free "
        "gates (README, 'The judge'); 0.70 refused as many right answers there as it caught wrong ones",
    )
    judge_in_context: bool = Field(
        default=True,
        description="in corpus mode, ask the judge's yes/no as a follow-up in the answering context (its KV cache "
        "reused: a few dozen tokens instead of the judge's own prompt of 100-150); with its own threshold, "
        "judge_context_threshold, it keeps as many right answers and catches as many wrong ones as the separate "
        "judge at judge_threshold. Retrieval-mode drafts always go to the separate judge, which tells right from "
        "wrong far better there (README, 'The judge')",
    )
    judge_context_threshold: float = Field(
        default=0.65, ge=0.0, le=1.0, description="P(yes) the judge must reach when asked in the answering context"
    )
    judge_context_reasons_only: bool = Field(
        default=True,
        description="in corpus mode, ask the in-context judge only about answers to why-questions: the model-free "
        "gates bind figures, names, attributes and constraints, but not a reason (README, 'The judge')",
    )

    # HTTP service
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    api_key: SecretStr | None = None
    cors_origins: list[str] = Field(default_factory=list)
    max_question_chars: int = Field(default=2000, ge=1)
    max_history_turns: int = Field(default=50, ge=0, description="earlier chat turns a question may carry")
    max_body_bytes: int = Field(default=65_536, ge=1024)
    queue_size: int = Field(default=8, ge=1)
    request_timeout_s: float = Field(default=120.0, gt=0)
    log_questions: bool = False

    # Documents uploaded to the running service (POST /documents, `rag documents add`)
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1024, description="per file; larger: 413")
    max_upload_files: int = Field(default=8, ge=1, le=100, description="files in one POST /documents")
    max_document_chars: int = Field(default=2_000_000, ge=1000, description="extracted text per document")

    @model_validator(mode="after")
    def _check_sources(self) -> Settings:
        if not (self.retrieval_dense or self.retrieval_lexical):
            raise ValueError("RAG_RETRIEVAL_DENSE and RAG_RETRIEVAL_LEXICAL cannot both be off")
        if self.database_url is not None and not self.database_url.get_secret_value().startswith(
            ("postgresql://", "postgres://")
        ):
            raise ValueError("RAG_DATABASE_URL must be a postgresql:// URL")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process (tests clear the cache)."""
    return Settings()
