"""Which yes/no judge, at which threshold: P(yes) of each judge prompt over every draft the model-free gates pass.

    python -m eval.judge_signals                                   # bundled gold set, configured mode
    python -m eval.judge_signals --gold eval/collections/wikinews/gold.jsonl \\
        --articles eval/collections/wikinews/articles --index /tmp/wikinews-index
    RAG_CONTEXT_MODE=corpus RAG_N_CTX=20480 RAG_CORPUS_MAX_TOKENS=20000 python -m eval.judge_signals \\
        --gold … --prompts in_context      # a large collection in corpus mode: the in-context judge only

Every gold question goes through the pipeline with a judge that lets every draft through and scores it three
ways instead: the separate judge (its own prompt over the quotes), the same with each quote's article title and
the sentence before it, and the yes/no asked after the draft in the answering context (RAG_JUDGE_IN_CONTEXT).
Each final answer is scored as `rag eval` scores it. Printed per prompt: ROC AUC of P(yes) for right drafts
against wrong or invented ones, and per threshold the right drafts it would refuse and the bad ones it would
catch: both sides of the gate. The answering model must score choices (the llama.cpp backend).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eval.gold import GoldItem, load_gold
from eval.records import score_answer
from index import Sentence
from rag.llm.base import ChoiceScorer, Message
from rag.pipeline import AnswerPipeline
from rag.prompts import judge_followup_messages, judge_messages
from rag.runtime import make_pipeline
from rag.settings import Settings, get_settings
from rag.stages.draft import Draft
from rag.stages.judge import Judge, Judgement
from rag.stages.verify import Verdict

PROMPTS = ("own", "own_context", "in_context")
THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)


@dataclass
class Scored:
    """One draft's P(yes) under each prompt (a prompt missing where it could not be asked)."""

    question: str
    p_yes: dict[str, float]
    right: bool = False


class ScoringJudge:
    """Stands in for the pipeline's judge: passes every draft, keeps each prompt's P(yes) of it."""

    def __init__(
        self,
        judge: Judge,
        answering: ChoiceScorer,
        context_of: Callable[[Sentence], tuple[str, str]],
        prompts: Sequence[str] = PROMPTS,
    ):
        self.judge = judge
        self.answering = answering
        self.context_of = context_of  # Sentence -> (title, sentence before it)
        # In corpus mode the separate prompts run on the answering model and evict the collection's KV cache:
        # a large collection then scores only "in_context".
        self.prompts = frozenset(prompts)
        self.scored: list[Scored] = []

    def run(self, question: str, verdict: Verdict, draft: Draft | None = None) -> Judgement:
        own = self.judge.generator
        claims = verdict.supported_text
        sentences = list({(s.article_id, s.start): s for c in verdict.supported for s in c.sentences}.values())
        quotes = list(dict.fromkeys(s.text for s in sentences))
        with_context = [" ".join(part for part in (*self.context_of(s), s.text) if part) for s in sentences]
        p_yes: dict[str, float] = {}
        if isinstance(own, ChoiceScorer) and "own" in self.prompts:
            p_yes["own"] = _p_yes(own, judge_messages(question, claims, quotes))
        if isinstance(own, ChoiceScorer) and "own_context" in self.prompts:
            p_yes["own_context"] = _p_yes(own, judge_messages(question, claims, with_context))
        if draft is not None and draft.messages and "in_context" in self.prompts:
            p_yes["in_context"] = _p_yes(self.answering, judge_followup_messages(draft.messages, draft.reply))
        self.scored.append(Scored(question, p_yes))
        return Judgement(passed=True, p_yes=None, ms=0.0)


def _p_yes(generator: ChoiceScorer, messages: Sequence[Message]) -> float:
    probs = generator.choice_probabilities(messages, ["yes", "no"])
    return probs["yes"] / max(probs["yes"] + probs["no"], 1e-9)


