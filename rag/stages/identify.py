"""Which subject a question's description means, read off the sentence that states the description.

"In which city was the company that developed Defense Llama founded?" is bridged through "Which company developed
Defense Llama?" (``rag.stages.bridge``). A 1.5B model shown a few sentences answers that first step with the
name it sees most ("Meta", from "Meta is already partnering with Scale on a programme called Defense Llama"), and
the judge rightly refuses it. The sentence that states the description says it plainly: "It developed Defense
Llama", the "it" being the "Scale AI" of the sentence before. This stage reads the name there, model-free:

- The sentences stating the description are those about its names (each in the sentence, or, where the sentence
  refers back, around it), with every figure of the description and each word that says which of its kind it is
  ("military language model"), and, where any sentence has them, the description's own words (its verb, by stem,
  family or embedding neighbour).
- Each such sentence offers the names it holds that the description does not; one that names nothing else and
  refers back ("It developed …", "The company teamed up …") offers the names of the sentence before it that are
  not someone's possessions ("Scale AI has also worked with Meta's technology": Scale AI).
- The name most of them offer wins (a shorter form counting for its longer one: "Scale" for "Scale AI"); a tie
  goes to the name the collection mentions more. A description no sentence states is left to the model.

The second step still answers and verifies the question about the name as usual: a wrong name here can only make
it refuse, or answer about another subject, which the second step's subject gate does not see. So a name is taken
only where the sentences stating the description offer it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from index import Sentence
from rag.stages.amounts import find_amounts
from rag.stages.binding import BindingCheck
from rag.stages.bridge import NAME_LIST, NAME_RUN, Bridge, bare_name
from rag.stages.frame import RELATIONS, frame_question

__all__ = ["Identified", "Identifier"]

# Words of a description that say nothing of what was done: "the company that is …".
_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at by for from with to into over as that which who whose is are was were be been "
    "has have had its their his her it they this these those both also other".split()
)
_WORD = re.compile(r"[a-z][a-z'’-]+")
# A person is asked for: an organisation's name will not do, nor a one-word name of anything.
_PERSON_KINDS = frozenset({"person", "man", "woman", "executive", "ceo"})
_ORGANISATION_WORDS = frozenset("inc inc. corp corp. co ltd llc group ai bank fund ventures capital partners".split())


@dataclass(frozen=True)
class Identified:
    """The subject a description means, and the sentences that say so (the one stating the description, then,
    where it refers back, the one before it that names the subject)."""

    name: str
    sentences: tuple[Sentence, ...]


class Identifier:
    """Model-free; ``binding`` supplies the name and word matching of the question-aware gate."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, bridge: Bridge, sentences: Iterable[Sentence], mentions: Callable[[str], int]) -> Identified | None:
        """``mentions``: how many articles mention a name (the tie-break; the pipeline's count over its index)."""
        frame = frame_question(bridge.sub_question)
        groups = self.binding.subject_groups(frame)
        if not groups:
            return None
        figures = {a.value for a in find_amounts(bridge.clause) if a.value is not None}
        described = [
            w for w in _WORD.findall(f"{bridge.connector} {bridge.clause}".lower()) if w not in _FUNCTION_WORDS
        ]
        own = {w for g in groups for w in g}
        # "the military language model built by Scale": a model, and a military language one.
        which = [w for w in _WORD.findall(bridge.kind.lower())[:-1] if w not in _FUNCTION_WORDS]
        stating: list[tuple[int, Sentence]] = []
        texts: list[str] = []
        named_in: dict[str, bool] = {}  # article id -> whether it names the description's names at all
        for sentence in sentences:
            texts.append(sentence.text)
            article_id = sentence.article_id
            if article_id not in named_in:
                named_in[article_id] = self.binding.in_article(frame, article_id)
            if not named_in[article_id] or not self.binding.about(frame, sentence):
                continue
            if figures and not figures <= {a.value for a in find_amounts(sentence.text)}:
                continue
            words = set(_WORD.findall(sentence.text.lower()))
            if which:
                around = words | self._named_before(sentence)
                if not all(self.binding.matches(w, around) for w in which):
                    continue
            score = sum(self.binding.matches(w, words - own) for w in dict.fromkeys(described) if w not in own)
            stating.append((score, sentence))
        if not stating:
            return None
        best = max(score for score, _ in stating)
        offered: Counter[str] = Counter()
        sources: dict[str, tuple[Sentence, ...]] = {}
        for score, sentence in stating:
            if score < best:
                continue
            names, said = self._offered(sentence, own, bridge.kind)
            for name in names:
                offered[name] += 1
                sources.setdefault(name, said)
        if not offered:
            return None
        # "Scale" (from "start-ups, including Scale") counts for "Scale AI".
        for short in list(offered):
            longer = [n for n in offered if n != short and set(short.split()) < set(n.split())]
            if longer:
                offered[max(longer, key=mentions)] += offered.pop(short)
        name = max(offered, key=lambda n: (offered[n], mentions(n)))
        return Identified(name=_as_usually_written(name, texts), sentences=sources[name])

    def _named_before(self, sentence: Sentence) -> set[str]:
        """The words of the sentences a sentence refers back to ("It ended up 1.2% … when it hit an all time low
        yesterday" after "The Japanese index the Nikkei was one of the few to rise"): which of its kind the subject
        is may be said there."""
        if not self.binding.refers_back(sentence.text):
            return set()
        return {w for before in self.binding.preceding(sentence) for w in _WORD.findall(before.text.lower())}

    def _offered(self, sentence: Sentence, own: set[str], kind: str) -> tuple[list[str], tuple[Sentence, ...]]:
        """The names a sentence stating the description offers, and the sentences that say them."""
        names = self._names(sentence, own, kind)
        if names:
            return _nearest_the_kind(names, sentence.text, kind), (sentence,)
        if not self.binding.refers_back(sentence.text):
            return [], ()
        for before in reversed(self.binding.preceding(sentence)):
            if names := self._names(before, own, kind, possessions=False):
                return names, (before, sentence)
        return [], ()

    def _names(self, sentence: Sentence, own: set[str], kind: str, *, possessions: bool = True) -> list[str]:
        """The name runs of the sentence that are not the description's own, nor listed beside them ("companies
        such as Microsoft, Cohere, Etsy and OpenAI" are Cohere's and Etsy's peers, not who has them as
        customers), nor (``possessions`` off) someone's possessions ("Meta's technology")."""
        text = sentence.text
        known = self.binding.names(text) | self._proper_start(sentence)
        peers = [
            range(m.start(), m.end())
            for m in NAME_LIST.finditer(text)
            if any({w.lower().strip(".,'’") for w in run.split()} & own for run in re.split(r",|\band\b|&", m.group(0)))
        ]
        found = []
        for match in NAME_RUN.finditer(text):
            run = bare_name(match.group(0))
            words = {w.lower().strip(".,'’") for w in run.split()}
            if not words & known or words & own or words <= {"the", "a", "an", "it", "its"}:
                continue
            if any(match.start() in span for span in peers):
                continue
            if not possessions and match.group(0).endswith(("'s", "’s")):
                continue
            if not _of_kind(run, kind):
                continue
            found.append(run)
        return found

    def _proper_start(self, sentence: Sentence) -> set[str]:
        """The sentence's first word where its article also writes it capitalised mid-sentence: "Scale sells its
        services …" names Scale, "Last year, …" names nothing (``BindingCheck.names`` drops both)."""
        first = re.match(r"\W*([A-Z][\w'’-]*)", sentence.text)
        if not first:
            return set()
        word = first.group(1)
        article = " ".join(s.text for s in self.binding.sentences_of(sentence.article_id))
        return {word.lower()} if re.search(rf"[a-z,;] {re.escape(word)}\b", article) else set()


