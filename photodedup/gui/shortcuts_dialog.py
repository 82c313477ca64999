"""Help > Keyboard shortcuts: the menus' shortcuts (read from the actions) and the review keys."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

K = Qt.Key

#: Keys of the review list and compare pane (gui/review_panel.py binds them).
REVIEW_KEYS = (
    ((K.Key_Down, K.Key_J), QT_TRANSLATE_NOOP("ShortcutsDialog", "Next group")),
    ((K.Key_Up, K.Key_K), QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous group")),
    ((K.Key_Right,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Next file of the group")),
    ((K.Key_Left,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous file of the group")),
    ((K.Key_Space,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Keep or trash the chosen file")),
    ((K.Key_Delete,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Mark the chosen file for trash")),
)

#: Keys of the large side-by-side view (gui/image_viewer.py binds them).
VIEWER_KEYS = (
    ((K.Key_Plus, K.Key_Equal), QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom in")),
    ((K.Key_Minus,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom out")),
    ((K.Key_F, K.Key_0), QT_TRANSLATE_NOOP("ShortcutsDialog", "Fit to the window")),
    ((K.Key_1,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Actual size")),
)

#: Keys of the differences view (gui/differences.py binds them, with the large view's zoom keys).
DIFFERENCES_KEYS = (
    ((K.Key_B,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Blink: the keeper and the copy in turn")),
    ((K.Key_H,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Heat map or the copy on the right")),
    ((K.Key_Escape,), QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the view")),
)


def _rows(table: tuple[tuple[tuple[Qt.Key, ...], str], ...]) -> list[tuple[str, str]]:
    native = QKeySequence.SequenceFormat.NativeText
    return [
        (
            " / ".join(QKeySequence(key).toString(native) for key in keys),
            QCoreApplication.translate("ShortcutsDialog", text),
        )
        for keys, text in table
    ]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, by where it works."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        menu_rows = [
            (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text())
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        self._section(self.tr("Anywhere in the window"), menu_rows)
        self._section(self.tr("Reviewing groups"), _rows(REVIEW_KEYS))
        self._section(self.tr("Large view (double-click a photo)"), _rows(VIEWER_KEYS))
        self._section(
            self.tr("Differences view (also zooms like the large view)"), _rows(DIFFERENCES_KEYS)
        )
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def _section(self, title: str, rows: list[tuple[str, str]]) -> None:
        top = QTreeWidgetItem([title, ""])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        self.tree.addTopLevelItem(top)
        top.setFirstColumnSpanned(True)
        for keys, text in rows:
            top.addChild(QTreeWidgetItem([keys, text.replace("&", "").rstrip(".")]))
        top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, keys, text) of every line."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                out.append((top.text(0), child.text(0), child.text(1)))
        return out
