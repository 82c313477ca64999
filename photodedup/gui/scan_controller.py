"""Runs engine jobs (scan, find copies, trash, restore) in a QThread; reports on the GUI thread."""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from photodedup.core import pipeline
from photodedup.core.models import CancelToken, Progress, ScanOptions

log = logging.getLogger(__name__)

#: A job receives a progress callback (any object, forwarded as is) and a cancel token.
Job = Callable[[Callable[[object], None], CancelToken], object]


class _Worker(QObject):
    """Lives in the worker thread; its signals cross to the GUI thread as queued calls."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, cancel: CancelToken) -> None:
        super().__init__()
        self._job = job
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progress.emit, self._cancel)
        except Exception as exc:  # any engine failure must reach the user, never kill the thread
            log.error("Background job failed\n%s", traceback.format_exc())
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(result)


class TaskRunner(QObject):
    """Runs one job at a time in its own QThread.

    progress(object), finished(object) and failed(str) are always emitted on the thread that owns
    the runner (the GUI thread), because the worker's signals reach it through queued connections.
    """

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelling = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel: CancelToken | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def cancel_requested(self) -> bool:
        return self._cancel is not None and self._cancel.cancelled

    def start(self, job: Job) -> None:
        if self.running:
            raise RuntimeError("a job is already running")
        self._cancel = CancelToken()
        self._thread = QThread(self)
        self._worker = _Worker(job, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        self.started.emit()

    def cancel(self) -> None:
        if self._cancel is not None and not self._cancel.cancelled:
            self._cancel.cancel()
            self.cancelling.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the job's thread ends (used when the window closes)."""
        return self._thread.wait(msecs) if self._thread is not None else True

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        if self.running:
            self.progress.emit(value)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)

    def _stop_thread(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()


class ScanController(TaskRunner):
    """A TaskRunner for `pipeline.run_scan`; finished carries the ScanResult."""

    def start_scan(self, options: ScanOptions) -> None:
        def job(progress: Callable[[object], None], cancel: CancelToken) -> object:
            return pipeline.run_scan(options, progress, cancel)

        self.start(job)


@dataclass(frozen=True, slots=True)
class Rate:
    per_second: float
    eta_seconds: float | None


class RateMeter:
    """Files per second and time left for the current stage, smoothed over a sliding window."""

    WINDOW_SECONDS = 5.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._samples: list[tuple[float, int]] = []
        self._stage: object = None

    def reset(self) -> None:
        self._samples.clear()
        self._stage = None

    def update(self, progress: Progress) -> Rate | None:
        """Record a report; returns None until the rate can be told."""
        now = self._clock()
        if progress.stage != self._stage or (
            self._samples and progress.done < self._samples[-1][1]
        ):
            self._samples.clear()
            self._stage = progress.stage
        self._samples.append((now, progress.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.WINDOW_SECONDS:
            self._samples.pop(0)
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        if t1 - t0 < 0.5 or d1 <= d0:
            return None
        per_second = (d1 - d0) / (t1 - t0)
        left = max(progress.total - progress.done, 0)
        eta = left / per_second if progress.total > 0 else None
        return Rate(per_second, eta)
