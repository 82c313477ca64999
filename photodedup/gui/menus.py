"""The main window's actions and menus, with their shortcuts, and the Help and Language items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QKeyCombination, QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenuBar, QMessageBox, QWidget

from photodedup.gui.dialogs import AboutDialog, replacing
from photodedup.gui.formatting import fill
from photodedup.gui.i18n import language_actions
from photodedup.gui.settings import Language
from photodedup.gui.shortcuts_dialog import ShortcutsDialog

README_URL = "https://github.com/photodedup/photodedup#readme"


def shortcut_text(sequence: QKeySequence | QKeyCombination) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class MenuHost(Protocol):
    """What the menus need from the main window (a protocol: gui/ has no import cycle)."""

    settings: Any
    controller: Any
    scan_panel: Any
    results_tabs: Any
    find_flow: Any
    trash_flow: Any
    review_files: Any
    differences: Any
    problems_dock: QDockWidget

    def start_scan(self) -> None: ...
    def show_scan_panel(self, shown: bool) -> None: ...
    def prefer_folder(self) -> None: ...
    def show_ignore_list(self) -> None: ...
    def close(self) -> bool: ...
    def addAction(self, action: QAction) -> None: ...
    def menuBar(self) -> QMenuBar: ...


class WindowMenus(QObject):
    """Builds the menu bar of ``window`` and enables each action for the window's state."""

    def __init__(self, window: MenuHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self._window = window
        self._widget: QWidget = window  # type: ignore[assignment]
        self.info_box: QMessageBox | None = None
        key = QKeySequence
        flows, tabs = window, window.results_tabs
        self.add_folder_action = self._action(
            self.tr("Add folder..."), window.scan_panel.folders.choose_folder, key("Ctrl+O")
        )
        self.scan_action = self._action(self.tr("Scan"), window.start_scan, key("Ctrl+R"))
        self.cancel_action = self._action(
            self.tr("Cancel scan"), window.controller.cancel, key("Esc")
        )
        window.addAction(self.cancel_action)
        self.find_action = self._action(self.tr("Find copies of a photo..."), flows.find_flow.start)
        files = window.review_files
        self.open_action = self._action(self.tr("Open review..."), files.open_review)
        self.save_action = self._action(
            self.tr("Save review..."), files.save_review, key(key.StandardKey.Save)
        )
        self.export_action = self._action(self.tr("Export CSV..."), files.export_csv)
        self.quit_action = self._action(self.tr("Quit"), window.close, key(key.StandardKey.Quit))
        self.undo_action = self._action(
            self.tr("Undo last trash"), flows.trash_flow.undo_last, key(key.StandardKey.Undo)
        )
        self.move_action = self._action(self.tr("Move to folder..."), flows.trash_flow.move)
        self.auto_action = self._action(
            self.tr("Auto-select all"), lambda: tabs.duplicates.auto_select()
        )
        self.prefer_action = self._action(self.tr("Prefer folder..."), window.prefer_folder)
        self.clear_action = self._action(self.tr("Clear all marks"), tabs.duplicates.clear_marks)
        self.ignore_list_action = self._action(
            self.tr("Photos marked as different..."), window.show_ignore_list
        )
        self.panel_action = self._action(
            self.tr("Folders and options"),
            lambda: window.show_scan_panel(self.panel_action.isChecked()),
            key("F9"),
        )
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self.panel_action.setToolTip(
            fill(
                self.tr("Show or hide the folders, the scan options and Scan (%1)"),
                shortcut_text(self.panel_action.shortcut()),
            )
        )
        self.differences_action = self._action(
            self.tr("Show differences..."), window.differences.open_current, key("D")
        )
        self.problems_action = window.problems_dock.toggleViewAction()
        self.problems_action.setText(self.tr("Problems"))
        self.history_action = self._action(self.tr("History..."), flows.trash_flow.show_history)
        self.web_action = self._action(
            self.tr("PhotoDedup on the web"), lambda: QDesktopServices.openUrl(QUrl(README_URL))
        )
        self.about_action = self._action(self.tr("About PhotoDedup"), self._show_about)
        self.shortcuts_action = self._action(
            self.tr("Keyboard shortcuts"), self._show_shortcuts, key(key.StandardKey.HelpContents)
        )
        self.shortcuts_dialog: ShortcutsDialog | None = None
        panel = window.scan_panel
        panel.folders.add_button.setToolTip(self.add_folder_action.toolTip())
        panel.scan_button.setToolTip(
            fill(self.tr("Scan the folders (%1)"), shortcut_text(self.scan_action.shortcut()))
        )
        panel.cancel_button.setToolTip(
            fill(
                self.tr("Stop the scan; photos read so far stay cached (%1)"),
                shortcut_text(self.cancel_action.shortcut()),
            )
        )
        self._build_menus()

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self._widget)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(f"{text.rstrip('.')} ({shortcut_text(shortcut)})")
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.add_folder_action, self.scan_action, self.find_action])
        file_menu.addSeparator()
        file_menu.addActions([self.open_action, self.save_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.move_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.auto_action, self.prefer_action, self.clear_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.ignore_list_action)
        self.view_menu = view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.differences_action)
        view_menu.addSeparator()
        view_menu.addActions([self.panel_action, self.problems_action, self.history_action])
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("Language (after a restart)"))
        group, self.language_actions = language_actions(
            language_menu, self._window.settings.language, self.tr("System default")
        )
        group.triggered.connect(self._language_chosen)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.web_action, self.about_action])

    def update(
        self, busy: bool, scanning: bool, has_review: bool, has_folders: bool, can_undo: bool
    ) -> None:
        """Enable each action for the window's state (``scanning``: a job Cancel can stop)."""
        self.scan_action.setEnabled(not busy and has_folders)
        self.find_action.setEnabled(not busy and has_folders)
        self.cancel_action.setEnabled(scanning)
        self.open_action.setEnabled(not busy)
        self.add_folder_action.setEnabled(not busy)
        for action in (
            self.move_action,
            self.save_action,
            self.export_action,
            self.auto_action,
            self.prefer_action,
            self.clear_action,
            self.differences_action,
        ):
            action.setEnabled(has_review and not busy)
        self.undo_action.setEnabled(not busy and can_undo)

    def _show_about(self) -> None:
        about = AboutDialog(self._widget)
        about.exec()
        about.deleteLater()

    def _show_shortcuts(self) -> None:
        menus = [a for menu in self._window.menuBar().actions() for a in menu.menu().actions()]
        actions = dict.fromkeys(menus + self._widget.actions())  # Esc is the window's alone
        dialog = ShortcutsDialog(actions, self._widget)
        self.shortcuts_dialog = replacing(self.shortcuts_dialog, dialog)
        dialog.open()

    def _language_chosen(self, action: QAction) -> None:
        self._window.settings.language = Language(action.data())
        self.info_box = replacing(
            self.info_box,
            QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Language"),
                self.tr("The new language is used the next time you start PhotoDedup."),
                QMessageBox.StandardButton.Ok,
                self._widget,
            ),
        )
        self.info_box.open()
