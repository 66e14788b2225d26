"""A described subject read off the sentence that states the description, model-free, and cited."""

from __future__ import annotations

import pytest

from index import SearchHit, Sentence
from rag.stages.binding import BindingCheck
from rag.stages.bridge import split_description
from rag.stages.cite import CitationRenderer
from rag.stages.frame import frame_question
from rag.stages.identify import Identifier, _as_usually_written, _nearest_the_kind, _of_kind
from tests.fakes import HashingEncoder, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "a": "Meta is reportedly in talks to invest in Scale AI. This potential deal is even more interesting because "
    "Scale AI has also worked directly with Meta's technology. It developed Defense Llama, a large language model "
    "designed for use in military settings. Meta was already involved in Scale AI's earlier funding. It took part "
    "in the company's Series F round, which valued Scale AI at US$13.8 billion.",
    "b": "Meta opened its Llama models to the US government. The company is already partnering with Scale on a "
    "programme called Defense Llama. Scale sells its services to companies such as Microsoft, Cohere, Etsy and "
    "OpenAI. Scale AI has raised more than $1 billion from investors including Index Ventures and Founders Fund. "
    "Scale also built a labelling platform called Rapid.",
}
TITLES = {"a": "Meta in talks for Scale AI investment", "b": "Meta opens Llama to national security work"}
# Meta and Microsoft are mentioned most: the tie-break alone would pick them.
MENTIONS = {"Scale AI": 2, "Scale": 2, "Meta": 5, "Microsoft": 5, "OpenAI": 1}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, TEXTS[article_id])


ALL = [s for a in TEXTS for s in _sentences(a)]
IDENTIFIER = Identifier(BindingCheck(HashingEncoder(dim=64), _sentences, TITLES))


def _mentions(name: str) -> int:
    return MENTIONS.get(name, 0)


def _identified(question: str) -> tuple[str, list[str]] | None:
    bridge = split_description(question)
    assert bridge is not None
    found = IDENTIFIER.run(bridge, ALL, _mentions)
    return None if found is None else (found.name, [s.text for s in found.sentences])


def test_it_refers_back_to_the_subject_of_the_sentence_before_not_to_whose_technology_it_used() -> None:
    found = _identified("In which city was the company that developed Defense Llama founded?")
    assert found is not None
    name, sentences = found
    assert name == "Scale AI"  # not Meta ("Meta's technology"), nor "Meta" of the other Defense Llama sentence
    assert sentences[0].startswith("This potential deal") and sentences[1].startswith("It developed Defense Llama")


def test_names_listed_beside_the_descriptions_own_are_its_peers_not_its_subject() -> None:
    found = _identified(
        "Which Meta model underpins the model built by the company whose customers include Cohere and Etsy?"
    )
    assert found == ("Scale", ["Scale sells its services to companies such as Microsoft, Cohere, Etsy and OpenAI."])


def test_every_word_that_says_which_of_its_kind_must_be_there() -> None:
    # "Scale also built a labelling platform" says "built"; only the Defense Llama sentence says military language.
    found = _identified("Which Meta model underpins the military language model built by Scale?")
    assert found is not None and found[0] == "Defense Llama"


def test_a_capitalised_first_word_is_a_name_where_the_article_writes_it_so_mid_sentence() -> None:
    texts = {"c": "Scale sells its services to Cohere. Meta partners with Scale. Last year, Cohere grew."}
    binding = BindingCheck(
        HashingEncoder(dim=64), lambda a: sentences_of_text(a, texts[a]), {"c": "Data deals"}, common={"scale", "last"}
    )
    sentences = sentences_of_text("c", texts["c"])
    bridge = split_description("Where is the company whose services go to Cohere based?")
    assert bridge is not None
    found = Identifier(binding).run(bridge, sentences, lambda n: 1)
    assert found is not None and found.name == "Scale"
    grew = split_description("Where is the company that grew like Cohere based?")
    assert grew is not None
    assert Identifier(binding).run(grew, sentences, lambda n: 1) is None  # "Last" is no name


def test_a_passive_description() -> None:
    found = _identified("How much revenue did the start-up backed by Index Ventures and Founders Fund make?")
    assert found is not None and found[0] == "Scale AI"


def test_a_figure_of_the_description_must_be_stated() -> None:
    found = _identified("In which city was the company whose Series F round valued it at US$13.8 billion founded?")
    assert found is not None and found[0] == "Scale AI"
    assert _identified("In which city was the company whose Series F round valued it at US$99 billion founded?") is None


