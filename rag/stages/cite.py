"""Renders a verified answer: ``[n]`` after each supported claim, one citation per distinct quote.

A gathered report (``rag.stages.gather``) is rendered here too: each value with the articles that state it,
their titles and dates, and a citation for each.
"""

from __future__ import annotations

from collections.abc import Sequence

from index import SearchHit, Sentence
from rag.models import Citation, ListedItem, ReportedValue
from rag.stages.gather import Gathered, ValueGroup
from rag.stages.identify import Identified
from rag.stages.lists import GatheredList
from rag.stages.naming import Named
from rag.stages.polarity import Negated
from rag.stages.status import Status
from rag.stages.verify import Verdict

__all__ = ["CitationRenderer"]


class CitationRenderer:
    def __init__(
        self,
        titles: dict[str, str],
        dates: dict[str, str | None] | None = None,
        sources: dict[str, str | None] | None = None,
    ):
        self.titles = titles
        self.dates = dates or {}  # article id -> publication date, shown with each citation
        self.sources = sources or {}  # uploaded document id -> its outlet

    def run(self, verdict: Verdict, hits: Sequence[SearchHit]) -> tuple[str, list[Citation]]:
        numbering = _Numbering(self, hits)
        parts = []
        for check in verdict.checks:
            if not check.supported:
                continue  # generic filler without figures or names; the answerable gate allowed dropping it
            marks = numbering.marks(check.sentences, check.score)
            claim = check.claim.rstrip()
            end = claim[-1] if claim and claim[-1] in ".!?" else ""
            body = claim[:-1] if end else claim
            parts.append(f"{body} {marks}{end or '.'}")
        return " ".join(parts), numbering.citations

    def report(self, gathered: Gathered, hits: Sequence[SearchHit]) -> tuple[str, list[Citation], list[ReportedValue]]:
        """The gathered values as an answer: what the question asked of them, each value cited to its articles."""
        numbering = _Numbering(self, hits)
        family = gathered.family
        groups = list(gathered.groups)
        numeric = [g for g in groups if g.value is not None]
        if gathered.asks in ("highest", "lowest", "range") and numeric:
            high = max(numeric, key=lambda g: g.value or 0.0)
            low = min(numeric, key=lambda g: g.value or 0.0)
            if gathered.asks == "highest" or (gathered.asks == "range" and high is low):
                text = f"The highest {family} figure the reports give is {self._stated(high, numbering)}."
            elif gathered.asks == "lowest":
                text = f"The lowest {family} figure the reports give is {self._stated(low, numbering)}."
            else:
                text = (
                    f"The highest {family} figure the reports give is {self._stated(high, numbering)}; "
                    f"the lowest is {self._stated(low, numbering)}."
                )
            shown = [high, low] if high is not low else [high]
        elif gathered.asks in ("latest", "earliest") and (
            chosen := _newest(groups, self.dates, latest=gathered.asks == "latest")
        ):
            which = "most recent" if gathered.asks == "latest" else "earliest"
            text = f"The {which} report gives {self._stated(chosen, numbering)}."
            if any(not self.dates.get(a) for g in groups for a in g.articles):
                text += " Some of the reports carry no date, so they could not be placed in time."
            shown = [chosen]
        else:
            listed = "; ".join(self._stated(g, numbering) for g in groups)
            lead = "Reports differ on the" if gathered.conflict else "The articles give the"
            text = f"{lead} {family}: {listed}."
            shown = groups
        values = [
            ReportedValue(
                value=g.text,
                amount=g.value,
                citations=sorted({numbering.number(r.sentence) for r in g.readings}),
                article_ids=sorted(g.articles),
            )
            for g in shown
        ]
        return text, numbering.citations, values

    def listing(
        self, gathered: GatheredList, hits: Sequence[SearchHit]
    ) -> tuple[str, list[Citation], list[ListedItem]]:
        """A list gathered across the articles: every item once, cited to each sentence that names it."""
        numbering = _Numbering(self, hits)
        parts = [f"{item.text} {numbering.marks(item.sentences, 1.0)}" for item in gathered.items]
        listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
        items = [
            ListedItem(
                text=item.text,
                citations=sorted({numbering.number(s) for s in item.sentences}),
                article_ids=sorted(item.articles),
            )
            for item in gathered.items
        ]
        if gathered.besides:
            return f"Besides {gathered.besides}, the articles name {listed}.", numbering.citations, items
        if gathered.kinds:
            return f"The articles name these kinds of {gathered.kind}: {listed}.", numbering.citations, items
        kind = gathered.kind if gathered.kind.endswith("s") else gathered.kind + "s"  # "every customer"
        return f"The articles name these {kind}: {listed}.", numbering.citations, items

    def naming(self, named: Named, hits: Sequence[SearchHit]) -> tuple[str, list[Citation]]:
        """The name a sentence gives the asked thing, cited to it: "Power8 [1]." """
        numbering = _Numbering(self, hits)
        return f"{named.name} {numbering.marks([named.sentence], 1.0)}.", numbering.citations

    def denying(self, negated: Negated, hits: Sequence[SearchHit]) -> tuple[str, list[Citation]]:
        """ "No", and the sentence that says so, cited: "No. The terms of the deal are not finalised … [1]." """
        numbering = _Numbering(self, hits)
        said = negated.sentence.text.rstrip().rstrip(".")
        return f"No. {said} {numbering.marks([negated.sentence], 1.0)}.", numbering.citations

    def identifying(
        self, description: str, identified: Identified, hits: Sequence[SearchHit]
    ) -> tuple[str, list[Citation]]:
        """Which subject a description means, cited to the sentences that say so: "The company that developed
        Defense Llama is Scale AI [1][2]." """
        numbering = _Numbering(self, hits)
        marks = numbering.marks(identified.sentences, 1.0)
        return f"{description[:1].upper()}{description[1:]} is {identified.name} {marks}.", numbering.citations

    def status(self, status: Status, hits: Sequence[SearchHit]) -> tuple[str, list[Citation], list[ReportedValue]]:
        """Whether a thing is out, each report's words quoted and cited; both sides where reports differ."""
        numbering = _Numbering(self, hits)
        out = "; ".join(self._sourced(f'"{s.words}"', [s.sentence], numbering) for s in status.out)
        coming = "; ".join(self._sourced(f'"{s.words}"', [s.sentence], numbering) for s in status.coming)
        if status.conflict:
            text = f"Reports differ on {status.thing}: out — {out}; still to come — {coming}."
        elif out:
            text = f"The articles say {status.thing} is out: {out}."
        else:
            text = f"The articles say {status.thing} is still to come: {coming}."
        values = [
            ReportedValue(value=s.words, citations=[numbering.number(s.sentence)], article_ids=[s.sentence.article_id])
            for s in (*status.out, *status.coming)
        ]
        return text, numbering.citations, values

    def _stated(self, group: ValueGroup, numbering: _Numbering) -> str:
        """'about US$14 billion in "Title" (2025-06-12) [1] and "Other" (date not given) [2]'"""
        return self._sourced(group.text, [reading.sentence for reading in group.readings], numbering)

    def _sourced(self, text: str, said: Sequence[Sentence], numbering: _Numbering) -> str:
        """``text`` with the titles, dates and citations of the sentences that say it, by article."""
        by_article: dict[str, list[Sentence]] = {}
        for sentence in said:
            by_article.setdefault(sentence.article_id, []).append(sentence)
        sources = []
        for article_id, sentences in by_article.items():
            title = _short(self.titles.get(article_id, "") or article_id)
            date = self.dates.get(article_id) or "date not given"
            outlet = self.sources.get(article_id)
            where = f"{outlet}, {date}" if outlet else date
            sources.append(f'"{title}" ({where}) {numbering.marks(sentences, 1.0)}')
        return f"{text} in {' and '.join(sources)}"


