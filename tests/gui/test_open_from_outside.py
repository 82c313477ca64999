"""`photodedup FOLDER...` scans those folders; `photodedup REVIEW.json` opens the review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from photodedup.gui import app as app_module
from photodedup.gui.main_window import MainWindow
from photodedup.gui.settings import Folder

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


def test_folders_on_the_command_line_replace_the_list_and_are_scanned(
    qtbot, window: MainWindow, shell_library: Library, tmp_path: Path
) -> None:
    window.scan_panel.folders.add_folders([str(tmp_path)])
    args = app_module.parse_args(["photodedup", str(shell_library.root), "-style", "fusion"])
    assert args.paths[0] == str(shell_library.root)
    with qtbot.waitSignal(window.controller.scanFinished, timeout=60_000) as blocker:
        assert app_module.open_arguments(window, args.paths)
    assert window.scan_panel.folders.folders() == [Folder(str(shell_library.root))]
    assert blocker.args[0].roots == (str(shell_library.root),)
    assert window.stack.currentWidget() is window.results_tabs


def test_a_review_file_on_the_command_line_is_opened(
    qtbot, scan, window: MainWindow, shell_library: Library, user_dirs: UserDirs, monkeypatch
) -> None:
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    saved = user_dirs.root / "review.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    window.menus.save_action.trigger()
    other = MainWindow(user_dirs.settings(), window.autosaver)
    qtbot.addWidget(other)
    assert other.review() is None
    assert app_module.open_arguments(other, app_module.parse_args(["photodedup", str(saved)]).paths)
    reopened = other.review()
    assert reopened is not None
    assert [g.id for g in reopened.groups] == [g.id for g in window.review().groups]
    assert not other.controller.busy  # a review opens; nothing is scanned


def test_arguments_that_are_neither_folder_nor_file_open_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    assert not app_module.open_arguments(window, [str(tmp_path / "gone"), "fusion"])
    assert window.review() is None and not window.controller.busy
