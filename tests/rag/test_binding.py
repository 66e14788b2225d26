"""The question-aware gate, per failure class, through the whole pipeline with a scripted model.

Each reply below is verbatim-true (every figure and name is in a cited sentence), so the claim verifier
passes it; what is tested is whether the sentences answer the question as asked.
"""

from __future__ import annotations

import pytest

from index import Chunk, ChunkerConfig, SearchHit, Sentence
from rag import ABSTAIN_MESSAGE, Settings
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck, common_words, counts_other, other_side, other_time_unit
from rag.stages.binding.figures import _counted_beside, _occasion_figures
from rag.stages.binding.names import _described
from rag.stages.binding.speakers import (
    _called_unspoken,
    _carrying,
    _done_by_another,
    _negated_only,
    _opposite_relation,
    _spoken_by_another,
    _voiced_by_another,
)
from rag.stages.binding.times import _clause_year, _in_other_unit
from rag.stages.frame import asking_part, attribute_words, family_of, frame_question
from rag.stages.gather import Gatherer
from rag.stages.occasion import OccasionCheck
from rag.stages.verify import ClaimCheck, Verdict, answers_question_type, asks_figure, extract_quantities
from tests.fakes import (
    HashingEncoder,
    ScriptedGenerator,
    articles_index,
    as_fake,
    gate_settings,
    one_article_index,
    sentences_of_text,
)

pytestmark = pytest.mark.unit


def _pipeline(fake_index, reply: str, **settings) -> AnswerPipeline:
    index, encoder = fake_index
    return assemble_pipeline(gate_settings(**settings), ScriptedGenerator(reply), index, encoder)


# -- 1. a figure bound to the wrong attribute or subject ---------------------------------------------------


def test_what_a_company_takes_in_is_its_revenue_not_a_count_of_its_customers(fake_index) -> None:
    frame = frame_question("How much did Scale AI take in from its customers last year?")
    assert "revenue" in frame.families
    reply = "Sentences: 1\nAnswer: Scale AI made US$870 million in revenue last year."
    answer = _pipeline(fake_index, reply).ask("How much did Scale AI take in from its customers last year?")
    assert answer.abstention is None and "870 million" in answer.answer
    # The idiom names the attribute; a valuation is still no revenue.
    reply = "Sentences: 1\nAnswer: Scale AI took in about US$14 billion."
    answer = _pipeline(fake_index, reply).ask("How much did Scale AI take in from its customers last year?")
    assert answer.abstention is not None and answer.abstention.reason in ("off_target", "not_stated")


@pytest.mark.parametrize(
    ("question", "family"),
    [
        ("To what amount did the Federal Reserve raise its swap line with the European Central Bank?", "rise"),
        ("Did Apple raise the price of the iPhone?", "rise"),
        ("How much did Scale AI raise in its Series F round?", "investment"),
        ("How much did the start-up raise the money from?", "investment"),
        ("How much funding did Scale AI raise?", "investment"),
    ],
)
def test_raising_a_thing_that_is_not_money_is_a_rise(question: str, family: str) -> None:
    families = frame_question(question).families
    assert family in families and not ({"rise", "investment"} - {family}) & families


