"""At 1024x700, in English, Japanese and Chinese, the window shows every text whole.

The real window scans a real library (a cancelled scan, then a whole one) and each state is
measured by fit_check: labels, buttons, titles, tabs, the status bar, list rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from fit_check import cut_off_texts
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from photodedup.gui.autosave import Autosaver
from photodedup.gui.i18n import Translations
from photodedup.gui.main_window import MainWindow
from photodedup.gui.settings import Language

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)

SMALL = (1024, 700)


@pytest.fixture(params=[Language.ENGLISH, Language.JAPANESE, Language.CHINESE_SIMPLIFIED])
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    translations = Translations(QApplication.instance())
    if request.param is not Language.ENGLISH:
        system = {
            Language.JAPANESE: QFontDatabase.WritingSystem.Japanese,
            Language.CHINESE_SIMPLIFIED: QFontDatabase.WritingSystem.SimplifiedChinese,
        }[request.param]
        # Measured in placeholder boxes the text would prove nothing (CI installs Noto CJK).
        assert QFontDatabase.families(system), f"no font for {request.param} is installed"
        assert translations.install(request.param)
    yield request.param
    translations.remove()


def open_window(qtbot, user_dirs: UserDirs, library: Library) -> MainWindow:
    win = MainWindow(user_dirs.settings(), Autosaver(user_dirs.data_home / "autosave.json"))
    qtbot.addWidget(win)
    win.resize(*SMALL)
    win.show()
    qtbot.waitExposed(win)
    win.scan_panel.folders.add_folders([str(library.root)])
    return win


def where(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def assert_fits(win: MainWindow, state: str) -> None:
    for _ in range(3):  # a layout pass can ask for another
        QApplication.processEvents()
    assert win.size().toTuple() == SMALL, f"{state}: the window cannot be {SMALL}"
    problems = cut_off_texts(win)
    assert not problems, f"{state}:\n" + "\n".join(problems)


def test_nothing_is_cut_off_at_1024x700(
    qtbot, user_dirs: UserDirs, big_library: Library, language: Language
) -> None:
    from fixtures_shell import add_copies  # a plugin: imported once registered

    add_copies(big_library.root, 9)
    win = open_window(qtbot, user_dirs, big_library)
    assert_fits(win, "before a scan")

    # A scan cancelled from its first report: the progress, then the words of the end.
    with qtbot.waitSignal(win.controller.scanProgress, timeout=60_000):
        win.scan_panel.scan_button.click()
    assert_fits(win, "scanning")
    with qtbot.waitSignal(win.controller.scanFinished, timeout=60_000) as blocker:
        win.scan_panel.cancel_button.click()
    assert blocker.args[0].stats.cancelled
    assert_fits(win, "cancelled")

    with qtbot.waitSignal(win.controller.scanFinished, timeout=60_000):
        win.scan_panel.scan_button.click()
    panel = win.review_panel
    assert not win.scan_panel.isVisible()  # the review takes the width
    for row in range(panel.proxy.rowCount()):
        panel.list_view.setCurrentIndex(panel.proxy.index(row, 0))
        qtbot.waitUntil(lambda: len(panel.compare.cards()) > 0)
        assert_fits(win, f"group {row}")
    panel.list_view.setCurrentIndex(panel.proxy.index(0, 0))
    assert len(panel.compare.cards()) == 9
    win.menus.panel_action.trigger()  # the scan panel back beside the review
    assert win.scan_panel.isVisible()
    assert_fits(win, "review with the scan panel")


def test_scan_and_cancel_stay_where_they_are_when_a_scan_starts(
    qtbot, user_dirs: UserDirs, big_library: Library
) -> None:
    win = open_window(qtbot, user_dirs, big_library)
    scan, cancel = win.scan_panel.scan_button, win.scan_panel.cancel_button
    idle = (where(scan), where(cancel))
    with qtbot.waitSignal(win.controller.scanProgress, timeout=60_000):
        scan.click()
    QApplication.processEvents()  # the progress lines are laid out
    assert win.scan_panel.progress.bar.isVisible()
    assert (where(scan), where(cancel)) == idle
    assert cancel.isEnabled()
    with qtbot.waitSignal(win.controller.scanFinished, timeout=60_000):
        cancel.click()
    assert (where(scan), where(cancel)) == idle


def test_the_check_finds_text_that_does_not_fit(qtbot) -> None:
    """fit_check itself: each kind of cut-off it exists for is reported."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    from photodedup.gui.elided_label import ElidedLabel

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = QLabel("Scan cancelled. Photos read so far stay cached: 12.")
    label.setFixedWidth(120)
    wrapped = QLabel("A long explanation that needs several lines at this width.")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    button = QPushButton("Move 5 files (1.2 MB) to trash")
    button.setFixedWidth(90)
    elided = ElidedLabel()
    elided.setFixedWidth(60)
    elided.set_full_text("/a/long/folder/name/photo.jpg", tooltip="something else")
    fits = QLabel("OK")
    for widget in (label, wrapped, button, elided, fits):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    found = cut_off_texts(window)
    assert len(found) == 4, found
    for text in ("Scan cancelled", "A long explanation", "Move 5 files", "photo.jpg"):
        assert any(text in problem for problem in found), text
