"""A yes/no question the articles answer "no" to, read off the sentence that says so.

Asked "Are the terms of the Meta-Scale AI deal final?", the 1.5B model replies NOT FOUND although an article says
"The terms of the deal are not finalised and could still change"; asked "Does Meta typically invest in outside
companies?", it answers "Yes, Meta typically does not invest in outside companies". Where the answer is yes it
answers well ("Yes, Scale AI won a Defense Department contract …"), so only the negative is read here, model-free:
a sentence about the question's subjects that holds every word the question asks about (by stem, family or
embedding neighbour), one of them just after a negation ("are not finalised", "does not invest"). The answer is
"No", with that sentence cited. A negation inside a condition ("whether it had not paid …") says nothing either
way, nor does one of degree ("had not addressed the problem quickly enough"). A question that offers a choice
("… or is it still being built?") or is itself negated is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index import Sentence
from rag.stages.binding import BindingCheck
from rag.stages.frame import QuestionFrame, root, stem

__all__ = ["Negated", "Polarity", "asks_yes_or_no"]

_YES_NO = re.compile(r"^\s*(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could|should)\b", re.I)
# "Has Meta launched its app, or is it still being built?": a choice between two answers, not yes or no.
_CHOICE = re.compile(r"\bor\b", re.I)
_NEGATION = re.compile(r"^(?:not|never|no|cannot)$|n[’']t$", re.I)
# "no longer" negates like "not"; "not only" does not.
_NOT_A_NEGATION = re.compile(r"\bnot only\b", re.I)
# A negation in a condition or an indirect question says nothing of the fact: "investigated whether it had not
# paid …", "if it does not close …".
_CONDITION = frozenset({"if", "whether", "unless"})
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_NEAR = 3  # words from a negation to the word it negates: "does not typically invest"
_CONDITION_REACH = 6  # words before a negation a condition's word may stand
_LEAST_ASKED = 2
# Words by which a negation denies only how far or how fast, not whether: "not addressed quickly enough".
_DEGREE = frozenset({"enough", "fully", "entirely", "completely", "quite", "all", "always", "necessarily", "just"})
_DEGREE_REACH = (
    6  # words after the negated one where such a word may stand: "addressed the reception problem quickly enough"
)


def asks_yes_or_no(question: str) -> bool:
    """A question answered by yes or no: it opens with an auxiliary verb, offers no choice and is not negated."""
    if not _YES_NO.match(question) or _CHOICE.search(question):
        return False
    return not any(_NEGATION.match(w) for w in _TOKEN.findall(question))


@dataclass(frozen=True)
class Negated:
    """The sentence that states the question's claim negated."""

    sentence: Sentence


class Polarity:
    """Model-free. ``binding`` supplies the subject test and the word matching the question-aware gate uses."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> Negated | None:
        """The first sentence (in the order given: best first) that says "no" to the question, or None."""
        asked = list(dict.fromkeys(frame.attributes))
        # One word asked ("Has Scale AI been identified?") meets a negation in any clause ("the people, who asked
        # not to be identified"): at least two must stand in the sentence.
        if not asks_yes_or_no(frame.question) or len(asked) < _LEAST_ASKED:
            return None
        for sentence in sentences:
            if _NOT_A_NEGATION.search(sentence.text):
                continue
            tokens = [t.lower() for t in _TOKEN.findall(sentence.text)]
            # The cheap test first: the embedding neighbours of ``matches`` only for a sentence that negates.
            if not self._negates(tokens, asked):
                continue
            words = set(tokens)
            if all(_same_word(a, words) or self.binding.matches(a, words) for a in asked) and self.binding.about(
                frame, sentence
            ):
                return Negated(sentence)
        return None

    @staticmethod
    def _negates(tokens: list[str], asked: list[str]) -> bool:
        """Whether a negation stands just before a word of the question (by stem or root), outside a condition."""
        for i, token in enumerate(tokens):
            if not _NEGATION.match(token) or _CONDITION & set(tokens[max(0, i - _CONDITION_REACH) : i]):
                continue
            for j in range(i + 1, min(len(tokens), i + 1 + _NEAR)):
                if not any(_same_word(a, {tokens[j]}) for a in asked):
                    continue
                # "had not addressed the problem quickly enough", "not all of them": the negation is of the degree.
                if not _DEGREE & set(tokens[i + 1 : j + 1 + _DEGREE_REACH]):
                    return True
                break
        return False


def _same_word(asked: str, words: set[str]) -> bool:
    """By stem or by root: "final" is "finalised", "invest" "invests"."""
    return any(stem(w) == stem(asked) or root(w) == root(asked) for w in words)
