"""Gather every report of the asked figure before answering: reports differ, and a reader should see how.

Asked "What was Scale AI valued at in 2024?", one article says roughly nine billion dollars, two say about
US$14 billion. A model shown a few sentences picks one; this stage reads every retrieved sentence that states
the asked attribute (its family word, ``rag.stages.frame``) of the asked subject (every name group of the
question, in the sentence or — where the sentence refers back — just before it or in its title), binds each
figure to the attribute word nearest to it, and groups the figures by value (``rag.stages.amounts``).

The pipeline answers from the gathered values itself, without the model, when
  * articles disagree: two articles each state a value the other does not ("conflict"), or
  * the question asks for a superlative over the reports ("the highest valuation mentioned in the articles",
    "the most recent report"): computed over the values, not left to the model.
Otherwise (one value, or values of one article) the usual path answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from index import Sentence
from rag.stages.amounts import NUMBER_WORDS, SCALES, Amount, figure_clause, find_amounts, number_value
from rag.stages.binding import (
    HOLDER_SPAN_START,
    MONEY_LOST,
    TITLED_PERSON,
    ZONE_OFFSET,
    BindingCheck,
    asked_years_of,
    moves_apart,
    name_groups,
    opposite_move,
    other_side,
    other_time_unit,
    states_period,
    unmet_close,
)
from rag.stages.conversions import asked_currency, equivalents
from rag.stages.dates import asked_days, days_spoken_of
from rag.stages.frame import (
    COUNT_FAMILIES,
    FIGURE_FAMILIES,
    HOW_MUCH,
    MONEY_FAMILIES,
    MOVE_FAMILIES,
    VALUES_IT,
    QuestionFrame,
    asked_nouns,
    asking_part,
    family_of,
    root,
    stem,
)
from rag.stages.verify import (
    NOT_AN_AUXILIARY,
    asks_quantity,
    extract_names,
    extract_quantities,
    part_asked_of,
    states_share,
)

__all__ = ["Gathered", "Gatherer", "Reading", "ValueGroup", "gatherable", "tells_part_asked"]

# Families whose words are interchangeable in a report (valued / valuation; killed / dead; spend / earmarked; aid /
# loans / bailout money). In the others a figure must sit by a word of the question's own stem: "raised $1 billion"
# is not Meta's "investment".
_TIGHT_FAMILIES = frozenset(
    {"valuation", "revenue", "spending", "aid", "price", "employees", "death", "injury", "vote", "population"}
)
# "What revenue …", "what valuations do the reports give …": a figure asked for by its attribute's name.
# Not after "what did": "What did some customers report …" asks no customer count (Wikinews w543).
_WHAT_ATTRIBUTE = re.compile(rf"^\s*what\s+{NOT_AN_AUXILIARY}((?:[\w'’-]+\s+){{0,3}}[\w'’-]+)", re.I)
_WORTH = re.compile(r"\bworth\b|\bvalued\b", re.I)
# Nouns naming who gives, not what is given: "raised from its investors" asks what was raised.
_ROLES = frozenset({"investor", "investors", "backer", "backers", "funder", "funders", "founder", "founders"})
# A question about one article's figure ("the article that puts …", "according to Reuters") asks for that
# article's value, not for every report's.
_ONE_SOURCE = re.compile(
    r"\b(?:the|one|an?|that|this)\s+(?:article|report|outlet|story|source)s?\s+(?:that|which|whose)\b"
    r"|\baccording to\b(?!\s+(?:the\s+)?(?:various\s+|different\s+)?(?:reports|articles|sources|outlets))"
    r"|\bin (?:the|its) (?:article|report)\b",
    re.I,
)
# A superlative is computed over the reports only when the question speaks of the reports.
# "Which outlet reported the deal could be worth …", "what kind of workers …": a name or a kind is asked for.
_ASKS_NO_FIGURE = re.compile(
    r"^\s*(?:who|whom|whose|which|where|why|when)\b|^\s*what\s+(?:kind|type|sort)s?\s+of\b", re.I
)
# "How many votes short of the 60 it needed": a difference the articles' figure gives only with the question's.
_SHORT_OF = re.compile(r"\bshort of\b", re.I)
# A question that asks the size of a move ("By how many points was the Dow Jones up …"), and a figure stated as the
# level reached instead: "has a value of 11350.58 points", "to 2248.63", "at 5272.50", "the 5000 mark".
_BY_HOW = re.compile(r"\s*by\s+how\s+(?:much|many)\b", re.I)
# "How many points had the Dow Jones fallen …": the move, asked without "by".
_POINTS_MOVED = re.compile(
    r"\s*how\s+many\s+points\b.*\b(?:f[ae]ll(?:en|s)?|drop(?:ped|s)?|r[io]s(?:e|en|es)|gain(?:ed|s)?|los[est]|"
    r"lost|declin(?:e|ed|es)|climb(?:ed|s)?|jump(?:ed|s)?|surg(?:e|ed|es)|plung(?:e|ed|es)|slip(?:ped|s)?|"
    r"tumbl(?:e|ed|es)|shed)\b",
    re.I,
)
_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:value|level)\s+of|\b(?:to|at)(?:\s+(?:about|nearly|around|above|below|just))?(?:\s+the)?)\s+$", re.I
)
_MARK = re.compile(r"\s+(?:mark|level)\b", re.I)
_PER_SHARE = re.compile(r"\bper[\s-]+share\b", re.I)
_HOW_OFTEN = re.compile(r"\s*how\s+many\s+times\b", re.I)
_COMPARED = re.compile(r"\bhow\s+(?:much|many)\s+(?:less|more|fewer|higher|lower|cheaper|faster)\b", re.I)
# A count asked per time, right after what it counts: "to how many aircraft a month" (not "how many people use it
# each month", the count of a month's users).
_RATE_ASKED = re.compile(r"\bhow\s+many\s+[a-z-]+\s+(?:a|per)\s+(?:day|week|month|year)\b", re.I)
_HOW_MANY = re.compile(r"\bhow\s+many\s+([A-Za-z]+)", re.I)
_ABOUT_REPORTS = re.compile(
    r"\b(?:articles?|reports?|reported(?:ly)?|sources?|outlets?|mentioned|given|cited|stated)\b", re.I
)
_HIGHEST = re.compile(r"\b(?:highest|largest|biggest|greatest|maximum)\b", re.I)
_LOWEST = re.compile(r"\b(?:lowest|smallest|least|minimum)\b", re.I)
_LATEST = re.compile(r"\b(?:most recent|latest|newest)\s+(?:report|article|source|figure|news|story)", re.I)
_EARLIEST = re.compile(r"\b(?:earliest|oldest|first)\s+(?:report|article|source|figure)", re.I)
_COUNT_REACH = 40  # characters between a count and the word of what it counts
_PERCENT_ASKED = re.compile(r"%|\bpercent|\bper cent|\bshare\b|\bstake\b|\brate\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_YEAR = re.compile(r"(?<![\w$.,])(?:19|20)\d{2}(?![\w.,]\d)")
_RELATIVE = {"this year": 0, "last year": -1, "next year": 1, "a year earlier": -1, "a year ago": -1}
_RELATIVE_YEAR = re.compile("|".join(_RELATIVE), re.I)

Asks = Literal["values", "highest", "lowest", "range", "latest", "earliest"]


@dataclass(frozen=True)
class Reading:
    """One figure as one sentence states it."""

    amount: Amount
    sentence: Sentence


@dataclass(frozen=True)
class ValueGroup:
    """The readings of one value, in whatever words each article put it."""

    key: str
    readings: tuple[Reading, ...]

    @property
    def text(self) -> str:
        return self.readings[0].amount.text

    @property
    def value(self) -> float | None:
        return self.readings[0].amount.value

    @property
    def articles(self) -> frozenset[str]:
        return frozenset(r.sentence.article_id for r in self.readings)


@dataclass(frozen=True)
class Gathered:
    """The asked attribute's values across the articles, and what the question wants of them."""

    family: str
    groups: tuple[ValueGroup, ...]
    asks: Asks
    conflict: bool
    # Every value read from a report of the day the question names, or a sentence that names that day.
    on_asked_day: bool = False

    def admits(self, answer: str) -> bool:
        """Whether a figure of ``answer`` can be one of these values. An answer whose every figure is
        incompatible with what the articles state for this attribute of this subject ("OpenAI is valued at nine
        billion dollars" where that is Scale AI's valuation) has bound a figure to the wrong subject or
        attribute. True when there is nothing to compare: no figure in the answer, only vague values here.

        A figure asked by a noun no family names ("how many orders") is compared too, although its values are
        read by that word alone and may miss one: without the comparison, "How much federal aid had GM received?"
        (before aid had a family) was answered with the US$30 billion GM "might need"."""
        spans = [span for group in self.groups if (span := _span(group)) is not None]
        stated = [(a.value, a.value) if a.value is not None else _VAGUE_RANGES.get(a.key) for a in find_amounts(answer)]
        stated_spans = [span for span in stated if span is not None]
        if not spans or not stated_spans:
            return True
        return any(_compatible(a, b) for a in stated_spans for b in spans)

    @property
    def decides(self) -> bool:
        """Whether the pipeline answers from these values rather than from a draft."""
        if self.asks in ("highest", "lowest", "range"):
            return any(g.value is not None for g in self.groups)
        if self.asks in ("latest", "earliest"):
            return bool(self.groups)
        return self.conflict or self.told_apart

    def sole(self, question: str) -> bool:
        """Whether the articles bind exactly one definite value to what was asked, which then answers a question
        whose draft was refused ("How much aid had Chrysler received?": the draft's "$5 billion" is no figure of the
        articles, their "four billion" is the one). Not where the question names a day (the figure a report of
        another day gives is not the one "on 3 March", unless every reading is that day's), or a part of a year that
        the value's sentences do not name: a year's figure is not its first quarter's."""
        if self.asks != "values" or len(self.groups) != 1 or self.groups[0].value is None:
            return False
        if asked_days(question) and not self.on_asked_day:
            return False
        part = _PART_OF_YEAR.search(question)
        if part is None:
            return True
        said = re.compile(r"\s+".join(map(re.escape, part.group(0).split())), re.I)
        return all(said.search(reading.sentence.text) for reading in self.groups[0].readings)

    @property
    def told_apart(self) -> bool:
        """Whether the articles give one value in words of different precision: "tens of billions" in one, "as
        much as US$65 billion" in another. No disagreement, but a draft would give one and drop the other; a reader
        is owed both, each cited. Only where every value is compatible with every other: "$870 million last
        year" beside "$2 billion this year" is two values, left to the draft."""
        spans = [span for g in self.groups if (span := _span(g)) is not None]
        if len(spans) < max(2, len(self.groups)) or len({a for g in self.groups for a in g.articles}) < 2:
            return False
        if not any(g.value is None for g in self.groups) or all(g.value is None for g in self.groups):
            return False
        return all(_compatible(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :])


