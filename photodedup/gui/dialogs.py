"""The app's dialogs: About, error details, trash confirmation, result summaries, and
the small dialog interface the flows use."""

from __future__ import annotations

import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import TypeVar

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

import photodedup
from photodedup.core.journal import TRASH, Batch
from photodedup.gui.formatting import fill, human_time, plural

DialogT = TypeVar("DialogT", bound=QWidget)
LICENCE = "GPL-3.0-or-later"
#: Distribution names of the libraries PhotoDedup is built on, shown in About.
LIBRARIES = (
    "Pillow",
    "pillow-heif",
    "ImageHash",
    "numpy",
    "pybktree",
    "Send2Trash",
    "platformdirs",
)


def library_versions() -> list[tuple[str, str]]:
    """(name, version) for Python, Qt, PySide6 and each library; missing ones say so."""
    rows = [
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
    ]
    for name in LIBRARIES:
        try:
            rows.append((name, version(name)))
        except PackageNotFoundError:
            rows.append((name, "-"))
    return rows


class AboutDialog(QDialog):
    """Version, licence and the libraries PhotoDedup uses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PhotoDedup"))
        title = QLabel(f"<h2>PhotoDedup {photodedup.__version__}</h2>", self)
        blurb = QLabel(
            self.tr(
                "Finds duplicate photos in your folders and moves the extra copies to the "
                "trash, safely and undoably."
            ),
            self,
        )
        blurb.setWordWrap(True)
        licence = QLabel(fill(self.tr("Licence: %1"), LICENCE), self)
        licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.libraries = QTreeWidget(self)
        self.libraries.setHeaderLabels([self.tr("Library"), self.tr("Version")])
        self.libraries.setRootIsDecorated(False)
        for name, ver in library_versions():
            self.libraries.addTopLevelItem(QTreeWidgetItem([name, ver]))
        self.libraries.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(licence)
        layout.addWidget(QLabel(self.tr("Built with:"), self))
        layout.addWidget(self.libraries)
        layout.addWidget(buttons)
        self.resize(420, 420)


class ErrorDialog(QDialog):
    """An error message with details people can copy into a bug report."""

    def __init__(
        self, message: str, details: str = "", log_path: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PhotoDedup: something went wrong"))
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(details)
        self.details.setVisible(bool(details))
        layout.addWidget(self.details)
        if log_path:
            where = QLabel(fill(self.tr("The details were also written to %1"), log_path), self)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        if details:
            copy = QPushButton(self.tr("Copy details"), self)
            copy.clicked.connect(self.copy_details)
            buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360 if details else 160)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(
            f"{self.message.text()}\n\n{self.details.toPlainText()}"
        )


class TrashConfirmDialog(QMessageBox):
    """Asks before moving files; Cancel is the default so Enter never trashes by accident."""

    def __init__(
        self, count: int, size_text: str, parent: QWidget | None = None, merge: bool = False
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Move to trash"))
        self.merge_box = QCheckBox(
            self.tr(
                "Keep their dates, places, ratings and keywords: write what the kept copy "
                "lacks into its XMP sidecar (the photo itself is not changed)"
            )
        )
        self.merge_box.setChecked(merge)
        self.setCheckBox(self.merge_box)
        self.setText(
            plural(self.tr("Move %n file(s) (%1) to the trash?", "", count), count).replace(
                "%1", size_text
            )
        )
        self.setInformativeText(
            self.tr(
                "Each file is checked again before it is moved, and no file is moved when its "
                "group's kept copy is gone. You can put them back with Edit > Undo last trash."
            )
        )
        self.move_button = self.addButton(
            self.tr("Move to trash"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.move_button

    def merge_metadata(self) -> bool:
        return self.merge_box.isChecked()


class MoveConfirmDialog(QMessageBox):
    """Asks before moving files to a folder; Cancel is the default, as for the trash."""

    def __init__(
        self, count: int, size_text: str, dest: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Move to folder"))
        self.setText(
            fill(
                plural(self.tr("Move %n file(s) (%1) to %2?", "", count), count),
                size_text,
                dest,
            )
        )
        self.setInformativeText(
            self.tr(
                "Each file keeps its folders under the name of the folder it was scanned in, "
                "is checked again before it is moved, and no file is moved when its group's "
                "kept copy is gone. You can put them back with Edit > Undo last trash."
            )
        )
        self.move_button = self.addButton(self.tr("Move"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.move_button


class NoTrashDialog(QMessageBox):
    """Says, before a trash starts, which volumes have no trash, and offers a folder instead."""

    def __init__(self, volumes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("No trash here"))
        self.setText(fill(self.tr("There is no usable trash on %1."), ", ".join(volumes)))
        self.setInformativeText(
            self.tr(
                "This happens on network shares and on some removable or read-only drives. "
                "Nothing was moved. You can move the extra copies to a folder of your choice "
                "instead, and put them back with Edit > Undo last trash."
            )
        )
        self.move_button = self.addButton(
            self.tr("Move to folder..."), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)

    def move_chosen(self) -> bool:
        return self.clickedButton() is self.move_button


@dataclass(frozen=True, slots=True)
class Section:
    """One titled list in a summary: (path, note) rows."""

    title: str
    rows: Sequence[tuple[str, str]]


class SummaryDialog(QDialog):
    """The outcome of a trash or restore: a headline and lists of files with notes."""

    def __init__(
        self, title: str, headline: str, sections: Sequence[Section], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Details")])
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for section in sections:
            if not section.rows:
                continue
            top = QTreeWidgetItem([f"{section.title} ({len(section.rows)})", ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for path, note in section.rows:
                item = QTreeWidgetItem([path, note])
                item.setToolTip(0, path)
                item.setToolTip(1, note)
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.setColumnWidth(0, 420)
        has_rows = self.tree.topLevelItemCount() > 0
        self.tree.setVisible(has_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        copy = QPushButton(self.tr("Copy list"), self)
        copy.clicked.connect(self.copy_text)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(760, 440 if has_rows else 140)

    def text(self) -> str:
        """The summary as plain text (what Copy list puts on the clipboard)."""
        lines = [self.headline.text()]
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            lines.append("")
            lines.append(top.text(0))
            for j in range(top.childCount()):
                child = top.child(j)
                note = child.text(1)
                lines.append(f"{child.text(0)}\t{note}" if note else child.text(0))
        return "\n".join(lines)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class HistoryDialog(QDialog):
    """Past trash batches, newest first, each with a Restore button."""

    restoreRequested = Signal(str)

    def __init__(self, batches: Sequence[Batch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash history"))
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Moved"), self.tr("Skipped"), self.tr("Put back"), ""]
        )
        self.restore_buttons: dict[str, QPushButton] = {}
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_batches(batches)
        self.resize(640, 360)

    def set_batches(self, batches: Sequence[Batch]) -> None:
        self.tree.clear()
        self.restore_buttons.clear()
        if batches:
            self.headline.setText(
                self.tr("Files PhotoDedup moved to the trash. Restore puts a batch back.")
            )
        else:
            self.headline.setText(self.tr("PhotoDedup has not moved any file to the trash yet."))
        self.tree.setVisible(bool(batches))
        for batch in batches:
            item = QTreeWidgetItem(
                [
                    batch_time(batch.created),
                    str(batch.moved)
                    if batch.action == TRASH
                    else fill(self.tr("%1 to a folder"), batch.moved),
                    str(batch.skipped),
                    str(batch.restored),
                ]
            )
            item.setToolTip(0, fill(self.tr("Batch %1"), batch.id))
            self.tree.addTopLevelItem(item)
            button = QPushButton(self.tr("Restore"), self.tree)
            left = batch.moved - batch.restored
            button.setEnabled(left > 0)
            button.setToolTip(
                plural(
                    self.tr("Put the %n file(s) of this batch back where they were", "", left), left
                )
                if left > 0
                else self.tr("Nothing left to put back from this batch")
            )
            button.clicked.connect(lambda _=False, bid=batch.id: self.restoreRequested.emit(bid))
            self.tree.setItemWidget(item, 4, button)
            self.restore_buttons[batch.id] = button
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.resizeSection(4, 110)


def batch_time(created: str) -> str:
    """A batch's ISO 8601 time in the locale's words (the raw text when it does not parse)."""
    try:
        return human_time(datetime.fromisoformat(created))
    except ValueError:
        return created


def replacing(old: QWidget | None, new: DialogT) -> DialogT:
    """``new``, after scheduling the deletion of the dialog it replaces.

    A dialog parented to the window lives as long as the window unless deleted: one kept per
    message shown would pile up for the whole session.
    """
    if old is not None and Shiboken.isValid(old):
        old.deleteLater()
    return new


class DialogHost:
    """What the flows need from a window: a parent for their dialogs, errors and a status line.

    Flows take this small interface rather than the main window, so each is tested with one
    plain widget. ``error_dialog`` holds the error shown last (tests answer it by its buttons).
    """

    def __init__(self, widget: QWidget, status: Callable[[str, int], None] | None = None) -> None:
        self.widget = widget
        self.error_dialog: ErrorDialog | None = None
        self._status = status

    def show_error(self, message: str, details: str = "") -> None:
        """A window-modal error message (no nested event loop)."""
        self.error_dialog = replacing(
            self.error_dialog, ErrorDialog(message, details, parent=self.widget)
        )
        self.error_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.error_dialog.open()

    def show_status(self, message: str, timeout_ms: int = 5000) -> None:
        if self._status is not None:
            self._status(message, timeout_ms)
