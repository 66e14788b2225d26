"""Whether a figure belongs to what the question asks of: its family (revenue, valuation, loss …), its clause and
subject, a comparison it is only part of, the occasion a question dates it by, a rank, a count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from index import Sentence
from rag.stages.amounts import Amount, figure_clause, find_amounts, number_value
from rag.stages.binding.names import _TOKEN, _WORD, _norm, _parts
from rag.stages.binding.times import _IN_WORDS, _YEAR
from rag.stages.currencies import asked_currencies, currency_of, currency_words
from rag.stages.evidence import content_words
from rag.stages.frame import (
    COUNT_FAMILIES,
    FIGURE_FAMILIES,
    HOW_MUCH,
    QuestionFrame,
    asked_nouns,
    attribute_words,
    family_of,
    root,
    stem,
)
from rag.stages.verify import (
    extract_names,
    extract_quantities,
    multiples,
)

# A number that is part of a name: "iPhone 4", "Boeing 787", "3G", "A380".
_MODEL_NUMBER = re.compile(r"\b\w*[A-Z]\w*\s+\d+\b|\b\d+[A-Za-z]+\w*|\b[A-Za-z]+\d+\w*")
# A clause that names the occasion of the figure, which its report then speaks of; "before the Meta talks" or
# "after it filed" only places it in time, and a report of the figure need not tell of that event.
_OCCASION = re.compile(
    r"(?<=\s)(?:when|whenever|while|on the day|the day(?=\s+(?:it|he|she|they|the|(?-i:[A-Z])\w*)\s)|"
    r"by the time(?! of)|if|unless)(?![\w-])",
    re.I,
)


@lru_cache(maxsize=256)
def _occasion_figures(question: str) -> frozenset[float] | None:
    """The figures of the question's occasion clause (None where it names no occasion), once a question: the
    gatherer asks for every sentence it reads. Not a year (a year places the occasion; the year gates check it),
    nor a model's number ("the CEO who unveiled the iPhone 4": the report of his resignation need not name the
    phone)."""
    clause = _OCCASION.search(question)
    if clause is None:
        return None
    return frozenset(extract_quantities(_MODEL_NUMBER.sub(" ", _YEAR.sub(" ", question[clause.end() :]))))


@lru_cache(maxsize=256)
def _occasion_bounds(question: str) -> frozenset[tuple[float, float]]:
    """The spans the question's occasion clause gives its rough figures ("on the day HBOS shares lost more than 41%":
    41 to 45.1), in which the report may write them more exactly ("falling by an incredible 41.54%", held-out round
    47, w1221)."""
    clause = _OCCASION.search(question)
    if clause is None:
        return frozenset()
    spans = set()
    for m in _ROUGH_FIGURE.finditer(question[clause.end() :]):
        how = m.group(1).lower()
        for value in extract_quantities(m.group(2)):
            low = value if how == "more than" else value * (1 - _ROUGHLY)
            high = value if how in ("nearly", "almost") else value * (1 + _ROUGHLY)
            spans.add((low, high))
    return frozenset(spans)


# A figure given roughly: "more than 41%", "nearly US$5 billion". Not a level crossed ("fell below 9,000", "over
# 10,000"): the report of that day writes the level itself, and others write figures near it (Wikinews w126, w139).
_ROUGH_FIGURE = re.compile(
    r"\b(more than|nearly|almost|about|around|roughly|approximately)\s+((?:US)?\$?\d[\d,.]*)", re.I
)
# How far from a rough figure the written one may lie: "more than 41%" is not 60%.
_ROUGHLY = 0.1


# "In which storage sizes …", "What models …": a kind of thing asked by its noun that no percentage can be.
_NO_PERCENT_KIND = re.compile(
    r"^\s*(?:(?:in|at|on|for|from)\s+)?(?:which|what)\s+(?P<kind>(?:[a-z-]+\s+)?"
    r"(?:sizes?|capacit(?:y|ies)|models?|versions?|colou?rs?|features?|products?|prices?|names?|cities|city|"
    r"countries|country|dates?))\b",
    re.I,
)


def _percent_for_kind(question: str, claim: str) -> str:
    """The kind a "which <kind>" question asks for, where every figure the answer gives is a percentage: "24
    percent reduction from Apple's previous model, the iPhone 3GS" is no storage size (Wikinews w915); '' otherwise."""
    if not (asked := _NO_PERCENT_KIND.match(question)):
        return ""
    amounts = find_amounts(claim)
    if not amounts or not all(a.percent for a in amounts):
        return ""
    return asked.group("kind").lower()