# "the first quarter of 2025", "Q1": a part of a year. After "by" it is a deadline ("aid received by the first half of
# 2009"), not the period a figure is for.
_PART_OF_YEAR = re.compile(
    r"(?<!\bby )(?<!\bby the )\b(?:(?:first|second|third|fourth|last|final)\s+(?:quarter|half)|Q[1-4]|H[12])\b", re.I
)

# Nouns of people a report may count as "people": "50,000 people watched" counts the spectators.
_PEOPLE_NOUNS = frozenset(
    "passengers spectators visitors guests attendees onlookers fans viewers participants delegates residents "
    "protesters demonstrators".split()
)
_COUNTED_PEOPLE = _PEOPLE_NOUNS | {"people"}
_PEOPLE = re.compile(r"\b(?:people|persons)\b", re.I)
_LAST_WORD = re.compile(r"([A-Za-z][\w&-]*)\s$")  # "S&P 500" too
_CAMEL = re.compile(r"[a-z]+[A-Z][\w&-]*")  # "iPhone", "eBay"
# Question words that say nothing of what a count of people did: "the largest number of passengers".
_BARE = frozenset("number largest smallest highest lowest many much total roughly about around".split())


def _says_what(frame: QuestionFrame, text: str, amount: Amount) -> bool:
    """Whether a count of "people" is said to do what the question's people do, in the words just around it:
    "Around 50,000 people watched" counts spectators who "watched", "can carry up to 840 people" the passengers
    it can "carry"; "50,000 people watched the maiden flight" does not count passengers of a flight."""
    before = _WORD.findall(text[: amount.start])[-3:]
    after = _WORD.findall(text[amount.end :])[:3]  # "people" and the two words after it
    near = [w.lower() for w in before + after]
    asked = [a for a in frame.attributes if a not in _COUNTED_PEOPLE and a not in _BARE]
    return any(root(a) == root(w) or w in _inflections(a) for a in asked for w in near)


