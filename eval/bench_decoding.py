"""Decoding benchmark: the same questions through pipelines that differ in one decoding setting, in turn.

    python -m eval.bench_decoding --limit 12                       # prompt lookup off vs 3 drafted tokens
    python -m eval.bench_decoding --vary prompt_lookup_tokens=0,2,4 --limit 12
    python -m eval.bench_decoding --vary judge_in_context=false,true --limit 12
    RAG_CONTEXT_MODE=retrieval python -m eval.bench_decoding --limit 12

Loads one pipeline per value of one setting (``--vary name=v1,v2``; the real default model, the
configured index and prompt cache) and asks each gold question of every pipeline before the next question,
so that a load change on this shared machine hits every variant alike. For each variant it prints the
answer model's own figures, read from each draft's ``Completion``: prompt tokens/s (new prompt tokens over
the time to the first token), generation tokens/s (tokens after the first over the time after it), the
drafted and accepted tokens, p50 of the first token, of the judge and of the whole answer in the pipeline;
and how many drafts and final answers are identical to the first variant's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rag.llm.base import Completion, Generator, Message, TokenCallback
from rag.pipeline import AnswerPipeline
from rag.runtime import make_pipeline
from rag.settings import Settings


class _Recorder:
    """Passes calls to the answer model through and keeps each ``Completion``."""

    def __init__(self, inner: Generator):
        self.inner = inner
        self.name = inner.name
        self.completions: list[Completion] = []

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
        completion = self.inner.chat(
            messages, max_tokens=max_tokens, stop=stop, on_token=on_token, prefill=prefill, shared=shared
        )
        self.completions.append(completion)
        return completion


@dataclass
class _Variant:
    value: str
    pipeline: AnswerPipeline
    recorder: _Recorder
    drafts: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    first_ms: list[float] = field(default_factory=list)
    judge_ms: list[float] = field(default_factory=list)
    answered: int = 0
    total_ms: list[float] = field(default_factory=list)


def _questions(gold: Path, limit: int | None) -> list[str]:
    rows = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
    questions = [r["question"] for r in rows if not r.get("history")]
    return questions[:limit] if limit else questions


def _report(v: _Variant, base: _Variant) -> str:
    done = v.recorder.completions
    prompt_new = sum(c.prompt_tokens - c.cached_tokens for c in done)
    prompt_s = sum((c.first_token_ms or 0) for c in done) / 1000
    gen_tokens = sum(max(c.completion_tokens - 1, 0) for c in done)
    gen_s = sum(c.total_ms - (c.first_token_ms or c.total_ms) for c in done) / 1000
    drafted = sum(c.drafted_tokens for c in done)
    accepted = sum(c.accepted_tokens for c in done)
    same_drafts = sum(a == b for a, b in zip(v.drafts, base.drafts, strict=True))
    same_answers = sum(a == b for a, b in zip(v.answers, base.answers, strict=True))
    n = len(v.answers)
    accept = f", accepted {accepted}/{drafted} drafted ({accepted / drafted:.0%})" if drafted else ""
    return (
        f"{v.value:>5}: {v.answered}/{n} answered; prompt {prompt_new / max(prompt_s, 1e-9):.0f} tok/s "
        f"({prompt_new} new tokens), generation {gen_tokens / max(gen_s, 1e-9):.1f} tok/s "
        f"({gen_tokens} tokens after the first){accept}; first token p50 {statistics.median(v.first_ms):.0f} ms, "
        f"judge p50 {statistics.median(v.judge_ms):.0f} ms, answer p50 {statistics.median(v.total_ms):.0f} ms; "
        f"identical to {base.value}: "
        f"drafts {same_drafts}/{n}, answers {same_answers}/{n}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_decoding", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--limit", type=int, default=12, help="the first N standalone questions")
    parser.add_argument("--vary", default="prompt_lookup_tokens=0,3", help="a setting and its values: name=v1,v2")
    args = parser.parse_args(argv)
    name, _, values = args.vary.partition("=")
    questions = _questions(args.gold, args.limit)
    settings = Settings()
    variants: list[_Variant] = []
    for value in values.split(","):
        # Validated as the environment would be: RAG_<NAME>=<value>.
        varied = Settings.model_validate({**settings.model_dump(), name: value})
        pipeline = make_pipeline(varied)
        recorder = _Recorder(pipeline.stages.drafter.generator)
        pipeline.stages.drafter.generator = recorder
        variants.append(_Variant(value, pipeline, recorder))
    print(f"context mode {variants[0].pipeline.context_mode}, {len(questions)} questions, model {settings.backend}")
    for i, question in enumerate(questions, 1):
        for v in variants:
            pieces: list[str] = []
            answer = v.pipeline.ask(question, on_token=pieces.append)
            v.drafts.append("".join(pieces))
            v.answers.append(answer.model_dump_json(include={"answer", "answerable", "citations", "abstention"}))
            v.total_ms.append(answer.timings.total_ms)
            v.first_ms.append(answer.timings.first_token_ms or answer.timings.total_ms)
            v.judge_ms.append(answer.timings.judge_ms)
            v.answered += answer.answerable
        # A line a question, so that a run cut short on a busy machine still says something.
        print(
            f"q{i}: "
            + "; ".join(f"{name} {v.value}: {v.total_ms[-1]:.0f} ms (judge {v.judge_ms[-1]:.0f})" for v in variants),
            flush=True,
        )
    for v in variants:
        print(_report(v, variants[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
