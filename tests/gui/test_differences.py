"""The differences view on a scanned library: opened from the group's button, a card's menu or
the View menu, blink, heat map,
locked zoom, a clear message for an unreadable file, Escape."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt

from photodedup.core.difference import compare_pictures
from photodedup.gui.differences import DifferencesDialog, alignment_text
from photodedup.gui.group_model import GroupRole
from photodedup.gui.main_window import MainWindow
from photodedup.gui.shortcuts_dialog import ShortcutsDialog

if TYPE_CHECKING:
    from photodedup.gui.file_card import MemberCard

pytest_plugins = ("fixtures_shell",)


@pytest.fixture
def edited_library(tmp_path: Path, new_photo: Callable[..., Image.Image]) -> dict[str, Path]:
    """A camera photo, its backup, and an edit with a box painted in the bottom right."""
    root = tmp_path / "Pictures"
    img = new_photo(11, (640, 480))
    keeper = root / "Camera" / "IMG_0001.jpg"
    keeper.parent.mkdir(parents=True)
    img.save(keeper, quality=95)
    backup = root / "Backup" / "IMG_0001.jpg"
    backup.parent.mkdir()
    shutil.copyfile(keeper, backup)
    marked = np.asarray(img).copy()
    marked[400:460, 470:630] = 255
    edit = root / "Edits" / "IMG_0001-edit.jpg"
    edit.parent.mkdir()
    Image.fromarray(marked).save(edit, quality=90)
    new_photo(12, (640, 480)).save(root / "Camera" / "IMG_0002.jpg", quality=95)
    return {"root": root, "keeper": keeper, "backup": backup, "edit": edit}


@pytest.fixture
def scanned(window: MainWindow, scan, edited_library: dict[str, Path]) -> MainWindow:
    """The window after a scan of the library, the edit's group selected."""
    window.scan_panel.folders.add_folders([str(edited_library["root"])])
    scan(window)
    panel = window.review_panel
    edit = str(edited_library["edit"])
    for row in range(panel.proxy.rowCount()):
        group = panel.review().group(panel.proxy.index(row, 0).data(GroupRole.GROUP_ID))
        if any(m.path == edit for m in group.members):
            panel.list_view.setCurrentIndex(panel.proxy.index(row, 0))
            break
    else:
        pytest.fail("the edit was not grouped with its photo")
    return window


def _card(window: MainWindow, path: Path) -> MemberCard:
    return next(c for c in window.review_panel.compare.cards() if c.member.path == str(path))


def _opened(qtbot, window: MainWindow) -> DifferencesDialog:
    dialog = window.differences.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.difference() is not None, timeout=30_000)
    return dialog


def _shown(view) -> int:
    return view._item.pixmap().cacheKey()


def test_the_groups_button_shows_where_the_chosen_copy_differs(
    qtbot, scanned: MainWindow, edited_library
):
    pane = scanned.review_panel.compare
    pane.set_current(pane.cards().index(_card(scanned, edited_library["edit"])))
    qtbot.mouseClick(pane.differences_button, Qt.MouseButton.LeftButton)
    dialog = scanned.differences.dialog
    # Worked out on the job thread: the window is back before the comparison is.
    assert dialog is not None and dialog.difference() is None
    assert dialog.summary.text().startswith("Lining the copy up")
    dialog = _opened(qtbot, scanned)
    assert dialog.copy_path() == str(edited_library["edit"])
    assert dialog.summary.text() == "Differs mostly in the bottom right."
    assert dialog.right_shows() == "heat"
    assert _shown(dialog.right) == dialog.pixmap("heat").cacheKey()
    assert _shown(dialog.left) == dialog.pixmap("keeper").cacheKey()
    assert dialog.left_label.text() == "Keeper: IMG_0001.jpg"
    # The heat map is red where the box was painted, gray elsewhere.
    heat = dialog.pixmap("heat").toImage()
    hot, calm = heat.pixelColor(550, 430), heat.pixelColor(100, 100)
    assert hot.red() > hot.blue() + 80
    assert abs(calm.red() - calm.blue()) < 25
    # H shows the copy, lined up, instead of the heat map.
    qtbot.keyClick(dialog, Qt.Key.Key_H)
    assert dialog.right_shows() == "copy"
    assert _shown(dialog.right) == dialog.pixmap("copy").cacheKey()


def test_blink_alternates_keeper_and_copy(qtbot, scanned: MainWindow, edited_library):
    scanned.differences.open_for(scanned.review_panel, str(edited_library["edit"]))
    dialog = _opened(qtbot, scanned)
    keeper, copy = dialog.pixmap("keeper").cacheKey(), dialog.pixmap("copy").cacheKey()
    assert keeper != copy
    qtbot.mouseClick(dialog.blink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown(dialog.left) == copy, timeout=5_000)
    assert dialog.left_shows() == "copy"
    assert dialog.left_label.text() == "Copy: IMG_0001-edit.jpg"
    qtbot.waitUntil(lambda: _shown(dialog.left) == keeper, timeout=5_000)
    qtbot.keyClick(dialog, Qt.Key.Key_B)  # off: back on the keeper, and it stays there
    assert not dialog.blink_button.isChecked()
    assert dialog.left_shows() == "keeper"
    assert _shown(dialog.left) == keeper


def test_zoom_and_pan_on_one_side_move_the_other(qtbot, scanned: MainWindow, edited_library):
    scanned.differences.open_for(scanned.review_panel, str(edited_library["edit"]))
    dialog = _opened(qtbot, scanned)
    fitted = dialog.left.scale_factor()
    dialog.right.zoom(4.0)  # the right side, as the mouse wheel over it would
    assert dialog.left.scale_factor() == pytest.approx(fitted * 4.0)
    assert dialog.right.scale_factor() == pytest.approx(dialog.left.scale_factor())
    qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    assert dialog.right.scale_factor() == pytest.approx(fitted * 5.0)
    bar = dialog.left.horizontalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 3)
    assert dialog.right.horizontalScrollBar().value() == bar.maximum() // 3
    dialog.right.verticalScrollBar().setValue(7)
    assert dialog.left.verticalScrollBar().value() == 7


