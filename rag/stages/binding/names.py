"""Names and words a question and a sentence share: the name groups of a question, the runs of capitalised words
that make them, abbreviations, the words beside a name, and whether a sentence mentions a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rag.stages.frame import (
    ROLE_WORDS,
    QuestionFrame,
    root,
    stem,
)
from rag.stages.verify import (
    NAME_RUN,
    initials,
    other_names,
    people_of,
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Words a name may be made of, digits included: "A380", "787", "iPhone 4".
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*[A-Za-z0-9]|[A-Za-z0-9]")
# A model number before a name is part of it ("787 Dreamliner"), a year is not ("2009 General Motors").
_NAME_GROUP = re.compile(
    r"(?:(?<![\w$.,])(?!(?:19|20)\d\d\b)\d{2,4}\s+(?=[A-Z]))?"
    r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w&'’.-]*)*"
)
# Name words that alone say nothing of which company or person is meant.
_WEAK = frozenset("ai inc inc. corp co ltd llc group the us u.s. new".split())
# Dates are not subjects: "on 10 October 2008" names no one a sentence must mention.
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# A nationality that describes a thing is no one who acts: "written in the American format" (held-out round 27,
# w733), unlike "the German government sold …".
_DESCRIBING = re.compile(
    r"\b(American|British|European|Japanese|Chinese|German|French|Canadian|Russian|Indian)\s+"
    r"(?!(?:government|administration|company|companies|firm|group|carmaker|automaker|airline|bank|regulators?|"
    r"officials?|authorities|court|army|president|minister|union|unions|investors?|buyers?)\b)[a-z]"
)


def _described(text: str) -> set[str]:
    return {m.group(1).lower() for m in _DESCRIBING.finditer(text)}


# A title's two subjects ("Apple introduces iPhone and Apple TV"): the run of capitalised words before "and" and the
# one after it.
_PEER_SPLIT = re.compile(r"\s+(?:and|&)\s+")
_CAPPED_RUN = r"[a-z]?[A-Z][\w&'’.-]*(?:\s+[a-z]?[A-Z][\w&'’.-]*)*"
_LAST_RUN = re.compile(_CAPPED_RUN + r"\s*$")
_FIRST_RUN = re.compile(r"^\s*" + _CAPPED_RUN)
# A person pronoun anywhere in a sentence: one before any name there refers further back too.
_SPOKEN_OF = re.compile(r"\b(?:he|she)\b", re.I)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*(?![\w'’-])")


def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w.strip("'.")


def name_groups(question: str, common: Iterable[str]) -> list[frozenset[str]]:
    """Runs of capitalised words ("Scale AI", "Alexandr Wang"), each as its distinctive lower-cased words."""
    skip = frozenset(common)
    return [group for match in _NAME_GROUP.finditer(question) if (group := _run_words(match.group(0), skip))]


def _run_words(run: str, skip: frozenset[str] = frozenset()) -> frozenset[str]:
    """The distinctive lower-cased words of one run of capitalised words (empty when it has none)."""
    words = {_norm(p) for w in run.split() for p in w.split("-")} - skip - {"of", "de", "the"}
    return frozenset(words - _WEAK - _CALENDAR)


def _parts(text: str) -> set[str]:
    """The words of ``text`` as names are matched: lower-cased, possessives dropped, a hyphenated word as its
    parts ("Meta-Scale" -> meta, scale); with the abbreviations it writes and those its names shorten to, and "u.s."
    where it names the United States ("US", "U.S."): lower-cased, "us" is also the pronoun."""
    words = {_norm(p) for w in _TOKEN.findall(text) for p in w.split("-")} | _abbreviations(text, written="=", run="~")
    return words | {"u.s."} if _NAMES_US.search(text) else words


# An abbreviation as written ("GM", "AIG"), and the words of a name run whose initials may stand for one.
_CAPITALS = re.compile(r"(?<![\w&'’.-])[A-Z]{2,5}(?![\w&'’-])")
_RUN_SKIP = frozenset({"of", "de", "the", "and", "&"})
# Words that open a question and name nothing: "Which Japanese insurer …", "Was General Motors' loss …" (whose
# initials are GM's, not "WGM").
_ASKING = frozenset(
    "which what who whom whose how when where why is are was were did do does has have had will would could can".split()
)


def _without_asking(run: str) -> str:
    """A run of capitalised words without the question's opening word: "Which Asian" is "Asian"."""
    first, _, rest = run.partition(" ")
    return rest if rest and first.lower() in _ASKING else run


