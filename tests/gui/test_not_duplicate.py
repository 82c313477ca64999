"""'These are different photos' on a group and on a pair, and the list that removes decisions."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from photodedup.core.ignore import IgnoreList, default_path
from photodedup.core.models import ScanOptions
from photodedup.core.pipeline import run_scan
from photodedup.core.review import Review
from photodedup.gui.ignore_list_dialog import IgnoreListDialog
from photodedup.gui.main_window import MainWindow
from photodedup.gui.results_tabs import ResultsTabs

if TYPE_CHECKING:
    from fixtures_shell import Library

pytest_plugins = ("fixtures_shell",)


def _groups(win: MainWindow) -> list[set[str]]:
    return [{m.path for m in g.members} for g in win.review().groups]


def _scanned(scan, window: MainWindow, library: Library) -> MainWindow:
    window.scan_panel.folders.add_folders([str(library.root)])
    scan(window)
    assert sorted(map(sorted, _groups(window))) == sorted(map(sorted, library.groups))
    return window


def test_different_photos_on_a_group_leaves_the_review_and_later_scans(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    win = _scanned(scan, window, shell_library)
    panel = win.review_panel
    group = win.review().group(panel.current_group_id())
    paths = {m.path for m in group.members}
    assert panel.different_button.isVisible() and panel.different_button.isEnabled()
    before = win.trash_button.text()

    qtbot.mouseClick(panel.different_button, Qt.MouseButton.LeftButton)

    assert paths not in _groups(win)
    assert len(win.review()) == len(shell_library.groups) - 1
    assert win.results_tabs.tabText(0) == f"Duplicates ({len(shell_library.groups) - 1})"
    assert win.trash_button.text() != before  # that group's marks left the trash count
    decisions = IgnoreList.load(default_path()).decisions
    assert len(decisions) == 1
    # The group holds an identical backup: only its two different contents are recorded.
    assert len(decisions[0].digests) == 2

    scan(win)
    regrouped = [g for g in _groups(win) if g & paths]
    # Byte-identical files stay one photo; the resized copy is never grouped with them again.
    assert len(regrouped) == 1 and len(regrouped[0]) == 2
    assert all("whatsapp" not in p for p in regrouped[0])


def test_not_a_duplicate_of_the_keeper_from_the_card_menu(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    win = _scanned(scan, window, shell_library)
    pane = win.review_panel.compare
    group = win.review().group(pane.group_id())
    cards = pane.cards()
    keeper = group.keeper
    small = next(i for i, c in enumerate(cards) if "whatsapp" in c.member.path)
    identical = next(
        i
        for i, c in enumerate(cards)
        if c.member is not keeper and c.member.fingerprint.digest == keeper.fingerprint.digest
    )
    keeper_action = pane.card_menu(cards.index(next(c for c in cards if c.member is keeper)))
    assert not keeper_action.actions()[0].isEnabled()
    assert not pane.card_menu(identical).actions()[0].isEnabled()
    action = pane.card_menu(small).actions()[0]
    assert action.text() == "Not a duplicate of the keeper" and action.isEnabled()
    small_path = cards[small].member.path

    action.trigger()

    remaining = win.review().group(group.id)
    assert small_path not in {m.path for m in remaining.members}
    assert len(remaining.members) == 2
    assert len(pane.cards()) == 2
    ignore = IgnoreList.load(default_path())
    assert ignore.is_ignored(keeper.fingerprint.digest, cards[small].member.fingerprint.digest)


def test_byte_identical_files_cannot_be_called_different(qtbot, tmp_path, new_photo):
    root = tmp_path / "lib"
    root.mkdir()
    new_photo(3).save(root / "a.jpg")
    shutil.copyfile(root / "a.jpg", root / "a copy.jpg")
    result = run_scan(ScanOptions(roots=(str(root),), use_cache=False, workers=1))
    tabs = ResultsTabs(ignore_path=str(tmp_path / "decisions.json"))
    qtbot.addWidget(tabs)
    tabs.set_reviews(Review(result.groups))
    tabs.show()

    qtbot.mouseClick(tabs.duplicates.different_button, Qt.MouseButton.LeftButton)

    assert tabs.notice is not None and tabs.notice.isVisible()
    assert "byte-identical" in tabs.notice.text()
    assert len(tabs.duplicates.review()) == 1
    assert not (tmp_path / "decisions.json").exists()
    tabs.notice.close()


def test_the_list_shows_and_removes_decisions(qtbot, tmp_path, new_photo):
    from photodedup.core.fingerprint import fingerprint_path

    for seed in (1, 2, 3):
        new_photo(seed).save(tmp_path / f"p{seed}.jpg")
    fps = [fingerprint_path(str(tmp_path / f"p{seed}.jpg")) for seed in (1, 2, 3)]
    store = str(tmp_path / "decisions.json")
    IgnoreList(store).add(fps[:2])
    IgnoreList(store).add(fps[1:])
    dialog = IgnoreListDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 2
    newest = dialog.list.item(0).text()
    assert "p2.jpg" in newest and "p3.jpg" in newest
    assert not dialog.remove_button.isEnabled()

    dialog.list.item(0).setSelected(True)
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)

    assert dialog.list.count() == 1
    assert "p1.jpg" in dialog.list.item(0).text()
    left = IgnoreList.load(store)
    assert not left.is_ignored(fps[1].digest, fps[2].digest)
    assert left.is_ignored(fps[0].digest, fps[1].digest)


def test_the_edit_menu_opens_the_list(qtbot, window: MainWindow):
    edit_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit"
    )
    assert window.menus.ignore_list_action in edit_menu.actions()
    window.menus.ignore_list_action.trigger()
    dialog = window.ignore_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.status.text() == "No photos are marked as different."
    assert os.path.dirname(default_path()).startswith(str(os.environ["XDG_DATA_HOME"]))
    dialog.close()
