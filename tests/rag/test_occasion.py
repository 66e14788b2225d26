"""Held-out round 4 (Wikinews w189–w212): a figure from a report of another occasion than the question's clause
names, a name written in mixed case ("iPhone"), one sentence giving several holders their figures, and a measure
or storage worded by its pole or unit."""

from __future__ import annotations

import re

from index import Sentence
from rag.stages.binding import BindingCheck
from rag.stages.frame import frame_question
from rag.stages.gather import Gatherer
from rag.stages.occasion import OccasionCheck
from rag.stages.verify import ClaimCheck, Verdict
from tests.fakes import HashingEncoder

# Two reports of Apple's shares, one of the day pre-orders swamped the iPhone 4, one of the day Jobs resigned, and
# market reports that also write "announced", "government" and "loans".
_ARTICLES = {
    "swamped": "Apple swamped by iPhone 4 pre-orders\nPre-orders of the iPhone 4 overwhelmed Apple and AT&T. Apple "
    "shares rose US$5.41 yesterday in regular trading.",
    "resigns": "Apple executive Steve Jobs resigns\nSteve Jobs resigned as chief executive. Apple shares fell "
    "US$19.37 in regular trading.",
    "loans": "Shares surge due to US government plan\nThe US government announced it would buy bad loans from "
    "banks. The NASDAQ rose 2.53%.",
    "rally": "Markets rally as central banks infuse cash\nSeveral banks announced swap lines for loan guarantees; "
    "the Russian government kept its markets shut. The NASDAQ was up nearly nine points.",
    "fall": "Markets fall\nThe government's bail out did little. The Nasdaq index has fallen 100.12 points to 1847.27.",
    "cases": "Apple to give free cases\nApple will give free cases to iPhone 4 owners.",
}


def _occasion() -> OccasionCheck:
    return OccasionCheck(_ARTICLES)


def test_an_article_speaks_of_the_occasion_by_its_rare_words() -> None:
    check = _occasion()
    swamped = frame_question("By how much did Apple's shares fall, as reported when iPhone 4 pre-orders swamped Apple?")
    assert swamped.circumstance == {"iphone", "pre-orders", "swamped"}
    assert check.speaks_of(swamped.circumstance, "swamped")
    assert not check.speaks_of(swamped.circumstance, "resigns")
    loans = frame_question(
        "How many points did the Nasdaq gain on the day the US government announced it would buy bad loans?"
    )
    assert check.speaks_of(loans.circumstance, "loans")
    # "announced" and "government" are in every market report: only "bad" and "buy" tell the day.
    assert not check.speaks_of(loans.circumstance, "fall")


def test_a_short_ing_form_meets_its_verb_and_an_unknown_article_is_not_ruled_out() -> None:
    check = _occasion()
    assert check.speaks_of({"giving"}, "cases")  # "giving" reaches "give" though the stem leaves "givin"
    assert not check.speaks_of({"swamped"}, "cases")
    assert check.speaks_of({"swamped"}, "an article added since")
    assert check.speaks_of(set(), "cases")


def _sentence(article_id: str, text: str) -> Sentence:
    body = _ARTICLES[article_id]
    start = body.index(text)
    return Sentence(article_id=article_id, start=start, end=start + len(text), text=text)


def _binding() -> BindingCheck:
    def sentences_of(article_id: str) -> list[Sentence]:
        body = _ARTICLES[article_id].split("\n", 1)[1]
        return [_sentence(article_id, t) for t in re.split(r"(?<=\.) ", body)]

    titles = {a: text.split("\n", 1)[0] for a, text in _ARTICLES.items()}
    return BindingCheck(HashingEncoder(dim=64), sentences_of, titles, occasion=_occasion())