def test_a_valuation_sentence_does_not_answer_a_revenue_question(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Scale AI's revenue was about US$14 billion in 2024."
    # Without gathering, the gate's refusal is the answer.
    answer = _pipeline(fake_index, reply, gather=False).ask("What was Scale AI's revenue in 2024?")
    assert not answer.answerable and answer.answer == ABSTAIN_MESSAGE
    assert answer.abstention is not None
    assert (answer.abstention.reason, answer.abstention.gate) == ("off_target", "attribute")
    assert "valuation" in answer.abstention.message and "revenue" in answer.abstention.message
    # With it, the one revenue figure the articles give for 2024 answers instead of the refused draft.
    answer = _pipeline(fake_index, reply).ask("What was Scale AI's revenue in 2024?")
    assert answer.answerable and "870 million" in answer.answer and "14 billion" not in answer.answer


def test_the_revenue_sentence_answers_the_revenue_question(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Scale AI made US$870 million in revenue last year."
    answer = _pipeline(fake_index, reply).ask("How much revenue did Scale AI make last year?")
    assert answer.answerable and answer.abstention is None
    assert any("870 million" in c.quote and "revenue" in c.quote for c in answer.citations)


def test_a_sentence_that_values_the_company_at_a_figure_states_a_valuation(fake_index) -> None:
    # "a tender offer that would value it at about $25 billion": the gatherer reads this as a valuation, and so
    # must the gate, or it refuses the right answer and lets a retry give 2024's valuation instead.
    reply = "Sentences: 1\nAnswer: At a valuation of US$25 billion."
    question = "At what valuation was Scale AI reportedly discussing a tender offer earlier this year?"
    answer = _pipeline(fake_index, reply, retry=False).ask(question)
    assert answer.answerable, answer.abstention
    assert any("value it at" in c.quote for c in answer.citations)
    assert attribute_words("It would value it at $25 billion.") >= {"value", "valuation"}
    assert "valuation" not in attribute_words("A deal worth $25 billion, by value the largest.")


@pytest.mark.parametrize(
    ("question", "reply", "answerable"),
    [
        # The lab sentence says "Meta is establishing a new AI research lab": it does not speak of Meta AI.
        ("What is Meta AI?", "Meta AI is a new AI research lab focused on achieving superintelligence.", False),
        ("What is Defense Llama?", "Defense Llama is a version of Meta's Llama large language model.", True),
    ],
)
def test_a_definition_is_held_by_a_sentence_that_writes_the_name(
    fake_index, question: str, reply: str, answerable: bool
) -> None:
    # Gathering off: with it on, "a recently released app, Meta AI" answers undrafted (rag.stages.definitions).
    answer = _pipeline(fake_index, f"Sentences: 1\nAnswer: {reply}", retry=False, gather=False).ask(question)
    assert answer.answerable is answerable, answer.abstention
    if not answerable:
        assert answer.abstention is not None and answer.abstention.gate == "subject"
        assert "Meta AI by name" in answer.abstention.message


def test_one_companys_figure_is_not_another_companys(fake_index) -> None:
    # Scale AI's revenue sentence is true, and says nothing of OpenAI's revenue.
    reply = "Sentences: 1\nAnswer: Revenue was US$870 million last year."
    # Gathering off: with it on, no revenue figure is gathered for OpenAI and the question is refused undrafted.
    answer = _pipeline(fake_index, reply, gather=False).ask("What was OpenAI's revenue last year?")
    assert not answer.answerable
    assert answer.abstention is not None
    assert (answer.abstention.reason, answer.abstention.gate) == ("off_target", "subject")
    assert "OpenAI" in answer.abstention.message


def test_names_that_only_say_which_subject_is_meant_need_not_all_be_in_the_sentence(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: The startup generated a revenue of US$870 million last year."
    question = "How much revenue did the start-up backed by Index Ventures and Founders Fund make last year?"
    answer = _pipeline(fake_index, reply).ask(question)
    assert answer.answerable, answer.abstention


def test_besides_a_kind_of_thing_is_not_a_name_to_exclude() -> None:
    assert frame_question("Besides funding, which group of people might move to Meta?").excluded == frozenset()


def test_a_figure_for_another_year_does_not_answer(fake_encoder) -> None:
    from index import Sentence
    from rag.stages.binding import BindingCheck

    def said(text: str, article: str = "a") -> Sentence:
        return Sentence(article_id=article, text=text, start=0, end=len(text))

    check = BindingCheck(fake_encoder, lambda _id: [], {}, dates={"a": "2025-01-30", "b": None})
    question = "How much did Meta spend on AI in 2024?"
    assert check.other_year(question, [said("Meta earmarked up to $65 billion for AI in 2025.")]) == "2025"
    assert check.other_year(question, [said("It would spend US$65 billion this year.")]) == "2025"
    assert check.other_year(question, [said("It spent US$40 billion last year.")]) == ""
    assert check.other_year(question, [said("It would spend US$65 billion this year.", "b")]) == "", "undated"
    assert check.other_year(question, [said("It spent US$40 billion.")]) == "", "no year stated"

    # "this year" / "last year" in a question mean what they mean in the article (dated 2025-01-30).
    relative = "At what valuation was Meta discussing a tender offer earlier this year?"
    assert check.other_year(relative, [said("Meta was last valued at US$14 billion in 2024.")]) == "2024"
    assert check.other_year(relative, [said("Meta discussed a tender offer at US$25 billion in 2025.")]) == ""
    assert check.other_year(relative, [said("Meta was valued at US$14 billion in 2024.", "b")]) == "", "undated"
    assert check.other_year("What did Meta spend last year?", [said("It spent US$40 billion in 2024.")]) == ""


def test_a_figure_reported_on_another_day_does_not_answer(fake_encoder) -> None:
    from index import Sentence
    from rag.stages.binding import BindingCheck

    def said(text: str, article: str = "oct") -> Sentence:
        return Sentence(article_id=article, text=text, start=0, end=len(text))

    dates = {"oct": "2008-10-07", "sep": "2008-09-18", "undated": None}
    check = BindingCheck(fake_encoder, lambda _id: [], {}, dates=dates)
    question = "How far did Bank of America's shares fall on 17 September 2008?"
    fall = "Bank of America fared worse, with a fall of 17.38%."
    assert check.other_day(question, [said(fall)]) == "7 October 2008"
    assert check.other_day(question, [said(fall, "sep")]) == "", "filed the morning after"
    assert check.other_day(question, [said(fall, "undated")]) == ""
    # A weekday is one of the week before the report or the week after (Wikinews w456): not mid-September.
    assert check.other_day(question, [said("On Monday, Bank of America fell 17.38%.")]) == "6 October 2008"
    assert check.other_day(question, [said("Last week, Bank of America fell 17.38%.")]) == "", "day not told"
    monday = "How far did Bank of America's shares fall on 13 October 2008?"
    assert check.other_day(monday, [said("On Monday, Bank of America will report.")]) == "", "the Monday after"
    assert check.other_day(question, [said("On September 17, Bank of America fell 17.38%.")]) == ""
    earlier = said("On 15 September, Bank of America fell 17.38%.", "sep")
    assert check.other_day(question, [earlier]) == "15 September 2008"
    assert check.other_day("How far did its shares fall in 2008?", [said(fall)]) == "", "no day asked"
    # "today" in a report of 7 October is 7 October, not the day before it was filed.
    today = said("The Dow Jones index continued to fall today, down 2.62%.")
    assert check.other_day("How far did the Dow Jones fall on 6 October 2008?", [today]) == "7 October 2008"
    assert check.other_day("How far did the Dow Jones fall on 7 October 2008?", [today]) == ""


def test_a_lead_that_reports_today_places_the_sentences_that_name_no_day(fake_encoder) -> None:
    # Held-out round 27, w755 (adversarial): YRC's loss, a few sentences after "continued to fall … today", is
    # 7 October's, not the day before's; a lead that reports yesterday leaves both days open.
    def report(lead: str) -> tuple[BindingCheck, Sentence]:
        pool = sentences_of_text("oct", f"{lead} YRC Worldwide was the biggest faller, with its loss of 27.30%.")
        return BindingCheck(fake_encoder, lambda _id: pool, {}, dates={"oct": "2008-10-07"}), pool[-1]

    asked = "By what percentage did YRC Worldwide's shares fall on 6 October 2008?"
    check, yrc = report("Stock markets around the world continued to fall dramatically today.")
    assert check.other_day(asked, [yrc]) == "7 October 2008"
    assert check.other_day(asked.replace("6 October", "7 October"), [yrc]) == ""
    check, yrc = report("Stock markets around the world fell dramatically yesterday.")
    assert check.other_day(asked, [yrc]) == ""


def test_a_year_asked_for_is_not_a_figure_for_the_year_the_question_names(fake_encoder) -> None:
    from index import Sentence
    from rag.stages.binding import BindingCheck
    from rag.stages.verify import ClaimCheck, Verdict

    text = "Russian markets fell 12%, the worst turmoil since 1998."
    said = Sentence(article_id="ru", text=text, start=0, end=len(text))
    check = BindingCheck(fake_encoder, lambda _id: [said], {"ru": "Russian markets"}, dates={"ru": "2008-09-17"})

    def gate(question: str, claim: str) -> str | None:
        verdict = Verdict([ClaimCheck(claim=claim, sentences=[said], score=1.0, supported=True)])
        problem = check.run(frame_question(question), verdict)
        return problem.gate if problem else None

    # "since which year": 1998 is the answer, not a figure given for another year than 2008.
    assert gate("The Russian market turmoil of September 2008 was the worst since which year?", "Since 1998.") is None
    # The year a comparison reaches back to is not the figure's ("since 1998"); a year the sentence places it in is.
    assert gate("How far did Russian markets fall in 2007?", "Russian markets fell 12%.") is None
    text = "Russian markets fell 12% in 2008, the worst turmoil since 1998."
    said = Sentence(article_id="ru", text=text, start=0, end=len(text))
    assert gate("How far did Russian markets fall in 2007?", "Russian markets fell 12%.") == "year"


def test_the_date_gate_says_which_report_the_figure_is_from(fake_index) -> None:
    # The sentence names no day; its article is dated 11 June 2025, so it does not report 3 March 2025.
    reply = "Sentences: 1\nAnswer: Scale AI has raised more than $1 billion from a mix of investors."
    asked = "How much had Scale AI raised from investors on 3 March 2025?"
    answer = _pipeline(fake_index, reply, retry=False).ask(asked)
    assert not answer.answerable and answer.abstention is not None
    assert answer.abstention.gate == "date" and "11 June 2025" in answer.abstention.message
    on_the_day = _pipeline(fake_index, reply, retry=False).ask(asked.replace("3 March", "11 June"))
    assert on_the_day.answerable, on_the_day.abstention


def test_a_draft_refused_for_another_days_figure_is_retried_without_that_days_reports(tmp_path) -> None:
    # Wikinews w155: the 9 October report's fall is drafted for 7 October and refused; the second draft, focused
    # on the same words, must not be shown that report again, only the one that may speak of 7 October.
    index, encoder = articles_index(
        tmp_path,
        {
            "oct9.txt": " date 2008-10-09 Markets down across the world; Dow Jones falls below 9,000\n\n"
            "The 2008 crisis deepened. "
            "The largest drop was with the Dow Jones, which fell 678 points or more than 7.3% to below 9,000.",
            "oct7.txt": " date 2008-10-07 Stock markets worldwide continue to fall\n\n"
            "Stock markets around the world continued to fall in the 2008 crisis. "
            "The Dow Jones index continued to fall today, and it had fallen 260.77 points, or 2.62% to 9694.73.",
        },
    )
    replies = iter(["Sentences: 1\nAnswer: The Dow Jones fell 678 points."] * 2)
    pipeline = assemble_pipeline(gate_settings(), ScriptedGenerator("unused"), index, encoder)
    pipeline.generator = pipeline.stages.drafter.generator = ScriptedGenerator(lambda messages: next(replies))
    answer = pipeline.ask("How far did the Dow Jones fall on 7 October 2008?")
    calls = as_fake(pipeline.generator, ScriptedGenerator).calls
    assert answer.abstention is not None and answer.abstention.gate == "date"
    assert len(calls) == 2, "one retry"
    assert "678 points" in calls[0][-1]["content"] and "260.77 points" in calls[1][-1]["content"]
    assert "678 points" not in calls[1][-1]["content"], "the 9 October report is not shown again"


def test_besides_x_answered_with_x_is_refused_whatever_the_wording(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Scale AI has a client list including Microsoft and OpenAI."
    # Gathering off: with it on, the list naming them is read first (tests/rag/test_remainder.py).
    pipeline = _pipeline(fake_index, reply, gather=False)
    answer = pipeline.ask("Besides Microsoft and OpenAI, which clients of Scale AI are named?")
    assert not answer.answerable and answer.abstention is not None
    assert answer.abstention.gate == "constraint"


# -- 2. the question's constraint ignored -------------------------------------------------------------------


def test_besides_x_answered_with_x_is_refused(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Meta invested in Scale AI's funding round."
    # Gathering off: with it on, the list naming Meta is read first (tests/rag/test_remainder.py).
    pipeline = _pipeline(fake_index, reply, gather=False)
    answer = pipeline.ask("Besides Meta, which company invested in Scale AI's 2024 funding round?")
    assert not answer.answerable
    assert answer.abstention is not None
    assert (answer.abstention.reason, answer.abstention.gate) == ("constraint_unmet", "constraint")


def test_besides_x_answered_with_another_name_passes(fake_index) -> None:
    reply = (
        "Sentences: 1\nAnswer: Microsoft invested in the 2024 funding round that valued Scale AI at nearly $14 billion."
    )
    # Gathering off: with it on, the list naming Meta is read first (tests/rag/test_remainder.py).
    pipeline = _pipeline(fake_index, reply, gather=False)
    answer = pipeline.ask("Besides Meta, which company invested in Scale AI's 2024 funding round?")
    assert answer.answerable, answer.abstention


def test_besides_x_answered_by_a_name_whose_sentence_does_not_say_what_x_did_is_refused() -> None:
    texts = {
        "v": "Virgin Atlantic has bought six of these aeroplanes and intends to fit them with gyms and bars.",
        "s": "Singapore Airlines is the first airline to receive the A380 and will take the first four aircraft.",
        "q": "Qantas plans to fit its A380s with bars and a lounge.",
        "m": "You may know Meta as the parent company of Facebook, Instagram, and WhatsApp.",
    }
    sentences = {a: sentences_of_text(a, t) for a, t in texts.items()}
    check = BindingCheck(HashingEncoder(dim=64), lambda a: sentences[a], {})

    def verdict(claim: str, article: str) -> Verdict:
        return Verdict([ClaimCheck(claim=claim, sentences=sentences[article], score=0.9, supported=True)])

    question = "Besides Virgin Atlantic, which airline planned to fit its A380s with gyms and bars?"
    refused = check.run(frame_question(question), verdict("Singapore Airlines.", "s"))
    assert refused is not None and refused.gate == "constraint"
    assert refused.message.endswith("of Virgin Atlantic (planned, fit, gyms, bars).")
    assert check.run(frame_question(question), verdict("Qantas.", "q")) is None  # says it fits bars
    # Named beside the excluded ones, the answer is said to be what they are.
    owned = frame_question("Besides Facebook and Instagram, which other major app does Meta own?")
    assert check.run(owned, verdict("WhatsApp.", "m")) is None


def test_by_how_much_answered_with_the_end_value_is_refused(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Scale AI expects revenue of US$2 billion by the end of this year."
    answer = _pipeline(fake_index, reply).ask("By how much is Scale AI's revenue expected to grow this year?")
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.gate == "constraint"


@pytest.mark.parametrize(
    "question",
    [
        "By how much is Scale AI's revenue expected to grow this year?",
        "By what factor is Scale AI's revenue expected to grow this year?",
    ],
)
def test_a_change_worded_over_the_end_value_is_refused(fake_index, question: str) -> None:
    # "By US$2 billion" reads as a change; its sentence says revenue is to *reach* US$2 billion.
    answer = _pipeline(fake_index, "Sentences: 1\nAnswer: By US$2 billion.").ask(question)
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.gate == "constraint"
    assert "reach" in answer.abstention.message


def test_what_is_to_be_spent_is_no_growth_in_spending(fake_index) -> None:
    # "would spend as much as US$65 billion on related projects this year" is a level, not a rise.
    reply = "Sentences: 1\nAnswer: Meta's AI spending grew by US$65 billion."
    answer = _pipeline(fake_index, reply, retry=False).ask("By how much did Meta's AI spending grow from 2024 to 2025?")
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.gate == "constraint"


def test_a_bare_figure_answers_by_how_much_where_its_sentence_states_the_change(fake_encoder) -> None:
    slid = Sentence(article_id="a", start=0, end=80, text="Apple shares (AAPL) slid $19.37 in after hours trading.")
    level = Sentence(article_id="a", start=0, end=80, text="Apple shares closed at $19.37 in after hours trading.")
    check = BindingCheck(fake_encoder, lambda _id: [], {"a": "Apple chief resigns"})
    frame = frame_question("By how much did Apple's shares slide in after-hours trading?")

    def gate(sentence: Sentence) -> str | None:
        problem = check.run(frame, Verdict([ClaimCheck("$19.37.", [sentence], 0.9, True)]))
        return problem.gate if problem else None

    assert gate(slid) is None
    assert gate(level) == "constraint"


def test_an_answer_without_names_or_figures_must_still_be_about_the_subject(fake_encoder) -> None:
    # Nothing in the claim could be invented, but the sentence is about the 787 (its article's title says so),
    # not the A350 the question asks about: the adversarial w122, answered once retrieval handed it this sentence.
    text = (
        "The project has been plagued by various issues, including strike action, parts shortages and design problems."
    )
    claim = "The project has been plagued by strike action, parts shortages, and design problems."
    title = "Boeing 787 Dreamliner makes maiden flight"
    asked_other = _gate_of_claims(
        fake_encoder, "What kinds of issues have plagued the Airbus A350 project?", text, title
    )
    assert asked_other(claim) == "subject"
    asked_this = _gate_of_claims(fake_encoder, "What kinds of issues have plagued Boeing's 787 project?", text, title)
    assert asked_this(claim) is None


def test_a_change_the_answer_words_must_be_one_its_sentence_words(fake_encoder) -> None:
    # The draft called a ceiling a rise: "grew by" is the answer's wording, "up to" the sentence's.
    question = "By how much did Meta's AI spending grow from 2024 to 2025?"
    claim = "Meta's AI spending grew by $65 billion from 2024 to 2025."
    ceiling = "Meta's chief executive has earmarked up to $65 billion for AI-related initiatives in 2025."
    rise = "Meta's AI spending grew by $65 billion in 2025 from the year before."
    assert _gate_of_claims(fake_encoder, question, ceiling, "Meta and AI")(claim) == "constraint"
    assert _gate_of_claims(fake_encoder, question, rise, "Meta and AI")(claim) is None


def _gate_of_claims(encoder, question: str, text: str, title: str):
    """The binding gate's verdict on a claim cited to the one sentence ``text``: the gate's name, None if it passes."""
    sentence = Sentence(article_id="a", start=0, end=len(text), text=text)
    check = BindingCheck(encoder, lambda _id: [], {"a": title})
    frame = frame_question(question)

    def gate(claim: str) -> str | None:
        problem = check.run(frame, Verdict([ClaimCheck(claim, [sentence], 0.9, True)]))
        return problem.gate if problem else None

    return gate


def test_a_number_that_closes_a_name_is_no_figure_bound_to_the_attribute(fake_encoder) -> None:
    # Round 34, w912: "Safari 4.0" is a product; read as a figure, the answer needed a sentence stating "show".
    text = (
        "In addition to the new iPhone hardware, Apple also demonstrated some of the features of its new desktop "
        "operating system, Snow Leopard, and highlighted the new Safari 4.0 web browser."
    )
    question = "Besides the iPhone 3GS, what did Apple demonstrate at its 2009 Worldwide Developers Conference?"
    gate = _gate_of_claims(fake_encoder, question, text, "Apple launches new, faster iPhone")
    assert gate("Apple demonstrated Snow Leopard and highlighted the Safari 4.0 web browser.") is None
    # A figure with a scale after the name is still one, and must be given where the sentence speaks of it.
    assert gate("Apple demonstrated sales of 4 million.") is not None


def test_a_name_answer_from_a_report_of_another_day_is_refused(fake_encoder) -> None:
    # Wikinews w456: what the iOS update "released Thursday" came with, for what Apple said on 2 July.
    update = (
        "An iOS update released Thursday came with a more accurate method of calculating the number of signal bars "
        "to display, but did not actually prevent the signal loss."
    )
    bug = "On July 2, Apple associated the issue with a long-undiscovered software bug."
    question = "What did Apple associate the iPhone 4 antenna issue with on July 2, 2010?"
    check = BindingCheck(fake_encoder, lambda _id: [], {"a": "Apple to give free cases"}, dates={"a": "2010-07-17"})
    frame = frame_question(question)

    def verdict(text: str) -> Verdict:
        sentence = Sentence(article_id="a", start=0, end=len(text), text=text)
        return Verdict([ClaimCheck(text, [sentence], 0.9, True)])

    refused = check.run(frame, verdict(update))
    assert refused is not None and refused.gate == "date" and "15 July 2010" in refused.message
    assert check.run(frame, verdict(bug)) is None
    # A name's sentence that names no day of its own may be a report filed the morning after (Wikinews w192).
    filed = BindingCheck(fake_encoder, lambda _id: [], {"a": "Markets down"}, dates={"a": "2008-10-07"})
    dow = "The Dow Jones index fared particularly poorly today, as none of its companies raised its share price."
    indexes = frame_question("Which index saw none of its companies raise their share price on 6 October 2008?")
    assert filed.run(indexes, verdict(dow)) is None


def test_a_quarter_asked_must_be_the_reports(fake_encoder) -> None:
    # Bundled q126 (adversarial): last year's revenue and this year's forecast are no first quarter's.
    question = "What revenue did Scale AI report for the first quarter of 2025?"
    text = "Last year, Scale AI made US$870 million in revenue, and it expects to earn US$2 billion in 2025."
    assert _gate_of_claims(fake_encoder, question, text, "Scale AI")("Scale AI made US$870 million.") == "period"
    quarterly = "Scale AI made US$300 million in revenue in the first quarter of 2025."
    assert _gate_of_claims(fake_encoder, question, quarterly, "Scale AI")("Scale AI made US$300 million.") is None
    # A report whose lead names the quarter speaks of it in its later sentences (Wikinews w500).
    lead = "GM announced it has lost US$6 billion in the first quarter of 2009. The firm lost $9.66 per share."
    pool = sentences_of_text("gm", f"{lead} Analysts had forecast losses of $11.05 per share.")
    check = BindingCheck(fake_encoder, lambda _id: pool, {"gm": "GM reports losses"})
    verdict = Verdict([ClaimCheck("Analysts had forecast $11.05 per share.", pool[2:], 0.9, True)])
    forecast = "What loss per share had analysts forecast for GM in the first quarter of 2009?"
    refused = check.run(frame_question(forecast), verdict)
    assert refused is None or refused.gate != "period"


def test_what_a_how_many_question_counts_is_not_its_subject() -> None:
    # Wikinews w488: the A380's order book under the lead on the A380, for Singapore Airlines' own orders.
    lead = "The Airbus A380 made its first flight today."
    text = f"{lead} 144 planes have already been ordered. Singapore Airlines will be the first to fly it."
    pool = sentences_of_text("a", text)
    check = BindingCheck(HashingEncoder(dim=64), lambda _id: pool, {"a": "Airbus A380 makes first flight"})
    claim = "144 planes had Singapore Airlines ordered by January 2005."
    verdict = Verdict([ClaimCheck(claim=claim, sentences=pool[1:3], score=0.9, supported=True)])
    refused = check.run(frame_question("How many A380s had Singapore Airlines ordered by January 2005?"), verdict)
    assert refused is not None and refused.gate == "subject" and "Singapore Airlines" in refused.message
    # Asked of the A380 alone, the order book answers.
    assert check.run(frame_question("How many A380s had been ordered by January 2005?"), verdict) is None


def test_a_percentage_is_no_kind_a_which_question_asks_by_its_noun(fake_encoder) -> None:
    # Round 34, w915: a percentage cited for "which storage sizes".
    text = "It is only 9.3 millimetres thick, a 24 percent reduction from Apple's previous model, the iPhone 3GS."
    gate = _gate_of_claims(fake_encoder, "In which storage sizes is the iPhone 3GS available?", text, "iPhone 4")
    assert gate("24 percent reduction from Apple's previous model, the iPhone 3GS.") == "attribute"
    sizes = "The iPhone 3GS will be available in a 16 GB and 32 GB models, retailing for US$199 and $299."
    gate = _gate_of_claims(fake_encoder, "In which storage sizes is the iPhone 3GS available?", sizes, "iPhone 3GS")
    assert gate("The iPhone 3GS is available in 16 GB and 32 GB models.") is None
    # A share asked by its noun is a percentage.
    share = "Fiat will take a 20 percent stake in Chrysler."
    assert (
        _gate_of_claims(fake_encoder, "What stake will Fiat take in Chrysler?", share, "Chrysler")("20 percent.")
        is None
    )


def test_a_figure_is_what_its_own_clause_says_it_is(fake_encoder) -> None:
    # The sentence speaks of the funding round, so the sentence-wide check passes; the figure's own clause gives
    # 13.8 billion as the valuation (bundled q142, retrieval mode, answered with it as the investment).
    text = "It took part in the Series F round, which raised US$1 billion and valued Scale AI at US$13.8 billion."
    gate = _gate_of_claims(fake_encoder, "How much did Scale AI raise in its Series F round?", text, "Scale AI")
    assert gate("Scale AI raised US$13.8 billion.") == "attribute"
    assert gate("Scale AI raised US$1 billion.") is None
    # What a figure is may follow it: "US$870 million in revenue", then the valuation in a clause of its own.
    text = "Scale AI made US$870 million in revenue last year, and investors valued it at US$14 billion."
    gate = _gate_of_claims(fake_encoder, "What was Scale AI's revenue last year?", text, "Scale AI")
    assert gate("Its revenue was US$870 million.") is None
    assert gate("Its revenue was US$14 billion.") == "attribute"


def test_an_answer_stated_for_the_other_side_of_the_asked_time_is_refused(fake_encoder) -> None:
    # Wikinews w274 (adversarial): "free to anyone … until September 30" was the answer to what the case costs
    # after September 30.
    text = "The bumpers will be free to anyone with an iPhone 4 until September 30."
    asked_after = _gate_of_claims(fake_encoder, "How much will Apple's bumper cost after September 30?", text, "Apple")
    assert asked_after("The bumper will be free until September 30.") == "constraint"
    asked_until = _gate_of_claims(fake_encoder, "How much will Apple's bumper cost until September 30?", text, "Apple")
    assert asked_until("The bumper will be free until September 30.") is None
    assert other_side("How much will it cost after September 30?", text) == ("until September 30", "after September 30")
    # Another time on the same side, or another time at all where the anchor must be the same, is no other side.
    assert other_side("How much did it cost before the offer?", "priced at US$29 before the press conference") is None
    assert (
        other_side("How much will it cost after September 30?", "priced at US$29 before the press conference") is None
    )
    assert other_side(
        "How much will it cost after September 30?", "priced at US$29 before the press conference", anchored=False
    ) == ("before the press", "after September 30")


def test_a_vote_is_stated_by_voting(fake_encoder) -> None:
    # Wikinews w255: the right draft was refused, no sentence "speaking of the vote" asked for.
    text = "Only ten Republicans joined forty Democrats and two independents in voting for the bill."
    gate = _gate_of_claims(fake_encoder, "How many Republicans voted for the bill in the Senate?", text, "Senate")
    assert gate("10 Republicans voted for the bill.") is None


def test_a_figure_whose_clause_names_no_attribute_is_left_to_the_sentence(fake_encoder) -> None:
    text = "Scale AI's revenue was US$870 million last year and is projected to reach US$2 billion this year."
    gate = _gate_of_claims(fake_encoder, "What revenue is Scale AI projected to reach this year?", text, "Scale AI")
    assert gate("US$2 billion.") is None


@pytest.mark.integration
def test_a_question_word_outside_the_families_asks_what_its_neighbour_in_the_clause_gives(real_embedder) -> None:
    # "worth" is no valuation word (a deal worth $10 billion is none), but the embedding model puts it next to
    # "valued": the funding round in the question only says when.
    text = "The startup was valued at nearly US$14 billion in a 2024 funding round."
    question = "How much was Scale AI worth at its 2024 funding round?"
    assert frame_question(question).families == {"investment"}
    assert _gate_of_claims(real_embedder, question, text, "Scale AI")("About US$14 billion.") is None


def test_a_change_told_as_a_multiple_passes_beside_the_level_it_reaches(fake_encoder) -> None:
    # "to more than double to US$2 billion": the multiple is the change; the level it reaches comes with it.
    gate = _gate_of_claims(
        fake_encoder,
        "By how much is Scale AI's revenue expected to grow in 2025?",
        "The startup expects sales to more than double to US$2 billion in 2025, Bloomberg previously reported.",
        "Scale AI revenue",
    )
    assert gate("Scale AI's revenue is expected to more than double to US$2 billion in 2025.") is None
    assert gate("Scale AI's revenue is expected to reach US$2 billion in 2025.") == "constraint"
    # Bundled q134: the multiple stated apart from the level still gives the change.
    apart = _gate_of_claims(
        fake_encoder,
        "By how much is Scale AI's revenue expected to grow in 2025?",
        "The startup expects sales to more than double in 2025, when it now expects to earn US$2 billion.",
        "Scale AI revenue",
    )
    assert apart("By more than double to US$2 billion in 2025.") is None


@pytest.mark.parametrize("multiple", ["quadrupled", "halved", "grew tenfold", "grew 3-fold"])
def test_every_multiple_states_a_change(fake_encoder, multiple: str) -> None:
    # The change gate knows a multiple as the verifier does: not only "double" and "triple".
    gate = _gate_of_claims(
        fake_encoder, "By how much did Zorblax's sales change last year?", f"Zorblax's sales {multiple} last year.", ""
    )
    assert gate(f"Zorblax's sales {multiple}.") is None
    assert gate("Zorblax's sales reached 40 units.") == "constraint"


def test_a_change_the_sentence_states_passes(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Revenue grew from US$870 million to US$2 billion."
    answer = _pipeline(fake_index, reply).ask("By how much is Scale AI's revenue expected to grow this year?")
    assert answer.answerable, answer.abstention


def test_which_three_answered_with_one_is_refused(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Microsoft is a client of Scale AI."
    answer = _pipeline(fake_index, reply).ask("Which three clients of Scale AI do the articles name?")
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.reason == "constraint_unmet"


def test_which_three_counts_no_part_that_only_restates_the_question(fake_encoder) -> None:
    # "The US government agencies and defence contractors … are Anduril and the US Defense Department" names two.
    gate = _gate_of_claims(
        fake_encoder,
        "Which three US government agencies use Meta's AI models?",
        "Meta lets US government agencies, Anduril and the US Defense Department use its AI models.",
        "Meta AI models",
    )
    restated = (
        "The US government agencies and defence contractors that use Meta's AI models are Anduril Industries Inc "
        "and the US Defense Department."
    )
    assert gate(restated) == "constraint"
    assert gate("Anduril, the US Defense Department and the US Army.") != "constraint"


# -- 3. a false premise without a figure ---------------------------------------------------------------------


def test_an_acquisition_premise_is_refused_with_its_reason_before_the_model_is_asked(fake_index) -> None:
    pipeline = _pipeline(fake_index, "Sentences: 1\nAnswer: To own its data business.")
    answer = pipeline.ask("Why did Meta acquire Scale AI outright?")
    assert not answer.answerable
    assert answer.abstention is not None
    assert (answer.abstention.reason, answer.abstention.gate) == ("false_premise", "premise_relation")
    assert "acquire" in answer.abstention.message and "Meta" in answer.abstention.message
    assert "closest report" in answer.abstention.message
    assert as_fake(pipeline.generator, ScriptedGenerator).calls == []


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("Why did Microsoft pull out of Scale AI's 2024 funding round?", "pull out"),  # the verb with its particle
        ("Why was Llama 4 withdrawn from the market?", "withdrawn"),  # a participle in none of -ed, -en, -ing
        ("Why was Meta's Llama 4 model praised as the best model?", "praised"),  # the participle, not "model"
        ("Why has Zuckerberg been personally overseeing recruitment?", "overseeing"),  # past the adverb
        ("Why did Apple's board fire Tim Cook?", "fire"),  # past the possessive's noun
        ("How did Meta respond?", None),  # only a why-question's event is checked
        # Round 18, w523: what was said is taken for granted, not the saying; a passive's doer comes before it.
        ("Why did Airbus say two engines on the A380 prototype would be replaced before its tour?", "replaced"),
        ("Why did GM announce it will close plants?", "close"),
        ("Why did Obama say that?", None),  # no reported clause to read
        # Round 34, w903/w904: a negated reported clause takes nothing for granted but the saying.
        ("Why did Jobs say Apple could not have resolved the antenna issue any faster?", None),
        ("Why did Consumer Reports say the free cases were not enough to earn a higher rating?", None),
        # Round 39, w1026: a subject described in lower case comes before its verb; the last two words are no noun.
        ("Why did the bankruptcy court turn down General Motors' filing?", "turn down"),
        ("Why did the company cancel its contract?", "cancel"),
        ("Why did the deal fall apart?", "fall"),
    ],
)
def test_the_event_a_why_question_takes_for_granted(question: str, event: str | None) -> None:
    assert frame_question(question).event == event


@pytest.mark.parametrize(
    ("question", "subjects"),
    [
        ("What is the potential $10 billion investment worth in Malaysian ringgit?", set()),
        ("What US-dollar amount corresponds to the RM42.34 billion in the Bloomberg story?", {"bloomberg"}),
        ("How much did Japan spend on the bailout?", {"japan"}),  # a country that is no currency's
    ],
)
def test_a_currencys_country_is_no_subject(question: str, subjects: set[str]) -> None:
    # No sentence giving "US$10 billion (RM42.34 billion)" is about anything Malaysian: the subject gate refused q034.
    assert frame_question(question).subjects == subjects


def _premise(question: str, text: str) -> str | None:
    said = Sentence(article_id="a", start=0, end=len(text), text=text)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": "Meta and the military"}, similar=0.99)
    problem = check.premise(frame_question(question), [said])
    return problem.message if problem else None


def test_an_event_no_article_states_is_a_false_premise() -> None:
    text = "In November, Meta said it would let US national-security agencies use its Llama models."
    message = _premise("Why did Meta stop letting the US military use its AI models?", text)
    assert message is not None and '"stop"' in message and "closest report" in message
    assert _premise("Why did Meta let US agencies use its models?", text) is None


def test_an_event_of_a_described_subject_no_article_states_is_a_false_premise() -> None:
    # Held-out round 39, w1026: the court GM filed in turned nothing down.
    text = "General Motors filed for bankruptcy protection. The bankruptcy court approved General Motors' filing."
    message = _premise("Why did the bankruptcy court turn down General Motors' bankruptcy filing?", text)
    assert message is not None and '"turn down"' in message
    assert _premise("Why did the bankruptcy court approve General Motors' bankruptcy filing?", text) is None


def test_a_premise_stated_of_what_the_articles_lead_names_goes_through() -> None:
    # Wikinews w244: "the aircraft" of this sentence is the A380 its article's lead names; a sentence naming another
    # holder (the Senate) is not about the lead's subject.
    lead = "Airbus unveiled plans for the A380, a twin-deck aircraft."
    said = (
        "Airbus chief executive Noel Forgeard expected sales of the aircraft to exceed the 250 required to break even."
    )
    other = "The vote in the Senate was eight short of the 60 sales needed to pass."
    pool = [
        Sentence(article_id="a", start=0, end=len(lead), text=lead),
        Sentence(article_id="a", start=len(lead) + 1, end=len(lead) + 1 + len(said), text=said),
        Sentence(article_id="b", start=0, end=len(lead), text=lead),
        Sentence(article_id="b", start=len(lead) + 1, end=len(lead) + 1 + len(other), text=other),
    ]
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        {"a": "Airbus launches largest airliner", "b": "Airbus news"},
        similar=0.99,
    )
    frame = frame_question("How many A380 sales did Airbus say it needed to break even?")
    assert frame.presupposes
    assert check.premise(frame, pool[:2]) is None
    assert check.premise(frame, pool[2:]) is not None


def test_an_event_the_articles_state_in_another_form_goes_through() -> None:
    text = "Scale AI provides data labelling services to help companies train machine-learning models."
    assert _premise("Why does Scale AI provide data labelling services?", text) is None  # provide / provides
    headline = "Apple executive leaves company after iPhone 4 antenna problems"
    assert _premise("Why did Apple's executive leave the company?", headline) is None  # leave / leaves


def test_an_event_the_articles_deny_is_not_stated() -> None:
    text = "Rather than recall the devices, Jobs said Apple will offer a free case to anyone with an iPhone 4."
    message = _premise("Why did Apple recall the iPhone 4 over its antenna problem?", text)
    assert message is not None and '"recall"' in message
    assert _premise("Why did Meta acquire Scale AI?", "Meta did not acquire Scale AI outright.") is not None
    assert _premise("Why did Meta acquire Scale AI?", "Meta acquired a stake in Scale AI.") is None


def test_an_event_whose_verb_the_sentence_denies_is_not_stated() -> None:
    # Round 34, w918: the rating is named, and the giving of it declined.
    text = 'Consumer Reports declined to give Apple\'s newest phone a "recommended" rating due to the antenna.'
    question = "Why did Consumer Reports give the iPhone 4 a recommended rating after Apple offered free cases?"
    message = _premise(question, text)
    assert message is not None and '"give"' in message
    assert _premise(question, 'Consumer Reports gave the phone a "recommended" rating.') is None
    # What the event is done to is asked before the clause that dates it, not in it.
    assert frame_question(question).event_object == ("recommended", "rating")


def test_an_event_in_a_clause_about_someone_else_is_not_the_subjects() -> None:
    text = "Although the House approved the measures, the Senate voted the proposition down."
    assert _premise("Why did the Senate approve the auto industry bailout?", text) is not None
    assert _premise("Why did the House approve the measures?", text) is None
    # A clause that names no one is about the sentence's subject: "Meta, the parent of Facebook, acquired …".
    assert _premise("Why did Meta acquire Scale AI?", "Meta, the parent of Facebook, acquired Scale AI.") is None


def test_an_event_done_to_something_else_is_not_the_one_asked() -> None:
    text = "The Boeing 787 attracted 840 orders, though some have been cancelled due to the delays."
    assert _premise("Why did Boeing cancel the 787 Dreamliner programme?", text) is not None
    assert _premise("Why did Boeing cancel orders for the 787?", text) is None


def test_an_event_given_only_as_the_cause_of_another_is_not_stated() -> None:
    text = "The Voluntary Council said that 60 of its 6,500 have lost money due to the collapse of banks."
    assert _premise("Why did the Voluntary Council collapse?", text) is not None
    assert _premise("Why did the Voluntary Council lose money?", text) is None
    # The subject named after the link: the event is still its own.
    assert _premise("Why did Lehman collapse?", "Markets fell due to the collapse of Lehman.") is None


def test_irregular_pasts_and_light_verbs_state_their_events() -> None:
    lost = "General Motors announced it has lost US$6 billion in the first quarter."
    assert _premise("Why did General Motors lose money in the first quarter?", lost) is None
    talks = "Meta is reportedly in talks to invest in Scale AI."
    assert _premise("Why did Meta hold talks with Scale AI?", talks) is None  # "hold" says little; "talks" does
    assert _premise("Why did Meta hold a meeting with Scale AI?", talks) is not None


def test_an_event_done_to_a_known_attribute_must_be_stated_beside_it() -> None:
    # A funding round stated is not a withdrawal from it: the attribute is what the event was done to.
    text = "Scale AI was valued at nearly $14 billion in a 2024 funding round that included Meta and Microsoft."
    message = _premise("Why did Microsoft pull out of Scale AI's 2024 funding round?", text)
    assert message is not None and '"pull out" of Microsoft and Scale AI,' in message
    pulled = "Microsoft pulled out of Scale AI's 2024 funding round last week."
    assert _premise("Why did Microsoft pull out of Scale AI's 2024 funding round?", pulled) is None
    # The attribute that is the event's subject, not its object, is enough as before: the rise is worded many ways.
    rose = "Scale AI's valuation reached $14 billion, up from $7 billion."
    assert _premise("Why did Scale AI's valuation rise?", rose) is None


def test_an_event_whose_verb_is_a_move_is_still_the_event() -> None:
    # "drop" is of the fall family; in "drop OpenAI as a customer" it is what happened, and a customer list
    # naming OpenAI does not say it was dropped.
    listed = "Scale AI, whose customers include Microsoft Corp and OpenAI, provides data labelling services."
    message = _premise("Why did Scale AI drop OpenAI as a customer?", listed)
    assert message is not None and '"drop"' in message
    dropped = "Scale AI dropped OpenAI as a customer last month."
    assert _premise("Why did Scale AI drop OpenAI as a customer?", dropped) is None
    # A move of the subject's own figure keeps its many wordings.
    assert _premise("Why did Scale AI's revenue drop?", "Scale AI's revenue fell to $500 million.") is None


def test_a_described_subjects_event_is_not_checked_before_the_description_is_resolved(fake_index) -> None:
    # "put" is held to "the AI company that appears alongside Cohere and Etsy", not to the names the description
    # uses to find it: refusing here refused q168, whose answer the articles give once OpenAI is found.
    question = (
        "How much has Microsoft put into the AI company that appears alongside Cohere and Etsy in Scale AI's "
        "customer list?"
    )
    assert frame_question(question).described
    answer = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND").ask(question)
    assert answer.abstention is not None and answer.abstention.gate != "premise_relation"
    plain = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND").ask("Why did Microsoft put money into Etsy?")
    assert plain.abstention is not None and plain.abstention.gate == "premise_relation"


def test_a_present_state_is_not_a_presupposed_event() -> None:
    # "rely on" is worded in too many ways ("uses scads of contract workers") to refuse the question for the verb.
    text = "Scale AI uses scads of contract workers to tidy up and tag data."
    assert frame_question("Why does Scale AI rely on so many contract workers?").event is None
    assert _premise("Why does Scale AI rely on so many contract workers?", text) is None


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "false"),
    [
        ("Why did the Defense Department cancel its contract with Scale AI?", True),
        ("Why did Meta stop letting the US military use its AI models?", True),
        ("Why did Microsoft pull out of Scale AI's 2024 funding round?", True),
        ("Why was Llama 4 withdrawn from the market?", True),
        ("Why does Scale AI provide data labelling services?", False),
        ("Why did Scale AI dispatch consultants and engineers to companies and governments?", False),
    ],
)
def test_why_question_premises_with_the_real_embedding_model(real_index, real_embedder, question, false) -> None:
    # The event's neighbours come from the bundled embedding model: with it, no word of the articles stands in
    # for "cancel" or "stop", while "provides" and "dispatching" state the events asked about.
    pipeline = assemble_pipeline(
        Settings(judge=False, context_mode="retrieval"),
        ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND"),
        real_index,
        real_embedder,
    )
    answer = pipeline.ask(question)
    refused = answer.abstention is not None and answer.abstention.gate == "premise_relation"
    assert refused is false


def test_a_stated_premise_goes_through(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Scale AI was founded in 2016."
    answer = _pipeline(fake_index, reply).ask("When was Scale AI founded?")
    assert answer.answerable, answer.abstention


# -- the gate is a setting; abstentions say why --------------------------------------------------------------


def test_without_the_gate_the_wrong_attribute_passes(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Scale AI's revenue was about US$14 billion in 2024."
    answer = _pipeline(fake_index, reply, binding_check=False).ask("What was Scale AI's revenue in 2024?")
    assert answer.answerable, "the claim verifier alone cannot tell valuation from revenue"


def test_every_abstention_carries_a_reason(fake_index) -> None:
    answer = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND").ask("Who founded Scale AI?")
    assert answer.abstention is not None
    assert (answer.abstention.reason, answer.abstention.gate) == ("not_stated", "model")
    assert answer.abstention.message


def test_the_frame_reads_attribute_subject_and_constraints() -> None:
    frame = frame_question("Besides Meta, which three investors backed Scale AI's Series F?")
    assert frame.excluded == {"meta"} and {"scale", "ai"} <= frame.subjects
    assert frame.count == 3 and "investment" in frame.families
    assert frame_question("Who is the CEO of Anduril?").families == {"leadership"}
    assert frame_question("By how much did revenue grow?").asks_change
    assert frame_question("Why did Meta buy Scale AI?").presupposes
    assert not frame_question("How much could Meta invest in Scale AI?").presupposes


# -- one more try before refusing ----------------------------------------------------------------------------


def _valuation_first_then_revenue() -> ScriptedGenerator:
    """A model that answers with the valuation first, then (asked again) with the revenue."""
    replies = iter(
        [
            "Sentences: 1\nAnswer: Scale AI's revenue was about US$14 billion in 2024.",
            "Sentences: 1\nAnswer: Scale AI made US$870 million in revenue last year.",
        ]
    )
    return ScriptedGenerator(lambda messages: next(replies))


def test_a_draft_bound_to_the_wrong_attribute_gets_one_focused_retry(fake_index) -> None:
    pipeline = _pipeline(fake_index, "unused")
    pipeline.generator = pipeline.stages.drafter.generator = _valuation_first_then_revenue()
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert answer.answerable, answer.abstention
    assert "870 million" in answer.answer
    calls = as_fake(pipeline.generator, ScriptedGenerator).calls
    assert len(calls) == 2, "the first draft and one retry"
    focused = calls[1][-1]["content"]
    assert "870 million" in focused and "valued" not in focused, "the retry sees only revenue sentences"


@pytest.mark.parametrize("depth", [1, 2])
def test_the_retry_reads_deeper_than_the_first_draft(fake_index, depth: int) -> None:
    """A draft refused for a detail no sentence states, where no sentence of its passages states what was asked
    ("pick"), gets a second draft over the best sentences of the passages it did not see (RAG_RETRY_DEPTH times as
    many); at depth 1 there are none, and no second draft."""
    question = "Which company did Meta pick?"
    pipeline = _pipeline(fake_index, "Sentences: 1\nAnswer: Zorblax Quentin leads it.", top_k=1, retry_depth=depth)
    first = pipeline.stages.retriever.search(question, k=1)
    seen = {sentence.text for sentence, _ in pipeline.stages.selector.candidates(first)}
    deeper = [h for h in pipeline.stages.retriever.search(question, k=2) if h not in first]
    unseen = {sentence.text for sentence, _ in pipeline.stages.selector.candidates(deeper)} - seen
    assert unseen
    answer = pipeline.ask(question, top_k=1)
    assert answer.abstention is not None and answer.abstention.gate == "support"
    calls = as_fake(pipeline.generator, ScriptedGenerator).calls
    assert len(calls) == depth, "a second draft only where there is somewhere deeper to look"
    if depth == 2:
        shown = calls[1][-1]["content"]
        assert any(text in shown for text in unseen) and not any(text in shown for text in seen)


@pytest.mark.parametrize("retry", [True, False])
def test_a_draft_placed_in_another_month_gets_one_focused_retry(fake_index, retry: bool) -> None:
    """The first draft names another week's partner; the sentence that answers follows the one that places the
    initiatives in November, and only a second draft over the sentences naming contractors reads it."""
    question = (
        "Which defence contractors did Meta team up with on its national-security AI initiatives announced in November?"
    )
    replies = iter(
        [
            "Sentences: 1\nAnswer: Meta teamed up with defence contractor Anduril Industries Inc.",
            "Sentences: 1\nAnswer: Meta teamed up with Booz Allen and Lockheed Martin.",
        ]
    )
    pipeline = _pipeline(fake_index, "unused", retry=retry)
    pipeline.generator = pipeline.stages.drafter.generator = ScriptedGenerator(lambda messages: next(replies))
    answer = pipeline.ask(question)
    calls = as_fake(pipeline.generator, ScriptedGenerator).calls
    if not retry:
        assert answer.abstention is not None and answer.abstention.gate == "date"
        assert len(calls) == 1
        return
    assert answer.answerable, answer.abstention
    assert "Lockheed Martin" in answer.answer and len(calls) == 2
    assert "Booz Allen and Lockheed Martin" in calls[1][-1]["content"], "the retry sees the sentence that answers"
    assert any("Lockheed Martin" in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    ("dated", "found"),
    [
        ("Bumpers stay free for iPhone buyers until September 30.", True),
        # A date beside none of the question's own words for what it asks dates something else.
        ("Bumpers stay free for buyers through September 30.", False),
    ],
)
def test_a_draft_without_the_date_asked_is_retried_over_the_dated_sentences_of_its_articles(
    tmp_path, dated: str, found: bool
) -> None:
    """The first draft's passage says what Apple offers, not until when; the sentence that dates the offer sits in a
    passage of the same article that the question's words do not reach (Wikinews w050)."""
    cities = "Boston Chicago Denver Houston Miami Seattle Dallas Austin Phoenix Portland Atlanta Detroit".split()
    filler = " ".join(f"Analysts in {city} discussed antenna reception at length." for city in cities)
    index, encoder = one_article_index(
        tmp_path,
        "# Apple to give free cases to iPhone 4 owners\n\n"
        "When will the iPhone 4 antenna offer run? Apple will run an offer: owners of its iPhone 4 get a free case "
        f"for the antenna. {filler} {dated}",
    )
    question = "Until when does the iPhone 4 antenna offer run?"
    replies = iter(
        [
            "Sentences: 1\nAnswer: Apple will give iPhone 4 owners a free case.",
            "Sentences: 1\nAnswer: Until September 30.",
        ]
    )
    model = ScriptedGenerator(lambda messages: next(replies))
    settings = gate_settings(top_k=1)
    pipeline = assemble_pipeline(settings, model, index, encoder)
    first = pipeline.stages.retriever.search(question, k=1)
    assert not any("September 30" in hit.chunk.text for hit in first), "the dated passage is not retrieved"
    answer = pipeline.ask(question, top_k=1)
    assert len(model.calls) == 2
    assert ("September 30" in model.calls[1][-1]["content"]) is found, "the retry sees the dated sentence"
    if found:
        assert answer.answerable, answer.abstention
        assert "September 30" in answer.answer
        assert any("until September 30" in c.quote for c in answer.citations)
    else:
        assert not answer.answerable


def test_without_retry_the_wrong_draft_is_refused(fake_index) -> None:
    pipeline = _pipeline(fake_index, "unused", retry=False)
    pipeline.generator = pipeline.stages.drafter.generator = _valuation_first_then_revenue()
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert not answer.answerable and answer.abstention is not None
    assert answer.abstention.gate in {"support", "attribute"}  # the valuation is not among revenue passages
    assert len(as_fake(pipeline.generator, ScriptedGenerator).calls) == 1


@pytest.mark.parametrize(("skip", "answerable"), [(True, True), (False, False)])
def test_the_judge_is_skipped_only_for_a_literally_bound_figure(fake_index, skip: bool, answerable: bool) -> None:
    index, encoder = fake_index
    settings = Settings(
        support_threshold=0.2,
        min_relevance=0.0,
        context_mode="retrieval",
        judge=True,
        judge_skip_bound=skip,
        judge_in_context=False,
    )
    reply = "Sentences: 1\nAnswer: Scale AI made US$870 million in revenue last year."
    naysayer = ScriptedGenerator("no")  # no choice_probabilities: its greedy reply decides
    pipeline = assemble_pipeline(settings, ScriptedGenerator(reply), index, encoder, judge=naysayer)
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert answer.answerable is answerable
    assert bool(naysayer.calls) is not skip


def test_a_name_answer_always_goes_to_the_judge(fake_index) -> None:
    index, encoder = fake_index
    settings = Settings(
        support_threshold=0.2,
        min_relevance=0.0,
        context_mode="retrieval",
        judge_skip_bound=True,
        judge_in_context=False,
    )
    reply = "Sentences: 1\nAnswer: Scale AI was co-founded by Alexandr Wang and Lucy Guo."
    naysayer = ScriptedGenerator("no")
    pipeline = assemble_pipeline(settings, ScriptedGenerator(reply), index, encoder, judge=naysayer)
    answer = pipeline.ask("Who co-founded Scale AI?")
    assert not answer.answerable and naysayer.calls


@pytest.mark.parametrize(
    ("question", "rank"),
    [
        ("Which was the first outside AI start-up Meta ever invested in?", "first"),
        ("Which of Scale AI's customers is its largest by revenue?", "largest"),
        ("Who is Meta's largest rival?", "largest"),
        # A rank that describes ("the first A380", "the first quarter") is not asked for.
        ("What make of engine powers the first A380 delivered to Singapore Airlines?", None),
        ("How much money did General Motors lose in the first quarter of 2009?", None),
        # A rank among the reports is the gatherer's to compute.
        ("Which article's figure is the only one with an upper limit?", None),
    ],
)
def test_the_rank_a_question_asks_for(question: str, rank: str | None) -> None:
    assert frame_question(question).rank == rank


def _ranked(question: str, claim: str, sentence: str, title: str = "Scale AI") -> str | None:
    said = Sentence(article_id="a", start=0, end=len(sentence), text=sentence)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": title})
    verdict = Verdict([ClaimCheck(claim, [said], 1.0, True)])
    problem = check.run(frame_question(question), verdict)
    return problem.gate if problem else None


def test_an_answer_without_the_asked_rank_is_refused() -> None:
    # The sentence names Scale AI's customers; none is said to be its largest.
    question = "Which of Scale AI's customers is its largest by revenue?"
    sentence = "Scale AI, whose customers include Microsoft Corp and OpenAI, provides data labelling services."
    assert _ranked(question, "Microsoft Corp.", sentence) == "constraint"


def test_an_answer_whose_sentence_states_the_rank_passes() -> None:
    question = "Which was the first outside AI start-up Meta invested in?"
    sentence = "Scale AI was the first-ever outside AI start-up Meta invested in."
    assert _ranked(question, "Scale AI.", sentence) is None


def test_the_original_product_is_not_answered_by_a_later_model() -> None:
    question = "At which event did Apple first show the original iPhone?"
    later = "When Apple CEO Steve Jobs first introduced iPhone 4, he praised the device's antenna design."
    assert _ranked(question, "Steve Jobs first introduced iPhone 4.", later) == "subject"
    other = 'Formerly "iPhone OS," iOS 4 was first introduced by Apple in April.'
    assert _ranked(question, "Apple first showed it in April.", other) == "subject"  # another name it begins
    first = "Apple has introduced the iPhone at the Macworld Conference in San Francisco."
    assert _ranked(question, "At the Macworld Conference.", first) is None
    asked_later = "At which event did Apple first show the iPhone 4?"
    assert _ranked(asked_later, "Steve Jobs introduced iPhone 4.", later) is None


def test_a_model_is_not_answered_by_another_model_of_its_line() -> None:
    question = "How much storage does the US$199 iPhone 3G have?"  # an adversarial: US$199 buys a 16 GB 3GS
    other = "The iPhone 3GS will be available in a 16 GB and 32 GB models, retailing for US$199 and $299 respectively."
    assert _ranked(question, "The US$199 iPhone 3G has 16GB.", other, "Apple launches new, faster iPhone") == "subject"
    asked = "The iPhone 3G will be available in an 8 GB model, retailing for US$199."
    assert _ranked(question, "The US$199 iPhone 3G has 8 GB.", asked) is None
    bare = "The new iPhone will be available in a 16 GB model, retailing for US$199."
    assert _ranked(question, "It has 16 GB.", bare) is None  # the line named bare: perhaps the model asked
    # A sentence that compares with another model speaks of the one its article's title names.
    thin = "It is only 9.3 millimetres thick, a 24 percent reduction from the previous model, the iPhone 3GS."
    assert _ranked("How thin is the iPhone 4?", "9.3 millimetres.", thin, "Apple unveils iPhone 4") is None
    assert _ranked("How thin is the iPhone 4?", "9.3 millimetres.", thin, "Apple's phones") == "subject"
    # The question may name two models of the line (Wikinews w292): a sentence on either is on one asked about.
    software = "The new phone will come with the iPhone 3.0 software, available on June 17, two days before the launch."
    two = "How many days before the iPhone 3GS launched was the iPhone 3.0 software to become available?"
    assert _ranked(two, "2 days.", software, "Apple launches new, faster iPhone") is None
    # A month and its year, or a name and a year, are no product and its model.
    dated = "On September 15 Apple said it had sold 6.9 million iPhones."
    assert _ranked("How many iPhones had Apple sold by September 2008?", "6.9 million.", dated) is None


def test_a_coded_model_is_not_answered_from_another_models_article() -> None:
    question = "What kinds of issues have plagued the Airbus A350 project?"  # an adversarial: the A380's troubles
    charges = "Airbus has warned there could be additional charges to come."
    assert _ranked(question, charges, charges, "A380 makes maiden flight to US") == "subject"
    # The maker named bare under a title that names no code, or the code asked, perhaps speaks of it.
    assert _ranked(question, charges, charges, "Airbus reports losses") is None
    assert _ranked(question, charges, charges, "Airbus delays the A350 again") is None
    wiring = "The A380's wiring problems delayed deliveries by two years."
    assert _ranked(question, "Wiring problems.", wiring, "Airbus reports losses") == "subject"
    plural = "Airlines have ordered 500 Airbus A350s despite wiring problems."
    assert _ranked(question, "Wiring problems.", plural, "A380 makes maiden flight to US") is None


def test_a_bare_code_of_another_of_the_makers_models_is_not_the_asked_model() -> None:
    # Wikinews w068 (adversarial): the 787's "20 percent less fuel per passenger" is no answer about a Boeing 747. The
    # collection writes "Boeing 787" and "Boeing 747", so a bare "787" is Boeing's other model.
    fuel = "The 787 Dreamliner will use 20 percent less fuel per passenger than similarly sized aircraft."
    pool = [
        Sentence(article_id="a", start=0, end=len(fuel), text=fuel),
        Sentence(article_id="b", start=0, end=30, text="The Boeing 747 seats 416 people."),
    ]
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        {"a": "Boeing 787 Dreamliner unveiled", "b": "Boeing 747 flies"},
    )
    verdict = Verdict([ClaimCheck("20 percent less fuel.", [pool[0]], 1.0, True)])
    jumbo = check.run(frame_question("How much less fuel per passenger does a Boeing 747 burn?"), verdict)
    assert jumbo is not None and jumbo.gate == "subject" and "Boeing 787, not the Boeing 747" in jumbo.message
    assert check.run(frame_question("How much less fuel per passenger does the Boeing 787 burn?"), verdict) is None


def test_a_count_of_another_thing_is_no_count_of_the_asked_one() -> None:
    # Wikinews w321 (adversarial): the New GM's four core brands are no count of its dealerships.
    said = 'The "New GM" he also expected to focus on "four core brands", and will size its dealership to match that.'
    question = "How many dealerships will the New GM keep?"
    assert _ranked(question, "The New GM will keep four core brands.", said, "New GM") == "attribute"
    brands = "How many core brands will the New GM focus on?"
    assert _ranked(brands, "The New GM will focus on four core brands.", said, "New GM") is None
    # People count any people asked; a word of the asked word's family counts it.
    assert counts_other(frame_question("How many passengers can it seat?"), "It seats 555 people.") is None
    assert counts_other(frame_question("How many votes did it get?"), "It got 52 votes.") is None


def test_a_crowd_is_of_the_occasion_its_sentence_or_title_names() -> None:
    # Wikinews w293 (adversarial): the 2007 unveiling's crowd is no answer for the 2011 rollout's.
    crowd = "The event was attended by 15,000 people including employees and customers."
    rollout = "How many people attended the rollout of the first 787 to go into service?"
    assert _ranked(rollout, "15,000 people.", crowd, "Boeing unveils new 787 Dreamliner") == "occasion"
    assert _ranked(rollout, "15,000 people.", crowd, "Boeing rolls out first 787 Dreamliner") is None
    unveiling = "How many people attended the unveiling of the 787 Dreamliner?"
    assert _ranked(unveiling, "15,000 people.", crowd, "Boeing unveils new 787 Dreamliner") is None
    # An occasion named by no particular word ("the ceremony") is left to the other checks.
    ceremony = "How many people attended the ceremony for the 787 Dreamliner?"
    assert _ranked(ceremony, "15,000 people.", crowd, "Boeing unveils new 787 Dreamliner") is None


def test_the_retry_passes_over_sentences_on_another_model() -> None:
    """The subject check refuses a sentence on the iPhone 4 for the original iPhone: the retry does not show it
    again, so that a deeper search may find the passage that answers."""
    question = "At which event did Apple first show the original iPhone?"
    texts = [
        "When Apple CEO Steve Jobs first introduced iPhone 4, he praised the device's antenna design.",
        "Apple has first introduced the iPhone at the Macworld Conference, an event in San Francisco.",
    ]
    check, focused = _focused(question, texts, "Apple")
    assert check._states_attribute(frame_question(question), texts[0]), "chosen but for its model"
    assert focused == [texts[1]]


def test_the_retry_for_a_role_set_aside_shows_the_founders_not_the_role() -> None:
    """The constraint refused the chief executive for "the one who is not its chief executive": the retry is shown
    the sentences on the founding, not every sentence that names a chief executive (another company's too)."""
    question = "Scale AI has two co-founders; what is the name of the one who is not its chief executive?"
    texts = [
        "Chief executive Mark Zuckerberg has declared AI the company's top priority at Scale AI's investor Meta.",
        "Founded in San Francisco by Alexandr Wang and Lucy Guo in 2016, Scale AI built a business.",
    ]
    assert frame_question(question).not_role == "chief executive"
    assert _focused(question, texts, "Scale AI")[1] == [texts[1]]


def _focused(question: str, texts: list[str], title: str) -> tuple[BindingCheck, list[str]]:
    """The sentences the retry would be shown, of one retrieved passage of ``texts`` under ``title``."""
    sentences = [Sentence(article_id="a", start=0, end=len(t), text=t) for t in texts]
    chunk = Chunk(chunk_id="a#0", article_id="a", title=title, start=0, end=200, text=" ".join(texts))
    hit = SearchHit(chunk=chunk, score=1.0)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: sentences, {"a": title})
    focused = check.focus(frame_question(question), [(s, hit) for s in sentences], limit=3)
    return check, [e.sentence.text for e in focused]


def test_a_title_vouches_for_a_name_only_above_a_sentence_that_names_no_one_else() -> None:
    question = "Which later Apple CEO had also worked for IBM?"
    title = "Apple executive Steve Jobs resigns"
    other = "Before his post at Apple, Cook held positions at IBM and Compaq."
    assert _ranked(question, "Steve Jobs had also worked for IBM.", other, title) == "subject"
    assert _ranked(question, "Cook had also worked for IBM.", other, title) is None
    # "He" is who the title names.
    alone = "He had previously held a senior position with IBM."
    assert _ranked(question, "Steve Jobs had also worked for IBM.", alone, title) is None
    assert _ranked(question, "Steve Jobs had also worked for IBM.", alone, "Apple executive leaves") == "subject"
    # Names are matched in their parts, and a word that only sets the answer off is none.
    assert _ranked("On which network could US buyers get it?", "AT&T.", "It is only on AT&T's network.") is None
    besides = "Besides Microsoft, Scale AI's customers include OpenAI."
    assert _ranked("Apart from Microsoft, which customer does Scale AI have?", besides, besides) is None


def test_a_name_answer_must_be_placed_in_the_month_asked() -> None:
    question = "Which defence contractors did Meta team up with on its initiatives announced in November?"
    lead = "In November, Meta announced that agencies could use its AI models."
    teamed = "The company teamed up with the defence contractors Booz Allen and Lockheed Martin on the initiatives."
    last_week = "Last week, Meta announced a new partnership with defence contractor Anduril Industries."
    pool = {"a": sentences_of_text("a", f"{lead} {teamed}"), "b": sentences_of_text("b", last_week)}
    dates = {"a": None, "b": "2025-06-10"}
    check = BindingCheck(HashingEncoder(dim=64), lambda a: pool[a], {"a": "Meta", "b": "Meta"}, dates=dates)

    def gate(claim: str, *sentences: Sentence) -> str | None:
        problem = check.run(frame_question(question), Verdict([ClaimCheck(claim, list(sentences), 1.0, True)]))
        return problem.gate if problem else None

    # "November" borrowed from another article's sentence does not place Anduril there.
    assert (
        gate(
            "Meta teamed up with Anduril Industries on its initiatives announced in November.", *pool["b"], pool["a"][0]
        )
        == "date"
    )
    # The sentence before places the answer's sentence in November; so does its article's date.
    assert gate("Booz Allen and Lockheed Martin.", pool["a"][1]) is None
    assert gate("Anduril Industries.", *pool["b"]) == "date"
    dates["b"] = "2025-11-10"
    assert gate("Anduril Industries.", *pool["b"]) is None


def test_a_demonym_is_mentioned_by_its_country_and_a_common_word_of_a_name_by_nothing() -> None:
    said = Sentence(
        article_id="a",
        start=0,
        end=90,
        text="Japan saw the collapse of Yamato Life Insurance Company, which went bankrupt.",
    )
    other = Sentence(
        article_id="b", start=0, end=80, text="Germany saw the collapse of Hypo Real Estate, which needed aid."
    )
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda article_id: [said] if article_id == "a" else [other],
        {"a": "Asian markets plunge", "b": "Asian markets plunge"},
        common=common_words([said.text, other.text]),
    )
    frame = frame_question("Which Japanese life insurer went bankrupt as Asian markets plunged?")
    # "Which" starts the question's first name group but names nothing: the collection writes it in lower case.
    assert check.subject_groups(frame) == [frozenset({"japanese"}), frozenset({"asian"})]
    assert check.about(frame, said)  # "Japan" mentions the Japanese subject; the title the Asian markets
    assert not check.about(frame, other)  # its "which" is no mention of anything Japanese


# -- the direction of a move ------------------------------------------------------------------------------------


def _moved(question: str, claim: str, sentence: str) -> str | None:
    said = Sentence(article_id="a", start=0, end=len(sentence), text=sentence)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": "Nikkei report"})
    problem = check.run(frame_question(question), Verdict([ClaimCheck(claim, [said], 1.0, True)]))
    return problem.gate if problem else None


@pytest.mark.parametrize(
    ("question", "sentence", "gate"),
    [
        # The figure of a rise does not answer how much it fell, though the sentence speaks of a fall too.
        ("How much did the Nikkei drop?", "The Nikkei ended up 1.2%, although this follows a large drop.", "direction"),
        ("How much did the Nikkei climb?", "The Nikkei closed down 1.2% after a climb.", "direction"),
        ("How much did the Nikkei slump?", "The Nikkei slumped 1.2% in Tokyo.", None),
        # A move is one family however worded: "lose" is stated by "fell".
        ("How much did the Nikkei lose?", "The Nikkei fell 1.2% in Tokyo.", None),
        # Sales asked: a fall of shares is not one of sales.
        ("How much did Honda's sales drop?", "Shares in Honda dropped by 1.2% in Tokyo.", "attribute"),
        ("How much did Honda's sales drop?", "Honda's sales dropped by 1.2% in March.", None),
        ("How much did the Nikkei drop?", "The Nikkei closed 1.2% lower after the drop.", None),
        # "up to" is a limit, not a rise.
        ("How much did the Nikkei drop?", "The Nikkei could drop up to 1.2% in Tokyo.", None),
        # Wikinews w139: a question that words both moves asks the one before its clause.
        (
            "How much did the Nikkei gain on the day the Dow Jones fell below 9,000?",
            "The Nikkei, which lost more than 1.2% of its value, led the fall.",
            "direction",
        ),
        ("How much did the Nikkei gain on the day the Dow Jones fell below 9,000?", "The Nikkei gained 1.2%.", None),
    ],
)
def test_a_figure_stated_as_the_opposite_move_is_refused(question: str, sentence: str, gate: str | None) -> None:
    assert _moved(question, "1.2%.", sentence) == gate


def test_a_name_is_mentioned_by_its_abbreviation_and_the_other_way_round() -> None:
    def gate(question: str, title: str, sentence: str) -> str | None:
        said = Sentence(article_id="a", start=0, end=len(sentence), text=sentence)
        check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": title})
        verdict = Verdict([ClaimCheck("$13.4 billion.", [said], 1.0, True)])
        problem = check.run(frame_question(question), verdict)
        return problem.gate if problem else None

    aid = "It has received $13.4 billion in federal aid so far."
    asked = "How much federal aid had General Motors received?"
    assert gate(asked, "US automakers GM and Chrysler seek more aid", aid) is None
    assert gate("How much federal aid had GM received?", "General Motors Corp seeks more aid", aid) is None
    assert gate(asked, "US automakers GMC and Chrysler seek more aid", aid) == "subject"
    # Two names with the same initials are no match: only a name against capitals.
    assert gate("How much federal aid had Scale AI received?", "South Africa seeks more aid", aid) == "subject"
    assert gate(asked, "US automakers gm and Chrysler seek more aid", aid) == "subject", "a lower-case word"
    # A yes/no question's opening word is no part of the name: "Was General Motors' …" is GM's, not "WGM".
    assert gate("Was General Motors' federal aid $13.4 billion?", "US automakers GM and Chrysler seek aid", aid) is None


def test_a_sentence_that_names_no_one_is_about_its_articles_lead() -> None:
    lead = Sentence(article_id="a", start=0, end=60, text="The Airbus A380 has made its maiden flight from Toulouse.")
    second = Sentence(article_id="a", start=61, end=120, text="The aircraft took off at 10:29 local time.")
    third = Sentence(article_id="a", start=121, end=180, text="Crowds had gathered around the runway.")
    crowd = Sentence(article_id="a", start=181, end=240, text="Around 50,000 people watched the maiden flight.")
    named = Sentence(article_id="a", start=241, end=300, text="Around 50,000 people watched Boeing workers strike.")
    article = [lead, second, third, crowd, named]
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda _: article,
        {"a": "World's largest airliner takes off"},
        common=common_words([s.text for s in article]),  # "Around" starts a sentence but is no name
    )
    frame = frame_question("How many spectators watched the A380 take off on its maiden flight?")

    def gate(said: Sentence) -> str | None:
        problem = check.run(frame, Verdict([ClaimCheck("50,000 people.", [said], 1.0, True)]))
        return problem.gate if problem else None

    assert check.about(frame, crowd)  # the gatherer's reading, which the gate now shares
    assert gate(crowd) is None
    # A sentence that names someone is about whom it names, not about the lead.
    assert gate(named) == "subject"


def test_a_figureless_claim_about_something_else_is_dropped_from_a_figure_answer() -> None:
    lead = Sentence(article_id="a", start=0, end=60, text="The Airbus A380 has made its maiden flight from Toulouse.")
    crowd = Sentence(article_id="a", start=61, end=120, text="Around 50,000 people watched the maiden flight.")
    screen = Sentence(article_id="a", start=121, end=190, text="More people watched on a giant screen in Toulouse.")
    other = Sentence(article_id="b", start=0, end=60, text="Around 9,000 people watched Boeing workers strike.")
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda article_id: [lead, crowd, screen] if article_id == "a" else [other],
        {"a": "World's largest airliner takes off", "b": "Strike at Boeing"},
        common=common_words([crowd.text, "crowds gathered around the runway"]),
    )
    figure = ClaimCheck("Around 50,000 people watched the maiden flight.", [crowd], 0.9, True)
    scene = ClaimCheck("More people watched on a giant screen in Toulouse.", [screen], 0.9, True)
    asked = frame_question("How many spectators watched the A380 take off on its maiden flight?")
    trimmed = check.trim(asked, Verdict([figure, scene]))
    assert trimmed.checks == [figure] and check.run(asked, trimmed) is None
    assert check.run(asked, Verdict([figure, scene])) is not None  # what the gate says of the whole answer
    # Not a figure question: the claim stays, and the gate decides.
    described = frame_question("What happened at the A380's maiden flight?")
    assert check.trim(described, Verdict([figure, scene])).checks == [figure, scene]
    # The figure itself off the subject: nothing is dropped, the gate refuses it.
    strike = ClaimCheck("Around 9,000 people watched Boeing workers strike.", [other], 0.9, True)
    assert check.trim(asked, Verdict([strike, scene])).checks == [strike, scene]