def _inflections(word: str) -> set[str]:
    """The forms of a short verb that ``root`` cannot reach: "use" / "used", "seat" / "seated"."""
    base = word.lower()
    bare = base.removesuffix("e")
    return {base, base + "s", base + "d", bare + "ed", bare + "ing"}


def asked_noun(frame: QuestionFrame) -> tuple[str, bool] | None:
    """The likeliest noun a figure is asked by (see ``asked_nouns``)."""
    nouns = asked_nouns(frame)
    return nouns[0] if nouns else None


def asked_family(frame: QuestionFrame) -> str | None:
    """The figure the question asks for: "worth"/"valued" asks a valuation; otherwise the first attribute word
    of a known figure family ("How much revenue did the start-up backed by X make" asks revenue, not backing)."""
    if _WORTH.search(frame.question):
        return "valuation"
    money = bool(HOW_MUCH.search(frame.question))
    # "How many Republicans voted for the bailout bill" counts Republicans: not the bailout's money, nor the vote's
    # tally (52-35 counts every senator's vote).
    counted = m.group(1).lower() if (m := _HOW_MANY.search(frame.question)) else None
    # "What share of GM's bondholders had to agree before the administration would give more aid?" asks a share:
    # an attribute word in a clause of circumstance says when or on what terms, not what figure is asked.
    for word in frame.attributes:
        # "What were investors awaiting …" asks nothing of an investment: a role names who acts (held-out round 31,
        # w840); "how much … had investors pulled out" still asks their money.
        if word in frame.circumstance or (word in _ROLES and not money and counted is None):
            continue
        family = family_of(word)
        if counted and (family in MONEY_FAMILIES or (family == "vote" and family_of(counted) != family)):
            continue
        if family in FIGURE_FAMILIES and not (money and family in COUNT_FAMILIES):
            return family  # "how much did it take in from its customers" asks money, not a count of customers
    return None


def tells_part_asked(question: str, sentences: Iterable[Sentence]) -> bool:
    """Whether the question asks how much of a figure it gives and a sentence states a part of that figure beside
    it: "half of which would come from the federal budget" after "an additional US$19.7 billion" (held-out round 41,
    w1080). No figure of the asked attribute is bound there, yet the draft can read the part."""
    figures = extract_quantities(part_asked_of(question))
    return bool(figures) and any(
        extract_quantities(s.text) & figures and states_share(_remove_figures(s.text, figures)) for s in sentences
    )


def _remove_figures(text: str, figures: set[float]) -> str:
    """``text`` without the amounts whose value is among ``figures`` (a "19.7" is no share of itself)."""
    for amount in sorted(find_amounts(text), key=lambda a: -a.start):
        if extract_quantities(amount.text) & figures:
            text = text[: amount.start] + " " + text[amount.end :]
    return text


def gatherable(frame: QuestionFrame) -> bool:
    """A question asking for a figure of a known attribute of a named subject, with no constraint the values
    cannot honour (besides X, which three, by how much, one article's figure)."""
    if not frame.subjects or frame.excluded or frame.count or frame.asks_change or frame.described:
        return False
    if _ONE_SOURCE.search(frame.question) or _ASKS_NO_FIGURE.match(frame.question) or _SHORT_OF.search(frame.question):
        return False
    if _RATE_ASKED.search(frame.question) or _PER_SHARE.search(frame.question):
        return False  # "to how many aircraft a month", "loss per share": a rate, which a total does not give
    if _HOW_OFTEN.match(frame.question):
        return False  # "How many times had he taken leave?": an ordinal ("the third time"), not a count read by it
    if _COMPARED.search(frame.question):
        return False  # "how much less fuel per passenger": a difference, in percent or in units
    if _WORTH.search(frame.question) and any(a.money for a in find_amounts(frame.question)):
        return False  # "what is the $10 billion investment worth in ringgit": that figure converted, not gathered
    if asked_family(frame) is None:
        return asked_noun(frame) is not None
    named = _WHAT_ATTRIBUTE.match(frame.question)
    return (
        asks_quantity(frame.question)
        or bool(named and any(family_of(w) in FIGURE_FAMILIES for w in named.group(1).split()))
        or _asks(frame.question) != "values"  # "the highest valuation the articles mention"
    )


