"""Turn a raw article into clean text: no site boilerplate, normalised punctuation, a title and a date."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CLEANER_VERSION", "CleanedText", "clean_text"]

# Bump when the rules change: content hashes include it, so every article is re-chunked.
CLEANER_VERSION = "2"

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", re.IGNORECASE)
# A footer marker ends the article: everything from it on is site furniture, not reporting.
_FOOTER_MARKERS = re.compile(r"^(impact score|contact us|contact form|related (articles|posts|stories))$", re.I)
_BOILERPLATE_LINES = re.compile(
    r"^(uploaded by\b.*|got questions\?.*|clicking next sends a verification code.*"
    r"|please check your email for a verification code.*|share this article.*|advertisement|subscribe.*"
    r"|sign up for our newsletter.*)$",
    re.IGNORECASE,
)
_PUNCT = str.maketrans({"´": "'", "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_SPACES = re.compile(r"[ \t\f\v]+")
_TITLE_MAX = 160


@dataclass(frozen=True)
class CleanedText:
    """The outcome of cleaning: article body, a title and the date if the source gave one."""

    text: str
    title: str
    date: str | None


def _title_from(paragraphs: list[str]) -> str:
    first = paragraphs[0]
    # A short first line without a closing full stop reads as a headline.
    if len(first) <= _TITLE_MAX and not first.endswith("."):
        return first
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sentence if len(sentence) <= _TITLE_MAX else sentence[: _TITLE_MAX - 1].rstrip() + "…"


def clean_text(raw: str, title: str | None = None) -> CleanedText:
    """Clean raw article text; ``title`` overrides the derived one (e.g. an HTML <title>)."""
    # Punctuation first: NFKC would turn "´" into a space and a combining accent.
    text = unicodedata.normalize("NFKC", raw.replace("\r\n", "\n").replace("\r", "\n").translate(_PUNCT))
    date = None
    match = _DATE_PREFIX.match(text)
    if match:
        date = match.group(1)
        text = text[match.end() :]
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            continue
        if _FOOTER_MARKERS.match(line):
            # A bare number right before the marker is its score widget ("77 / Impact Score").
            if paragraphs and paragraphs[-1].isdigit():
                paragraphs.pop()
            break
        if _BOILERPLATE_LINES.match(line):
            continue
        paragraphs.append(line)
    if not paragraphs:
        return CleanedText(text="", title=title or "", date=date)
    return CleanedText(text="\n\n".join(paragraphs), title=(title or "").strip() or _title_from(paragraphs), date=date)