def test_the_gate_refuses_a_figure_from_the_report_of_another_occasion() -> None:
    binding = _binding()
    question = (
        "By how much did Apple's shares fall in regular trading, as reported when iPhone 4 pre-orders swamped Apple?"
    )
    fell = _sentence("resigns", "Apple shares fell US$19.37 in regular trading.")
    problem = binding.run(
        frame_question(question), Verdict([ClaimCheck("Apple shares fell US$19.37.", [fell], 1.0, True)])
    )
    assert problem is not None and problem.gate == "occasion"
    rose = _sentence("swamped", "Apple shares rose US$5.41 yesterday in regular trading.")
    asked = question.replace("fall", "rise")
    assert (
        binding.run(frame_question(asked), Verdict([ClaimCheck("Apple shares rose US$5.41.", [rose], 1.0, True)]))
        is None
    )
    # A figure joined to one of another day's report is not the asked day's either.
    both = ClaimCheck("Apple shares rose US$5.41, after falling US$19.37.", [rose, fell], 1.0, True)
    problem = binding.run(frame_question(asked), Verdict([both]))
    assert problem is not None and problem.gate == "occasion"


def test_the_gatherer_reads_figures_of_the_occasion_and_of_the_subjects_own_clause() -> None:
    question = frame_question(
        "How many points did the Nasdaq fall on the day the US government announced it would buy bad loans?"
    )
    # The Nasdaq's points in a report of another day are not read; without the check they would be.
    sentences = [_sentence("fall", "The Nasdaq index has fallen 100.12 points to 1847.27.")]
    gatherer = Gatherer(_binding())
    assert gatherer.run(question, sentences) is None
    titles = {a: text.split("\n", 1)[0] for a, text in _ARTICLES.items()}
    unchecked = BindingCheck(HashingEncoder(dim=64), lambda a: sentences, titles)
    assert Gatherer(unchecked).run(question, sentences) is not None
    several = Sentence(
        article_id="rally",
        start=0,
        end=0,
        text="The Dow Jones surged nearly 200 points, the NASDAQ was up nearly nine points, and the S&P 500 was up "
        "nearly 15 points.",
    )
    gathered = gatherer.run(frame_question("How many points was the NASDAQ up?"), [several])
    assert gathered is not None and [g.key for g in gathered.groups] == ["9"]


def test_a_figure_asked_at_the_close_is_not_one_of_the_trading_days_middle() -> None:
    binding = _binding()
    question = "How much did the Bovespa index fall by the close of trading on 6 October 2008?"
    midday = "It has already fallen by 14.45% today, though it is not even half way through the trading day."
    assert _gate(binding, question, "14.45%.", midday) == "constraint"
    closed = "The Bovespa index had fallen 5.43% when trading closed."
    assert _gate(binding, question, "5.43%.", closed) is None
    # Shutting plants is no close of trading.
    assert _gate(binding, "How many plants would GM close?", "14 plants.", "GM would shut 14 plants.") is None
    gathered = Gatherer(binding).run(
        frame_question(question), [Sentence(article_id="cases", start=0, end=len(midday), text=midday)]
    )
    assert gathered is None


def test_a_figure_is_not_the_asked_attribute_that_its_sentence_binds_to_another() -> None:
    binding = _binding()
    filing = (
        "This was the largest bankruptcy filing for a U.S. manufacturing company, with declared assets of $82.29 "
        "billion and a debt of $172.81 billion, and the fourth largest in recent U.S. history -- after the "
        "bankruptcies of Lehman Brothers ($691.06 billion), Washington Mutual ($327.91 billion), and WorldCom."
    )
    lehman = "How much debt did Lehman Brothers declare in its bankruptcy filing?"
    assert _gate(binding, lehman, "Lehman Brothers declared $691.06 billion.", filing) == "attribute"
    assert _gate(binding, "How large was Washington Mutual's bankruptcy?", "$327.91 billion.", filing) is None
    # Asked by the noun after "What" (Wikinews w300): the filing's assets are GM's $82.29 billion.
    assets = "What assets did Lehman Brothers declare in its bankruptcy filing?"
    assert _gate(binding, assets, "Lehman Brothers declared assets of $691.06 billion.", filing) == "attribute"
    # Two figures of one attribute, side by side, are its pair: "from" gives the earlier.
    rose = "GM's debt rose to $30 billion from $20 billion."
    assert _gate(binding, "How much debt did GM have before?", "$20 billion.", rose) is None