class Gatherer:
    """Model-free. ``binding`` supplies the subject and attribute tests the question-aware gate uses."""

    def __init__(self, binding: BindingCheck, dates: dict[str, str | None] | None = None):
        self.binding = binding
        self.dates = dates or {}

    def run(
        self, frame: QuestionFrame, sentences: Iterable[Sentence], *, unnamed: bool = False, loose: bool = False
    ) -> Gathered | None:
        """The values the sentences give for what ``frame`` asks; None when the question is not about a figure
        or no sentence states one. ``unnamed``: whoever the sentences make the figure's holder, or none ("This was
        the largest bankruptcy filing … with a debt of $172.81 billion" may well be General Motors'). ``loose``:
        besides, for whatever year and by whichever word of the asked attribute's family ("raised" for "put in")."""
        if not gatherable(frame):
            return None
        family = asked_family(frame)
        sentences = list(sentences)
        if not loose and (reports := self.binding.reports_of(frame.question)):
            sentences = [s for s in sentences if s.article_id in reports]
        if family is not None:
            # The question's own words of that family, for the families whose words are not interchangeable.
            # A role ("investors") or a word of a name ("Founders Fund") does not say which of the family's
            # words the figure must stand by; with none left, any of them does.
            named = extract_names(frame.question)
            own = {root(w) for w in frame.attributes if family_of(w) == family and w not in _ROLES | named}
            # Asked only by a role ("how much have investors put in"), a figure is of what the role gave: the
            # sentence names the role ("raised $1 billion from investors"), not another's plan to invest.
            roles = {w.rstrip("s") for w in frame.attributes if w in _ROLES and family_of(w) == family}
            roles = set() if own else roles
            readings = self._read(
                frame,
                sentences,
                family,
                family in MONEY_FAMILIES,
                own,
                family in _TIGHT_FAMILIES or loose,
                roles=roles,
                unnamed=unnamed or loose,
                any_year=loose,
            )
        else:
            readings = []
            for noun, money in asked_nouns(frame):
                family = noun
                own = {root(noun)} | ({root("people"), root("persons")} if noun in _PEOPLE_NOUNS else set())
                readings = self._read(
                    frame, sentences, noun, money, own, False, by_noun=True, unnamed=unnamed or loose, any_year=loose
                )
                if readings:
                    break
        if family is None or not readings:
            return None
        # "fall on 6 October 2008": that day's reports, not the NASDAQ's rise in one of 18 September (Wikinews
        # w572). Where no reading may be of that day, all stay: the draft's date gate then says which day they are.
        readings = [r for r in readings if not self.binding.other_day(frame.question, [r.sentence])] or readings
        groups = _group(readings)
        return Gathered(
            family=family,
            groups=tuple(sorted(groups, key=self._order)),
            asks=_asks(frame.question),
            conflict=_disagree(groups),
            on_asked_day=self._on_asked_day(frame.question, readings),
        )

    def _on_asked_day(self, question: str, readings: Sequence[Reading]) -> bool:
        asked = asked_days(question)
        spoken = [days_spoken_of(r.sentence.text, self.dates.get(r.sentence.article_id)) for r in readings]
        return bool(asked) and all(days is not None and days & asked for days in spoken)

    def states(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> bool:
        """Whether the sentences bind any figure to the asked attribute, whoever holds it, for whatever year and by
        whichever word of its family.

        Where none does, finding no value of the asked subject says more about the attribute's words than about
        the articles: "how much extra money did Russia say it would put into its markets" is stated as "infusing
        their own markets with an additional US$19.7 billion". Where one does, the articles speak of that attribute
        and give it to another holder or year (the Canadian government's stake beside the US government's 60%), and
        no draft may borrow it."""
        return self.run(frame, sentences, loose=True) is not None

    def _read(
        self,
        frame: QuestionFrame,
        sentences: Sequence[Sentence],
        family: str,
        money: bool,
        own: set[str],
        tight: bool,
        *,
        by_noun: bool = False,
        roles: set[str] | None = None,
        unnamed: bool = False,
        any_year: bool = False,
    ) -> list[Reading]:
        """Every figure of ``sentences`` that states ``family`` of the question's subject."""
        percent_asked = bool(_PERCENT_ASKED.search(frame.question))
        stated = extract_quantities(frame.question)
        # The question's own figure in another currency ("500 billion rubles (US$19.7 billion)") restates it too, in
        # any report: another's "Russia injected US$19.7 billion" is the same money (Wikinews w447). Only a sentence
        # with a bracket can say so, so the others are not read for it.
        given = set() if asked_currency(frame.question) else {a.value for a in find_amounts(frame.question) if a.value}
        stated |= {
            v for sentence in sentences if given and "(" in sentence.text for v in equivalents(sentence.text, given)
        }
        asked_years = set() if any_year else asked_years_of(frame.question)
        receipt = money and bool(_RECEIPT_ASKED.search(frame.question))
        by_how = bool(_BY_HOW.match(frame.question) or _POINTS_MOVED.match(frame.question))
        readings: list[Reading] = []
        # The move asked, not one of the day it names: "close up on the day the Dow Jones fell below 9,000".
        asking = asking_part(frame.question)
        seen: set[tuple[str, int]] = set()
        for sentence in sentences:
            key = (sentence.article_id, sentence.start)
            if key in seen:
                continue
            seen.add(key)
            positions = _family_positions(
                sentence.text, noun=family if by_noun else None, lost=money and family not in MOVE_FAMILIES
            )
            if not any(f == family for _, _, f in positions):
                continue
            if roles and not roles & {w.lower().rstrip("s") for w in _WORD.findall(sentence.text)}:
                continue
            if not any_year and self.binding.other_year(frame.question, [sentence]):
                continue
            # A sentence on another subject may still give the asked one's figure beside its own: "… can carry up to
            # 840 people in all-economy class (550 for a Boeing 747)" (held-out round 42, w1094).
            about = unnamed or self.binding.about(frame, sentence)
            if not about and not _RECIPIENT.search(sentence.text):
                continue
            if not any_year and not frame.described and not states_period(frame.question, sentence.text):
                continue  # "in the nine days before it closed": not a sentence on the day's fall alone
            if not any_year and unmet_close(frame.question, sentence.text):
                continue  # "already fallen by 14.45% today, … not even half way through the trading day"
            if not any_year and not self.binding.speaks_of_occasion(frame, sentence.article_id):
                continue  # "on the day the US government announced it would buy bad loans": that day's report
            title = self.binding.titles.get(sentence.article_id, "")
            counted = _counted_in_words(sentence.text, own) if not money else []
            companions = self.binding.companions(frame, sentence.article_id)
            amounts = find_amounts(sentence.text)
            for amount in sorted(amounts + counted, key=lambda a: a.start):
                if amount.percent != percent_asked or (amount.value is not None and amount.value in stated):
                    continue  # a figure the question itself states is what it asks about, not an answer
                if money and not amount.money and not amount.percent and (amount.value is None or amount.value < 1e5):
                    continue  # a money attribute is stated in money, or at least in millions; a stake in percent
                if not money and (amount.money or amount.value is None):
                    continue  # a count is not an amount of money
                for_subject = _given_to_asked(frame, sentence.text, amount, self.binding) is True and _qualified(
                    frame, sentence.text, amount, amounts
                )
                if not about and not for_subject:
                    continue
                nearest = _nearest(amount, positions, sentence.text, amounts)
                if nearest is None or nearest[2] != family:
                    continue
                if not money and _gap(amount.start, amount.end, nearest[0], nearest[1]) > _COUNT_REACH:
                    continue  # "3,000 employees", "30 people were killed": a count stands by what it counts
                if by_how and (
                    _LEVEL_BEFORE.search(sentence.text, 0, amount.start) or _MARK.match(sentence.text, amount.end)
                ):
                    continue  # "By how many points was the Dow up?" asks the move: not "a value of 11350.58 points"
                if (
                    family not in MOVE_FAMILIES
                    and not frame.asks_change
                    and not by_how
                    and _BY.search(sentence.text, 0, amount.start)
                ):
                    # "reduce all-in costs by CA$19 per hour": the size of a cut, not the cost asked; but "by how
                    # many points" asks just that ("has fallen by 100.12 points", Wikinews w572).
                    continue
                if not money and ZONE_OFFSET.search(sentence.text, 0, amount.start):
                    continue  # "(GMT +8)": an offset, no count of hours
                if not money and other_time_unit(frame.question, sentence.text, amount.end):
                    continue  # "two years late" is no count of the months asked
                if not money and _PER.match(sentence.text, amount.end):
                    continue  # "800 orders at 200 million per aircraft": a rate, not a count
                if not money and _added(sentence.text[amount.end : nearest[0]], frame.question):
                    continue  # "35 new orders … bringing the total to 677 orders": the total, not what was added
                word = sentence.text[nearest[0] : nearest[1]]
                if not tight and own and root(word) not in own:
                    continue
                people = family in _COUNTED_PEOPLE and _PEOPLE.fullmatch(word)
                if people and not _says_what(frame, sentence.text, amount):
                    continue  # "15,000 people attended the unveiling" are not the passengers it can seat
                if not amount.money and self._model_number(sentence.text, title, amount):
                    continue  # "a Boeing 747" counts nothing
                respective = _respective(sentence.text, amount, self.binding)
                if respective is not None:
                    # "the United Kingdom and Spain will see 1,600 and 400 jobs cut respectively": the 400 is
                    # Spain's, whoever else the sentence names, and a cut, whatever the question asks.
                    holder, clause = respective
                    if not self.binding.asked_holder(frame, holder) or moves_apart(asking, clause):
                        continue
                elif (
                    not unnamed
                    and not for_subject
                    and not _held_by_subject(frame, sentence.text, nearest, amount, self.binding, companions)
                ):
                    continue
                elif _shared(frame, sentence.text, amount, self.binding):
                    continue  # "GM and Chrysler have received US$17.4 billion": not Chrysler's alone
                if asked_years and not self.in_asked_year(amount, sentence, asked_years):
                    continue
                if amount.value is not None and opposite_move(asking, [sentence], {amount.value}):
                    continue  # "It went up by 0.16% (16.03 points)" is no drop (Wikinews w301)
                if other_side(frame.question, _clause(sentence.text, amount), anchored=False):
                    continue  # "priced at US$29 before the press conference" is not its price "after September 30"
                if receipt and not _said_received(sentence.text, amount, amounts):
                    continue  # "seeks $16.6 billion in loans, in addition to the $13.4 billion it has received"
                readings.append(Reading(amount, sentence))
        return readings

    def _model_number(self, text: str, title: str, amount: Amount) -> bool:
        """Whether the figure is a number in a name ("Boeing 747", "iPhone 4"): it follows a name directly, or it is
        the code of a model the collection writes after its maker and the sentence or its title names the maker
        ("The mid-sized 787 will seat …" under "Boeing unveils new 787 Dreamliner"; not "up 25 points" beside
        another article's "Merval 25")."""
        before = _LAST_WORD.search(text, 0, amount.start)
        # A name may open with a small letter ("iPhone 4 customers", Wikinews w464); the name finder reads
        # capitalised words only.
        if before and (
            before.group(1).lower() in self.binding.names(text[: amount.start]) or _CAMEL.fullmatch(before.group(1))
        ):
            return True
        makers = self.binding.names(text) | self.binding.names(title)
        return any(amount.text in codes for maker, codes in self.binding.model_codes.items() if maker in makers)

    def in_asked_year(self, amount: Amount, sentence: Sentence, asked: set[int]) -> bool:
        """Whether the time the figure is stated for (the year or "last year" nearest to it) may be an asked one.

        In "revenue reached hundreds of millions last year and is projected to more than double in 2025" the
        figure is last year's, not 2025's; where the article's date is unknown a relative year is taken as
        not known to be the asked one.
        """
        text = sentence.text
        times = [(m.start(), m.end(), m.group(0)) for m in _YEAR.finditer(text)]
        times += [(m.start(), m.end(), m.group(0)) for m in _RELATIVE_YEAR.finditer(text)]
        date = self.dates.get(sentence.article_id) or ""
        if not times:
            # A figure of no stated time is of its report's: a report of December 2008 does not state what was asked
            # for in February 2009 (the US$14 billion bailout the Senate rejected, for Ford's request then).
            return not _YEAR.fullmatch(date[:4]) or int(date[:4]) >= min(asked)
        *_, said = min(times, key=lambda t: _gap(amount.start, amount.end, t[0], t[1]))
        if said.isdigit():
            return int(said) in asked
        if _YEAR.fullmatch(date[:4]):
            return int(date[:4]) + _RELATIVE[said.lower()] in asked
        return False  # "this year" of an undated article: not known to be the asked one

    def _order(self, group: ValueGroup) -> tuple[str, float]:
        """Oldest report first (undated last), then by value."""
        dates = [d for r in group.readings if (d := self.dates.get(r.sentence.article_id))]
        return (min(dates) if dates else "9999", group.value if group.value is not None else -1.0)


# A question about money someone has been given asks what was received, not what was sought, offered or promised.
_RECEIPT = r"receive[ds]?|receiving|got|gotten|obtain(?:s|ed)?|granted|awarded"
_RECEIPT_ASKED = re.compile(rf"\b(?:{_RECEIPT})\b", re.I)
# Said of the figure, giving is receiving too ("the government gave it $5 billion"); asked, "given" means stated.
_RECEIVED = re.compile(rf"\b(?:{_RECEIPT}|given|gave|lent|loaned)\b", re.I)


# Where a clause of a sentence ends: "priced at US$29 before the press conference, but will be free …".
_CLAUSE_END = re.compile(r";|,\s+(?:but|while|whereas|and)\b")


def _clause(text: str, amount: Amount) -> str:
    """The clause of ``text`` the figure stands in."""
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, amount.start)]
    end = _CLAUSE_END.search(text, amount.end)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def _said_received(text: str, amount: Amount, amounts: Sequence[Amount]) -> bool:
    """Whether the figure's own clause says it was received (or given): "has received over $15 billion in bailout
    money", "the $13.4 billion that it has already received"; not "seeks $16.6 billion in loans", "a US$14 billion
    bailout package … has been rejected" or "does not receive both the US commitment of $2.3 billion"."""
    before, after = figure_clause(text, amount, amounts, after_words=_RECEIPT_REACH)
    return any(
        not _NEGATED.search(clause[: m.start()]) for clause in (before, after) for m in _RECEIVED.finditer(clause)
    )


