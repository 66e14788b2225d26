"""The count of a vote or the score of a match: "What was the vote on the car industry bailout?" → "52-35".

A tally is two counts set against each other ("52-35", "52 to 35"), and news gives one beside the word the question
asks by: "the Senate voted the proposition down with a vote of 52-35". The 1.5B model, shown that sentence, answered
NOT FOUND (Wikinews w047). Model-free: the sentences that give a tally within reach after the asked word ("vote",
"score", "tally") and speak of what the question asks about, in their words or their article's title (a word of
the question or of its family: "bailout" is a "rescue"), naming every name and figure it gives. One tally
is the answer, cited; different tallies (two votes, two matches) are left to the draft, which the question's other
words may lead to the one meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from index import Sentence
from rag.stages.evidence import content_words
from rag.stages.frame import family_of
from rag.stages.naming import Named

__all__ = ["TallyReader", "asked_tally"]

# "What was the vote?", "What was the final vote count in the Senate?", "What is the score?".
_ASKS = re.compile(
    r"^\s*what\s+(?:was|were|is)\s+the\s+(?P<whose>(?:[A-Z][\w-]*(?:'s|’s)\s+)?)(?:final\s+)?"
    r"(?P<word>vote(?:\s+count)?|tally|score)\b(?P<rest>[^?]*)",
    re.I,
)
# What a tally must be given for by name: "the Senate's vote", "the $700 billion bailout of Wall Street".
_NAMED = re.compile(r"\b[A-Z][\w-]*|[$€£]?\d[\d,.]*")
# Words a sentence gives a tally by, for each word a question asks by.
_SAID_BY = {"vote": r"vot(?:e|es|ed|ing)", "tally": r"tally|vot(?:e|es|ed|ing)", "score": r"score|won|beat|lost|drew"}
# Two counts: not a range of figures ("3,000 to 5,000", "10-12 hours"), a date ("2008-09") or a decimal.
_TALLY = re.compile(
    r"(?<![\d,.$€£])(\d{1,3})\s*(?:-|–|—|\bto\b)\s*(\d{1,3})(?![\d,.]?\d)"
    r"(?!\s*(?:%|percent|per|hours?|minutes?|days?|weeks?|months?|years?|thousand|million|billion)\b)"
)
_REACH = 40  # characters from the asked word to the tally: "The final vote count in the Senate was 52-35"
# A question's words that say what it asks, not what about.
_ASKING = frozenset({"vote", "count", "tally", "score", "final"})


def asked_tally(question: str) -> str | None:
    """The word a question asks a tally by ("vote", "score", "tally"); None for other questions."""
    m = _ASKS.match(question)
    return m.group("word").split()[0].lower() if m else None


class TallyReader:
    """Model-free: the one tally the sentences give for what the question asks about."""

    def __init__(self, titles: Mapping[str, str]):
        self.titles = titles

    def run(self, question: str, sentences: Iterable[Sentence]) -> Named | None:
        word = asked_tally(question)
        if word is None:
            return None
        m = _ASKS.match(question)
        assert m is not None
        asked = f"{m.group('whose')} {m.group('rest')}"
        about = content_words(asked) - _ASKING
        # Each name and figure the question gives, where it gives any, must be said; of its other words, one.
        names = {_word(n) for n in _NAMED.findall(asked)}
        said_by = re.compile(rf"\b(?:{_SAID_BY[word]})\b", re.I)
        found: dict[str, Sentence] = {}
        for sentence in dict.fromkeys(sentences):
            text = sentence.text
            said = f"{text} {self.titles.get(sentence.article_id, '')}"
            if about and not _shared(about, content_words(said)):
                continue
            if not names <= {_word(n) for n in _NAMED.findall(said)}:
                continue
            for by in said_by.finditer(text):
                tally = _TALLY.search(text, by.end(), by.end() + _REACH + 12)
                if tally and not re.search(r"[.;!?]", text[by.end() : tally.start()]):
                    found.setdefault(f"{tally.group(1)}-{tally.group(2)}", sentence)
                    break
        if len(found) != 1:
            return None
        (value, sentence), *_ = found.items()
        return Named(value, word, sentence)


def _word(name: str) -> str:
    """A name or figure as compared: "Senate's" is "senate", "$700" is "700"."""
    return re.sub(r"(?:'s|’s)$", "", name.lower()).lstrip("$€£").rstrip(".,")


def _shared(asked: set[str], said: set[str]) -> bool:
    """Whether a sentence says one of the question's words, or one of its family: "the car industry bailout" is
    the "auto rescue plan" of another article's title."""
    families = {family_of(w) for w in asked} - {None}
    return bool(asked & said) or bool(families & {family_of(w) for w in said})
