"""The left side of the window: folders to scan, scan options, Scan/Cancel and scan progress."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from photodedup.core import ignore
from photodedup.core.models import ScanOptions
from photodedup.gui.folder_list import FolderListWidget
from photodedup.gui.keeper_rules import KeeperRulesDialog, enabled_rules, rule_text
from photodedup.gui.progress_panel import ProgressPanel
from photodedup.gui.settings import Settings, Similarity

MAX_WORKERS = 64
LEVELS = list(Similarity)


def split_patterns(text: str) -> tuple[str, ...]:
    """Exclude globs typed as one line, separated by commas or semicolons."""
    return tuple(p.strip() for p in re.split(r"[,;]", text) if p.strip())


class ScanPanel(QWidget):
    """Folders, options and the Scan/Cancel buttons; every change is saved to settings at once."""

    scanRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._running = False
        self.folders = FolderListWidget(self, settings)
        folders_box = QGroupBox(self.tr("Folders to scan"), self)
        folders_layout = QVBoxLayout(folders_box)
        folders_layout.addWidget(self.folders)

        self.similarity = QSlider(Qt.Orientation.Horizontal, self)
        self.similarity.setRange(0, len(LEVELS) - 1)
        self.similarity.setPageStep(1)
        self.similarity.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.similarity.setTickInterval(1)
        self.similarity_word = QLabel(self)
        word_font = self.similarity_word.font()
        word_font.setBold(True)
        self.similarity_word.setFont(word_font)
        self.similarity_hint = QLabel(self)
        self.similarity_hint.setWordWrap(True)
        hint_font = self.similarity_hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.9)
        self.similarity_hint.setFont(hint_font)
        self.rotations = QCheckBox(self.tr("Include rotated and mirrored copies"), self)
        self.rotations.setToolTip(
            self.tr("Also find copies turned sideways, upside down or mirrored (a little slower)")
        )
        self.prefer_jpeg = QCheckBox(self.tr("Keep the JPEG of RAW+JPEG pairs"), self)
        self.prefer_jpeg.setToolTip(
            self.tr(
                "When a RAW file and its JPEG are found, suggest keeping the JPEG; by default "
                "the RAW, the camera's original, is kept"
            )
        )
        self.keeper_button = QPushButton(self.tr("Which copy to keep..."), self)
        self.keeper_button.setToolTip(
            self.tr("Order the rules that choose the copy to keep (by default: the original)")
        )
        self.keeper_summary = QLabel(self)
        self.keeper_summary.setWordWrap(True)
        self.bursts = QCheckBox(self.tr("Find similar shots (bursts)"), self)
        self.bursts.setToolTip(
            self.tr(
                "Also list photos taken seconds apart by one camera that look alike, in their "
                "own tab; none is marked for trash"
            )
        )
        self.excludes = QLineEdit(self)
        self.excludes.setPlaceholderText(self.tr("e.g. *.gif, */Thumbnails/*"))
        self.excludes.setToolTip(
            self.tr("Files and folders matching these patterns are skipped; separate with commas")
        )
        self.excludes.setClearButtonEnabled(True)
        self.workers = QSpinBox(self)
        self.workers.setRange(1, MAX_WORKERS)
        self.workers.setToolTip(self.tr("How many photos are read at the same time"))

        options_box = QGroupBox(self.tr("Options"), self)
        form = QFormLayout(options_box)
        # The word sits under the slider, not beside it, so the slider keeps its width whatever
        # the word's length ("Identical files only" is long, and longer in translations).
        form.addRow(self.tr("Similarity:"), self.similarity)
        form.addRow(self.similarity_word)
        form.addRow(self.similarity_hint)
        form.addRow(self.rotations)
        form.addRow(self.prefer_jpeg)
        form.addRow(self.keeper_button)
        form.addRow(self.keeper_summary)
        form.addRow(self.bursts)
        form.addRow(self.tr("Skip:"), self.excludes)
        form.addRow(self.tr("Workers:"), self.workers)

        self.scan_button = QPushButton(self.tr("Scan"), self)
        self.scan_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scan_button, 2)
        buttons.addWidget(self.cancel_button, 1)
        self.progress = ProgressPanel(self)

        layout = QVBoxLayout(self)
        layout.addWidget(folders_box, 1)
        layout.addWidget(options_box)
        layout.addWidget(self.progress)
        # Last, so the progress lines that come and go move the folder list, never the
        # buttons: Cancel is where Scan was when the scan starts.
        layout.addLayout(buttons)

        self._load()
        self.scan_button.clicked.connect(self.scanRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.folders.changed.connect(self._save)
        self.folders.changed.connect(self._update_scan_button)
        self.similarity.valueChanged.connect(self._similarity_changed)
        self.rotations.toggled.connect(self._save)
        self.prefer_jpeg.toggled.connect(self._save)
        self.bursts.toggled.connect(self._save)
        self.keeper_button.clicked.connect(self.edit_keeper_rules)
        self.excludes.textChanged.connect(self._save)
        self.workers.valueChanged.connect(self._save)
        self._update_scan_button()

    def level(self) -> Similarity:
        return LEVELS[self.similarity.value()]

    def options(self) -> ScanOptions:
        folders = self.folders.folders()
        return ScanOptions(
            roots=tuple(f.path for f in folders),
            references=tuple(f.path for f in folders if f.reference),
            excludes=split_patterns(self.excludes.text()),
            threshold=int(self.level()),
            rotations=self.rotations.isChecked(),
            workers=self.workers.value(),
            prefer_jpeg=self.prefer_jpeg.isChecked(),
            keeper_rules=enabled_rules(self._settings.keeper_rules),
            bursts=self.bursts.isChecked(),
            ignore_list=ignore.default_path(),
        )

    def set_running(self, running: bool) -> None:
        """Lock the inputs while a scan runs so what is shown is what is being scanned."""
        self._running = running
        for widget in (
            self.folders,
            self.similarity,
            self.rotations,
            self.prefer_jpeg,
            self.keeper_button,
            self.bursts,
            self.excludes,
            self.workers,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_scan_button()

    def level_texts(self, level: Similarity) -> tuple[str, str]:
        """The word on the slider and a sentence saying what it finds."""
        return {
            Similarity.IDENTICAL: (
                self.tr("Identical files only"),
                self.tr("Only exact copies: the same file, or the same pixels."),
            ),
            Similarity.STRICT: (
                self.tr("Strict"),
                self.tr("Copies that were resized, re-saved or converted."),
            ),
            Similarity.NORMAL: (
                self.tr("Normal"),
                self.tr("Also lightly edited copies: crops, colour changes, watermarks."),
            ),
            Similarity.LOOSE: (
                self.tr("Loose"),
                self.tr("Heavier edits too; check the groups carefully."),
            ),
        }[level]

    def _load(self) -> None:
        s = self._settings
        self.folders.set_folders(s.folders)
        self.similarity.setValue(LEVELS.index(s.similarity))
        self.rotations.setChecked(s.rotations)
        self.prefer_jpeg.setChecked(s.prefer_jpeg)
        self.bursts.setChecked(s.bursts)
        self.excludes.setText(s.excludes)
        self.workers.setValue(min(s.workers, MAX_WORKERS))
        self._show_level()
        self._show_keeper_rules()

    def edit_keeper_rules(self) -> KeeperRulesDialog:
        """Open the keeper rules dialog; accepted rules are saved and used by the next scan."""
        dialog = KeeperRulesDialog(self._settings.keeper_rules, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rulesAccepted.connect(self._set_keeper_rules)
        dialog.open()
        return dialog

    def _set_keeper_rules(self, rules: list[tuple[str, bool]]) -> None:
        self._settings.keeper_rules = rules
        self._show_keeper_rules()

    def _show_keeper_rules(self) -> None:
        words = [rule_text(rule) for rule in enabled_rules(self._settings.keeper_rules)]
        self.keeper_summary.setText(self.tr("Keep: {rules}").format(rules="; ".join(words)))

    def _save(self) -> None:
        s = self._settings
        s.folders = self.folders.folders()
        s.similarity = self.level()
        s.rotations = self.rotations.isChecked()
        s.prefer_jpeg = self.prefer_jpeg.isChecked()
        s.bursts = self.bursts.isChecked()
        s.excludes = self.excludes.text()
        s.workers = self.workers.value()

    def _similarity_changed(self) -> None:
        self._show_level()
        self._save()

    def _show_level(self) -> None:
        word, hint = self.level_texts(self.level())
        self.similarity_word.setText(word)
        self.similarity_hint.setText(hint)

    def _update_scan_button(self) -> None:
        self.scan_button.setEnabled(not self._running and bool(self.folders.folders()))
