"""The compare view fits the group: every copy visible up to 9, the scan panel folds away.

The real window scans a real library (groups of 3, 9 and 12 copies) at the two window sizes
the issue names, and the cards are measured where they are drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from photodedup.gui.autosave import Autosaver
from photodedup.gui.compare_pane import ComparePane
from photodedup.gui.file_card import MemberCard
from photodedup.gui.group_model import GroupRole
from photodedup.gui.main_window import MainWindow

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


@pytest.fixture
def grid_library(tmp_path) -> Library:
    """Groups of 3 (camera, backup, whatsapp), one of 9 and one of 12 copies."""
    from fixtures_shell import add_copies, make_library  # a plugin: imported once registered

    library = make_library(tmp_path / "photos", originals=2)
    library.groups += [add_copies(library.root, 9, seed=77), add_copies(library.root, 12, seed=78)]
    return library


def scanned_window(qtbot, user_dirs: UserDirs, library: Library, size: tuple[int, int]):
    win = MainWindow(user_dirs.settings(), Autosaver(user_dirs.data_home / "autosave.json"))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.scan_panel.folders.add_folders([str(library.root)])
    with qtbot.waitSignal(win.controller.scanFinished, timeout=60_000):
        win.scan_panel.scan_button.click()
    return win


def show_group_of(qtbot, win: MainWindow, files: int) -> ComparePane:
    """Select the group of ``files`` files; its cards laid out."""
    panel = win.review_panel
    rows = [r for r in range(panel.proxy.rowCount()) if _files(win, r) == files]
    panel.list_view.setCurrentIndex(panel.proxy.index(rows[0], 0))
    pane = panel.compare
    qtbot.waitUntil(lambda: len(pane.cards()) == files)
    settle()
    return pane


def settle() -> None:
    """Let the layouts run: the grid is placed, then its cards are laid out."""
    for _ in range(3):
        QApplication.processEvents()


def _files(win: MainWindow, row: int) -> int:
    return win.review_panel.proxy.index(row, 0).data(GroupRole.FILE_COUNT)


def shown_rects(pane: ComparePane) -> list[QRect]:
    """Each card's rectangle in the scroll area's viewport."""
    viewport = pane._scroll.viewport()
    return [
        QRect(card.mapTo(viewport, card.rect().topLeft()), card.size()) for card in pane.cards()
    ]


def columns(rects: list[QRect]) -> int:
    return len({r.left() for r in rects})


@pytest.mark.parametrize(
    ("size", "min_side_by_side"), [((1024, 700), 2), ((1600, 1000), 3)], ids=["1024", "1600"]
)
def test_groups_up_to_nine_show_every_copy_without_scrolling(
    qtbot, user_dirs: UserDirs, grid_library: Library, size, min_side_by_side
) -> None:
    win = scanned_window(qtbot, user_dirs, grid_library, size)
    assert not win.scan_panel.isVisible()  # the review has the width
    for files in (3, 9):
        pane = show_group_of(qtbot, win, files)
        viewport = pane._scroll.viewport().rect()
        rects = shown_rects(pane)
        assert all(viewport.contains(r) for r in rects), (files, rects, viewport)
        assert pane._scroll.verticalScrollBar().maximum() == 0
        assert pane._scroll.horizontalScrollBar().maximum() == 0
        assert columns(rects) >= min(files, min_side_by_side)
        # The photos grow into the room: no pane half empty below a row of small cards.
        sides = {card.image.width() for card in pane.cards()}
        assert len(sides) == 1 and sides.pop() >= (150 if files == 3 else 90)
    if size == (1600, 1000):
        pane = show_group_of(qtbot, win, 3)
        assert columns(shown_rects(pane)) == 3  # a group of three in one row
        assert pane.cards()[0].image.width() >= 250


def test_larger_groups_scroll_down_under_a_title_that_stays(
    qtbot, user_dirs: UserDirs, grid_library: Library
) -> None:
    win = scanned_window(qtbot, user_dirs, grid_library, (1024, 700))
    pane = show_group_of(qtbot, win, 12)
    bar = pane._scroll.verticalScrollBar()
    assert bar.maximum() > 0
    assert pane._scroll.horizontalScrollBar().maximum() == 0  # never sideways
    header = [pane._title, pane._hint, win.review_panel.different_button]
    before = [w.mapTo(win, w.rect().topLeft()) for w in header]
    pane.set_current(11)  # the keyboard goes to the last copy: the grid scrolls to it
    assert bar.value() > 0
    card = pane.cards()[11]
    viewport = pane._scroll.viewport()
    assert viewport.rect().contains(QRect(card.mapTo(viewport, card.rect().topLeft()), card.size()))
    assert [w.mapTo(win, w.rect().topLeft()) for w in header] == before
    assert all(w.isVisible() for w in header)
    assert "12" in pane._title.text()


def test_the_scan_panel_folds_away_for_the_review_and_comes_back_with_one_click(
    qtbot, user_dirs: UserDirs, shell_library: Library
) -> None:
    win = scanned_window(qtbot, user_dirs, shell_library, (1024, 700))
    panel, button, action = win.scan_panel, win.panel_button, win.menus.panel_action
    settle()
    assert not panel.isVisible() and button.isVisible() and not action.isChecked()
    review_width = win.results_tabs.width()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    assert panel.isVisible() and action.isChecked()
    assert panel.width() >= 280
    assert win.results_tabs.width() < review_width - 250
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert action.shortcut().toString() == "F9" and action in win.menus.view_menu.actions()
    action.trigger()  # View > Folders and options (F9)
    assert panel.isVisible()
    action.trigger()
    assert not panel.isVisible()
    # A new scan shows its progress there, and folds it away again for the new review.
    with qtbot.waitSignal(win.controller.scanFinished, timeout=60_000):
        win.menus.scan_action.trigger()
        assert panel.isVisible() and panel.progress.isVisible()
    assert not panel.isVisible()


def test_a_scan_without_groups_leaves_the_folders_in_view(
    qtbot, user_dirs: UserDirs, tmp_path
) -> None:
    from fixtures_shell import make_library

    (tmp_path / "lonely" / "camera").mkdir(parents=True)
    library = make_library(tmp_path / "lonely", originals=0, extra_unique=2)
    win = scanned_window(qtbot, user_dirs, library, (1024, 700))
    assert win.scan_panel.isVisible()
    assert win.findChildren(MemberCard) == []


def test_before_a_scan_the_panel_is_there_and_nothing_folds_it(qtbot, user_dirs: UserDirs) -> None:
    win = MainWindow(user_dirs.settings(), Autosaver(user_dirs.data_home / "autosave.json"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.scan_panel.isVisible()
    assert not win.panel_button.isVisible()  # its menu item stays, for whoever wants it
    assert win.menus.panel_action.isChecked() and win.menus.panel_action.isEnabled()
