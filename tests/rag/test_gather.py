"""Gathering a figure across articles: values grouped, disagreements found, superlatives computed, all cited."""

from __future__ import annotations

from typing import Any

import pytest

from index import ChunkerConfig, Sentence
from rag import Answer, Settings
from rag.runtime import assemble_pipeline
from rag.stages.amounts import find_amounts
from rag.stages.binding import BindingCheck, common_words
from rag.stages.cite import CitationRenderer
from rag.stages.frame import asked_nouns, frame_question
from rag.stages.gather import Gathered, Gatherer, asked_family, gatherable, tells_part_asked
from rag.stages.occasion import OccasionCheck
from tests.fakes import HashingEncoder, ScriptedGenerator, articles_index, gate_settings, sentences_of_text

pytestmark = pytest.mark.unit

# Three outlets on Scale AI, as the bundled articles put it; one is dated, two are not.
ARTICLES = {
    "a": (
        "Meta in talks for Scale AI investment",
        "2025-06-10",
        "Meta is in talks to invest in Scale AI. The startup was last valued at about US$14 billion in 2024. "
        "It generated revenue of US$870 million last year and expects US$2 billion this year.",
    ),
    "b": (
        "Meta considers Scale AI investment",
        None,
        "Scale AI, founded in 2016 and last valued at roughly nine billion dollars in 2024, counts OpenAI among "
        "its clients. Its revenue reached hundreds of millions last year and is projected to double in 2025.",
    ),
    "c": (
        "Scale AI's Series F",
        "2025-06-12",
        "Its Series F round valued Scale AI at $14bn in 2024. In Mumbai, at least 30 people were killed and 50 "
        "injured.",
    ),
}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, ARTICLES[article_id][2])


TITLES = {k: v[0] for k, v in ARTICLES.items()}
DATES = {k: v[1] for k, v in ARTICLES.items()}
ALL = [s for a in ARTICLES for s in _sentences(a)]


def _gather(question: str) -> Gathered | None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES, dates=DATES)
    return Gatherer(binding, DATES).run(frame_question(question), ALL)


# -- amounts -------------------------------------------------------------------------------------------------


def test_one_amount_in_different_words_is_one_value() -> None:
    keys = {find_amounts(t)[0].key for t in ("about US$14 billion", "$14bn", "14 billion dollars", "US$14b")}
    assert len(keys) == 1


def test_a_scale_after_a_is_one_of_it() -> None:
    amounts = find_amounts("Meta's AI assistant supports over a billion monthly active users.")
    assert [(a.text, a.value) for a in amounts] == [("over a billion", 1e9)]
    assert find_amounts("a billion")[0].key == find_amounts("one billion")[0].key


def test_close_amounts_are_different_values() -> None:
    keys = [find_amounts(t)[0].key for t in ("nine billion dollars", "US$13.8 billion", "$14 billion")]
    assert len(set(keys)) == 3


def test_years_and_days_are_not_amounts_and_offsets_are_exact() -> None:
    text = "Founded in 2016, it raised US$1 billion on 10 October 2008 and several billion dollars later."
    amounts = find_amounts(text)
    assert [a.text for a in amounts] == ["US$1 billion", "several billion dollars"]
    assert all(text[a.start : a.end] == a.text for a in amounts)
    assert amounts[1].value is None and amounts[1].money


def test_a_number_is_not_read_from_the_start_of_a_longer_one() -> None:
    # Held-out round 43, w1120: "flights … are possibles for 787s" holds no 78 flights.
    assert find_amounts("noting flights to Europe or the US are possibles for 787s.") == []
    assert find_amounts("the A380s and the 747s") == []
    assert [a.text for a in find_amounts("up 2.5% to $1,000.50, a 3.5-inch screen")] == ["2.5%", "$1,000.50", "3.5"]


def test_vague_amounts_in_different_words_are_one() -> None:
    assert find_amounts("billions of dollars")[0].key == find_amounts("a multibillion-dollar deal")[0].key
    assert find_amounts("several billion")[0].key != find_amounts("billions of dollars")[0].key


# -- gathering -----------------------------------------------------------------------------------------------


def test_articles_that_disagree_are_a_conflict_and_equal_values_group() -> None:
    gathered = _gather("What was Scale AI valued at in 2024?")
    assert gathered is not None and gathered.conflict and gathered.decides
    by_value = {g.value: g for g in gathered.groups}
    assert set(by_value) == {9e9, 14e9}
    assert by_value[14e9].articles == {"a", "c"}  # "about US$14 billion" and "$14bn"
    assert by_value[9e9].articles == {"b"}


def test_two_figures_of_one_article_are_no_conflict() -> None:
    # Last year's $870 million and this year's $2 billion are one article's two figures, not a disagreement.
    gathered = _gather("How much revenue did Scale AI make?")
    assert gathered is not None
    assert {g.value for g in gathered.groups} >= {870e6, 2e9}
    assert not gathered.conflict and not gathered.decides


def test_a_figure_of_another_year_is_not_gathered() -> None:
    # "hundreds of millions last year … projected to double in 2025": that figure is last year's.
    gathered = _gather("What revenue is Scale AI projecting for 2025?")
    assert gathered is None or all(g.value is not None for g in gathered.groups)


def test_another_subjects_figure_is_not_gathered() -> None:
    # The nine-billion sentence names OpenAI, but the valuation is Scale AI's.
    assert _gather("What is OpenAI valued at?") is None


def test_a_count_is_bound_to_the_word_it_counts() -> None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES, dates=DATES)
    sentence = _sentences("c")[1]
    gathered = Gatherer(binding).run(frame_question("How many people were killed in Mumbai?"), [sentence])
    assert gathered is not None
    assert [g.value for g in gathered.groups] == [30]  # not the 50 injured


def test_a_price_is_stated_by_any_word_of_its_family() -> None:
    # "How much does it cost?" is answered by "retailing for": a report words a price many ways (held-out w134).
    text = "The Acme Phone will be available in one model, retailing for US$199."
    sentence = sentences_of_text("p", text)[0]
    binding = BindingCheck(HashingEncoder(dim=64), lambda _: [sentence], {"p": "Acme launches a phone"})
    gathered = Gatherer(binding).run(frame_question("How much does the Acme Phone cost?"), [sentence])
    assert gathered is not None and [g.value for g in gathered.groups] == [199]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What was Scale AI valued at in 2024?", True),
        ("What valuations do the different reports give for Scale AI?", True),
        ("What is the highest valuation of Scale AI mentioned in the articles?", True),
        ("Which investor valued Scale AI at $14 billion?", False),  # asks for a name
        ("In what year was Scale AI valued at nine billion dollars?", False),  # asks for a time
        ("Besides Meta, how much did investors put into Scale AI?", False),
        ("By how much did Scale AI's revenue grow?", False),
        ("The article that puts Scale AI's valuation at $14 billion: how much revenue does it give?", False),
        ("How much was the start-up backed by Index Ventures worth?", False),  # a described subject
        ("Which outlet reported that Scale AI could be worth more than $10 billion?", False),  # a name
        ("What kind of workers does Scale AI rely on?", False),  # a kind, not a count
        ("How many votes short of the 60 it needed was the bill?", False),  # a difference from the question's
        # Wikinews w255: a count of Republicans, neither the vote's tally (52-35) nor the bailout's money.
        ("How many Republicans voted for the auto bailout bill in the Senate?", False),
        ("How many votes did the auto bailout bill get in the Senate?", True),
        # Wikinews w283 and w280: a rate and a difference, which no count or level gives.
        ("To how many aircraft a month does Boeing say it must increase 787 production?", False),
        ("How many people use Meta's AI assistant each month?", True),  # a month's users: a count
        ("How much less fuel per passenger will the 787 Dreamliner use?", False),
    ],
)
def test_which_questions_gather(question: str, expected: bool) -> None:
    assert gatherable(frame_question(question)) is expected


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What is the highest valuation of Scale AI mentioned in the articles?", "highest"),
        ("What is the lowest valuation of Scale AI the reports give?", "lowest"),
        ("What are the highest and lowest valuations of Scale AI in the reports?", "range"),
        ("What valuation of Scale AI does the most recent report give?", "latest"),
        ("What is the maximum valuation Scale AI reportedly had?", "highest"),
        ("What was the largest valuation of Scale AI?", "values"),  # not over the reports: no superlative
    ],
)
def test_superlatives_over_the_reports(question: str, asks: str) -> None:
    gathered = _gather(question)
    assert gathered is not None and gathered.asks == asks


