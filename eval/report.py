"""Write a run to disk: answers.jsonl, summary.json, report.md (+ PNGs); compare.md / compare.json."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eval.compare import SIGNIFICANCE, Comparison
from eval.plots import plot_accuracy_by_kind, plot_compare, plot_latency
from eval.records import QuestionRecord
from eval.summary import CI, Summary

__all__ = ["DEFINITIONS", "write_comparison", "write_run"]

DEFINITIONS = """\
## How the metrics are defined

- **Correct** (answerable questions): the system did not abstain, and after normalisation one of the gold
  answers (aliases) appears in its answer as whole words, or at least 80% of an alias's words do (best alias
  taken). Normalisation is SQuAD's — lower case, punctuation and the articles a/an/the removed — plus numbers
  in one canonical form: currency marks dropped, scale words multiplied out, number words as digits, a bare
  figure in a range given its partner's scale ("US$870 million" = "$870 million" = "870m" = "0.87 billion";
  "$65 billion" = "65bn" = "US$65b"; "10 to 15 billion" = "10 billion to 15 billion"). Citation markers are
  removed first. Containment is lenient by design: an answer that lists several candidates, or echoes a
  figure from the question, can count as correct.
- **Answer accuracy**: share of answerable questions answered correctly; an abstention counts as wrong.
  **Answer F1**: mean over answerable questions of the best SQuAD token F1 against any alias (0 if the
  system abstained). Verbose answers get a low F1 even when correct.
- **Abstention** is read from the system's `answerable` flag, never from the wording of the answer
  (the baselines `closed_book` and `llamaindex` have no flag: a reply that declines in the usual words —
  "I don't know", "not mentioned", "none of the sources" — is their abstention).
  **Abstention accuracy**: share of unanswerable and false-premise questions abstained on.
  **False abstention rate**: share of answerable questions abstained on.
  **Accuracy** (overall, and per kind): share of all questions handled right — answered correctly if
  answerable, abstained on if not.
- **Citations (ALCE, Gao et al. 2023)**, over the answers a system gave (not its abstentions):
  *citation recall* is the share of answer sentences whose cited passages together support the sentence
  (no citation: unsupported); *citation precision* is the share of citations that are not irrelevant, a
  citation being irrelevant when it does not support its sentence alone while the sentence's other citations
  still do without it (all citations of an unsupported sentence count as imprecise; no citations: 0). Both
  are averaged per answer. The support judge is the project's own model-free verifier
  (`rag.stages.verify.Verifier` with the all-MiniLM-L6-v2 embedder, the pipeline's support threshold): every name
  and figure of the sentence must appear in the cited text and the sentence must be close in meaning to it.
  The pipeline chose its quotes with that same verifier, so its citation scores are high by construction;
  they say its citations are self-consistent, not that a person would accept them — see
  `eval/citation_handcheck.md` for a hand check of the judge. `closed_book` does not cite: n/a.
- **Retrieval** (answerable questions): the system's own retriever is queried separately with the question
  it actually searched (the rewritten standalone question for follow-ups) for the top k passages
  (k = 5). *Recall@k*: share of the gold source articles with a passage in the top k;
  *hit@k*: at least one; *MRR*: mean of 1 / rank of the first passage from a gold source article. The gold
  `sources` list every article that states the answer, so recall@k is below 1 whenever the answer is in more
  articles than fit in k passages; hit@k is the figure for "could it find the answer". `llamaindex` ranks its
  own, larger chunks, so its figures are not comparable passage for passage.
- **Latency**: wall-clock seconds per question around the system's answer call (retrieval, generation,
  verification; the separate retrieval probe is not counted); p50 and p95 over all questions.
  **First token**: when the generator produced its first token, from the start of the question (pipeline).
- **95% CI**: percentile bootstrap over questions (2000 resamples, fixed seed). With few questions per kind
  the intervals are wide; with all right or all wrong they collapse to a point.
- **Paired test** (comparisons): exact McNemar test on per-question correctness of a configuration and the
  pipeline over the same questions (two-sided binomial test of the discordant pairs at 1/2,
  `scipy.stats.binomtest`); a difference is marked significant at p < 0.05.
