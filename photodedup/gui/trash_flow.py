"""Trash the marked files, undo the last trash and show the history, off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from photodedup.core import journal, trash
from photodedup.core.models import CancelToken, DuplicateGroup
from photodedup.gui.dialogs import (
    ErrorDialog,
    HistoryDialog,
    Section,
    SummaryDialog,
    TrashConfirmDialog,
)
from photodedup.gui.formatting import fill, human_size, plural, sentences
from photodedup.gui.scan_controller import TaskRunner

if TYPE_CHECKING:
    from photodedup.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class JobKind(Enum):
    TRASH = auto()
    RESTORE = auto()


@dataclass(frozen=True, slots=True)
class TrashOutcome:
    plan: trash.TrashPlan
    report: trash.TrashReport


def trash_job(
    groups: list[DuplicateGroup], kept: dict[str, bool]
) -> Callable[[Callable[[object], None], CancelToken], object]:
    """Plan and execute a trash of the files not kept, reporting (done, total, path) tuples."""

    def job(progress: Callable[[object], None], cancel: CancelToken) -> object:
        plan = trash.plan_trash(groups, keep=lambda path: kept.get(path, True))
        report = trash.execute_plan(
            plan, lambda done, total, path: progress((done, total, path)), cancel
        )
        return TrashOutcome(plan, report)

    return job


def restore_job(batch_id: str | None) -> Callable[[Callable[[object], None], CancelToken], object]:
    def job(progress: Callable[[object], None], cancel: CancelToken) -> object:
        return journal.restore(batch_id)

    return job


class TrashFlow(QObject):
    """The trash, undo and history commands of the main window.

    Dialogs are opened window-modal without a nested event loop, so a test (or a person) answers
    them through their buttons: ``confirm_dialog``, ``summary`` and ``history`` hold the open ones.
    """

    trashed = Signal(list)  # paths moved to the trash
    restored = Signal(object)  # journal.RestoreReport
    runningChanged = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._runner = TaskRunner(self)
        self._runner.progress.connect(self._on_progress)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._kind = JobKind.TRASH
        self._progress: QProgressDialog | None = None
        self.confirm_dialog: TrashConfirmDialog | None = None
        self.summary: SummaryDialog | None = None
        self.history: HistoryDialog | None = None
        self.error: ErrorDialog | None = None

    @property
    def running(self) -> bool:
        return self._runner.running

    def cancel(self) -> None:
        self._runner.cancel()

    def wait(self) -> bool:
        return self._runner.wait()

    # -- trash -----------------------------------------------------------------------------

    def trash(self) -> None:
        if self._window.review() is None or self.running:
            return
        # Freeze the marks now (duplicates and similar shots): the user may not change them
        # while the batch is under way.
        groups, kept, count, size = self._window.trash_selection()
        if count == 0:
            return
        self.confirm_dialog = TrashConfirmDialog(count, human_size(size), self._window)
        self.confirm_dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            dialog, self.confirm_dialog = self.confirm_dialog, None
            if dialog is not None and dialog.confirmed():
                self._start(JobKind.TRASH, trash_job(groups, kept), count)

        self.confirm_dialog.finished.connect(answered)
        self.confirm_dialog.open()

    # -- undo and history ------------------------------------------------------------------

    def undo_last(self) -> None:
        self.restore(None)

    def restore(self, batch_id: str | None) -> None:
        if self.running:
            return
        self._start(JobKind.RESTORE, restore_job(batch_id), 0)

    def show_history(self) -> None:
        try:
            batches = journal.list_batches()
        except journal.JournalError as exc:
            self._show_error(self.tr("The trash history cannot be read."), str(exc))
            return
        if self.history is None:
            self.history = HistoryDialog(batches, self._window)
            self.history.restoreRequested.connect(self.restore)
        else:
            self.history.set_batches(batches)
        self.history.show()
        self.history.raise_()

    # -- running ---------------------------------------------------------------------------

    def _start(self, kind: JobKind, job: Callable, total: int) -> None:
        self._kind = kind
        title = (
            self.tr("Moving files to the trash...")
            if kind is JobKind.TRASH
            else self.tr("Putting files back...")
        )
        self._progress = QProgressDialog(title, self.tr("Stop"), 0, total, self._window)
        self._progress.setWindowTitle("PhotoDedup")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)
        self._progress.canceled.connect(self._runner.cancel)
        if total == 0:
            self._progress.setRange(0, 0)
        self._runner.start(job)
        self.runningChanged.emit(True)

    def _on_progress(self, value: object) -> None:
        if self._progress is None or not isinstance(value, tuple):
            return
        done, total, path = value
        self._progress.setMaximum(total)
        self._progress.setValue(done)
        if path:
            self._progress.setLabelText(
                fill(self.tr("Moving %1 (%2 of %3)..."), path, done + 1, total)
            )

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._runner.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_finished(self, result: object) -> None:
        self._close_progress()
        self.runningChanged.emit(False)
        if isinstance(result, TrashOutcome):
            log.info(
                "Trash batch %s: %d moved, %d skipped",
                result.report.batch_id,
                len(result.report.moved),
                len(result.report.skipped),
            )
            self.trashed.emit(list(result.report.moved))
            self._show_summary(self._trash_summary(result))
        elif isinstance(result, journal.RestoreReport):
            log.info(
                "Restore of batch %s: %d restored, %d failed",
                result.batch_id,
                len(result.restored),
                len(result.failed),
            )
            self.restored.emit(result)
            self._show_summary(self._restore_summary(result))
            if self.history is not None and self.history.isVisible():
                self.show_history()

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self.runningChanged.emit(False)
        if self._kind is JobKind.TRASH:
            text = self.tr("The trash was stopped. Files already moved are in the journal.")
        else:
            text = self.tr("Could not put the files back.")
        self._show_error(text, message)

    # -- summaries -------------------------------------------------------------------------

    def _trash_summary(self, outcome: TrashOutcome) -> SummaryDialog:
        report, plan = outcome.report, outcome.plan
        moved = set(report.moved)
        moved_bytes = sum(i.size for i in plan.items if i.path in moved)
        parts = [
            plural(
                self.tr("Moved %n file(s) (%1) to the trash.", "", len(moved)), len(moved)
            ).replace("%1", human_size(moved_bytes))
        ]
        if report.skipped:
            parts.append(
                plural(self.tr("Skipped %n file(s).", "", len(report.skipped)), len(report.skipped))
            )
        if report.moved:
            parts.append(self.tr("Edit > Undo last trash puts them back."))
        headline = sentences(*parts)
        refused = [(path, g.reason) for g in plan.refused for path in g.paths]
        sections = [
            Section(self.tr("Skipped"), report.skipped),
            Section(self.tr("Not touched"), refused),
            Section(self.tr("Moved to the trash"), [(p, "") for p in report.moved]),
        ]
        return SummaryDialog(self.tr("Trash finished"), headline, sections, self._window)

    def _restore_summary(self, report: journal.RestoreReport) -> SummaryDialog:
        if report.message:
            headline = report.message[0].upper() + report.message[1:]
        else:
            headline = plural(
                self.tr("Put back %n file(s).", "", len(report.restored)), len(report.restored)
            )
            if report.failed:
                headline = sentences(
                    headline,
                    plural(
                        self.tr("Could not put back %n file(s).", "", len(report.failed)),
                        len(report.failed),
                    ),
                )
        if report.restored:
            headline = sentences(headline, self.tr("Scan again to review them."))
        sections = [
            Section(self.tr("Not put back"), report.failed),
            Section(self.tr("Put back"), [(dest, "") for _src, dest in report.restored]),
        ]
        return SummaryDialog(self.tr("Undo trash"), headline, sections, self._window)

    def _show_summary(self, dialog: SummaryDialog) -> None:
        self.summary = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def _show_error(self, message: str, details: str) -> None:
        self.error = ErrorDialog(message, details, parent=self._window)
        self.error.open()