def attach(pipeline: AnswerPipeline, prompts: Sequence[str] = PROMPTS) -> ScoringJudge:
    """Put a scoring judge in the pipeline's place (the pipeline must have a judge)."""
    judge = pipeline.stages.judge
    if judge is None or not isinstance(pipeline.generator, ChoiceScorer):
        raise SystemExit("needs RAG_JUDGE=true and a backend that scores choices (llama_cpp)")
    index = pipeline.index

    def context_of(sentence: Sentence) -> tuple[str, str]:
        article = index.articles.get(sentence.article_id)
        if article is None:
            return "", ""
        before = re.split(r"(?<=[.!?])\s+", article.text[max(0, sentence.start - 300) : sentence.start].strip())
        title = f"({article.title[:80]}{', ' + article.date if article.date else ''})"
        return title, before[-1] if before else ""

    scoring = ScoringJudge(judge, pipeline.generator, context_of, prompts)
    pipeline.stages.judge = scoring  # type: ignore[assignment]  # the same run() signature
    return scoring


@dataclass
class Table:
    right: int
    bad: int
    auc: dict[str, float | None] = field(default_factory=dict)
    # per prompt, per threshold: (right drafts refused, bad drafts caught)
    sides: dict[str, dict[float, tuple[int, int]]] = field(default_factory=dict)


def tabulate(scored: Sequence[Scored]) -> Table:
    table = Table(right=sum(s.right for s in scored), bad=sum(not s.right for s in scored))
    for prompt in PROMPTS:
        rows = [(s.p_yes[prompt], s.right) for s in scored if prompt in s.p_yes]
        table.auc[prompt] = _auc(rows)
        table.sides[prompt] = {
            t: (sum(1 for p, ok in rows if ok and p < t), sum(1 for p, ok in rows if not ok and p < t))
            for t in THRESHOLDS
        }
    return table


def _auc(rows: Sequence[tuple[float, bool]]) -> float | None:
    """P(a right draft scores above a bad one), ties counting half."""
    right = [p for p, ok in rows if ok]
    bad = [p for p, ok in rows if not ok]
    if not right or not bad:
        return None
    wins = sum(1.0 if r > b else 0.5 if r == b else 0.0 for r in right for b in bad)
    return wins / (len(right) * len(bad))


def run(pipeline: AnswerPipeline, items: Sequence[GoldItem], prompts: Sequence[str] = PROMPTS) -> list[Scored]:
    """Every item answered; each draft the judge saw marked right when its final answer scored right."""
    scoring = attach(pipeline, prompts)
    kept: list[Scored] = []
    for item in items:
        before = len(scoring.scored)
        answer = pipeline.ask(item.question, history=item.history)
        drafts = scoring.scored[before:]
        if not drafts or not answer.answerable:
            continue
        record = score_answer(item, answer, config="judge_signals", latency_s=0.0, retrieved=None, k=0, supports=None)
        last = drafts[-1]  # the draft whose verdict became the answer (bridged steps judge earlier ones too)
        last.right = record.correct and item.answerable
        kept.append(last)
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--articles", type=Path, default=None)
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="write each draft's P(yes) here (JSON lines)")
    parser.add_argument(
        "--prompts", nargs="+", choices=PROMPTS, default=list(PROMPTS), help="which judge prompts to score"
    )
    args = parser.parse_args(argv)
    # Every draft the gates pass is scored, those whose figures are bound literally too (RAG_JUDGE_SKIP_BOUND).
    settings: Settings = get_settings().model_copy(update={"judge_skip_bound": False})
    if args.articles is not None:
        settings = settings.model_copy(update={"articles_dir": args.articles, "index_dir": args.index})
    items = load_gold(args.gold)[: args.limit]
    scored = run(make_pipeline(settings), items, args.prompts)
    if args.out:
        args.out.write_text("".join(json.dumps(s.__dict__) + "\n" for s in scored))
    table = tabulate(scored)
    print(f"{len(scored)} drafts reached the judge: {table.right} right, {table.bad} wrong or invented")
    for prompt in args.prompts:
        auc = table.auc[prompt]
        sides = "  ".join(f"{t:.2f}: -{r}/{c}" for t, (r, c) in table.sides[prompt].items())
        print(f"{prompt:<12} AUC {auc if auc is None else round(auc, 3)}   refused right / caught bad at  {sides}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
