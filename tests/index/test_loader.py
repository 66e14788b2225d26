from pathlib import Path

import pytest

from index import NoArticlesError, load_articles

pytestmark = pytest.mark.unit


def test_reads_the_five_articles(articles_dir: Path) -> None:
    report = load_articles(articles_dir)
    assert sorted(a.article_id for a in report.articles) == sorted(p.stem for p in articles_dir.glob("*.txt"))
    assert report.skipped == []
    by_id = {a.article_id: a for a in report.articles}
    assert by_id["000_2525434c86abfa7a"].date == "2025-06-11"


def test_bad_files_are_skipped_and_the_rest_load(articles_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    (articles_dir / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (articles_dir / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (articles_dir / "empty.md").write_text("   \n\n")
    (articles_dir / "ignored.pdf").write_bytes(b"%PDF")
    report = load_articles(articles_dir)
    assert len(report.articles) == 5
    skipped = {p.name: reason for p, reason in report.skipped}
    assert set(skipped) == {"binary.txt", "latin1.txt", "empty.md"}
    assert "binary" in skipped["binary.txt"] and "UTF-8" in skipped["latin1.txt"] and "empty" in skipped["empty.md"]
    assert "binary.txt" in caplog.text


def test_html_is_parsed_not_regexed(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(
        "<html><head><title>Site | Story</title><script>var x = '<p>not text</p>';</script></head>"
        "<body><nav>Home About</nav><h1>Scale AI raises money</h1><p>Scale AI raised <b>US$1 billion</b>.</p>"
        "<p>It is valued at US$13.8 billion.</p><footer>Contact Us</footer></body></html>"
    )
    article = load_articles(tmp_path).articles[0]
    assert article.title == "Scale AI raises money"
    assert "Scale AI raised US$1 billion." in article.text
    assert "It is valued at US$13.8 billion." in article.text
    for junk in ("not text", "Home About", "var x", "Contact Us"):
        assert junk not in article.text


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("# Meta and Scale\n\nMeta **may** invest [a lot](http://x).\n")
    article = load_articles(tmp_path).articles[0]
    assert article.title == "Meta and Scale"
    assert "Meta may invest a lot." in article.text


def test_folder_without_articles_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoArticlesError, match="no readable"):
        load_articles(tmp_path)
    with pytest.raises(NoArticlesError, match="does not exist"):
        load_articles(tmp_path / "missing")