def _abbreviations(text: str, *, written: str, run: str, skip: frozenset[str] = frozenset()) -> set[str]:
    """Marked words by which a name and its abbreviation meet: "General Motors" is "GM", "American International
    Group" is "AIG". A question's name runs give their initials marked ``written`` to meet a text's capitals, its
    capitals marked ``run`` to meet a text's name runs; the text marks the other way round. Only a run against
    capitals: two runs with the same initials ("Scale AI", "South Africa") are no match. ``skip``: words that name
    nothing ("Which" of "Which Japanese insurer"); a common word in a name is part of it ("All Nippon Airways" is
    "ANA")."""
    found = {written + m.group(0).lower() for m in _CAPITALS.finditer(text) if m.group(0).lower() not in _WEAK}
    skip = _RUN_SKIP | skip
    for match in _NAME_GROUP.finditer(text):
        words = [w for w in match.group(0).split() if w.lower() not in skip]
        if len(words) < 2 or not all(w[:1].isalpha() for w in words):
            continue
        found.add(run + "".join(w[0] for w in words).lower())
        strong = [w for w in words if _norm(w) not in _WEAK]
        if 2 <= len(strong) < len(words):  # "General Motors Corp" is also "GM"
            found.add(run + "".join(w[0] for w in strong).lower())
    return found


# How many words apart an article may write the asked kind's name and one of the answer's names: "European auto maker
# Fiat" (3).
_KIND_BESIDE = 3
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _words_at(text: str) -> list[str]:
    """The text's words in order, lower-cased and without a possessive ending ("Fiat's" is "fiat"): the positions
    ``_beside`` counts."""
    return [_POSSESSIVE_END.sub("", t.lower()) for t in _TOKEN.findall(text)]


def _beside(at: Iterable[int], others: Iterable[int]) -> bool:
    """Whether a word at one of the positions ``at`` lies within ``_KIND_BESIDE`` words of one at ``others``."""
    near = list(others)
    return any(abs(i - j) <= _KIND_BESIDE for i in at for j in near)


_UNITED_STATES = frozenset({"states", "=us"})


def _mentioned(group: frozenset[str], words: set[str]) -> bool:
    """Whether a word of the name group is among ``words``, or its stem is: "Japanese" is mentioned by "Japan",
    "Asian" by "Asia" (a name of four letters or more, at most three more letters on it); and a place by its
    people's word or its other name: "Russia" by "Russian", "Japan" by "Japanese" (Wikinews w218: "the Russian
    government's Federal Service" ordered what was asked of "Russia's stock markets"), "Britain" by "UK"."""
    # A place's other names are looked up, not paired with every word: "UK" for "Britain" shares no first letter,
    # and the pairs below are only those that do (this runs for every sentence the gatherer reads).
    if group & words or any(other_names(g) & words for g in group):
        return True
    # "the United States" is written "US" as often ("reduced to $199 in the US", held-out round 42, w1104), which
    # ``_parts`` marks "u.s."; its group is "united" with "states" or the initials it is known by ("=us").
    if "u.s." in words and "united" in group and group & _UNITED_STATES:
        return True
    return any((len(w) < len(g) and _akin(w, g)) or people_of(g, w) for g in group for w in words if w[:1] == g[:1])