def _precise(amount: Amount) -> bool:
    """A figure written to its last unit or beyond ("8,579.19", "10769"), not a round mark ("9,000") that many
    days' reports may pass; a count in words or a vague amount is not."""
    value = amount.value
    if value is None or amount.percent or (not amount.text[:1].isdigit() and not amount.sign):
        return False
    return value != int(value) or (value >= 1000 and value % 100 != 0)


def _figure_families(frame: QuestionFrame) -> set[str]:
    """The money or count attributes a question asks, as the attribute check reads them (none for a described
    subject, whose family words describe it; no count where it asks how much)."""
    if frame.described:
        return set()
    known = [f for a in frame.attributes if (f := family_of(a)) in FIGURE_FAMILIES]
    if HOW_MUCH.search(frame.question):
        known = [f for f in known if f not in COUNT_FAMILIES] or known
    return set(known)


_PERCENT_LOSS = frozenset({"loss", "losses"})
# Money a company "lost" is its loss (the gatherer reads it so too).
MONEY_LOST = frozenset({"lose", "loses", "lost", "losing"})
# A figure in brackets right after a name: "Lehman Brothers ($691.06 billion)".
_BRACKETED = re.compile(r"[A-Z][\w&'’.-]*\s*\(\s*$")
# Words apart beyond which two figures are not a pair of one attribute ("debt rose to $X from $Y").
_PAIR_WORDS = 6


_ORDINALS = {
    word: n
    for n, words in enumerate(
        ["first 1st", "second 2nd", "third 3rd", "fourth 4th", "fifth 5th", "sixth 6th", "seventh 7th", "eighth 8th"],
        start=1,
    )
    for word in words.split()
}
# An ordinal and the words after it that it ranks, up to a word that ends the noun: "the second A380 prototype", "a
# third consecutive day", "the first of the A380s" (none).
# The words are looked ahead at, so that an ordinal among them is read too; a line (a title) ends them.
_ORDINAL_THING = re.compile(rf"\b({'|'.join(_ORDINALS)})\b(?=((?:[^\S\n]+[A-Za-z0-9][\w'’-]*){{1,3}}))", re.I)
_RANK_ENDS = frozenset(
    "the a an of to in on at for by with from and or as than that which who was is were are be been has had have "
    "its their his her it".split()
)


def _ranked(text: str) -> dict[str, dict[int, str]]:
    """Each word an ordinal of ``text`` ranks (rooted), with the ordinals that rank it and their phrase up to it:
    "the first A380 prototype" -> {"a380": {1: "first A380"}, "prototype": {1: "first A380 prototype"}}."""
    out: dict[str, dict[int, str]] = {}
    for match in _ORDINAL_THING.finditer(text):
        ordinal, words = match.group(1), match.group(2).split()
        for i, word in enumerate(words):
            if word.lower() in _RANK_ENDS:
                break
            key = root(re.sub(r"['’]s?$", "", word).lower())
            out.setdefault(key, {}).setdefault(_ORDINALS[ordinal.lower()], " ".join([ordinal, *words[: i + 1]]))
    return out


# An officer asked of by the subject's possessive: "Russia's finance minister", "GM's chief executive".
_OFFICER_ASKED = re.compile(
    r"(?:'s|’s)\s+((?:[a-z]+\s+){0,2}?(?:minister|secretary|governor|spokes(?:man|woman|person)|chief executive|"
    r"president|chairman))\b"
)


def _officer_named(question: str, text: str) -> bool:
    """Whether ``text`` names a person by the title the question gives the officer it asks of ("Finance Minister
    Alexei Kudrin" for "Russia's finance minister")."""
    if (m := _OFFICER_ASKED.search(question)) is None:
        return False
    return re.search(rf"(?i:\b{re.escape(m.group(1))})\s+[A-Z]", text) is not None


