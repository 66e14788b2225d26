"""Extraction from real files made here: PDF (fpdf2), DOCX (python-docx), an HTML news page, Markdown, text."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from index import (
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractLimits,
    FormatMismatchError,
    UnreadableDocumentError,
    UnsupportedFormatError,
    extract_document,
    load_articles,
)
from index.extract import extract_text, safe_name
from tests.conftest import ARTICLES
from tests.documents_fixtures import NEWS_PAGE, make_docx, make_pdf

pytestmark = pytest.mark.unit

FACT = "Zorblax Labs said its lab in Reykjavik employs 42 engineers and cost $18 million."
LONG = (
    "This is a long sentence that the PDF writer has to wrap over more than one line of the page, so that "
    "the extractor must join the lines back into one sentence before the chunker sees it."
)


def test_pdf_text_title_and_date() -> None:
    data = make_pdf([FACT, LONG], title="Zorblax in Iceland", created=datetime(2025, 6, 14, tzinfo=UTC))
    article, extracted = extract_document("report.pdf", data)
    assert extracted.format == "pdf"
    assert article.title == "Zorblax in Iceland" and article.date == "2025-06-14"
    assert FACT in article.text
    # A sentence wrapped over lines comes back whole: the chunker splits sentences at line breaks.
    assert LONG in article.text
    assert article.article_id.startswith("doc-") and article.source == "report.pdf"


def test_pdf_pages_all_read_and_reflowed() -> None:
    data = make_pdf([f"Page {{page}} says the figure is {n} units." for n in range(3)], pages=4)
    article, _ = extract_document("pages.pdf", data)
    for page in range(1, 5):
        assert f"Page {page} says the figure is 2 units." in article.text


def test_encrypted_pdf_is_refused_clearly() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, FACT)
    with pytest.raises(UnreadableDocumentError, match=r"locked\.pdf: .*encrypted"):
        extract_document("locked.pdf", bytes(pdf.output()))


def test_malformed_pdf_is_refused_clearly() -> None:
    with pytest.raises(UnreadableDocumentError, match=r"broken\.pdf: not a readable PDF"):
        extract_document("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage\n%%EOF")


def test_pdf_without_text_is_empty() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()  # a blank page: a scan without OCR looks like this
    with pytest.raises(EmptyDocumentError, match=r"blank\.pdf: no text"):
        extract_document("blank.pdf", bytes(pdf.output()))


def test_a_pdf_that_is_not_a_pdf_is_named() -> None:
    with pytest.raises(FormatMismatchError, match=r"invoice\.pdf: named PDF but its content is not a PDF"):
        extract_document("invoice.pdf", b"just some text pretending\n")
    with pytest.raises(FormatMismatchError, match=r"notes\.txt: named as text but its content is a PDF"):
        extract_document("notes.txt", make_pdf([FACT]))


def test_unknown_type_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"setup\.exe: unsupported type '\.exe'"):
        extract_document("setup.exe", b"MZ\x90\x00\x03")


def test_docx_text_title_and_tables() -> None:
    data = make_docx([FACT, "Second paragraph about geothermal data."], heading="Zorblax goes north")
    article, extracted = extract_document("memo.docx", data)
    assert extracted.format == "docx"
    assert article.title == "Zorblax goes north"
    assert FACT in article.text and "Second paragraph about geothermal data." in article.text


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))  # 30 MB of zeros: ~30 KB compressed
    data = buffer.getvalue()
    assert len(data) < 100_000
    with pytest.raises(DocumentTooLargeError, match=r"bomb\.docx: word/document\.xml would inflate"):
        extract_document("bomb.docx", data)
    with pytest.raises(DocumentTooLargeError, match="uncompressed"):
        extract_document("bomb.docx", data, limits=ExtractLimits(max_zip_ratio=1e9, max_unzipped_bytes=1_000_000))


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(FormatMismatchError, match=r"fake\.docx: a zip archive but not a Word document"):
        extract_document("fake.docx", buffer.getvalue())


def test_html_news_page_main_text_and_metadata() -> None:
    article, extracted = extract_document("story.html", NEWS_PAGE.encode())
    assert extracted.format == "html"
    assert article.title == "Zorblax Labs opens a lab in Reykjavik"
    assert article.date == "2025-06-14" and extracted.site == "The Example Times"
    assert "opened a research lab in Reykjavik with 42 engineers" in article.text
    for furniture in ("Subscribe now", "Ten gadgets you need", "All rights reserved", "Most read"):
        assert furniture not in article.text


def test_tiny_html_falls_back_to_the_folder_cleaner() -> None:
    page = b"<html><body><h1>Short</h1><p>Zorblax hired 3 people.</p></body></html>"
    article, _ = extract_document("tiny.html", page)
    assert "Zorblax hired 3 people." in article.text


def test_markdown_and_text() -> None:
    article, extracted = extract_document("note.md", b"# Zorblax note\n\nZorblax hired **42** engineers.\n")
    assert extracted.format == "markdown" and article.title == "Zorblax note"
    assert "Zorblax hired 42 engineers." in article.text
    article, extracted = extract_document("plain.txt", b"date 2025-06-14 Zorblax headline\n\nZorblax hired 42.\n")
    assert extracted.format == "text" and article.date == "2025-06-14" and article.title == "Zorblax headline"


def test_limits_bytes_and_characters() -> None:
    with pytest.raises(DocumentTooLargeError, match=r"big\.txt: 2048 bytes; the limit is 1024"):
        extract_document("big.txt", b"a" * 2048, limits=ExtractLimits(max_bytes=1024))
    with pytest.raises(DocumentTooLargeError, match="characters"):
        extract_document("long.txt", ("word " * 1000).encode(), limits=ExtractLimits(max_chars=1000))


def test_empty_and_binary_text() -> None:
    with pytest.raises(EmptyDocumentError, match=r"empty\.txt"):
        extract_document("empty.txt", b" \n\n ")
    with pytest.raises(UnreadableDocumentError, match=r"bin\.txt: binary file"):
        extract_document("bin.txt", b"abc\x00def")


def test_a_path_in_the_name_is_dropped() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\me\\report.pdf") == "report.pdf"
    assert safe_name("..") == "document" and safe_name(None) == "document"
    article, _ = extract_document("../../../tmp/evil.txt", b"Zorblax hired 42 engineers.")
    assert article.source == "evil.txt"


def test_same_text_same_id() -> None:
    first, _ = extract_document("a.txt", b"Zorblax hired 42 engineers.")
    second, _ = extract_document("b.md", b"Zorblax hired 42 engineers.")
    assert first.article_id == second.article_id


def test_bundled_articles_extract_exactly_as_the_folder_loader_reads_them() -> None:
    """Uploading a bundled article gives the very text, title and date that `rag index` gives it."""
    folder = {a.article_id: a for a in load_articles(ARTICLES).articles}
    for path in sorted(Path(ARTICLES).glob("*.txt")):
        article, extracted = extract_document(path.name, path.read_bytes())
        expected = folder[path.stem]
        assert extracted.format == "text"
        assert (article.text, article.title, article.date, article.content_hash) == (
            expected.text,
            expected.title,
            expected.date,
            expected.content_hash,
        )


def test_format_is_sniffed_without_a_suffix() -> None:
    assert extract_text("upload", make_pdf([FACT])).format == "pdf"
    assert extract_text("upload", NEWS_PAGE.encode()).format == "html"
    assert extract_text("upload", b"plain words").format == "text"