def test_a_description_no_sentence_states_is_left_to_the_model() -> None:
    assert _identified("In which city was the company that developed Quantum Banana founded?") is None


def test_a_person_asked_for_is_not_an_organisation() -> None:
    assert _of_kind("Lucy Guo", "executive") and not _of_kind("Scale AI", "executive")
    assert not _of_kind("Guo", "person")  # one word could be anything
    assert _of_kind("Scale AI", "company") and _of_kind("Scale", "start-up")


def test_the_answer_cites_every_sentence_that_says_who() -> None:
    bridge = split_description("In which city was the company that developed Defense Llama founded?")
    assert bridge is not None
    found = IDENTIFIER.run(bridge, ALL, _mentions)
    assert found is not None
    hits: list[SearchHit] = []
    text, citations = CitationRenderer(TITLES).identifying(bridge.description, found, hits)
    assert text == "The company that developed Defense Llama is Scale AI [1][2]."
    for c in citations:
        assert TEXTS[c.article_id][c.start : c.end] == c.quote


def test_a_misspelt_name_is_taken_as_the_collection_usually_writes_it() -> None:
    texts = ["General Motor's chief executive was replaced.", "General Motors filed.", "General Motors said."]
    assert _as_usually_written("General Motor", texts) == "General Motors"
    assert _as_usually_written("Scale", ["Scale sells.", "Scale AI grew."]) == "Scale"  # a longer name is not a form


def test_only_articles_that_name_the_descriptions_names_are_read_sentence_by_sentence() -> None:
    binding = IDENTIFIER.binding
    assert binding.in_article(frame_question("Which company developed Defense Llama?"), "a")
    assert not binding.in_article(frame_question("Which company built the Dreamliner?"), "a")
    assert binding.in_article(frame_question("Which start-up do Index Ventures back?"), "b")
    assert not binding.in_article(frame_question("Which start-up do Index Ventures back?"), "a")


def test_of_several_names_the_one_nearest_the_word_for_the_kind() -> None:
    text = "Chrysler's plan must include a partnership with Fiat within 30 days to appease the US administration."
    assert _nearest_the_kind(["Fiat", "US"], text, "partner") == ["Fiat"]
    assert _nearest_the_kind(["Fiat", "US"], text.replace("partnership", "deal"), "partner") == ["Fiat", "US"]
    assert _nearest_the_kind(["Fiat", "US"], text, "company") == ["Fiat", "US"]  # no relation: all
    assert _nearest_the_kind(["Scale"], text, "partner") == ["Scale"]


def test_a_relation_asked_is_filled_by_the_name_next_to_its_word() -> None:
    texts = {
        "d": "Chrysler's plan must include a partnership with Fiat within 30 days to appease the US administration."
    }
    binding = BindingCheck(HashingEncoder(dim=64), lambda a: sentences_of_text(a, texts[a]), {"d": "Chrysler deal"})
    bridge = split_description("The partner Chrysler was told to sign up within 30 days was to begin with what share?")
    assert bridge is not None
    mentions = {"US": 9, "Fiat": 1}  # the tie-break alone would take the US
    found = Identifier(binding).run(bridge, sentences_of_text("d", texts["d"]), lambda n: mentions.get(n, 0))
    assert found is not None and found.name == "Fiat"


def test_which_of_its_kind_may_be_said_in_the_sentence_a_statement_refers_back_to() -> None:
    texts = {
        "e": "The Japanese index the Nikkei was one of the few to rise in value over the day. It ended up 1.2%, "
        "although this follows a large fall in the value of the index when it hit an all time low yesterday.",
        # Says "Japanese" itself, and more of the description's words than the Nikkei's sentences say apart.
        "f": "Republican leaders wanted pay cuts before September to match Japanese companies in the United States.",
    }
    binding = BindingCheck(
        HashingEncoder(dim=64), lambda a: sentences_of_text(a, texts[a]), {"e": "Stock markets fall", "f": "Bailout"}
    )
    sentences = [s for a in texts for s in sentences_of_text(a, texts[a])]
    bridge = split_description(
        "The Japanese index that had hit an all-time low the day before the 17 September 2008 report fell by how "
        "much on 10 October 2008?"
    )
    assert bridge is not None
    found = Identifier(binding).run(bridge, sentences, lambda n: 1)
    assert found is not None and found.name == "Nikkei"
    assert [s.text[:12] for s in found.sentences] == ["The Japanese", "It ended up "]
