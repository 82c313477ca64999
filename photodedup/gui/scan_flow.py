"""File > Scan: checks the folders, has the controller scan them, words how the scan ended."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Signal

from photodedup.core.models import ScanOptions, ScanResult
from photodedup.gui.controller import AppController, JobKind
from photodedup.gui.dialogs import DialogHost
from photodedup.gui.formatting import fill, plural, sentences

log = logging.getLogger(__name__)


class ScanFlow(QObject):
    """``started`` and ``ended`` carry the words for the progress area."""

    started = Signal(str)
    ended = Signal(str)

    def __init__(
        self,
        controller: AppController,
        dialogs: DialogHost,
        options: Callable[[], ScanOptions],
    ) -> None:
        super().__init__(controller)
        self._controller = controller
        self._dialogs = dialogs
        self._options = options
        controller.scanFinished.connect(self._finished)
        controller.jobFailed.connect(self._failed)

    def start(self) -> bool:
        """Scan the chosen folders; False when nothing was started."""
        options = self._options()
        if self._controller.busy or not options.roots:
            return False
        missing = [root for root in options.roots if not os.path.isdir(root)]
        if missing:
            self._dialogs.show_error(
                fill(
                    self.tr("These folders no longer exist; remove them from the list:\n%1"),
                    "\n".join(missing),
                )
            )
            return False
        log.info("Scan started: %s", options)
        if not self._controller.start_scan(options):
            return False
        self.started.emit(self.tr("Starting the scan..."))
        return True

    def _finished(self, result: ScanResult) -> None:
        for problem in result.problems:  # the decoders' own words, for whoever reads the log
            log.info("cannot read %s: %s", problem.path, problem.error)
        stats = result.stats
        if stats.cancelled:
            text = self.tr("Scan cancelled. Photos read so far stay cached: %n.", "", stats.hashed)
            self.ended.emit(plural(text, stats.hashed))
            return
        seconds = QLocale().toString(stats.seconds, "f", 1)
        message = plural(
            self.tr("%n photo(s) compared in %1 s.", "", stats.hashed), stats.hashed
        ).replace("%1", seconds)
        # The engine's warnings are technical details in English; the label says what they are.
        warnings = [fill(self.tr("Warning: %1"), w) for w in result.warnings]
        self.ended.emit(sentences(message, *warnings))

    def _failed(self, kind: JobKind, message: str) -> None:
        if kind is JobKind.SCAN:
            self.ended.emit(self.tr("Stopped by an error."))
            self._dialogs.show_error(self.tr("The operation failed."), message)
