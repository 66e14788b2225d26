"""The web page in headless Chromium: ask, watch the answer stream in, open a citation, follow up.

A real uvicorn server on loopback with a scripted model (fast and deterministic); Debian's chromium driven by
Playwright. The screenshots land in the test's tmp_path.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from rag.settings import Settings
from tests.api.conftest import QUESTION, LiveServer, PipelineMaker, SlowGenerator, live_server

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def server(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> Iterator[LiveServer]:
    settings = fake_settings(judge=False)
    # 40 ms a token: slow enough to see the answer arrive in pieces, fast enough for a test.
    pipeline = make_pipeline(settings, SlowGenerator(delay=0.04))
    with live_server(create_app(settings, pipeline_factory=lambda _s: pipeline)) as running:
        yield running


@pytest.fixture
def page(server: LiveServer) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def test_ask_stream_cite_and_follow_up(server: LiveServer, page: Any, tmp_path: Path) -> None:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((server.url, "data:")) else outside.append(r.url))
    asked: list[dict[str, Any]] = []
    page.on("request", lambda r: asked.append(json.loads(r.post_data)) if r.url.endswith("/ask/stream") else None)

    page.goto(server.url + "/")
    page.wait_for_selector("#status[data-state=ready]")
    assert "fake/slow" in page.inner_text("#status")

    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    # Streaming: part of the answer is on the page while the model is still writing.
    page.wait_for_function(
        "() => { const a = document.querySelector('.answer.streaming .answer-text');"
        " return a && a.textContent.trim().split(/\\s+/).length >= 3; }"
    )
    partial = page.inner_text(".answer-text")
    page.screenshot(path=str(tmp_path / "streaming.png"), full_page=True)
    page.wait_for_selector(".answer:not(.streaming) .citations .citation-title")
    final = page.inner_text(".answer-text")
    assert len(final) > len(partial) and "[1]" in final
    page.screenshot(path=str(tmp_path / "answer.png"), full_page=True)

    # A citation opens the article beside the conversation, the quoted sentence highlighted and in view.
    link = page.locator(".citation-title").first
    quote = link.get_attribute("title")
    link.click()
    mark = page.wait_for_selector("#reader:not([hidden]) mark.highlight")
    assert mark.inner_text() == quote
    assert page.locator("#reader mark.highlight").is_visible()
    assert page.evaluate(
        "() => { const m = document.querySelector('#reader mark').getBoundingClientRect();"
        " const r = document.querySelector('#reader').getBoundingClientRect();"
        " return m.top >= r.top && m.bottom <= r.bottom; }"
    )
    assert "article=" in page.url
    page.screenshot(path=str(tmp_path / "citation.png"), full_page=False)

    # A follow-up in the same conversation carries the earlier turns.
    page.fill("#question", "Who founded it?")
    page.click("#ask-button")
    page.wait_for_function("() => document.querySelectorAll('.answer:not(.streaming) .citations').length === 2")
    assert asked[0]["history"] == []
    assert [turn["role"] for turn in asked[1]["history"]] == ["user", "assistant"]
    assert asked[1]["history"][0]["content"] == QUESTION
    page.screenshot(path=str(tmp_path / "follow-up.png"), full_page=True)

    assert not problems, problems  # no script errors, no CSP violations
    assert not outside, outside  # nothing fetched from anywhere but the server


def test_disagreeing_reports_are_shown_side_by_side(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker, tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    settings = fake_settings(judge=False, gather_passages=200, context_mode="retrieval")
    pipeline = make_pipeline(settings)
    with (
        live_server(create_app(settings, pipeline_factory=lambda _s: pipeline)) as running,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.set_default_timeout(15_000)
        page.goto(running.url + "/")
        page.wait_for_selector("#status[data-state=ready]")
        page.fill("#question", "What was Scale AI valued at in 2024?")
        page.press("#question", "Enter")
        page.wait_for_selector(".answer:not(.streaming) table.values.conflict")
        rows = page.locator("table.values tr.value")
        assert rows.count() >= 2
        values = [rows.nth(i).locator(".value-text").inner_text() for i in range(rows.count())]
        assert any("nine billion" in v for v in values) and any("14" in v for v in values)
        # Each value links to the sentences that state it; a link opens the article at that sentence.
        for i in range(rows.count()):
            assert rows.nth(i).locator("a.value-source").count() >= 1
        link = rows.first.locator("a.value-source").first
        quote = link.get_attribute("title")
        link.click()
        mark = page.wait_for_selector("#reader:not([hidden]) mark.highlight")
        assert mark is not None and mark.inner_text() == quote
        page.screenshot(path=str(tmp_path / "conflict.png"), full_page=True)
        browser.close()
