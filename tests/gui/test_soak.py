"""Soak: many scan, review, trash and undo cycles in the real window leave nothing behind."""

from __future__ import annotations

import gc
import logging
import os
from collections import Counter
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from photodedup.gui.main_window import MainWindow

if TYPE_CHECKING:
    from fixtures_shell import Library

pytest_plugins = ("fixtures_shell",)

#: 0.1-0.25 s a cycle: the suite runs 30 (a leak of one object a cycle already shows), CI's
#: soak step 200 (.ci/run).
CYCLES = int(os.environ.get("PHOTODEDUP_SOAK_CYCLES", "30"))
WARM_UP = 5


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def live() -> Counter[str]:
    """Objects tracked by the collector, by type name ("QObject": every live Qt wrapper)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the last cards
    gc.collect()
    counts: Counter[str] = Counter()
    for o in gc.get_objects():
        if str(type(o).__module__).startswith("pytestqt"):
            continue  # pytest-qt keeps every Qt message of the test (the ignored ones too)
        counts[type(o).__name__] += 1
        counts["QObject"] += isinstance(o, QObject)
    return counts


def cycle(qtbot, scan, window: MainWindow, library: Library) -> None:
    scan(window)
    assert len(window.review()) == len(library.groups)
    # The cards come on a later turn of the event loop (or never, if the cycle outruns it):
    # made now, every cycle makes and deletes them, and both counts see the same screen.
    assert len(window.review_panel.compare.cards()) >= 2
    window.trash_button.click()
    with qtbot.waitSignal(window.controller.trashed, timeout=30_000) as trashed:
        window.trash_flow.confirm_dialog.move_button.click()
    assert len(trashed.args[0].report.moved) == 2 * len(library.groups)
    window.trash_flow.summary.close()
    with qtbot.waitSignal(window.controller.restored, timeout=30_000) as restored:
        window.menus.undo_action.trigger()
    assert len(restored.args[0].restored) == 2 * len(library.groups)
    window.trash_flow.summary.close()


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads Linux's /proc")
def test_scan_trash_undo_cycles_keep_memory_and_objects_flat(
    qtbot, scan, window: MainWindow, shell_library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="photodedup")  # pytest keeps every record it sees
    for broken in shell_library.broken:
        os.remove(broken)  # unreadable files are read again by each scan: 1 s of worker start-up
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    for _ in range(WARM_UP):
        cycle(qtbot, scan, window, shell_library)
    before, rss = live(), rss_bytes()

    for _ in range(CYCLES):
        cycle(qtbot, scan, window, shell_library)

    after = live()
    grown = {name: n for name, n in (after - before).items() if n > 20}
    assert after["QObject"] <= before["QObject"], grown
    # One result or dialog kept per cycle would add hundreds of objects a cycle.
    assert after.total() - before.total() < 3 * CYCLES, grown
    assert rss_bytes() - rss < 30 * 2**20