@pytest.mark.parametrize(
    "question",
    [
        "In what year was the Apple chief executive who launched the iPhone 3G born?",
        "The Japanese index that had hit an all-time low the day before fell by how much on 10 October 2008?",
        "How much has Microsoft put into the AI company that appears alongside Cohere and Etsy?",
    ],
)
def test_a_described_subject_may_carry_a_name_or_modifier_before_its_kind(question: str) -> None:
    assert frame_question(question).described
    assert not frame_question("In what year was Apple's chief executive Steve Jobs born?").described


def test_a_described_subjects_year_is_bound_by_the_questions_own_words() -> None:
    # "chief executive" and "launched" describe whom the question is about; "born" is what it asks of him.
    text = "Jobs, born in San Francisco on February 24, 1955, built the most valuable company."
    said = Sentence(article_id="a", start=0, end=len(text), text=text)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": "Steve Jobs dies"})
    verdict = Verdict([ClaimCheck("Steve Jobs was born in 1955.", [said], 1.0, True)])
    question = "In what year was the Apple chief executive who launched the iPhone 3G born?"
    assert check.run(frame_question(question), verdict) is None


def test_a_hyphenated_name_run_gives_its_subject_group() -> None:
    # The frame keeps "meta-scale" whole; the run's words are its parts.
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [], {})
    frame = frame_question("Are the terms of the Meta-Scale AI deal final?")
    [group] = check.subject_groups(frame)
    assert {"meta", "scale"} <= group


def test_each_part_of_a_two_part_answer_is_bound_to_the_sentence_that_gives_its_figure(fake_encoder) -> None:
    # "How old when she married, and when she died?": a draft that cites the death's age for both parts has
    # every figure in a cited sentence, but the first part's figure stands only in a sentence about her death.
    married = Sentence(article_id="a", start=0, end=35, text="Ada Lovelace married in 1835 at 19.")
    died = Sentence(article_id="b", start=0, end=35, text="Ada Lovelace died at the age of 36.")
    check = BindingCheck(fake_encoder, lambda _id: [], {})
    frame = frame_question("How old was Ada Lovelace when she married, and how old was she when she died?")

    def verdict(claim: str) -> Verdict:
        return Verdict([ClaimCheck(claim=claim, sentences=[married, died], score=0.9, supported=True)])

    wrong = check.run(frame, verdict("Ada Lovelace was 36 when she married, and she was 36 when she died."))
    assert wrong is not None and wrong.gate == "attribute"
    assert wrong.message == 'The sentence that gives 36 does not speak of "Ada Lovelace was 36 when she married".'
    assert check.run(frame, verdict("Ada Lovelace was 19 when she married, and she was 36 when she died.")) is None
    # One clause is left to the question's words: "How old was she when she died?" answered "She was 36."
    single = frame_question("How old was Ada Lovelace when she died?")
    assert check.run(single, verdict("Ada Lovelace was 36 years old.")) is None
    # "One" in a clause counts nothing: one figure, one clause, left to the question's words.
    capped = Sentence(article_id="c", start=0, end=52, text="Only one report puts her age at death at up to 36.")
    only = frame_question("Which report's figure for her age at death is the only one with an upper limit?")
    claim = "The report's figure is the only one with an upper limit, and that limit is 36."
    assert check.run(only, Verdict([ClaimCheck(claim=claim, sentences=[capped], score=0.9, supported=True)])) is None


def test_a_described_subjects_words_are_not_the_attribute_asked() -> None:
    question = "How much revenue did the start-up backed by Index Ventures and Founders Fund generate in 2024?"
    assert {"backed", "fund", "founders"} <= frame_question(question).description_words
    raised = (
        "Scale AI has raised more than $1 billion from a mix of investors, including Index Ventures and Founders Fund."
    )
    assert _ranked(question, "Scale AI generated $1 billion in revenue in 2024.", raised) == "attribute"
    made = "In 2024, Scale AI made US$870 million in revenue, backed by Index Ventures and Founders Fund."
    assert _ranked(question, "Scale AI generated US$870 million in 2024.", made) is None


def test_a_figure_moved_the_other_way_beside_the_answer_is_dropped_not_the_answer() -> None:
    # The draft copied a sentence about shares before its answer about sales (held-out w129): the share claim
    # moves against the question, the sales claim does not, so the first is dropped and the answer stands.
    shares = "Ford shares gained 2.3% to a level of US$2.69 in early trading on Wednesday."
    sales = "Other carmakers saw their sales slip: Ford Motor Company sales fell 41% in March."
    said = [Sentence(article_id="a", start=0, end=len(t), text=t) for t in (shares, sales)]
    check = BindingCheck(HashingEncoder(dim=64), lambda _: said, {"a": "GM sales plunge"})
    frame = frame_question("By what percentage did Ford's US sales fall in March 2009?")
    copied = ClaimCheck(shares, [said[0]], 1.0, True)
    answer = ClaimCheck("Ford's US sales fell 41% in March 2009.", [said[1]], 1.0, True)
    trimmed = check.trim(frame, Verdict([copied, answer]))
    assert trimmed.checks == [answer]
    assert check.run(frame, Verdict([copied, answer])) is not None  # untrimmed, the direction gate refuses it
    # Alone, the claim moved the other way is still refused: nothing else answers.
    alone = check.trim(frame, Verdict([copied]))
    assert alone.checks == [copied]
    problem = check.run(frame, alone)
    assert problem is not None and problem.gate == "direction"


def test_a_size_the_question_gives_its_model_must_be_stated_by_the_answers_sentence(fake_encoder) -> None:
    # Held-out w134 / w138: the article prices a 16 GB and a 32 GB model; a 64 GB one it never mentions.
    text = "The iPhone 3GS will be available in a 16 GB and 32 GB models, retailing for US$199 and $299 respectively."
    title = "Apple launches new, faster iPhone"
    assert _gate_of_claims(fake_encoder, "How much does the 32 GB iPhone 3GS cost?", text, title)("$299.") is None
    gate = _gate_of_claims(fake_encoder, "How much does the 64 GB iPhone 3GS cost?", text, title)
    assert gate("The 64 GB iPhone 3GS costs US$299.") == "subject"
    # The unit may be written out or joined to its number.
    spelled = "The model with 64 gigabytes of storage is priced at $399."
    assert _gate_of_claims(fake_encoder, "How much does the 64GB model cost?", spelled, title)("$399.") is None


def test_the_line_named_in_apposition_to_a_model_is_that_model(fake_encoder) -> None:
    # "The newest iPhone, iPhone 4 …" names the iPhone 4, not the original iPhone the question asks about (w001's
    # second draft borrowed this sentence); a bare "iPhone" in the 2007 report is still given the benefit.
    question = "At which event did Apple first show the original iPhone?"
    newest = "The newest iPhone, iPhone 4 was introduced by Steve Jobs at the 2010 Worldwide Developer's Conference."
    claim = "Apple first showed the original iPhone at the 2010 Worldwide Developer's Conference."
    assert _gate_of_claims(fake_encoder, question, newest, "Apple swamped by pre-orders")(claim) == "subject"
    first = "Apple Inc. today has introduced the much-anticipated iPhone at the Macworld Conference in San Francisco."
    answer = "Apple showed the original iPhone at the Macworld Conference."
    assert _gate_of_claims(fake_encoder, question, first, "Apple introduces iPhone and Apple TV")(answer) is None


def test_a_word_the_collection_writes_only_inside_other_names_does_not_find_a_name(fake_encoder) -> None:
    """ "United" of "United Kingdom" where the articles name only the United States; "Airbus" still finds "Airbus
    Power8", because the articles also write "Airbus" as a name of its own (Wikinews w207, w023)."""

    def said(text: str, article: str) -> Sentence:
        return Sentence(article_id=article, text=text, start=0, end=len(text))

    texts = {
        "us": ["Boeing unveiled its 787 in the United States.", "The plane costs US$150 million."],
        "uk": ["The United Kingdom price was £99.", "Airbus said the Airbus A380 flew."],
    }
    sentences = {a: [said(t, a) for t in ts] for a, ts in texts.items()}
    check = BindingCheck(fake_encoder, lambda a: sentences[a], {"us": "Boeing unveils 787", "uk": "Prices abroad"})
    kingdom = frame_question("What does the iPhone cost in the United Kingdom?")
    assert [sorted(g) for g in check.subject_groups(kingdom)] == [["=uk", "kingdom"]]
    assert not check.in_article(kingdom, "us"), "the United States is not the United Kingdom"
    assert check.in_article(kingdom, "uk")
    power8 = frame_question("How many jobs does Airbus Power8 cut?")
    assert "airbus" in check.subject_groups(power8)[0], "Airbus is written as a name of its own"
    # Without the collection's other names ("United" never seen elsewhere) every word of the name still finds it.
    alone = BindingCheck(fake_encoder, lambda a: sentences[a] if a == "uk" else [], {"uk": ""})
    assert "united" in alone.subject_groups(kingdom)[0]