# "What assets did Lehman Brothers declare …": the noun a figure is asked by, right after the question word.
_WHAT_NOUN = re.compile(
    r"\s*(?:what|which)\s+([a-z]+)\s+(?:did|does|do|was|were|is|are|has|have|had|will|would)\b", re.I
)


def _asked_of_another_figure(frame: QuestionFrame, sentences: Sequence[Sentence], values: set[float]) -> str | None:
    """The figure every sentence that gives the answer's figure binds the asked attribute to, where that is another
    figure and the answer's own clause gives it no attribute: "with … a debt of $172.81 billion, and the fourth
    largest bankruptcy filing … after the bankruptcies of Lehman Brothers ($691.06 billion)" gives GM's debt, not
    Lehman's. None where a sentence gives the figure with an attribute of its own (``_given_as_other``'s) or
    binds the asked one to no other figure."""
    families = _figure_families(frame)
    # "How much debt …", "What assets did …": the thing a figure is asked of, where no family names it.
    nouns = {root(noun) for noun, _ in asked_nouns(frame)}
    if not nouns and (what := _WHAT_NOUN.match(frame.question)):
        nouns = {root(what.group(1))}
    if not (families or nouns) or not sentences:
        return None

    def bound(text: str, amount: Amount, amounts: Sequence[Amount]) -> tuple[bool, bool]:
        """(whether the figure's clause gives it any attribute, whether the asked one)."""
        clause = figure_clause(text, amount, amounts)
        given = clause_families(*clause, percent=amount.percent, money=amount.money)
        asked = bool(given & families) or bool(nouns & {root(w) for w in attribute_words(" ".join(clause))})
        return bool(given) or asked, asked

    found: str | None = None
    for sentence in sentences:
        text = sentence.text
        amounts = find_amounts(text)
        answer = [a for a in amounts if a.value in values]
        # Only a figure in brackets after a name, one of a list whose head gives its attribute ("the bankruptcies
        # of Lehman Brothers ($691.06 billion), Washington Mutual ($327.91 billion)"): a figure in a clause of its
        # own may be of an attribute the sentence gives once for two ("revenue was US$870 million last year and
        # is projected to reach US$2 billion").
        if not answer or any(bound(text, a, amounts)[0] or not _BRACKETED.search(text, 0, a.start) for a in answer):
            return None
        others = [
            a
            for a in amounts
            if a.value not in values
            and bound(text, a, amounts)[1]
            and all(len(text[min(a.end, b.end) : max(a.start, b.start)].split()) > _PAIR_WORDS for b in answer)
        ]
        if not others:
            return None
        found = found or others[0].text
    return found


def _other_currency(question: str, sentences: Sequence[Sentence], values: set[float]) -> tuple[str, str] | None:
    """(the currency the sentences give the answer's sum in, the one the question asks it in) where every sentence
    gives it in another: "How much does a 3G iPhone sell for in Canadian dollars?" is not answered by "reduced to
    $199 in the US" (held-out round 44, w1160). None where a sentence gives it in the asked currency, or in none it
    writes."""
    asked = asked_currencies(question)
    if not asked or not sentences:
        return None
    given: set[str] = set()
    for sentence in sentences:
        read = [(a.money, currency_of(sentence.text, a)) for a in find_amounts(sentence.text) if a.value in values]
        currencies = {currency for _, currency in read}
        money = [currency for is_money, currency in read if is_money]
        # A sum given in two currencies ("500 billion rubles (US$19.7 billion)") is given in either.
        if currencies & asked or not money or None in money:
            return None
        given |= {c for c in currencies if c is not None}
    return currency_words(sorted(given)[0]), " or ".join(sorted(currency_words(c) for c in asked))


# A count asked of a deed done to the things counted: "How many 787 orders had been cancelled …?", "How many jobs
# will be cut …?".
_COUNT_DONE = re.compile(
    r"^\W*how\s+many\s+(?:[\w-]+\s+){1,4}?(?:had|have|has|will|would)?\s*(?:been|be|were|was|are|is|got)\s+"
    r"([a-z]{4,}(?:ed|en))\b",
    re.I,
)
# A count no figure gives, of some of the things a clause speaks of: "though some have been cancelled".
_VAGUE_COUNT = re.compile(r"\b(?:some|many|several|most|few|others|a\s+number)\b((?:\s+[\w-]+){1,5})", re.I)