# -- rendering -----------------------------------------------------------------------------------------------


def _report(question: str) -> tuple[str, list, list]:
    gathered = _gather(question)
    assert gathered is not None
    return CitationRenderer(TITLES, dates=DATES).report(gathered, [])


def test_a_conflict_names_every_value_with_its_articles_dates_and_citations() -> None:
    text, citations, values = _report("What was Scale AI valued at in 2024?")
    assert text.startswith("Reports differ on the valuation:")
    assert "roughly nine billion dollars" in text and "about US$14 billion" in text
    assert "(date not given)" in text and "(2025-06-10)" in text
    assert {v.amount for v in values} == {9e9, 14e9}
    for value in values:
        quotes = [c.quote for c in citations if c.n in value.citations]
        assert quotes and all(any(a.key == find_amounts(value.value)[0].key for a in find_amounts(q)) for q in quotes)
    for c in citations:  # every citation is an exact sentence of its article
        assert ARTICLES[c.article_id][2][c.start : c.end] == c.quote
        assert f"[{c.n}]" in text


def test_highest_and_lowest_are_computed_over_the_values() -> None:
    text, _, values = _report("What are the highest and lowest valuations of Scale AI in the reports?")
    assert [v.amount for v in values] == [14e9, 9e9]
    assert text.index("14") < text.index("lowest") < text.index("nine billion")


def test_the_most_recent_report_is_the_latest_dated_article() -> None:
    text, citations, values = _report("What valuation of Scale AI does the most recent report give?")
    assert [v.amount for v in values] == [14e9]
    assert [c.article_id for c in citations] == ["c"]  # 2025-06-12, the newest date
    assert "no date" in text  # article b is undated: said, not guessed


# -- through the pipeline --------------------------------------------------------------------------------------