def _as_usually_written(name: str, texts: list[str]) -> str:
    """The name as the collection writes it most often, where a sentence misspelt it ("General Motor's chief
    executive" is General Motors)."""
    forms = Counter(m.group(0) for text in texts for m in re.finditer(rf"\b{re.escape(name)}[a-z]*\b", text))
    return max(forms, key=lambda f: (forms[f], f == name)) if forms else name


def _nearest_the_kind(names: list[str], text: str, kind: str) -> list[str]:
    """Of several names, the one written nearest the sentence's word for a relation asked ("a partnership with Fiat
    within 30 days to appease the US administration": the partner is Fiat); all of them where the kind is no
    relation or the sentence has no word for it. A thing's name need not be near its kind ("Defense Llama — a
    version of Meta's Llama large language model")."""
    head = kind.split()[-1].lower()
    if head not in RELATIONS:
        return names
    stem = head[: max(4, len(head) - 2)]  # "partner" in "partnership", "investor" in "investment"
    said = [m.start() for m in re.finditer(rf"\b{re.escape(stem)}", text, re.I)]
    if len(names) < 2 or not said:
        return names

    def distance(name: str) -> int:
        return min(abs(m.start() - at) for m in re.finditer(re.escape(name), text) for at in said)

    return [min(names, key=distance)]


def _of_kind(name: str, kind: str) -> bool:
    """A person asked for is named by two capitalised words or more, none an organisation's ("Lucy Guo", not
    "Scale AI"); any name may be anything else."""
    if kind.split()[-1].lower() not in _PERSON_KINDS:
        return True
    words = name.split()
    return len(words) >= 2 and not {w.lower() for w in words} & _ORGANISATION_WORDS
