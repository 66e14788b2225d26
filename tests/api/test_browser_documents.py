"""The page's documents panel in headless Chromium: upload a real PDF with the file picker, ask about it (the
citation shows its date), delete it with its button, and the same question abstains."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from index import build_index, load_index
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
from rag.settings import Settings
from tests.api.conftest import LiveServer, live_server
from tests.api.test_browser import CHROMIUM, CHROMIUM_ARGS
from tests.api.test_documents import FACT, QUESTION, grounded_reply
from tests.conftest import ARTICLES
from tests.documents_fixtures import make_pdf
from tests.fakes import HashingEncoder, ScriptedGenerator

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    root = tmp_path / "index"
    build_index(ARTICLES, root, HashingEncoder())
    settings = Settings(index_dir=root, articles_dir=ARTICLES, judge=False)

    def factory(s: Settings) -> AnswerPipeline:
        return assemble_pipeline(s, ScriptedGenerator(grounded_reply), load_index(s.index_dir), HashingEncoder())

    with live_server(create_app(settings, pipeline_factory=factory)) as running:
        yield running


@pytest.fixture
def page(server: LiveServer) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(20_000)
        yield page
        browser.close()


def _ask(page: Any, n: int) -> None:
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    page.wait_for_function(f"() => document.querySelectorAll('.answer:not(.streaming)').length === {n}")


def test_upload_ask_and_delete_through_the_page(server: LiveServer, page: Any, tmp_path: Path) -> None:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())  # "Delete …?" confirmation
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(
        make_pdf(["Quorvex report", FACT], title="Quorvex report", created=datetime(2031, 3, 1, tzinfo=UTC))
    )

    page.goto(server.url + "/")
    page.wait_for_selector("#status[data-state=ready]")
    page.set_input_files("#file-input", str(pdf))
    page.wait_for_selector("#document-list .document-title")
    assert page.inner_text("#document-list .document-title") == "Quorvex report"
    assert "pdf" in page.inner_text("#document-list .document-meta")
    assert "Added: Quorvex report" in page.inner_text("#upload-status")
    page.screenshot(path=str(tmp_path / "uploaded.png"), full_page=True)

    _ask(page, 1)
    assert "Tromso" in page.inner_text(".answer-text")
    assert "2031-03-01" in page.inner_text(".citations")  # the citation shows its document's date

    page.click("#document-list button")
    page.wait_for_function("() => document.querySelectorAll('#document-list .document').length === 0")
    assert "Deleted Quorvex report" in page.inner_text("#upload-status")
    _ask(page, 2)
    assert page.locator(".answer.abstained").count() == 1
    page.screenshot(path=str(tmp_path / "deleted.png"), full_page=True)

    # A file the service cannot read: the reason, naming the file, on the page.
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf")
    page.set_input_files("#file-input", str(fake))
    page.wait_for_selector("#upload-status.failed")
    assert "fake.pdf" in page.inner_text("#upload-status")
    assert not [p for p in problems if "422" not in p], problems  # the refused upload is the only console error