def test_the_pipeline_reports_the_disagreement_without_asking_the_model(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Scale AI was valued at about US$14 billion.")
    settings = Settings(judge=False, context_mode="retrieval", gather_passages=200, min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask("What was Scale AI valued at in 2024?")
    assert answer.answerable and answer.conflict
    assert len(answer.values) >= 2 and {9e9, 14e9} <= {v.amount for v in answer.values}
    assert all(v.citations for v in answer.values)
    assert model.calls == []  # answered from the gathered values
    for c in answer.citations:
        assert index.articles[c.article_id].text[c.start : c.end] == c.quote


def test_with_gathering_off_the_model_answers(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Scale AI was valued at about US$14 billion in 2024.")
    settings = gate_settings(gather=False)
    answer = assemble_pipeline(settings, model, index, encoder).ask("What was Scale AI valued at in 2024?")
    assert not answer.conflict and answer.values == []
    assert model.calls


def test_a_count_asked_by_its_noun_is_gathered_with_names_that_hold_digits() -> None:
    # "orders" is no attribute family: the figure is bound to the question's own noun; "A380" is a name.
    sentences = {
        "x": "Airbus said the A380 had received 149 orders by 2005.",
        "y": "To date, the Airbus A380 has attracted 144 firm orders, the manufacturer said.",
    }
    pool = [Sentence(article_id=k, start=0, end=len(v), text=v) for k, v in sentences.items()]
    binding = BindingCheck(HashingEncoder(dim=64), lambda a: [s for s in pool if s.article_id == a], {})
    frame = frame_question("How many orders for the A380 had Airbus received, according to the reports?")
    assert gatherable(frame)
    gathered = Gatherer(binding).run(frame, pool)
    assert gathered is not None and gathered.family == "orders"
    assert sorted(g.value or 0 for g in gathered.groups) == [144, 149] and gathered.conflict


def test_a_count_worded_as_a_word_is_gathered_only_before_what_is_counted() -> None:
    # Word counts are no figures in general ("one of the founders"); before the asked noun they are the answer.
    sentences = {
        "x": 'The "New GM" he also expected to focus on "four core brands", and will size its dealership to match.',
        "y": "GM, one of the three big carmakers, said two of its plants would close.",
        "z": "GM's cars are used by one billion people.",
    }
    pool = [Sentence(article_id=k, start=0, end=len(v), text=v) for k, v in sentences.items()]
    binding = BindingCheck(HashingEncoder(dim=64), lambda a: [s for s in pool if s.article_id == a], {})
    gathered = Gatherer(binding).run(frame_question("How many core brands will GM concentrate on?"), pool)
    assert gathered is not None and [(g.text, g.value) for g in gathered.groups] == [("four", 4.0)]
    assert Gatherer(binding).run(frame_question("How many factories does GM run?"), pool) is None
    people = Gatherer(binding).run(frame_question("How many people use GM's cars?"), pool)
    assert people is not None and [g.value for g in people.groups] == [1e9], "one billion is one figure"


def test_according_to_one_outlet_asks_for_that_outlets_figure() -> None:
    assert not gatherable(frame_question("How many orders had Airbus received, according to Reuters?"))


def test_a_drafted_figure_must_be_one_the_articles_give() -> None:
    gathered = _gather("How much revenue did Scale AI generate?")
    assert gathered is not None and not gathered.decides  # one article, two figures: no conflict to report
    assert gathered.admits("Scale AI generated US$870 million in revenue last year.")
    assert gathered.admits("It expects $2bn this year.")
    assert not gathered.admits("Scale AI generated nine billion dollars in revenue.")  # the valuation's figure
    assert gathered.admits("Its revenue grew quickly.")  # no figure to compare: other gates decide


def test_a_figure_asked_by_a_noun_of_no_family_must_be_one_of_the_values_read() -> None:
    pool, binding = _pool_binding(
        {"a": "GM has received over $15 billion in federal aid.", "b": "The government will give GM $30 billion."},
        {"a": "GM reports losses", "b": "GM seeks more loans"},
    )
    gathered = Gatherer(binding).run(frame_question("How much federal aid had GM received?"), pool)
    assert gathered is not None and gathered.family == "aid" and [g.value for g in gathered.groups] == [15e9]
    assert not gathered.admits("GM had received $30 billion in federal aid [1].")
    assert gathered.admits("GM had received over $15 billion [1].")


def test_spending_is_stated_by_any_word_of_its_family_and_not_held_by_an_adjective() -> None:
    # "earmarked" states the spending asked as "spend"; "for AI-related initiatives" names no one it went to.
    pool, binding = _pool_binding(
        {
            "a": "This move underscores Meta's commitment to AI, as CEO Mark Zuckerberg has earmarked up to $65 "
            "billion for AI-related initiatives in 2025."
        },
        {"a": "Meta invests in AI"},
    )
    gathered = Gatherer(binding).run(frame_question("How much is Meta planning to spend on AI in 2025?"), pool)
    assert gathered is not None and [g.value for g in gathered.groups] == [65e9]


def _drafted(fake_index, answer: str, question: str, **settings: Any) -> tuple[Answer, ScriptedGenerator]:
    """``question`` asked of the five articles, the model drafting ``answer``; every passage gathered from."""
    index, encoder = fake_index
    model = ScriptedGenerator(f"Sentences: 1\nAnswer: {answer}")
    defaults: dict[str, Any] = {"judge": False, "context_mode": "retrieval", "gather_passages": 200}
    built = Settings(**{**defaults, "min_relevance": 0.0, **settings})
    return assemble_pipeline(built, model, index, encoder).ask(question), model


def test_the_pipeline_refuses_a_figure_bound_to_another_subject(fake_index) -> None:
    # The nine-billion sentence lists OpenAI among Scale AI's clients, and "The startup was last valued at about
    # US$14 billion" follows "Scale AI, whose customers include Microsoft Corp and OpenAI, …": every valuation
    # near OpenAI's name is Scale AI's, so none is gathered for OpenAI, and the draft is never asked for.
    answer, model = _drafted(
        fake_index, "OpenAI is valued at roughly nine billion dollars.", "What is OpenAI valued at?", retry=False
    )
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.gate == "gathered"
    assert model.calls == []


def test_a_figure_no_article_binds_to_the_subject_is_refused_before_drafting(fake_index) -> None:
    # The articles give Microsoft's US$13 billion for OpenAI, and Scale AI's round without Microsoft's share.
    answer, model = _drafted(
        fake_index,
        "Microsoft contributed more than US$13 billion.",
        "How much did Microsoft contribute to Scale AI's 2024 funding round?",
    )
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.gate == "gathered"
    assert model.calls == []  # refused without a draft


def test_a_figure_asked_by_words_no_sentence_binds_to_any_figure_is_drafted(fake_index) -> None:
    # No article speaks of "cash" or of anything "extra" beside a figure: the gatherer's words miss, which says
    # nothing of whether the articles state it, so the draft is asked and the usual gates decide.
    answer, model = _drafted(
        fake_index, "Meta would invest more than US$10 billion.", "How much extra cash could Meta put into Scale AI?"
    )
    assert model.calls, "drafted"
    assert answer.abstention is None or answer.abstention.gate != "gathered"


def test_a_figure_the_articles_bind_is_drafted_and_kept(fake_index) -> None:
    answer, _ = _drafted(
        fake_index, "The Series F round raised US$1 billion.", "How much money did Scale AI's Series F round raise?"
    )
    assert answer.answerable, answer.abstention
    assert "US$1 billion" in answer.answer and answer.citations


def test_a_refused_drafts_figure_gives_way_to_the_one_value_the_articles_bind(fake_index) -> None:
    # The draft's US$5 billion is no figure of the articles; the round's one figure is answered instead, cited,
    # where the gate alone would refuse a question the articles answer.
    answer, model = _drafted(
        fake_index,
        "The Series F round raised US$5 billion.",
        "How much money did Scale AI's Series F round raise?",
        retry=False,
    )
    assert len(model.calls) == 1
    assert answer.answerable, answer.abstention
    assert "US$1 billion" in answer.answer and "US$5 billion" not in answer.answer
    assert [v.value for v in answer.values] == ["US$1 billion"]
    cited = [c.quote for c in answer.citations]
    assert cited and all("raised US$1 billion" in quote for quote in cited)
    assert all(c.quote == fake_index[0].articles[c.article_id].text[c.start : c.end] for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "sole"),
    [
        ("What revenue does Scale AI expect in 2025?", True),
        # By a part of a year is a deadline, not the period the figure is for.
        ("How much revenue had Scale AI made by the first half of 2025?", True),
        # A year's figure is not its first quarter's.
        ("What revenue did Scale AI report for the first quarter of 2025?", False),
        ("How much revenue did Scale AI expect for the second half of 2025?", False),
        # Two values: which one a refused draft meant is not for the pipeline to guess.
        ("What was Scale AI valued at in 2024?", False),
    ],
)
def test_one_value_answers_alone_only_for_the_period_asked(question: str, sole: bool) -> None:
    gathered = _gather(question)
    assert gathered is not None
    assert gathered.sole(question) is sole


@pytest.mark.parametrize(("recipient", "gathered"), [("Anthropic", False), ("OpenAI", True)])
def test_money_is_bound_to_whom_it_went_to(fake_index, recipient: str, gathered: bool) -> None:
    # "Microsoft has put more than US$13 billion into OpenAI": OpenAI's money, not Anthropic's.
    drafted = f"Microsoft has put more than US$13 billion into {recipient}."
    answer, _ = _drafted(fake_index, drafted, f"How much has Microsoft invested in {recipient}?")
    refused = answer.abstention is not None and answer.abstention.gate == "gathered"
    assert refused is not gathered


def _pool_binding(sentences: dict[str, str], titles: dict[str, str]) -> tuple[list[Sentence], BindingCheck]:
    """Each text an article of sentences; the collection's lower-case words are its common words."""
    pool = [s for k, v in sentences.items() for s in sentences_of_text(k, v)]
    binding = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        titles,
        common=common_words(sentences.values()),
    )
    return pool, binding


def test_a_figure_of_a_family_no_sentence_binds_is_left_to_the_draft_and_one_bound_to_another_is_not() -> None:
    # "invest in its swap line" is worded "increase existing swap lines" (no word of investment's family), "how much
    # extra money" as "an additional US$19.7 billion": the gatherer cannot tell the articles do not state them.
    # The stake is stated, as the US government's: the articles give the Canadian government none.
    pool, binding = _pool_binding(
        {
            "x": "The Federal Reserve arranged to increase existing swap lines with the European Central Bank from "
            "US$55 billion to US$110 billion. Russia announced that it would be infusing its own markets with an "
            "additional US$19.7 billion.",
            "y": "Obama spoke on General Motors. The United States government would hold a 60% stake.",
        },
        {"x": "Markets rally as central banks infuse cash", "y": "Obama presents rescue plan for General Motors"},
    )
    gatherer = Gatherer(binding)
    for question in (
        "How much did the Federal Reserve invest in its swap line with the European Central Bank?",
        "How much extra money did Russia say it would put into its own markets?",
    ):
        frame = frame_question(question)
        assert gatherable(frame) and gatherer.run(frame, pool) is None
        assert not gatherer.states(frame, pool), question
    canada = frame_question("What stake in General Motors would the government of Canada hold under Obama's plan?")
    assert gatherer.run(canada, pool) is None
    assert gatherer.states(canada, pool)  # a stake in percent is the money family's figure too


def test_an_attribute_word_in_a_clause_of_circumstance_is_not_the_figure_asked() -> None:
    share = frame_question("What share of GM's bondholders had to agree before the administration would give more aid?")
    assert asked_family(share) is None and not gatherable(share)
    aid = frame_question("How much aid did GM receive before it filed for bankruptcy?")
    assert asked_family(aid) == "aid" and gatherable(aid)


def test_a_sentence_that_names_nothing_takes_its_subject_from_the_sentences_before() -> None:
    # "To date, …" and "The aircraft …" name nobody: what they count is the subject named just before.
    # "To" and "Around" are capitalised only because they start a sentence; the collection writes them in lower case.
    pool, binding = _pool_binding(
        {
            "x": "Airbus unveiled the A380 in Toulouse. To date, 149 confirmed orders for the aircraft have been "
            "received. Demand came to about 20 airlines.",
            "y": "The Boeing 787 Dreamliner flew for the first time. The aircraft has attracted 840 orders to date.",
        },
        {"x": "Airbus unveils superjumbo", "y": "Dreamliner makes maiden flight"},
    )
    a380 = Gatherer(binding).run(frame_question("How many orders for the A380 had Airbus received?"), pool)
    assert a380 is not None and [g.value for g in a380.groups] == [149]  # not the Dreamliner's 840
    assert a380.groups[0].readings[0].sentence.text.startswith("To date")


def test_a_model_number_is_part_of_the_name_and_common_words_of_a_name_are_not_enough() -> None:
    pool, binding = _pool_binding(
        {
            "x": "Boeing rolled out the 787 Dreamliner. The mid-sized 787 will seat between 210 and 330 passengers.",
            "y": "All Nippon Airways took the first 787. Around 50,000 people watched the A380 fly, all of them "
            "from around Toulouse.",
        },
        {"x": "Boeing rolls out 787", "y": "Airbus and Boeing"},
    )
    frame = frame_question("How many passengers can the 787 Dreamliner seat?")
    assert binding.subject_groups(frame) == [frozenset({"787", "dreamliner"})]
    seats = Gatherer(binding).run(frame, pool)
    assert seats is not None and sorted(g.value or 0 for g in seats.groups) == [210, 330]
    # "all" of "all of them" is no mention of All Nippon Airways: its name words are "nippon" and "airways".
    handover = frame_question("How many people attended the handover of the first 787 to All Nippon Airways?")
    # "=ana": the group is also mentioned by the capitals "ANA".
    assert binding.subject_groups(handover) == [frozenset({"nippon", "airways", "=ana"})]
    assert Gatherer(binding).run(handover, pool) is None


def test_a_figure_held_by_the_company_is_not_another_named_companys() -> None:
    # "The company's revenue" is Scale AI's, though the sentence before names OpenAI too: as one of its clients,
    # an example, which a company referred back to is not. Taking the first name of the sentence before would
    # fail where that is not the subject ("Meta is in talks to invest in Scale AI. The startup was valued …").
    pool, binding = _pool_binding(
        {"x": "Scale AI counts OpenAI among its clients. The company's revenue reached US$870 million last year."},
        {"x": "Meta weighs a stake in a data start-up"},
    )
    assert Gatherer(binding).run(frame_question("What was OpenAI's revenue last year?"), pool) is None
    scale = Gatherer(binding).run(frame_question("What was Scale AI's revenue last year?"), pool)
    assert scale is not None and [g.value for g in scale.groups] == [870e6]
    # "They" may be the examples themselves: only a reference to one company leaves them out.
    pool, binding = _pool_binding(
        {"x": "Scale AI's clients include Microsoft and OpenAI. They spent US$40 million on its labels last year."},
        {"x": "Meta weighs a stake in a data start-up"},
    )
    assert Gatherer(binding).run(frame_question("How much did OpenAI spend on labels last year?"), pool) is not None


# -- figures the binder reaches only through the lead, a role or "people" -------------------------------------

_AIRLINER = {
    "x": "The world's largest passenger aircraft, the Airbus A380, has made its maiden flight. The take-off was "
    "around noon. It flew for four hours. Around 50,000 people watched the maiden flight. The A380 can carry "
    "up to 840 people in an all-economy layout (550 for a Boeing 747). The event was attended by 15,000 people. "
    "144 planes have already been ordered.",
    "y": "The A380 was delivered. It had received 149 orders by then, Airbus said.",
}


def _airliner(question: str) -> Gathered | None:
    pool, binding = _pool_binding(_AIRLINER, {"x": "World's largest passenger airliner flies", "y": "Delivery"})
    return Gatherer(binding).run(frame_question(question), pool)


def test_a_sentence_that_names_nothing_takes_its_subject_from_the_articles_lead() -> None:
    # "144 planes have already been ordered": the sentences before name no Airbus, the lead does.
    gathered = _airliner("How many orders for the A380 had Airbus received?")
    assert gathered is not None and sorted(g.value or 0 for g in gathered.groups) == [144, 149]
    assert gathered.conflict


def test_a_count_of_people_stands_for_the_asked_people_when_it_does_what_they_do() -> None:
    watched = _airliner("Roughly how many spectators watched the A380 take off on its maiden flight?")
    assert watched is not None and [g.value for g in watched.groups] == [50_000]
    carried = _airliner("How many passengers can the A380 carry?")
    # Not the 50,000 who watched, the 15,000 who attended, nor the Boeing 747's 550.
    assert carried is not None and [g.value for g in carried.groups] == [840]
    assert _airliner("How many passengers were on board the A380's first flight?") is None


def test_a_model_number_counts_nothing_and_a_figure_for_another_name_is_its() -> None:
    pool, binding = _pool_binding({"z": "The A380 seats 555 passengers (416 for a Boeing 747)."}, {"z": "Superjumbo"})
    gathered = Gatherer(binding).run(frame_question("How many passengers can the A380 seat?"), pool)
    assert gathered is not None and [g.value for g in gathered.groups] == [555]  # not 747, not the 747's 416


def test_a_number_after_a_name_that_opens_with_a_small_letter_counts_nothing() -> None:
    # Wikinews w464: "one out of every 200 iPhone 4 customers" gave "4" as how many customers called.
    pool, binding = _pool_binding(
        {"z": "About one out of every 200 iPhone 4 customers have called AppleCare about the antenna."},
        {"z": "Apple to give free cases"},
    )
    gathered = Gatherer(binding).run(frame_question("How many iPhone 3GS customers have called AppleCare?"), pool)
    assert gathered is None or 4 not in [g.value for g in gathered.groups], gathered


def test_the_question_s_figure_in_another_currency_is_no_answer_but_asked_for_it_is() -> None:
    # Wikinews w447: the US$19.7 billion beside the question's 500 billion rubles is the same money.
    # Another report's US$19.7 billion, with no rubles beside it, is that money as well.
    pool, binding = _pool_binding(
        {
            "z": "Russia will spend 500 billion rubles (US$19.7 billion) on its stock markets.",
            "y": "Russia will spend an additional US$19.7 billion on its markets.",
        },
        {"z": "Russia acts", "y": "Markets rally"},
    )
    part = Gatherer(binding).run(frame_question("How much of the 500 billion rubles will Russia spend?"), pool)
    assert part is None or 1.97e10 not in [g.value for g in part.groups], part
    whole = Gatherer(binding).run(frame_question("How much will Russia spend on its stock markets?"), pool)
    assert whole is not None and 1.97e10 in [g.value for g in whole.groups], whole


def test_a_maker_s_other_model_is_not_the_asked_one_and_its_bare_code_counts_nothing() -> None:
    # Wikinews w247: "How many passengers can a Boeing 747 carry …" was answered with the 787's seats, and with
    # "787 passengers". The collection writes "Boeing 747" and "Boeing 787", so a bare "787" is a model of Boeing's.
    pool, binding = _pool_binding(
        {
            "x": "Boeing 787 deliveries began. The 787-8 holds between 210 and 250 passengers.",
            "y": "The mid-sized 787 will seat up to 330 passengers.",
            "z": "The A380 carries 555 passengers, where a Boeing 747 carries 416 passengers. Another index, the "
            "Merval 25, fell. The FTSE was up 25 points.",
        },
        {"x": "Boeing rolls out 787", "y": "Boeing unveils new 787 Dreamliner", "z": "Superjumbo"},
    )
    assert binding.model_codes == {"boeing": frozenset({"747", "787"}), "merval": frozenset({"25"})}
    jumbo = Gatherer(binding).run(frame_question("How many passengers can a Boeing 747 carry?"), pool)
    assert jumbo is not None and [g.value for g in jumbo.groups] == [416]
    dreamliner = Gatherer(binding).run(frame_question("How many passengers can the Boeing 787 seat?"), pool)
    # Not "787" itself (the code of the model in the sentence), not the 747's 416.
    assert dreamliner is not None and sorted(g.value or 0 for g in dreamliner.groups) == [210, 250, 330]
    # "25" is the Merval's code, but this sentence names no Merval: it counts points.
    points = Gatherer(binding).run(frame_question("By how many points was the FTSE up?"), pool)
    assert points is not None and [g.value for g in points.groups] == [25]


def test_the_us_government_asked_as_holder_is_the_united_states_governments() -> None:
    # Wikinews w131: "US" is too weak a name to be a group every sentence must mention ("US$", "us"), so "The
    # United States government would hold a 60% stake" was about no subject of the question, and refused.
    pool, binding = _pool_binding(
        {
            "x": "Obama presented his plan for General Motors on Monday. The United States government would hold "
            "a 60% stake. The Canadian government would hold a 12% stake.",
        },
        {"x": "Obama presents rescue plan for General Motors"},
    )
    us = Gatherer(binding).run(frame_question("What stake in General Motors would the US government hold?"), pool)
    assert us is not None and [g.value for g in us.groups] == [60]
    canada = Gatherer(binding).run(
        frame_question("What stake in General Motors would the Canadian government hold?"), pool
    )
    assert canada is not None and [g.value for g in canada.groups] == [12]
    # Asked as the kind of thing wanted ("Which US government body …"), the US government is no asked holder.
    kind = frame_question("Which US government body would hold a stake in General Motors?")
    assert not binding.asked_holder(kind, frozenset({"united", "states"}))


def test_a_holder_named_with_an_ending_is_the_asked_one() -> None:
    # Wikinews w262: "One of the A380s … will be carrying about 500 people" is the A380's count.
    pool, binding = _pool_binding(
        {"x": "One of the A380s is flying from Frankfurt to Chicago; the airplane will be carrying about 500 people."},
        {"x": "A380 makes maiden flight to US"},
    )
    gathered = Gatherer(binding).run(frame_question("About how many people was the A380 carrying to Chicago?"), pool)
    assert gathered is not None and [g.value for g in gathered.groups] == [500]


def test_a_figure_stated_for_the_other_side_of_an_asked_time_is_not_gathered() -> None:
    # Wikinews w274 (adversarial): "How much will the bumper cost after September 30?" was answered US$29, its price
    # before the press conference. A figure stated before the asked time's side of any time is not the one asked.
    pool, binding = _pool_binding(
        {
            "x": "Apple's bumpers were priced at US$29 before the press conference, but will be free to anyone with "
            "an iPhone 4 until September 30.",
        },
        {"x": "Apple to give free bumpers to iPhone 4 owners"},
    )
    after = frame_question("How much will Apple's bumper cost after September 30?")
    assert Gatherer(binding).run(after, pool) is None
    before = Gatherer(binding).run(frame_question("How much did Apple's bumper cost before the announcement?"), pool)
    assert before is not None and [g.value for g in before.groups] == [29]


def test_a_move_asked_by_how_much_is_not_the_level_reached() -> None:
    # Wikinews w325: "By how many points was the Dow Jones up …" was answered with "a value of 11350.58 points".
    pool, binding = _pool_binding(
        {
            "x": "The FTSE 100 rose by 8.04%, which is 392.50 points, to above the 5000 mark at 5272.50. The Dow "
            "Jones currently has a value of 11350.58 points.",
        },
        {"x": "Shares worldwide surge"},
    )
    ftse = Gatherer(binding).run(frame_question("By how many points did the FTSE 100 rise?"), pool)
    assert ftse is not None and [g.value for g in ftse.groups] == [392.5]
    assert Gatherer(binding).run(frame_question("By how many points was the Dow Jones up?"), pool) is None


def test_a_figure_of_no_stated_time_is_of_its_reports_date() -> None:
    # Wikinews w343 (adversarial): December 2008's US$14 billion bailout is no answer to Ford's February 2009 request.
    pool, binding = _pool_binding(
        {"y": "A US$14 billion bailout package for Ford was rejected in the Senate."}, {"y": "Bailout fails"}
    )
    question = frame_question("How much aid did Ford ask for in February 2009?")
    assert Gatherer(binding, dates={"y": "2008-12-12"}).run(question, pool) is None
    later = Gatherer(binding, dates={"y": "2009-03-01"}).run(question, pool)
    assert later is not None and [g.value for g in later.groups] == [14e9]


def test_a_figure_asked_only_by_a_role_is_what_the_role_gave() -> None:
    pool, binding = _pool_binding(
        {
            "x": "Scale AI has raised more than $1 billion from investors such as Index Ventures and Founders Fund.",
            "y": "Scale AI may get an investment of more than $10 billion, the talks show.",
        },
        {"x": "Scale AI", "y": "Meta and Scale AI"},
    )
    frame = frame_question("How much have investors such as Index Ventures and Founders Fund put into Scale AI?")
    gathered = Gatherer(binding).run(frame, pool)
    assert gathered is not None and [g.value for g in gathered.groups] == [1e9]
    plain = Gatherer(binding).run(frame_question("How much have investors put into Scale AI?"), pool)
    assert plain is not None and [g.value for g in plain.groups] == [1e9]  # not Meta's planned investment


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How much did Scale AI take in from its customers last year?", True),  # its revenue, not a count
        ("How much did Scale AI charge its customers?", False),  # money, not a count of customers; no attribute
        ("How many customers does Scale AI have?", True),
        ("What is the potential $10 billion investment worth in Malaysian ringgit?", False),  # a conversion
        ("What is Scale AI worth?", True),
        ("And how much did the Hang Seng lose that day?", False),  # "did" is no noun
    ],
)
def test_which_figures_are_gathered_by_what_is_asked(question: str, expected: bool) -> None:
    assert gatherable(frame_question(question)) is expected


