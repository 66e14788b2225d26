"""Answer matching: SQuAD normalisation, number forms, containment / gold-token recall, token F1."""

import pytest

from eval.matching import gold_recall, match_answer, normalize_answer, normalize_numbers, token_f1

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Quick, brown fox!", "quick brown fox"),
        ("An apple and a pear.", "apple and pear"),
        ("Meta's Llama 4", "meta llama 4"),
        ("AI-powered helmet", "ai powered helmet"),
        ("  lots   of\tspace ", "lots of space"),
    ],
)
def test_squad_normalisation(text: str, expected: str) -> None:
    assert normalize_answer(text) == expected


@pytest.mark.parametrize(
    "forms",
    [
        ["US$870 million", "$870 million", "870 million", "870m", "0.87 billion", "US$ 870 million"],
        ["$65 billion", "65 billion", "US$65b", "65bn", "US$65 bn"],
        ["one billion", "1 billion", "$1 billion", "a billion", "1bn", "1,000 million"],
        ["13.8 billion", "$13.8bn", "US$13.8 billion"],
        ["thirty-one", "31"],  # Wikinews w1000: "31 Republicans" was scored wrong against "thirty-one"
    ],
)
def test_number_forms_agree(forms: list[str]) -> None:
    assert len({normalize_answer(f) for f in forms}) == 1, [normalize_answer(f) for f in forms]


def test_numbers_keep_their_value_and_neighbours() -> None:
    assert normalize_numbers("founded in 2016.") == "founded in 2016."
    assert normalize_answer("about 1,000 workers") == "about 1000 workers"
    assert normalize_answer("Llama 3") == "llama 3"
    assert normalize_answer("13.8") == "13.8"  # the decimal point survives the punctuation pass
    assert normalize_answer("H100 chips") == "h100 chips"  # a figure inside a word is not a number
    assert normalize_answer("seven to nine figures") == normalize_answer("7 to 9 figures")


def test_a_range_shares_its_scale() -> None:
    assert normalize_answer("10 to 15 billion") == normalize_answer("$10 billion to $15 billion")
    assert " " + normalize_answer("10 billion") + " " in " " + normalize_answer("between $10bn and $15bn") + " "


def test_distinct_figures_stay_distinct() -> None:
    assert normalize_answer("$1 billion") != normalize_answer("$13 billion")
    assert normalize_answer("$2 billion") != normalize_answer("$2 million")


def test_containment_on_whole_words() -> None:
    m = match_answer("Scale AI made US$870m in revenue in 2024 [1].", ["870 million", "$870 million"])
    assert m.correct and m.how == "contains"
    assert not match_answer("It was founded in 2016.", ["2"]).correct  # '2' is not a word of '2016'
    assert not match_answer("It raised $13 billion.", ["1 billion"]).correct
    assert match_answer("Meta's chief executive, Mark Zuckerberg.", ["Zuckerberg"]).correct


def test_best_alias_is_taken() -> None:
    m = match_answer("Guo", ["Lucy Guo", "Guo"])
    assert m.correct and m.alias == "Guo" and m.f1 == 1.0


def test_gold_token_recall_threshold() -> None:
    gold = "unpaid AI trainers for the company"  # 5 tokens after normalisation: unpaid ai trainers for company
    answer = "They could become unpaid trainers of AI for Meta"  # 4 of the 5, out of order
    assert gold_recall(answer, gold) == pytest.approx(0.8)
    m = match_answer(answer, [gold])
    assert m.correct and m.how == "recall"
    assert not match_answer(answer, [gold], threshold=0.9).correct
    assert not match_answer("Lucy", ["Lucy Guo"]).correct  # recall 0.5


def test_token_f1_is_squad_f1() -> None:
    assert token_f1("Lucy Guo", "Lucy Guo") == 1.0
    assert token_f1("the co-founder Lucy Guo", "Lucy Guo") == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert token_f1("Alexandr Wang", "Lucy Guo") == 0.0
    assert token_f1("US$870 million", "870m") == 1.0
    assert token_f1("", "") == 1.0 and token_f1("x", "") == 0.0


def test_f1_reported_even_when_wrong() -> None:
    m = match_answer("Scale AI was founded by Lucy", ["Lucy Guo"])
    assert not m.correct and 0 < m.f1 < 1
