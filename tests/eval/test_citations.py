"""ALCE citation recall and precision, with a fake support function and with the real verifier's rules."""

from collections.abc import Sequence

import pytest

from eval.citations import VerifierSupport, answer_sentences, score_citations
from rag.models import Citation
from tests.fakes import HashingEncoder

pytestmark = pytest.mark.unit


def _cite(n: int, quote: str, article_id: str = "a1") -> Citation:
    return Citation(
        n=n,
        article_id=article_id,
        chunk_id=f"{article_id}#0",
        title="T",
        quote=quote,
        start=0,
        end=len(quote),
        score=1.0,
        supported=True,
    )


def keyword_support(claim: str, cited: Sequence[Citation], question: str) -> bool:
    """Supported when every capitalised word or figure of the claim appears in the cited quotes."""
    text = " ".join(c.quote for c in cited)
    needed = [w.strip(".,") for w in claim.split() if w[:1].isupper() or w[:1].isdigit()]
    return all(w in text for w in needed)


def test_sentences_and_their_markers() -> None:
    answer = "Lucy Guo co-founded it [1][2]. It made $870 million [3]. Nothing cited here."
    assert answer_sentences(answer) == [
        ("Lucy Guo co-founded it.", [1, 2]),
        ("It made $870 million.", [3]),
        ("Nothing cited here.", []),
    ]


def test_marker_only_fragment_joins_the_sentence_before() -> None:
    assert answer_sentences("Lucy Guo. [2]") == [("Lucy Guo.", [2])]


def test_all_supported_and_needed() -> None:
    citations = [_cite(1, "Scale AI was co-founded by Lucy Guo."), _cite(2, "Revenue was $870 million.")]
    score = score_citations("Lucy Guo [1]. Revenue was $870 million [2].", citations, "q", keyword_support)
    assert score.recall == 1.0 and score.precision == 1.0 and score.n_citations == 2


def test_unsupported_sentence_lowers_recall_and_precision() -> None:
    citations = [_cite(1, "Scale AI was co-founded by Lucy Guo."), _cite(2, "Meta owns WhatsApp.")]
    score = score_citations("Lucy Guo [1]. Revenue was $870 million [2].", citations, "q", keyword_support)
    assert score.recall == 0.5 and score.precision == 0.5
    assert [s.supported for s in score.sentences] == [True, False]


def test_uncited_sentence_counts_against_recall_only() -> None:
    citations = [_cite(1, "Scale AI was co-founded by Lucy Guo.")]
    score = score_citations("Lucy Guo [1]. Lucy Guo again.", citations, "q", keyword_support)
    assert score.recall == 0.5 and score.precision == 1.0


def test_redundant_citation_is_imprecise() -> None:
    # [1] alone supports the sentence; [2] adds nothing, so it is irrelevant (ALCE conditions A and B).
    citations = [_cite(1, "Lucy Guo co-founded Scale AI in 2016."), _cite(2, "Meta owns WhatsApp.")]
    score = score_citations("Lucy Guo co-founded Scale AI [1][2].", citations, "q", keyword_support)
    assert score.recall == 1.0
    assert score.sentences[0].precise == [True, False] and score.precision == 0.5


def test_citations_needed_together_are_both_precise() -> None:
    citations = [_cite(1, "Lucy Guo co-founded it."), _cite(2, "Scale AI made 870 million dollars.")]
    answer = "Lucy Guo co-founded Scale AI, which made 870 million dollars [1][2]."
    score = score_citations(answer, citations, "q", keyword_support)
    assert score.recall == 1.0 and score.precision == 1.0


def test_no_citations_and_unknown_numbers() -> None:
    score = score_citations("Lucy Guo [7].", [_cite(1, "Lucy Guo.")], "q", keyword_support)
    assert score.recall == 0.0 and score.precision == 0.0 and score.n_citations == 0


def test_verifier_support_needs_names_and_figures_in_the_quotes() -> None:
    support = VerifierSupport(HashingEncoder(), threshold=0.3)
    quote = _cite(1, "Scale AI made $870 million in revenue in 2024. It was founded in 2016.")
    assert support("Scale AI made $870 million in revenue in 2024.", [quote], "How much revenue?")
    assert not support("Scale AI made $900 million in revenue in 2024.", [quote], "How much revenue?")
    assert not support("Lucy Guo made $870 million in revenue in 2024.", [quote], "How much revenue?")