def test_in_retrieval_mode_the_rest_of_a_retrieved_article_about_the_subject_is_read(tmp_path) -> None:
    filler = " ".join(f"The crowd cheered moment {n} of the display." for n in range(12))
    index, encoder = articles_index(
        tmp_path,
        {
            "orders.md": "# Airbus counts A380 orders\n\n"
            "To date, 149 confirmed orders for the A380 have been received by Airbus.",
            "flight.md": "# Airbus A380 makes maiden flight\n\n"
            "The Airbus A380 made its maiden flight from Toulouse to cheers on Wednesday. "
            f"{filler} 144 planes have already been ordered.",
            "other.md": "# Boeing news\n\nBoeing said 800 planes have been ordered. " + filler,
        },
        ChunkerConfig(chunk_tokens=24, overlap_sentences=0),
    )
    question = "How many orders for the A380 had Airbus received?"
    settings = Settings(judge=False, context_mode="retrieval", gather_passages=3, min_relevance=0.0)
    model = ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND")
    pipeline = assemble_pipeline(settings, model, index, encoder)
    hits = pipeline.stages.retriever.search(question, k=settings.gather_passages)
    # The passage that gives 144 is not retrieved; its article, about the A380, is.
    assert not any("144 planes" in h.chunk.text for h in hits) and any(h.chunk.article_id == "flight" for h in hits)
    answer = pipeline.ask(question)
    assert answer.conflict and {v.amount for v in answer.values} == {144, 149}, answer
    assert model.calls == []
    quotes = {c.quote for c in answer.citations}
    assert "144 planes have already been ordered." in quotes and not any("Boeing" in q for q in quotes)