def test_a_cards_menu_opens_that_copy(qtbot, scanned: MainWindow, edited_library):
    pane = scanned.review_panel.compare
    name = "Show differences from the keeper..."
    keeper_menu = pane.card_menu(pane.cards().index(_card(scanned, edited_library["keeper"])))
    assert not next(a for a in keeper_menu.actions() if a.text() == name).isEnabled()
    menu = pane.card_menu(pane.cards().index(_card(scanned, edited_library["backup"])))
    action = next(a for a in menu.actions() if a.text() == name)
    assert action.isEnabled()
    action.trigger()
    dialog = _opened(qtbot, scanned)
    assert dialog.copy_path() == str(edited_library["backup"])
    dialog.close()


def test_the_menu_opens_the_chosen_copy_and_escape_closes(
    qtbot, scanned: MainWindow, edited_library
):
    action = scanned.menus.differences_action
    assert action.isEnabled()
    assert action.shortcut().toString() == "D"
    # Typed into the filter box, D is a letter, not the shortcut.
    filter_edit = scanned.review_panel.filter_edit
    filter_edit.setFocus()
    qtbot.keyClick(filter_edit, Qt.Key.Key_D)
    assert filter_edit.text() == "d"
    assert scanned.differences.dialog is None
    filter_edit.clear()
    compare = scanned.review_panel.compare
    compare.set_current(compare.cards().index(_card(scanned, edited_library["backup"])))
    action.trigger()
    dialog = _opened(qtbot, scanned)
    assert dialog.copy_path() == str(edited_library["backup"])
    assert dialog.summary.text() == "The same picture, pixel for pixel."
    # Another copy chosen in the view: compared anew.
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData(str(edited_library["edit"])))
    qtbot.waitUntil(lambda: dialog.difference() is not None, timeout=30_000)
    assert dialog.summary.text() == "Differs mostly in the bottom right."
    # Chosen twice before the first comparison is back: only the last one is shown.
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData(str(edited_library["backup"])))
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData(str(edited_library["edit"])))
    qtbot.waitUntil(lambda: dialog.difference() is not None, timeout=30_000)
    assert dialog.summary.text() == "Differs mostly in the bottom right."
    qtbot.waitUntil(lambda: scanned.controller.executor.pending == 0, timeout=30_000)
    assert dialog.summary.text() == "Differs mostly in the bottom right."
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: scanned.differences.dialog is None, timeout=5_000)
    # With the keeper chosen, the menu compares the first copy.
    compare.set_current(compare.cards().index(_card(scanned, edited_library["keeper"])))
    action.trigger()
    dialog = _opened(qtbot, scanned)
    assert dialog.copy_path() != str(edited_library["keeper"])
    dialog.close()


def test_an_unreadable_copy_gives_a_clear_message(qtbot, scanned: MainWindow, edited_library):
    edited_library["edit"].write_bytes(b"\xff\xd8\xff\xe0 cut short")
    scanned.differences.open_for(scanned.review_panel, str(edited_library["edit"]))
    dialog = scanned.differences.dialog
    qtbot.waitUntil(lambda: "cannot be read" in dialog.summary.text(), timeout=30_000)
    assert dialog.summary.text().startswith("Cannot compare: “IMG_0001-edit.jpg” cannot be read.")
    assert dialog.difference() is None
    assert dialog.pixmap("heat") is None
    assert not dialog.blink_button.isEnabled()  # nothing to blink
    qtbot.keyClick(dialog, Qt.Key.Key_B)
    assert not dialog.blink_button.isChecked() and dialog.left_shows() == "keeper"


def test_the_shortcuts_list_names_the_view_and_its_keys(window: MainWindow):
    actions = [a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    rows = ShortcutsDialog(actions, window).rows()
    assert ("Anywhere in the window", "D", "Show differences") in rows
    keys = {keys: text for _section, keys, text in rows}
    assert keys["B"] == "Blink: the keeper and the copy in turn"
    assert keys["H"] == "Heat map or the copy on the right"


def test_while_another_job_runs_the_view_says_it_waits(qtbot, scanned: MainWindow, edited_library):
    release = threading.Event()
    executor = scanned.controller.executor

    def ignore(_value: object) -> None:
        pass

    executor.submit("blocker", lambda _report, _cancel: release.wait(30), scanned, ignore, ignore)
    dialog = scanned.differences.open_for(scanned.review_panel, str(edited_library["edit"]))
    assert dialog.summary.text() == "Comparing as soon as the running job is done…"
    release.set()
    qtbot.waitUntil(lambda: dialog.difference() is not None, timeout=30_000)
    assert dialog.summary.text() == "Differs mostly in the bottom right."


def test_the_turn_that_lines_a_copy_up_is_told_clockwise(new_photo):
    picture = np.asarray(new_photo(3, (320, 240)))
    # The copy was turned a quarter counter-clockwise: it is shown turned back clockwise.
    d = compare_pictures(picture, np.ascontiguousarray(np.rot90(picture, 1)))
    assert alignment_text(d) == "The copy is shown turned 90° clockwise."
    mirrored = compare_pictures(picture, np.ascontiguousarray(picture[:, ::-1]))
    assert alignment_text(mirrored) == "The copy is shown mirrored."
    assert alignment_text(compare_pictures(picture, picture)) == ""
