"""Small statistics: bootstrap confidence intervals, the exact McNemar test, percentiles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["McNemar", "bootstrap_ci", "mcnemar_exact", "mean", "percentile"]


def mean(values: Sequence[float]) -> float | None:
    """The mean, or None for no values (a metric that does not apply is not zero)."""
    return float(np.mean(values)) if len(values) else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (linear interpolation), or None for no values."""
    return float(np.percentile(values, q)) if len(values) else None


def bootstrap_ci(
    values: Sequence[float], *, level: float = 0.95, resamples: int = 2000, seed: int = 0
) -> tuple[float, float] | None:
    """Percentile-bootstrap interval of the mean of ``values`` (None for no values).

    Seeded, so the same answers give the same interval. With few questions, or all of them right or all
    wrong, the interval is narrow or collapses to a point: it is only as good as the sample.
    """
    if not 0 < level < 1:
        raise ValueError("level must be within (0, 1)")
    if not len(values):
        return None
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


@dataclass(frozen=True)
class McNemar:
    """Paired comparison of two systems on the same questions."""

    only_a: int  # questions system A got right and B wrong
    only_b: int  # and the other way round
    p_value: float  # exact two-sided binomial test of only_a against only_a + only_b at 1/2


def mcnemar_exact(a: Sequence[bool], b: Sequence[bool]) -> McNemar:
    """Exact McNemar test on per-question correctness of two systems (same questions, same order)."""
    from scipy.stats import binomtest

    if len(a) != len(b):
        raise ValueError("both systems must be scored on the same questions")
    only_a = sum(1 for x, y in zip(a, b, strict=True) if x and not y)
    only_b = sum(1 for x, y in zip(a, b, strict=True) if y and not x)
    discordant = only_a + only_b
    p = 1.0 if discordant == 0 else float(binomtest(only_a, discordant, 0.5).pvalue)
    return McNemar(only_a=only_a, only_b=only_b, p_value=min(p, 1.0))
