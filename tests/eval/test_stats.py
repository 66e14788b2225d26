"""Bootstrap intervals, the exact McNemar test, retrieval ranks."""

import pytest

from eval.retrieval import recall_at_k, reciprocal_rank
from eval.stats import bootstrap_ci, mcnemar_exact, mean, percentile

pytestmark = pytest.mark.unit


def test_bootstrap_ci_shape_and_order() -> None:
    values = [1.0] * 30 + [0.0] * 10
    ci = bootstrap_ci(values)
    assert ci is not None and len(ci) == 2
    low, high = ci
    assert 0.0 <= low < mean(values) < high <= 1.0  # type: ignore[operator]
    assert bootstrap_ci(values) == ci  # seeded: the same answers give the same interval


def test_bootstrap_ci_narrows_with_more_questions() -> None:
    small = bootstrap_ci([1.0, 0.0] * 5)
    large = bootstrap_ci([1.0, 0.0] * 200)
    assert small is not None and large is not None
    assert large[1] - large[0] < small[1] - small[0]


def test_bootstrap_ci_edges() -> None:
    assert bootstrap_ci([]) is None
    assert bootstrap_ci([1.0, 1.0, 1.0]) == (1.0, 1.0)
    with pytest.raises(ValueError):
        bootstrap_ci([1.0], level=1.5)


def test_mcnemar_counts_only_discordant_pairs() -> None:
    a = [True, True, True, False, False, True]
    b = [True, False, False, False, True, True]
    result = mcnemar_exact(a, b)
    assert (result.only_a, result.only_b) == (2, 1)
    assert result.p_value == pytest.approx(1.0)  # 2 vs 1 is no evidence at all


def test_mcnemar_exact_p_value() -> None:
    # 10 discordant pairs all one way: two-sided exact p = 2 / 2**10.
    a = [True] * 10 + [True] * 5
    b = [False] * 10 + [True] * 5
    result = mcnemar_exact(a, b)
    assert result.p_value == pytest.approx(2 / 2**10)
    assert mcnemar_exact([True, False], [True, False]).p_value == 1.0
    with pytest.raises(ValueError):
        mcnemar_exact([True], [True, False])


def test_percentile_and_mean_of_nothing() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([], 50) is None and mean([]) is None


def test_recall_at_k_and_reciprocal_rank() -> None:
    retrieved = ["b", "b", "a", "c", "d", "e"]
    assert recall_at_k(retrieved, ["a", "e"], 5) == 0.5  # e is ranked 6th
    assert recall_at_k(retrieved, ["a", "e"], 6) == 1.0
    assert reciprocal_rank(retrieved, ["a", "e"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(retrieved, ["z"]) == 0.0
    with pytest.raises(ValueError):
        recall_at_k(retrieved, [], 5)