def _gate(binding: BindingCheck, question: str, claim: str, text: str) -> str | None:
    said = Sentence(article_id="cases", start=0, end=len(text), text=text)
    problem = binding.run(frame_question(question), Verdict([ClaimCheck(claim, [said], 1.0, True)]))
    return problem.gate if problem else None


def test_a_clause_that_only_places_the_figure_in_time_names_no_occasion() -> None:
    # "before the Meta talks": a valuation reported without the talks is still the one before them.
    binding = _binding()
    before = frame_question("How much was Apple worth before iPhone 4 pre-orders swamped it?")
    assert before.circumstance and binding.speaks_of_occasion(before, "resigns")
    when = frame_question("How much was Apple worth when iPhone 4 pre-orders swamped it?")
    assert not binding.speaks_of_occasion(when, "resigns")


def test_a_verb_done_again_meets_its_plain_verb() -> None:
    # Held-out round 39, w1035: "when they reopened" is the report of markets that "opened on Friday".
    check = OccasionCheck(
        {
            "opened": "Russian markets stay shut\nMoney will go into the markets when they opened on Friday.",
            "ported": "Apple ported its software\nApple ported its software to Windows.",
        }
    )
    assert check.speaks_of({"reopened"}, "opened")
    assert check.speaks_of({"re-opened"}, "opened")
    # Only before a vowel: "reported" is no "ported" done again.
    assert not check.speaks_of({"reported"}, "ported")


def test_reaching_a_place_is_told_as_arriving() -> None:
    # Held-out round 42, w1097: "when it reached Singapore on its delayed tour" is the report's "when it arrives";
    # the other reports of the delayed tour tell no arrival.
    tours = {
        "arrives": "Superjumbo tour delayed\nThe A380 will wear the livery of Singapore Airlines when it arrives.",
        **{f"tour{n}": f"Tour delayed\nThe tour was delayed {n} days." for n in range(3)},
    }
    check = OccasionCheck(tours)
    assert check.speaks_of({"reached", "delayed", "tour"}, "arrives")
    assert not check.speaks_of({"reached", "delayed", "tour"}, "tour1")


def test_a_market_that_ended_under_a_level_is_told_as_closing_there() -> None:
    # Held-out round 45, w1176: "on the day the Dow ended under 9,000" is the report where it "fell to below 9,000,
    # closing at 8,579"; a report that writes neither ending nor closing is of another day.
    reports = {
        "closing": "Markets down across the world\nThe Dow fell to below 9,000, closing at 8,579.",
        "rising": "Markets up\nThe Dow rose to 9,000 after the plan.",
    }
    check = OccasionCheck(reports)
    assert check.speaks_of({"ended"}, "closing")
    assert not check.speaks_of({"ended"}, "rising")


def test_a_rough_figure_of_the_occasion_is_met_by_the_exact_one_the_report_writes() -> None:
    # Held-out round 47, w1221: "on the day HBOS shares lost more than 41%" is the report of "falling by an
    # incredible 41.54%"; one that writes 38% or 60% is of another day, and a level crossed stays exact.
    texts = {
        "hbos": "Markets fall\nShares in HBOS lost an incredible 41.54% today. The Nasdaq fell 2.95%.",
        "lower": "Markets fall again\nShares in HBOS lost 38% today. The Nasdaq fell 3.1%.",
        "higher": "Markets fall once more\nShares in HBOS lost 60% today. The Nasdaq fell 4.2%.",
    }
    sentences = {a: [Sentence(article_id=a, start=0, end=len(t), text=t)] for a, t in texts.items()}
    binding = BindingCheck(
        HashingEncoder(), lambda a: sentences[a], {a: t.split("\n")[0] for a, t in texts.items()},
        occasion=OccasionCheck(texts),
    )  # fmt: skip
    frame = frame_question("How far did the Nasdaq drop on the day HBOS shares lost more than 41%?")
    assert binding.speaks_of_occasion(frame, "hbos")
    assert not binding.speaks_of_occasion(frame, "lower")
    assert not binding.speaks_of_occasion(frame, "higher")
    frame = frame_question("How far did the Nasdaq drop on the day HBOS shares lost 41%?")
    assert not binding.speaks_of_occasion(frame, "hbos")