def _act_counted_vaguely(question: str, sentences: Sequence[Sentence], values: set[float]) -> str:
    """The deed a question counts ("How many 787 orders had been cancelled …?") where every sentence giving the
    answer's figure gives it in a clause without that deed, and says it of only "some" of them in another: "The
    aircraft is thought to have attracted 840 orders to date, though some have been cancelled due to the delays"
    counts the orders, not the cancellations (held-out round 44, w1155). '' otherwise."""
    asked = _COUNT_DONE.match(question)
    if asked is None or not sentences:
        return ""
    act = root(asked.group(1))
    for sentence in sentences:
        text = sentence.text
        amounts = find_amounts(text)
        answer = [a for a in amounts if a.value in values]
        if not answer:
            return ""
        for amount in answer:
            own = " ".join(figure_clause(text, amount, amounts, after_words=8))
            if act in {root(w) for w in _TOKEN.findall(own)}:
                return ""
        if not any(act in {root(w) for w in m.group(1).split()} for m in _VAGUE_COUNT.finditer(text)):
            return ""
    return asked.group(1)


def _numbered_variant(answer: str, excluded: frozenset[str]) -> bool:
    """Whether the answer writes an excluded name with a number of its own, which makes it another thing: "Other
    than the Merval itself, which affiliated index fell …?" is answered by "the Merval 25" (held-out round 35,
    w941)."""
    return any(re.search(rf"\b{re.escape(name)}{_NUMBERED}", answer, re.I) for name in excluded)


# A number that names a thing after a name ("Merval 25", "iPhone 3GS"), not a figure of it ("Merval 10.5%").
_NUMBERED = r"\s+\d{1,4}[A-Za-z]{0,3}\b(?![.,]?\d)(?!\s*(?:%|percent|per cent|points?)(?!\w))"


def clause_families(before: str, after: str, *, percent: bool = False, money: bool = False) -> set[str]:
    """The money or count attributes a figure's own clause (``figure_clause``) gives it: before it ("valued Scale
    AI at"), else just after it ("US$870 million in revenue").

    A ``percent`` figure's "loss" is a fall of what the sentence speaks of ("Chrysler and Toyota both reported a 39%
    loss" of their sales), not a profit figure; a ``money`` figure a company "lost" is its loss, a profit figure
    ("General Motors announced it has lost US$6 billion …, amidst heavy declines in revenues" gives no revenue)."""
    for part in (before, after):
        words = attribute_words(part) - _PERCENT_LOSS if percent else attribute_words(part)
        families = {f for w in words if (f := family_of(w)) in FIGURE_FAMILIES}
        if money and words & MONEY_LOST:
            families.add("profit")
        if families:
            return families
    return set()


_EACH = re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:each|apiece|a piece|per\s+\w+|a\s+(?:head|share|unit))\b", re.I)


def _each_only(sentences: Sequence[Sentence], values: set[float]) -> bool:
    """Whether the sentences write every sum of money of the answer (else every figure) as one for each: the "20"
    of "in debt to 20 creditors … $10 million each" counts the creditors, the sum is each one's."""
    given = [(a, s.text[a.end :]) for s in sentences for a in find_amounts(s.text) if a.value in values]
    sums = [g for g in given if g[0].money] or given
    return bool(sums) and all(_EACH.match(after) for _, after in sums)


def _holding_the_answer(
    claim: str, sentences: Sequence[Sentence], asked_values: set[float], subjects: frozenset[str]
) -> Sequence[Sentence]:
    """The supporting sentences that hold what the claim adds to the question: its figures or multiples, else its
    names.

    A claim can be supported by two sentences, one for the figure and one for a name; the attribute and the
    subject must be bound to the figure, in the sentence that states it. "Twice as fast" is held by the sentence
    that says it of the iPhone 3G, not by one cited beside it that names the 3GS (Wikinews w1038).
    """
    values = extract_quantities(claim) - asked_values
    if values:
        holding = [s for s in sentences if extract_quantities(s.text) & values]
    elif folds := multiples(claim):
        holding = [s for s in sentences if multiples(s.text) & folds]
    else:
        names = {_norm(n) for n in extract_names(claim)} - subjects
        holding = [s for s in sentences if names & {_norm(w) for w in _TOKEN.findall(s.text)}]
    return holding or sentences


