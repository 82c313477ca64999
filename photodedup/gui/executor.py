"""One long-lived worker thread for the app's background jobs; callbacks run on the GUI thread.

Modelled on MusicBrainz Picard's ``run_task``/``to_main``: a job is a plain callable run on the
worker thread, and everything it reports (progress, result, failure) crosses back as a queued
signal on a relay object that lives on the GUI thread. No QObject or QThread is made per job,
so nothing is left for ``deleteLater`` to miss and nothing is waited for inside a slot.
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from shiboken6 import Shiboken

from photodedup.core.models import CancelToken

log = logging.getLogger(__name__)

#: A job receives a progress callback (its reports are forwarded as they are) and a cancel token.
Job = Callable[[Callable[[Any], None], CancelToken], Any]


@dataclass(eq=False)
class Task:
    """A submitted job: its name (for logs), its cancel token, and where its reports go.

    ``owner`` is the GUI-thread object the callbacks belong to: once Qt has destroyed it, the
    task's late reports are dropped instead of calling into a dead wrapper.
    """

    name: str
    job: Job
    owner: QObject
    on_done: Callable[[Any], None]
    on_failed: Callable[[str], None]
    on_progress: Callable[[Any], None] | None = None
    cancel: CancelToken = field(default_factory=CancelToken)
    finished: threading.Event = field(default_factory=threading.Event)


class _Relay(QObject):
    """Lives on the GUI thread: a callable emitted from the worker runs here, queued."""

    posted = Signal(object, object)  # (task, zero-argument callable)


class Executor(QObject):
    """Runs jobs one after another on a single worker thread started once.

    ``submit`` must be called on the GUI thread; its callbacks are invoked there, in order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._queue: queue.SimpleQueue[Task | None] = queue.SimpleQueue()
        self._pending: list[Task] = []  # submitted, not yet delivered as done or failed
        self._thread: threading.Thread | None = None

    @property
    def pending(self) -> int:
        """Jobs submitted whose outcome has not yet been delivered."""
        return len(self._pending)

    def submit(
        self,
        name: str,
        job: Job,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> Task:
        task = Task(name, job, owner, on_done, on_failed, on_progress)
        self._pending.append(task)
        if self._thread is None:
            # Started with the first job and kept until shutdown: one thread for every job.
            self._thread = threading.Thread(
                target=self._loop, args=(self._queue,), name="photodedup-jobs", daemon=True
            )
            self._thread.start()
        self._queue.put(task)
        return task

    def shutdown(self, timeout_s: float = 10.0) -> list[str]:
        """Cancel every job, wait at most ``timeout_s`` for the running one; returns the names of
        the jobs abandoned (still running when the time ran out, or never started)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return []
        for task in self._pending:
            task.cancel.cancel()
        # The old thread drains its own queue (cancelled jobs end at once); a later submit
        # starts a new thread on a new queue.
        self._queue.put(None)
        self._queue = queue.SimpleQueue()
        thread.join(timeout_s)
        abandoned = [task.name for task in self._pending if not task.finished.is_set()]
        if abandoned:
            log.warning("Jobs abandoned at shutdown: %s", ", ".join(abandoned))
        self._pending.clear()
        return abandoned

    # -- the worker thread -----------------------------------------------------------------

    def _loop(self, jobs: queue.SimpleQueue[Task | None]) -> None:
        while (task := jobs.get()) is not None:
            self._run(task)
            del task  # the job's closure is freed now, not when the next one arrives

    def _run(self, task: Task) -> None:
        def report(value: Any) -> None:
            if task.on_progress is not None:
                on_progress = task.on_progress
                self._post(task, lambda: on_progress(value))

        try:
            result = task.job(report, task.cancel)
        except Exception as exc:  # any engine failure must reach the user, never the thread
            log.error("Background job %s failed\n%s", task.name, traceback.format_exc())
            message = f"{type(exc).__name__}: {exc}"
            self._post(task, lambda: task.on_failed(message), last=True)
        else:
            self._post(task, lambda: task.on_done(result), last=True)
        finally:
            task.finished.set()

    def _post(self, task: Task, call: Callable[[], None], last: bool = False) -> None:
        if QCoreApplication.instance() is None:
            return  # the app is gone: nobody to tell
        # RuntimeError: the executor itself was destroyed while the job ran.
        try:
            self._relay.posted.emit(task, (call, last))
        except RuntimeError:
            log.info("Job %s ended after its executor was destroyed", task.name)

    # -- the GUI thread --------------------------------------------------------------------

    @Slot(object, object)
    def _deliver(self, task: Task, posted: tuple[Callable[[], None], bool]) -> None:
        call, last = posted
        if task not in self._pending:
            return  # abandoned at shutdown: its owner has moved on
        if last:
            self._pending.remove(task)
        if Shiboken.isValid(task.owner):
            call()
