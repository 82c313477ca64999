"""The list of folders to scan: a table model with a per-folder reference flag, and its widget."""

from __future__ import annotations

import os
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from photodedup.gui.settings import Folder, Settings

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    FOLDER = 0
    REFERENCE = 1


class FolderListModel(QAbstractTableModel):
    """Folders to scan; the second column is a checkbox marking reference folders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders: list[Folder] = []

    def folders(self) -> list[Folder]:
        return list(self._folders)

    def set_folders(self, folders: list[Folder]) -> None:
        self.beginResetModel()
        self._folders = []
        for folder in folders:
            if all(f.path != folder.path for f in self._folders):
                self._folders.append(folder)
        self.endResetModel()

    def add(self, path: str) -> bool:
        """Add a folder once; returns False when it is already listed or not a folder."""
        path = os.path.abspath(path)
        if not os.path.isdir(path) or any(f.path == path for f in self._folders):
            return False
        row = len(self._folders)
        self.beginInsertRows(QModelIndex(), row, row)
        self._folders.append(Folder(path))
        self.endInsertRows()
        return True

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._folders):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._folders[row]
                self.endRemoveRows()

    def set_reference(self, row: int, reference: bool) -> None:
        folder = self._folders[row]
        self._folders[row] = Folder(folder.path, reference)
        index = self.index(row, Column.REFERENCE)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._folders)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Folder") if section == Column.FOLDER else self.tr("Reference")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.REFERENCE:
            return self.tr("Reference (never trashed): files in these folders are always kept")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._folders):
            return None
        folder = self._folders[index.row()]
        if index.column() == Column.FOLDER:
            if role == Qt.ItemDataRole.DisplayRole:
                return folder.path
            if role == Qt.ItemDataRole.ToolTipRole:
                return folder.path
        elif index.column() == Column.REFERENCE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if folder.reference else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Reference (never trashed)")
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            index.isValid()
            and index.column() == Column.REFERENCE
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[arg-type]
            self.set_reference(index.row(), checked)
            return True
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == Column.REFERENCE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


def dropped_folders(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
    """Local folders carried by a drag, ignoring files and remote URLs."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = (url.toLocalFile() for url in mime.urls() if url.isLocalFile())
    return [p for p in paths if os.path.isdir(p)]


class _FolderView(QTreeView):
    """A tree view that takes folders dropped from a file manager."""

    foldersDropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            # An empty list says how to fill it, instead of a blank white box.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("Drop folders here, or click Add folder..."),
            )
            painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_folders(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_folders(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        folders = dropped_folders(event)
        if folders:
            event.acceptProposedAction()
            self.foldersDropped.emit(folders)
        else:
            event.ignore()


class FolderListWidget(QWidget):
    """Folder table with Add and Remove buttons; emits changed() whenever the list changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings  # where the last file dialog was: the next one opens there
        self.model = FolderListModel(self)
        self.view = _FolderView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.FOLDER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.REFERENCE, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setToolTip(self.tr("Folders to scan. Drop folders here to add them."))
        self.view.foldersDropped.connect(self.add_folders)

        self.add_button = QPushButton(self.tr("Add folder..."), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected folders from the list (Del)"))
        self.add_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

        self.model.rowsInserted.connect(self.changed)
        self.model.rowsRemoved.connect(self.changed)
        self.model.modelReset.connect(self.changed)
        self.model.dataChanged.connect(self.changed)

    def folders(self) -> list[Folder]:
        return self.model.folders()

    def set_folders(self, folders: list[Folder]) -> None:
        self.model.set_folders(folders)

    def add_folders(self, paths: list[str]) -> int:
        return sum(self.model.add(path) for path in paths)

    def choose_folder(self) -> None:
        last = self._settings.last_dir if self._settings is not None else ""
        start = last or (self.folders()[-1].path if self.folders() else os.path.expanduser("~"))
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to scan"), start)
        if path:
            self.model.add(path)
            if self._settings is not None:
                self._settings.last_dir = path

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        self.model.remove_rows(rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.view.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())
