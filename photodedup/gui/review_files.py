"""Saved reviews: save and open review files, export CSV, and resume the autosaved review."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from photodedup.core import results_io
from photodedup.core.models import ScanResult
from photodedup.gui.autosave import snapshot
from photodedup.gui.controller import AppController
from photodedup.gui.dialogs import DialogHost
from photodedup.gui.formatting import fill, human_time, plural
from photodedup.gui.settings import Settings

#: results_io.write_json or write_csv: (result, dest, keep=..., burst_keep=...).
Writer = Callable[..., None]


class ReviewFiles(QObject):
    """The File menu's review commands; results files are validated before anything is shown.

    ``loaded`` carries the words for the progress area once a review is shown.
    """

    loaded = Signal(str)

    def __init__(self, controller: AppController, dialogs: DialogHost, settings: Settings) -> None:
        super().__init__(controller)
        self._controller = controller
        self._dialogs = dialogs
        self._settings = settings

    def save_review(self) -> None:
        self._save_as(
            self.tr("Save review"),
            "review.json",
            self.tr("PhotoDedup review (*.json)"),
            results_io.write_json,
        )

    def export_csv(self) -> None:
        self._save_as(
            self.tr("Export CSV"),
            "duplicates.csv",
            self.tr("CSV file (*.csv)"),
            results_io.write_csv,
        )

    def _save_as(self, title: str, name: str, file_filter: str, writer: Writer) -> None:
        """Ask where to write the review (both tabs, with their marks) and write it there."""
        review, result = self._controller.duplicates, self._controller.result
        if result is None or review is None:
            return
        start = os.path.join(self._settings.last_dir or os.path.expanduser("~"), name)
        path, _ = QFileDialog.getSaveFileName(self._dialogs.widget, title, start, file_filter)
        if not path:
            return
        shots = self._controller.bursts
        try:
            writer(
                snapshot(result, review, shots),
                path,
                keep=review.keep_fn(),
                burst_keep=shots.keep_fn() if shots is not None else None,
            )
        except OSError as exc:
            self._dialogs.show_error(
                fill(self.tr("Could not write %1:\n%2"), path, exc.strerror or str(exc))
            )
            return
        self._settings.last_dir = os.path.dirname(path)
        self._dialogs.show_status(fill(self.tr("Saved %1"), path))

    def open_review(self) -> None:
        if self._controller.busy:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._dialogs.widget,
            self.tr("Open review"),
            self._settings.last_dir,
            self.tr("PhotoDedup review (*.json)"),
        )
        if path:
            self.load_review(path)

    def load_review(self, path: str) -> bool:
        try:
            result = results_io.load_results(path)
        except results_io.ResultsError as exc:
            self._dialogs.show_error(self.tr("This file cannot be opened as a review."), str(exc))
            return False
        self._settings.last_dir = os.path.dirname(path)
        self._show(result, fill(self.tr("Review opened from %1."), os.path.basename(path)))
        return True

    def offer_resume(self) -> bool:
        """Ask to resume an autosaved review from a previous session; True when resumed."""
        autosaver = self._controller.autosaver
        saved = autosaver.load()
        if saved is None:
            return False
        answer = QMessageBox.question(
            self._dialogs.widget,
            self.tr("Resume review"),
            plural(
                self.tr(
                    "Resume your last review? (%n group(s), saved %1)", "", len(saved.result.groups)
                ),
                len(saved.result.groups),
            ).replace("%1", human_time(saved.saved_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            autosaver.discard()
            return False
        self._show(saved.result, self.tr("Review resumed."))
        return True

    def _show(self, result: ScanResult, message: str) -> None:
        """Show a review loaded from a file or the autosave (and keep autosaving it)."""
        self._controller.set_result(result)
        self.loaded.emit(message)
