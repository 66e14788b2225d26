"""``rag index --watch``: follow the articles folder, re-indexing (incrementally) whenever a file changes.

Polling rather than inotify: it works on every file system, and a folder of articles changes rarely. A running
service picks each new generation up before its next question.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from index import BuildReport, Embedder, IndexStoreError
from index.loader import SUPPORTED_SUFFIXES
from rag.runtime import build
from rag.settings import Settings

__all__ = ["folder_state", "watch"]

FolderState = dict[str, tuple[int, int]]


def folder_state(folder: Path) -> FolderState:
    """Each article file's modification time and size: what a change to the folder changes."""
    state: FolderState = {}
    if not folder.is_dir():
        return state
    for path in folder.rglob("*"):
        if path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith("."):
            try:
                stat = path.stat()
            except OSError:
                continue  # removed between the listing and the stat
            state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


def watch(
    settings: Settings,
    encoder: Embedder,
    on_build: Callable[[BuildReport | IndexStoreError], None],
    *,
    interval_s: float = 2.0,
    stop: threading.Event | None = None,
    since: FolderState | None = None,
) -> None:
    """Re-index ``settings.articles_dir`` after each change until ``stop`` is set (Ctrl-C for the CLI).

    A build that fails (e.g. the folder emptied) is reported through ``on_build`` and the watch goes on.
    ``since`` is the folder as last indexed (default: as it is now).
    """
    stop = stop or threading.Event()
    last = folder_state(settings.articles_dir) if since is None else since
    while not stop.wait(interval_s):
        state = folder_state(settings.articles_dir)
        if state == last:
            continue
        last = state
        try:
            on_build(build(settings, encoder))
        except IndexStoreError as exc:
            on_build(exc)
