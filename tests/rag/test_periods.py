"""Years and delays that reports give differently are reported as differing, model-free."""

from __future__ import annotations

import pytest

from index import Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck, common_words
from rag.stages.frame import frame_question
from rag.stages.gather import Gathered
from rag.stages.periods import PeriodGatherer, asks_period
from tests.fakes import HashingEncoder, ScriptedGenerator, articles_index, as_fake, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "oct": "Sterling fell sharply against the dollar on Monday. "
    "It was the pound's worst day since 1992, traders said. "
    "Sterling fell as the Bank of England had its worst quarter since 1976.",
    "nov": "Sterling slid again. It was, analysts said, the pound's worst run since the country's 1985 crisis. "
    "The euro posted its best week since 2010.",
    "jet": "The first Nordlys ferry was handed over to the operator on Friday, 14 months behind schedule. "
    "It arrives in port next week, three days later than originally planned.",
    "yard": "The shipyard said the Nordlys handover would slip. "
    "The Nordlys will be delivered a year late, the yard said. "
    "A separate tanker order was delayed by six months.",
    "tram": "The tram line opened two years late.",
}
TITLES = {
    "oct": "Pound falls against dollar",
    "nov": "Pound slides again",
    "jet": "First ferry handed over",
    "yard": "Shipyard warns of ferry delay",
    "tram": "City tram opens",
}


def _gathered(question: str, texts: dict[str, str] = TEXTS) -> Gathered | None:
    pool = [s for k, v in texts.items() for s in sentences_of_text(k, v)]

    def sentences_of(article_id: str) -> list[Sentence]:
        return [s for s in pool if s.article_id == article_id]

    binding = BindingCheck(HashingEncoder(dim=64), sentences_of, TITLES, common=common_words(texts.values()))
    return PeriodGatherer(binding, {"oct": "2022-10-03", "nov": "2022-11-01"}).run(frame_question(question), pool)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Sterling's slide was called its worst since which year?", True),
        ("Since when has the pound not fallen so far?", True),
        ("How late was the Nordlys ferry delivered?", True),
        ("How long was the Nordlys tanker order delayed?", True),
        ("How long is the Nordlys ferry?", False),  # a length, not a delay
        ("In what year did the pound fall?", False),  # not "since": left to the usual path
    ],
)
def test_which_questions_ask_for_a_year_or_a_delay(question: str, expected: bool) -> None:
    assert asks_period(frame_question(question)) is expected


def test_years_after_since_held_by_the_questions_superlative_disagree() -> None:
    gathered = _gathered("Sterling's slide was called its worst since which year?")
    assert gathered is not None and gathered.family == "year" and gathered.conflict and gathered.decides
    # Oldest report first. Not the euro's "best week since 2010", nor the Bank of England's worst since 1976.
    assert [(g.text, sorted(g.articles)) for g in gathered.groups] == [("1992", ["oct"]), ("1985", ["nov"])]


def test_a_delay_is_read_only_beside_the_event_asked_of_the_subject_asked() -> None:
    gathered = _gathered("How late was the Nordlys ferry delivered?")
    # "handed over … 14 months behind schedule" does not say "delivered": the event asked is its own test.
    # "three days later than originally planned" is when it arrives, not when it is delivered; the tanker's six
    # months are the tanker's, and the tram's two years another subject's. One value left: no conflict.
    assert gathered is not None and gathered.family == "delay"
    assert [g.text for g in gathered.groups] == ["a year"] and not gathered.conflict and not gathered.decides


def test_two_reports_of_one_delivery_delay_disagree_and_one_length_in_two_units_agrees() -> None:
    texts = {
        "jet": "The first Nordlys ferry was delivered to the operator on Friday, 18 months behind schedule.",
        "yard": "Deliveries of the Nordlys ferry are not due until October-two years late.",
    }
    gathered = _gathered("How late was the first Nordlys ferry delivered?", texts)
    assert gathered is not None and gathered.conflict and gathered.decides
    assert sorted(g.text for g in gathered.groups) == ["18 months", "two years"]
    assert all(g.value is None for g in gathered.groups)  # a reader is told "two years", not 24
    same = {"jet": texts["jet"].replace("18 months", "24 months"), "yard": texts["yard"]}
    agreed = _gathered("How late was the first Nordlys ferry delivered?", same)
    assert agreed is not None and len(agreed.groups) == 1 and not agreed.conflict and not agreed.decides


def test_the_questions_own_year_is_not_an_answer_and_one_article_is_no_conflict() -> None:
    texts = {"oct": "Sterling's worst day since 2022 came in October 2022. It was its worst week since 2016."}
    gathered = _gathered("Sterling's October 2022 fall was its worst since which year?", texts)
    assert gathered is not None and [g.text for g in gathered.groups] == ["2016"] and not gathered.decides


def test_the_pipeline_reports_both_values_cited_and_asks_no_model(tmp_path) -> None:
    index, encoder = articles_index(
        tmp_path,
        {
            "first.md": "# First ferry delivered\n\n"
            "The first Nordlys ferry was delivered to the operator on Friday, 18 months behind "
            "schedule. The crew cheered.",
            "second.md": "# Ferry makes maiden voyage\n\nThe Nordlys ferry sailed for the first time. "
            "Deliveries of the Nordlys ferry to the operator are not due until October-two years late.",
        },
    )
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0)
    pipeline = assemble_pipeline(settings, ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND"), index, encoder)
    answer = pipeline.ask("How late was the first Nordlys ferry delivered to the operator?")
    assert answer.answerable and answer.conflict, answer
    assert answer.answer.startswith("Reports differ on the delay:")
    assert {v.value for v in answer.values} == {"18 months", "two years"}
    quotes = {c.quote for c in answer.citations}
    assert any("18 months behind schedule" in q for q in quotes) and any("two years late" in q for q in quotes)
    for citation in answer.citations:
        assert index.articles[citation.article_id].text[citation.start : citation.end] == citation.quote
    assert as_fake(pipeline.generator, ScriptedGenerator).calls == []
    gather_off = assemble_pipeline(
        settings.model_copy(update={"gather": False}),
        ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND"),
        index,
        encoder,
    )
    assert not gather_off.ask("How late was the first Nordlys ferry delivered to the operator?").conflict