# Where one answer sentence joins two parts of a question: "…, and he was 56 when he died".
_CLAUSES = re.compile(r",\s+and\s+|;\s+|,\s+(?:while|whereas)\s+")
# Words a figure's clause shares with any sentence that gives an age, a sum or a share: they bind nothing.
_FIGURE_WORDS = frozenset("year years old aged age percent per cent billion million thousand dollars".split())


# "the only one with an upper limit": a pronoun, not a figure.
_ONE = re.compile(r"\bone\b", re.I)
# "Above what round-number mark did the FTSE 100 climb?", "Beneath which round figure did it sink?": the level a
# figure crossed is asked, not where it ended.
_MARK_ASKED = re.compile(
    r"\b(?:above|below|under|over|beneath|past|beyond)\s+(?:what|which)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:level|mark|figure|threshold|barrier|number)s?\b",
    re.I,
)
# Where a sentence writes a level crossed: "to above the 5000 mark at 5272.50", "fell below 8,000", "dipped below
# nine million".
_CROSSED = re.compile(
    r"\b(?:above|below|under|over|beneath|past|beyond|through)\s+(?:the\s+|a\s+)?(?:[A-Za-z-]+\s+){0,2}?"
    r"(?P<figure>(?:[$£€]?\d[\d,.]*|(?:" + _IN_WORDS + r")\b)(?:\s+(?:million|billion|trillion))?)",
    re.I,
)


def _not_the_mark(question: str, sentences: Sequence[Sentence], values: set[float]) -> bool:
    """Whether the question asks the mark a figure went above or below and no sentence that holds the answer's
    figure writes it as the mark crossed: "The FTSE 100 rose … to above the 5000 mark at 5272.50" crossed 5000, and
    ended at 5272.50 (held-out round 48, w1250)."""
    if not values or not _MARK_ASKED.search(question):
        return False
    crossed: set[float] = set()
    for sentence in sentences:
        for m in _CROSSED.finditer(sentence.text):
            crossed |= extract_quantities(m.group("figure"))
    return not values & crossed


# What a sentence measures something else against: "approximately the same size as a 5th generation iPod", "compared
# with the A380", "larger than the iPhone 3G".
_COMPARED_WITH = re.compile(
    r"\b(?:(?:the\s+)?same\s+[a-z]+\s+as|(?:compared|in comparison)\s+(?:with|to)|similar\s+to|[a-z]{2,}er\s+than|"
    r"(?:more|less)\s+[a-z]+\s+than)\s+(?P<what>[^,;.()]+)",
    re.I,
)
# Where a question's clause describing what it asks of begins: "… the 5th generation iPod that the first iPhone is
# compared with?".
_DESCRIBES_ASKED = re.compile(r"\s+(?:that|which|who|whom)\s+")


def _compared_only(question: str, sentences: Sequence[Sentence], values: set[float]) -> str:
    """What the question asks a figure of, where every sentence giving the answer's figure names it only as what
    something else is compared with: "It is approximately the same size as a 5th generation iPod, it has a 3.5-inch
    LCD touchscreen" gives the iPhone's screen, not the iPod's (held-out round 46, w1194). What the question asks of
    is read from its words that name (with a capital or a digit) before any clause describing it. '' otherwise, and
    where the compared thing holds the figure."""
    head = _DESCRIBES_ASKED.split(question, maxsplit=1)[0]
    named = {w.lower() for w in _TOKEN.findall(head)[1:] if any(c.isdigit() or c.isupper() for c in w)}
    found = ""
    for sentence in sentences if named else []:
        text = sentence.text
        if not extract_quantities(text) & values:
            continue
        compared = list(_COMPARED_WITH.finditer(text))
        inside = {w.lower() for m in compared for w in _TOKEN.findall(m.group("what"))}
        outside = {w.lower() for w in _TOKEN.findall(_COMPARED_WITH.sub(" ", text))}
        if not named & inside or named & outside or any(extract_quantities(m.group("what")) & values for m in compared):
            return ""
        found = found or compared[0].group("what").strip()
    return found


