import pytest

from rag.stages.agents import other_buyer

NEXT = "In 1996, following Apple Computer's purchase of NeXT, Jobs returned to Apple."
PIXAR = "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005."


@pytest.mark.parametrize(
    ("question", "texts", "found"),
    [
        # A possessive or a passive's agent names the buyer (round 28, w773, w779).
        ("In what year did Steve Jobs buy NeXT?", [NEXT], ("Apple Computer", "Steve Jobs")),
        ("Which company did Apple acquire in 2005?", [PIXAR], ("The Walt Disney Company", "Apple")),
        # The buyer asked is the one named, by any of its words: "Apple" is "Apple Computer".
        ("When did Apple buy NeXT?", [NEXT], None),
        ("When did Disney acquire Pixar?", [PIXAR], None),
        # A question that asks who bought names no buyer to hold the sentence to.
        ("Which company acquired Pixar?", [PIXAR], None),
        # Not the year asked: the 1986 purchase is "he", who may be the subject.
        ("In what year did Steve Jobs buy Pixar?", [PIXAR], None),
        # A name just before the verb is the buyer.
        (
            "How many A380s did Qantas buy?",
            ["Virgin Atlantic has purchased six of these aeroplanes."],
            ("Virgin Atlantic", "Qantas"),
        ),
        ("How many A380s did Virgin Atlantic buy?", ["Virgin Atlantic has purchased six of these aeroplanes."], None),
        # A purchase with no buyer written, in any text, may be the subject's.
        ("How many A380s did Qantas buy?", ["Virgin Atlantic has purchased six.", "Six were purchased."], None),
        # No purchase written at all: other checks decide.
        ("In what year did Steve Jobs buy NeXT?", ["He founded NeXT."], None),
    ],
)
def test_other_buyer(question: str, texts: list[str], found: tuple[str, str] | None) -> None:
    assert other_buyer(question, texts) == found