- A question whose answering raised an error counts as wrong (listed as `error` in answers.jsonl).
"""


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _ci(ci: CI, pct: bool = True) -> str:
    if ci is None:
        return "n/a"
    return f"{_pct(ci[0])} – {_pct(ci[1])}" if pct else f"{ci[0]:.2f} – {ci[1]:.2f}"


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def _headline(s: Summary) -> list[str]:
    k = s.retrieval_k
    rows = [
        (
            "answer accuracy",
            _pct(s.answer_accuracy),
            _ci(s.ci95.get("answer_accuracy")),
            f"{s.n_answerable} answerable",
        ),
        ("answer F1", _num(s.answer_f1), _ci(s.ci95.get("answer_f1"), pct=False), f"{s.n_answerable} answerable"),
        (
            "abstention accuracy",
            _pct(s.abstention_accuracy),
            _ci(s.ci95.get("abstention_accuracy")),
            f"{s.n_unanswerable} unanswerable / false premise",
        ),
        (
            "false abstention rate",
            _pct(s.false_abstention_rate),
            _ci(s.ci95.get("false_abstention_rate")),
            f"{s.n_answerable} answerable",
        ),
        ("accuracy (all questions)", _pct(s.accuracy), _ci(s.ci95.get("accuracy")), f"{s.n} questions"),
        ("citation recall (ALCE)", _pct(s.citation_recall), _ci(s.ci95.get("citation_recall")), f"{s.n_cited} answers"),
        (
            "citation precision (ALCE)",
            _pct(s.citation_precision),
            _ci(s.ci95.get("citation_precision")),
            f"{s.n_cited} answers",
        ),
        (
            f"retrieval recall@{k}",
            _pct(s.retrieval_recall_at_k),
            _ci(s.ci95.get("retrieval_recall_at_k")),
            f"{s.n_answerable} answerable",
        ),
        (f"retrieval hit@{k}", _pct(s.retrieval_hit_at_k), _ci(s.ci95.get("retrieval_hit_at_k")), ""),
        ("MRR", _num(s.mrr), _ci(s.ci95.get("mrr"), pct=False), ""),
        ("latency p50 / p95", f"{_num(s.latency_p50_s, 1)} s / {_num(s.latency_p95_s, 1)} s", "", f"{s.n} questions"),
        ("first token p50", "n/a" if s.first_token_p50_s is None else f"{s.first_token_p50_s:.1f} s", "", ""),
        ("errors", str(s.n_errors), "", ""),
    ]
    lines = ["| metric | value | 95% CI | over |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return [*lines, "", *_trust(s)]


def _trust(s: Summary) -> list[str]:
    """The outcome counts, the trust score, and both sides of every abstention gate."""
    o = s.outcomes
    if o is None:
        return []
    lines = [
        f"Answerable: **{o.right} right / {o.refused} refused / {o.wrong} wrong** (wrong answers carry citations "
        f"where the system cites). To abstain on: **{o.abstained} abstained / {o.invented} answered**. "
        f"Trust score (right − wrong − invented) / n = **{o.trust:.2f}**.",
    ]
    if s.gates:
        lines += ["", "| gate | reason | caught (should abstain) | false refusals (answerable) |", "|---|---|---|---|"]
        lines += [f"| {name} | {g.reason} | {g.caught} | {g.false_refusals} |" for name, g in s.gates.items()]
    return lines


def _by_kind(s: Summary) -> list[str]:
    lines = [
        f"| kind | n | right response | accuracy | 95% CI | F1 | abstained | recall@{s.retrieval_k} | MRR | p50 s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, k in s.by_kind.items():
        should = "abstain" if k.n_answerable == 0 else "answer" if k.n_answerable == k.n else "mixed"
        lines.append(
            f"| {kind} | {k.n} | {should} | {_pct(k.accuracy)} | {_ci(k.accuracy_ci95)} | {_num(k.answer_f1)} | "
            f"{_pct(k.abstention_rate)} | {_pct(k.retrieval_recall_at_k)} | {_num(k.mrr)} | "
            f"{_num(k.latency_p50_s, 1)} |"
        )
    return lines


def _misses(records: Sequence[QuestionRecord]) -> list[str]:
    wrong = [r for r in records if not r.correct]
    if not wrong:
        return ["Every question was handled right."]
    lines = ["| id | kind | question | gold | answer |", "|---|---|---|---|---|"]
    for r in wrong:
        gold = " / ".join(r.gold_answers) if r.gold_answerable else "(abstain)"
        said = f"error: {r.error}" if r.error else r.answer if r.answerable else "(abstained)"
        lines.append(f"| {r.id} | {r.kind} | {_cell(r.question, 90)} | {_cell(gold, 60)} | {_cell(said)} |")
    return lines


def _settings_line(s: Summary) -> str:
    keys = (
        "top_k",
        "retrieval_dense",
        "retrieval_lexical",
        "evidence_sentences",
        "min_relevance",
        "support_threshold",
        "judge",
        "max_tokens",
        "n_threads",
    )
    return ", ".join(f"{key}={s.settings[key]}" for key in keys if key in s.settings) or "(not recorded)"


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _questions(s: Summary) -> str:
    if s.n_gold > s.n:
        return f"{s.n} of the {s.n_gold} questions in `{s.gold}` (--limit: taken in turn from each kind)"
    return f"{s.n} questions from `{s.gold}`"


def write_run(out_dir: Path, summary: Summary, records: Sequence[QuestionRecord]) -> list[Path]:
    """answers.jsonl, summary.json, the two plots and report.md of one configuration, under ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    answers = out_dir / "answers.jsonl"
    with answers.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(record.model_dump_json() + "\n")
    summary_path = out_dir / "summary.json"
    summary_path.write_text(summary.model_dump_json(indent=2) + "\n", encoding="utf-8")
    by_kind = plot_accuracy_by_kind(summary, out_dir / "accuracy_by_kind.png")
    latency = plot_latency(records, out_dir / "latency.png", f"{summary.config}: latency per question")
    report = out_dir / "report.md"
    lines = [
        f"# newsrag evaluation: `{summary.config}`",
        "",
        _sentence(summary.description),
        "",
        f"Model `{summary.model}`; {_questions(summary)} ({summary.n_answerable} answerable, "
        f"{summary.n_unanswerable} to abstain on); started {summary.started_at}, took {summary.elapsed_s:.0f} s.",
        f"Settings: {_settings_line(summary)}.",
        "",
        "## Headline figures",
        "",
        *_headline(summary),
        "",
        "## By kind of question",
        "",
        *_by_kind(summary),
        "",
        f"![accuracy by kind]({by_kind.name})",
        "",
        f"![latency per question]({latency.name})",
        "",
        "## Questions handled wrong",
        "",
        *_misses(records),
        "",
        f"Every answer, with its citations, retrieval and citation judgements, is in [{answers.name}]({answers.name}).",
        "",
        DEFINITIONS,
    ]
    report.write_text("\n".join(lines), encoding="utf-8")
    return [answers, summary_path, by_kind, latency, report]


