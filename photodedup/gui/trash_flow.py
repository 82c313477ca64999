"""Trash the marked files or move them to a folder, undo and show the history, off the GUI
thread. A trash onto a volume without a usable trash offers the folder before it starts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from photodedup.core import journal, move_to_folder, xdg_trash
from photodedup.gui.controller import (
    AppController,
    JobKind,
    TrashOutcome,
    TrashProgress,
    TrashSelection,
)
from photodedup.gui.dialogs import (
    DialogHost,
    HistoryDialog,
    MoveConfirmDialog,
    NoTrashDialog,
    Section,
    SummaryDialog,
    TrashConfirmDialog,
    replacing,
)
from photodedup.gui.formatting import fill, human_size, plural, sentences
from photodedup.gui.settings import Settings
from photodedup.gui.undo import UndoTracker


class TrashFlow(QObject):
    """The trash, move to folder, undo and history commands, over the controller.

    Dialogs are opened window-modal without a nested event loop, so a test (or a person) answers
    them through their buttons: ``confirm_dialog``, ``no_trash``, ``move_dialog``, ``summary``
    and ``history`` hold the open ones. The folder is asked with QFileDialog, like other flows.
    """

    def __init__(
        self,
        controller: AppController,
        dialogs: DialogHost,
        settings: Settings | None = None,
        undo: UndoTracker | None = None,
    ) -> None:
        super().__init__(controller)
        self._controller = controller
        self._undo = undo  # knows whether an undo brought the review back
        self._dialogs = dialogs
        self._settings = settings  # remembers the metadata switch; None: off each time
        self._progress: QProgressDialog | None = None
        self.confirm_dialog: TrashConfirmDialog | None = None
        self.no_trash: NoTrashDialog | None = None
        self.move_dialog: MoveConfirmDialog | None = None
        self.summary: SummaryDialog | None = None
        self.history: HistoryDialog | None = None
        controller.trashProgress.connect(self._on_progress)
        controller.trashed.connect(self._trashed)
        controller.restored.connect(self._restored)
        controller.jobFailed.connect(self._failed)

    # -- trash -----------------------------------------------------------------------------

    def trash(self) -> None:
        if self._controller.result is None or self._controller.busy:
            return
        # Freeze the marks now (duplicates and similar shots): the user may not change them
        # while the batch is under way.
        selection = self._controller.trash_selection()
        if selection.count == 0:
            return
        # Before the batch, not file by file: a share without a trash gets the folder offered.
        marked = (p for p, keep in selection.kept.items() if not keep)
        if volumes := xdg_trash.volumes_without_trash(marked):
            self._offer_move(volumes)
            return
        self.confirm_dialog = replacing(
            self.confirm_dialog,
            TrashConfirmDialog(
                selection.count,
                human_size(selection.size),
                self._dialogs.widget,
                merge=self._settings is not None and self._settings.merge_metadata,
            ),
        )
        self.confirm_dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            dialog, self.confirm_dialog = self.confirm_dialog, None
            if dialog is None:
                return
            dialog.deleteLater()
            merge = dialog.merge_metadata()
            if self._settings is not None:
                self._settings.merge_metadata = merge
            if dialog.confirmed() and self._controller.trash(selection, merge):
                self._show_progress(self.tr("Moving files to the trash..."), selection.count)

        self.confirm_dialog.finished.connect(answered)
        self.confirm_dialog.open()

    def _offer_move(self, volumes: list[str]) -> None:
        self.no_trash = replacing(self.no_trash, NoTrashDialog(volumes, self._dialogs.widget))
        self.no_trash.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            dialog, self.no_trash = self.no_trash, None
            if dialog is not None:
                dialog.deleteLater()
                if dialog.move_chosen():
                    self.move()

        self.no_trash.finished.connect(answered)
        self.no_trash.open()

    # -- move to folder --------------------------------------------------------------------

    def move(self) -> None:
        """Ask for a folder, check it can take the files, confirm, then move them there."""
        result = self._controller.result
        if result is None or self._controller.busy:
            return
        selection = self._controller.trash_selection()
        if selection.count == 0:
            self._dialogs.show_status(self.tr("No file is marked to be moved."))
            return
        dest = QFileDialog.getExistingDirectory(
            self._dialogs.widget, self.tr("Move the marked files to this folder")
        )
        if not dest:
            return
        problem = move_to_folder.destination_problem(dest, result.roots)
        if problem:
            self._dialogs.show_error(self.tr("The files cannot be moved to this folder."), problem)
            return
        self._confirm_move(selection, dest)

    def _confirm_move(self, selection: TrashSelection, dest: str) -> None:
        self.move_dialog = replacing(
            self.move_dialog,
            MoveConfirmDialog(
                selection.count, human_size(selection.size), dest, self._dialogs.widget
            ),
        )
        self.move_dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            dialog, self.move_dialog = self.move_dialog, None
            if dialog is None:
                return
            dialog.deleteLater()
            if dialog.confirmed() and self._controller.move(selection, dest):
                self._show_progress(fill(self.tr("Moving files to %1..."), dest), selection.count)

        self.move_dialog.finished.connect(answered)
        self.move_dialog.open()

    # -- undo and history ------------------------------------------------------------------

    def undo_last(self) -> None:
        self.restore(None)

    def restore(self, batch_id: str | None) -> None:
        if self._controller.restore(batch_id):
            self._show_progress(self.tr("Putting files back..."), 0)

    def show_history(self) -> None:
        try:
            batches = journal.list_batches()
        except journal.JournalError as exc:
            self._dialogs.show_error(self.tr("The trash history cannot be read."), str(exc))
            return
        if self.history is None:
            self.history = HistoryDialog(batches, self._dialogs.widget)
            self.history.restoreRequested.connect(self.restore)
        else:
            self.history.set_batches(batches)
        self.history.show()
        self.history.raise_()

    # -- running ---------------------------------------------------------------------------

    def _show_progress(self, title: str, total: int) -> None:
        self._progress = QProgressDialog(title, self.tr("Stop"), 0, total, self._dialogs.widget)
        self._progress.setWindowTitle("PhotoDedup")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)
        self._progress.canceled.connect(self._controller.cancel)
        if total == 0:
            self._progress.setRange(0, 0)

    def _on_progress(self, progress: TrashProgress) -> None:
        dialog = self._progress
        if dialog is None:
            return
        dialog.setMaximum(progress.total)
        if progress.path:
            dialog.setLabelText(
                fill(
                    self.tr("Moving %1 (%2 of %3)..."),
                    progress.path,
                    progress.done + 1,
                    progress.total,
                )
            )
        # Last: a window-modal progress dialog processes events in setValue, where the batch's
        # end can arrive and close the dialog.
        dialog.setValue(progress.done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._controller.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _trashed(self, outcome: TrashOutcome) -> None:
        self._close_progress()
        self._show_summary(self._trash_summary(outcome))

    def _restored(self, report: journal.RestoreReport) -> None:
        self._close_progress()
        self._show_summary(self._restore_summary(report))
        if self.history is not None and self.history.isVisible():
            self.show_history()

    def _failed(self, kind: JobKind, message: str) -> None:
        if kind is JobKind.TRASH:
            text = self.tr("The trash was stopped. Files already moved are in the journal.")
        elif kind is JobKind.MOVE:
            text = self.tr("The move was stopped. Files already moved are in the journal.")
        elif kind is JobKind.RESTORE:
            text = self.tr("Could not put the files back.")
        else:
            return
        self._close_progress()
        self._dialogs.show_error(text, message)

    # -- summaries -------------------------------------------------------------------------

    def _trash_summary(self, outcome: TrashOutcome) -> SummaryDialog:
        report, plan = outcome.report, outcome.plan
        moved = set(report.moved)
        moved_bytes = sum(i.size for i in plan.items if i.path in moved)
        if outcome.dest:
            done = self.tr("Moved %n file(s) (%1) to %2.", "", len(moved))
        else:
            done = self.tr("Moved %n file(s) (%1) to the trash.", "", len(moved))
        parts = [fill(plural(done, len(moved)), human_size(moved_bytes), outcome.dest)]
        if report.skipped:
            parts.append(
                plural(self.tr("Skipped %n file(s).", "", len(report.skipped)), len(report.skipped))
            )
        if report.written:
            parts.append(
                plural(
                    self.tr(
                        "Their dates, places, ratings and keywords were kept in %n sidecar(s).",
                        "",
                        len(report.written),
                    ),
                    len(report.written),
                )
            )
        if report.moved:
            parts.append(self.tr("Edit > Undo last trash puts them back."))
        headline = sentences(*parts)
        refused = [(path, g.reason) for g in plan.refused for path in g.paths]
        sections = [
            Section(self.tr("Skipped"), report.skipped),
            Section(self.tr("Not touched"), refused),
            Section(
                fill(self.tr("Moved to %1"), outcome.dest)
                if outcome.dest
                else self.tr("Moved to the trash"),
                [(p, "") for p in report.moved],
            ),
            Section(self.tr("Metadata kept in"), [(p, "") for p in report.written]),
        ]
        title = self.tr("Move finished") if outcome.dest else self.tr("Trash finished")
        return SummaryDialog(title, headline, sections, self._dialogs.widget)

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
        if report.restored and self._undo is not None and self._undo.review_back:
            headline = sentences(headline, self.tr("The review is back with your marks."))
        elif report.restored:
            headline = sentences(headline, self.tr("Scan again to review them."))
        sections = [
            Section(self.tr("Not put back"), report.failed),
            Section(self.tr("Put back"), [(dest, "") for _src, dest in report.restored]),
        ]
        return SummaryDialog(self.tr("Undo trash"), headline, sections, self._dialogs.widget)

    def _show_summary(self, dialog: SummaryDialog) -> None:
        self.summary = replacing(self.summary, dialog)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
