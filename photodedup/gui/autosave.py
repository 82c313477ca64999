"""Autosaves the review in progress (debounced) so an interrupted review can be resumed."""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, QTimer

from photodedup.core import results_io
from photodedup.core.models import DuplicateGroup, ScanResult
from photodedup.core.review import Review

log = logging.getLogger(__name__)


def snapshot(result: ScanResult, review: Review, bursts: Review | None) -> ScanResult:
    """The scan result as both reviews stand now: trashed files and resolved groups gone.

    ``bursts`` is the similar-shots review (None: the result shows no similar shots).
    """
    return dataclasses.replace(
        result,
        groups=tuple(review.groups),
        bursts=tuple(bursts.groups) if bursts is not None else (),
    )


def kept_paths(groups: tuple[DuplicateGroup, ...], review: Review | None) -> frozenset[str]:
    """The files of ``groups`` that ``review`` keeps, frozen for a writer on another thread."""
    if review is None:
        return frozenset()
    return frozenset(m.path for g in groups for m in g.members if review.is_kept(m.path))


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("photodedup", appauthor=False)) / "autosave.json"


@dataclass(frozen=True, slots=True)
class SavedReview:
    """An autosaved review found on disk."""

    result: ScanResult
    saved_at: datetime


class Autosaver(QObject):
    """Writes the current review a short while after its marks change, and on demand.

    The review is captured on the GUI thread (groups and marks: cheap) and encoded there a
    slice at a time between events; a background thread only writes the text. Encoding in
    that thread (150 ms of Python at 100,000 photos) took the GIL from the window, and every
    call of a repaint into Python waited for it: stalls of 0.1-0.3 s right after a scan.
    """

    #: A save waits this long after the last change (a new review included: capturing every
    #: mark, tens of ms at 100,000 photos, then stays out of the turns that show it).
    DELAY_MS = 2000
    #: The most time one turn of the event loop spends encoding.
    SLICE_SECONDS = 0.004

    def __init__(
        self, path: Path | None = None, parent: QObject | None = None, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.path = path if path is not None else default_path()
        self.delay_ms = delay_ms
        self._result: ScanResult | None = None
        self._review: Review | None = None
        self._bursts: Review | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        self._pieces: Iterator[str] | None = None  # the save being encoded
        self._parts: list[str] = []
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.timeout.connect(self._encode_slice)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._writing: Future[bool] | None = None

    def track(
        self, result: ScanResult | None, review: Review | None, bursts: Review | None = None
    ) -> None:
        """Follow a new review and its similar shots (None: nothing to save); save it after
        the delay, like any change."""
        self._result, self._review, self._bursts = result, review, bursts
        self._timer.start(self.delay_ms)

    def schedule(self) -> None:
        """Save after the delay, restarting the wait on each change so bursts save once."""
        if self._review is not None:
            self._timer.start(self.delay_ms)

    @property
    def pending(self) -> bool:
        """A save is waiting for its delay, being encoded or still being written."""
        return (
            self._timer.isActive()
            or self._pieces is not None
            or (self._writing is not None and not self._writing.done())
        )

    def save_now(self, wait: bool = False) -> bool:
        """Save the tracked review now: encoded between events and written in the background,
        or all at once with ``wait``.

        A save still being encoded gives way to this newer one. An empty review removes the
        autosave instead. Returns False when there was nothing to save or, with ``wait``,
        when writing failed.
        """
        self._timer.stop()
        self._slicer.stop()
        self._pieces, self._parts = None, []
        if self._result is None or self._review is None:
            return False
        if len(self._review) == 0 and (self._bursts is None or len(self._bursts) == 0):
            self.discard()
            return False
        result = snapshot(self._result, self._review, self._bursts)
        kept = kept_paths(result.groups, self._review)
        shots_kept = kept_paths(result.bursts, self._bursts)
        pieces = results_io.json_pieces(result, kept.__contains__, shots_kept.__contains__)
        if wait:
            parts: list[str] = []
            if not self._encoded(pieces, parts, deadline=None):
                return False
            self._wait_for_writer()
            return self._write("".join(parts))
        self._pieces = pieces
        self._slicer.start(0)
        return True

    def flush(self) -> None:
        """Finish a save waiting for its delay or being encoded, and wait for its write."""
        if self._timer.isActive():
            self.save_now(wait=True)
        elif self._pieces is not None:
            self._slicer.stop()
            pieces, parts = self._pieces, self._parts
            self._pieces, self._parts = None, []
            if self._encoded(pieces, parts, deadline=None):
                self._wait_for_writer()
                self._write("".join(parts))
        else:
            self._wait_for_writer()

    def _encode_slice(self) -> None:
        pieces, parts = self._pieces, self._parts
        if pieces is None:
            return
        if not self._encoded(pieces, parts, deadline=time.monotonic() + self.SLICE_SECONDS):
            if self._pieces is pieces:  # out of time: the next turn goes on
                self._slicer.start(0)
            return
        self._pieces, self._parts = None, []
        # One writer thread: saves land in the order they were made.
        self._writing = self._writer.submit(self._write, "".join(parts))

    def _encoded(self, pieces: Iterator[str], parts: list[str], deadline: float | None) -> bool:
        """Take pieces into ``parts`` until the end (True) or past ``deadline`` (False).

        A piece that cannot be encoded drops this save (False, nothing left to encode): the
        previous autosave stays whole rather than being replaced by half a document.
        """
        try:
            for n, piece in enumerate(pieces, 1):
                parts.append(piece)
                if deadline is not None and n % 16 == 0 and time.monotonic() > deadline:
                    return False
        except Exception:
            log.exception("Could not encode the review for the autosave")
            if self._pieces is pieces:
                self._pieces, self._parts = None, []
            return False
        return True

    def _wait_for_writer(self) -> None:
        if self._writing is not None:
            self._writing.result()

    def _write(self, text: str) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            results_io.write_text(text, str(self.path))
        except OSError:
            # Autosave is a safety net: failing to write it must not interrupt the review.
            log.exception("Could not autosave the review to %s", self.path)
            return False
        return True

    def discard(self) -> None:
        self._timer.stop()
        self._slicer.stop()
        self._pieces, self._parts = None, []
        self._wait_for_writer()  # a write under way would bring the file back
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.exception("Could not remove %s", self.path)

    def load(self) -> SavedReview | None:
        """The autosaved review, or None when there is none or it cannot be trusted."""
        if not self.path.is_file():
            return None
        try:
            result = results_io.load_results(str(self.path))
            saved_at = datetime.fromtimestamp(os.stat(self.path).st_mtime)
        except (results_io.ResultsError, OSError) as exc:
            log.warning("Ignoring the autosaved review: %s", exc)
            return None
        if not result.groups and not result.bursts:
            return None
        return SavedReview(result, saved_at)