# "if it does not receive both the US commitment of $2.3 billion": the money is not received.
_NEGATED = re.compile(r"(?:\b(?:not|never)|n't)\s+(?:[\w']+\s+)?$", re.I)
_RECEIPT_REACH = 8  # "the $13.4 billion that it has already received": the verb of a figure said after it


def _family_positions(text: str, *, noun: str | None = None, lost: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, family) of every word of a known attribute family in ``text``, and of the asked ``noun``
    (labelled with itself). ``lost``: money a company "lost" is its loss, of the profit family ("it has lost US$6
    billion in the first quarter, amidst heavy declines in revenues" gives no revenue)."""
    found = []
    noun_stem = stem(noun) if noun else None
    for m in _WORD.finditer(text):
        family = family_of(m.group(0))
        if noun_stem and stem(m.group(0)) == noun_stem:
            found.append((m.start(), m.end(), noun or ""))
        elif lost and m.group(0).lower() in MONEY_LOST:
            found.append((m.start(), m.end(), "profit"))
        elif noun in _PEOPLE_NOUNS and _PEOPLE.fullmatch(m.group(0)):
            found.append((m.start(), m.end(), noun))
        elif family and family not in MOVE_FAMILIES:
            found.append((m.start(), m.end(), family))
    for m in VALUES_IT.finditer(text):
        found.append((m.start(), m.end(), "valuation"))
    return found


# A count written as a word just before what it counts: "four core brands", "two people familiar with the matter".
_COUNT_IN_WORDS = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?", re.I)


def _counted_in_words(text: str, counted: set[str]) -> list[Amount]:
    """Counts worded as words, where the next word or the one after it is what the question counts (by root).
    ``find_amounts`` leaves word counts out, rarely reported figures as they are ("one of the founders"); a
    question that asks how many of a thing ("How many core brands…") is answered by one all the same."""
    found = []
    for m in _COUNT_IN_WORDS.finditer(text):
        if m.group(2).lower() in SCALES or m.group(2).lower() == "hundred":
            continue  # "one billion people": a scaled figure, which find_amounts reads whole
        if {root(w) for w in m.group(2, 3) if w} & counted:
            number = m.group(1)
            value = number_value(number)
            found.append(Amount(text=number, start=m.start(1), end=m.end(1), value=value, money=False))
    return found


# A figure that is the size of a change: "reduce all-in costs by CA$19", "cut prices by about $100" (the amount's
# text begins at its qualifier); not the agent of a passive ("used by one billion people").
_BY = re.compile(
    r"\b(?:reduc|cut|lower|increas|rais|boost|trim|slash|grow|grew|ris|rose|fall|fell|drop|declin|jump|climb)\w*"
    r"\b[^.;]{0,60}\bby\s+$",
    re.I,
)
_PER = re.compile(r"\s+(?:per|each|apiece|a head)\b", re.I)
# Words between a count and what it counts that make it an addition, not the whole: "35 new orders".
_ADDED = re.compile(r"\b(?:new|additional|more|further|extra|fresh)\b", re.I)


def _added(between: str, question: str) -> bool:
    """Whether the words between a count and its noun make it an addition the question does not ask about."""
    return bool((m := _ADDED.search(between)) and not re.search(rf"\b{m.group(0)}\b", question, re.I))


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they overlap)."""
    return b_start - a_end if b_start >= a_end else a_start - b_end if b_end <= a_start else 0


def _nearest(
    amount: Amount, positions: Sequence[tuple[int, int, str]], text: str = "", amounts: Sequence[Amount] = ()
) -> tuple[int, int, str] | None:
    """The attribute word closest to the figure: in "30 were killed and 50 injured", 50 is the injured, not
    the dead. A word that another figure stands between, set off by a comma, is that figure's: in "The cost of the
    project so far is £8.4bn, £1bn over budget" the £8.4bn is the cost, not the budget (Wikinews w649); "1,600
    and 400 jobs" share their word."""
    kept = [p for p in positions if not _set_off(amount, p, text, amounts)]
    best: tuple[int, tuple[int, int, str]] | None = None
    for position in kept or positions:
        gap = _gap(amount.start, amount.end, position[0], position[1])
        if best is None or gap < best[0]:
            best = (gap, position)
    return best[1] if best else None