def write_comparison(out_dir: Path, comparison: Comparison, reports: dict[str, Path]) -> list[Path]:
    """compare.json, compare.md and a grouped bar chart; ``reports`` maps config -> its report.md."""
    out_dir.mkdir(parents=True, exist_ok=True)
    data = out_dir / "compare.json"
    data.write_text(comparison.model_dump_json(indent=2) + "\n", encoding="utf-8")
    chart = plot_compare(comparison, out_dir / "compare_accuracy.png")
    first = next(iter(comparison.summaries.values()))
    k = first.retrieval_k
    head = [
        f"| config | answer accuracy (95% CI) | F1 | abstention accuracy | false abstention | accuracy (all) | "
        f"right / refused / wrong | abstained / invented | trust | "
        f"citation recall | citation precision | recall@{k} | hit@{k} | MRR | p50 s | p95 s | errors |",
        "|---" * 17 + "|",
    ]
    for name, s in comparison.summaries.items():
        head.append(
            f"| [{name}]({_rel(reports.get(name), out_dir)}) | {_pct(s.answer_accuracy)} "
            f"({_ci(s.ci95.get('answer_accuracy'))}) | {_num(s.answer_f1)} | {_pct(s.abstention_accuracy)} | "
            f"{_pct(s.false_abstention_rate)} | {_pct(s.accuracy)} | {_outcome_cells(s)} | {_pct(s.citation_recall)} | "
            f"{_pct(s.citation_precision)} | {_pct(s.retrieval_recall_at_k)} | {_pct(s.retrieval_hit_at_k)} | "
            f"{_num(s.mrr)} | {_num(s.latency_p50_s, 1)} | {_num(s.latency_p95_s, 1)} | {s.n_errors} |"
        )
    tests = [
        f"| config | scope | questions | right only here | right only in {comparison.baseline} | p (exact McNemar) | |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, scopes in comparison.mcnemar.items():
        for scope, t in scopes.items():
            label = "all questions" if scope == "accuracy" else "answerable questions"
            mark = f"**significant** (p < {SIGNIFICANCE})" if t.significant else ""
            tests.append(f"| {name} | {label} | {t.n} | {t.only_this} | {t.only_baseline} | {t.p_value:.3g} | {mark} |")
    kinds = list(dict.fromkeys(kind for s in comparison.summaries.values() for kind in s.by_kind))
    per_kind = [
        "| kind | n | " + " | ".join(comparison.configs) + " |",
        "|---" * (len(comparison.configs) + 2) + "|",
    ]
    for kind in kinds:
        n = max(s.by_kind[kind].n for s in comparison.summaries.values() if kind in s.by_kind)
        cells = [_pct(s.by_kind[kind].accuracy) if kind in s.by_kind else "" for s in comparison.summaries.values()]
        per_kind.append(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    described = [f"- `{name}`: {s.description}" for name, s in comparison.summaries.items()]
    lines = [
        "# newsrag evaluation: configurations compared",
        "",
        f"{_questions(first)} ({first.n_answerable} answerable, {first.n_unanswerable} to "
        f"abstain on); model `{first.model}`; baseline for the paired tests: `{comparison.baseline}`.",
        "",
        *described,
        "",
        "## Figures",
        "",
        *head,
        "",
        f"## Paired tests against `{comparison.baseline}`",
        "",
        *(tests if comparison.mcnemar else ["(the baseline was not run)"]),
        "",
        "Differences without a significant paired test are within what chance alone produces on this many questions.",
        "",
        "## Accuracy by kind",
        "",
        *per_kind,
        "",
        f"![accuracy by kind and configuration]({chart.name})",
        "",
        DEFINITIONS,
    ]
    report = out_dir / "compare.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    return [data, report, chart]


def _outcome_cells(s: Summary) -> str:
    o = s.outcomes
    if o is None:
        return "n/a | n/a | n/a"
    return f"{o.right} / {o.refused} / {o.wrong} | {o.abstained} / {o.invented} | {o.trust:.2f}"


def _rel(path: Path | None, base: Path) -> str:
    if path is None:
        return ""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
