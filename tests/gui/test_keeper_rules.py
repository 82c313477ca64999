"""The keeper rules dialog: the user's order reaches the scan and the settings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photodedup.gui.keeper_rules import KeeperRulesDialog
from photodedup.gui.scan_panel import ScanPanel

pytest_plugins = ("fixtures_shell",)


def test_rules_are_ordered_switched_and_saved(qtbot, user_dirs, tmp_path, monkeypatch):
    settings = user_dirs.settings()
    panel = ScanPanel(settings)
    qtbot.addWidget(panel)
    assert panel.options().keeper_rules == ("original",)
    assert panel.keeper_summary.text() == "Keep: The original"

    dialog = panel.edit_keeper_rules()
    assert isinstance(dialog, KeeperRulesDialog)
    assert [r for r, _ in dialog.rules()] == ["original", "resolution", "size", "oldest", "newest"]
    # Prefer a folder (added first, switched on), switch "largest file" on, move it up once.
    folder = tmp_path / "Keep these"
    folder.mkdir()
    monkeypatch.setattr(
        "photodedup.gui.keeper_rules.QFileDialog.getExistingDirectory", lambda *a: str(folder)
    )
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    size = dialog.list.item(3)
    assert size.text() == "Largest file"
    size.setCheckState(Qt.CheckState.Checked)
    dialog.list.setCurrentRow(3)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert not dialog.remove_button.isEnabled()  # simple rules switch off, they never leave
    with qtbot.waitSignal(dialog.rulesAccepted):
        dialog.accept()

    rules = (f"folder:{folder}", "original", "size")
    assert panel.options().keeper_rules == rules
    assert panel.keeper_summary.text() == (f"Keep: Folder: {folder}; The original; Largest file")
    # Kept in the settings: a new panel starts with them.
    again = ScanPanel(user_dirs.settings())
    qtbot.addWidget(again)
    assert again.options().keeper_rules == rules


def test_a_cancelled_dialog_changes_nothing_and_defaults_come_back(qtbot, user_dirs):
    settings = user_dirs.settings()
    settings.keeper_rules = [("size", True), ("original", False), ("!bogus", True)]
    panel = ScanPanel(settings)
    qtbot.addWidget(panel)
    assert panel.options().keeper_rules == ("size",)
    dialog = panel.edit_keeper_rules()
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.rules()[0] == ("original", True)
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert panel.options().keeper_rules == ("size",)