def test_the_maker_its_title_names_beside_the_subject_holds_the_subjects_figures() -> None:
    # Three outlets count the 787's orders as Boeing's; the 35 new orders are not the total, "200 million per
    # aircraft" is a price per plane, and a country in a title holds nothing.
    pool, binding = _pool_binding(
        {
            "x": "Boeing has unveiled its 787 Dreamliner. On Saturday, Boeing announced 35 new orders from Air Berlin "
            "and ALAFCO, bringing the total to 677 orders from 47 customers.",
            "y": "Boeing rolled out the first 787 Dreamliner. Boeing says they have 800 orders at 200 million per "
            "aircraft.",
            "z": "The 787 Dreamliner made its maiden flight. The aircraft has attracted 840 orders to date.",
            "w": "Airbus unveiled the A380. Airbus says they have 149 orders.",
        },
        {
            "x": "Boeing unveils new 787 Dreamliner",
            "y": "Boeing rolls out first 787 Dreamliner",
            "z": "Boeing 787 Dreamliner makes maiden flight",
            "w": "Airbus launches the A380",
        },
    )
    frame = frame_question("How many orders has the 787 Dreamliner attracted, according to the reports?")
    gathered = Gatherer(binding).run(frame, pool)
    assert gathered is not None and gathered.conflict
    assert sorted(g.value or 0 for g in gathered.groups) == [677, 800, 840]  # not Airbus's 149
    # Peers in a title hold their own figures: GM's lay-offs are not Chrysler's.
    peers, peer_binding = _pool_binding(
        {"u": "Chrysler said it would let go 3,000 employees. GM plans to lay off 47,000 employees."},
        {"u": "US automakers GM and Chrysler seek more aid"},
    )
    laid_off = Gatherer(peer_binding).run(frame_question("How many employees will Chrysler let go?"), peers)
    assert laid_off is not None and [g.value for g in laid_off.groups] == [3000]
    asked_new = Gatherer(binding).run(frame_question("How many new orders did Boeing announce for the 787?"), pool)
    assert asked_new is not None and 35 in [g.value for g in asked_new.groups]
    # "U.S." beside General Motors in a title: the country's figures (other companies' bankruptcies) are not GM's.
    texts = [
        "GM filed for bankruptcy protection on Monday.",
        "This was the largest bankruptcy filing for a U.S. manufacturing company, with a debt of $172 billion, after "
        "the bankruptcies of Lehman Brothers ($691 billion) and WorldCom ($103 billion).",
    ]
    pool = [Sentence(article_id="v", start=60 * i, end=60 * i + len(t), text=t) for i, t in enumerate(texts)]
    binding = BindingCheck(
        HashingEncoder(dim=64), lambda _: pool, {"v": "U.S. manufacturer General Motors seeks bankruptcy protection"}
    )
    frame = frame_question("How much debt did General Motors declare in its bankruptcy filing?")
    assert Gatherer(binding).run(frame, pool) is None


