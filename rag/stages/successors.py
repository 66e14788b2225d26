"""Who took someone's place, where a sentence says so: asked "Who took over Mark Papermaster's job at Apple?",
"Papermaster's post will be filled by Bob Mansfield, …". The answer is that person, read model-free.

News reports a succession in a few set ways: "X's post will be filled by Y", "X was replaced … with Y", "Y will be
succeeding X as CEO", "Y took over from X". The 1.5B model, shown the Papermaster sentences, answered "Steve Jobs"
(Wikinews w002; the judge refused it). The relation has a direction: "Wagoner was replaced with Henderson" names
Henderson as Wagoner's successor, never the other way round. Where the sentences name one successor, that is the
answer; where they name two, or none, the question goes the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Sentence
from rag.stages.naming import Named

__all__ = ["SuccessorReader", "predecessor"]

# A capitalised word, not its possessive: "O'Brien", "Papermaster" of "Papermaster's".
_NAME_WORD = r"[A-Z](?:[\w-]|['’](?!s\b))*\.?"
# A person: two or more capitalised words ("Bob Mansfield", "Timothy D. Cook").
_PERSON = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})+"
# "Who took over Mark Papermaster's job …", "Who replaced Rick Wagoner at the head of …", "Who will succeed Steve
# Jobs as chief executive?", "Who took over from …".
_ASKS = re.compile(
    r"^\s*who\s+(?:(?:has|had|will|would|is|was)\s+(?:been\s+|be\s+)?)?"
    r"(?:(?:took|take|takes|taking)\s+over(?:\s+from)?|replaced|replace|replaces|replacing|succeeded|succeed|"
    r"succeeds|succeeding|filled|fill)\s+(?P<rest>.+?)\s*\?\s*$",
    re.I,
)
_ASKED_NAME = re.compile(rf"(?P<name>{_PERSON}|{_NAME_WORD})(?:'s|’s)?")
# "Papermaster's post", "Papermaster's job".
_JOB = r"(?:job|post|role|position|duties|seat|place)"
# A few words that may stand between the verb and the person: "Sunday", "chief executive".
_GAP = r"(?:[\w'’-]+\s+){0,4}?"

# A past participle not after a form of "be": "was replaced", "been succeeded" are passive; "will be succeeding" is
# not.
_ACTIVE = r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeing )"
# The lower-case words of a title before the person replaced: "replaced chief executive Rick Wagoner".
_TITLE = r"(?:(?!by\b|with\b)[a-z][\w'’-]*\s+){0,4}"


def predecessor(question: str) -> str | None:
    """The person a "who took X's place?" question names; None for other questions."""
    m = _ASKS.match(question)
    if m is None:
        return None
    name = _ASKED_NAME.match(m.group("rest"))
    return name.group("name") if name else None


def _known(surname: str) -> str:
    """A person by their surname, with any names before it: "Rick Wagoner", "Wagoner" of "Wagoner's"."""
    return rf"(?:{_NAME_WORD}\s+)*{re.escape(surname)}(?![\w-]|['’](?!s\b))"


_WHO = rf"(?P<who>{_PERSON})"


def _patterns(before: str, after: str) -> list[re.Pattern[str]]:
    """The sentence forms that say ``after`` took ``before``'s place; one of them is ``_WHO``, the person read."""
    return [
        # "Papermaster's post will be filled by Bob Mansfield"
        re.compile(rf"{before}(?:'s|’s)\s+{_JOB}\s+{_GAP}(?:filled|taken(?:\s+over)?|assumed)\s+{_GAP}by\s+{after}"),
        # "Rick Wagoner was replaced Sunday with Fritz Henderson", "Jobs will be succeeded by Tim Cook"
        re.compile(rf"{before}(?:,[^,]{{1,80}},)?\s+{_GAP}(?:replaced|succeeded)\s+{_GAP}(?:by|with)\s+{after}"),
        # "Tim Cook will be succeeding Jobs as CEO", "Fritz Henderson, …, replaced chief executive Rick Wagoner"
        # (active: "Wagoner was replaced Sunday with Henderson" names no successor of Henderson's).
        re.compile(
            rf"{after}(?:,[^,]{{1,80}},)?\s+{_GAP}(?:{_ACTIVE}(?:replaced|succeeded)|replaces|replacing|succeeds|"
            rf"succeeding|(?:took|takes|take|taking)\s+over\s+from)\s+{_TITLE}{before}"
        ),
        # "Bob Mansfield will take over Papermaster's job"
        re.compile(
            rf"{after}(?:,[^,]{{1,80}},)?\s+{_GAP}(?:took|takes|take|taking)\s+over\s+{before}(?:'s|’s)\s+{_JOB}"
        ),
    ]


class SuccessorReader:
    """Model-free: the one person the sentences name as taking the asked person's place."""

    def run(self, question: str, sentences: Iterable[Sentence]) -> Named | None:
        asked = predecessor(question)
        if asked is None:
            return None
        surname = asked.split()[-1]
        return _one(surname, _patterns(_known(surname), _WHO), sentences, "successor")

    def replaced(self, question: str, sentences: Iterable[Sentence]) -> Named | None:
        """The one person the sentences name as the one whose place the asked person took: asked who replaced
        Fritz Henderson, "Rick Wagoner was replaced Sunday with Fritz Henderson" says whom he replaced, and a draft
        that turns it round ("Rick Wagoner replaced Fritz Henderson") has the relation backwards."""
        asked = predecessor(question)
        if asked is None:
            return None
        surname = asked.split()[-1]
        return _one(surname, _patterns(_WHO, _known(surname)), sentences, "predecessor")


def _one(surname: str, patterns: list[re.Pattern[str]], sentences: Iterable[Sentence], kind: str) -> Named | None:
    found: dict[str, Named] = {}
    for sentence in sentences:
        for pattern in patterns:
            for m in pattern.finditer(sentence.text):
                person = m.group("who")
                if surname in person.split():
                    continue  # the asked person, not the one before or after them
                # One person by their surname: "Tim Cook" and "Timothy D. Cook".
                found.setdefault(person.split()[-1], Named(person, kind, sentence))
    return next(iter(found.values())) if len(found) == 1 else None