def _singular(words: Iterable[str]) -> set[str]:
    """The words with a plural "s" taken off a word of five letters or more ("a380s" is "a380")."""
    return {w[:-1] if len(w) >= 5 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def _akin(a: str, b: str) -> bool:
    """The same word of a name, one perhaps with an ending on it: "A350s" and "A350", "Japanese" and "Japan"."""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 4 and len(long) - len(short) <= 3 and long.startswith(short))


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """The words ``texts`` write in lower case somewhere (for ``BindingCheck(common=...)``)."""
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(text))


# The US named as a government, the holder of what a question asks ("would the US government hold"): a sentence
# that names the United States may then be the one close to the figure, though "US" is too weak a name to be a group.
_GOVERNMENT = re.compile(r"\bU\.?S\.?\s+(government|administration|Treasury|Congress)\b")
_ASKED_KIND = re.compile(r"\b(?:[Ww]hich|[Ww]hat)\s+(?:[a-z]+\s+)?$")  # "Which three US government agencies"
_NAMES_US = re.compile(r"\b(?:United States|U\.S\.|US)(?![$\w])")


def _asks_government(frame: QuestionFrame) -> bool:
    """Whether the question names the US government as who holds what it asks: not in the clause that only dates
    it ("on the day the US government said it would buy bad loans"), nor as the kind of thing asked for ("Which US
    government department …")."""
    return _governs(frame.question, frame.circumstance)


@lru_cache(maxsize=256)
def _governs(question: str, circumstance: frozenset[str]) -> bool:
    # Once a question: ``about`` asks for every sentence the gatherer reads.
    return any(
        m.group(1).lower() not in circumstance and not _ASKED_KIND.search(question, 0, m.start())
        for m in _GOVERNMENT.finditer(question)
    )


# A negation and the (up to three) words it denies: "did not acquire", "rather than recall the devices".
_NEGATED = re.compile(r"(?:\b(?:not|never|no|without|rather\s+than|instead\s+of)\b|n['’]t\b)(?:\s+[\w'’-]+){1,3}", re.I)


# Words that deny the deed after them ("declined to give", "did not buy", "never performed"), and how far before it.
_DENIAL = frozenset("not never no declined refused failed".split())
_DENIAL_REACH = 3


def _initials(text: str) -> set[str]:
    """The initials of the names a text writes out, which a question may ask them by: "GM" is "General Motors"
    ("This was the largest bankruptcy filing …" after "… General Motors filed for bankruptcy", Wikinews w522)."""
    return {initials(m.group(0)) for m in NAME_RUN.finditer(text)}


def _denies(act: str, text: str) -> bool:
    """Whether the sentence writes the deed (by root) and denies it each time: "declined to give" for "gave"."""
    tokens = [t.lower() for t in _WORD.findall(text)]
    said = [i for i, t in enumerate(tokens) if root(t) == root(act)]
    return bool(said) and all(
        any(t in _DENIAL or t.endswith(("n't", "n’t")) for t in tokens[max(0, i - _DENIAL_REACH) : i]) for i in said
    )


def _drop_negated(text: str) -> str:
    return _NEGATED.sub(" ", text)


# "What is Meta AI?", "What are Booz Allen and Lockheed Martin?": a question that asks only what named things are.
_DEFINITION = re.compile(r"^\s*(?i:what\s+(?:is|are|was|were)\s+(?:the\s+)?)(?P<names>[A-Z][^?]*?)\s*\?\s*$")
_DEFINED_NAME = re.compile(r"(?:[A-Z]|[a-z]+[A-Z])[\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*)*")


def _defined_names(question: str) -> list[str]:
    """The names a definition question asks about, [] for other questions (where anything but names and "and"
    follows "what is": "What is Scale AI's revenue?")."""
    if not (m := _DEFINITION.match(question)):
        return []
    names = _DEFINED_NAME.findall(m.group("names"))
    rest = _DEFINED_NAME.sub("", m.group("names"))
    return names if names and not re.sub(r"\s|,|\band\b|&", "", rest) else []


def _says_name(name: str, text: str) -> bool:
    return bool(re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])", text, re.I))


def _holds(role: str) -> str:
    return "heads it" if role == "head" else f"is the {role}"


