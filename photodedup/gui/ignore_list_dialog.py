"""The list of photos marked as different ("not a duplicate"), where decisions are removed."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core.ignore import Decision, IgnoreList, IgnoreListError


class IgnoreListDialog(QDialog):
    """Shows every decision (file names as last seen, when it was made) and removes them."""

    def __init__(self, path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos marked as different"))
        self.resize(640, 420)
        self._ignore = IgnoreList(path)
        intro = QLabel(
            self.tr(
                "Photos you marked as different are never grouped as duplicates again, even "
                "after they are renamed or moved. Remove a decision to let scans group them."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(self.tr("Decisions"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Forget the selected decisions"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def decision_text(self, decision: Decision) -> str:
        names = [os.path.basename(p) for p in decision.paths] or [d[:12] for d in decision.digests]
        shown = " ≠ ".join(names[:3])
        if len(names) > 3:
            shown += " " + self.tr("(+{n} more)").format(n=len(names) - 3)
        return self.tr("{names} · marked {date}").format(names=shown, date=decision.added)

    def reload(self) -> None:
        """Read the decisions file again and list its decisions, newest first."""
        self.list.clear()
        try:
            self._ignore.reload()
        except IgnoreListError as exc:
            self.status.setText(str(exc))
            self._update_buttons()
            return
        for decision in reversed(self._ignore.decisions):
            item = QListWidgetItem(self.decision_text(decision))
            item.setData(Qt.ItemDataRole.UserRole, decision.id)
            item.setToolTip("\n".join(decision.paths))
            self.list.addItem(item)
        count = len(self._ignore)
        self.status.setText(
            self.tr("No photos are marked as different.")
            if not count
            else self.tr("Decisions: {n}").format(n=count)
        )
        self._update_buttons()

    def remove_selected(self) -> None:
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        try:
            for decision_id in ids:
                self._ignore.remove(decision_id)
        except IgnoreListError as exc:
            self.status.setText(str(exc))
            return
        self.reload()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