def test_a_name_after_how_many_is_no_noun_of_what_is_counted() -> None:
    frame = frame_question("How many iPhone 4 pre-orders did Apple take on the first day?")
    assert asked_nouns(frame) == []
    assert asked_nouns(frame_question("How many orders has the 787 Dreamliner attracted?")) == [("orders", False)]


def test_one_value_told_in_words_of_different_precision_is_reported_with_both() -> None:
    pool, binding = _pool_binding(
        {
            "x": "Chief executive Mark Zuckerberg has declared AI the company's top priority, committing tens of "
            "billions in overall spending to related projects in 2025.",
            "y": "Meta CEO Mark Zuckerberg has earmarked up to $65 billion for AI-related initiatives in 2025.",
        },
        {"x": "Meta considers Scale AI investment", "y": "Meta plans AI push"},
    )
    spend = Gatherer(binding).run(frame_question("How much is Meta planning to spend on AI in 2025?"), pool)
    # The officer named by title speaks for the company: his figures are Meta's.
    assert spend is not None and {g.key for g in spend.groups} == {"tens of billion", "6.5e+10"}
    assert not spend.conflict and spend.told_apart and spend.decides
    text, citations, values = CitationRenderer({"x": "x", "y": "y"}).report(spend, [])
    assert text.startswith("The articles give the spending:")
    assert "tens of billions" in text and "up to $65 billion" in text
    assert len(values) == 2 and all(v.citations for v in values)
    for c in citations:
        assert next(s for s in pool if s.article_id == c.article_id and s.start == c.start).text == c.quote


def test_two_values_or_one_worded_alike_are_not_told_apart() -> None:
    # Last year's figure beside this year's, from two articles: two values, and which one is asked is the draft's.
    revenue = _gather("What was Scale AI's revenue?")
    assert revenue is not None and len(revenue.groups) >= 2
    assert not revenue.told_apart and not revenue.decides


def test_money_received_is_not_money_sought_rejected_or_not_received() -> None:
    # Two reports of the aid GM had received, in words of one family (loans, bailout money); beside them what it
    # seeks, a package the Senate rejected, and what Chrysler may not receive.
    pool, binding = _pool_binding(
        {
            "s": "Another automaker, General Motors (GM), announced that it seeks $16.6 billion in loans from the "
            "government, in addition to the $13.4 billion that it has already received.",
            "t": "GM reported a loss. The manufacturer has received over $15 billion in bailout money from the "
            "federal government.",
            "u": "A US$14 billion bailout package for General Motors has been rejected in the Senate.",
            "v": "Chrysler said operations would fold if it does not receive the US commitment of $2.3 billion of "
            "aid. Chrysler has already received four billion in loans. Since December GM and Chrysler have "
            "received US$17.4 billion government loans.",
        },
        {
            "s": "US automakers GM and Chrysler seek more aid",
            "t": "US automaker GM reports losses",
            "u": "Auto bailout fails",
            "v": "Chrysler in trouble",
        },
    )
    received = Gatherer(binding).run(
        frame_question("How much federal aid had General Motors received by the first half of 2009?"), pool
    )
    assert received is not None and received.conflict and received.decides
    assert sorted(g.value or 0 for g in received.groups) == pytest.approx([13.4e9, 15e9])
    # Asked what was sought, the figure sought is one of the values: the receipt test is the question's own.
    sought = Gatherer(binding).run(frame_question("How much aid did General Motors seek?"), pool)
    assert sought is not None and 16.6e9 in [pytest.approx(g.value) for g in sought.groups]
    # What GM and Chrysler have received together is not Chrysler's alone.
    chrysler = Gatherer(binding).run(frame_question("How much aid has Chrysler received?"), pool)
    assert chrysler is not None and [g.value for g in chrysler.groups] == pytest.approx([4e9])


