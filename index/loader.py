"""Read a folder of .txt, .md and .html articles into cleaned ``Article`` records."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from index._exceptions import NoArticlesError
from index.cleaning import CLEANER_VERSION, clean_text
from index.models import Article

__all__ = ["SUPPORTED_SUFFIXES", "LoadReport", "load_articles"]

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_MARKUP = re.compile(r"(\*\*|__|`|^\s{0,3}>\s?|^\s*[-*+]\s+)", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg")
_HTML_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "div", "br")


@dataclass(frozen=True)
class LoadReport:
    """Articles read and files skipped, with the reason for each skip."""

    articles: list[Article]
    skipped: list[tuple[Path, str]]


def _html_to_text(raw: str) -> tuple[str, str | None]:
    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(_HTML_DROP):
        tag.decompose()
    title = None
    heading = soup.find("h1")
    if heading is not None and heading.get_text(strip=True):
        title = heading.get_text(" ", strip=True)
    elif soup.title is not None and soup.title.get_text(strip=True):
        title = soup.title.get_text(" ", strip=True)
    body = soup.body or soup
    # Block elements become paragraph breaks; inline ones join with spaces.
    for block in body.find_all(_HTML_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    return body.get_text(), title


def _markdown_to_text(raw: str) -> tuple[str, str | None]:
    title = None
    lines = []
    for line in raw.splitlines():
        heading = _MD_HEADING.match(line)
        if heading:
            title = title or heading.group(1)
            line = heading.group(1)
        lines.append(line)
    text = _MD_LINK.sub(r"\1", "\n".join(lines))
    return _MD_MARKUP.sub("", text), title


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def _read_one(path: Path) -> Article:
    raw = _decode(path.read_bytes())
    suffix = path.suffix.lower()
    title: str | None = None
    if suffix in {".html", ".htm"}:
        raw, title = _html_to_text(raw)
    elif suffix in {".md", ".markdown"}:
        raw, title = _markdown_to_text(raw)
    cleaned = clean_text(raw, title=title)
    if not cleaned.text.strip():
        raise ValueError("empty after cleaning")
    digest = hashlib.sha256(f"{CLEANER_VERSION}\n{cleaned.title}\n{cleaned.date}\n{cleaned.text}".encode()).hexdigest()
    return Article(
        article_id=path.stem,
        title=cleaned.title,
        date=cleaned.date,
        text=cleaned.text,
        source=str(path),
        content_hash=digest,
    )


def _candidates(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith("."):
            yield path


def load_articles(folder: Path) -> LoadReport:
    """Load every supported article under ``folder``; unreadable files are skipped with a warning."""
    if not folder.is_dir():
        raise NoArticlesError(f"articles folder {folder} does not exist or is not a directory")
    articles: dict[str, Article] = {}
    skipped: list[tuple[Path, str]] = []
    for path in _candidates(folder):
        try:
            article = _read_one(path)
        except (OSError, ValueError) as exc:
            log.warning("skipping %s: %s", path, exc)
            skipped.append((path, str(exc)))
            continue
        if article.article_id in articles:
            reason = f"duplicate article id {article.article_id!r} (file stem) — already read from another file"
            log.warning("skipping %s: %s", path, reason)
            skipped.append((path, reason))
            continue
        articles[article.article_id] = article
    if not articles:
        raise NoArticlesError(f"no readable .txt/.md/.html article under {folder}")
    return LoadReport(articles=list(articles.values()), skipped=skipped)