def _set_off(amount: Amount, word: tuple[int, int, str], text: str, amounts: Sequence[Amount]) -> bool:
    lo, hi = (amount.end, word[0]) if word[0] >= amount.end else (word[1], amount.start)
    between = [a for a in amounts if lo <= a.start and a.end <= hi]
    if not between:
        return False
    gap = text[lo:hi]
    for other in reversed(between):  # a figure's own commas ("11,489.30") set nothing off
        gap = gap[: other.start - lo] + gap[other.end - lo :]
    return bool(_SET_OFF.search(gap))


_SET_OFF = re.compile(r"[,;]")


def _held_by_subject(
    frame: QuestionFrame,
    text: str,
    word: tuple[int, int, str],
    amount: Amount,
    binding: BindingCheck,
    companions: set[str],
) -> bool:
    """Whether the figure's attribute belongs to an asked subject.

    A name between the attribute word and the figure ("valued Scale AI at US$13.8 billion") is its holder;
    otherwise a name before the attribute word must be one of the question's ("Scale AI … valued at nine billion
    dollars … clients including OpenAI" is Scale AI's valuation, not OpenAI's), or one its article's title names
    beside the subject (``companions``: "Boeing says they have 800 orders" under "Boeing unveils new 787
    Dreamliner"). With no name before it ("The startup was valued at …") it is the subject the sentence refers back
    to, which ``BindingCheck.about`` checks.
    """
    if _given_to_asked(frame, text, amount, binding) is False:
        return False  # "Microsoft has put US$13 billion into OpenAI" is not what it put into Anthropic
    between = text[word[1] : amount.start] if word[1] <= amount.start else ""
    if any(g & frame.subjects for g in _names(between, binding)):
        return True
    # "Chief executive Mark Zuckerberg … committing tens of billions in overall spending": an officer named by
    # title speaks for the company the sentence is about, and holds none of its figures.
    before = TITLED_PERSON.sub(" ", text[: word[0]])
    held = binding.holders(before)
    held |= {part for name in held for part in name.split("-")}  # "A380-800" is also A380, as in ``_names``
    holders = [g for g in _names(before, binding) if g & held]
    # "the Dow Jones surged nearly 200 points, the NASDAQ was up nearly nine points, and the S&P 500 was up nearly
    # 15 points": after another figure, a holder named in the figure's own clause holds it, not every name before.
    # Only there: "Meta's AI chatbot — available on Facebook, Instagram and WhatsApp — is used by one billion
    # people" gives one figure, after a list of where.
    if find_amounts(text[: amount.start]):
        near = [g for g in _names(HOLDER_SPAN_START.split(before)[-1], binding) if g & held]
        holders = near or holders
    return not holders or any(binding.asked_holder(frame, g) for g in holders) or all(g <= companions for g in holders)


