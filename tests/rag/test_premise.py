import pytest

from index import Article
from rag.stages.premise import PremiseCheck

pytestmark = pytest.mark.unit

_TEXT = (
    "President George W. Bush, speaking at a press conference alongside Paulson, said this is a pivotal moment. "
    "The FTSE 100 rose 8.04% in London, the UK's capital. An A380 flew from Frankfurt to Chicago. The Belgian "
    "government will give aid, and the Federal Reserve lent more."
)


def _check(text: str = _TEXT) -> PremiseCheck:
    return PremiseCheck([Article(article_id="a", title="Shares surge", text=text, content_hash="h")])


def test_a_name_no_article_writes_is_a_false_premise() -> None:
    # Held-out round 48, w1251: no article names Ben Bernanke; the answer gave Bush's words to him.
    refused = _check().run("What did Federal Reserve chairman Ben Bernanke say at the press conference?")
    assert refused is not None and (refused.reason, refused.gate) == ("no_evidence", "premise_name")
    assert refused.message == "No article names Ben Bernanke."
    # Possessive or not, the last word of the name is what a report keeps.
    assert _check().run("Why did Ben Bernanke's statement move markets?") is not None


def test_names_the_articles_write_or_may_write_otherwise_pass() -> None:
    check = _check()
    assert check.run("What did President George W. Bush say at the press conference alongside Paulson?") is None
    assert check.run("What did George Bush's speech say?") is None  # the last word is written
    # The question's first word is capitalised anyway; one capitalised word may be another's way of naming.
    assert check.run("Which Democratic senator spoke?") is None
    assert check.run("How much aid did Brussels promise?") is None
    # A country's long form ("the United Kingdom" where the articles write "the UK"); hyphened parts written apart.
    assert check.run("How far did the main index of the United Kingdom rise?") is None
    assert check.run("How many flew on the Airbus Frankfurt-to-Chicago?") is None
    # A model's code is the figure check's, not a name: "Power8" is no word of letters.
    assert check.run("What does the Airbus Power8 plan cut?") is None


def test_a_figure_no_article_states_is_a_false_premise_before_any_name() -> None:
    refused = _check().run("Why did Ben Bernanke say the FTSE 100 rose 9.5%?")
    assert refused is not None and refused.gate == "premise_figure"
    assert refused.message == "No article states the figure 9.5 that the question takes for granted."


def test_a_hyphened_word_names_by_its_capitalised_parts_only() -> None:
    # Held-out round 49, w1270: "Toyota's US-traded depository shares" names the US; "traded" is no name.
    check = _check("Shares of Toyota's US depository rose. Flights to O'Hare in Chicago resumed.")
    assert check.run("By what percentage did Toyota's US-traded shares climb?") is None
    assert check.run("When did flights to Chicago's O'Hare resume?") is None
    assert check.run("When did flights to Chicago's O'Malley resume?") is not None
