import pytest

from index import clean_text
from tests.conftest import ARTICLES

pytestmark = pytest.mark.unit


def test_date_prefix_becomes_metadata() -> None:
    cleaned = clean_text(" date 2025-06-11 Meta, which owns Facebook, is in talks.\n\nSecond paragraph.")
    assert cleaned.date == "2025-06-11"
    assert cleaned.text.startswith("Meta, which owns Facebook")
    assert "date 2025" not in cleaned.text


def test_footer_boilerplate_is_cut() -> None:
    raw = (ARTICLES / "001_045d5220c5997dc2.txt").read_text()
    cleaned = clean_text(raw)
    for junk in ("Impact Score", "Contact Us", "Contact Form", "verification code", "Got questions"):
        assert junk not in cleaned.text
    assert not cleaned.text.rstrip().endswith("77")
    assert cleaned.text.rstrip().endswith("advancements in Artificial Intelligence.")
    assert (
        cleaned.title
        == "Meta considers multibillion-dollar Scale AI investment in rare external Artificial Intelligence play"
    )


def test_uploaded_by_line_is_dropped() -> None:
    cleaned = clean_text((ARTICLES / "004_c524a854faa8738c.txt").read_text())
    assert "Uploaded by" not in cleaned.text
    assert "Liza Shireen Koshy" not in cleaned.text
    assert cleaned.title.startswith("Meta in talks for Scale AI investment")


def test_punctuation_is_normalised() -> None:
    cleaned = clean_text("Meta´s largest “external” bet isn’t final.")
    assert cleaned.text == "Meta's largest \"external\" bet isn't final."


def test_long_first_paragraph_gives_a_sentence_title() -> None:
    cleaned = clean_text("Meta is reportedly in talks to invest in Scale AI, a company. It could be big.")
    assert cleaned.title == "Meta is reportedly in talks to invest in Scale AI, a company."


def test_only_boilerplate_is_empty() -> None:
    assert clean_text("Contact Us\nGot questions? Use the form.").text == ""