def test_names_joined_after_the_figure_or_beside_another_subject_do_not_share_it() -> None:
    pool, binding = _pool_binding(
        {
            "w": "The startup was valued at nearly $14 billion in a 2024 funding round that included investments "
            "from both Meta and Microsoft.",
            "x": "Meta and Microsoft invested in the round that valued Scale AI at $13.8 billion.",
        },
        {"w": "Scale AI valuation", "x": "Scale AI round"},
    )
    gathered = Gatherer(binding).run(frame_question("What was Scale AI valued at in 2024?"), pool)
    assert gathered is not None and sorted(g.value or 0 for g in gathered.groups) == [13.8e9, 14e9]


def _two_reports(tmp_path, first: str, second: str) -> tuple[Any, HashingEncoder]:
    return articles_index(
        tmp_path, {"one.md": first, "two.md": second}, ChunkerConfig(chunk_tokens=40, overlap_sentences=0)
    )


@pytest.mark.parametrize(
    ("draft", "answered"),
    [
        # Its own sentence gives the draft's figure as a sum sought, not received: the one received answers.
        ("Chrysler received US$5 billion in aid.", "four billion"),
        # Its own sentence gives the draft's figure as received, only not naming Chrysler: the refusal stands.
        ("Chrysler received US$7 billion in aid.", None),
    ],
)
def test_the_one_value_replaces_only_a_draft_figure_its_own_sentence_rules_out(
    tmp_path, draft: str, answered: str | None
) -> None:
    index, encoder = _two_reports(
        tmp_path,
        "# Chrysler seeks more aid\n\nChrysler, which has received four billion dollars in federal aid, asked for an "
        "additional US$5 billion in aid on Tuesday.",
        "# Carmakers and their aid\n\nChrysler filed a restructuring plan. It was the largest rescue of a U.S. "
        "carmaker, with US$7 billion in aid received.",
    )
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0, retry=False, gather_passages=10)
    model = ScriptedGenerator(f"Sentences: 1\nAnswer: {draft}")
    answer = assemble_pipeline(settings, model, index, encoder).ask("How much aid had Chrysler received?")
    assert model.calls
    if answered is None:
        assert not answer.answerable and answer.abstention is not None and answer.abstention.gate == "gathered"
    else:
        assert answer.answerable and answered in answer.answer and "US$5 billion" not in answer.answer


def test_money_a_company_lost_is_no_revenue_of_it() -> None:
    # Held-out round 12, w396 (adversarial): "lost US$6 billion …, amidst heavy declines in revenues" gives no revenue.
    text = (
        "General Motors announced it has lost US$6 billion in the first quarter of 2009, amidst heavy declines in "
        "revenues."
    )
    pool = sentences_of_text("g", text)
    binding = BindingCheck(
        HashingEncoder(dim=64), lambda _a: pool, {"g": "GM reports losses"}, dates={"g": "2009-05-07"}
    )
    gatherer = Gatherer(binding, {"g": "2009-05-07"})
    assert gatherer.run(frame_question("What was General Motors' revenue in the first quarter of 2009?"), pool) is None
    lost = gatherer.run(frame_question("How much money did General Motors lose in the first quarter of 2009?"), pool)
    assert lost is None or [g.key for g in lost.groups] == ["6e+09"]


def test_points_asked_of_the_day_a_precise_figure_names_are_read_from_that_days_report_as_moves() -> None:
    # Held-out round 16, w474: "before it closed at 8,579.19" is the one day's report that writes 8,579.19; there
    # "fell over 2,000 points in the past nine days … its lowest level since 2003" is the nine days' move ("since
    # 2003" dates the record, not the figure) and "fell 678 points" the day's; another day's "fell 449.36 points" is
    # not that day's, and its "has a value of 10769.00 points" no move.
    texts = {
        "down": "The Dow Jones fell 678 points, closing at 8,579.19. The index fell over 2,000 points in the past "
        "nine days to reach its lowest level since 2003.",
        "other": "The Dow Jones fell 449.36 points today. The Dow Jones currently has a value of 10769.00 points.",
    }
    pool, _ = _pool_binding(texts, {"down": "Dow Jones falls below 9,000", "other": "Markets fall"})
    binding = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        {"down": "Dow Jones falls below 9,000", "other": "Markets fall"},
        common=common_words(texts.values()),
        occasion=OccasionCheck(texts),
    )
    question = frame_question("How many points had the Dow Jones fallen in the nine days before it closed at 8,579.19?")
    assert binding.reports_of(question.question) == {"down"}
    gathered = Gatherer(binding).run(question, pool)
    assert gathered is not None and [g.text for g in gathered.groups] == ["over 2,000"]
    # A round mark ("below 9,000") is passed on many days: it pins no report.
    assert binding.reports_of("How many points did the Dow Jones fall on the day it closed below 9,000?") is None
    # Asked "how many points … fallen" without "by", the level the index fell to is no answer either.
    level = sentences_of_text("down", "The Dow Jones fell 312.5 points to 9,312.")
    moved = Gatherer(binding).run(frame_question("How many points did the Dow Jones fall?"), level)
    assert moved is not None and [g.text for g in moved.groups] == ["312.5"]


@pytest.mark.parametrize(
    "question",
    [
        "What was GM's loss per share in the first quarter of 2008?",  # round 17, w498: a rate, not the loss
        "How many times in the past decade had Steve Jobs taken medical leave?",  # w508: "the third time"
    ],
)
def test_a_rate_or_how_often_is_not_gathered(question: str) -> None:
    assert not gatherable(frame_question(question))


def test_a_figure_of_another_model_of_the_line_is_not_the_asked_models() -> None:
    # Round 17, w512 (adversarial): the iPhone 4's 22 days out are not the iPhone 3GS's.
    text = "Jobs said that iPhone 4 had only been out for 22 days."
    pool, binding = _pool_binding({"c": text}, {"c": "Apple to give free cases"})
    question = frame_question("How many days had the iPhone 3GS been out when Jobs answered critics?")
    assert not binding.about(question, pool[0])
    assert binding.about(frame_question("How many days had the iPhone 4 been out when Jobs answered critics?"), pool[0])


def test_what_did_someone_report_asks_no_figure_of_the_subjects_words() -> None:
    # Round 19, w543: "customers" is who reported, not a customer count asked for.
    question = "What did some customers report Apple had set on their phone lines during the iPhone 4 pre-orders?"
    assert not gatherable(frame_question(question))
    # The attribute named just after "what" is still read: "What revenue did Scale AI make in 2024?".
    assert gatherable(frame_question("What revenue did Scale AI make in 2024?"))


