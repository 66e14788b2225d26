"""PNG charts for the reports, drawn with matplotlib's Agg canvas (no display, no global pyplot state)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from eval.compare import Comparison
from eval.records import QuestionRecord
from eval.summary import Summary

__all__ = ["plot_accuracy_by_kind", "plot_compare", "plot_latency"]


def _save(fig: Figure, path: Path) -> Path:
    FigureCanvasAgg(fig)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def plot_accuracy_by_kind(summary: Summary, path: Path) -> Path:
    """Bars of accuracy per kind with bootstrap 95% intervals, overall first."""
    labels = ["overall", *summary.by_kind]
    values = [summary.accuracy] + [k.accuracy for k in summary.by_kind.values()]
    cis = [summary.ci95.get("accuracy")] + [k.accuracy_ci95 for k in summary.by_kind.values()]
    low = [v - (ci[0] if ci else v) for v, ci in zip(values, cis, strict=True)]
    high = [(ci[1] if ci else v) - v for v, ci in zip(values, cis, strict=True)]
    counts = [summary.n] + [k.n for k in summary.by_kind.values()]
    fig = Figure(figsize=(max(7.0, 0.9 * len(labels)), 4.2))
    ax = fig.add_subplot()
    x = np.arange(len(labels))
    colors = ["#555555"] + ["#c0504d" if k.n_answerable == 0 else "#4f81bd" for k in summary.by_kind.values()]
    ax.bar(x, values, yerr=[low, high], capsize=3, color=colors)
    ax.set_xticks(
        x, [f"{label}\n(n={n})" for label, n in zip(labels, counts, strict=True)], fontsize=8, rotation=25, ha="right"
    )
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("accuracy")
    ax.set_title(f"{summary.config}: accuracy by kind (red: should abstain), 95% bootstrap CI")
    return _save(fig, path)


def plot_latency(records: Sequence[QuestionRecord], path: Path, title: str) -> Path:
    """Histogram of per-question latency with the median and 95th percentile marked."""
    latencies = np.array([r.latency_s for r in records], dtype=float)
    fig = Figure(figsize=(7, 3.5))
    ax = fig.add_subplot()
    ax.hist(latencies, bins=min(30, max(5, len(latencies) // 3)), color="#4f81bd")
    for q, style in ((50, "--"), (95, ":")):
        value = float(np.percentile(latencies, q))
        shown = f"{value:.1f}" if value >= 1 else f"{value:.3f}"
        ax.axvline(value, color="black", linestyle=style, label=f"p{q} {shown} s")
    ax.set_xlabel("seconds per question")
    ax.set_ylabel("questions")
    ax.set_title(title)
    ax.legend()
    return _save(fig, path)


def plot_compare(comparison: Comparison, path: Path) -> Path:
    """Grouped bars: accuracy per kind (and overall) for each configuration."""
    names = comparison.configs
    kinds = list(dict.fromkeys(k for s in comparison.summaries.values() for k in s.by_kind))
    groups = ["overall", *kinds]
    fig = Figure(figsize=(min(14.0, max(8.0, 0.3 * len(groups) * len(names))), 4.5))
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(names))
    x = np.arange(len(groups))
    for i, name in enumerate(names):
        s = comparison.summaries[name]
        values = [s.accuracy] + [s.by_kind[k].accuracy if k in s.by_kind else 0.0 for k in kinds]
        ax.bar(x + (i - (len(names) - 1) / 2) * width, values, width, label=name)
    ax.set_xticks(x, groups, fontsize=8, rotation=25, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("accuracy")
    ax.set_title("accuracy by kind and configuration")
    ax.legend(fontsize=8, ncols=min(5, len(names)))
    return _save(fig, path)
