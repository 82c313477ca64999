"""File > Find copies of a photo: the search job and the dialog listing the copies found."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
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

from photodedup.core.models import IMAGE_EXTENSIONS, Fingerprint, ScanOptions
from photodedup.gui.controller import AppController, FoundCopies, JobKind
from photodedup.gui.dialogs import DialogHost, replacing
from photodedup.gui.formatting import fill, human_size, plural
from photodedup.gui.settings import Settings


class FindCopiesFlow(QObject):
    """Asks for a photo, has the controller search the folders, shows the copies found.

    ``started`` and ``ended`` carry the words for the progress area.
    """

    started = Signal(str)
    ended = Signal(str)

    def __init__(
        self,
        controller: AppController,
        dialogs: DialogHost,
        settings: Settings,
        options: Callable[[], ScanOptions],
    ) -> None:
        super().__init__(controller)
        self._controller = controller
        self._dialogs = dialogs
        self._settings = settings
        self._options = options
        self.dialog: FindCopiesDialog | None = None
        controller.copiesFound.connect(self._found)
        controller.jobFailed.connect(self._failed)

    def start(self) -> None:
        options = self._options()
        if self._controller.busy:
            return
        if not options.roots:
            self._dialogs.show_error(self.tr("Add the folders to search first."))
            return
        patterns = " ".join(f"*{ext}" for ext in sorted(IMAGE_EXTENSIONS))
        query, _ = QFileDialog.getOpenFileName(
            self._dialogs.widget,
            self.tr("Find copies of a photo"),
            self._settings.last_dir or options.roots[0],
            fill(self.tr("Photos (%1)"), patterns),
        )
        if not query:
            return
        self._settings.last_dir = os.path.dirname(query)
        if self._controller.find_copies(query, options):
            self.started.emit(fill(self.tr("Looking for copies of %1..."), os.path.basename(query)))

    def _found(self, found: FoundCopies) -> None:
        if found.cancelled:
            self.ended.emit(self.tr("Search cancelled."))
            return
        self.ended.emit(self.tr("Search finished."))
        self.dialog = replacing(
            self.dialog, FindCopiesDialog(found.query, found.copies, self._dialogs.widget)
        )
        self.dialog.open()

    def _failed(self, kind: JobKind, message: str) -> None:
        if kind is JobKind.FIND_COPIES:
            self.ended.emit(self.tr("Search stopped."))
            self._dialogs.show_error(self.tr("Could not look for copies of this photo."), message)


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
