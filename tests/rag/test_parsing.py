import pytest

from rag.parsing import parse_markers, parse_reply, strip_markers

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta may invest $10 billion [1].", [1]),
        ("Both say so [1, 3].", [1, 3]),
        ("It grew [1][2] fast [2].", [1, 2]),
        ("As reported [Source 2] and [sentence 4].", [2, 4]),
        ("Range [1-3].", [1, 2, 3]),
        ("Semicolons [2; 4] and words [1 and 5].", [2, 4, 1, 5]),
        ("No markers here.", []),
        ("Junk [a] [] [1.5] [[x]]", []),
    ],
)
def test_marker_forms(text: str, expected: list[int]) -> None:
    assert parse_markers(text) == expected


def test_out_of_range_markers_are_dropped() -> None:
    assert parse_markers("A [1] B [7] C [0] D [3]", valid=range(1, 4)) == [1, 3]


def test_strip_markers_repairs_spacing() -> None:
    assert strip_markers("Meta may invest [1] , reports say [2][3].") == "Meta may invest, reports say."


def test_two_line_reply() -> None:
    parsed = parse_reply("Sentences: 2, 5\nAnswer: Lucy Guo co-founded it [2].", n_evidence=6)
    assert parsed.answer == "Lucy Guo co-founded it."
    assert parsed.named == [2, 5]
    assert not parsed.declined


def test_not_found_is_a_decline() -> None:
    assert parse_reply("Sentences: none\nAnswer: NOT FOUND", 6).declined
    assert parse_reply("Sentences: 1\nAnswer: The sentences do not mention a ticker.", 6).declined
    assert parse_reply("Sentences: 1\nAnswer:", 6).declined


def test_stray_prompt_echo_never_reaches_the_answer() -> None:
    reply = (
        "Sentences: 1\nAnswer: Scale AI sells data labelling [1].\nQuestion: What else?\n"
        "[2] (Some title) Source 4: echoed passage text"
    )
    parsed = parse_reply(reply, 3)
    assert parsed.answer == "Scale AI sells data labelling."


def test_reply_without_labels_keeps_the_prose() -> None:
    parsed = parse_reply("Alexandr Wang leads Scale AI [2].\n\nSource 2: blah", 3)
    assert parsed.answer == "Alexandr Wang leads Scale AI."
    assert parsed.named == [2]


def test_named_numbers_out_of_range_are_ignored() -> None:
    assert parse_reply("Sentences: 0, 2, 9\nAnswer: x [12].", 3).named == [2]


def test_the_prompts_placeholder_copied_by_the_model_is_removed() -> None:
    # The answer format says "each claim ending with its [n]"; a small model sometimes copies the "[n]" itself.
    parsed = parse_reply("Sentences: 1\nAnswer: US$85 billion [n] [1].", n_evidence=3)
    assert parsed.answer == "US$85 billion."
    assert parsed.named == [1]
