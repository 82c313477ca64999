"""The PhotoDedup main window: folders and scan on the left, the review on the right, menus."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QKeyCombination, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import DuplicateGroup, Progress, ScanResult
from photodedup.core.review import Review
from photodedup.gui.autosave import Autosaver
from photodedup.gui.dialogs import AboutDialog, ErrorDialog
from photodedup.gui.find_copies import FindCopiesDialog, FindCopiesFlow
from photodedup.gui.formatting import fill, human_size, plural, sentences
from photodedup.gui.i18n import language_actions
from photodedup.gui.ignore_list_dialog import IgnoreListDialog
from photodedup.gui.problems_view import ProblemsView
from photodedup.gui.results_tabs import ResultsTabs
from photodedup.gui.review_files import ReviewFiles
from photodedup.gui.scan_controller import ScanController
from photodedup.gui.scan_panel import ScanPanel
from photodedup.gui.settings import Language, Settings
from photodedup.gui.trash_flow import TrashFlow

log = logging.getLogger(__name__)

README_URL = "https://github.com/photodedup/photodedup#readme"
#: A replaced scan result is freed this long after its successor is shown (see set_result).
RETIRE_AFTER_MS = 150


def shortcut_text(sequence: QKeySequence | QKeyCombination) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class MainWindow(QMainWindow):
    """Scan folders, review the duplicate groups, send the extra copies to the trash."""

    def __init__(
        self, settings: Settings | None = None, autosaver: Autosaver | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle("PhotoDedup")
        self.settings = settings if settings is not None else Settings()
        self.result: ScanResult | None = None
        self.error_dialog: ErrorDialog | None = None
        self.info_box: QMessageBox | None = None
        self._closing = False  # closing was asked while a job ran: close when it ends
        self.scanner = ScanController(self)
        self.find_flow = FindCopiesFlow(self)
        self.finder = self.find_flow.runner
        self.autosaver = autosaver if autosaver is not None else Autosaver(parent=self)
        self.trash_flow = TrashFlow(self)
        self.review_files = ReviewFiles(self)

        self.scan_panel = ScanPanel(self.settings, self)
        self.scan_panel.setMinimumWidth(300)
        self.ignore_dialog: IgnoreListDialog | None = None
        self.results_tabs = ResultsTabs(self)
        self.review_panel = self.results_tabs.duplicates
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(32)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.results_tabs)
        self.trash_button = QPushButton(self)
        self.trash_button.setEnabled(False)
        self.trash_button.setIcon(QIcon.fromTheme("user-trash"))
        self.trash_button.setMinimumHeight(34)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.trash_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 8, 6)
        right_layout.addWidget(self.stack, 1)
        right_layout.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.scan_panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([310, 1090])
        self.setCentralWidget(splitter)

        self.problems_view = ProblemsView(self)
        self.problems_dock = QDockWidget(self.tr("Problems"), self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setWidget(self.problems_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()
        self.problems_button = QPushButton(self)
        self.problems_button.setFlat(True)
        self.problems_button.setToolTip(self.tr("Show the files that could not be read"))
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        self.statusBar().addPermanentWidget(self.problems_button)

        self._build_actions()
        self._build_menus()
        self._connect()
        self._show_empty(
            self.tr(
                "Add the folders that hold your photos on the left (or drop them there), "
                "then press Scan (%1).\n\nPhotoDedup will show each group of copies side by side; "
                "nothing is moved until you say so."
            ).replace("%1", shortcut_text(self.scan_action.shortcut()))
        )
        self.update_trash_button()
        self._update_actions()
        geometry, state = self.settings.geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        if state is not None:
            self.restoreState(state)

    # -- construction ----------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(f"{text.rstrip('.')} ({shortcut_text(shortcut)})")
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.add_folder_action = self._action(
            self.tr("Add folder..."), self.scan_panel.folders.choose_folder, key("Ctrl+O")
        )
        self.scan_action = self._action(self.tr("Scan"), self.start_scan, key("Ctrl+R"))
        self.cancel_action = self._action(self.tr("Cancel scan"), self.cancel_scan, key("Esc"))
        self.addAction(self.cancel_action)
        self.find_action = self._action(self.tr("Find copies of a photo..."), self.find_flow.start)
        self.open_action = self._action(self.tr("Open review..."), self.review_files.open_review)
        self.save_action = self._action(
            self.tr("Save review..."), self.review_files.save_review, key(key.StandardKey.Save)
        )
        self.export_action = self._action(self.tr("Export CSV..."), self.review_files.export_csv)
        self.quit_action = self._action(self.tr("Quit"), self.close, key(key.StandardKey.Quit))
        self.undo_action = self._action(
            self.tr("Undo last trash"), self.trash_flow.undo_last, key(key.StandardKey.Undo)
        )
        self.auto_action = self._action(self.tr("Auto-select all"), self.auto_select)
        self.prefer_action = self._action(self.tr("Prefer folder..."), self.prefer_folder)
        self.clear_action = self._action(self.tr("Clear all marks"), self.clear_marks)
        self.ignore_list_action = self._action(
            self.tr("Photos marked as different..."), self.show_ignore_list
        )
        self.problems_action = self.problems_dock.toggleViewAction()
        self.problems_action.setText(self.tr("Problems"))
        self.history_action = self._action(self.tr("History..."), self.trash_flow.show_history)
        self.web_action = self._action(self.tr("PhotoDedup on the web"), self.open_website)
        self.about_action = self._action(self.tr("About PhotoDedup"), self.show_about)
        self.scan_panel.folders.add_button.setToolTip(self.add_folder_action.toolTip())
        self.scan_panel.scan_button.setToolTip(
            fill(self.tr("Scan the folders (%1)"), shortcut_text(self.scan_action.shortcut()))
        )
        self.scan_panel.cancel_button.setToolTip(
            fill(
                self.tr("Stop the scan; photos read so far stay cached (%1)"),
                shortcut_text(self.cancel_action.shortcut()),
            )
        )
        self.trash_button.setToolTip(
            self.tr("Move the files marked for trash to the system trash (asks first)")
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.add_folder_action, self.scan_action, self.find_action])
        file_menu.addSeparator()
        file_menu.addActions([self.open_action, self.save_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.auto_action, self.prefer_action, self.clear_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.ignore_list_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.problems_action, self.history_action])
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("Language (after a restart)"))
        group, self.language_actions = language_actions(
            language_menu, self.settings.language, self.tr("System default")
        )
        group.triggered.connect(self._language_chosen)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.web_action, self.about_action])

    def _connect(self) -> None:
        self.scan_panel.scanRequested.connect(self.start_scan)
        self.scan_panel.cancelRequested.connect(self.cancel_scan)
        self.scan_panel.folders.changed.connect(self._update_actions)
        for runner in (self.scanner, self.finder):
            runner.progress.connect(self._on_progress)
            runner.cancelling.connect(self.scan_panel.progress.cancelling)
        self.scanner.finished.connect(self._scan_finished)
        self.scanner.failed.connect(self._job_failed)
        self.results_tabs.marksChanged.connect(self._marks_changed)
        self.trash_button.clicked.connect(self.trash_flow.trash)
        self.trash_flow.trashed.connect(self._files_trashed)
        self.trash_flow.runningChanged.connect(self._trash_running)
        self.problems_view.countChanged.connect(self._problems_counted)
        for signal in (
            self.scanner.finished,
            self.scanner.failed,
            self.finder.finished,
            self.finder.failed,
            self.trash_flow.runningChanged,
        ):
            signal.connect(self._job_stopped)

    # -- scanning --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.scanner.running or self.finder.running or self.trash_flow.running

    def start_scan(self) -> None:
        options = self.scan_panel.options()
        if self.busy or not options.roots:
            return
        missing = [root for root in options.roots if not os.path.isdir(root)]
        if missing:
            self.show_error(
                fill(
                    self.tr("These folders no longer exist; remove them from the list:\n%1"),
                    "\n".join(missing),
                )
            )
            return
        log.info("Scan started: %s", options)
        self.scanner.start_scan(options)
        self.job_started(self.tr("Starting the scan..."))
        if self.stack.currentWidget() is self.empty_label:
            self._show_empty(
                self.tr(
                    "Scanning your photos...\n\nThe groups of copies appear here when the scan "
                    "is done. Photos already read are remembered, so the next scan is faster."
                )
            )

    def cancel_scan(self) -> None:
        for runner in (self.scanner, self.finder):
            if runner.running:
                runner.cancel()

    @property
    def copies_dialog(self) -> FindCopiesDialog | None:
        return self.find_flow.dialog

    def job_started(self, title: str) -> None:
        self.scan_panel.set_running(True)
        self.scan_panel.progress.begin(title)
        self._update_actions()

    def job_ended(self, message: str) -> None:
        self.scan_panel.set_running(False)
        self.scan_panel.progress.idle(message)
        self._update_actions()

    def _on_progress(self, progress: object) -> None:
        if isinstance(progress, Progress):
            cancelling = self.scanner.cancel_requested or self.finder.cancel_requested
            self.scan_panel.progress.show_progress(progress, cancelling)

    def _scan_finished(self, result: ScanResult) -> None:
        log.info("Scan finished: %s", result.stats)
        self.problems_view.set_problems(result.problems)
        if result.stats.cancelled:
            self.job_ended(
                plural(
                    self.tr(
                        "Scan cancelled. Photos read so far stay cached: %n.",
                        "",
                        result.stats.hashed,
                    ),
                    result.stats.hashed,
                )
            )
            return
        seconds = QLocale().toString(result.stats.seconds, "f", 1)
        message = plural(
            self.tr("%n photo(s) compared in %1 s.", "", result.stats.hashed), result.stats.hashed
        ).replace("%1", seconds)
        # The engine's warnings are technical details in English; the label says what they are.
        warnings = [fill(self.tr("Warning: %1"), w) for w in result.warnings]
        self.job_ended(sentences(message, *warnings))
        self.set_result(result)
        self.autosaver.track(
            self.result, self.review_panel.review(), self.results_tabs.burst_review()
        )

    def _job_failed(self, message: str) -> None:
        self.job_ended(self.tr("Stopped by an error."))
        self.show_error(self.tr("The operation failed."), message)

    # -- the review ------------------------------------------------------------------------

    def set_result(self, result: ScanResult | None, review: Review | None = None) -> None:
        """Show a scan result (its marks from ``review``, or the engine's suggestion)."""
        # The previous result is freed later, not in this turn nor in the next ones that make
        # the first group's cards: its objects (tens of thousands at 100,000 photos) take tens
        # of ms to free.
        retired = (self.result, self.results_tabs.reviews())
        QTimer.singleShot(RETIRE_AFTER_MS, lambda: retired)
        earlier = self.review()
        self.result = result
        if result is not None and review is None:
            # A rescan keeps the user's marks on the files that are still the same.
            review = Review(result.groups, earlier.marks() if earlier is not None else None)
        self.results_tabs.set_reviews(
            review if result is not None else None, result.bursts if result is not None else ()
        )
        if result is not None:
            self.problems_view.set_problems(result.problems)
        self._show_review_or_empty()
        self.update_trash_button()
        self._update_actions()

    def review(self) -> Review | None:
        return self.review_panel.review() if self.result is not None else None

    def _show_review_or_empty(self) -> None:
        if self.result is not None and self.results_tabs.has_groups():
            self.stack.setCurrentWidget(self.results_tabs)
            self.results_tabs.currentWidget().setFocus()
        elif self.result is not None and self.result.groups:
            self._show_empty(
                self.tr(
                    "Every group is resolved: nothing is left to review.\n\n"
                    "Scan again (%1) to check these folders once more."
                ).replace("%1", shortcut_text(self.scan_action.shortcut()))
            )
        elif self.result is not None:
            self._show_empty(
                self.tr("No duplicates found: every photo in these folders is unique.")
            )
        else:
            self.stack.setCurrentWidget(self.empty_label)

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def _marks_changed(self) -> None:
        self.update_trash_button()
        self.autosaver.schedule()

    def update_trash_button(self) -> None:
        count, size = self.results_tabs.trash_totals() if self.result is not None else (0, 0)
        text = plural(self.tr("Move %n file(s) (%1) to trash", "", count), count).replace(
            "%1", human_size(size)
        )
        self.trash_button.setText(text if count else self.tr("Move 0 files to trash"))
        self.trash_button.setEnabled(count > 0 and not self.busy)
        self.trash_button.setVisible(self.result is not None)

    def _files_trashed(self, moved: list[str]) -> None:
        if moved:
            self.results_tabs.remove_paths(moved)
        self.update_trash_button()
        self._show_review_or_empty()
        self.autosaver.save_now()

    def _trash_running(self, running: bool) -> None:
        # Marks are frozen while a batch runs: the batch acts on what the user confirmed.
        self.results_tabs.setEnabled(not running)
        self._update_actions()

    def trash_selection(self) -> tuple[list[DuplicateGroup], dict[str, bool], int, int]:
        """What the trash acts on: duplicates and similar shots marked in either tab."""
        return self.results_tabs.trash_selection()

    def show_ignore_list(self) -> None:
        """The decisions "these are different photos", to review and remove."""
        self.ignore_dialog = IgnoreListDialog(self.results_tabs.ignore_path, self)
        self.ignore_dialog.open()

    def auto_select(self) -> None:
        self.review_panel.auto_select()

    def clear_marks(self) -> None:
        self.review_panel.clear_marks()

    def prefer_folder(self) -> None:
        if self.review() is None or self.result is None:
            return
        start = self.result.roots[0] if self.result.roots else ""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Keep copies in this folder when possible"), start
        )
        if folder:
            self.review_panel.auto_select(folder)

    def show_loaded(self, result: ScanResult, message: str) -> None:
        """Show a review loaded from a file or the autosave and keep autosaving it."""
        self.set_result(result)
        self.autosaver.track(self.result, self.review(), self.results_tabs.burst_review())
        self.scan_panel.progress.idle(message)

    # -- misc ------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        busy = self.busy
        has_review = self.review() is not None
        has_folders = bool(self.scan_panel.folders.folders())
        self.scan_action.setEnabled(not busy and has_folders)
        self.find_action.setEnabled(not busy and has_folders)
        self.cancel_action.setEnabled(self.scanner.running or self.finder.running)
        self.open_action.setEnabled(not busy)
        self.add_folder_action.setEnabled(not busy)
        for action in (self.save_action, self.export_action, self.auto_action):
            action.setEnabled(has_review and not busy)
        self.prefer_action.setEnabled(has_review and not busy)
        self.clear_action.setEnabled(has_review and not busy)
        self.undo_action.setEnabled(not busy)
        self.update_trash_button()

    def _problems_counted(self, count: int) -> None:
        self.problems_button.setText(plural(self.tr("%n problem(s)", "", count), count))
        self.problems_button.setVisible(count > 0)

    def show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    def show_error(self, message: str, details: str = "") -> None:
        self.error_dialog = ErrorDialog(message, details, parent=self)
        self.error_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_dialog.open()

    def show_about(self) -> None:
        AboutDialog(self).exec()

    def open_website(self) -> None:
        QDesktopServices.openUrl(QUrl(README_URL))

    def _language_chosen(self, action: QAction) -> None:
        self.settings.language = Language(action.data())
        self.info_box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The new language is used the next time you start PhotoDedup."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.info_box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            # A job's QThread destroyed while it runs aborts the whole app. Stop the job (the
            # trash stops between files, keeping its journal true) and close once it has ended.
            self.cancel_scan()
            self.trash_flow.cancel()
            if not self._closing:
                self._closing = True
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
                self.statusBar().showMessage(self.tr("Finishing..."))
            event.ignore()
            return
        if self._closing:
            self._closing = False
            QApplication.restoreOverrideCursor()
        self.results_tabs.shutdown()
        self.autosaver.flush()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def _job_stopped(self) -> None:
        if self._closing and not self.busy:
            # Queued: the job's other finished handlers run before the window goes.
            QTimer.singleShot(0, self.close)
