"""The keeper rules dialog: which copy of a photo to keep, as an ordered list the user edits."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedup.core import ranking
from photodedup.gui.settings import DEFAULT_KEEPER_RULES

# (rule, on) pairs: the order the user gave and whether each rule is switched on.
RuleList = list[tuple[str, bool]]

# Formats offered for a "prefer this format" rule.
FORMATS = ("JPEG", "HEIF", "PNG", "TIFF", "WEBP", "DNG", "CR2", "NEF", "ARW")

_ROLE = Qt.ItemDataRole.UserRole


def rule_text(rule: str) -> str:
    """A rule as people read it ("Largest file", "Folder: /home/me/Photos")."""
    kind, _, value = rule.partition(":")
    words = {
        ranking.RULE_ORIGINAL: QCoreApplication.translate("KeeperRules", "The original"),
        ranking.RULE_RESOLUTION: QCoreApplication.translate("KeeperRules", "Largest resolution"),
        ranking.RULE_SIZE: QCoreApplication.translate("KeeperRules", "Largest file"),
        ranking.RULE_OLDEST: QCoreApplication.translate("KeeperRules", "Oldest"),
        ranking.RULE_NEWEST: QCoreApplication.translate("KeeperRules", "Newest"),
    }
    if kind in words:
        return words[kind]
    if kind == ranking.RULE_FORMAT:
        return QCoreApplication.translate("KeeperRules", "Format: {format}").format(format=value)
    return QCoreApplication.translate("KeeperRules", "Folder: {folder}").format(folder=value)


def enabled_rules(rules: RuleList) -> tuple[str, ...]:
    """The rules switched on, in order (the engine's ``keeper_rules``)."""
    return tuple(rule for rule, on in rules if on) or ranking.DEFAULT_RULES


class KeeperRulesDialog(QDialog):
    """Reorder, switch on and off, add and remove the rules that choose the copy to keep."""

    rulesAccepted = Signal(list)  # the RuleList, when the user presses OK

    def __init__(self, rules: RuleList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which copy to keep"))
        intro = QLabel(
            self.tr(
                "The first rule that tells two copies apart decides which one is kept; what "
                "the rules leave open, the evidence of the original decides. Files in "
                "reference folders are always kept, and a damaged file is never kept while "
                "an intact copy exists."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.folder_button = QPushButton(self.tr("Add folder..."), self)
        self.format_box = QComboBox(self)
        self.format_box.addItems(FORMATS)
        self.format_button = QPushButton(self.tr("Add format"), self)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        side = QVBoxLayout()
        for widget in (self.up_button, self.down_button, self.remove_button, self.folder_button):
            side.addWidget(widget)
        side.addWidget(self.format_box)
        side.addWidget(self.format_button)
        side.addStretch(1)
        side.addWidget(self.defaults_button)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle)
        layout.addWidget(buttons)
        self.resize(560, 360)

        self._fill(rules)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.up_button.clicked.connect(self._move_up)
        self.down_button.clicked.connect(self._move_down)
        self.remove_button.clicked.connect(self._remove)
        self.folder_button.clicked.connect(self._add_folder)
        self.format_button.clicked.connect(self._add_format)
        self.defaults_button.clicked.connect(self._restore_defaults)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def accept(self) -> None:
        self.rulesAccepted.emit(self.rules())
        super().accept()

    def rules(self) -> RuleList:
        """The rules as the dialog shows them now."""
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            out.append((item.data(_ROLE), item.checkState() == Qt.CheckState.Checked))
        return out

    def _fill(self, rules: RuleList) -> None:
        self.list.clear()
        for rule, on in rules:
            self._append(rule, on)
        self.list.setCurrentRow(0)

    def _append(self, rule: str, on: bool) -> None:
        item = QListWidgetItem(rule_text(rule))
        item.setData(_ROLE, rule)
        tip = rule.partition(":")[2] or item.text()
        if rule == ranking.RULE_ORIGINAL:
            tip = self.tr(
                "Decided from the files: damaged or intact, resolution, a frame, camera data, "
                "format, JPEG tables and quality, names and folders, age"
            )
        item.setToolTip(tip)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _add(self, rule: str) -> None:
        """A new rule goes first (switched on); one already listed moves first."""
        for row in range(self.list.count()):
            if self.list.item(row).data(_ROLE) == rule:
                self.list.takeItem(row)
                break
        self._append(rule, True)
        self.list.insertItem(0, self.list.takeItem(self.list.count() - 1))
        self.list.setCurrentRow(0)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Prefer copies in this folder"))
        if folder:
            self._add(ranking.parse_rule(f"{ranking.RULE_FOLDER}:{os.path.abspath(folder)}"))

    def _add_format(self) -> None:
        self._add(f"{ranking.RULE_FORMAT}:{self.format_box.currentText()}")

    def _restore_defaults(self) -> None:
        self._fill(list(DEFAULT_KEEPER_RULES))

    def _move_up(self) -> None:
        self._move(-1)

    def _move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.insertItem(target, self.list.takeItem(row))
        self.list.setCurrentRow(target)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0 and self._removable(row):
            self.list.takeItem(row)

    def _removable(self, row: int) -> bool:
        """Only the rules the user added (formats, folders); the simple ones switch off."""
        item = self.list.item(row)
        return item is not None and item.data(_ROLE) not in ranking.SIMPLE_RULES

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
        self.remove_button.setEnabled(row >= 0 and self._removable(row))
