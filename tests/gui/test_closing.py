"""Closing the window: never while a job thread runs, and without decoding queued thumbnails."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from photodedup.core import pipeline
from photodedup.gui.controller import JobKind
from photodedup.gui.main_window import MainWindow
from photodedup.gui.thumbnails import ThumbnailLoader

if TYPE_CHECKING:
    from fixtures_shell import Library

pytest_plugins = ("fixtures_shell",)


def test_closing_during_a_scan_waits_for_the_scan_thread(
    qtbot, window: MainWindow, shell_library: Library, monkeypatch
):
    real_scan = pipeline.run_scan
    release = threading.Event()
    scan_ended = threading.Event()

    def slow_to_stop(options, progress=None, cancel=None):
        # A stage that notices the cancel late: the thread outlives the close request.
        result = real_scan(options, progress, cancel)
        release.wait(10)
        scan_ended.set()
        return result

    monkeypatch.setattr(pipeline, "run_scan", slow_to_stop)
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    window.scan_panel.scan_button.click()
    assert window.controller.job is JobKind.SCAN

    window.close()
    # The thread still runs: the window stays, says so, and the scan was told to stop.
    assert window.isVisible()
    assert window.controller.cancel_requested
    assert window.statusBar().currentMessage() == "Finishing..."
    release.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert scan_ended.is_set() and window.controller.job is None


def test_closing_drops_queued_thumbnails(window: MainWindow, tmp_path: Path, draw):
    # One big picture drawn, 40 copies: each path is its own request, and drawing 40 took 6 s.
    first = draw(tmp_path / "big0.png", (2000, 1500), 0)
    paths = [first, *(Path(shutil.copy(first, tmp_path / f"big{n}.png")) for n in range(1, 40))]
    loader = window.findChildren(ThumbnailLoader)[0]
    for p in paths:
        st = p.stat()
        loader.request(str(p), st.st_mtime_ns, st.st_size, 256)
    assert loader.pending_count() > 10
    window.close()
    assert not window.isVisible()
    # Only decodes already running were waited for; the rest of the queue was dropped.
    assert loader.pending_count() <= 2
