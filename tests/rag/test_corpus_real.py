"""Corpus mode for real: llama.cpp with SmolLM2, the real articles, a saved KV state and a process restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.llm.model_files import smollm2_gguf
from tests.conftest import REPO

pytestmark = pytest.mark.integration

# One process: build or load the prompt cache, then answer with the raw generator and the pipeline.
_SCRIPT = """
import json
from rag.prompt_cache import prepare_corpus
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
from rag.prompts import corpus_messages
from rag.runtime import make_embedder, make_generator, open_index
from rag.settings import Settings

settings = Settings()
embedder = make_embedder(settings)
index = open_index(settings, embedder, build_if_missing=True)
generator = make_generator(settings)
setup = prepare_corpus(settings, generator, index.articles.values())
raw = generator.chat(corpus_messages(setup.prompt.system, "In which city was Scale AI started?", []), max_tokens=24)
pipeline = assemble_pipeline(settings, generator, index, embedder, corpus=setup.prompt, mode_reason=setup.reason)
answer = pipeline.ask("Who co-founded Scale AI?")
asked = "How much revenue did Scale AI make last year?"
hits = pipeline.stages.retriever.search(asked, k=4)
draft = pipeline.stages.drafter.run(asked, pipeline.stages.selector.run(asked, hits))
print(json.dumps({
    "mode": setup.mode, "build_s": setup.build_s, "load_s": setup.load_s, "prefix": setup.prompt.n_tokens,
    "raw": raw.text, "prompt_tokens": raw.prompt_tokens, "cached_tokens": raw.cached_tokens,
    "answer": answer.answer, "answerable": answer.answerable, "timings": answer.timings.model_dump(),
    "draft_new": draft.completions[0].prompt_tokens - draft.completions[0].cached_tokens,
    "draft_user": draft.messages[-1]["content"],
}))
"""


# As the service and ``rag ask`` start: ``make_pipeline`` builds or loads the prefix and warms up, judge included.
_STARTUP_SCRIPT = """
import json
from rag.runtime import make_pipeline
from rag.settings import Settings

pipeline = make_pipeline(Settings())
answer = pipeline.ask("When was Scale AI founded?")
print(json.dumps({
    "mode": pipeline.context_mode, "prefix": pipeline.corpus.n_tokens, "judge": pipeline.stages.judge is not None,
    "timings": answer.timings.model_dump(),
}))
"""


def _run(env: dict[str, str], script: str = _SCRIPT) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def corpus_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RAG_INDEX_DIR": str(tmp_path / "index"),
        "RAG_MODEL_PATH": str(smollm2_gguf()),
        "RAG_CONTEXT_MODE": "corpus",
        "RAG_JUDGE": "false",
        "RAG_N_THREADS": "2",
    }


def test_saved_prefix_is_reused_after_a_restart_with_the_same_answer(corpus_env: dict[str, str]) -> None:
    fresh = _run(corpus_env)  # evaluates the prefix and saves it
    assert fresh["mode"] == "corpus" and fresh["build_s"] is not None and fresh["load_s"] is None
    assert fresh["prefix"] > 2000  # the five articles, whole

    restarted = _run(corpus_env)  # a new process: only the saved state
    assert restarted["mode"] == "corpus" and restarted["load_s"] is not None and restarted["build_s"] is None
    # Only the question's tokens were evaluated; the thousands of prefix tokens came from the file.
    assert restarted["cached_tokens"] >= restarted["prefix"]
    assert restarted["prompt_tokens"] - restarted["cached_tokens"] < 40
    assert restarted["timings"]["cached_prompt_tokens"] >= restarted["prefix"]
    # Greedy decoding from the loaded state matches decoding from the freshly evaluated prefix.
    assert restarted["raw"] == fresh["raw"] and restarted["raw"].strip()
    assert (restarted["answer"], restarted["answerable"]) == (fresh["answer"], fresh["answerable"])

    # RAG_CORPUS_HINT_STYLE=pointer numbers the collection's sentences: another prefix, so the saved cache is stale
    # and rebuilt, and a question's hint is the number of its sentence, fewer tokens than the sentence.
    pointer = _run({**corpus_env, "RAG_CORPUS_HINT_STYLE": "pointer"})
    assert pointer["mode"] == "corpus" and pointer["build_s"] is not None and pointer["prefix"] > fresh["prefix"]
    assert pointer["draft_user"].startswith("Sentence that may help: [")
    assert 0 < pointer["draft_new"] < restarted["draft_new"] - 10, (pointer["draft_new"], restarted["draft_new"])


def test_rag_index_builds_the_prompt_cache_once(corpus_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("RAG_INDEX_DIR", "RAG_MODEL_PATH", "RAG_CONTEXT_MODE", "RAG_N_THREADS"):
        monkeypatch.setenv(name, corpus_env[name])
    runner = CliRunner()
    first = runner.invoke(app, ["index"])
    assert first.exit_code == 0, first.output
    assert "Prompt cache built" in first.output
    assert (Path(corpus_env["RAG_INDEX_DIR"]) / "prompt-cache" / "corpus.kv").stat().st_size > 1_000_000
    second = runner.invoke(app, ["index"])
    assert second.exit_code == 0, second.output
    assert "Prompt cache is up to date" in second.output
    skipped = runner.invoke(app, ["index", "--no-prompt-cache"])
    assert skipped.exit_code == 0 and "Prompt cache" not in skipped.output


def test_the_first_question_after_start_up_finds_the_collection_cached(corpus_env: dict[str, str]) -> None:
    # The warm-up once asked the judge's own prompt on the answering context, which evicted the collection: the
    # first question re-read all of it (about 50 s with the default model on this CPU).
    started = _run({**corpus_env, "RAG_JUDGE": "true"}, _STARTUP_SCRIPT)
    assert started["mode"] == "corpus" and started["judge"]
    timings = started["timings"]
    assert timings["prompt_tokens"] > started["prefix"]  # the question reached the model
    assert timings["cached_prompt_tokens"] >= started["prefix"]