# A ratio and what it is of: "twice the price", "half the price", "twice as fast".
_RATIO_OF = re.compile(r"\b(twice|double|half|triple|a third|a quarter)\s+(?:as|the|its|their)\s+(\w+)", re.I)


def _ratio_of_another(claim: str, sentences: Sequence[Sentence]) -> tuple[str, str] | None:
    """(the answer's ratio, the sentences') where the answer puts a ratio on what its sentences give another ratio
    of: "launching at twice the price of the original" from "twice as fast at half the price" (Wikinews w580).
    None where a sentence writes the answer's, or gives that thing no ratio."""
    stated = [m for s in sentences for m in _RATIO_OF.finditer(s.text)]
    for m in _RATIO_OF.finditer(claim):
        ratio, of = m.group(1).lower(), m.group(2).lower()
        if any(n.group(1).lower() == ratio and n.group(2).lower() == of for n in stated):
            continue
        if other := next((n.group(0) for n in stated if n.group(2).lower() == of), None):
            return m.group(0), other
    return None


def _unbound_clause(claim: str, sentences: Sequence[Sentence], subjects: frozenset[str]) -> tuple[str, str] | None:
    """(clause, figure) of a claim that joins two clauses with figures, where the figure of one clause stands only
    in sentences that share none of that clause's words: "Jobs was 56 when he went on medical leave, and 56 when
    he died" cites "has died … at the age of 56" for both parts. The subject's names and the words of any figure do
    not count. One clause is the attribute gate's: the question's words, not the answer's, bind it."""
    # "The figure is the only one with an upper limit, and that limit is $15 billion" is one figure, one clause.
    parts = [(part, values) for part in _CLAUSES.split(claim) if (values := extract_quantities(_ONE.sub("", part)))]
    if len(parts) < 2:
        return None
    for part, values in parts:
        holding = [s for s in sentences if extract_quantities(s.text) & values]
        words = {
            stem(w)
            for w in content_words(part)
            if w not in _FIGURE_WORDS and _norm(w) not in subjects and not any(c.isdigit() for c in w)
        }
        if holding and words and not any(words & {stem(w) for w in content_words(s.text)} for s in holding):
            amounts = find_amounts(part)
            return part.strip(), amounts[0].text if amounts else "this figure"
    return None


# The words a sentence may state a rank in: "its biggest customer", "the first-ever investment", "sole supplier".
_RANK_WORDS = {
    "first": r"first|earliest|initial|inaugural|maiden|debut|founding|launch customer|pioneer\w*",
    "largest": r"largest|biggest|greatest|highest|most|top|leading|record|more than any",
    "smallest": r"smallest|lowest|least|fewest",
    "only": r"only|sole|solely|exclusive\w*|alone",
    "last": r"last|latest|final|most recent|newest",
}
_RANK_WORDS |= {"biggest": _RANK_WORDS["largest"], "greatest": _RANK_WORDS["largest"]}
_RANK_WORDS |= {"highest": _RANK_WORDS["largest"], "lowest": _RANK_WORDS["smallest"], "latest": _RANK_WORDS["last"]}


def _states_rank(rank: str, text: str) -> bool:
    return bool(re.search(rf"\b(?:{_RANK_WORDS[rank]})\b", text, re.I))


# The fewest figures of one kind a sentence must list for the answer's to be read as their largest or smallest.
_LISTED = 3


