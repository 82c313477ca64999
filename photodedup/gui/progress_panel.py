"""The status area under the Scan button: stage, progress, counts, current file, rate, ETA."""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from photodedup.core.models import Progress, Stage
from photodedup.gui.elided_label import ElidedLabel
from photodedup.gui.formatting import fill, plural
from photodedup.gui.rate_meter import Rate, RateMeter


class ProgressPanel(QWidget):
    """Words a stream of Progress reports for people."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meter = RateMeter()
        self.stage_label = QLabel(self)
        font = self.stage_label.font()
        font.setBold(True)
        self.stage_label.setFont(font)
        self.stage_label.setWordWrap(True)  # "Scan cancelled. Photos read so far stay cached"
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.counts_label = QLabel(self)
        self.rate_label = QLabel(self)
        self.current_label = ElidedLabel(self)
        self.current_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.current_label)
        layout.addWidget(self.rate_label)
        self.idle(self.tr("Ready to scan."))

    def stage_text(self, stage: Stage) -> str:
        return {
            Stage.DISCOVER: self.tr("Looking for photos..."),
            Stage.CACHE: self.tr("Checking the cache..."),
            Stage.HASH: self.tr("Reading photos..."),
            Stage.MATCH: self.tr("Comparing photos..."),
            Stage.DONE: self.tr("Finishing..."),
        }[stage]

    def idle(self, message: str) -> None:
        """Show a resting message (ready, finished, cancelled) with no bar."""
        self._meter.reset()
        self.stage_label.setText(message)
        self.bar.hide()
        for label in (self.counts_label, self.rate_label):
            label.clear()
            label.hide()
        self.current_label.set_full_text("")
        self.current_label.hide()

    def begin(self, title: str) -> None:
        """Show a busy bar until the first report arrives."""
        self._meter.reset()
        self.stage_label.setText(title)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.counts_label.clear()
        self.rate_label.clear()
        self.current_label.set_full_text("")

    def cancelling(self) -> None:
        self.stage_label.setText(self.tr("Cancelling..."))

    def show_progress(self, progress: Progress, cancelling: bool = False) -> None:
        locale = QLocale()
        self.stage_label.setText(
            self.tr("Cancelling...") if cancelling else self.stage_text(progress.stage)
        )
        self.bar.show()
        if progress.total > 0:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
            self.counts_label.setText(
                fill(
                    self.tr("%1 of %2 files"),
                    locale.toString(progress.done),
                    locale.toString(progress.total),
                )
            )
        else:
            self.bar.setRange(0, 0)
            self.counts_label.setText(
                fill(self.tr("%1 files found"), locale.toString(progress.done))
                if progress.stage == Stage.DISCOVER
                else ""
            )
        self.counts_label.setVisible(bool(self.counts_label.text()))
        current = os.path.basename(progress.current) if progress.current else ""
        self.current_label.set_full_text(current)
        self.current_label.setToolTip(progress.current)
        self.current_label.setVisible(bool(current))
        rate = self._meter.update(progress)
        self.rate_label.setText(self.rate_text(rate) if rate else "")
        self.rate_label.setVisible(rate is not None)

    def rate_text(self, rate: Rate) -> str:
        locale = QLocale()
        speed = fill(self.tr("%1 files/s"), locale.toString(rate.per_second, "f", 1))
        if rate.eta_seconds is None:
            return speed
        return fill(self.tr("%1, about %2 left"), speed, self.duration_text(rate.eta_seconds))

    def duration_text(self, seconds: float) -> str:
        seconds = round(seconds)
        if seconds < 60:
            return plural(self.tr("%n second(s)", "", max(seconds, 1)), max(seconds, 1))
        minutes = round(seconds / 60)
        if minutes < 60:
            return plural(self.tr("%n minute(s)", "", minutes), minutes)
        hours, minutes = divmod(minutes, 60)
        return fill(self.tr("%1 h %2 min"), hours, minutes)