def test_a_figure_whose_clause_names_another_holder_before_the_subject_is_not_the_subjects() -> None:
    """Wikinews w231 (held-out round 5): the MICEX is named only after the RTS's fall."""
    sentence = (
        "Before the suspension, the RTS exchange fell by 6.39 percent in just two hours, while the MICEX index "
        "started the day with an increase, before falling again."
    )
    question = "By how much did the MICEX index fall before trading on Russia's markets was suspended?"
    claim = "The MICEX index fell by 6.39 percent before trading was suspended."
    assert _ranked(question, claim, sentence, "Russian stock markets suspended") == "subject"
    asked = "By how much did the RTS exchange fall before trading on Russia's markets was suspended?"
    assert _ranked(asked, "The RTS exchange fell by 6.39 percent.", sentence, "Russian stock markets suspended") is None
    # Named before the figure, the subject is whose figure it is, whoever else its clause names.
    valued = "Scale AI, which Meta valued at US$29 billion, makes data for AI."
    assert _ranked("At what value was Scale AI valued?", "US$29 billion.", valued) is None


def test_the_report_of_another_day_of_a_run_does_not_answer_for_the_day_asked(fake_encoder) -> None:
    """Wikinews w100: asked of the third consecutive day of the suspension, answered from the second's report."""

    def said(text: str, article: str) -> Sentence:
        return Sentence(article_id=article, text=text, start=0, end=len(text))

    texts = {
        "second": ["Trading has been suspended for a second consecutive day.", "The government ordered it."],
        "third": ["The Russian markets continued to remain closed for a third day.", "Russia added US$19.7 billion."],
        "none": ["The government ordered the suspension."],
    }
    sentences = {a: [said(t, a) for t in ts] for a, ts in texts.items()}
    check = BindingCheck(fake_encoder, lambda a: sentences[a], {a: "" for a in texts})
    question = "Why was trading on Russia's stock markets suspended for a third consecutive day?"
    assert check._other_ordinal(question, [sentences["second"][1]]) == (
        "second consecutive day",
        "third consecutive day",
    )
    assert check._other_ordinal(question, [sentences["third"][1]]) is None
    assert check._other_ordinal(question, [sentences["none"][0]]) is None, "a report that counts no days may be it"
    assert check._other_ordinal("Why was trading suspended?", [sentences["second"][1]]) is None


def test_the_n_th_of_a_thing_is_not_answered_by_an_article_that_ranks_it_otherwise(fake_encoder) -> None:
    """Wikinews w468: the first prototype's registration is not the second prototype's."""
    text = (
        "The first A380 prototype was unveiled in Toulouse. Its serial number is 001, and it is registered F-WWOW. "
        "The second model, the A380-800F, will carry 150 tons."
    )
    said = sentences_of_text("a", text)
    check = BindingCheck(fake_encoder, lambda a: said, {"a": "World's largest airliner makes first flight"})
    asked = "Under what registration is the second A380 prototype registered?"
    assert check._other_ordinal(asked, [said[1]]) == ("first A380 prototype", "second A380 prototype")
    assert check._other_ordinal("Under what registration is the first A380 prototype registered?", [said[1]]) is None
    # "second" ranks the model too, but no word of this question: nothing to tell apart.
    assert check._other_ordinal("How much will the second freighter carry?", [said[2]]) is None
    assert check._other_ordinal("Under what registration is the A380 prototype registered?", [said[1]]) is None
    # Wikinews w040: a report that also ranks a second A380 may give the first one's delay in another sentence.
    delayed = sentences_of_text("b", "The A380 was delivered two years late. A second A380 is also travelling.")
    check = BindingCheck(fake_encoder, lambda a: delayed, {"b": "A380 makes maiden flight to US"})
    assert check._other_ordinal("How late was the first A380 delivered?", [delayed[0]]) is None
    from rag.stages.binding.figures import _ranked as ranked_words

    assert ranked_words("the first of the A380s") == {}


def test_a_place_is_mentioned_by_its_peoples_word() -> None:
    """Wikinews w218: "the Russian government's Federal Service" is about Russia; "Metal" is not about Meta."""
    from rag.stages.binding.names import _mentioned

    assert _mentioned(frozenset({"russia"}), {"russian", "government"})
    assert _mentioned(frozenset({"japan"}), {"japanese"})
    assert _mentioned(frozenset({"japanese"}), {"japan"})
    assert not _mentioned(frozenset({"meta"}), {"metal"})
    assert not _mentioned(frozenset({"russia"}), {"russell"})


def test_an_occasion_with_a_figure_is_spoken_of_by_a_report_that_writes_it(fake_encoder) -> None:
    """Wikinews w252 (held-out round 6): "on the day the Dow Jones closed below 9,000" is not the day of a report
    that shares the clause's words but not its 9,000; a model's number ("iPhone 4") or a year is no such figure."""
    from rag.stages.occasion import OccasionCheck

    texts = {
        "oct": "The Dow Jones closed below 9,000. The Hang Seng closed up 511.51 points.",
        "sep": "The Hang Seng closed at 17,849.97 points, below its high.",
        "jobs": "Steve Jobs resigned as CEO; shares fell below US$400.",
    }
    check = BindingCheck(fake_encoder, lambda _id: [], {a: "" for a in texts}, occasion=OccasionCheck(texts))
    asked = frame_question("How many points did the Hang Seng lose on the day the Dow Jones closed below 9,000?")
    assert check.speaks_of_occasion(asked, "oct")
    assert not check.speaks_of_occasion(asked, "sep"), "closed, below: the words, but not the 9,000"
    resigned = frame_question("By how much did Apple's shares fall when the CEO who unveiled the iPhone 4 resigned?")
    assert check.speaks_of_occasion(resigned, "jobs"), "the iPhone 4's number names the phone"


def test_a_sentence_whose_subject_is_a_description_is_about_what_its_lead_names(fake_encoder) -> None:
    """Wikinews w241 (held-out round 6): "The test flight lasted four hours, … from Toulouse" names a place, not the
    A380, but its subject is the flight the article's lead names."""

    def said(text: str) -> Sentence:
        return Sentence(article_id="a", text=text, start=0, end=len(text))

    lead = said("The world's largest passenger aircraft, the Airbus A380, has made its maiden flight from Toulouse.")
    other = said("Around 50,000 people watched it near Toulouse.")
    flight = said("The test flight lasted four hours, with the aircraft no further than 100 miles from Toulouse.")
    named = said("Toulouse hosted a ceremony for 500 guests.")
    check = BindingCheck(fake_encoder, lambda _id: [lead, other, said("More watched."), flight, named], {"a": ""})
    frame = frame_question("How long did the A380's maiden test flight last?")
    assert check._missing_subjects(frame, [flight]) == ""
    assert check._missing_subjects(frame, [named]) == "A380", "a sentence on another subject by name is not"


def test_a_year_a_comparison_reaches_back_to_is_not_the_figures_year(fake_encoder) -> None:
    # Held-out round 11, w355: "February's 9.12 million, which was the lowest number since 1981" is 2009's figure.
    check = BindingCheck(fake_encoder, lambda _id: [], {}, dates={"a": "2009-04-01"})
    lowest = "Sales dipped below nine million, compared to February's 9.12 million, the lowest number since 1981."
    question = "What were annualised US vehicle sales in February 2009?"
    assert check.other_year(question, [Sentence(article_id="a", text=lowest, start=0, end=len(lowest))]) == ""
    stated = "Sales were 9.12 million in 1981."
    assert check.other_year(question, [Sentence(article_id="a", text=stated, start=0, end=len(stated))]) == "1981"


def test_a_percentage_loss_is_a_fall_not_a_profit_figure() -> None:
    # Held-out round 11, w356: "Chrysler and the Japanese Toyota both reported a 39% loss" of their sales.
    said = (
        "Other makers also saw car sales slip: Chrysler and Toyota both reported a 39% loss, while Ford sales fell 41%."
    )
    question = "By what percentage did Toyota's US sales fall in March 2009?"
    assert _ranked(question, "Toyota's sales fell 39%.", said, "Car sales plunge") is None
    money = "Toyota reported a US$39 million loss in March."
    revenue = "How much revenue did Toyota report in March?"
    assert _ranked(revenue, "Toyota reported US$39 million.", money, "Toyota reports") == "attribute"


def _one_report(text: str, title: str) -> tuple[list[Sentence], BindingCheck]:
    """The sentences of one article "a" under ``title``, and a binder that reads only it."""
    pool = sentences_of_text("a", text)
    return pool, BindingCheck(HashingEncoder(dim=64), lambda _a: pool, {"a": title})


def test_it_under_a_title_of_two_subjects_is_the_one_named_just_before() -> None:
    # Held-out round 11, w371 (adversarial): the iPhone's 3.5-inch display is no answer about the Apple TV.
    text = (
        "Apple today introduced the iPhone at Macworld. The iPhone is claimed to be a revolutionary phone. "
        "It has a 3.5-inch touchscreen display. Apple TV connects to a computer over a wireless network"
    )
    pool, check = _one_report(text, "Apple introduces iPhone and Apple TV")
    display = Verdict([ClaimCheck("A 3.5-inch display.", [pool[2]], 1.0, True)])
    refused = check.run(frame_question("What size is the Apple TV's display?"), display)
    assert refused is not None and refused.gate == "subject"
    assert check.run(frame_question("What size is the iPhone's display?"), display) is None
    assert not check.about(frame_question("What size is the Apple TV's display?"), pool[2])


def test_a_country_asked_is_the_one_a_sentence_names_otherwise() -> None:
    # Held-out round 40, w1067: Britain's index is "the primary UK index"; it is no index of France's.
    pool, check = _one_report("The primary UK index, the FTSE 100, rose in value by 8.04% to 5272.50.", "Shares rise")
    level = Verdict([ClaimCheck("5272.50.", [pool[0]], 1.0, True)])
    assert check.run(frame_question("What level did Britain's primary share index reach?"), level) is None
    refused = check.run(frame_question("What level did France's primary share index reach?"), level)
    assert refused is not None and refused.gate == "subject"


def test_a_name_that_says_what_kind_is_asked_may_be_placed_earlier_in_the_article() -> None:
    # Held-out round 40, w1063: the sentence names the index; its article said two sentences up that it is Asian.
    text = (
        "Stock markets across the world have fallen sharply. Asian markets saw the biggest sell-off. Japan also saw "
        "a collapse of an insurer. The Hang Seng, which was one of the few markets that was positive yesterday, fell "
        "7.19%. In Europe, markets dropped at the open."
    )
    pool, check = _one_report(text, "Global markets plunge")
    hang_seng = Verdict([ClaimCheck("The Hang Seng.", [pool[3]], 1.0, True)])
    asked = "Which Asian index had been one of the few markets in positive territory the day before?"
    assert check.run(frame_question(asked), hang_seng) is None
    # Only a name the article gave before the sentence, not one it gives after.
    later, check = _one_report(
        "Stock markets across the world have fallen sharply. Japan also saw a collapse of an insurer. The Hang Seng, "
        "which was one of the few markets that was positive yesterday, fell 7.19%. Asian markets saw the biggest "
        "sell-off.",
        "Global markets plunge",
    )
    hang_seng = Verdict([ClaimCheck("The Hang Seng.", [later[2]], 1.0, True)])
    refused = check.run(frame_question(asked), hang_seng)
    assert refused is not None and refused.gate == "subject"
    assert "Which" not in refused.message


def test_money_lost_in_a_quarter_is_a_loss_not_the_quarters_revenue() -> None:
    # Held-out round 12, w396 (adversarial): the asked quarter in the clause does not make the loss its revenue.
    said = (
        "General Motors announced it has lost US$6 billion in the first quarter of 2009, amidst heavy declines in "
        "revenues."
    )
    question = "What was General Motors' revenue in the first quarter of 2009?"
    assert _ranked(question, "US$6 billion.", said, "GM reports losses") == "attribute"
    lost = "How much money did General Motors lose in the first quarter of 2009?"
    assert _ranked(lost, "US$6 billion.", said, "GM reports losses") is None


def test_a_name_in_the_figures_own_noun_is_what_it_counts() -> None:
    # Held-out round 12, w388: "European political leaders and 5,000 VIP guests" counts VIP guests, not Europeans.
    said = (
        "In a ceremony attended by several European political leaders and 5,000 VIP guests, Airbus unveiled the A380."
    )
    question = "How many VIP guests attended the ceremony at which Airbus unveiled the A380?"
    assert _ranked(question, "5,000 VIP guests.", said, "Airbus launches world's largest passenger plane") is None


def test_a_sentence_states_the_asked_year_itself_or_by_last_year(fake_encoder) -> None:
    # Held-out round 12, w374: the retry after another year's figure is shown the sentences that state the asked one.
    check = BindingCheck(fake_encoder, lambda _id: [], {}, dates={"a": "2009-05-07"})
    question = "How much did GM lose in the first quarter of 2008?"

    def said(text: str) -> Sentence:
        return Sentence(article_id="a", text=text, start=0, end=len(text))

    assert check.states_asked_year(
        question, said("In the first quarter of last year, GM reported a $381 million loss.")
    )
    assert check.states_asked_year(question, said("GM lost $2 billion in 2008."))
    assert not check.states_asked_year(question, said("GM lost $6 billion in the first quarter of 2009."))
    assert not check.states_asked_year(question, said("It lost a net $5.9 billion."))


def test_a_name_in_the_clause_dating_a_why_questions_event_is_not_whom_it_is_of() -> None:
    # Held-out round 13, w407: the markets were closed; Steve Jobs only dates the day.
    text = (
        "Steve Jobs announced Monday that he would be on medical leave. The statement caused a sharp decrease of Apple "
        "share prices in foreign markets, while US markets were closed in honor of Martin Luther King"
    )
    pool, check = _one_report(text, "Apple CEO Steve Jobs on medical leave")
    why = frame_question("Why were US markets closed on the day Steve Jobs announced his January 2011 medical leave?")
    assert why.event == "closed" and check.premise(why, pool) is None
    # The clause's name is still held to where the question takes for granted what he did.
    fired = frame_question("Why did Steve Jobs close the markets on the day Tim Cook took charge?")
    refused = check.premise(fired, pool)
    assert refused is not None and refused.gate == "premise_relation"


def test_a_month_answers_when_only_from_a_sentence_on_what_happens_then() -> None:
    # Held-out round 13, w409: a month is in many sentences; only one says the terminal opens then.
    question = (
        "In which month will Changi Airport's Terminal 3 open, according to the report on the A380 delivery flight?"
    )
    flight = "The first test flight of the A380 may take place as early as March from Singapore's Changi Airport."
    opens = "The SGD1.75-billion Terminal 3 at Changi Airport will open its doors in January next year."
    said = "Mark Zuckerberg said in January that Meta would spend as much as US$65 billion this year."
    pool = [Sentence(article_id="a", start=0, end=len(t), text=t) for t in (flight, opens, said)]
    # Wide enough that the hashing fake puts no word of these sentences next to "open" (the real model does not).
    check = BindingCheck(HashingEncoder(dim=1024), lambda _a: pool, {"a": "Airbus launches the A380"})
    frame = frame_question(question)
    assert check._when_unstated(frame, "March.", [pool[0]]) == "open"
    assert check._when_unstated(frame, "January.", [pool[1]]) == ""
    # A day of the month too, and what happens is the verb closing the question: GM's June 1 deadline is for its
    # restructuring plan, a sentence with the swap offer's "debt" but no expiry (held-out round 38, w1012).
    deadline = Sentence(
        article_id="a",
        start=0,
        end=120,
        text="The automaker has a June 1 deadline to finish a government restructuring plan that includes other debt "
        "reduction measures.",
    )
    swap = frame_question("On what date did GM's offer to swap its bondholders' debt for stock expire?")
    assert check._when_unstated(swap, "June 1.", [deadline]) == "expire"
    # The day's 1 is a figure to the gate, which asks this of it all the same.
    refused = check.run(swap, Verdict([ClaimCheck("June 1.", [deadline], 0.9, True)]))
    assert refused is not None and refused.gate == "attribute" and "expire" in refused.message
    plan = frame_question("By what date did GM have to finish a government restructuring plan?")
    assert check._when_unstated(plan, "June 1.", [deadline]) == ""
    # Telling is not what happens: "said in January" answers when he announced it.
    assert (
        check._when_unstated(frame_question("When did Mark Zuckerberg announce that figure?"), "January.", [pool[2]])
        == ""
    )


def test_he_after_a_sentence_naming_another_is_not_the_asked_person() -> None:
    # Held-out round 16, w489 (adversarial): Papermaster's 25 years at IBM are not Bob Mansfield's.
    text = (
        "Papermaster's post will be filled by Bob Mansfield, Apple's senior vice president. "
        "Papermaster had been with Apple since November 2008. "
        "He had previously held a senior position with IBM, where he had worked for 25 years."
    )
    pool, check = _one_report(text, "Apple executive leaves company")
    years = Verdict([ClaimCheck("Bob Mansfield had worked at IBM for 25 years.", [pool[2], pool[0]], 1.0, True)])
    refused = check.run(frame_question("How long had Bob Mansfield worked at IBM?"), years)
    assert refused is not None and refused.gate == "subject" and "Papermaster" in refused.message
    assert check.run(frame_question("How long had Mark Papermaster worked at IBM?"), years) is None


def test_he_that_reaches_further_back_or_names_the_cited_speaker_is_not_read() -> None:
    # Wikinews w166: "He" is Henderson, whom the question cites; the figure is GM's, named in the sentence.
    text = (
        "GM chief executive Fritz Henderson spoke in New York. "
        "He stated that the plan for General Motors had the support of the unions. "
        "He also mentioned that GM had already received $1.5 million in bridge financing from the German government."
    )
    pool, check = _one_report(text, "CEO of GM outlines plan")
    money = Verdict([ClaimCheck("$1.5 million.", [pool[2]], 1.0, True)])
    question = "How much bridge financing had GM received from the German government, according to Henderson?"
    assert check.run(frame_question(question), money) is None


def test_an_answer_about_another_kind_of_flight_is_refused() -> None:
    # Held-out round 16, w477: the maiden flight's take-off is no answer for the first commercial flight's.
    maiden = "The Airbus A380 has made its maiden flight after lifting off from Toulouse in France."
    question = "From which airport was the A380's first commercial flight expected to take off?"
    assert _ranked(question, "Toulouse.", maiden, "A380 makes first flight") == "occasion"
    assert _ranked(question, "Toulouse.", maiden, "First A380 enters commercial service") is None
    charity = 'The first flight will take off for a "special charity-flight" from Singapore and land in Sydney.'
    assert _ranked("Where did the A380's charity flight land?", "Sydney.", charity, "First A380 delivered") is None


def test_an_answer_whose_sentence_does_not_count_the_asked_span_of_time_is_refused() -> None:
    # Held-out round 16, w474: the day's fall of 678 points is not the nine days' fall.
    question = "How many points had the Dow Jones fallen in the nine days before it closed at 8,579.19?"
    day = "The Dow Jones fell 678 points or more than 7.3% to below 9,000, closing at 8,579.19."
    assert _ranked(question, "678 points.", day, "Dow Jones falls below 9,000") == "period"
    nine = "The index fell over 2,000 points in the past nine days to reach its lowest level since 2003."
    assert _ranked(question, "Over 2,000 points.", nine, "Dow Jones falls below 9,000") is None


def test_a_sentence_pointing_back_to_its_articles_product_states_the_premise_of_it() -> None:
    # Held-out round 16, w476: "six of these aeroplanes" are the A380s the article's lead names.
    text = (
        "Airbus unveiled plans for the A380, a twin-deck aircraft. The aircraft will take the world's-largest title. "
        "Airbus hopes that sales will exceed 700. "
        "British and American airline Virgin Atlantic has purchased six of these aeroplanes."
    )
    pool, check = _one_report(text, "Airbus launches world's largest passenger plane")
    assert check.premise(frame_question("How many A380s has Virgin Atlantic purchased?"), pool) is None
    refused = check.premise(frame_question("How many A380s has Lufthansa purchased?"), pool)
    assert refused is not None and refused.gate == "premise_relation"


def test_an_answer_from_another_variant_of_the_asked_model_is_refused() -> None:
    # Wikinews w419 and w466 (adversarial): the 787-8's seats are not the 787-10's, the freighter's cargo not the
    # passenger model's.
    seats = "The 787-8 holds between 210 and 250 passengers; the 787-9 holds 250 to 290."
    question = "How many passengers does the 787-10 hold?"
    assert _ranked(question, "Between 210 and 250 passengers.", seats, "Boeing rolls out 787") == "subject"
    assert _ranked(question.replace("787-10", "787-8"), "Between 210 and 250.", seats, "Boeing rolls out 787") is None
    cargo = "The second model, the A380-800F dedicated freighter, will carry 150 tons of cargo."
    asked = "How much cargo will the A380-800 passenger model carry?"
    assert _ranked(asked, "150 tons of cargo.", cargo, "A380 makes first flight") == "subject"


def test_a_figure_of_the_peer_a_sentence_opens_with_is_not_the_asked_peers() -> None:
    # Wikinews w345 (adversarial): under a title on GM and Chrysler, GM's plan to close five factories is GM's.
    title = "US automakers GM and Chrysler seek more government aid"
    said = "GM plans to lay off 47,000 employees and close five factories."
    question = "How many factories did Chrysler plan to close, according to its February 2009 plan?"
    assert _ranked(question, "Five factories.", said, title) == "subject"
    assert _ranked(question.replace("Chrysler", "GM"), "Five factories.", said, title) is None
    # Under a title of one subject, the name a sentence opens with may well hold its figure.
    bank = "Central Bank chairman Sergei Ignatiev announced reserve cuts, freeing up 300 billion roubles."
    asked = "How much did cutting banks' reserve requirements free up in Russia?"
    assert _ranked(asked, "300 billion roubles.", bank, "Russian markets to remain closed") is None


def test_a_report_does_not_tell_of_a_later_years_doings(fake_encoder) -> None:
    # Wikinews w212 (false premise): a 2007 report's "2 hour speech" is no speech of 2009.
    check = BindingCheck(fake_encoder, lambda _id: [], {}, dates={"a": "2007-01-10"})
    question = "How long did Steve Jobs's speech last when he unveiled the Apple TV in 2009?"
    speech = 'During his 2 hour speech he stated that "Today Apple is going to reinvent the phone".'
    said = Sentence(article_id="a", start=0, end=len(speech), text=speech)
    assert check.other_year(question, [said]) == "2007"
    # What it expects of that year, it may tell; and a report of 2009 may tell of 2009.
    ahead = "Apple expects to sell 10 million iPhones."
    assert check.other_year(question, [Sentence(article_id="a", start=0, end=len(ahead), text=ahead)]) == ""
    assert check.other_year(question.replace("2009", "2007"), [said]) == ""


def test_a_load_cited_beside_another_kind_of_flight_is_that_flights() -> None:
    # Wikinews w463 (adversarial): the test equipment was on board the maiden flight.
    maiden = "The Airbus A380 has made its maiden flight after lifting off from Toulouse in France."
    load = "The aircraft flew with a flight crew of six and twenty tonnes of test equipment on board."
    pool = [Sentence(article_id="a", start=i, end=i + len(t), text=t) for i, t in ((0, maiden), (100, load))]
    check = BindingCheck(HashingEncoder(dim=64), lambda _a: pool, {"a": "A380 makes first flight"})
    claim = ClaimCheck(
        "The A380 carried twenty tonnes of test equipment on its first commercial flight.", pool, 1, True
    )
    question = "How much test equipment did the A380 carry on its first commercial flight?"
    refused = check.run(frame_question(question), Verdict([claim]))
    assert refused is not None and refused.gate == "occasion"
    assert check.run(frame_question(question.replace("first commercial", "maiden")), Verdict([claim])) is None


def _reports_with_occasions(texts: dict[str, str], title: str) -> tuple[dict[str, list[Sentence]], BindingCheck]:
    """The sentences of each report ({id: text}, every one under ``title``), and a binder that reads their
    occasions."""
    pools = {a: sentences_of_text(a, t) for a, t in texts.items()}
    check = BindingCheck(
        HashingEncoder(dim=64), lambda a: pools[a], {a: title for a in texts}, occasion=OccasionCheck(texts)
    )
    return pools, check


def test_a_figure_told_again_by_the_report_of_the_occasion_is_that_occasions() -> None:
    # Round 24, w667: two reports of one day share the FTSE's fall ("UK" in one, "British" in the other); the
    # verifier cited the one that never names Russia's suspended markets, the occasion the question names.
    texts = {
        "world": "Stock markets fell. The primary UK index, the FTSE 100, dropped in value by 2.36%, which is 118.40 "
        "points, to 4907.20.",
        "russia": "Trading on Russia's stock markets has been suspended for a second consecutive day. The primary "
        "British index, the FTSE 100, dropped in value by 2.36%, which is 118.40 points, to 4907.20.",
        "other": "Trading on Russia's stock markets has been suspended for a second consecutive day. The FTSE 100 "
        "dropped 2.36% in a week.",
    }
    pools, check = _reports_with_occasions(texts, "Markets")
    question = (
        "By what percentage did the FTSE 100 drop on the day Russia's stock markets were suspended for a second "
        "consecutive day?"
    )
    cited = pools["world"][1]
    claim = ClaimCheck("The FTSE 100 dropped by 2.36%, which is 118.40 points.", [cited], 1.0, True)
    assert check.run(frame_question(question), Verdict([claim])) is None
    # One shared figure is not the same sentence told again: "2.36% in a week" does not vouch for the day's fall.
    _, check = _reports_with_occasions({a: t for a, t in texts.items() if a != "russia"}, "Markets")
    refused = check.run(frame_question(question), Verdict([claim]))
    assert refused is not None and refused.gate == "occasion"


def test_a_title_cited_beside_the_answers_sentence_does_not_make_its_flight_the_asked_one() -> None:
    # Round 16, w477: the maiden flight's take-off, cited beside the title "First A380 enters commercial service".
    maiden = "The Airbus A380 has made its maiden flight after lifting off from Toulouse in France."
    title = "First A380 enters commercial service"
    pool = [Sentence(article_id=a, start=0, end=len(t), text=t) for a, t in (("a", maiden), ("b", title))]
    check = BindingCheck(
        HashingEncoder(dim=64), lambda a: [s for s in pool if s.article_id == a], {"a": "", "b": title}
    )
    claim = ClaimCheck("The first commercial flight took off from Toulouse.", pool, 1.0, True)
    question = "From which airport was the A380's first commercial flight expected to take off?"
    refused = check.run(frame_question(question), Verdict([claim]))
    assert refused is not None and refused.gate == "occasion"


def test_a_figure_is_of_the_year_its_own_clause_states() -> None:
    # Round 17, w515 (adversarial): the six months off were in 2009; the sentence names 2004 for the cancer.
    said = "He fought pancreatic cancer in 2004 and took six months off in early 2009."
    title = "Steve Jobs on medical leave"
    assert _ranked("How long did Steve Jobs take off in early 2004?", "Six months.", said, title) == "year"
    # The answer restating the clause's year does not make it the asked one.
    restated = "Steve Jobs took six months off in early 2009."
    assert _ranked("How long did Steve Jobs take off in early 2004?", restated, said, title) == "year"
    assert _ranked("How long did Steve Jobs take off in early 2009?", "Six months.", said, title) is None
    # A year that is the answer is what it says: "until October 2007", asked of a report of 2006.
    late = "The delivery will be delayed until October 2007."
    asked = "Until when was delivery of Singapore Airlines' first A380 delayed, as reported in October 2006?"
    assert _clause_year(asked, [Sentence(article_id="a", start=0, end=len(late), text=late)], {2007.0}) == ""


