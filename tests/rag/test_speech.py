"""The one table of speech verbs, and the readings the binding gate builds from it."""

from __future__ import annotations

import re

from rag.stages.speech import PAST, SPEAKER_BACK, THIRD, alternation, forms


def test_each_reading_takes_its_forms_from_the_table() -> None:
    assert forms(["say", "tell"], [PAST]) == {"said", "told"}
    assert forms(["say"], [THIRD, PAST]) == {"says", "said"}
    # The "he said" reading keeps the past forms it read before the table.
    assert "emphasized" in forms(SPEAKER_BACK, [PAST]) and "says" not in forms(SPEAKER_BACK, [PAST])


def test_a_longer_form_is_tried_before_a_form_it_begins_with() -> None:
    pattern = re.compile(alternation(["say", "saying", "says"]))
    assert pattern.match("saying").group(0) == "saying"  # type: ignore[union-attr]
