"""`rag index --watch`: a change to the folder is indexed without a command; a failing build keeps watching."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from index import BuildReport, IndexStoreError, build_index, load_index
from rag.settings import Settings
from rag.watch import folder_state, watch
from tests.fakes import HashingEncoder

pytestmark = pytest.mark.unit


def test_watch_reindexes_on_change(articles_dir: Path, tmp_path: Path) -> None:
    settings = Settings(articles_dir=articles_dir, index_dir=tmp_path / "index")
    encoder = HashingEncoder()
    build_index(articles_dir, settings.index_dir, encoder)
    outcomes: list[BuildReport | IndexStoreError] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=(settings, encoder, outcomes.append),
        kwargs={"interval_s": 0.05, "stop": stop, "since": folder_state(articles_dir)},
    )
    thread.start()
    try:
        (articles_dir / "new.md").write_text("# New\n\nQuorvex opened an office in Bergen.")
        deadline = time.monotonic() + 10
        while not outcomes and time.monotonic() < deadline:
            time.sleep(0.02)
        assert isinstance(outcomes[0], BuildReport) and outcomes[0].added == ["new"]
        assert "new" in load_index(settings.index_dir).articles
        for path in articles_dir.iterdir():
            path.unlink()  # an empty folder cannot be indexed: reported, and the watch goes on
        while len(outcomes) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert isinstance(outcomes[1], IndexStoreError) and thread.is_alive()
        assert "new" in load_index(settings.index_dir).articles  # the last good index stays
    finally:
        stop.set()
        thread.join(5)
