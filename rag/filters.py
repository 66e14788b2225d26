"""Which articles a question may be answered from: a date range and a list of sources (``/ask`` filters)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from index import LoadedIndex, StoreIndex

__all__ = ["ArticleFilter"]


@dataclass(frozen=True)
class ArticleFilter:
    """Articles dated within [since, until] (ISO dates; an undated article is left out once either is set) and,
    when ``sources`` is given, whose outlet or file name is one of them (case-insensitive)."""

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.sources)

    def allowed(self, index: LoadedIndex | StoreIndex) -> set[str]:
        """The ids of the articles of ``index`` that pass."""
        wanted = {s.strip().lower() for s in self.sources if s.strip()}
        out = set()
        for article in index.articles.values():
            if (self.since or self.until) and not article.date:
                continue
            if self.since and article.date and article.date < self.since:
                continue
            if self.until and article.date and article.date > self.until:
                continue
            if wanted:
                record = index.documents.get(article.article_id)
                names = {PurePath(article.source).name.lower(), PurePath(article.source).stem.lower()}
                if record is not None:
                    names |= {(record.source or "").lower(), record.filename.lower()}
                if not names & wanted:
                    continue
            out.add(article.article_id)
        return out
