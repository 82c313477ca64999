"""The PhotoDedup main window: builds the widgets and wires them to the controller and flows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

from photodedup.core.models import Progress
from photodedup.core.review import Review
from photodedup.gui.autosave import Autosaver
from photodedup.gui.controller import AppController, JobKind
from photodedup.gui.dialogs import DialogHost, ErrorDialog, replacing
from photodedup.gui.differences import DifferencesFlow
from photodedup.gui.executor import Executor
from photodedup.gui.find_copies import FindCopiesFlow
from photodedup.gui.formatting import human_size, plural
from photodedup.gui.ignore_list_dialog import IgnoreListDialog
from photodedup.gui.menus import WindowMenus, shortcut_text
from photodedup.gui.outcome import nothing_found_text
from photodedup.gui.problems_view import ProblemsDock
from photodedup.gui.results_tabs import ResultsTabs
from photodedup.gui.review_files import ReviewFiles
from photodedup.gui.scan_flow import ScanFlow
from photodedup.gui.scan_panel import ScanPanel
from photodedup.gui.settings import Settings
from photodedup.gui.trash_flow import TrashFlow
from photodedup.gui.undo import UndoTracker
from photodedup.gui.window_layout import build_central, show_panel_arrow

#: Jobs whose progress shows in the scan panel (a trash shows its own progress dialog).
PANEL_JOBS = (JobKind.SCAN, JobKind.FIND_COPIES)


class MainWindow(QMainWindow):
    """Scan folders, review the duplicate groups, send the extra copies to the trash."""

    def __init__(
        self,
        settings: Settings | None = None,
        autosaver: Autosaver | None = None,
        executor: Executor | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("PhotoDedup")
        self.settings = settings if settings is not None else Settings()
        self._closing = False  # closing was asked while a job ran: close when it ends
        self.controller = AppController(
            executor if executor is not None else Executor(),
            autosaver if autosaver is not None else Autosaver(),
            self,
        )
        # Parented here so the executor, the autosaver and the controller share the window's life.
        self.controller.executor.setParent(self.controller)
        self.autosaver = self.controller.autosaver
        self.autosaver.setParent(self.controller)
        self.dialogs = DialogHost(self, self.statusBar().showMessage)

        self.scan_panel = ScanPanel(self.settings, self)
        self.scan_panel.setMinimumWidth(300)
        self.scan_flow = ScanFlow(self.controller, self.dialogs, self.scan_panel.options)
        self.find_flow = FindCopiesFlow(
            self.controller, self.dialogs, self.settings, self.scan_panel.options
        )
        self.undo = UndoTracker(self.controller)  # before the flows that report a restore
        self.trash_flow = TrashFlow(self.controller, self.dialogs, self.settings, self.undo)
        self.review_files = ReviewFiles(self.controller, self.dialogs, self.settings)
        self.ignore_dialog: IgnoreListDialog | None = None
        self.results_tabs = ResultsTabs(self)
        self.review_panel = self.results_tabs.duplicates
        self.differences = DifferencesFlow(self.controller.executor, self.results_tabs, self)
        central = build_central(self, self.scan_panel, self.results_tabs)
        self.stack, self.empty_label = central.stack, central.empty_label
        self.trash_button, self.move_button = central.trash_button, central.move_button
        self.panel_button = central.panel_button
        self.setCentralWidget(central.splitter)

        self.problems_dock = ProblemsDock(self)
        self.problems_view, self.problems_button = (
            self.problems_dock.view,
            self.problems_dock.button,
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()
        self.statusBar().addPermanentWidget(self.problems_button)

        self.menus = WindowMenus(self)
        self.scan_action = self.menus.scan_action
        self.panel_button.setDefaultAction(self.menus.panel_action)
        self.show_scan_panel(True)
        self._connect()
        self._show_empty(
            self.tr(
                "Add the folders that hold your photos on the left (or drop them there), "
                "then press Scan (%1).\n\nPhotoDedup will show each group of copies side by side; "
                "nothing is moved until you say so."
            ).replace("%1", shortcut_text(self.scan_action.shortcut()))
        )
        self.update_actions()
        geometry, state = self.settings.geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        if state is not None:
            self.restoreState(state)

    def _connect(self) -> None:
        controller = self.controller
        self.scan_panel.scanRequested.connect(self.start_scan)
        self.scan_panel.cancelRequested.connect(controller.cancel)
        self.scan_panel.folders.changed.connect(self.update_actions)
        for flow in (self.scan_flow, self.find_flow):
            flow.started.connect(self._job_started)
            flow.ended.connect(self._job_ended)
        self.review_files.loaded.connect(self.scan_panel.progress.idle)
        controller.scanProgress.connect(self._on_progress)
        controller.cancelling.connect(self.scan_panel.progress.cancelling)
        controller.scanFinished.connect(lambda r: self.problems_view.set_problems(r.problems))
        controller.resultChanged.connect(self._result_changed)
        controller.marksChanged.connect(self.update_trash_button)
        controller.trashed.connect(lambda _outcome: self.results_tabs.refresh())
        controller.trashed.connect(lambda _outcome: self._show_review_or_empty())
        controller.jobStarted.connect(self._job_running)
        controller.jobEnded.connect(self._job_running)
        self.undo.changed.connect(self.update_actions)
        self.results_tabs.marksChanged.connect(controller.marks_changed)
        self.trash_button.clicked.connect(self.trash_flow.trash)
        self.move_button.clicked.connect(self.trash_flow.move)

    # -- jobs ------------------------------------------------------------------------------

    @property
    def error_dialog(self) -> ErrorDialog | None:
        return self.dialogs.error_dialog

    def start_scan(self) -> None:
        if self.scan_flow.start() and self.stack.currentWidget() is self.empty_label:
            self._show_empty(
                self.tr(
                    "Scanning your photos...\n\nThe groups of copies appear here when the scan "
                    "is done. Photos already read are remembered, so the next scan is faster."
                )
            )

    def show_scan_panel(self, shown: bool) -> None:
        """Show or fold away the folders, options and scan progress (View > Scan panel)."""
        self.scan_panel.setVisible(shown)
        self.menus.panel_action.setChecked(shown)
        show_panel_arrow(self.panel_button, shown)

    def _job_started(self, title: str) -> None:
        self.show_scan_panel(True)  # its progress is the job's
        self.scan_panel.set_running(True)
        self.scan_panel.progress.begin(title)

    def _job_ended(self, message: str) -> None:
        self.scan_panel.set_running(False)
        self.scan_panel.progress.idle(message)

    def _job_running(self, kind: JobKind) -> None:
        running = self.controller.job is not None
        if kind in (JobKind.TRASH, JobKind.MOVE, JobKind.RESTORE):
            # Marks are frozen while a batch runs: the batch acts on what the user confirmed.
            self.results_tabs.setEnabled(not running)
        elif not running and kind in PANEL_JOBS:
            self.scan_panel.set_running(False)
        self.update_actions()
        if self._closing and not running:
            # Queued: the job's other handlers run before the window goes.
            QTimer.singleShot(0, self.close)

    def _on_progress(self, progress: Progress) -> None:
        self.scan_panel.progress.show_progress(progress, self.controller.cancel_requested)

    # -- the review ------------------------------------------------------------------------

    def review(self) -> Review | None:
        return self.controller.duplicates

    def _result_changed(self) -> None:
        controller = self.controller
        self.results_tabs.set_reviews(controller.duplicates, controller.bursts)
        if controller.result is not None:
            self.problems_view.set_problems(controller.result.problems)
        # Groups to review take the whole width; the panel is one click away.
        self.show_scan_panel(not controller.has_groups())
        self._show_review_or_empty()
        self.update_actions()

    def _show_review_or_empty(self) -> None:
        result = self.controller.result
        if result is not None and self.controller.has_groups():
            self.stack.setCurrentWidget(self.results_tabs)
            self.results_tabs.currentWidget().setFocus()
        elif result is not None and result.groups:
            self._show_empty(
                self.tr(
                    "Every group is resolved: nothing is left to review.\n\n"
                    "Scan again (%1) to check these folders once more."
                ).replace("%1", shortcut_text(self.scan_action.shortcut()))
            )
        elif result is not None:
            self._show_empty(nothing_found_text(result))
        else:
            self.stack.setCurrentWidget(self.empty_label)

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def update_trash_button(self) -> None:
        has_result = self.controller.result is not None
        count, size = self.controller.trash_totals() if has_result else (0, 0)
        text = plural(self.tr("Move %n file(s) (%1) to trash", "", count), count).replace(
            "%1", human_size(size)
        )
        self.trash_button.setText(text if count else self.tr("Move 0 files to trash"))
        self.trash_button.setEnabled(count > 0 and not self.controller.busy)
        self.trash_button.setVisible(has_result)
        self.move_button.setEnabled(self.trash_button.isEnabled())
        self.move_button.setVisible(has_result)
        self.panel_button.setVisible(has_result)  # before a scan the panel is all there is

    def show_ignore_list(self) -> None:
        """The decisions "these are different photos", to review and remove."""
        self.ignore_dialog = replacing(
            self.ignore_dialog, IgnoreListDialog(self.results_tabs.ignore_path, self)
        )
        self.ignore_dialog.open()

    def prefer_folder(self) -> None:
        result = self.controller.result
        if result is None or self.review() is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Keep copies in this folder when possible"),
            result.roots[0] if result.roots else "",
        )
        if folder:
            self.review_panel.auto_select(folder)

    # -- misc ------------------------------------------------------------------------------

    def update_actions(self) -> None:
        self.menus.update(
            busy=self.controller.busy,
            scanning=self.controller.job in PANEL_JOBS,
            has_review=self.review() is not None,
            has_folders=bool(self.scan_panel.folders.folders()),
            can_undo=self.undo.available,
        )
        self.update_trash_button()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller.busy:
            # Stop the job (the trash stops between files, keeping its journal true) and close
            # once it has ended: the window never waits for a thread inside an event handler.
            self.controller.cancel()
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
        self.controller.shutdown()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)