class _Numbering:
    """Citation numbers in order of first mention, one per distinct sentence."""

    def __init__(self, renderer: CitationRenderer, hits: Sequence[SearchHit]):
        self.renderer = renderer
        self.hits = hits
        self.numbers: dict[tuple[str, int], int] = {}
        self.citations: list[Citation] = []

    def number(self, sentence: Sentence, score: float = 1.0) -> int:
        key = (sentence.article_id, sentence.start)
        if key not in self.numbers:
            r = self.renderer
            self.numbers[key] = len(self.numbers) + 1
            self.citations.append(
                Citation(
                    n=self.numbers[key],
                    article_id=sentence.article_id,
                    chunk_id=_chunk_id(sentence, self.hits),
                    title=r.titles.get(sentence.article_id, ""),
                    quote=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                    score=round(score, 4),
                    supported=True,
                    date=r.dates.get(sentence.article_id),
                    source=r.sources.get(sentence.article_id),
                )
            )
        return self.numbers[key]

    def marks(self, sentences: Sequence[Sentence], score: float) -> str:
        return "".join(f"[{self.number(s, score)}]" for s in dict.fromkeys(sentences))


def _newest(groups: Sequence[ValueGroup], dates: dict[str, str | None], *, latest: bool) -> ValueGroup | None:
    """What the most recent (or earliest) dated article states, its readings only; None when none is dated."""
    dated = [(d, a, g) for g in groups for a in g.articles if (d := dates.get(a))]
    if not dated:
        return None
    _, article, group = (max if latest else min)(dated, key=lambda p: p[0])
    return ValueGroup(group.key, tuple(r for r in group.readings if r.sentence.article_id == article))


def _short(title: str, limit: int = 80) -> str:
    """A title cut at a word before ``limit`` characters: some articles' first sentence serves as their title."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _chunk_id(sentence: Sentence, hits: Sequence[SearchHit]) -> str:
    """The retrieved chunk holding the sentence, or a sentence anchor when none of them does (corpus mode)."""
    for hit in hits:
        c = hit.chunk
        if c.article_id == sentence.article_id and c.start <= sentence.start and sentence.end <= c.end:
            return c.chunk_id
    return f"{sentence.article_id}#sentence-{sentence.start}"
