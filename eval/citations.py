"""ALCE-style citation quality: does each answer sentence's cited text support it, and is each citation needed?

Per answer (Gao et al. 2023, "Enabling Large Language Models to Generate Text with Citations"):
  * citation recall = share of answer sentences whose cited passages, taken together, support the sentence
    (a sentence without citations is unsupported);
  * citation precision = share of citations that are not irrelevant; a citation of a supported sentence is
    irrelevant when it does not support the sentence alone and the sentence's other citations still
    support it without it; citations of an unsupported sentence all count as imprecise; an answer with no
    citations has precision 0.

"Support" is a pluggable function. The harness uses ``VerifierSupport``: the project's own model-free
claim checker (``rag.stages.verify.Verifier`` with the embedding model) run on the sentence against the cited
quotes only. It is therefore not independent of the pipeline, which picked its quotes with the same
checker; ``eval/citation_handcheck.md`` records how often a person agrees with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from index import Article, TextEncoder, split_sentences
from rag.models import Citation
from rag.parsing import parse_markers, strip_markers
from rag.stages.evidence import content_words
from rag.stages.verify import Verifier

__all__ = ["CitationScore", "CitedSentence", "SupportFn", "VerifierSupport", "answer_sentences", "score_citations"]


class SupportFn(Protocol):
    """Whether ``cited`` (together) support ``claim``, an answer sentence to ``question``."""

    def __call__(self, claim: str, cited: Sequence[Citation], question: str) -> bool: ...


class CitedSentence(BaseModel):
    """One answer sentence, the citation numbers it carries, and the judgements on them."""

    sentence: str
    cited: list[int] = Field(default_factory=list)
    supported: bool = Field(description="its cited passages together support it (citation recall)")
    precise: list[bool] = Field(default_factory=list, description="per cited number: not irrelevant")


class CitationScore(BaseModel):
    """Citation recall and precision of one answer."""

    recall: float
    precision: float
    n_citations: int
    sentences: list[CitedSentence]


def answer_sentences(answer: str) -> list[tuple[str, list[int]]]:
    """The answer's sentences without markers, each with the citation numbers written in it.

    A fragment that is only markers ("... Guo. [1]") gives its numbers to the sentence before it.
    """
    pseudo = Article(article_id="answer", title="", text=answer, content_hash="")
    out: list[tuple[str, list[int]]] = []
    for sentence in split_sentences(pseudo):
        numbers = parse_markers(sentence.text)
        body = strip_markers(sentence.text)
        if not content_words(body):
            if out:
                prev_text, prev_numbers = out[-1]
                out[-1] = (prev_text, list(dict.fromkeys(prev_numbers + numbers)))
            continue
        out.append((body, numbers))
    return out


def score_citations(answer: str, citations: Sequence[Citation], question: str, supports: SupportFn) -> CitationScore:
    """ALCE citation recall and precision of ``answer``, whose ``[n]`` markers refer to ``citations``."""
    by_number = {c.n: c for c in citations}
    sentences: list[CitedSentence] = []
    for text, numbers in answer_sentences(answer):
        cited = [n for n in dict.fromkeys(numbers) if n in by_number]
        if not cited:
            sentences.append(CitedSentence(sentence=text, cited=[], supported=False, precise=[]))
            continue
        joint = supports(text, [by_number[n] for n in cited], question)
        if joint and len(cited) > 1:
            precise = []
            for n in cited:
                alone = supports(text, [by_number[n]], question)
                rest = [by_number[m] for m in cited if m != n]
                precise.append(alone or not supports(text, rest, question))
        else:
            precise = [joint] * len(cited)
        sentences.append(CitedSentence(sentence=text, cited=cited, supported=joint, precise=precise))
    n_citations = sum(len(s.cited) for s in sentences)
    return CitationScore(
        recall=sum(s.supported for s in sentences) / len(sentences) if sentences else 0.0,
        precision=sum(sum(s.precise) for s in sentences) / n_citations if n_citations else 0.0,
        n_citations=n_citations,
        sentences=sentences,
    )


class VerifierSupport:
    """Support by the project's verifier: names and figures must appear in the quotes, meaning must be close.

    Each cited quote is split into sentences (a baseline may cite a whole passage) and the verifier may
    combine up to three of them, as it does in the pipeline.
    """

    def __init__(self, encoder: TextEncoder, threshold: float = 0.55):
        self.verifier = Verifier(encoder, threshold=threshold)
        self._cache: dict[tuple[str, tuple[tuple[str, str], ...], str], bool] = {}

    def __call__(self, claim: str, cited: Sequence[Citation], question: str) -> bool:
        key = (claim, tuple((c.article_id, c.quote) for c in cited), question)
        if key not in self._cache:
            quotes = [Article(article_id=c.article_id, title="", text=c.quote, content_hash="") for c in cited]
            pool = [sentence for quote in quotes for sentence in split_sentences(quote)]
            titles = {c.article_id: c.title for c in cited}
            verdict = self.verifier.check(claim, pool, titles, question=question)
            self._cache[key] = bool(verdict.checks) and all(check.supported for check in verdict.checks)
        return self._cache[key]
