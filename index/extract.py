"""Text and metadata out of an uploaded document: PDF, DOCX, HTML news pages, Markdown and plain text.

The type is decided by the file's bytes, not trusted from its name: a ``.pdf`` that is not a PDF is refused
with a message naming the file. Every parser runs within limits (bytes in, pages, characters out, and the
uncompressed size of a DOCX's zip members, so a zip bomb is refused before it is inflated).

The result goes through the same ``clean_text`` as the articles folder, so an upload's offsets, title and
``date`` prefix behave exactly like a bundled article's.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from typing import Literal

from index._exceptions import IndexStoreError
from index.cleaning import CLEANER_VERSION, clean_text
from index.loader import _decode, _html_to_text, _markdown_to_text
from index.models import Article

__all__ = [
    "DocumentFormat",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "ExtractLimits",
    "ExtractedDocument",
    "ExtractionError",
    "FormatMismatchError",
    "UnreadableDocumentError",
    "UnsupportedFormatError",
    "extract_document",
    "extract_text",
    "safe_name",
]

log = logging.getLogger(__name__)

DocumentFormat = Literal["pdf", "docx", "html", "markdown", "text"]

_SUFFIXES: dict[str, DocumentFormat] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


class ExtractionError(IndexStoreError):
    """A document could not be turned into text; the message names the file and says why."""


class UnsupportedFormatError(ExtractionError):
    """Neither the name nor the bytes say PDF, DOCX, HTML, Markdown or text."""


class FormatMismatchError(ExtractionError):
    """The file's name says one format and its bytes another (a ``.pdf`` that is not a PDF)."""


class DocumentTooLargeError(ExtractionError):
    """Over a size limit: bytes, pages, extracted characters or a zip member's uncompressed size."""


class UnreadableDocumentError(ExtractionError):
    """Malformed, encrypted or otherwise unparseable."""


class EmptyDocumentError(ExtractionError):
    """No text left after extraction and cleaning."""


@dataclass(frozen=True)
class ExtractLimits:
    """Bounds on what one document may cost to read."""

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 2000
    max_chars: int = 2_000_000
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_ratio: float = 200.0  # uncompressed / compressed, per member: far above real DOCX, far below a bomb


@dataclass(frozen=True)
class ExtractedDocument:
    """What a document's bytes say, before cleaning: its text and the metadata the format carries."""

    format: DocumentFormat
    text: str
    title: str | None = None
    date: str | None = None
    site: str | None = None


def safe_name(filename: str | None) -> str:
    """The last path component of a client's file name, with odd characters dropped (for display only)."""
    # Both separators: a Windows client's "C:\\docs\\a.pdf" is a path too. The name never reaches the file system.
    base = PurePath((filename or "").replace("\\", "/")).name
    cleaned = _SAFE_NAME.sub("_", base).strip(" .")
    return cleaned[:200] or "document"