def _extreme_of_list(rank: str, answer: str, text: str) -> bool:
    """Whether the answer's figure is the largest or smallest of the figures of its kind the sentence lists: "new
    swap lines with the Bank of Japan for up to US$60 billion, up to US$40 billion with the Bank of England, and up
    to US$10 billion with the Bank of Canada" says which got the smallest without the word (held-out round 37,
    w992); the Swiss National Bank's line "from US$12 billion to US$27 billion" is not the smallest of its sentence."""
    if rank not in ("largest", "biggest", "greatest", "highest", "smallest", "lowest"):
        return False
    given = extract_quantities(answer)
    valued = [(a, a.value) for a in find_amounts(text) if a.value is not None]
    mine = next(((a, v) for a, v in valued if v in given), None)
    if mine is None:
        return False
    kind = [v for a, v in valued if (a.money, a.percent) == (mine[0].money, mine[0].percent)]
    if len(set(kind)) < _LISTED:
        return False
    return mine[1] == (min(kind) if rank in ("smallest", "lowest") else max(kind))


# "AT&T's shares": whose thing the question asks of, and the thing.
_OWNED_ASKED = re.compile(r"\b(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+(?P<noun>[a-z]+)")
_OWNER = r"(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"


def _owned_by_another(question: str, sentences: Sequence[Sentence], values: set[float]) -> tuple[str, str] | None:
    """Whose the thing is, as the sentences giving the answer's figure write it, where each writes it another's
    and none the question's owner's: "Shares of Apple Inc. rose US$5.41" is no rise of AT&T's shares, which the
    report names a sentence before (held-out round 30, w824). None where the question asks of no one's thing, a
    sentence names the asked owner, or writes the thing without an owner."""
    asked = _OWNED_ASKED.search(question)
    if asked is None or not sentences:
        return None
    owner, noun = asked.group("owner"), asked.group("noun")
    if any(_parts(owner) <= _parts(sentence.text) for sentence in sentences):
        # The owner named anywhere in a sentence may be the thing's, written otherwise: "recruitment of AI experts
        # …, Meta's Llama 4" is Meta's recruitment (bundled q023).
        return None
    nouns = "|".join(sorted({re.escape(noun), re.escape(noun.removesuffix("s")), re.escape(noun) + "s"}))
    owned = re.compile(rf"{_OWNER}['’]s\s+(?i:{nouns})\b|\b(?i:{nouns})\s+of\s+{_OWNER}")
    found = ""
    for sentence in sentences:
        if not any(a.value in values for a in find_amounts(sentence.text)):
            return None
        others = [m.group(1) or m.group(2) for m in owned.finditer(sentence.text)]
        if not others or any(_parts(other) & _parts(owner) for other in others):
            return None
        found = found or others[0]
    return (found, owner) if found else None


# An age as news writes it, set off after a name: "Papermaster, 49, had left …".
_APPOSITIVE_AGE = re.compile(r"\b([A-Z][\w'’-]+),\s+\d{2},\s")
# Whose age a question asks: "How old was Bob Mansfield when …".
_HOW_OLD = re.compile(r"\b(?i:how old)\s+(?:was|is|were|will\s+be|would\s+be)\s+((?:[A-Z][\w'’.-]*\s*)+)")


def _aged_as_asked(question: str, text: str) -> bool:
    """Whether ``text`` sets off an age after the name of whom the question asks the age of (after any name where
    the question does not say whose): "Papermaster, 49, …" is Papermaster's age, not that of Bob Mansfield, who
    "took over Mark Papermaster's post" (Wikinews w392, adversarial)."""
    asked = _HOW_OLD.search(question)
    whose = {w.lower() for w in _WORD.findall(asked.group(1))} if asked else set()
    return any(not whose or m.group(1).lower() in whose for m in _APPOSITIVE_AGE.finditer(text))


# Words before a figure that, with it, make one report's sentence another's told again.
_LEADING_WORDS = 3


def _each_from_occasion(figures: set[float], sentences: Sequence[Sentence], of_occasion: Sequence[bool]) -> bool:
    """Whether every figure of the answer is written by a sentence of the occasion's report. A figure that an
    earlier report writes too is still the occasion's: "since 2004" is in the report of Jobs's death and in two
    before it (held-out round 28, w757). Where no sentence writes a figure as the answer does (one it converted),
    every sentence must be the occasion's."""

    written = [extract_quantities(s.text) for s in sentences]

    def from_occasion(value: float) -> bool:
        writing = [ok for values, ok in zip(written, of_occasion, strict=True) if value in values]
        return any(writing) if writing else all(of_occasion)

    return all(from_occasion(value) for value in figures)