def _states_role(role: str, text: str) -> bool:
    return bool(re.search(rf"(?i:\b(?:{ROLE_WORDS[role]})\b)", text))


@lru_cache(maxsize=1024)
def _title_peers(title: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The name words of the two subjects a title joins with "and", or None where it joins none; once a title, as
    ``about`` asks for every sentence the gatherer reads."""
    parts = _PEER_SPLIT.split(title, maxsplit=1)
    if len(parts) != 2:
        return None
    left, right = _LAST_RUN.search(parts[0]), _FIRST_RUN.match(parts[1])
    if not left or not right:
        return None
    peers = _run_words(left.group(0).strip()), _run_words(right.group(0).strip())
    return peers if all(peers) else None


def _token_span(text: str, match: re.Match[str]) -> range:
    """The positions, counted in ``_TOKEN`` words of ``text``, that ``match`` covers."""
    start = len(_TOKEN.findall(text[: match.start()]))
    return range(start, start + len(_TOKEN.findall(match.group(0))))


# Words too common to tell which sentence states something.
_PLAIN = frozenset(
    "a an the and or of in on at by for from with to into over as that which who whom whose what when where why how "
    "is are was were be been being has have had do does did will would can could should may might its their his "
    "her it they this these those also not no any some all than then there here said says say according".split()
)


def _content(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _PLAIN and len(w) > 2}


_NUMERALS = re.compile(r"\d(?:[\d,.]*\d)?")


def _held(text: str) -> set[str]:
    """The content words of ``text`` and its numbers however short: "90%" is what the answer adds, held by the
    sentence on Obama's 90% of GM's bondholders, not asked of Ottawa (held-out round 42, w1101)."""
    return _content(text) | set(_NUMERALS.findall(text))


_SENTENCE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# The words just before a verb, within its clause: its subject ("Chrysler administrators expect").
_CLAUSE_TAIL = re.compile(r"(?:^|[,;:\"“(]\s*)((?:[\w'’.-]+\s+){1,4})$")


def _pronoun_first(text: str) -> bool:
    """Whether "he" or "she" comes before any name ("One year later he was fired … and he founded NeXT"), so that
    it refers further back. A capital that only opens the sentence ("One year later", "In 1986") is no name."""
    pronoun = _SPOKEN_OF.search(text)
    if pronoun is None:
        return False
    names = [m for m in _NAME_GROUP.finditer(text) if m.start() > 0 or m.group(0).split()[0] not in _OPENERS]
    return not names or pronoun.start() < names[0].start()


_OPENERS = frozenset(
    "He She They We It One The A An In On At Of For From By With To As After Before During Since This That".split()
)


def _verb_at(text: str, verb: str) -> re.Match[str] | None:
    """Where ``text`` first writes ``verb`` (a ``root``) in any form, in lower case: not a name that spells it."""
    return next(
        (m for m in _SENTENCE_WORD.finditer(text) if m.group(0)[:1].islower() and root(m.group(0)) == verb), None
    )


def _subject_before(text: str, end: int) -> list[str]:
    """The words just before ``end`` within their clause: the subject of the verb written there."""
    tail = _CLAUSE_TAIL.search(text[:end])
    return tail.group(1).split() if tail else []


def _display(question: str, group: frozenset[str]) -> str:
    """The name group as the question wrote it ("Scale AI"), for a message."""
    for match in _NAME_GROUP.finditer(question):
        if _run_words(match.group(0)) & group:
            # "Scale AI's funding round" names Scale AI; "Which Asian index" names what is Asian.
            return re.sub(r"['’]s?$", "", _without_asking(match.group(0)))
    return " ".join(sorted(group)).title()


def _same_stem(a: str, b: str) -> bool:
    """Whether two words share all but their last three letters, five at least: "introduction" and "introduces"."""
    shorter = min(len(a), len(b))
    return shorter >= 5 and a[: max(5, shorter - 3)] == b[: max(5, shorter - 3)]