def test_points_asked_of_a_named_day_are_that_days_and_the_asked_moves() -> None:
    # Round 20, w572: "fall on 6 October 2008" is not the NASDAQ's rise in a report of 18 September; w301: nor a
    # rise of the next day's report ("It went up by 0.16% (16.03 points)"), which may speak of the day before.
    texts = {
        "oct6": "The Nasdaq index has fallen by 100.12 points to 1847.27.",
        "oct7": "The Nasdaq index went up by 0.16% (16.03 points) today.",
        "sep18": "The Nasdaq was up nearly nine points.",
    }
    dates: dict[str, str | None] = {"oct6": "2008-10-06", "oct7": "2008-10-07", "sep18": "2008-09-18"}
    pool = [s for k, v in texts.items() for s in sentences_of_text(k, v)]
    binding = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        {k: "Markets report" for k in texts},
        common=common_words(texts.values()),
        dates=dates,
    )
    question = "By how many points did the Nasdaq fall on 6 October 2008?"
    gathered = Gatherer(binding, dates).run(frame_question(question), pool)
    # "has fallen by 100.12 points" is the move asked "by how many points", not the size of a cut of something else.
    assert gathered is not None and [g.text for g in gathered.groups] == ["100.12"]
    # One value, every reading from the day asked: it answers where the draft was refused.
    assert gathered.on_asked_day and gathered.sole(question)
    # Undated, the reading may be of any day: it does not answer alone.
    undated = Gatherer(binding).run(frame_question(question), sentences_of_text("oct6", texts["oct6"]))
    assert undated is not None and not undated.sole(question)
    rise = Gatherer(binding, dates).run(
        frame_question("By how many points did the Nasdaq rise on 7 October 2008?"), pool
    )
    assert rise is not None and [g.text for g in rise.groups] == ["16.03"]


def test_names_and_figures_paired_by_respectively_are_read_in_order() -> None:
    # Round 21, w595: the 400 is Spain's; w492 (adversarial): a cut is no gain of the United Kingdom's.
    text = (
        "France will lose 4,300 jobs, followed by Germany having a loss of 3,700 jobs, while the United Kingdom and "
        "Spain will see 1,600 and 400 jobs cut respectively."
    )
    pool, binding = _pool_binding({"p": text}, {"p": "Airbus restructuring"})
    gatherer = Gatherer(binding)

    def read(question: str) -> list[str] | None:
        gathered = gatherer.run(frame_question(question), pool)
        return None if gathered is None else [g.text for g in gathered.groups]

    assert read("How many jobs will Spain lose under the restructuring?") == ["400"]
    assert read("How many jobs will the United Kingdom lose under the restructuring?") == ["1,600"]
    assert read("How many jobs will France lose under the restructuring?") == ["4,300"]
    assert read("How many jobs will the United Kingdom gain under the restructuring?") is None


def test_round_23_a_hyphenated_model_and_a_figure_set_off_from_anothers_word() -> None:
    pool, binding = _pool_binding(
        {
            "x": "The new Airbus will initially be sold in two versions: the A380-800, able to carry 555 passengers in "
            "a three-class configuration. The cost of the project so far is £8.4bn, £1bn over budget."
        },
        {"x": "World's largest passenger airliner makes first flight"},
    )
    # w646: the A380-800 is named as its parts, as the sentence's name groups are.
    seats = Gatherer(binding).run(frame_question("How many passengers can the A380-800 carry?"), pool)
    assert seats is not None and [g.value for g in seats.groups] == [555]
    # w649: "budget" is the £1bn's word, set off from the £8.4bn by it and a comma; the £8.4bn is the cost.
    cost = Gatherer(binding).run(frame_question("How much had the A380 project cost?"), pool, unnamed=True)
    assert cost is not None and [g.value for g in cost.groups] == [8.4e9]


def test_investors_who_act_ask_no_investment() -> None:
    # Held-out round 31, w840: "What were investors awaiting" asks what they awaited, not a figure of investment;
    # "how much had investors pulled out" still asks their money.
    assert not gatherable(
        frame_question("What were investors awaiting on the weekend the G7 ministers met in Washington?")
    )
    assert asked_family(frame_question("How much wealth had investors pulled out of Russian markets?")) == "investment"


def test_the_officer_asked_by_the_subjects_title_holds_the_subjects_figure() -> None:
    # Held-out round 39, w1035: "Finance Minister Alexei Kudrin" is Russia's finance minister, in the report whose
    # title and lead name Russia; the sentence names no other holder of the money.
    lead = "The Russian government has kept all stock markets closed until Friday."
    said = "Finance Minister Alexei Kudrin announced that 500 billion rubles would be infused into the stock markets."
    text = f"{lead} {said}"
    sentences = sentences_of_text("r", text)
    binding = BindingCheck(HashingEncoder(dim=64), lambda _a: sentences, {"r": "Russian markets to remain closed"})
    gathered = Gatherer(binding).run(
        frame_question("How many rubles did Russia's finance minister say would be put into the stock markets?"),
        sentences,
    )
    assert gathered is not None and [g.key for g in gathered.groups] == ["5e+11"]
    # Asked of another country's finance minister, the sentence holds none of its figures.
    other = frame_question("How many rubles did Japan's finance minister say would be put into the stock markets?")
    assert Gatherer(binding).run(other, sentences) is None


def test_a_part_of_the_questions_own_figure_is_left_to_the_draft() -> None:
    # Held-out round 41, w1080: "half of which would come from the federal budget" is how much of the US$19.7
    # billion; no figure of the budget is bound, so the gatherer must not refuse it.
    said = sentences_of_text(
        "a", "Russia would infuse an additional US$19.7 billion, half of which would come from the budget."
    )
    asked = "How much of the additional US$19.7 billion Russia promised was to be paid from the state's own coffers?"
    assert tells_part_asked(asked, said)
    # Another figure's share, or the figure without a part of it, leaves the gatherer to decide (adversarial w1081).
    assert not tells_part_asked(asked.replace("19.7", "700"), said)
    whole = sentences_of_text("a", "Russia would infuse an additional US$19.7 billion into its markets.")
    assert not tells_part_asked(asked, whole)
    assert not tells_part_asked("How much did Russia infuse into its markets?", said)


def test_a_figure_given_for_the_subject_beside_anothers_is_the_subjects() -> None:
    # Held-out round 42, w1094: the A380 "can carry up to 840 people in all-economy class (550 for a Boeing 747)";
    # the 550 is the 747's in that layout, and no figure of the 747's three-class layout (w247).
    text = (
        "Airbus unveiled the A380, which can carry up to 840 people in all-economy class (550 for a Boeing 747), "
        "or 555 people in typical three-class layout."
    )
    sentence = sentences_of_text("a", text)[0]
    binding = BindingCheck(HashingEncoder(dim=64), lambda _: [sentence], {"a": "Airbus launches the A380"})
    asked = frame_question("How many passengers could a Boeing 747 hold in an all-economy layout?")
    gathered = Gatherer(binding).run(asked, [sentence])
    assert gathered is not None and [g.value for g in gathered.groups] == [550]
    assert (
        Gatherer(binding).run(
            frame_question("How many passengers can a Boeing 747 carry in a three-class layout?"), [sentence]
        )
        is None
    )
