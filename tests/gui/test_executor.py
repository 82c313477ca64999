"""The one job executor: results on the GUI thread, nothing left alive per job, bounded shutdown."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThread

from photodedup.gui.executor import Executor


class Payload:
    """Stands for what a job's closure holds (a trash job holds every group)."""


def live_qobjects() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, QObject))


def test_results_and_progress_arrive_on_the_gui_thread_in_order(qtbot) -> None:
    executor = Executor()
    owner = QObject()
    seen: list[tuple[str, object, bool]] = []
    gui = QThread.currentThread()

    def job(progress, cancel):
        assert QThread.currentThread() is not gui
        for i in range(3):
            progress(i)
        return "done"

    executor.submit(
        "job",
        job,
        owner,
        lambda r: seen.append(("done", r, QThread.currentThread() is gui)),
        lambda m: seen.append(("failed", m, QThread.currentThread() is gui)),
        lambda p: seen.append(("progress", p, QThread.currentThread() is gui)),
    )
    qtbot.waitUntil(lambda: executor.pending == 0)
    assert seen == [
        ("progress", 0, True),
        ("progress", 1, True),
        ("progress", 2, True),
        ("done", "done", True),
    ]
    assert executor.shutdown() == []


def test_a_failing_job_reports_its_error(qtbot) -> None:
    executor = Executor()
    owner = QObject()
    failures: list[str] = []

    def job(progress, cancel):
        raise ValueError("bad photo")

    executor.submit("job", job, owner, lambda r: None, failures.append)
    qtbot.waitUntil(lambda: executor.pending == 0)
    assert failures == ["ValueError: bad photo"]
    executor.shutdown()


def test_live_objects_return_to_baseline_after_many_jobs(qtbot) -> None:
    executor = Executor()
    owner = QObject()
    results: list[int] = []
    executor.submit("warm-up", lambda p, c: 0, owner, results.append, print)
    qtbot.waitUntil(lambda: executor.pending == 0)
    baseline_qobjects, baseline_threads = live_qobjects(), threading.active_count()
    payloads: list[weakref.ref[Payload]] = []

    def make_job(n: int):
        payload = Payload()
        payloads.append(weakref.ref(payload))

        def job(progress, cancel):
            progress(payload)
            return n

        return job

    for n in range(2000):
        executor.submit(f"job {n}", make_job(n), owner, results.append, print, lambda _p: None)
    qtbot.waitUntil(lambda: executor.pending == 0, timeout=30_000)

    assert results == [0, *range(2000)]
    assert live_qobjects() == baseline_qobjects
    assert threading.active_count() == baseline_threads
    assert not [ref for ref in payloads if ref() is not None]  # no job's closure kept
    executor.shutdown()


def test_shutdown_waits_a_bounded_time_and_names_what_it_abandons(qtbot) -> None:
    executor = Executor()
    owner = QObject()
    release = threading.Event()
    started = threading.Event()

    def stuck(progress, cancel):
        started.set()
        release.wait(10)  # ignores cancel, like a decoder stuck in C
        return None

    outcomes: list[object] = []
    executor.submit("stuck", stuck, owner, outcomes.append, outcomes.append)
    executor.submit("queued", lambda p, c: None, owner, outcomes.append, outcomes.append)
    assert started.wait(10)
    assert executor.shutdown(timeout_s=0.2) == ["stuck", "queued"]
    release.set()
    # The executor still works after a shutdown, on a new thread; the abandoned jobs' late
    # outcomes are dropped, not delivered to an owner that has moved on.
    executor.submit("after", lambda p, c: "after", owner, outcomes.append, outcomes.append)
    qtbot.waitUntil(lambda: executor.pending == 0)
    assert outcomes == ["after"]
    executor.shutdown()


def test_reports_for_a_destroyed_owner_are_dropped(qtbot) -> None:
    executor = Executor()
    owner = QObject()
    go = threading.Event()
    called: list[object] = []
    executor.submit("job", lambda p, c: go.wait(10), owner, called.append, called.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    go.set()
    qtbot.waitUntil(lambda: executor.pending == 0)
    assert called == []
    executor.shutdown()


def _alive(obj: QObject) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(obj)
