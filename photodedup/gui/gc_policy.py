"""The app's garbage-collection policy, kept on the GUI thread so Qt wrappers die there.

Python runs an automatic collection on whichever thread happens to allocate: with a scan,
thumbnail decoders and the job thread running, a Qt wrapper caught in a reference cycle could
be finalised off the GUI thread. The app therefore turns automatic collection off and collects
from a GUI-thread timer.

A scan allocates objects by the million (fingerprints read from the cache, groups) and keeps
them; they hold no reference cycles, so reference counting frees them when a result is
dropped. Walking them would cost the window a second at 100,000 photos, so they are frozen
instead (moved out of the collector's sight, O(1)): when a tick finds more new objects than a
young collection should walk, and at each result's hand-over. The result a hand-over replaced
is freed by the next tick too, in a turn of its own.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class GarbagePolicy(QObject):
    """One GUI-thread tick every ``TICK_MS``: free the results replaced since the last tick
    (``retire``), collect young objects, and every ``FULL_EVERY`` ticks everything unfrozen
    unless ``busy()`` (a scan is running: its survivors are frozen at the hand-over, and a full
    collection would walk them all, 0.4 s at 100,000 photos)."""

    TICK_MS = 1_000
    FULL_EVERY = 60
    #: The most new objects a tick walks (a few ms); more are a scan's, and are frozen.
    YOUNG_LIMIT = 50_000

    def __init__(
        self, parent: QObject | None = None, busy: Callable[[], bool] = lambda: False
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._ticks = 0
        self._retired: list[object] = []
        self._was_enabled = gc.isenabled()

    def install(self) -> None:
        """Take over from the automatic collector (call on the GUI thread, after start-up)."""
        self._was_enabled = gc.isenabled()
        gc.collect()
        gc.freeze()
        gc.disable()
        self._timer.start(self.TICK_MS)

    def uninstall(self) -> None:
        self._timer.stop()
        self._retired.clear()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()

    def settle(self) -> None:
        """A new result was handed over: keep the collector off its objects."""
        gc.freeze()

    def retire(self, replaced: object) -> None:
        """Hold what a hand-over replaced until the next tick: freeing a large result (40 ms
        for 35,000 grouped photos) is not added to the turn that shows its successor."""
        if self._timer.isActive():
            self._retired.append(replaced)

    def _tick(self) -> None:
        self._retired.clear()
        self._ticks += 1
        if self._ticks % self.FULL_EVERY == 0 and not self._busy():
            gc.collect()
        elif _young() > self.YOUNG_LIMIT:
            gc.freeze()
        else:
            gc.collect(1)


def _young() -> int:
    """Objects a young collection would walk. Not ``gc.get_count()``: it is allocations minus
    deallocations, so a scan that makes 100,000 new objects while freeing as many old ones
    reads near 0, and the collection walked them all on the GUI thread (54-104 ms in the
    window benchmark's rescans). Counting the two young generations costs ~1.4 ms per 100,000
    objects."""
    return len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1))
