"""The app's garbage-collection policy, kept on the GUI thread so Qt wrappers die there.

Python runs an automatic collection on whichever thread happens to allocate: with a scan,
thumbnail decoders and the job thread running, a Qt wrapper caught in a reference cycle could
be finalised off the GUI thread. The app therefore turns automatic collection off and collects
from a GUI-thread timer. What survives start-up and each scan's hand-over (tens of thousands of
long-lived objects at 100,000 photos, with no reference cycles: reference counting frees them)
is frozen, so the timer's collections never walk it again.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbagePolicy(QObject):
    """Collect young objects every ``YOUNG_MS`` and everything unfrozen every ``FULL_MS``."""

    YOUNG_MS = 1_000
    FULL_MS = 60_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._young = QTimer(self)
        self._young.timeout.connect(lambda: gc.collect(1))
        self._full = QTimer(self)
        self._full.timeout.connect(gc.collect)
        self._was_enabled = gc.isenabled()

    def install(self) -> None:
        """Take over from the automatic collector (call on the GUI thread, after start-up)."""
        self._was_enabled = gc.isenabled()
        gc.collect()
        gc.freeze()
        gc.disable()
        self._young.start(self.YOUNG_MS)
        self._full.start(self.FULL_MS)

    def uninstall(self) -> None:
        self._young.stop()
        self._full.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()

    def settle(self) -> None:
        """A new result was handed over: collect the young objects, freeze what is left."""
        gc.collect(1)
        gc.freeze()