def _sniff(data: bytes) -> DocumentFormat | None:
    """The format the bytes themselves announce; None for text (to be decoded) or unknown binary."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if _HTML_START.match(data[:4096]):
        return "html"
    return None


def _declared(name: str) -> DocumentFormat | None:
    return _SUFFIXES.get(PurePath(name).suffix.lower())


def _iso(value: object) -> str | None:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return None


def _reflow(page: str) -> str:
    """Rejoin a PDF page's wrapped lines into paragraphs: a line break inside a sentence is not a boundary."""
    paragraphs: list[str] = []
    current = ""
    for raw in page.splitlines():
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line  # a word hyphenated across lines
        else:
            current = f"{current} {line}" if current else line
        if re.search(r"[.!?:\"')\]]$", line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _pdf(name: str, data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only: those open; others are refused.
            try:
                reader.decrypt("")
                _ = len(reader.pages)
            except (FileNotDecryptedError, PyPdfError, NotImplementedError) as exc:
                raise UnreadableDocumentError(f"{name}: the PDF is encrypted and needs a password") from exc
        n_pages = len(reader.pages)
        if n_pages > limits.max_pages:
            raise DocumentTooLargeError(f"{name}: {n_pages} pages; the limit is {limits.max_pages}")
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > limits.max_chars:
                raise DocumentTooLargeError(f"{name}: more than {limits.max_chars} characters of text")
            pages.append(_reflow(text))
        meta = reader.metadata
        title = (meta.title if meta else None) or None
        when = _iso(meta.creation_date) if meta else None
    except ExtractionError:
        raise
    except Exception as exc:  # pypdf raises many types on hostile input (KeyError, struct errors, recursion...)
        raise UnreadableDocumentError(f"{name}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
    return ExtractedDocument("pdf", "\n\n".join(p for p in pages if p), title=_clip(title), date=when)


def _check_zip(name: str, data: bytes, limits: ExtractLimits) -> None:
    """Refuse a zip whose members would inflate past the limits, before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocumentError(f"{name}: not a readable DOCX (broken zip: {exc})") from exc
    if "word/document.xml" not in names:
        raise FormatMismatchError(f"{name}: a zip archive but not a Word document (no word/document.xml)")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1_000_000 and ratio > limits.max_zip_ratio:
            raise DocumentTooLargeError(
                f"{name}: {member.filename} would inflate {ratio:.0f}-fold to {member.file_size} bytes (a zip bomb?)"
            )
    if total > limits.max_unzipped_bytes:
        raise DocumentTooLargeError(
            f"{name}: {total} bytes uncompressed; the limit is {limits.max_unzipped_bytes} (a zip bomb?)"
        )


def _docx(name: str, data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    _check_zip(name, data, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        title: str | None = document.core_properties.title or None
        when = _iso(document.core_properties.created)
        lines: list[str] = []
        for paragraph in document.paragraphs:
            text = paragraph.text.strip()
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if text and title is None and style in {"Title", "Heading 1"}:
                title = text
            lines.append(text)
        for table in document.tables:
            for row in table.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    lines.append(" | ".join(cells))
    except Exception as exc:  # python-docx/lxml raise many types on malformed parts (KeyError, XMLSyntaxError...)
        raise UnreadableDocumentError(f"{name}: not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    return ExtractedDocument("docx", "\n".join(lines), title=_clip(title), date=when)


def _html(name: str, data: bytes) -> ExtractedDocument:
    raw = _decode_named(name, data)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, include_tables=True, deduplicate=True
        )
    except Exception as exc:  # a parser failure on odd markup: fall back to the folder loader's cleaning
        log.warning("trafilatura failed on %s (%s): using BeautifulSoup", name, exc)
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # Too little for trafilatura to call it an article (a short page): the folder loader's cleaning.
        body, title = _html_to_text(raw)
        return ExtractedDocument("html", body, title=_clip(title))
    assert doc is not None
    return ExtractedDocument(
        "html",
        text,
        title=_clip(getattr(doc, "title", None)),
        date=_date_only(getattr(doc, "date", None)),
        site=_clip(getattr(doc, "sitename", None)),
    )


def _date_only(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return value[:10]
    return None


def _clip(value: object, limit: int = 300) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] or None


def _decode_named(name: str, data: bytes) -> str:
    try:
        return _decode(data)
    except ValueError as exc:
        raise UnreadableDocumentError(f"{name}: {exc}") from exc


def extract_text(filename: str, data: bytes, limits: ExtractLimits | None = None) -> ExtractedDocument:
    """Decide the format from the bytes (checked against the name) and extract text and metadata."""
    limits = limits or ExtractLimits()
    name = safe_name(filename)
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(f"{name}: {len(data)} bytes; the limit is {limits.max_bytes}")
    declared = _declared(name)
    sniffed = _sniff(data)
    if declared is None and PurePath(name).suffix and sniffed is None:
        raise UnsupportedFormatError(
            f"{name}: unsupported type {PurePath(name).suffix!r}; send PDF, DOCX, HTML, Markdown or text"
        )
    if declared in {"pdf", "docx"} and sniffed != declared:
        raise FormatMismatchError(f"{name}: named {declared.upper()} but its content is not a {declared.upper()}")
    if declared in {"text", "markdown"} and sniffed in {"pdf", "docx"}:
        raise FormatMismatchError(f"{name}: named as text but its content is a {sniffed.upper()}")
    kind: DocumentFormat = declared or sniffed or "text"
    if kind == "html" or (kind == "text" and sniffed == "html" and declared is None):
        return _html(name, data)
    if kind == "pdf":
        return _pdf(name, data, limits)
    if kind == "docx":
        return _docx(name, data, limits)
    raw = _decode_named(name, data)
    if kind == "markdown":
        text, title = _markdown_to_text(raw)
        return ExtractedDocument("markdown", text, title=_clip(title))
    return ExtractedDocument("text", raw)


def document_id(article_text: str) -> str:
    """Uploaded documents are named by their content: the same text uploaded twice is one document."""
    return "doc-" + hashlib.sha256(article_text.encode()).hexdigest()[:16]


def extract_document(
    filename: str,
    data: bytes,
    *,
    title: str | None = None,
    date: str | None = None,
    limits: ExtractLimits | None = None,
) -> tuple[Article, ExtractedDocument]:
    """A cleaned ``Article`` ready for the index, and what extraction found; ``title``/``date`` override it."""
    limits = limits or ExtractLimits()
    name = safe_name(filename)
    extracted = extract_text(filename, data, limits)
    cleaned = clean_text(extracted.text, title=title or extracted.title)
    if not cleaned.text.strip():
        raise EmptyDocumentError(f"{name}: no text left after extraction ({extracted.format})")
    if len(cleaned.text) > limits.max_chars:
        raise DocumentTooLargeError(f"{name}: {len(cleaned.text)} characters; the limit is {limits.max_chars}")
    when = date or cleaned.date or extracted.date
    digest = hashlib.sha256(f"{CLEANER_VERSION}\n{cleaned.title}\n{when}\n{cleaned.text}".encode()).hexdigest()
    article = Article(
        article_id=document_id(cleaned.text),
        title=cleaned.title,
        date=when,
        text=cleaned.text,
        source=name,
        content_hash=digest,
    )
    return article, extracted