_COORDINATED = re.compile(
    r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)\s+(?:and|&)\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)"
)


def _shared(frame: QuestionFrame, text: str, amount: Amount, binding: BindingCheck) -> bool:
    """Whether the figure is had by the subject together with another ("Since December GM and Chrysler have
    received US$17.4 billion government loans"): neither's alone. Names joined after the figure ("investments
    from both Meta and Microsoft") or neither of them the subject ("Meta and Microsoft invested in the round that
    valued Scale AI at …") do not share it."""
    span = HOLDER_SPAN_START.split(text[: amount.start])[-1]
    for m in _COORDINATED.finditer(span):
        sides = [_names(m.group(i), binding) for i in (1, 2)]
        asked = [any(g & frame.subjects for g in side) for side in sides]
        if all(sides) and any(asked) and not all(asked):
            return True
    return False


def _given_to_asked(frame: QuestionFrame, text: str, amount: Amount, binding: BindingCheck) -> bool | None:
    """Whether the one the figure is for, named right after it (``_RECIPIENT``), is an asked subject; None where the
    figure names no one after it."""
    into = _RECIPIENT.match(text, amount.end)
    return None if into is None else any(g & frame.subjects for g in _names(into.group(1), binding))


# Whom a figure is of, named right after it: "… US$13 billion into OpenAI", "$10 billion in Scale AI",
# "(550 for a Boeing 747)".
_RECIPIENT = re.compile(
    r"\s+(?:into|in|for(?:\s+(?:a|an|the))?)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)(?![\w&.]*-[a-z])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"  # not "for AI-related initiatives"
)