@pytest.mark.parametrize(
    ("question", "act"),
    [
        ('Which consumer group gave the iPhone 4 a "recommended" rating?', "gave"),
        ("Which New York University doctor performed Steve Jobs's liver transplant?", "performed"),
        ("Who replaced Rick Wagoner at the head of General Motors?", "replaced"),
        ("Which company did Steve Jobs found after he was fired?", None),  # the doer is not what is asked
        ("What were annualised US vehicle sales in February 2009?", None),  # an auxiliary: no deed
        ("What product with virtual and augmented reality features are they building?", None),  # a described thing
        ("Which news organisation reported the deal?", None),  # a report is worded "according to …"
    ],
)
def test_the_deed_a_who_or_which_question_asks_the_doer_of(question: str, act: str | None) -> None:
    assert frame_question(question).act == act


def test_a_deed_the_sentence_denies_is_refused() -> None:
    # Round 17, w514 (adversarial): Consumer Reports "declined to give" the rating the question says it gave.
    said = 'Consumer Reports declined to give Apple\'s newest phone a "recommended" rating due to the antenna.'
    title = "Apple to give free cases"
    asked = 'Which consumer group gave the iPhone 4 a "recommended" rating?'
    assert _ranked(asked, "Consumer Reports.", said, title) == "relation"
    # Asked as the articles say it, the same sentence answers; a sentence that writes the deed once affirmed does too.
    assert _ranked(asked.replace("gave", "declined to give"), "Consumer Reports.", said, title) is None
    given = "Consumer Reports gave it a rating after it had not given one before."
    assert _ranked(asked, "Consumer Reports.", given, title) is None


def test_a_deed_the_sentence_does_not_write_is_left_to_the_other_checks() -> None:
    # Gold w006: "replaced" is worded "became chief executive"; only a denial is read, not an absence.
    said = "Fritz Henderson became chief executive of General Motors after Rick Wagoner resigned."
    asked = "Who replaced Rick Wagoner at the head of General Motors?"
    assert _ranked(asked, "Fritz Henderson.", said, "GM chief executive resigns") is None


def test_a_company_asked_by_its_initials_is_the_one_written_out_before() -> None:
    # Round 18, w522: "This was … the fourth largest bankruptcy filing" follows "General Motors filed …".
    text = (
        "General Motors filed for bankruptcy protection in a New York federal bankruptcy court. "
        "This was the fourth largest bankruptcy filing in recent U.S. history, after the bankruptcies of Lehman "
        "Brothers and WorldCom."
    )
    pool, check = _one_report(text, "U.S. manufacturer seeks bankruptcy protection")
    fourth = Verdict([ClaimCheck("Fourth largest.", [pool[1]], 1.0, True)])
    question = "Where did GM's bankruptcy filing rank among the bankruptcies in recent US history?"
    assert check.run(frame_question(question), fourth) is None
    assert check.run(frame_question(question.replace("GM's", "Ford's")), fourth) is not None


def test_a_sentence_opening_with_a_preposition_and_naming_the_new_company_is_about_its_subjects() -> None:
    # Round 19, w551: "Of GM's profitable ventures in China, … he stated …" names no one but GM ("the New GM"
    # is GM) and China, so it speaks of its article's lead, Henderson's press conference.
    pool = sentences_of_text(
        "a",
        "Fritz Henderson, the chief executive of General Motors, outlined a plan for a New GM. "
        "Of GM's profitable ventures in China, specifically, he stated that they were a critical part of the New GM.",
    )
    check = BindingCheck(HashingEncoder(dim=64), lambda _a: pool, {"a": "CEO of GM outlines plan"}, similar=0.99)
    frame = frame_question("How did Henderson describe GM's profitable ventures in China?")
    assert check.premise(frame, pool[1:]) is None
    assert "of" not in check.names(pool[1].text)


def test_he_said_after_an_opening_phrase_is_the_speaker_named_before() -> None:
    # Round 19, w549: "Speaking to the public he said …" is Henderson's, named in the sentence before.
    text = (
        "Fritz Henderson, the chief executive of General Motors, outlined a plan in New York. "
        'Speaking to the public he said that "The GM that let you down is history."'
    )
    pool, check = _one_report(text, "CEO outlines plan")
    said = Verdict([ClaimCheck("The GM that let you down.", [pool[1]], 1.0, True)])
    assert check.run(frame_question("What did Henderson say was history?"), said) is None
    assert check.run(frame_question("What did Wagoner say was history?"), said) is not None


@pytest.mark.parametrize(
    ("question", "claim", "sentence", "gate"),
    [
        # Round 20, w567: a rise stated by its adverb at the figure states the rise asked, beside "a large fall".
        (
            "By how much did the Nikkei rise on 17 September 2008?",
            "1.2%.",
            "It ended up 1.2%, although this follows a large fall in the value of the index.",
            None,
        ),
        ("By how much did the Dax fall?", "1.75%.", "The Dax was 1.75% lower than the start of the day.", None),
        ("By how much did the Nikkei rise?", "1.2%.", "The Nikkei set up a fund of 1.2% after a fall.", "attribute"),
        # w573: the figure of a namesake ("Merval 25") beside one the subject's own clause gives.
        (
            "By what percentage did the Merval index drop on 6 October 2008?",
            "10.03%.",
            "It dropped in value by 10.12%, while the affiliated Merval 25 index dropped by nearly as much, 10.03%.",
            "subject",
        ),
        (
            "By what percentage did the Merval index drop on 6 October 2008?",
            "10.12%.",
            "It dropped in value by 10.12%, while the affiliated Merval 25 index dropped by nearly as much, 10.03%.",
            None,
        ),
        ("By how much did the Merval fall?", "3%.", "The Merval 25 index fell 3% in early trading.", None),
        # w587: a sum given for each one is no total.
        (
            "What total debt did Chrysler declare in its bankruptcy filing?",
            "More than $10 million each to 20 creditors.",
            "The filing indicated that Chrysler was in debt to 20 creditors to a tune of more than $10 million each.",
            "attribute",
        ),
        (
            "What debt did Chrysler declare in its bankruptcy filing?",
            "More than $10 million each to 20 creditors.",
            "The filing indicated that Chrysler was in debt to 20 creditors to a tune of more than $10 million each.",
            None,
        ),
        # w370: a concessive clause's subject is not the main clause's, which holds the figure.
        (
            "By what vote did the House approve the auto bailout measures?",
            "52-35.",
            "Although the House approved the measures, the Senate voted the proposition down with a vote of 52-35.",
            "subject",
        ),
        (
            "What was the Senate's vote on the auto bailout measures?",
            "52-35.",
            "Although the House approved the measures, the Senate voted the proposition down with a vote of 52-35.",
            None,
        ),
    ],
)
def test_round_20_figures_bound_to_their_move_subject_and_total(
    question: str, claim: str, sentence: str, gate: str | None
) -> None:
    assert _moved(question, claim, sentence) == gate


def test_a_place_the_question_confines_the_answer_to_must_be_in_the_answers_article() -> None:
    # Round 21, w609 (adversarial): Ford's US sales fall is no Canadian figure; Chrysler's sentence names Canada.
    ford = "Chrysler reported a 39% loss, whilst Ford Motor Company sales fell 41%."
    question = "By what percentage did Ford's auto sales volume in Canada drop compared to March 2008?"
    assert _moved(question, "41%.", ford) == "subject"
    assert _moved(question.replace(" in Canada", ""), "41%.", ford) is None
    canada = "As a result, Ford's auto sales volume in Canada dropped 23% compared to March of 2008."
    assert _moved(question, "23%.", canada) is None


def test_a_concessive_clause_that_gives_the_answers_figure_is_the_subjects_own() -> None:
    # Wikinews w225: the Nikkei's close is in the "While …" clause (its "11,489.30" holds a comma), beside the Hang
    # Seng's figures in the main clause; an answer giving all three is not the Hang Seng's.
    sentence = (
        "While Japan's Nikkei index closed at a three-year low of 11,489.30 points, and the Hang Seng bottomed out at "
        "16,283.72 points before closing at 17,849.97 points."
    )
    question = "At what level did Japan's Nikkei index close on the day the central banks announced the swap lines?"
    assert _moved(question, "11,489.30 points.", sentence) is None
    assert _moved(question, "11,489.30, 16,283.72 and 17,849.97 points.", sentence) is None


def test_a_figure_of_an_article_whose_lead_names_another_model_is_not_the_asked_models() -> None:
    # Round 22, w630 (adversarial): the sentence and title name no model; the lead unveils the A380. Citing a sentence
    # of another article that names the A350 beside it does not make the March test flight the A350's.
    lead = Sentence(article_id="a", start=0, end=60, text="In a ceremony, Airbus unveiled plans for the A380 airliner.")
    month = Sentence(
        article_id="a", start=61, end=150, text="The first test flight of the aircraft may take place as early as 2006."
    )
    a350 = Sentence(
        article_id="b", start=0, end=70, text="Airbus is preparing to release a similar aircraft, the A350."
    )
    article = {"a": [lead, month], "b": [a350]}
    check = BindingCheck(
        HashingEncoder(dim=64), lambda a: article[a], {"a": "Airbus launches largest plane", "b": "Boeing 787 flies"}
    )
    claim = ClaimCheck("The first test flight of the Airbus A350 may take place in 2006.", [month, a350], 1.0, True)
    problem = check.run(frame_question("When did the Airbus A350 make its first test flight?"), Verdict([claim]))
    assert problem is not None and problem.gate == "subject" and "A380" in problem.message
    asked = frame_question("When did the Airbus A380 make its first test flight?")
    assert check.run(asked, Verdict([ClaimCheck("In 2006.", [month], 1.0, True)])) is None


def test_a_figure_for_those_the_subject_only_describes_is_not_the_subjects() -> None:
    # Round 23 (w608, adversarial): aid "to help sub-contractors which supply Airbus" is not aid given to Airbus.
    aid = (
        "The Belgian government has announced that it will give up to 150 million (US$199 million) in aid to help "
        "sub-contractors which supply Airbus and employ thousands of workers."
    )
    said = Sentence(article_id="a", start=0, end=len(aid), text=aid)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": "A380 makes maiden flight to US"})
    asked = frame_question("How much aid did the Belgian government give directly to Airbus?")
    problem = check.run(asked, Verdict([ClaimCheck("Up to 150 million.", [said], 1.0, True)]))
    assert problem is not None and problem.gate == "subject"
    assert "sub-contractors which supply Airbus, not for Airbus" in problem.message
    # Asked of those described, or told with a comma ("Airbus, which …") describing the subject itself: answered.
    assert _moved("How much aid did Belgium give to help Airbus sub-contractors?", "Up to 150 million.", aid) is None
    told = "The government gave up to 150 million in aid to Airbus, which employs thousands of workers."
    assert _moved("How much aid did the government give to Airbus?", "Up to 150 million.", told) is None


def test_a_pronoun_after_a_sentence_whose_own_pronoun_comes_first_reaches_further_back() -> None:
    # Round 23, w650: "He pointed to …" follows "Of the government ownership he stated that he refused to let
    # General Motors …": not General Motors' words (a company is no "he") but Obama's, named earlier.
    text = (
        "President Barack Obama presented a reorganization plan for General Motors. "
        'Of the government ownership he stated that he refused "to let General Motors and Chrysler become wards of '
        'the state". '
        'He stated that General Motors was a "more complex company" than Chrysler.'
    )
    pool, check = _one_report(text, "Barack Obama presents rescue plan after GM declaration of bankruptcy")
    said = Verdict([ClaimCheck("General Motors.", [pool[2]], 1.0, True)])
    asked = 'Which company did Obama describe as a "more complex company" than Chrysler?'
    assert check.run(frame_question(asked), said) is None
    # After a sentence that names someone else first, "he" is still read as that one.
    other = "Fritz Henderson said he would speak for GM. He stated that GM was a more complex company than Chrysler."
    pool, check = _one_report(other, "GM report")
    said = Verdict([ClaimCheck("GM.", [pool[1]], 1.0, True)])
    problem = check.run(frame_question(asked), said)
    assert problem is not None and problem.gate == "subject"


def test_a_run_of_sentences_referring_back_is_followed_to_whom_they_refer_to() -> None:
    # Round 25, w694: "…; he first observed …" comes four "he" sentences after Henderson is named; each of them refers
    # back in turn, so the answer is Henderson's. A long opening phrase before "he first observed" says what was
    # asked, not who answered.
    text = (
        "Fritz Henderson outlined a plan for a New GM. "
        "He stressed that the process would be quick. "
        "He emphasized that GM remains open for business. "
        "He stated that the plan had the support of the unions. "
        "He also mentioned that GM had received bridge financing from the German government. "
        "In response to questions about the possibility of the United States federal government, a majority "
        "shareholder in the restructured company, dictating future product strategy; he first observed that the "
        'federal government had already stated to him that it had "no real interest in running our business".'
    )
    pool, check = _one_report(text, "CEO of GM outlines plan for New GM")
    said = Verdict([ClaimCheck("No real interest in running our business.", [pool[5]], 1.0, True)])
    asked = "What did the US federal government tell Henderson it had no real interest in?"
    assert check.run(frame_question(asked), said) is None
    # The run stops at a sentence that names someone without referring back: the "he" is that one's, not Henderson's.
    other = (
        "Fritz Henderson outlined a plan for a New GM. Barack Obama took questions afterwards. "
        "He stated that the process would be quick. He stated that GM remains open for business. "
        'He stated that Washington had "no real interest in running our business".'
    )
    pool, check = _one_report(other, "Plans for GM")
    said = Verdict([ClaimCheck("No real interest in running our business.", [pool[4]], 1.0, True)])
    problem = check.run(frame_question(asked), said)
    assert problem is not None and problem.gate == "subject"


def test_the_flight_refers_back_to_the_flight_named_before_it() -> None:
    # Round 24, w681: "More people watched the flight on a giant screen …" names only Toulouse; "the flight" is the
    # A380's maiden flight of the sentence before, which is about what the article's lead names.
    text = (
        "The Airbus A380 made its maiden flight from Toulouse today. "
        "Around 50,000 people watched the maiden flight, many sitting on grass banks lining the runway. "
        "More people watched the flight on a giant screen erected in the centre of Toulouse."
    )
    pool, check = _one_report(text, "World's largest passenger airliner makes first flight")
    said = Verdict([ClaimCheck("On a giant screen in the centre of Toulouse.", [pool[2]], 1.0, True)])
    asked = "Where else did people watch the A380's maiden flight, besides the grass banks lining the runway?"
    assert check.run(frame_question(asked), said) is None
    # A sentence that names a place and refers back to nothing is still not about the A380.
    other = "The Airbus A380 made its maiden flight today. Crowds watched a concert in the centre of Toulouse."
    pool, check = _one_report(other, "Airliner flies")
    said = Verdict([ClaimCheck("In the centre of Toulouse.", [pool[1]], 1.0, True)])
    problem = check.run(frame_question("Where did people watch the A380's concert?"), said)
    assert problem is not None and problem.gate == "subject"


def test_he_after_a_sentence_whose_speaker_is_named_further_back_is_not_the_company_before_its_pronoun() -> None:
    # Round 25, w693: "He declined to predict …" after "In response to questions of whether the New GM would import
    # cars …, he stated …": that "he" is no New GM but the speaker named before it, Henderson. The question's opening
    # "Instead" names no one.
    text = (
        "Fritz Henderson outlined a plan for a New GM. "
        "In response to questions of whether the New GM would import cars from China to the U.S., he stated that "
        "GM builds where it sells. "
        "He declined to predict when the New GM would return to profitability, stating that the goal was rather to "
        "lower the break-even EBIT point for the company."
    )
    pool, check = _one_report(text, "CEO of GM outlines plan for New GM")
    said = Verdict([ClaimCheck("To lower the break-even EBIT point.", [pool[2]], 1.0, True)])
    asked = "Instead of predicting a return to profitability, what did Henderson say the goal was?"
    assert "instead" not in frame_question(asked).subjects
    assert check.run(frame_question(asked), said) is None


def test_a_draft_that_made_up_a_time_of_day_is_shown_the_articles_sentences_that_give_one(tmp_path) -> None:
    # Round 23, w637: the question's words reach the maiden flight's passage, not "The take-off, at 08:30 UTC, …";
    # the model made a time up. Refused for it, the second draft is shown the article's sentences with a time of day
    # (the one naming only a time zone refers back to the flight named before it).
    filler = " ".join(f"Crowds gathered on bank number {n} of the runway." for n in range(8))
    text = (
        "# Largest airliner makes first flight\n\nThe Airbus A380 made its maiden flight after lifting off from "
        "Toulouse in France. The take-off, at 08:30 UTC, was apparently normal and took place on time. " + filler
    )
    index, encoder = articles_index(tmp_path, {"a380.md": text}, ChunkerConfig(chunk_tokens=24, overlap_sentences=0))
    question = "At what time did the A380 take off on its maiden flight from Toulouse?"
    replies = iter(
        ["Sentences: 1\nAnswer: The A380 took off from Toulouse at 10:00 AM.", "Sentences: 1\nAnswer: 08:30 UTC."]
    )
    settings = gate_settings(context_mode="retrieval", judge=False)
    pipeline = assemble_pipeline(settings, ScriptedGenerator("unused"), index, encoder)
    assert not any("08:30" in h.chunk.text for h in pipeline.stages.retriever.search(question, k=1))
    pipeline.generator = pipeline.stages.drafter.generator = ScriptedGenerator(lambda messages: next(replies))
    answer = pipeline.ask(question, top_k=1)
    assert answer.answerable and "08:30" in answer.answer, answer.abstention
    shown = as_fake(pipeline.generator, ScriptedGenerator).calls[1][-1]["content"]
    assert "08:30 UTC" in shown


def test_what_another_expects_is_not_what_the_asked_one_expects() -> None:
    # Round 23's check run (w187, adversarial): Chrysler's administrators' expectation is not Obama's.
    question = "How long did Obama expect the Chrysler bankruptcy to take?"
    theirs = "Chrysler administrators expect that the bankruptcy should take a couple of months."
    claim = "Obama expected the Chrysler bankruptcy to take a couple of months."
    assert _moved(question, claim, theirs) == "subject"
    assert _moved(question, claim, theirs.replace("Chrysler administrators", "Obama")) is None
    # "He expects" may be Obama's: left to the pronoun check, which reads the sentence before.
    his = theirs.replace("Chrysler administrators expect", "He expects")
    assert _voiced_by_another(question, [Sentence(article_id="a", start=0, end=len(his), text=his)]) is None
    # So may "we" (the one asked speaking for his team), which a second, later list of pronouns once hid.
    ours = theirs.replace("Chrysler administrators expect", "We expect")
    assert _voiced_by_another(question, [Sentence(article_id="a", start=0, end=len(ours), text=ours)]) is None


def test_a_post_the_articles_say_was_kept_was_not_given_up() -> None:
    # Wikinews w079 (false premise): Jobs resigned as CEO and wished to remain chairman; resigning as CEO says
    # nothing of the chairman's seat, and a report that he left the asked post answers it.
    text = (
        "On August 24, Jobs resigned from his post as CEO. "
        "In that same letter, Jobs stated that his desire was to remain as chairman of the board."
    )
    pool, check = _one_report(text, "Apple executive Steve Jobs resigns")
    seat = frame_question("When did Steve Jobs give up his seat as chairman of Apple's board?")
    problem = check.premise(seat, pool)
    assert problem is not None and problem.reason == "false_premise" and "remain as chairman" in problem.message
    assert check.premise(frame_question("When did Steve Jobs resign as CEO of Apple?"), pool) is None
    left = "On August 24, Jobs stepped down as chairman of the board. Jobs wanted to remain as chairman."
    pool, check = _one_report(left, "Apple executive Steve Jobs resigns")
    assert check.premise(seat, pool) is None


def test_round_24_a_months_own_figure_and_an_airport_the_answers_article_never_names() -> None:
    # w680 (adversarial): "compared to February's 9.12 million" is February's figure, not March's.
    sales = (
        "Annualised sales of vehicles in the car industry in the US are predicted to have dipped below nine million in "
        "March, compared to February's 9.12 million, which was the lowest number since 1981."
    )
    assert _moved("What were annualised US vehicle sales in March 2009?", "9.12 million.", sales) == "date"
    assert _moved("What were annualised US vehicle sales in February 2009?", "9.12 million.", sales) is None
    # w668 (adversarial): the A380's landing time at Changi is no arrival time at Los Angeles airport.
    changi = "The first Airbus A380 landed at Singapore's Changi International Airport at 6:40 p.m. (GMT +8)."
    question = "At what time was the Qantas-branded A380 due to arrive at Los Angeles airport?"
    assert _moved(question, "6:40 p.m.", changi) == "subject"
    assert _moved(question.replace("Los Angeles", "Changi"), "6:40 p.m.", changi) is None


def test_how_many_more_than_asks_the_difference_not_a_level(fake_encoder) -> None:
    # Held-out round 26, w720: "7 hours" is the iPhone 4's talk time, not how many more hours than the 3GS it has.
    text = (
        "Even though it now uses Apple's faster A4 processor (first used in its iPad tablet), iPhone 4 has a claimed "
        "seven hours of 3G talk time, up two hours from the 3GS."
    )
    gate = _gate_of_claims(
        fake_encoder,
        "How many more hours of 3G talk time does the iPhone 4 have than the iPhone 3GS?",
        text,
        "Apple unveils iPhone 4",
    )
    assert gate("7 hours.") == "constraint"
    assert gate("Two hours.") is None
    assert gate("Two more hours than the 3GS.") is None
    assert gate("Up two hours from the 3GS.") is None


def test_a_figure_that_compares_answers_how_much_less(fake_encoder) -> None:
    # Wikinews w280: "20 percent less fuel … than similarly sized aircraft" is the difference asked.
    text = (
        "According to the company, the 787 Dreamliner will use 20 percent less fuel per passenger than similarly "
        "sized aircraft."
    )
    question = "How much less fuel per passenger will the 787 Dreamliner use than similarly sized aircraft?"
    assert _gate_of_claims(fake_encoder, question, text, "Boeing unveils new 787 Dreamliner")("20 percent.") is None


def test_a_subject_named_only_in_an_aside_does_not_own_the_figure(fake_encoder) -> None:
    # The pattern of held-out round 26, w729 (adversarial: the talk time of the iPhone 4 given as the iPad's, which
    # the aside names; "iPad" itself is read as no name, so w729 is not caught by this).
    text = (
        "Even though it now uses the faster A4 processor (first used in the Apple TV box), the new Nano has a "
        "claimed seven hours of talk time, up two hours from the old model."
    )
    title = "Apple unveils new phones"
    claim = "7 hours of talk time."
    aside = _gate_of_claims(fake_encoder, "How many hours of talk time does the Apple TV have?", text, title)
    assert aside(claim) == "subject"
    main = _gate_of_claims(fake_encoder, "How many hours of talk time does the Nano have?", text, title)
    assert main(claim) is None


def test_an_abbreviation_in_parentheses_still_names_the_subject(fake_encoder) -> None:
    text = "The Troubled Assets Relief Program (TARP) will give the automakers US$17.4 billion in loans."
    gate = _gate_of_claims(fake_encoder, "How much will TARP give the automakers in loans?", text, "Bailout")
    assert gate("US$17.4 billion.") is None


def test_whom_a_question_cites_is_not_held_to_its_premise() -> None:
    # Held-out round 26, w716: the sentence stating the purchases names Jobs and the App Store but not WWDC, where
    # the question says Jobs spoke; "according to Jobs at WWDC 2010" is the report's source, not the event's subject.
    said = (
        "Earlier this year, Android phones managed to outsell iPhones. Jobs also noted that over five billion iOS "
        'applications, commonly called "apps," have been purchased from Apple\'s App Store.'
    )
    pool, check = _one_report(said, "Apple unveils iPhone 4")
    cited = frame_question(
        "How many iOS applications had been purchased from the App Store, according to Jobs at WWDC?"
    )
    assert cited.presupposes and check.premise(cited, pool) is None
    # Without the citation, WWDC is a subject the sentence must be read with, and no sentence names it.
    named = frame_question("How many iOS applications had been purchased from the App Store by Jobs at WWDC?")
    assert named.presupposes and check.premise(named, pool) is not None


def test_a_span_of_time_must_be_written_with_its_unit(fake_encoder) -> None:
    # Wikinews w564 (adversarial): "1 hour" for how long a press conference lasted, the 1 being June 1's.
    question = "How long did Henderson's press conference on the New GM last?"
    dated = "Henderson spoke to the press at 16:15 UTC on June 1 about the New GM."
    assert _gate_of_claims(fake_encoder, question, dated, "CEO of GM outlines plan")("1 hour.") == "attribute"
    lasted = "Henderson's press conference on the New GM lasted one hour."
    assert _gate_of_claims(fake_encoder, question, lasted, "CEO of GM outlines plan")("1 hour.") is None
    flight = "The 12-hour flight from Toulouse landed in Singapore."
    asked = "How long was the A380's delivery flight to Singapore?"
    assert _gate_of_claims(fake_encoder, asked, flight, "First A380 delivered")("12 hours.") is None


def test_a_ratio_is_of_what_its_sentence_says(fake_encoder) -> None:
    # Wikinews w580: "twice as fast at half the price" gives the price as half, not twice.
    text = (
        "Jobs said, \"just one year after launching the iPhone, we're launching the new iPhone 3G that is twice as "
        'fast at half the price."'
    )
    gate = _gate_of_claims(
        fake_encoder,
        "At what price relative to the original did Steve Jobs say the iPhone 3G was launching?",
        text,
        "Apple launches 3G iPhone",
    )
    assert gate("Steve Jobs said the iPhone 3G was launching at twice the price of the original iPhone.") == "attribute"
    assert gate("Steve Jobs said the iPhone 3G was launching at half the price.") is None


def test_how_much_faster_than_is_answered_by_a_multiple(fake_encoder) -> None:
    # Wikinews w193: "double the speed" answers how much faster; the frame must read it as a comparison asked.
    frame = frame_question(
        "How much faster is the internet access of the 3G iPhone than that of earlier iPhones, according to Apple?"
    )
    assert frame.asks_change
    assert answers_question_type(frame.question, "At double the speed of the previous versions.", change=True)


def test_a_day_or_a_described_nationality_is_no_one_else_in_a_premise() -> None:
    # Held-out round 27, w733: "Sunday was chosen as its date matches … the American format" states that the
    # unveiling's day was chosen; neither Sunday nor "American" (describing a format) is another actor.
    text = (
        "Aircraft manufacturer Boeing have unveiled their new 787 Dreamliner at their Everett Factory. Sunday was "
        "chosen as its date matches the aircraft's designation number when written in the American format, 7/8/07."
    )
    pool, check = _one_report(text, "Boeing unveils new 787 Dreamliner")
    assert check.premise(frame_question("Why did Boeing choose a Sunday to unveil the 787 Dreamliner?"), pool) is None
    # A nationality that is an actor's stays a name: "the American government chose …" is someone else's choice.
    assert _described("when written in the American format") == {"american"}
    assert _described("The American government chose the date") == set()


def test_a_figure_written_where_an_index_stands_gives_its_level(fake_encoder) -> None:
    # Held-out round 27, w742: "stayed below 5000 mark at 4605.22" is where the FTSE 100 stood; a rise by 16.03
    # points is no level.
    text = "The FTSE 100 went up by 0.16% (16.03 points), but stayed below 5000 mark at 4605.22."
    question = "At what level did the FTSE 100 stand at 18:00 UTC on 7 October 2008?"
    gate = _gate_of_claims(fake_encoder, question, text, "Stock markets worldwide continue to fall")
    assert gate("The FTSE 100 stood at 4605.22.") is None
    rose = "The FTSE 100 went up by 0.16%, a rise of 16.03 points."
    assert _gate_of_claims(fake_encoder, question, rose, "Markets")("16.03 points.") == "attribute"


def test_an_answer_calling_the_asked_kind_by_name_needs_a_sentence_that_speaks_of_it(fake_encoder) -> None:
    # Held-out round 27, w738: "International airports" from ANA's "international route"; the kind asked
    # ("airports") must be what the sentence speaks of, not only the question's word.
    question = "What kind of airports is the 787 Dreamliner targeted at?"
    routes = '"We plan to increase our revenue from international route significantly with the 787," he adds.'
    assert _gate_of_claims(fake_encoder, question, routes, "Boeing 787")("International airports.") == "attribute"
    targeted = "Whereas the Airbus A380 flies between major hubs, the Dreamliner is targeted at smaller airports."
    assert _gate_of_claims(fake_encoder, question, targeted, "Boeing 787")("Smaller airports.") is None
    # An answer naming an instance of the kind ("contractors" for "what kind of workers") is not held to it.
    workers = "Scale AI relies on contractors around the world to label data."
    asked = "What kind of workers does Scale AI rely on to label and clean data?"
    assert _gate_of_claims(fake_encoder, asked, workers, "Scale AI")("Contractors.") is None


