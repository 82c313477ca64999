"""File > Find copies of a photo: the search job and the dialog listing the copies found."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photodedup.core import pipeline
from photodedup.core.models import IMAGE_EXTENSIONS, CancelToken, Fingerprint, ScanOptions
from photodedup.gui.formatting import fill, human_size, plural
from photodedup.gui.scan_controller import TaskRunner

if TYPE_CHECKING:
    from photodedup.gui.main_window import MainWindow

Copies = list[tuple[Fingerprint, int]]


class FindCopiesFlow(QObject):
    """Asks for a photo, searches the window's folders in the background, shows the copies."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._found)
        self.runner.failed.connect(self._failed)
        self.dialog: FindCopiesDialog | None = None
        self._query = ""

    def start(self) -> None:
        window = self._window
        options = window.scan_panel.options()
        if window.busy:
            return
        if not options.roots:
            window.show_error(self.tr("Add the folders to search first."))
            return
        patterns = " ".join(f"*{ext}" for ext in sorted(IMAGE_EXTENSIONS))
        query, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Find copies of a photo"),
            window.settings.last_dir or options.roots[0],
            fill(self.tr("Photos (%1)"), patterns),
        )
        if not query:
            return
        window.settings.last_dir = os.path.dirname(query)
        self._query = query
        self.runner.start(find_copies_job(query, options))
        window.job_started(fill(self.tr("Looking for copies of %1..."), os.path.basename(query)))

    def _found(self, copies: object) -> None:
        if self.runner.cancel_requested:
            self._window.job_ended(self.tr("Search cancelled."))
            return
        self._window.job_ended(self.tr("Search finished."))
        self.dialog = FindCopiesDialog(self._query, copies, self._window)  # type: ignore[arg-type]
        self.dialog.open()

    def _failed(self, message: str) -> None:
        self._window.job_ended(self.tr("Search stopped."))
        self._window.show_error(self.tr("Could not look for copies of this photo."), message)


def find_copies_job(
    query: str, options: ScanOptions
) -> Callable[[Callable[[object], None], CancelToken], object]:
    """A TaskRunner job running pipeline.find_copies for one photo."""

    def job(progress: Callable[[object], None], cancel: CancelToken) -> object:
        return pipeline.find_copies(query, options, progress, cancel)

    return job


class FindCopiesDialog(QDialog):
    """The copies of one photo found in the scanned folders, closest first."""

    def __init__(
        self, query: str, copies: Sequence[tuple[Fingerprint, int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Copies of %1"), os.path.basename(query)))
        query_real = os.path.realpath(query)
        others = [(fp, d) for fp, d in copies if os.path.realpath(fp.path) != query_real]
        if others:
            text = plural(
                self.tr("%n copy(ies) of %1 found in the scanned folders:", "", len(others)),
                len(others),
            )
        else:
            text = self.tr("No copy of %1 was found in the scanned folders.")
        self.headline = QLabel(text.replace("%1", query), self)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("File"),
                self.tr("Folder"),
                self.tr("Match"),
                self.tr("Size"),
                self.tr("Pixels"),
            ]
        )
        for fp, distance in others:
            match = (
                self.tr("identical") if distance == 0 else fill(self.tr("distance %1"), distance)
            )
            item = QTreeWidgetItem(
                [
                    os.path.basename(fp.path),
                    os.path.dirname(fp.path),
                    match,
                    human_size(fp.size),
                    f"{fp.width} × {fp.height}",
                ]
            )
            item.setToolTip(0, fp.path)
            item.setToolTip(1, fp.path)
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.resizeColumnToContents(0)
        self.tree.setVisible(bool(others))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(820, 380 if others else 120)

    def paths(self) -> list[str]:
        """The listed copies' paths, in the order shown."""
        return [self.tree.topLevelItem(i).toolTip(0) for i in range(self.tree.topLevelItemCount())]
