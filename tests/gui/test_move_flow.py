"""Move to folder in the app: the real widgets offscreen, real files, undo through the journal."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QFileDialog

from photodedup.core import journal, xdg_trash
from photodedup.gui.main_window import MainWindow

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


@pytest.fixture
def scanned(qtbot, scan, window: MainWindow, shell_library: Library) -> MainWindow:
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    assert window.review() is not None and len(window.review()) == len(shell_library.groups)
    return window


def files_under(root: Path) -> dict[str, bytes]:
    return {
        os.path.join(folder, name): Path(folder, name).read_bytes()
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


def marked_paths(win: MainWindow) -> set[str]:
    review = win.review()
    return {m.path for g in review.groups for m in g.members if not review.is_kept(m.path)}


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """Answer the folder dialog with ``folder``; returns the titles it was asked with."""
    asked: list[str] = []

    def answer(_parent, title: str, *_a, **_k) -> str:
        asked.append(title)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer)
    return asked


def confirm_move(qtbot, win: MainWindow) -> list[str]:
    dialog = win.trash_flow.move_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(win.controller.trashed, timeout=30_000) as blocker:
        dialog.move_button.click()
    return list(blocker.args[0].report.moved)


def test_move_button_moves_the_marked_files_and_undo_puts_them_back(
    qtbot, scanned: MainWindow, shell_library: Library, user_dirs: UserDirs, tmp_path, monkeypatch
):
    win = scanned
    root = shell_library.root
    before = files_under(root)
    marked = marked_paths(win)
    dest = tmp_path / "extras"
    choose_folder(monkeypatch, dest)
    assert win.move_button.isVisible() and win.move_button.isEnabled()
    assert win.menus.move_action.isEnabled()

    win.move_button.click()
    assert str(dest) in win.trash_flow.move_dialog.text()
    moved = confirm_move(qtbot, win)

    assert set(moved) == marked
    for path in marked:
        assert not os.path.exists(path)
        assert (dest / root.name / os.path.relpath(path, root)).read_bytes() == before[path]
    assert user_dirs.trashed() == {}
    summary = win.trash_flow.summary
    assert summary is not None and summary.isVisible()
    assert summary.windowTitle() == "Move finished"
    assert summary.headline.text().startswith(f"Moved {len(marked)} files (")
    assert f"to {dest}." in summary.headline.text()
    assert not win.move_button.isEnabled()  # every group resolved: nothing marked any more
    summary.close()
    win.menus.history_action.trigger()
    history = win.trash_flow.history
    assert history.tree.topLevelItem(0).text(1) == f"{len(marked)} to a folder"
    history.close()

    with qtbot.waitSignal(win.controller.restored, timeout=30_000):
        win.menus.undo_action.trigger()
    assert files_under(root) == before
    assert files_under(dest) == {}


def test_a_volume_without_a_trash_offers_the_move_before_anything_moves(
    qtbot, scanned: MainWindow, shell_library: Library, user_dirs: UserDirs, tmp_path, monkeypatch
):
    win = scanned
    root = shell_library.root
    before = files_under(root)
    marked = marked_paths(win)
    asked: list[list[str]] = []

    def no_trash(paths) -> list[str]:
        asked.append(list(paths))
        return [str(root)]

    monkeypatch.setattr(xdg_trash, "volumes_without_trash", no_trash)
    dest = tmp_path / "extras"
    choose_folder(monkeypatch, dest)

    win.trash_button.click()
    assert win.trash_flow.confirm_dialog is None  # the trash is not even offered
    offer = win.trash_flow.no_trash
    assert offer is not None and offer.isVisible()
    assert set(asked[0]) == marked  # checked once, for the whole batch, before it
    assert f"There is no usable trash on {root}." == offer.text()
    assert files_under(root) == before and journal.list_batches() == []

    offer.move_button.click()
    moved = confirm_move(qtbot, win)
    assert set(moved) == marked
    assert user_dirs.trashed() == {}
    assert all((dest / root.name / os.path.relpath(p, root)).is_file() for p in marked)
    win.trash_flow.summary.close()


def test_a_folder_inside_the_scan_is_refused_and_nothing_moves(
    qtbot, scanned: MainWindow, shell_library: Library, monkeypatch
):
    win = scanned
    root = shell_library.root
    before = files_under(root)
    choose_folder(monkeypatch, root / "extras")
    win.menus.move_action.trigger()
    assert win.trash_flow.move_dialog is None
    error = win.error_dialog
    assert error is not None and error.isVisible()
    assert error.message.text() == "The files cannot be moved to this folder."
    assert files_under(root) == before and not win.controller.busy


def test_cancelling_the_move_moves_nothing(
    qtbot, scanned: MainWindow, shell_library: Library, tmp_path, monkeypatch
):
    win = scanned
    before = files_under(shell_library.root)
    choose_folder(monkeypatch, tmp_path / "extras")
    win.move_button.click()
    win.trash_flow.move_dialog.reject()
    qtbot.waitUntil(lambda: win.trash_flow.move_dialog is None)
    assert not win.controller.busy
    assert files_under(shell_library.root) == before