def _figure_phrases(text: str) -> set[str]:
    """Each figure of ``text`` with the words that lead to it, lower-cased: "pancreatic cancer since 2004"."""
    spans = [(a.start, a.end) for a in find_amounts(text) if a.value is not None]
    spans += [m.span() for m in _YEAR.finditer(text)]
    phrases: set[str] = set()
    for start, end in spans:
        before = _TOKEN.findall(text[:start].lower())[-_LEADING_WORDS:]
        if len(before) == _LEADING_WORDS:
            phrases.add(" ".join([*before, *_TOKEN.findall(text[start:end].lower())]))
    return phrases


def _figures_of(text: str) -> set[float]:
    """The values of the figures ``text`` writes."""
    return {a.value for a in find_amounts(text) if a.value is not None}


# A count in an answer and the plural noun it counts, at most one word between: "four core brands", "47,000
# dealerships".
_COUNTED = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)"
    r"\s+(?:[a-z-]+\s+)?([a-z]+s|people)\b"
)


# "How many Democrats …", "How many Republican senators …": what a question counts, with the word before it.
_HOW_MANY = re.compile(r"^\W*how\s+many\s+(?:([A-Za-z-]+)\s+)?([A-Za-z]+s)\b", re.I)
# A count and what it counts, in words or digits: "Three Democrats", "thirty-one Republicans", "35 new orders".
_COUNT_OF = re.compile(rf"(?<![\w.,$-])(\d[\d,]*|{_IN_WORDS})\s+(?:[A-Za-z-]+\s+)?([A-Za-z]+s)\b", re.I)


def _counted_beside(question: str, sentences: Sequence[Sentence], values: set[float]) -> tuple[str, str] | None:
    """(what the answer's figure counts, what the question asks to count) where every sentence that gives the figure
    counts another thing by it and the asked thing by another figure: "Three Democrats voted with thirty-one
    Republicans against it" does not make 31 the Democrats who voted against (Wikinews w574). None where a sentence
    counts the asked thing by the answer's figure, or does not count it at all."""
    asked = _HOW_MANY.match(question)
    if asked is None or not sentences:
        return None
    roots = {root(w.lower()) for w in asked.groups() if w}
    found: tuple[str, str] | None = None
    for sentence in sentences:
        counts = [(number_value(m.group(1)), m.group(2)) for m in _COUNT_OF.finditer(sentence.text)]
        own = [noun for value, noun in counts if value in values]
        if not own or any(root(noun.lower()) in roots for noun in own):
            return None
        if not any(value not in values and root(noun.lower()) in roots for value, noun in counts):
            return None
        found = found or (own[0], asked.group(2))
    return found


def counts_other(frame: QuestionFrame, answer: str) -> tuple[str, str] | None:
    """(what the answer counts, what the question asks to count) where the question asks how many of a thing and
    every count of the answer counts another thing: "The New GM will keep four core brands and size its dealership
    to match that" does not say how many dealerships it will keep (Wikinews w321). A count of people stands for any
    people asked; a word of the asked word's family ("jobs" for "workers") for the word."""
    asked = [noun for noun, money in asked_nouns(frame) if not money]
    counted = [m.group(1) for m in _COUNTED.finditer(answer)]
    if not asked or not counted:
        return None
    roots = {root(noun) for noun in asked}
    families = {family_of(noun) for noun in asked} - {None}
    for noun in counted:
        if root(noun) in roots or family_of(noun) in families or noun in ("people", "persons"):
            return None
    return counted[0], asked[0]


def _items(answer: str, question: str) -> int:
    """How many things an answer lists: "A, B and C" is three. A part that only restates the question lists
    nothing: "The US government agencies and defence contractors that use Meta's AI models are Anduril and the US
    Defense Department" names two, not three."""
    asked = content_words(question)
    parts = [p for p in re.split(r",|;|\band\b|\bas well as\b", answer) if re.search(r"[A-Za-z0-9]", p)]
    return sum(1 for p in parts if not (words := content_words(p)) or words - asked)
