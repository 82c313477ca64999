"""Saved reviews: save and open review files, export CSV, and resume the autosaved review."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from photodedup.core import results_io
from photodedup.gui.autosave import snapshot
from photodedup.gui.formatting import fill, human_time, plural

if TYPE_CHECKING:
    from photodedup.gui.main_window import MainWindow


class ReviewFiles(QObject):
    """The File menu's review commands; results files are validated before anything is shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def save_review(self) -> None:
        review = self._window.review()
        if self._window.result is None or review is None:
            return
        start = os.path.join(
            self._window.settings.last_dir or os.path.expanduser("~"), "review.json"
        )
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save review"), start, self.tr("PhotoDedup review (*.json)")
        )
        if path:
            self._write(path, results_io.write_json)

    def export_csv(self) -> None:
        review = self._window.review()
        if self._window.result is None or review is None:
            return
        start = os.path.join(
            self._window.settings.last_dir or os.path.expanduser("~"), "duplicates.csv"
        )
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export CSV"), start, self.tr("CSV file (*.csv)")
        )
        if path:
            self._write(path, results_io.write_csv)

    def _write(self, path: str, writer: object) -> None:
        review = self._window.review()
        assert self._window.result is not None and review is not None
        try:
            writer(snapshot(self._window.result, review), path, keep=review.keep_fn())  # type: ignore[operator]
        except OSError as exc:
            self._window.show_error(
                fill(self.tr("Could not write %1:\n%2"), path, exc.strerror or str(exc))
            )
            return
        self._window.settings.last_dir = os.path.dirname(path)
        self._window.statusBar().showMessage(fill(self.tr("Saved %1"), path), 5000)

    def open_review(self) -> None:
        if self._window.busy:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open review"),
            self._window.settings.last_dir,
            self.tr("PhotoDedup review (*.json)"),
        )
        if path:
            self.load_review(path)

    def load_review(self, path: str) -> bool:
        try:
            result = results_io.load_results(path)
        except results_io.ResultsError as exc:
            self._window.show_error(self.tr("This file cannot be opened as a review."), str(exc))
            return False
        self._window.settings.last_dir = os.path.dirname(path)
        message = fill(self.tr("Review opened from %1."), os.path.basename(path))
        self._window.show_loaded(result, message)
        return True

    def offer_resume(self) -> bool:
        """Ask to resume an autosaved review from a previous session; True when resumed."""
        saved = self._window.autosaver.load()
        if saved is None:
            return False
        answer = QMessageBox.question(
            self._window,
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
            self._window.autosaver.discard()
            return False
        self._window.show_loaded(saved.result, self.tr("Review resumed."))
        return True
