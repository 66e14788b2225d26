"""Trafilatura against the folder loader's BeautifulSoup cleaning, on the bundled articles saved as news pages.

The bundled articles are plain text, so each is wrapped in a typical news page (navigation, a sidebar of
other headlines, share buttons, a newsletter box, related stories, a footer) and both extractors are run on
it. Reported per extractor: the share of the article's sentences found verbatim (recall) and how many of the
page's furniture lines leaked into the text. Run with ``python -m eval.compare_html``; asserts nothing.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from index import load_articles, split_sentences
from index.cleaning import clean_text
from index.extract import extract_text
from index.loader import _html_to_text

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FURNITURE = [
    "Home",
    "World Business Technology Markets",
    "Most read today",
    "Ten gadgets you need this summer",
    "Share on Facebook",
    "Sign up for our daily briefing",
    "Related stories",
    "Why chip stocks fell on Tuesday",
    "Copyright 2025 Example Media Group",
    "Privacy policy",
]


def news_page(title: str, date: str | None, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><title>{html.escape(title)} | Example News</title>
<meta property="og:site_name" content="Example News">
{f'<meta property="article:published_time" content="{date}">' if date else ""}</head><body>
<header><nav><a href="/">{FURNITURE[0]}</a> <span>{FURNITURE[1]}</span></nav></header>
<aside><h3>{FURNITURE[2]}</h3><ul><li><a href="/x">{FURNITURE[3]}</a></li></ul></aside>
<main><article><h1>{html.escape(title)}</h1>
<div class="share"><a href="/s">{FURNITURE[4]}</a></div>
{body}
<div class="newsletter"><p>{FURNITURE[5]}</p><form><input type="email"></form></div>
</article>
<section class="related"><h2>{FURNITURE[6]}</h2><ul><li><a href="/y">{FURNITURE[7]}</a></li></ul></section></main>
<footer><p>{FURNITURE[8]}</p><a href="/p">{FURNITURE[9]}</a></footer></body></html>"""


def main() -> None:
    # found, sentences, furniture leaked, seconds
    totals: dict[str, list[float]] = {"beautifulsoup": [0, 0, 0, 0.0], "trafilatura": [0, 0, 0, 0.0]}
    for article in load_articles(ARTICLES).articles:
        page = news_page(article.title, article.date, article.text.split("\n\n")[1:]).encode()
        reference = [s.text for s in split_sentences(article)][1:]  # the body's sentences (the title is the <h1>)
        started = time.perf_counter()
        body, title = _html_to_text(page.decode())
        bs_text = clean_text(body, title=title).text
        bs_s = time.perf_counter() - started
        started = time.perf_counter()
        tr_text = clean_text(extract_text("page.html", page).text).text
        tr_s = time.perf_counter() - started
        for name, text, seconds in (("beautifulsoup", bs_text, bs_s), ("trafilatura", tr_text, tr_s)):
            found = sum(s in text for s in reference)
            leaked = sum(f in text for f in FURNITURE)
            totals[name][0] += found
            totals[name][1] += len(reference)
            totals[name][2] += leaked
            totals[name][3] += seconds
            print(f"{article.article_id}  {name:13s} sentences {found:3d}/{len(reference):3d}  leaked {leaked}")
    print()
    for name, (hits, total, leaks, spent) in totals.items():
        print(
            f"{name:13s} sentence recall {hits / total:.3f} ({hits:.0f}/{total:.0f}), "
            f"furniture lines leaked {leaks:.0f} of {len(FURNITURE) * 5}, {spent * 1000:.0f} ms for 5 pages"
        )


if __name__ == "__main__":
    main()
