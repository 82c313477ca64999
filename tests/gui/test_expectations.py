"""What users expect: file dialogs open where the last one was; Help > Keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog

from photodedup.gui.main_window import MainWindow
from photodedup.gui.shortcuts_dialog import REVIEW_KEYS, VIEWER_KEYS

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


def test_file_dialogs_open_in_the_folder_last_used(
    qtbot, scan, window: MainWindow, shell_library: Library, user_dirs: UserDirs, monkeypatch
) -> None:
    starts: list[str] = []

    def folder_dialog(_parent, _title, start):
        starts.append(start)
        return str(shell_library.root)

    def save_dialog(_parent, _title, start, _filter):
        starts.append(start)
        return str(user_dirs.root / "reviews" / "mine.json"), ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    (user_dirs.root / "reviews").mkdir()
    window.menus.add_folder_action.trigger()
    scan(window)
    window.menus.save_action.trigger()  # opens where the folder was chosen
    assert Path(starts[1]).parent == shell_library.root
    assert (user_dirs.root / "reviews" / "mine.json").is_file()
    window.menus.add_folder_action.trigger()  # opens where the review was saved
    assert starts[2] == str(user_dirs.root / "reviews")
    other = MainWindow(user_dirs.settings(), window.autosaver)  # remembered across sessions
    qtbot.addWidget(other)
    other.menus.add_folder_action.trigger()
    assert starts[3] == str(shell_library.root)  # the folder chosen last


def test_help_lists_every_shortcut_where_it_works(qtbot, window: MainWindow) -> None:
    assert window.menus.shortcuts_action in window.menuBar().actions()[-1].menu().actions()
    assert window.menus.shortcuts_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )
    window.menus.shortcuts_action.trigger()
    dialog = window.menus.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    keys = {text: key for _section, key, text in rows}
    native = QKeySequence.SequenceFormat.NativeText
    assert keys["Scan"] == window.scan_action.shortcut().toString(native)
    assert keys["Cancel scan"] == "Esc"  # the window's own action, in no menu
    assert keys["Undo last trash"] == QKeySequence(QKeySequence.StandardKey.Undo).toString(native)
    assert keys["Keep or trash the chosen file"] == "Space"
    assert keys["Next group"] == "Down / J"
    assert len(rows) >= 6 + len(REVIEW_KEYS) + len(VIEWER_KEYS)
    dialog.close()


def test_the_review_keys_listed_are_the_ones_the_review_binds(window: MainWindow) -> None:
    bound = {
        QKeySequence(s.key()).toString()
        for s in window.review_panel.findChildren(QShortcut)
        if s.context() is Qt.ShortcutContext.WidgetWithChildrenShortcut
    }
    listed = {QKeySequence(key).toString() for keys, _text in REVIEW_KEYS for key in keys}
    assert listed == bound
