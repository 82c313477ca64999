"""The Problems view and its dock: files a scan could not read, each with the reason."""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.models import Problem
from photodedup.gui.formatting import plural
from photodedup.gui.reasons import problem_text

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    FILE = 0
    FOLDER = 1
    REASON = 2
    DETAILS = 3


class ProblemsModel(QAbstractTableModel):
    """Table of Problem rows: file name, folder, reason in words and the decoder's own text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.FILE: self.tr("File"),
            Column.FOLDER: self.tr("Folder"),
            Column.REASON: self.tr("Reason"),
            Column.DETAILS: self.tr("Details"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == Column.FILE:
                return os.path.basename(problem.path) or problem.path
            if index.column() == Column.FOLDER:
                return os.path.dirname(problem.path)
            if index.column() == Column.REASON:
                return problem_text(problem)
            return problem.error
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{problem.path}\n{problem_text(problem)}\n{problem.error}"
        return None


class ProblemsView(QWidget):
    """A count line and the table of problems; Ctrl+C copies the selected rows as text."""

    countChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(self)
        self.summary = QLabel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.header()
        header.setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.FILE, 220)
        header.resizeSection(Column.FOLDER, 260)
        header.resizeSection(Column.REASON, 280)
        header.setStretchLastSection(True)
        # The view's own Ctrl+C copies one cell; people want whole rows with full paths.
        copy = QAction(self.tr("Copy"), self.view)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.view.addAction(copy)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.set_problems(())

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.model.set_problems(problems)
        count = len(problems)
        if count:
            self.summary.setText(
                plural(
                    self.tr(
                        "Left out of the scan because they could not be read: %n file(s)", "", count
                    ),
                    count,
                )
            )
        else:
            self.summary.setText(self.tr("No problems: every file was read."))
        self.countChanged.emit(count)

    def count(self) -> int:
        return self.model.rowCount()

    def copy_selection(self) -> None:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        problems = self.model.problems()
        text = "\n".join(
            f"{problems[r].path}\t{problem_text(problems[r])}\t{problems[r].error}" for r in rows
        )
        QGuiApplication.clipboard().setText(text)


class ProblemsDock(QDockWidget):
    """The Problems view docked under the window, and the status-bar button that opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems")
        self.view = ProblemsView(self)
        self.setWidget(self.view)
        self.button = QPushButton(parent)
        self.button.setFlat(True)
        self.button.setToolTip(self.tr("Show the files that could not be read"))
        self.button.clicked.connect(self.show_problems)
        self.button.hide()
        self.view.countChanged.connect(self._counted)

    def show_problems(self) -> None:
        self.show()
        self.raise_()

    def _counted(self, count: int) -> None:
        self.button.setText(plural(self.tr("%n problem(s)", "", count), count))
        self.button.setVisible(count > 0)