# "… the United Kingdom and Spain will see 1,600 and 400 jobs cut respectively": names and figures paired in order.
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respective(text: str, amount: Amount, binding: BindingCheck) -> tuple[frozenset[str], str] | None:
    """The name a "respectively" pairs the figure with (the names coordinated just before the clause's figures, in
    their order: Wikinews w595) and the clause, to that word; None where the sentence pairs nothing, or the counts
    differ."""
    after = _RESPECTIVELY.search(text, amount.end)
    if after is None:
        return None
    start = amount.start - len(HOLDER_SPAN_START.split(text[: amount.start])[-1])
    names = list(_COORDINATED.finditer(text, start, amount.start))
    if not names:
        return None
    listed = names[-1]
    figures = [a.start for a in find_amounts(text) if listed.end() <= a.start < after.start()]
    groups = [g for run in (listed.group(1), listed.group(2)) for g in _names(run, binding)[:1]]
    if len(figures) != len(groups) or amount.start not in figures:
        return None
    return groups[figures.index(amount.start)], text[start : after.start()]


def _qualified(frame: QuestionFrame, text: str, amount: Amount, amounts: Sequence[Amount]) -> bool:
    """Whether the words since the figure before this one hold one of the question's: "840 people in all-economy
    class (550 for a Boeing 747)" seats 550 in the 747's all-economy layout (held-out round 42, w1094), not in the
    three-class one asked of in w247."""
    start = max((a.end for a in amounts if a.end <= amount.start), default=0)
    said = {w.lower() for w in _WORD.findall(text[start : amount.start])}
    return any(a in said for a in frame.attributes)


def _names(text: str, binding: BindingCheck) -> list[frozenset[str]]:
    """The name groups of ``text``, without capitalised common words ("Sources said …", "To date, …")."""
    names = binding.names(text)
    names |= {part for name in names for part in name.split("-")}  # "A380-800" is also A380
    return [g for g in name_groups(text, ()) if g & names]


def _group(readings: Sequence[Reading]) -> list[ValueGroup]:
    by_key: dict[str, list[Reading]] = {}
    for reading in readings:
        by_key.setdefault(reading.amount.key, []).append(reading)
    return [ValueGroup(key, tuple(rs)) for key, rs in by_key.items()]


# What a vague amount can stand for. "billions of dollars" (or "multibillion") says too little to agree or
# disagree with anything; "several billion" does disagree with "more than $10 billion".
_VAGUE_RANGES = {
    "several billion": (2e9, 1e10),
    "a few billion": (2e9, 1e10),
    "multiple billion": (2e9, 1e10),
    "many billion": (2e9, 1e11),
    "tens of billion": (1e10, 1e11),
    "hundreds of billion": (1e11, 1e12),
    "several million": (2e6, 1e7),
    "a few million": (2e6, 1e7),
    "multiple million": (2e6, 1e7),
    "many million": (2e6, 1e8),
    "tens of million": (1e7, 1e8),
    "hundreds of million": (1e8, 1e9),
}


def _span(group: ValueGroup) -> tuple[float, float] | None:
    """The values a group can stand for; None when it says too little to compare."""
    if group.value is not None:
        return (group.value, group.value)
    return _VAGUE_RANGES.get(group.key)


def _compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two statements can be of one value: equal figures, a figure inside a vague range, two ranges
    that overlap."""
    if a[0] == a[1] and b[0] == b[1]:
        return a[0] == b[0]
    if a[0] == a[1]:
        return b[0] <= a[0] < b[1]
    if b[0] == b[1]:
        return a[0] <= b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


def _disagree(groups: Sequence[ValueGroup]) -> bool:
    """Two articles each state a value the other gives nothing compatible with.

    One article giving two figures ("$870 million last year, $2 billion this year") is not a disagreement, nor is
    an article that gives a subset of another's values, nor "hundreds of millions" beside "$870 million".
    """
    spans: dict[str, list[tuple[float, float]]] = {}
    for group in groups:
        span = _span(group)
        if span is None:
            continue
        for article in group.articles:
            spans.setdefault(article, []).append(span)

    def unmatched(a: str, b: str) -> bool:
        return any(not any(_compatible(x, y) for y in spans[b]) for x in spans[a])

    articles = list(spans)
    return any(unmatched(a, b) and unmatched(b, a) for i, a in enumerate(articles) for b in articles[i + 1 :])


def _asks(question: str) -> Asks:
    if not _ABOUT_REPORTS.search(question):
        return "values"
    if _LATEST.search(question):
        return "latest"
    if _EARLIEST.search(question):
        return "earliest"
    high, low = bool(_HIGHEST.search(question)), bool(_LOWEST.search(question))
    if high and low:
        return "range"
    if high:
        return "highest"
    if low:
        return "lowest"
    return "values"