def test_a_figure_said_to_come_from_someone_needs_a_sentence_that_speaks_of_them(fake_encoder) -> None:
    # Held-out round 27, w749 (adversarial): Boeing's 800 orders in all are not orders from All Nippon Airways,
    # though the sentence names Boeing, one of the question's names.
    question = "How many new orders did Boeing announce from All Nippon Airways the day before the 787 was unveiled?"
    total = "Boeing says they have 800 orders at 200 million per aircraft."
    assert _gate_of_claims(fake_encoder, question, total, "Boeing rolls out first 787")("800 orders.") == "subject"
    theirs = "On Saturday, Boeing announced 35 new orders from All Nippon Airways, bringing the total to 677."
    assert _gate_of_claims(fake_encoder, question, theirs, "Boeing unveils 787")("35 new orders.") is None


def test_what_a_figure_had_reached_by_the_time_of_an_event_is_from_a_report_of_it() -> None:
    # Held-out round 27, w753 (adversarial): "To date, 149 confirmed orders" in a report of the A380's launch in
    # 2005 is no count by the time Boeing unveiled the 787 in 2007, an occasion that report does not speak of.
    frame = frame_question("How many orders had the Airbus A380 received by the time Boeing unveiled the 787?")
    assert frame.circumstance == frozenset({"unveiled"})
    launch = "Airbus launched the A380 at Toulouse. To date, 149 confirmed orders for the aircraft have been received."
    unveiling = "Boeing unveiled the 787 Dreamliner. Airbus has 189 orders for its A380 by then."
    pool = sentences_of_text("launch", launch) + sentences_of_text("unveiling", unveiling)
    texts = {"launch": f"Airbus launches A380\n{launch}", "unveiling": f"Boeing unveils 787\n{unveiling}"}
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        {"launch": "Airbus launches A380", "unveiling": "Boeing unveils 787"},
        occasion=OccasionCheck(texts),
    )
    said = Verdict([ClaimCheck("149 confirmed orders.", [pool[1]], 0.9, True)])
    refused = check.run(frame, said)
    assert refused is not None and refused.gate == "occasion"
    told = Verdict([ClaimCheck("189 orders.", [pool[3]], 0.9, True)])
    assert check.run(frame, told) is None


def test_an_age_set_off_after_a_name_gives_how_old(fake_encoder) -> None:
    # Wikinews w382: news gives an age between commas after the name; a figure that is no age still does not.
    question = "How old was Mark Papermaster when he left Apple?"
    aged = "Apple said Papermaster, 49, had left the company, but did not say whether he was forced out."
    assert _gate_of_claims(fake_encoder, question, aged, "Apple executive leaves company")("49.") is None
    counted = "Apple said Papermaster had left the company after 49 days, but did not say why."
    assert _gate_of_claims(fake_encoder, question, counted, "Apple executive leaves company")("49.") == "attribute"
    # Wikinews w392 (adversarial): the age set off after Papermaster's name is not that of whom the question asks.
    other = "How old was Bob Mansfield when he took over Mark Papermaster's post?"
    assert _gate_of_claims(fake_encoder, other, aged, "Apple executive leaves company")("49.") == "attribute"


def test_a_sentence_a_report_of_the_asked_day_also_writes_answers_for_that_day(fake_encoder) -> None:
    # Wikinews w571: the 7 October report repeats the 6 October one's sentence on the $700 billion bail-out; found
    # in the later report first, it still answers for the 6th. A sentence only the later report writes does not.
    repeated = "This is following the US Government's $700 billion bail out of the financial sector."
    reports = {
        "oct6": sentences_of_text("oct6", f"Stock markets have fallen dramatically today. {repeated}"),
        "oct7": sentences_of_text(
            "oct7", f"Stock markets continued to fall today. {repeated} YRC fell 27.30% to 5.13."
        ),
    }
    check = BindingCheck(fake_encoder, lambda a: reports[a], {}, dates={"oct6": "2008-10-06", "oct7": "2008-10-07"})
    asked = "How large was the bail out that the 6 October 2008 market report mentions?"
    assert check.other_day(asked, [reports["oct7"][1]]) == ""
    assert check.other_day(asked, [reports["oct7"][2]]) == "7 October 2008"


def test_a_figure_the_occasions_report_writes_is_the_occasions_though_another_report_writes_it_too() -> None:
    # Round 28, w757: "since 2004" is in the report of Jobs's death and in two before it. Cited beside the death
    # report's sentence, or told in the same words as it, the figure is the death report's; a report that words it
    # otherwise ("in 2004"), cited alone, is of another occasion.
    texts = {
        "died": "Steve Jobs has died at the age of 56. He has been fighting pancreatic cancer since 2004.",
        "resigned": "Steve Jobs resigns as chief executive. Jobs has been fighting pancreatic cancer since 2004.",
        "leave": "Steve Jobs takes medical leave. He fought pancreatic cancer in 2004.",
    }
    pools, check = _reports_with_occasions(texts, "Steve Jobs")
    question = frame_question("Since what year had Steve Jobs been fighting pancreatic cancer when he died?")

    def gate(*cited: Sentence) -> str | None:
        refused = check.run(question, Verdict([ClaimCheck("Since 2004.", list(cited), 1.0, True)]))
        return refused.gate if refused else None

    assert gate(pools["died"][1], pools["leave"][1]) is None
    assert gate(pools["resigned"][1]) is None
    assert gate(pools["leave"][1]) == "occasion"


def test_a_purchase_the_sentence_gives_to_another_buyer_does_not_answer_for_the_asked_one(fake_encoder) -> None:
    # Round 28, w773 and w779 (adversarial): Apple Computer bought NeXT, Disney bought Pixar in 2005.
    nexts = "In 1996, following Apple Computer's purchase of NeXT, Jobs returned to Apple."
    pixar = "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005."
    pool = [Sentence(article_id="a", start=i, end=i + len(t), text=t) for i, t in ((0, nexts), (100, pixar))]
    check = BindingCheck(fake_encoder, lambda _a: pool, {"a": "Apple Inc. co-founder Steve Jobs dies"})

    def gate(question: str, claim: str, sentence: Sentence) -> str | None:
        refused = check.run(frame_question(question), Verdict([ClaimCheck(claim, [sentence], 1.0, True)]))
        return refused.gate if refused else None

    assert gate("In what year did Steve Jobs buy NeXT?", "1996.", pool[0]) == "relation"
    assert gate("Which company did Apple acquire in 2005?", "Pixar.", pool[1]) == "relation"
    assert gate("Which company acquired Pixar?", "The Walt Disney Company.", pool[1]) is None


def test_what_was_said_about_a_named_topic_is_not_answered_by_words_on_another() -> None:
    # Held-out round 29 (adversarial): Harper's words on Canada's loans are not what he said about the CARS act
    # (w798); Doherty's on Jobs are not his on Tim Cook (w801).
    text = (
        "GM and Chrysler will receive bridge loans from Canada. "
        '"This is a regrettable but necessary step," said Stephen Harper, Prime Minister of Canada. '
        "Betty Sutton put forward the CARS act, an incentive for trading in a vehicle."
    )
    pool, check = _one_report(text, "GM and Chrysler receive Canadian loans")
    harper = Verdict([ClaimCheck("Harper called it a regrettable but necessary step.", [pool[1]], 1.0, True)])
    refused = check.run(frame_question("What did Stephen Harper say about the CARS act?"), harper)
    assert refused is not None and refused.gate == "subject" and "CARS" in refused.message
    # The topic named around the quote (its title, the sentence before it) is spoken of.
    assert check.run(frame_question("What did Stephen Harper say about the loans to Chrysler?"), harper) is None
    assert check.run(frame_question("What did Stephen Harper say about the bridge loans?"), harper) is None
    # A sentence that names the topic passes this check; it reports no words of hers, which the next one reads.
    sutton = Verdict([ClaimCheck("Sutton put forward the CARS act.", [pool[2]], 1.0, True)])
    refused = check.run(frame_question("What did Betty Sutton say about the CARS act?"), sutton)
    assert refused is not None and "reports what Betty Sutton said" in refused.message


def test_a_post_given_up_does_not_answer_which_was_kept() -> None:
    # Held-out round 29, w791: the clause "when he resigned as Apple's CEO" only places the question in time; the
    # post Jobs stepped down from is not the one he wanted to remain in.
    text = (
        "Steve Jobs has chosen to step down from his post as CEO of the company. "
        "In that same letter, Jobs stated that his desire was to remain as chairman of the board."
    )
    pool, check = _one_report(text, "Apple executive Steve Jobs resigns")
    question = frame_question(
        "What position did Steve Jobs say he wanted to remain in when he resigned as Apple's CEO?"
    )
    stepped = Verdict([ClaimCheck("Jobs stepped down from his post as CEO.", [pool[0]], 1.0, True)])
    refused = check.run(question, stepped)
    assert refused is not None and refused.gate == "relation"
    kept = Verdict([ClaimCheck("Jobs wanted to remain as chairman of the board.", [pool[1]], 1.0, True)])
    assert check.run(question, kept) is None
    # Asked of the post given up, the sentence that says so answers.
    assert check.run(frame_question("Which post did Steve Jobs resign from?"), stepped) is None


def test_what_was_said_about_a_topic_is_read_in_what_was_said_only() -> None:
    # Held-out round 30, w827 (adversarial): Henderson's words on GM's bankruptcy are not what he said about
    # Chrysler's, though a report of GM and Chrysler that names him without his words was cited beside them.
    said = sentences_of_text(
        "a", "Fritz Henderson spoke in New York. Henderson stated that the bankruptcy process would take 60 days."
    )
    named = sentences_of_text("b", "As part of the restructuring, Rick Wagoner was replaced with Fritz Henderson.")
    pool = {"a": said, "b": named}
    check = BindingCheck(
        HashingEncoder(dim=64),
        lambda article: pool[article],
        {"a": "CEO of GM outlines plan for New GM", "b": "GM and Chrysler receive Canadian loans"},
    )
    both = Verdict([ClaimCheck("Henderson said the process would take 60 days.", [said[1], named[0]], 1.0, True)])
    refused = check.run(frame_question("What did Fritz Henderson say about Chrysler's bankruptcy?"), both)
    assert refused is not None and refused.gate == "subject" and "Chrysler" in refused.message
    # Where no cited sentence reports anyone's words, each is read as before for the topic; none reports his words.
    replaced = Verdict([ClaimCheck("Wagoner was replaced with Henderson.", [named[0]], 1.0, True)])
    asked = frame_question("What did Fritz Henderson say about Chrysler's loans?")
    assert check._unspoken_topic(asked, [named[0]]) == ""
    refused = check.run(asked, replaced)
    assert refused is not None and "reports what Fritz Henderson said" in refused.message


def test_a_figure_of_another_owners_thing_is_not_the_asked_owners() -> None:
    # Held-out round 30, w824 (adversarial): "Shares of Apple Inc. rose US$5.41" is no rise of AT&T's shares (the
    # test's splitter ends a sentence at "Inc.", so it says "the Apple company").
    text = (
        "Pre-orders of the iPhone 4 began Tuesday, overwhelming Apple and AT&T. "
        "Shares of the Apple company rose US$5.41 yesterday in regular trading, continuing their trend of having "
        "risen 23 percent this year."
    )
    pool, check = _one_report(text, "Apple swamped by iPhone 4 pre-orders")
    risen = Verdict([ClaimCheck("The shares had risen 23 percent this year.", [pool[1]], 1.0, True)])
    refused = check.run(frame_question("By what percentage had AT&T's shares risen this year?"), risen)
    assert refused is not None and refused.gate == "subject" and "Apple" in refused.message
    assert check.run(frame_question("By what percentage had Apple's shares risen this year?"), risen) is None


def test_a_thing_written_of_another_name_is_the_owners_where_the_sentence_names_the_owner() -> None:
    # Bundled q023: "recruitment of AI experts" in a sentence that names Meta is Meta's recruitment.
    text = (
        "Zuckerberg has been personally overseeing recruitment of AI experts, reportedly frustrated with the "
        "response to Meta's Llama 4 model."
    )
    pool, check = _one_report(text, "Meta considers investment in Scale AI")
    claim = Verdict([ClaimCheck("Zuckerberg, frustrated with Meta's Llama 4 model.", [pool[0]], 1.0, True)])
    question = frame_question("Who has been personally overseeing Meta's recruitment of AI experts?")
    assert check.run(question, claim) is None


def test_words_another_said_are_not_what_the_asked_speaker_called_it() -> None:
    # Held-out round 31, w847 (adversarial): the emblem is Obama's word; Harper, named in the sentence cited beside
    # it, said something else.
    text = (
        '"We are doing this on the assumption that we can not afford a collapse." said Stephen Harper, Prime Minister '
        'of Canada. "This industry is, like no other, an emblem of the American spirit," said Barack Obama, President '
        "of the United States."
    )
    pool, check = _one_report(text, "GM and Chrysler receive Canadian loans")
    claim = "Stephen Harper called the auto industry an emblem of the American spirit."
    verdict = Verdict([ClaimCheck(claim, pool, 1.0, True)])
    refused = check.run(frame_question("What did Stephen Harper call the auto industry an emblem of?"), verdict)
    assert refused is not None and "Barack Obama" in refused.message
    obama = "What did Barack Obama call the auto industry an emblem of?"
    assert _spoken_by_another(obama, _carrying(obama, claim, pool)) is None
    # "he said" may be the one asked: no verdict.
    his = [Sentence(article_id="a", start=0, end=20, text='"An emblem of the American spirit," he said.')]
    harper = "What did Stephen Harper call it?"
    assert _spoken_by_another(harper, _carrying(harper, "An emblem of the American spirit.", his)) is None


def test_what_someone_did_is_not_what_they_said() -> None:
    # Held-out round 31, w846 (adversarial): putting the act forward is no word of Sutton's on it.
    text = (
        '"Going forward, the industry will be smaller," said Clements. Betty Sutton, Ohio\'s Congresswoman put '
        "forward the CARS act which provides an incentive for those who trade in their vehicle."
    )
    pool, check = _one_report(text, "GM and Chrysler receive Canadian loans")
    question = "What did Betty Sutton say the CARS act does for the environment?"
    claim = "Betty Sutton put forward the CARS act which provides an incentive for those who trade in their vehicle."
    assert check._not_spoken(question, _carrying(question, claim, [pool[1]])) == "Betty Sutton"
    # A sentence inside a quote opened before it is still the speaker's.
    quoted = '"Going forward, the industry will be smaller. Betty Sutton\'s act provides an incentive," said Clements.'
    inner, inside = _one_report(quoted, "Loans")
    assert inside._not_spoken(question, _carrying(question, "The act provides an incentive.", [inner[1]])) == ""


def test_what_was_said_of_one_thing_is_not_read_in_a_quote_on_another() -> None:
    # Held-out round 31, w841: Medvedev's "top priority" is not what he said the market should be given.
    text = (
        '"There is no more important task than stability of our financial system. This is our top priority," '
        'Medvedev said. "The market should be given all the necessary support."'
    )
    pool, check = _one_report(text, "Russian markets to remain closed")
    question = "What did Medvedev say the market should be given?"
    assert check._unsaid_clause(question, [pool[1]]) == "the market should be given"
    assert check._unsaid_clause(question, [pool[2]]) == ""
    # Round 33's leftover w615: what he called the top priority, asked by "call".
    called = "What did Medvedev call the top priority of Russian authorities?"
    assert check._unsaid_clause(called, [pool[2]]) == "the top priority of Russian authorities"
    assert check._unsaid_clause(called, [pool[1]]) == ""


def test_he_after_another_name_does_not_make_the_answer_his() -> None:
    # Held-out round 31, w842: "He is known for staying out of the spotlight" follows a sentence on Cook.
    text = (
        "Before his post at Apple, Cook held positions at IBM and Compaq. He is known for staying out of the spotlight."
    )
    pool, check = _one_report(text, "Apple executive Steve Jobs resigns")
    jobs = Sentence(article_id="b", start=0, end=40, text="Apple CEO Steve Jobs unveiled the device.")
    question = "Which Apple executive is known for staying out of the spotlight?"
    claim = "Steve Jobs is known for staying out of the spotlight."
    assert check._answer_pronoun_of_another(question, claim, [jobs, pool[1]]) == ("Cook", "Steve Jobs")
    assert (
        check._answer_pronoun_of_another(question, "Cook is known for staying out of the spotlight.", [pool[1]]) is None
    )


@pytest.mark.parametrize(
    ("question", "claim", "sentence", "doer"),
    [
        # Held-out round 31, w850 and w848 (adversarial): another name does what the question says its subject did.
        (
            "What company does Tim Cook leave behind?",
            "Steve leaves behind a company that only he could have built.",
            "Steve leaves behind a company that only he could have built.",
            "Steve",
        ),
        (
            "What seating layout did ANA choose for its first 787?",
            "ANA chose the seating layout it wanted.",
            "Airlines choose the seating layout they want.",
            "Airlines",
        ),
        # The one asked named, or a description that may be it: no verdict.
        (
            "What seating layout did ANA choose?",
            "A layout of nine seats.",
            "ANA will choose a layout of nine seats.",
            None,
        ),
        (
            "What seating layout did ANA choose?",
            "A layout of nine seats.",
            "The airline chose a layout of nine seats.",
            None,
        ),
    ],
)
def test_a_deed_another_name_did_is_not_the_asked_ones(
    question: str, claim: str, sentence: str, doer: str | None
) -> None:
    said = [Sentence(article_id="a", start=0, end=len(sentence), text=sentence)]
    found = _done_by_another(question, _carrying(question, claim, said))
    assert (found[0] if found else None) == doer


def _two_reports(
    first: tuple[str, str], second: tuple[str, str]
) -> tuple[list[Sentence], list[Sentence], BindingCheck]:
    """The sentences of articles "a" and "b", each (title, text), and a binder that reads them."""
    pools = {"a": sentences_of_text("a", first[1]), "b": sentences_of_text("b", second[1])}
    check = BindingCheck(HashingEncoder(dim=64), lambda a: pools[a], {"a": first[0], "b": second[0]})
    return pools["a"], pools["b"], check


def test_he_after_a_sentence_on_another_did_not_do_what_the_question_asks_of_its_subject() -> None:
    # Held-out round 32, w870 (adversarial): Jobs bought Pixar in 1986, not Apple.
    text = (
        "Jobs, born in San Francisco, co-founded the company in 1976. One year later he was fired from it and he "
        "founded NeXT. In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005."
    )
    pool, check = _one_report(text, "Apple co-founder Steve Jobs dies")
    assert check._pronoun_doer_of_another("Which company did Apple buy in 1986?", [pool[2]]) == (
        "Jobs",
        "bought",
        "Apple",
    )
    assert check._pronoun_doer_of_another("Which company did Jobs buy in 1986?", [pool[2]]) is None
    # A sentence before that opens with no name ("The government will give GM …") says nothing of whom "he" is.
    obama, binder = _one_report(
        "The government will give GM a capital infusion. He pointed to the bankruptcy of Chrysler as an example.",
        "Barack Obama presents rescue plan",
    )
    assert binder._pronoun_doer_of_another("Whose bankruptcy did Obama point to?", [obama[1]]) is None


def test_an_answer_from_another_articles_sentence_must_be_about_the_subject_itself() -> None:
    # Held-out round 32, w874 (adversarial): Chrysler's 30-to-60-day process, with a sentence on GM cited beside it.
    chrysler, gm, check = _two_reports(
        (
            "Chrysler files for bankruptcy",
            '"We expect this to be a very short, 30-to-60-day bankruptcy process," a top administration official said.',
        ),
        ("CEO of GM outlines plan", "Henderson stated that he envisioned the bankruptcy process would take months."),
    )
    claim = "A 30-to-60-day bankruptcy process."
    verdict = Verdict([ClaimCheck(claim, [gm[0], chrysler[0]], 1.0, True)])
    refused = check.run(
        frame_question("How long did a top administration official expect GM's bankruptcy to take?"), verdict
    )
    assert refused is not None and refused.gate == "subject" and "GM" in refused.message
    asked = frame_question("How long did a top administration official expect Chrysler's bankruptcy to take?")
    assert check.run(asked, Verdict([ClaimCheck(claim, [chrysler[0]], 1.0, True)])) is None


@pytest.mark.parametrize(
    ("question", "claim", "text", "refused"),
    [
        # Held-out round 32, w872 (adversarial): Obama is called a president in the articles, never an analyst.
        (
            "Which analyst said the Chrysler-Fiat alliance would work well?",
            "Barack Obama.",
            '"It\'s a partnership that will give Chrysler a chance," said American president Barack Obama.',
            ("Barack Obama", "an analyst"),
        ),
        (
            "Which analyst had hesitations about the alliance?",
            "Erich Merkle.",
            "However, automotive analyst Erich Merkle has hesitations.",
            None,
        ),
        # w874: whose words the answer gives, where the question asks an official's.
        (
            "How long did a top administration official expect GM's bankruptcy to take?",
            "Between 60 and 90 days.",
            "Henderson said that he envisioned the bankruptcy process would take between 60 and 90 days.",
            ("Henderson", "an official"),
        ),
    ],
)
def test_a_kind_of_person_asked_is_one_the_articles_call_so(
    question: str, claim: str, text: str, refused: tuple[str, str] | None
) -> None:
    pool, check = _one_report(text, "Chrysler files for bankruptcy")
    assert check._not_of_kind(question, claim, pool, _carrying(question, claim, pool)) == refused


def test_a_word_the_sentences_write_only_after_a_negation_is_not_what_the_question_says() -> None:
    # Held-out round 32, w872 (adversarial): Merkle said alliances "really don't work that well".
    said = [
        Sentence(
            article_id="a",
            start=0,
            end=80,
            text='"History would show that alliances really don\'t work that well," Merkle said.',
        )
    ]
    assert _negated_only("Which analyst said the Chrysler-Fiat alliance would work well?", said) == "really don't work"
    # A question asking the doubt itself, or one not asking who, is answered beside a negation.
    assert _negated_only("Which analyst doubted that the Chrysler-Fiat tie-up would work?", said) == ""
    assert _negated_only("How well did Merkle say alliances work?", said) == ""


def test_putting_a_bill_forward_is_not_opposing_it() -> None:
    # Held-out round 32, w873 (adversarial).
    said = [
        Sentence(
            article_id="a",
            start=0,
            end=60,
            text="Betty Sutton, Ohio's Congresswoman put forward the CARS act which provides an incentive.",
        )
    ]
    assert _opposite_relation("Which congresswoman opposed the CARS act?", said) == ("supported", "opposed")
    assert _opposite_relation("Which congresswoman introduced the CARS act?", said) is None


def test_an_answer_whose_words_no_cited_sentence_holds_is_refused() -> None:
    # Held-out round 32, w875 (adversarial): a made-up "antenna connector" citing only a title.
    pool, check = _one_report("Apple launches 3G iPhone. Apple Computer today launched a 3G version.", "Apple")
    claim = "The iPhone 3G acts as its antenna through the antenna connector."
    refused = check.run(
        frame_question("What part of the iPhone 3G acts as its antenna?"),
        Verdict([ClaimCheck(claim, [pool[0]], 1.0, True)]),
    )
    assert refused is not None and refused.gate == "support"


def test_a_sentence_counting_those_present_says_how_big_the_crowd_was() -> None:
    # Held-out round 32, w853: "greeted by some 400 guests" for "How big was the crowd that welcomed …".
    pool, check = _one_report(
        "The first Airbus A380 landed at Changi. The aircraft was greeted by some 400 guests.",
        "First A380 enters commercial service",
    )
    frame = frame_question("How big was the crowd that welcomed the first A380 to Changi?")
    assert check._states_attribute(frame, pool[1].text)
    assert not check._states_attribute(frame, pool[0].text)


def test_time_spent_is_no_money_spent() -> None:
    # Held-out round 32, w868: "How long would GM spend in bankruptcy?" asks a time.
    assert not frame_question("How long did Henderson think GM would spend in bankruptcy?").families
    assert frame_question("How much did GM spend in 2008?").families == {"spending"}


# -- held-out round 33 -----------------------------------------------------------------------------------------


def test_a_count_in_another_unit_of_time_is_not_the_count_asked() -> None:
    # Held-out round 33, w884: "two" read off "October-two years late" is no count of months.
    late = "Deliveries to Singapore Airlines are not due until October-two years late."
    question = "How many months late did Singapore Airlines get its first A380?"
    assert other_time_unit(question, late, late.index("two") + 3) == "year"
    on_time = "The first A380 was delivered to Singapore Airlines 18 months behind schedule."
    assert other_time_unit(question, on_time, on_time.index("18") + 2) == ""
    assert other_time_unit("How late was the first A380?", late, late.index("two") + 3) == ""
    pool, check = _one_report(late, "A380 makes maiden flight to US")
    refused = check.run(frame_question(question), Verdict([ClaimCheck("Two years late.", [pool[0]], 0.9, True)]))
    assert refused is not None and refused.gate == "attribute" and "years" in refused.message


def test_words_from_a_report_that_never_names_the_one_asked_are_anothers() -> None:
    # Held-out round 33, w899 (adversarial): Obama's words, in a report that never names Henderson; "he" cannot be
    # the one asked.
    pool, check = _one_report(
        "Obama presented the plan on Monday. He described the financial hardship that dealers would undergo as a "
        '"sacrifice for the next generation."',
        "Barack Obama presents rescue plan after GM files for bankruptcy",
    )
    claim = "A sacrifice for the next generation."
    verdict = Verdict([ClaimCheck(claim, [pool[1]], 0.9, True)])
    refused = check.run(frame_question("What did Henderson call the hardship GM's dealers would face?"), verdict)
    assert refused is not None and refused.gate == "subject" and "Henderson" in refused.message
    assert check.run(frame_question("What did Obama call the hardship GM's dealers would face?"), verdict) is None


def test_an_answer_cited_to_someone_is_given_as_their_words() -> None:
    # Held-out round 33, w887: the report's finding is not what Airbus said came in late.
    pool, check = _one_report(
        "The main fault has been found to be problems in the aircraft's 500km of wiring. On its website the company "
        'said that "the 3D digital mock-up was implemented late".',
        "Singapore Airlines to be compensated for A380 delays",
    )
    question = "According to Airbus, what came in late and caused the A380's wiring trouble?"
    assert check._not_from_cited(question, [pool[0]]) == "Airbus"
    assert check._not_from_cited(question, [pool[1]]) == ""
    # A report cited says which report, not whose words.
    assert check._not_from_cited("What was at fault, according to the October 2006 report on SIA?", [pool[0]]) == ""
    # An outlet the article reports from may be cited for the whole report (bundled q113).
    pool, check = _one_report(
        "Bloomberg previously reported that Scale was in talks. Amazon and Alphabet have put billions into Anthropic.",
        "Meta in talks over Scale AI investment",
    )
    question = "According to Bloomberg, which AI start-up have Amazon and Alphabet each put billions into?"
    assert check._not_from_cited(question, [pool[1]]) == ""


def test_a_kind_named_by_another_word_before_its_noun_is_not_the_kind_asked() -> None:
    # Held-out round 33, w900 (adversarial): Chrysler's all-in costs are no legacy costs.
    pool, check = _one_report(
        "Chrysler must reduce all-in costs by CA$19 per hour. GM must reduce some of its legacy costs which "
        "include its pensions and union health care costs.",
        "GM and Chrysler receive Canadian loans",
    )
    question = "Which legacy costs must Chrysler reduce?"
    assert check._other_modifier(question, "Chrysler must reduce all-in costs.", [pool[0]]) == (
        "all-in costs",
        "legacy costs",
    )
    assert check._other_modifier("Which legacy costs must GM reduce?", "Union health care costs.", [pool[1]]) is None
    # "other" narrows nothing a sentence must repeat.
    assert check._other_modifier("Which other costs must Chrysler cut?", "All-in costs.", [pool[0]]) is None


