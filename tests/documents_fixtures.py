"""Real documents written by the tests themselves: a PDF (fpdf2), a DOCX (python-docx), a saved news page."""

from __future__ import annotations

import io
from datetime import datetime

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Zorblax Labs opens a lab in Reykjavik | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="og:title" content="Zorblax Labs opens a lab in Reykjavik">
<meta property="article:published_time" content="2025-06-14T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/subscribe">Subscribe now</a></nav></header>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ten gadgets you need</a></li></ul></aside>
<main><article>
<h1>Zorblax Labs opens a lab in Reykjavik</h1>
<p class="byline">By Ada Example, June 14, 2025</p>
<p>Zorblax Labs, a data labeling company, said on Saturday that it opened a research lab in Reykjavik
with 42 engineers.</p>
<p>The company said the lab would focus on labeling geothermal sensor data for industrial customers
in Iceland and Norway.</p>
<p>Chief executive Mira Quell said the lab cost about $18 million to build and would double in size by 2027.</p>
</article></main>
<footer><p>Contact us</p><p>Copyright 2025 The Example Times. All rights reserved.</p></footer>
</body></html>
"""


def make_pdf(
    paragraphs: list[str], *, title: str | None = None, pages: int = 1, created: datetime | None = None
) -> bytes:
    """A real PDF with ``paragraphs`` on each of ``pages`` pages (and a title and creation date in its metadata)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if title:
        pdf.set_title(title)
    if created:
        pdf.set_creation_date(created)
    for page in range(pages):
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph.replace("{page}", str(page + 1)))
            pdf.ln(3)
    return bytes(pdf.output())


def make_docx(paragraphs: list[str], *, title: str | None = None, heading: str | None = None) -> bytes:
    """A real Word document: an optional heading, then one paragraph each."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
