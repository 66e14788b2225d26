"""Corpus mode with fakes: mode choice, cache keying, corrupt/stale files, and the pipeline in corpus mode."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from rag import ChatMessage, Settings
from rag._exceptions import PromptCacheError
from rag.pipeline import AnswerPipeline
from rag.prompt_cache import (
    CACHE_DIR,
    CONTEXT_RESERVE,
    CacheKey,
    PromptCache,
    choose_mode,
    corpus_prompt,
    prepare_corpus,
)
from rag.prompts import CORPUS_RULES
from rag.runtime import assemble_pipeline
from tests.fakes import PrefixCachingFake, ScriptedGenerator, as_fake

pytestmark = pytest.mark.unit


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"pretend weights")
    return path


def _settings(tmp_path: Path, **overrides) -> Settings:
    values = {"index_dir": tmp_path / "index", "context_mode": "auto", "model_cache_dir": tmp_path / "cache"}
    return Settings(**{**values, **overrides})


# -- choosing the mode -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "can_cache", "tokens", "n_ctx", "budget", "expected", "why"),
    [
        ("retrieval", True, 3000, 8192, 6144, "retrieval", "RAG_CONTEXT_MODE=retrieval"),
        ("auto", True, 3000, 8192, 6144, "corpus", "3000 tokens"),
        ("auto", True, 7000, 16384, 6144, "retrieval", "RAG_CORPUS_MAX_TOKENS=6144"),
        ("corpus", True, 7000, 16384, 6144, "corpus", "7000 tokens"),  # asked for explicitly: over budget is fine
        ("corpus", True, 7500, 8192, 6144, "retrieval", "raise RAG_N_CTX"),  # but it must fit the context
        ("auto", True, 8192 - CONTEXT_RESERVE, 8192, 8192, "corpus", "tokens"),
        ("auto", True, 8192 - CONTEXT_RESERVE + 1, 8192, 8192, "retrieval", "raise RAG_N_CTX"),
        ("auto", False, None, None, 6144, "retrieval", "cannot keep a saved prompt cache"),
    ],
)
def test_mode_follows_setting_budget_and_context(mode, can_cache, tokens, n_ctx, budget, expected, why) -> None:
    settings = Settings(context_mode=mode, corpus_max_tokens=budget)
    choice = choose_mode(settings, can_cache=can_cache, prefix_tokens=tokens, n_ctx=n_ctx)
    assert choice.mode == expected
    assert why in choice.reason


# -- the cache file ------------------------------------------------------------------------------------

KEY = CacheKey(model_sha256="m" * 64, corpus_sha256="c" * 64, prompt_version="4", n_ctx=8192)


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = PromptCache(tmp_path)
    cache.save(KEY, [1, 2, 3], b"kv-bytes")
    assert cache.load(KEY) == ([1, 2, 3], b"kv-bytes")
    assert not [p for p in tmp_path.iterdir() if p.name != "corpus.kv"]  # no temporary file left behind


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(CacheKey)])
def test_every_key_change_makes_the_cache_stale(tmp_path: Path, field: str) -> None:
    cache = PromptCache(tmp_path)
    cache.save(KEY, [1, 2, 3], b"kv-bytes")
    changed = dataclasses.replace(KEY, **{field: 4096 if field == "n_ctx" else "other"})  # type: ignore[arg-type]
    with pytest.raises(PromptCacheError, match=rf"stale: {field} changed"):
        cache.load(changed)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda raw: raw[:20], "corrupt"),  # truncated inside the header
        (lambda raw: raw[:-3], "checksum"),  # truncated state
        (lambda raw: raw[:-1] + bytes([raw[-1] ^ 0xFF]), "checksum"),  # one flipped byte
        (lambda raw: b"not a cache at all", "corrupt"),
        (lambda raw: b"", "corrupt"),
    ],
)
def test_damaged_cache_is_refused(tmp_path: Path, damage, message: str) -> None:
    cache = PromptCache(tmp_path)
    cache.save(KEY, [1, 2, 3], b"kv-bytes" * 100)
    cache.path.write_bytes(damage(cache.path.read_bytes()))
    with pytest.raises(PromptCacheError, match=message):
        cache.load(KEY)


def test_missing_cache_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PromptCacheError, match="no prompt cache"):
        PromptCache(tmp_path).load(KEY)


# -- preparing the generator ----------------------------------------------------------------------------


def test_built_once_then_loaded_without_evaluating(tmp_path: Path, fake_index, model_file: Path) -> None:
    index, _ = fake_index
    settings = _settings(tmp_path)
    first = PrefixCachingFake(model_file)
    setup = prepare_corpus(settings, first, index.articles.values())
    assert setup.mode == "corpus" and setup.build_s is not None and setup.prompt is not None
    assert first.evaluated == setup.prompt.n_tokens
    assert (tmp_path / "index" / CACHE_DIR / "corpus.kv").is_file()

    restarted = PrefixCachingFake(model_file)  # a new process: an empty KV cache
    again = prepare_corpus(settings, restarted, index.articles.values())
    assert again.mode == "corpus" and again.load_s is not None and again.build_s is None
    assert restarted.restored == 1 and restarted.evaluated == 0


def test_prefix_covers_every_article_and_the_rules(fake_index, model_file: Path) -> None:
    index, _ = fake_index
    prompt = corpus_prompt(PrefixCachingFake(model_file), index.articles.values())
    assert prompt.system.startswith(CORPUS_RULES)
    for article in index.articles.values():
        assert article.article_id in prompt.system and article.text.strip() in prompt.system


def test_changed_model_file_rebuilds(tmp_path: Path, fake_index, model_file: Path) -> None:
    index, _ = fake_index
    settings = _settings(tmp_path)
    prepare_corpus(settings, PrefixCachingFake(model_file), index.articles.values())
    model_file.write_bytes(b"other weights")
    fake = PrefixCachingFake(model_file)
    setup = prepare_corpus(settings, fake, index.articles.values())
    assert setup.build_s is not None and fake.evaluated > 0 and fake.restored == 0


def test_corrupt_cache_is_rebuilt_with_a_log_line(tmp_path: Path, fake_index, model_file: Path, caplog) -> None:
    index, _ = fake_index
    settings = _settings(tmp_path)
    prepare_corpus(settings, PrefixCachingFake(model_file), index.articles.values())
    path = tmp_path / "index" / CACHE_DIR / "corpus.kv"
    path.write_bytes(path.read_bytes()[:-10])
    fake = PrefixCachingFake(model_file)
    with caplog.at_level(logging.WARNING, logger="rag.prompt_cache"):
        setup = prepare_corpus(settings, fake, index.articles.values())
    assert setup.mode == "corpus" and setup.build_s is not None
    assert "corrupt" in caplog.text and "evaluating" in caplog.text
    reloaded = PrefixCachingFake(model_file)
    assert prepare_corpus(settings, reloaded, index.articles.values()).load_s is not None  # the rebuilt file is good


def test_corrupt_cache_without_rebuild_falls_back(tmp_path: Path, fake_index, model_file: Path, caplog) -> None:
    index, _ = fake_index
    settings = _settings(tmp_path, corpus_cache_rebuild=False)
    path = tmp_path / "index" / CACHE_DIR / "corpus.kv"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00" * 64)
    fake = PrefixCachingFake(model_file)
    with caplog.at_level(logging.WARNING, logger="rag.prompt_cache"):
        setup = prepare_corpus(settings, fake, index.articles.values())
    assert setup.mode == "retrieval" and setup.prompt is None
    assert "corrupt" in setup.reason and "retrieval mode" in caplog.text
    assert fake.evaluated == 0 and fake.restored == 0


def test_a_backend_failure_falls_back_to_retrieval(tmp_path: Path, fake_index, model_file: Path, caplog) -> None:
    index, _ = fake_index
    with caplog.at_level(logging.WARNING, logger="rag.prompt_cache"):
        setup = prepare_corpus(
            _settings(tmp_path), PrefixCachingFake(model_file, fail_evaluate=True), index.articles.values()
        )
    assert setup.mode == "retrieval" and "cannot build" in setup.reason
    assert "retrieval mode" in caplog.text


def test_backend_without_prefix_cache_uses_retrieval(tmp_path: Path, fake_index) -> None:
    index, _ = fake_index
    setup = prepare_corpus(_settings(tmp_path, context_mode="corpus"), ScriptedGenerator(), index.articles.values())
    assert setup.mode == "retrieval" and "cannot keep a saved prompt cache" in setup.reason


def test_collection_over_budget_uses_retrieval_in_auto(tmp_path: Path, fake_index, model_file: Path) -> None:
    index, _ = fake_index
    fake = PrefixCachingFake(model_file)
    setup = prepare_corpus(_settings(tmp_path, corpus_max_tokens=256), fake, index.articles.values())
    assert setup.mode == "retrieval" and "RAG_CORPUS_MAX_TOKENS=256" in setup.reason
    assert fake.evaluated == 0


# -- the pipeline in corpus mode ----------------------------------------------------------------------


def _corpus_pipeline(tmp_path: Path, fake_index, model_file: Path, reply, **overrides) -> AnswerPipeline:
    index, encoder = fake_index
    settings = _settings(tmp_path, support_threshold=0.2, min_relevance=0.0, judge=False, **overrides)
    generator = PrefixCachingFake(model_file, reply=reply)
    setup = prepare_corpus(settings, generator, index.articles.values())
    return assemble_pipeline(settings, generator, index, encoder, corpus=setup.prompt, mode_reason=setup.reason)


def test_corpus_answer_is_verified_and_cited(tmp_path: Path, fake_index, model_file: Path) -> None:
    pipeline = _corpus_pipeline(tmp_path, fake_index, model_file, "Scale AI made US$870 million in revenue last year.")
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert answer.context_mode == "corpus" and pipeline.context_mode == "corpus"
    assert answer.answerable and "870 million" in answer.answer and "[1]" in answer.answer
    for c in answer.citations:
        assert pipeline.index.articles[c.article_id].text[c.start : c.end] == c.quote
    assert any("870 million" in c.quote for c in answer.citations)
    # Only the question's own tokens were evaluated: the collection came from the cache.
    assert pipeline.corpus is not None
    assert answer.timings.cached_prompt_tokens >= pipeline.corpus.n_tokens
    assert answer.timings.prompt_tokens - answer.timings.cached_prompt_tokens < 200


def test_corpus_prompt_has_the_hints_after_the_collection(tmp_path: Path, fake_index, model_file: Path) -> None:
    pipeline = _corpus_pipeline(tmp_path, fake_index, model_file, "NOT FOUND", corpus_hints=2)
    pipeline.ask("How much revenue did Scale AI make last year?")
    system, user = as_fake(pipeline.generator, PrefixCachingFake).calls[-1]
    assert pipeline.corpus is not None and system["content"] == pipeline.corpus.system
    assert user["content"].count("\n[") + user["content"].startswith("[") == 2
    assert user["content"].endswith("Question: How much revenue did Scale AI make last year?")


def test_invented_figure_abstains_in_corpus_mode(tmp_path: Path, fake_index, model_file: Path) -> None:
    pipeline = _corpus_pipeline(tmp_path, fake_index, model_file, "Scale AI has about 1,000 employees.")
    answer = pipeline.ask("How many employees does Scale AI have?")
    assert not answer.answerable and answer.citations == []


def test_follow_up_history_goes_after_the_cached_collection(tmp_path: Path, fake_index, model_file: Path) -> None:
    def reply(messages):
        if "Follow-up question" in messages[-1]["content"]:
            return "How much revenue did Scale AI make last year?"
        return "Scale AI made US$870 million in revenue last year."

    pipeline = _corpus_pipeline(tmp_path, fake_index, model_file, reply)
    history = [
        ChatMessage(role="user", content="Tell me about Scale AI."),
        ChatMessage(role="assistant", content="It labels data."),
    ]
    generator = as_fake(pipeline.generator, PrefixCachingFake)
    assert pipeline.corpus is not None
    before = generator.evaluated
    answer = pipeline.ask("And its revenue last year?", history=history)
    assert answer.answerable
    rewrite_call = generator.calls[-2]
    assert rewrite_call[0]["content"] == pipeline.corpus.system  # same cached prefix, history after it
    assert generator.evaluated - before < pipeline.corpus.n_tokens  # the prefix was never evaluated again