def test_a_subject_named_beside_the_cited_source_must_be_around_the_answer() -> None:
    # Held-out round 33, w898 (adversarial): Airbus's mock-up came in late for the A380, not the Boeing 787.
    pool, check = _one_report(
        'Airbus said that "the 3D digital mock-up of the A380 was implemented late".',
        "Singapore Airlines to be compensated for A380 delays",
    )
    verdict = Verdict([ClaimCheck("The 3D digital mock-up.", [pool[0]], 0.9, True)])
    refused = check.run(
        frame_question("According to Airbus, what came in late in the design of the Boeing 787?"), verdict
    )
    assert refused is not None and refused.gate == "subject" and "Boeing" in refused.message
    assert (
        check.run(frame_question("According to Airbus, what came in late in the design of the A380?"), verdict) is None
    )


def test_the_day_a_clause_names_is_an_occasion() -> None:
    # Held-out round 33, w878: "the day it dropped under 9,000" names the day, as "on the day" does.
    question = "Where did the Dow end the day it dropped under 9,000?"
    assert asking_part(question) == "Where did the Dow end "
    assert frame_question(question).circumstance == {"dropped"}
    assert _occasion_figures(question) == {9000.0}
    assert _occasion_figures("Where did the Dow end the day?") is None


def test_a_sentence_split_off_at_an_abbreviation_is_read_with_the_one_before() -> None:
    # Held-out round 33, w885: "(GMT +8) after a 12-hour flight" goes on from the sentence on the A380's landing, and
    # neither GMT holds the flight nor is "+8" a count of hours.
    pool, check = _one_report(
        "The first Airbus A380 landed at Singapore's Changi Airport at 6:40 p.m. (GMT +8) after a 12-hour flight "
        "from Airbus' Delivery Center.",
        "First A380 enters commercial service",
    )
    assert pool[1].text.startswith("(GMT +8)")
    frame = frame_question("How many hours was the delivery flight that brought the first A380 to Singapore?")
    assert check.refers_back(pool[1].text) and check.about(frame, pool[1])
    gathered = Gatherer(check).run(frame, pool)
    assert gathered is not None and [g.key for g in gathered.groups] == ["12"]


def test_words_an_answer_adds_must_be_in_a_cited_sentence_even_without_a_figure_or_name() -> None:
    # Held-out round 33, w899: "financial hardship", cited to a sentence on Henderson's "New GM" that writes neither
    # word; near in meaning for the embedding model, held by no sentence.
    pool, check = _one_report(
        'Fritz Henderson outlined a plan for what he called a "New GM". He described the hardship as a defining '
        "moment.",
        "CEO of GM outlines plan",
    )
    question = "What did Henderson call the hardship GM's dealers would face?"
    refused = check.run(frame_question(question), Verdict([ClaimCheck("financial hardship", [pool[0]], 0.9, True)]))
    assert refused is not None and refused.gate == "support"
    held = Verdict([ClaimCheck("a defining moment", [pool[1]], 0.9, True)])
    assert check.run(frame_question(question), held) is None


def test_money_lost_and_a_loss_state_each_other(fake_encoder) -> None:
    # Wikinews w245 and w374: "loss" (a profit figure) and "lost" (a move) are one attribute for a sum of money.
    lost = "Not including special items, the firm said it had lost a net $5.9 billion dollars, or $9.66 per share."
    loss = "In the first quarter of last year, GM had reported a loss of $381 million, or $0.67 per share."
    title = "US automaker GM reports losses of US$6 billion"
    per_share = _gate_of_claims(fake_encoder, "What was GM's loss per share in 2009?", lost, title)
    assert per_share("GM lost $9.66 per share.") is None
    lose = _gate_of_claims(fake_encoder, "How much did GM lose in the first quarter of 2008?", loss, title)
    assert lose("GM reported a loss of $381 million.") is None
    # A percentage lost stays a move of what the sentence speaks of, no loss of money.
    shares = "GM shares lost 5% on Tuesday."
    assert _gate_of_claims(fake_encoder, "What was GM's loss in 2009?", shares, title)("GM lost 5%.") is not None


def test_took_over_a_company_asks_who_acquired_it(fake_encoder) -> None:
    # Wikinews w856: "took over" is an acquisition, worded otherwise by the sentence.
    text = "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005."
    frame = frame_question("Which company took over Pixar in 2005?")
    assert "takeover" in frame.attributes
    check = BindingCheck(fake_encoder, lambda _id: [], {"a": "Apple co-founder Steve Jobs dies"})
    assert check._states_attribute(frame, text)
    # Taking over a post is no acquisition.
    assert "takeover" not in frame_question("Who took over as chief executive of GM?").attributes


def test_an_excluded_name_with_a_number_of_its_own_is_another_thing(fake_encoder) -> None:
    # Held-out round 35, w941: "the Merval 25" is not the Merval the question sets aside.
    text = "The Merval 25 index, which tracks the Merval's largest companies, fell by 10.5%."
    question = "Other than the Merval itself, which affiliated index fell on 6 October 2008?"
    gate = _gate_of_claims(fake_encoder, question, text, "Worldwide markets fall precipitously")
    assert gate("The Merval 25 index fell [1].") is None
    assert gate("The Merval fell by 10.5% [1].") == "constraint"


def test_a_family_word_that_closes_a_name_is_the_name() -> None:
    # Held-out round 36, w957: "the United Auto Workers" is a union, not the employees asked for; a role closing a
    # name or a possessive is still asked.
    union = frame_question("What share of the restructured General Motors will the United Auto Workers own?")
    assert "workers" in union.subjects and "employees" not in union.families
    assert "leadership" in frame_question("Who was the General Motors CEO?").families
    assert "ceo" in frame_question("On what date did Steve Jobs resign as Apple's CEO?").attributes
    assert "employees" in frame_question("How many workers did GM lay off?").families


def test_a_sentence_that_only_names_the_talk_does_not_say_what_was_said(fake_encoder) -> None:
    # Held-out round 36, w962: that Paulson explained the reasoning is no answer to what he said it would bring back.
    question = "What did Henry Paulson say buying up bad loans was meant to bring back to US markets?"
    talk = "Henry Paulson, the US Treasury Secretary, explained the government's reasoning behind its plan."
    said = 'Paulson said that the government was buying bad loans "to restore confidence in our markets".'
    title = "Shares worldwide surge due to US government plan"
    assert (
        _gate_of_claims(fake_encoder, question, talk, title)(
            "Henry Paulson explained the government's reasoning behind its plan."
        )
        == "subject"
    )
    assert _gate_of_claims(fake_encoder, question, said, title)("To restore confidence in the markets.") is None


def test_a_why_questions_move_must_be_stated_that_way() -> None:
    # Held-out round 36, w950: a price reduced, or merely stated, is no price raised.
    question = "Why did Meta raise the price of its glasses?"
    assert _premise(question, "The price of Meta's glasses has also been reduced to $199.") is not None
    assert _premise(question, "Meta's glasses are priced at $299.") is not None
    assert _premise(question, "Meta's glasses rose in price to $399 after the launch.") is None


def test_a_rank_may_be_read_from_a_list_of_figures(fake_encoder) -> None:
    # Held-out round 37, w992: which central bank "got the smallest" is the least of the sentence's listed lines;
    # the Swiss line, raised from US$12 billion to US$27 billion, is not the smallest of its own sentence.
    question = "Of the new swap lines the Federal Reserve opened, which central bank got the smallest?"
    assert frame_question(question).rank == "smallest"
    listed = (
        "The Federal Reserve opened new swap lines with the Bank of Japan for up to US$60 billion, up to US$40 "
        "billion with the Bank of England, and up to US$10 billion with the Bank of Canada."
    )
    gate = _gate_of_claims(fake_encoder, question, listed, "Markets rally as central banks act")
    assert gate("The Bank of Canada got the smallest, up to US$10 billion.") is None
    assert gate("The Bank of England got the smallest, up to US$40 billion.") == "constraint"
    raised = (
        "The Federal Reserve increased swap lines with the European Central Bank from US$55 billion to US$110 "
        "billion, and with the Swiss National Bank from US$12 billion to US$27 billion."
    )
    swiss = _gate_of_claims(fake_encoder, question, raised, "Markets rally as central banks act")
    assert swiss("The Swiss National Bank got the smallest, with US$27 billion.") == "constraint"


def test_an_it_after_an_opening_adverb_refers_back() -> None:
    # Held-out round 37, w992: "Additionally, it opened new swap lines …" is the Federal Reserve's.
    check = BindingCheck(HashingEncoder(dim=64), lambda _id: [], {})
    assert check.refers_back("Additionally, it opened new swap lines with the Bank of Japan.")
    assert not check.refers_back("Additionally, the Bank of Japan opened new swap lines.")


def test_a_described_speaker_must_be_named_by_the_report(fake_encoder) -> None:
    # Held-out round 37, w979: Henderson's words, in a report that never names the university, are not what a
    # University of Michigan specialist said.
    henderson = 'He emphasized that "GM remains open for business" during the bankruptcy period.'
    said = [Sentence(article_id="gm", start=0, end=len(henderson), text=henderson)]
    check = BindingCheck(fake_encoder, lambda _id: said, {"gm": "CEO of GM outlines plan"})
    question = "How did a University of Michigan bankruptcy specialist sum up the bondholders' answer to GM's offer?"
    problem = check._not_theirs(question, said)
    assert problem is not None and "University of Michigan" in problem.message
    professor = "A professor from the University of Michigan said they said no."
    theirs = [Sentence(article_id="um", start=0, end=len(professor), text=professor)]
    named = BindingCheck(fake_encoder, lambda _id: theirs, {"um": "Bondholders reject GM offer"})
    assert named._not_theirs(question, theirs) is None


def test_the_other_model_may_be_the_answer_itself(fake_encoder) -> None:
    # Held-out round 37, w982: "iPhone 3.0" answers which software version the iPhone 3GS comes with; a figure given
    # with another model is still that model's.
    text = "The new phone will also come pre-loaded with the new iPhone 3.0 software."
    question = "Which version of Apple's iPhone software comes already installed on the iPhone 3GS?"
    gate = _gate_of_claims(fake_encoder, question, text, "Apple launches new, faster iPhone")
    assert gate("iPhone 3.0.") is None
    storage = _gate_of_claims(
        fake_encoder, "How much storage does the iPhone 3G have?", "The iPhone 3GS has 32 GB of storage.", "Apple"
    )
    assert storage("The iPhone 3GS has 32 GB.") == "subject"


def test_a_figure_reported_before_the_month_asked_is_not_of_it(fake_encoder) -> None:
    # Held-out round 37, w976: the debt bondholders would not swap, reported on 28 May, is not what GM listed in its
    # June 2009 filing; a report of that month, or one that looks ahead, may give it.
    text = "General Motors said most of its bondholders did not exchange GM's US$27 billion debt for stock."
    sentence = Sentence(article_id="may", start=0, end=len(text), text=text)
    question = "How much debt did General Motors list in its June 2009 bankruptcy filing?"
    early = BindingCheck(fake_encoder, lambda _id: [sentence], {"may": "GM bondholders"}, dates={"may": "2009-05-28"})
    assert early.reported_before(question, [sentence]) == "2009-05-28"
    timely = BindingCheck(fake_encoder, lambda _id: [sentence], {"may": "GM bondholders"}, dates={"may": "2009-06-01"})
    assert timely.reported_before(question, [sentence]) == ""
    ahead = "GM expects to list US$27 billion of debt when it files."
    looking = Sentence(article_id="may", start=0, end=len(ahead), text=ahead)
    assert early.reported_before(question, [looking]) == ""


def test_a_long_run_of_he_is_read_up_to_its_head(fake_encoder) -> None:
    # Wikinews w693: Henderson is named at the head of a run of twelve "He stated …" sentences; the sentences between
    # are not read, only the head.
    texts = ["Henderson stated that the process would take 60 days."]
    texts += [f"He stated that point {n} mattered to Obama." for n in range(11)]
    texts += ["He declined to predict when the New GM would return to profitability."]
    pool, at = [], 0
    for text in texts:
        pool.append(Sentence(article_id="gm", start=at, end=at + len(text), text=text))
        at += len(text) + 1
    check = BindingCheck(fake_encoder, lambda _id: pool, {"gm": "CEO of GM outlines plan"})
    referred = check._referred_to(pool[-1])
    assert referred[0] is pool[0] and pool[1] not in referred
    # A run with no head in reach is read as far as the chain goes.
    headless = BindingCheck(fake_encoder, lambda _id: pool[1:], {"gm": "CEO of GM outlines plan"})
    assert pool[0] not in headless._referred_to(pool[-1])


def test_what_someone_called_a_thing_is_not_taken_from_another_sentence(fake_encoder) -> None:
    # Held-out round 33, w899: "New GM" is from Henderson's lead; the hardship is only in Obama's sentence cited
    # beside it, in none of the answer's words.
    lead = "Fritz Henderson outlined plans for a New GM at a press conference."
    obama = "He described the financial hardship that shareholders and GM dealers would undergo as a sacrifice."
    question = "What did Henderson call the hardship GM's shareholders and dealers would face?"
    cited = [
        Sentence(article_id="hen", start=0, end=len(lead), text=lead),
        Sentence(article_id="oba", start=0, end=len(obama), text=obama),
    ]
    claim = "The hardship GM's shareholders and dealers would face was a 'New GM'."
    problem = _called_unspoken(question, claim, cited)
    assert problem is not None and "hardship" in problem.message
    # Where the sentence that speaks of it also gives the answer's words, or none speaks of it, it passes.
    assert _called_unspoken(question, "He called it a sacrifice.", cited) is None
    assert _called_unspoken(question, "A New GM.", cited[:1]) is None


def test_a_figure_listed_beside_another_holder_is_not_the_subjects(fake_encoder) -> None:
    # Wikinews w318 (adversarial): the Canadian Auto Workers own no share in the list; the 20 percent is Fiat's.
    owners = (
        "The emerging Chrysler will be owned 55 percent by the United Auto Workers, eight percent by the United "
        "States Government, two percent by the Canadian Government and Fiat would begin with a 20 percent share."
    )
    title = "Chrysler files for bankruptcy; Fiat Group to form partnership"

    def gate(question: str, claim: str) -> str | None:
        return _gate_of_claims(fake_encoder, question, owners, title)(claim)

    assert gate("What share of the new Chrysler will the Canadian Auto Workers union own?", "20 percent.") == "subject"
    # Each holder's own item gives its share; what the list is of (Chrysler, named at its head) is no holder.
    assert gate("What share of the new Chrysler will Fiat own?", "20 percent.") is None
    assert gate("What share of the new Chrysler will the Canadian Government own?", "Two percent.") is None
    assert gate("What share of the new Chrysler will the US government own?", "Eight percent.") is None


def test_a_reason_taken_from_a_sentence_on_another_matter_is_refused() -> None:
    # Wikinews w733: the reason for a Sunday unveiling was stitched from another report's test flight on a Tuesday.
    unveiled = "Boeing unveils new 787 Dreamliner"
    flight = "Boeing's newest commercial aircraft, the 787 Dreamliner, made its first test flight Tuesday."
    chosen = "Sunday was chosen as its date matches the aircraft's designation number when written as 7/8/07."
    pool = [Sentence(article_id=n, start=0, end=len(t), text=t) for n, t in (("u", unveiled), ("f", flight))]
    # Wide enough that the hashing fake puts no word of the flight next to "choose" or "unveil" (the real model does
    # not).
    encoder = HashingEncoder(dim=1024)
    check = BindingCheck(encoder, lambda _id: [], {"u": unveiled, "f": "Boeing 787 makes its first flight"})
    question = "Why did Boeing choose a Sunday to unveil the 787 Dreamliner?"
    stitched = "Boeing chose a Sunday because it was the first test flight of the aircraft, scheduled for Tuesday."
    assert check._reason_from_elsewhere(question, stitched, pool) == "choose, unveil"
    # The reason from the sentence on the choice, or from a sentence alone, passes.
    told = [pool[0], Sentence(article_id="u", start=40, end=40 + len(chosen), text=chosen)]
    assert check._reason_from_elsewhere(question, "Its date matches the designation number, 7/8/07.", told) == ""
    assert check._reason_from_elsewhere(question, stitched, pool[1:]) == ""
    # One report words the event its own way (Wikinews w086: "pushed out" for leaving), so only another's counts.
    left = "Apple confirmed that Papermaster had left the company."
    pushed = "The Wall Street Journal reported that Papermaster had been pushed out due to a clash of cultures."
    report = [Sentence(article_id="p", start=at, end=at + len(t), text=t) for at, t in ((0, left), (60, pushed))]
    assert check._reason_from_elsewhere("Why did Papermaster leave Apple?", "Due to a clash of cultures.", report) == ""


def test_a_count_of_others_beside_the_asked_count_is_refused(fake_encoder) -> None:
    # Wikinews w574: 31 counts the Republicans who voted against, beside the three Democrats.
    vote = "Three Democrats voted with thirty-one Republicans against it."
    gate = _gate_of_claims(fake_encoder, "How many Democrats voted against the bill?", vote, "Bailout fails")
    assert gate("31.") == "subject"
    assert gate("3.") is None
    # The figure counting the asked thing, by the word before its noun too, is no count of another (w1000).
    said = [Sentence(article_id="a", start=0, end=len(vote), text=vote)]
    assert _counted_beside("How many Republican senators voted against the bill?", said, {31.0}) is None
    assert _counted_beside("How many Democrats voted against the bill?", said, {31.0}) == ("Republicans", "Democrats")


@pytest.mark.parametrize(
    ("question", "claim", "met", "unmet"),
    [
        # Held-out round 41, w1073: "A third US car manufacturer, Ford" is an American carmaker; the pronoun "us" is
        # not.
        (
            "Other than Chrysler and General Motors, which American carmaker said it could make it through the year?",
            "Ford Motor Company.",
            "A third US car manufacturer, Ford Motor Company, has said that it can make it through this year.",
            '"Ford Motor Company will make it through this year," he told us.',
        ),
        # Held-out round 42, w1104: "reduced to $199 in the US" is the price in the United States.
        (
            "How much did a 3G iPhone cost a buyer in the United States?",
            "$199.",
            "The price for the iPhone has also been reduced to $199 in the US.",
            "The price for the iPhone has also been reduced to $199 in Canada.",
        ),
    ],
)
def test_the_united_states_and_americans_are_met_by_us_written_as_a_name(
    question: str, claim: str, met: str, unmet: str
) -> None:
    assert _ranked(question, claim, met, "Carmakers seek aid") is None
    assert _ranked(question, claim, unmet, "Carmakers seek aid") == "subject"


def test_a_year_that_names_whose_account_is_asked_is_the_reports(fake_encoder) -> None:
    # Held-out round 41, w1076: "according to its February 2009 plan" names the report of 2009; "by 2017" there is
    # when the loans are repaid, not the year of the two years asked.
    check = BindingCheck(fake_encoder, lambda _id: [], {}, dates={"a": "2009-02-18", "b": "2017-03-01"})
    text = "GM says that it could be profitable in two years' time, and might be able to repay all its loans by 2017."
    question = "Within how many years did GM say it could become profitable again, according to its February 2009 plan?"
    assert check.other_year(question, [Sentence(article_id="a", start=0, end=len(text), text=text)]) == ""
    # A report of another year is held to the year as before, as is a year the question asks of the figure.
    assert check.other_year(question, [Sentence(article_id="b", start=0, end=len(text), text=text)]) == "2017"
    asked = "Within how many years of February 2009 did GM say it could become profitable again?"
    assert check.other_year(asked, [Sentence(article_id="a", start=0, end=len(text), text=text)]) == "2017"


def test_a_why_questions_event_is_not_stated_by_the_clause_that_dates_it() -> None:
    # Held-out round 41, w1088 (false premise): sales fell, and GM brought in incentives; nothing was scrapped.
    text = "General Motors said its US sales fell 45% in March, as GM launched new buyer incentives."
    question = "Why did GM scrap its new buyer incentive programme after its US sales fell 45% in March?"
    message = _premise(question, text)
    assert message is not None and '"scrap"' in message
    assert _premise("Why did General Motors' sales fall 45% in March?", text) is None


def _dated_reports(reports: dict[str, tuple[str, str, str]]) -> tuple[dict[str, list[Sentence]], BindingCheck]:
    """The sentences of each report ({id: (title, date, text)}), and a binder that reads them by their dates."""
    pool = {a: sentences_of_text(a, text) for a, (_title, _date, text) in reports.items()}
    titles = {a: title for a, (title, _date, _text) in reports.items()}
    dates: dict[str, str | None] = {a: date for a, (_title, date, _text) in reports.items()}
    return pool, BindingCheck(HashingEncoder(dim=64), lambda a: pool[a], titles, dates=dates)


def test_a_report_from_before_a_model_is_first_named_does_not_speak_of_it() -> None:
    # Held-out round 41, w1070 (adversarial): a report of January 2007 on the iPhone gives no size of the iPhone 3G,
    # which the articles first name in June 2008.
    launched = (
        "Apple launches 3G iPhone",
        "2008-06-09",
        "Apple launched the iPhone 3G. The iPhone 3G is twice as fast.",
    )
    pool, check = _dated_reports(
        {
            "a": (
                "Apple introduces iPhone",
                "2007-01-10",
                "Apple today introduced the iPhone. It has a 3.5-inch touchscreen display.",
            ),
            "b": launched,
        }
    )
    old, new = pool["a"], pool["b"]
    display = Verdict([ClaimCheck("The iPhone 3G's display is 3.5 inches.", [old[1]], 1.0, True)])
    refused = check.run(frame_question("How big is the iPhone 3G's display?"), display)
    assert refused is not None and refused.gate == "subject" and "2007-01-10" in refused.message
    assert check.run(frame_question("How big is the iPhone's display?"), display) is None
    # A sentence cited beside it that names the model but does not give the figure does not place it (w1070, rerun).
    beside = Verdict([ClaimCheck("The iPhone 3G's display is 3.5 inches.", [new[0], old[1]], 1.0, True)])
    refused = check.run(frame_question("How big is the iPhone 3G's display?"), beside)
    assert refused is not None and refused.gate == "subject"
    # A report that names the model, or one after the first that does, may speak of it.
    assert check.before_model("How fast is the iPhone 3G?", [new[1]]) is None
    pool, check = _dated_reports(
        {
            "a": (
                "Apple introduces iPhone",
                "2007-01-10",
                "Apple today introduced the iPhone. It has a 3.5-inch display, unlike the 3G.",
            ),
            "b": launched,
        }
    )
    assert check.before_model("How big is the iPhone 3G's display?", [pool["a"][1]]) is None


def test_how_much_faster_is_answered_by_a_multiple_the_sentence_states() -> None:
    # Held-out round 41, w1085: "twice as fast" is by how much faster; a speed alone is not.
    question = "By Apple's chief executive's own account, how much faster is the new 3G handset than its predecessor?"
    said = 'Jobs said "we are launching the new iPhone 3G that is twice as fast at half the price."'
    assert _ranked(question, "The iPhone 3G is twice as fast.", said, "Apple launches 3G iPhone") is None
    level = "Jobs said the new iPhone 3G downloads at 1.4 megabits a second."
    assert (
        _ranked(question, "It downloads at 1.4 megabits a second.", level, "Apple launches 3G iPhone") == "constraint"
    )


def test_a_multiple_is_held_by_the_sentence_that_states_it() -> None:
    # Wikinews w1038 (adversarial): "twice as fast" is the iPhone 3G's, said in 2008, a year before the articles first
    # name the 3GS; a sentence of 2010 that names the 3GS, cited beside it, does not make it the 3GS's.
    pool, check = _dated_reports(
        {
            "b": (
                "Apple launches 3G iPhone",
                "2008-06-09",
                "Apple launched the new iPhone 3G. The new iPhone 3G is twice as fast.",
            ),
            "c": ("Apple launches iPhone 3GS", "2009-06-09", "Apple launched the iPhone 3GS. It costs US$199."),
            "d": ("Apple unveils iPhone 4", "2010-06-08", "The iPhone 3GS's price will be reduced to US$99."),
        }
    )
    claim = ClaimCheck("The iPhone 3GS is twice as fast as the iPhone 3G.", [pool["d"][0], pool["b"][1]], 1.0, True)
    refused = check.run(frame_question("How much faster is the iPhone 3GS than the iPhone 3G?"), Verdict([claim]))
    assert refused is not None and refused.gate == "subject" and "2008-06-09" in refused.message


def test_the_figure_an_answer_adds_is_carried_by_the_sentence_that_holds_it() -> None:
    # Held-out round 42, w1101 (adversarial): the 90% is the Obama administration's demand, in a report that never
    # names Ottawa; a figure of two digits is still what the answer adds.
    question = "What share of GM's bondholders did Ottawa insist must sign on before Canada would extend further loans?"
    obama = (
        "U.S. President Barack Obama's administration said it would not give more financial aid to the firm unless "
        "90% of GM's bondholders would agree."
    )
    title = "Bankruptcy for U.S. automaker GM becomes almost certain"
    other = "GM's bondholders met in New York."
    said = [Sentence(article_id="a", start=at, end=at + len(t), text=t) for at, t in ((0, other), (40, obama))]
    assert _carrying(question, "90%.", said) == said[1:]
    assert _ranked(question, "90%.", obama, title) == "subject"
    ottawa = "Ottawa said it would not extend further loans unless 90% of GM's bondholders would agree."
    assert _ranked(question, "90%.", ottawa, title) is None


def test_a_span_of_time_counts_none_of_the_things_asked() -> None:
    # Held-out round 42, w1114 (adversarial): "just one year after launching the iPhone" counts no people at the
    # developers' gathering.
    question = "How many people turned up at the developers' gathering where Jobs showed off the 3G iPhone?"
    title = "Apple launches 3G iPhone"
    said = 'Jobs said at a developers\' conference: "just one year after launching the iPhone, we launch the 3G."'
    assert _ranked(question, "1 person turned up at the gathering.", said, title) == "attribute"
    counted = "Some 5,000 people turned up at the developers' conference where Jobs showed off the iPhone 3G."
    assert _ranked(question, "5,000 people turned up.", counted, title) is None
    # A count of more of a unit of time is that unit's, as before (Wikinews w720).
    hours = sentences_of_text("a", "iPhone 4 has seven hours of 3G talk time, up two hours from the 3GS.")
    assert _in_other_unit("How many more hours of 3G talk time does the iPhone 4 have?", hours, {2.0}) is None
    assert _in_other_unit("How many months late was it?", sentences_of_text("a", "It was two years late."), {2.0}) == (
        "years",
        "months",
    )


def test_a_count_of_people_answers_how_many_passengers() -> None:
    # Held-out round 42, w1109: "555 people in typical three mixed classes layout" counts the passengers, beside the
    # classes; and the report the question cites ("the report on its launch") names no attribute asked.
    question = (
        "According to the January 2005 report on its launch, how many passengers does the A380 seat in a typical "
        "three-class layout?"
    )
    frame = frame_question(question)
    claim = "The A380 seats up to 555 people in typical three mixed classes layout."
    assert counts_other(frame, claim) is None
    assert counts_other(frame, "It has three mixed classes.") == ("classes", "passengers")
    assert frame.families == frozenset() and "launch" in frame.attributes
    assert frame_question("How many passengers did the A380 carry at its launch?").families == {"founding"}
    said = "Airbus unveiled the A380, which can carry 555 people in typical three mixed classes layout."
    assert _ranked(question, claim, said, "Airbus launches world's largest passenger jet") is None


def test_a_move_in_its_ing_form_is_the_move_the_question_asks_about() -> None:
    # Held-out round 43, w1119: "After climbing 2.3%" asks a rise, and the clause's "sales plunge" is not asked;
    # "climbing" was no word of a rise, so the question asked only the plunge.
    question = "After climbing 2.3%, what price did Ford's stock reach on the day GM disclosed its 45% sales plunge?"
    title = "General Motors automobile sales plunge by 45%"
    gained = "Ford shares gained 2.3% to a level of US$2.69 in early trading at US stock markets on Wednesday."
    assert _ranked(question, "US$2.69.", gained, title) is None
    fell = "Ford shares fell 2.3% to a level of US$2.69 in early trading at US stock markets on Wednesday."
    assert _ranked(question, "US$2.69.", fell, title) == "direction"
    assert (family_of("climbing"), family_of("sliding")) == ("rise", "fall")


def test_the_post_of_the_one_asked_about_is_not_what_is_asked() -> None:
    # Held-out round 43, w1139: "Apple's boss" says who battled cancer; the year is the sentence's on the illness,
    # which names no post, not the one on his return as CEO.
    question = "In what year did Apple's boss first battle pancreatic cancer?"
    title = "Apple Inc. CEO Steve Jobs on medical leave"
    illness = "He fought pancreatic cancer in 2004 and took six months off in early 2009."
    returned = (
        "In 1996, following Apple Computer's purchase of NeXT, Jobs returned to Apple and soon after reassumed the "
        "role of CEO."
    )
    assert _ranked(question, "2004.", illness, title) is None
    assert _ranked(question, "1996.", returned, title) == "attribute"
    assert "boss" in frame_question(question).description_words
    # Asked who holds it, the post is what is asked.
    assert "boss" not in frame_question("Who was Apple's boss in 2004?").description_words


def test_washington_speaks_by_its_administration_and_nine_in_ten_is_90_percent() -> None:
    # Held-out round 43, w1140: "Washington" is the US administration, and "nine in ten of its debt holders" the
    # 90% of GM's bondholders, which the answer does not add.
    question = (
        "What did Washington say GM would be denied if nine in ten of its debt holders failed to accept compromises?"
    )
    title = "Bankruptcy for U.S. automaker GM becomes almost certain"
    obama = (
        "President Barack Obama's administration said it would not give more financial aid to the firm unless 90% "
        "of GM's bondholders would agree on compromises."
    )
    assert _ranked(question, "More financial aid.", obama, title) is None
    harper = (
        "Prime Minister Stephen Harper said Canada would not give more financial aid unless 90% of bondholders agree."
    )
    assert _ranked(question, "More financial aid.", harper, "Canada's loans to GM") == "subject"
    assert 90.0 in extract_quantities("nine in ten of its debt holders")
    assert 90.0 not in extract_quantities("nine of its ten debt holders")


def test_a_clause_figure_to_a_fraction_places_the_report_whatever_its_verb() -> None:
    # Held-out round 43, w1130: "on the day the FTSE 100 edged up 0.16%" is the report where it "went up by 0.16%".
    texts = {
        "oct7": "The FTSE 100 went up by 0.16% to 4605.22. YRC Worldwide lost 27.30%, the worst in the Nasdaq.",
        "oct9": "The FTSE 100 fell 2.4% to 4366.69. Shares in one Nasdaq stock had a loss of 12.5%.",
        "oct10": "The FTSE 100 went up by 16 to 4621. The Nasdaq fell.",
    }
    _, check = _reports_with_occasions(texts, "Stock markets fall")
    frame = frame_question(
        "By what percentage did the weakest stock in the Nasdaq fall on the day the FTSE 100 edged up 0.16%?"
    )
    assert check.speaks_of_occasion(frame, "oct7")
    assert not check.speaks_of_occasion(frame, "oct9")
    # A whole figure many days' reports may pass places no report by itself.
    whole = frame_question(
        "By what percentage did the weakest stock in the Nasdaq fall on the day the FTSE 100 edged up 16 points?"
    )
    assert not check.speaks_of_occasion(whole, "oct10")


def test_a_sentence_inside_a_quotation_is_read_with_whom_it_quotes() -> None:
    # Held-out round 43, w1135: the FDIC sentence goes on with a quotation of the White House spokeswoman's.
    quoted = (
        "Dana Perino, a spokesperson for the White House, commented today on the falls. "
        '"One of the things that the President can do is to remind them what this rescue package would do. '
        "One of the most important things that it would do is to make sure that everybody knows that their bank "
        'deposit is safe, insured by the FDIC. This reassures people," she stated.'
    )
    question = "Which agency did the White House spokeswoman say insures Americans' bank deposits?"

    def gate(text: str) -> str | None:
        said = sentences_of_text("a", text)
        check = BindingCheck(HashingEncoder(dim=64), lambda _: said, {"a": "Stock markets fall"})
        fdic = [s for s in said if "FDIC" in s.text]
        problem = check.run(frame_question(question), Verdict([ClaimCheck("FDIC.", fdic, 1.0, True)]))
        return problem.gate if problem else None

    assert gate(quoted) is None
    assert gate(quoted.replace('"', "")) == "subject", "without the quotation the sentence is no one's words"


def test_an_amount_asked_in_a_currency_is_not_answered_in_another() -> None:
    # Held-out round 44, w1160 (adversarial): "$199 in the US" is no price in Canadian dollars.
    question = "How much does a 3G iPhone sell for in Canadian dollars?"
    us = "The price for the iPhone has also been reduced to $199 in the US."
    assert _ranked(question, "$199.", us, "Apple launches 3G iPhone") == "attribute"
    canadian = "In Canada the iPhone 3G sells for CA$199."
    assert _ranked(question, "CA$199.", canadian, "Apple launches 3G iPhone") is None
    # A sum given in both currencies is given in the asked one; a figure in no currency is not judged by it.
    both = "Kudrin announced that 500 billion rubles (US$19.7 billion) would be infused into the markets."
    asked = "How much did Kudrin announce for the markets in rubles?"
    assert _ranked(asked, "500 billion rubles (US$19.7 billion).", both, "Russian markets") is None
    assert _ranked("How much does a 3G iPhone sell for in US dollars?", "$199.", us, "Apple launches 3G iPhone") is None


def test_a_count_of_a_deed_is_not_a_figure_whose_clause_leaves_it_to_some() -> None:
    # Held-out round 44, w1155 (adversarial): the 840 orders were attracted; "some" were cancelled, uncounted.
    question = "How many 787 orders had been cancelled because of the delays by the time of the maiden flight?"
    attracted = (
        "The aircraft is thought to have attracted 840 orders to date, though some have been cancelled due to the "
        "delays, making the 787 worth in the region of US$140bn for Boeing."
    )
    title = "Boeing 787 Dreamliner makes maiden flight"
    assert _ranked(question, "840 orders.", attracted, title) == "attribute"
    counted = "Boeing said 73 orders have been cancelled due to the delays, though some customers added more."
    assert _ranked(question, "73 orders.", counted, title) is None


def test_a_model_is_the_one_its_articles_title_names_where_the_sentence_names_none() -> None:
    # Held-out round 44, w1149: the iPhone 4 report's "32GB version at US$299" prices no iPhone 3GS.
    question = "How much storage does the US$299 version of the iPhone 3GS offer?"
    prices = "The 16GB version is priced at US$199 and the 32GB version at US$299."
    iphone4 = "Apple unveils iPhone 4, iOS 4 at Worldwide Developers Conference 2010"
    assert _ranked(question, "32GB.", prices, iphone4) == "subject"
    assert _ranked(question, "32GB.", prices, "Apple launches iPhone 3GS") is None
    assert _ranked(question, "32GB.", prices, "Apple launches new, faster iPhone") is None


def test_a_comparison_the_sentences_deny_is_no_premise_to_explain() -> None:
    # Held-out round 44, w1159 (false premise): prices abroad are "equal or below" those in the US.
    question = "Why does the 3G iPhone cost more abroad than in the United States?"
    denied = (
        "The price for the iPhone has also been reduced to $199 in the US, with prices in other countries equal or "
        "below that of within the US."
    )
    title = "Apple launches 3G iPhone"
    assert _ranked(question, "Because the price has been reduced to $199 in the US.", denied, title) == "relation"
    stated = "Because of import duties, prices in other countries are higher than in the US, at $299."
    assert _ranked(question, "Because of import duties, at $299.", stated, title) is None


def test_a_continent_asked_as_the_kind_is_met_by_a_country_of_it() -> None:
    # Held-out round 44, w1142: "Which Asian index …" is answered by "The Japanese index the Nikkei".
    question = "Which Asian index bucked the trend and finished higher on 17 September 2008?"
    nikkei = "The Japanese index the Nikkei was one of the few to rise in value over the day."
    title = "Stock markets worldwide fall dramatically"
    assert _ranked(question, "The Nikkei.", nikkei, title) is None
    merval = "The Argentine index the Merval was one of the few to rise in value over the day."
    assert _ranked(question, "The Merval.", merval, title) == "subject"


def test_a_name_from_a_report_weeks_after_the_asked_day_is_no_answer_for_it() -> None:
    # Held-out round 44, w1142: "Australia dropped by 8.4%", in a report of 10 October, says nothing of 17 September.
    question = "Which Asian index bucked the trend and finished higher on 17 September 2008?"
    sentence = "The Japanese index the Nikkei rose, while Australia dropped by 8.4%."

    def gate(published: str) -> str | None:
        pool, check = _dated_reports({"a": ("Global markets plunge", published, sentence)})
        verdict = Verdict([ClaimCheck("The Nikkei.", pool["a"], 1.0, True)])
        problem = check.run(frame_question(question), verdict)
        return problem.gate if problem else None

    assert gate("2008-10-10") == "date"
    # A report of the day, or filed within the week after it, may be speaking of it.
    assert gate("2008-09-17") is None
    assert gate("2008-09-19") is None


def test_a_draft_refused_for_a_figure_is_shown_the_articles_sentences_that_give_one_not_a_day(tmp_path) -> None:
    # Held-out round 44, w1153: the passages the question's words reach hold "June 1st", a day, not a value; the
    # sentence with GM's declared assets sits further on in the article. "Chapter 11" is a kind of bankruptcy the
    # sentence need not name.
    filler = " ".join(f"Dealers on street number {n} waited for news." for n in range(8))
    text = (
        "# General Motors seeks bankruptcy protection\n\nGeneral Motors filed for bankruptcy and Chapter 11 "
        "protection at 12:00 UTC Monday. In a press conference at 16:15 UTC, June 1st, the chief of General "
        "Motors, which filed for Chapter 11 protection earlier today, outlined a plan. " + filler + " This was the "
        "largest bankruptcy filing of a manufacturer, with declared assets of $82.29 billion."
    )
    index, encoder = articles_index(tmp_path, {"gm.md": text}, ChunkerConfig(chunk_tokens=70, overlap_sentences=0))
    question = "What value did General Motors put on its assets in its Chapter 11 petition?"
    assert "chapter" not in frame_question(question).subjects
    replies = iter(["Sentences: 1\nAnswer: $10 billion.", "Sentences: 1\nAnswer: $82.29 billion."])
    settings = gate_settings(context_mode="retrieval", judge=False)
    pipeline = assemble_pipeline(settings, ScriptedGenerator("unused"), index, encoder)
    assert not any("82.29" in h.chunk.text for h in pipeline.stages.retriever.search(question, k=1))
    pipeline.generator = pipeline.stages.drafter.generator = ScriptedGenerator(lambda messages: next(replies))
    answer = pipeline.ask(question, top_k=1)
    assert answer.answerable and "82.29" in answer.answer, answer.abstention
    shown = as_fake(pipeline.generator, ScriptedGenerator).calls[1][-1]["content"]
    assert "$82.29 billion" in shown


def test_a_heading_from_a_report_weeks_away_is_dropped_from_an_answer_for_the_asked_day() -> None:
    # Wikinews w192 (rerun of round 44): the heading of a 20 September report beside the 6 October sentence that
    # answers is dropped, not the reason to refuse the answer; alone, it is refused.
    pool, check = _dated_reports(
        {
            "oct6": (
                "Worldwide markets fall precipitously",
                "2008-10-06",
                "The Dow Jones index was one that fared particularly poorly today, as not one of its companies "
                "increased its share price.",
            ),
            "sep20": ("Shares worldwide surge due to US government plan", "2008-09-20", "Shares surged today."),
        }
    )
    heading = Sentence(article_id="sep20", start=0, end=0, text="Shares worldwide surge due to US government plan")
    dow = ClaimCheck(
        "The Dow Jones index fared poorly, as not one of its companies increased its price.", pool["oct6"], 1.0, True
    )
    surge = ClaimCheck("Shares worldwide surge due to US government plan.", [heading], 1.0, True)
    frame = frame_question("Which two indexes saw none of their companies raise their share price on 6 October 2008?")
    trimmed = check.trim(frame, Verdict([dow, surge]))
    assert trimmed.checks == [dow]
    assert check.run(frame, trimmed) is None
    assert check.other_day(frame.question, [heading], named=True) == "20 September 2008"
    assert check.run(frame, Verdict([surge])) is not None


def test_what_value_asks_a_figure() -> None:
    # Held-out round 44, w1153: "What value did General Motors put on its assets …?" asks an amount.
    question = "What value did General Motors put on its assets in its Chapter 11 petition?"
    assert asks_figure(question)
    assert not asks_figure("What values did Apple's founders hold?")
    assert not answers_question_type(question, "General Motors filed for bankruptcy and Chapter 11 protection.")
    assert answers_question_type(question, "$82.29 billion.")


def _report_gate(question: str, claim: str, text: str, cited: str, title: str = "Report") -> str | None:
    """The gate that refuses ``claim``, cited to the sentence of ``text`` that starts with ``cited``."""
    pool, check = _dated_reports({"a": (title, "2011-08-25", text)})
    sentence = next(s for s in pool["a"] if s.text.startswith(cited))
    problem = check.run(frame_question(question), Verdict([ClaimCheck(claim, [sentence], 1.0, True)]))
    return problem.gate if problem else None


def test_the_name_of_the_asked_kind_must_be_the_answers_though_other_names_are_met() -> None:
    # Held-out round 45, w1170: the article's Stanford man is a management expert, not the analyst who forecast.
    question = "Which Stanford University analyst forecast that Jobs's departure would take two years to affect Apple?"
    text = (
        "Analyst Charles Golvin predicts that the resignation will not affect Apple for two years. A contrary view "
        "is offered by Charles O'Reilly, a management expert at Stanford University."
    )
    assert _report_gate(question, "Charles Golvin.", text, "Analyst", "Jobs resigns as Apple CEO") == "subject"
    # The article writing the kind beside the answer's own name places it: "European auto maker Fiat" (w007).
    question = "Which European carmaker struck a deal with Chrysler?"
    text = "A deal with European auto maker Fiat went through. Fiat is a supplier of small cars to Chrysler."
    assert _report_gate(question, "Fiat.", text, "Fiat is", "Chrysler files for bankruptcy") is None


def test_a_name_owning_what_the_verb_is_done_with_must_be_the_answers() -> None:
    # Held-out round 45, w1172: the Fed's enlarged lines with two other central banks give no Australian ceiling.
    question = "What ceiling did the Federal Reserve set on a swap arrangement with Australia's central bank?"
    text = (
        "The Federal Reserve arranged to increase swap lines with the European Central Bank from US$55 billion to "
        "US$110 billion."
    )
    claim = "US$110 billion."
    assert _report_gate(question, claim, text, "The Federal", "Markets rally as central banks infuse cash") == "subject"
    asked = "What ceiling did the Federal Reserve set on a swap arrangement with Europe's central bank?"
    assert _report_gate(asked, claim, text, "The Federal", "Markets rally as central banks infuse cash") is None
    # An owner in the question's occasion says which day, not whose thing: "on the day Russia's markets were shut".
    occasion = "What ceiling did the Federal Reserve set on a swap line on the day Russia's markets were shut?"
    assert _report_gate(occasion, claim, text, "The Federal", "Markets rally as central banks infuse cash") is None


def test_a_why_answer_from_a_sentence_that_neither_speaks_of_the_event_nor_gives_a_reason_is_refused() -> None:
    # Held-out round 44, w1156 (adversarial): the model's "because" made a price cut the reason Apple held back its
    # software; the sentence says nothing of holding anything back, nor of any reason.
    question = "Why did Apple hold back the iPhone 3.0 software until after the iPhone 3GS was in shops?"
    text = "Apple unveiled the iPhone 4. The iPhone 3GS's price will be reduced to US$99."
    claim = "Apple held it back because the 3GS's price was reduced to US$99."
    assert _report_gate(question, claim, text, "The iPhone 3GS", "Apple unveils iPhone 4") == "subject"
    # A sentence that states a reason may word the event its own way ("pushed out" for leaving, Wikinews w086)…
    question = "Why did Mark Papermaster leave Apple?"
    text = "Apple confirmed the news. Papermaster had been pushed out due to an incompatibility with Apple's culture."
    claim = "Due to an incompatibility with Apple's culture."
    assert _report_gate(question, claim, text, "Papermaster", "Apple executive leaves company") is None
    # …and one that speaks of the event may give its reason without a link ("to help …").
    question = "Why did Apple hold back the software?"
    text = "Apple said it would hold back the software. The delay lets carriers finish their tests."
    claim = "The delay lets carriers finish their tests."
    assert _report_gate(question, claim, text, "The delay", "Apple delays software") is None


def test_a_figure_of_the_company_the_sentence_before_names_is_not_its_title_peers() -> None:
    # Held-out round 45, w1182 (adversarial): "the auto maker" is Chrysler, named the sentence before, under a title
    # that names GM beside it.
    text = (
        "The auto manufacturer Chrysler has asked for US$5 billion in aid. At the end of last year, the auto maker "
        "had just over 54,000 employees."
    )
    title = "US automakers GM and Chrysler seek more government aid"
    question = "What was the size of General Motors' total workforce?"
    assert _report_gate(question, "54,000.", text, "At the end", title) == "subject"
    assert _report_gate(question.replace("General Motors'", "Chrysler's"), "54,000.", text, "At the end", title) is None
    # Under a title that names no peer, the sentence before may be on a unit of the asked company.
    assert _report_gate(question, "54,000.", text, "At the end", "General Motors seeks aid") is None


def test_the_fed_is_the_federal_reserve() -> None:
    # Held-out round 45, w1173: "Of the two existing Fed swap lines …" is about the sentence where "the Federal
    # Reserve arranged to increase existing swap lines".
    question = "Of the two existing Fed swap lines, which central bank's line was doubled?"
    text = (
        "Central banks acted together. The Federal Reserve arranged to increase existing swap lines with the "
        "European Central Bank from US$55 billion to US$110 billion."
    )
    claim = "The European Central Bank's line was doubled."
    assert _report_gate(question, claim, text, "The Federal", "Markets rally as central banks infuse cash") is None
    assert (
        _report_gate(
            question,
            claim,
            text.replace("Federal Reserve", "Bank of England"),
            "The Bank",
            "Markets rally as central banks infuse cash",
        )
        == "subject"
    )


def test_the_gatherer_reads_the_auto_maker_as_the_company_named_before() -> None:
    # Held-out round 45, w1182: the gatherer, like the gate, takes "the auto maker" for Chrysler, named the sentence
    # before, not for GM, whom the title names beside it.
    text = (
        "The auto manufacturer Chrysler has asked for US$5 billion in aid. At the end of last year, the auto maker "
        "had just over 54,000 employees."
    )
    pool, check = _dated_reports({"a": ("US automakers GM and Chrysler seek more government aid", "2009-02-18", text)})
    sentence = next(s for s in pool["a"] if s.text.startswith("At the end"))
    assert not check.about(frame_question("How many employees did General Motors have?"), sentence)
    assert check.about(frame_question("How many employees did Chrysler have?"), sentence)


def test_a_figure_of_what_the_asked_thing_is_compared_with_is_not_its_own() -> None:
    # Held-out round 46, w1194 (adversarial): the 3.5-inch screen is the iPhone's; the iPod is only what it is
    # compared with.
    text = (
        "Apple introduced the iPhone. It is approximately the same size as a 5th generation iPod, it has a 3.5-inch "
        "LCD touchscreen display."
    )
    question = "How large is the screen on the 5th generation iPod that the first iPhone is compared with?"
    claim = "The iPod has a 3.5-inch touchscreen."
    assert _report_gate(question, claim, text, "It is", "Apple introduces iPhone") == "subject"
    # Asked of the phone, the same sentence answers.
    question = "How large is the first iPhone's screen, which is compared with the 5th generation iPod?"
    assert _report_gate(question, "3.5-inch.", text, "It is", "Apple introduces iPhone") is None


def test_words_of_someone_the_article_never_calls_by_the_asked_office_are_not_the_office_holders() -> None:
    # Held-out round 46, w1209 (adversarial): the quote, closed the sentence after, is an analyst's; the article's
    # chief financial officer is Ray Young.
    text = (
        '"We are focusing on costs," said Ray Young, the chief financial officer for GM. "We continue to see a '
        '60-80 percent chance of a GM bankruptcy. While the GM equity is uninvestable, GM may emerge stronger," '
        "analyst Himanshu Patel said."
    )
    title = "US automaker GM reports losses"
    question = "What chance of bankruptcy did GM's chief financial officer give the company?"
    claim = "A 60-80 percent chance of a GM bankruptcy."
    assert _report_gate(question, claim, text, '"We continue', title) == "subject"
    # Words the article gives to the office holder are theirs, under any form of the office ("finance chief").
    question = "Which part of the business did GM's finance chief say it was focusing on?"
    assert _report_gate(question, "Costs.", text, '"We are', title) is None
    # A sentence that reports no words at all says nothing of what the finance chief said (w1203).
    text = "GM's losses grew. A part of GM's ailments arose from investing in trucks and SUVs."
    claim = "GM's investments in trucks and SUVs."
    assert _report_gate(question, claim, text, "A part", title) == "subject"


def test_a_date_from_a_sentence_that_does_not_speak_of_the_asked_deed_is_refused() -> None:
    # Held-out round 46, w1208 (adversarial): November 11 is the Brisbane stop, after a sentence on the delayed
    # departure.
    text = (
        "The departure from France of the new Airbus A380 on a tour of Asia and Australia has been delayed. It is "
        "unclear whether the tour dates can be kept; the airliner's first stop in Brisbane, on November 11, may be "
        "eliminated."
    )
    question = "On what date did the A380 finally leave France for its Asia and Australia tour?"
    title = "Engine troubles delay Airbus superjumbo tour"
    assert _report_gate(question, "November 11.", text, "It is", title) == "attribute"
    # A sentence that speaks of what the deed is done to answers: "hold the press conference" (Wikinews w697).
    text = "Apple faced criticism. In a July 16 press conference, Jobs said all iPhone 4 buyers could get a free case."
    question = "On what date did Jobs hold the press conference where he said buyers could get a free case?"
    assert _report_gate(question, "July 16.", text, "In a July", "Apple executive leaves company") is None


def test_a_name_the_asked_place_is_written_beside_is_the_answer_not_another_in_the_list() -> None:
    # Held-out round 47, w1225: Kuwait is ALAFCO's, four words from Air Berlin's name.
    text = (
        "Boeing unveiled the 787. On Saturday, Boeing announced 35 new orders from German airline Air Berlin and "
        "ALAFCO Aviation Lease & Finance of Kuwait."
    )
    question = "Of the two buyers behind the 35 orders announced on Saturday, which one is based in Kuwait?"
    assert _report_gate(question, "Air Berlin.", text, "On Saturday", "Boeing unveils 787") == "subject"
    assert _report_gate(question, "ALAFCO Aviation Lease & Finance.", text, "On Saturday", "Boeing unveils 787") is None


def test_a_figure_asked_as_the_mark_crossed_is_the_one_written_after_above_or_below() -> None:
    # Held-out round 48, w1250: the FTSE 100 crossed 5000 and ended at 5272.50.
    text = "Shares surged. The FTSE 100 rose in value by 8.04%, to above the 5000 mark at 5272.50."
    question = "Above what round-number mark did the FTSE 100 climb when shares surged?"
    assert _report_gate(question, "5272.50.", text, "The FTSE", "Shares surge") == "attribute"
    assert _report_gate(question, "The 5000 mark.", text, "The FTSE", "Shares surge") is None
    # Asked where it ended, the level it ended at answers.
    assert _report_gate("What level did the FTSE 100 reach?", "5272.50.", text, "The FTSE", "Shares surge") is None
    # A mark written in words (held-out round 49, w1271).
    text = "Sales plunged. Annualised sales are predicted to have dipped below nine million in March."
    question = "Below what level were annualised sales expected to have fallen in March?"
    assert _report_gate(question, "Nine million.", text, "Annualised", "GM sales plunge") is None


def test_an_answer_from_another_report_than_the_one_the_question_cites_is_refused() -> None:
    # Held-out round 48, w1257: "WWDC" is from the report of the iPhone 4's unveiling, not of its pre-orders.
    pool, check = _dated_reports(
        {
            "unveil": (
                "Apple unveils iPhone 4",
                "2010-06-08",
                "Yesterday, at this year's Apple Worldwide Developers Conference (WWDC), Steve Jobs unveiled iPhone 4.",
            ),
            "orders": (
                "Apple swamped by iPhone 4 pre-orders",
                "2010-06-17",
                "Apple took 600,000 orders in a day. The iPhone 4 was introduced by Steve Jobs at the company's 2010 "
                "Worldwide Developer's Conference.",
            ),
        }
    )

    def gate(question: str, claim: str, article: str) -> str | None:
        sentence = next(s for s in pool[article] if "Conference" in s.text)
        problem = check.run(frame_question(question), Verdict([ClaimCheck(claim, [sentence], 1.0, True)]))
        return problem.gate if problem else None

    question = "At which event did Steve Jobs first show off the iPhone 4, according to the pre-order report?"
    assert gate(question, "WWDC.", "unveil") == "subject"
    assert gate(question, "The 2010 Worldwide Developer's Conference.", "orders") is None
    # The report may be named by a word of its title's stem ("introduction", "introduces") or only by its date.
    assert gate(question.replace("pre-order report", "report of its unveiling"), "WWDC.", "unveil") is None
    assert gate(question.replace("pre-order report", "June 2010 report"), "WWDC.", "unveil") is None


def test_by_how_many_units_asks_the_difference_not_the_level_reached() -> None:
    # Held-out round 49, w1263 (adversarial): "reduced to $199" is where the price went, not by how much.
    text = "Apple launched the iPhone 3G. The price for the iPhone has also been reduced to $199 in the US."
    question = "By how many dollars did Apple lower the iPhone 3G's price?"
    assert _report_gate(question, "$199.", text, "The price", "Apple launches 3G iPhone") == "constraint"
    # A sentence that gives the difference answers it.
    text = "Shares fell. The FTSE 100 dropped 323.65 points to close at 4,980.25."
    question = "By how many points did the FTSE 100 drop?"
    assert _report_gate(question, "323.65 points.", text, "The FTSE", "Markets fall") is None
    # Asked "by how much", a sentence that words the change with "-ing" gives it: "falling 176.3 points to a level
    # of 4,211" (Wikinews w1001).
    text = "Stocks lost ground. The FTSE-100 index of leading shares was falling 176.3 points to a level of 4,211."
    question = "By how much did the FTSE-100 fall at midday?"
    assert _report_gate(question, "176.3.", text, "The FTSE", "Markets fall") is None


def test_a_report_cited_by_its_date_is_one_published_then() -> None:
    # Held-out round 49, w1273: the 787's report of July 2007 is not "the report on its January 2005 unveiling".
    pool, check = _dated_reports(
        {
            "a380": ("Airbus launches world's largest passenger plane", "2005-01-18", "The A380 was unveiled."),
            "787": (
                "Boeing unveils new 787 Dreamliner",
                "2007-07-09",
                "Boeing unveiled the 787. Airbus's A380 is expected to enter service later this year.",
            ),
        }
    )
    question = "When was the A380 expected to enter service, according to the report on its January 2005 unveiling?"
    sentence = next(s for s in pool["787"] if "expected" in s.text)
    problem = check.run(frame_question(question), Verdict([ClaimCheck("Later this year.", [sentence], 1.0, True)]))
    assert problem is not None and problem.gate == "subject"
    # Dated a month later than its event, a report is still the one on it.
    pool, check = _dated_reports({"787": ("Boeing unveils new 787 Dreamliner", "2005-02-02", sentence.text)})
    problem = check.run(frame_question(question), Verdict([ClaimCheck("Later this year.", pool["787"], 1.0, True)]))
    assert problem is None
