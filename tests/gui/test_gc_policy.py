"""The app's garbage-collection policy: automatic collection off, cycles freed on the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QThread

from photodedup.gui.gc_policy import GarbagePolicy


class Cycle:
    def __init__(self) -> None:
        self.me = self
        self.freed_on: list[QThread] = []


def test_cycles_are_collected_by_the_gui_thread_timer(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(GarbagePolicy, "TICK_MS", 20)
    gc.enable()  # as the app starts (the GUI tests' own fixture turns it off)
    policy = GarbagePolicy()
    policy.install()
    try:
        assert not gc.isenabled()
        freed_on: list[bool] = []
        cycle = Cycle()
        ref = weakref.finalize(
            cycle, lambda: freed_on.append(threading.current_thread() is threading.main_thread())
        )
        del cycle
        # Allocation on another thread no longer triggers a collection there.
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(5000)])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: not ref.alive, timeout=5000)
        assert freed_on == [True]
    finally:
        policy.uninstall()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_settle_freezes_what_a_result_leaves_alive(qtbot) -> None:
    policy = GarbagePolicy()
    policy.install()
    try:
        kept = [Cycle() for _ in range(100)]
        before = gc.get_freeze_count()
        policy.settle()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        policy.uninstall()


def test_a_burst_of_long_lived_objects_is_frozen_not_walked(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(GarbagePolicy, "TICK_MS", 20)
    monkeypatch.setattr(GarbagePolicy, "YOUNG_LIMIT", 1_000)
    policy = GarbagePolicy()
    policy.install()
    try:
        before = gc.get_freeze_count()
        kept = [[n] for n in range(5_000)]  # what a scan leaves: many objects, no cycles
        qtbot.waitUntil(lambda: gc.get_freeze_count() >= before + len(kept), timeout=5000)
    finally:
        policy.uninstall()


def test_no_full_collection_runs_while_a_job_is_busy(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(GarbagePolicy, "TICK_MS", 5)
    monkeypatch.setattr(GarbagePolicy, "FULL_EVERY", 2)
    busy = [True]
    full: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            full.append(1)

    policy = GarbagePolicy(busy=lambda: busy[0])
    ticks: list[int] = []
    policy._timer.timeout.connect(lambda: ticks.append(1))
    gc.callbacks.append(seen)
    policy.install()
    try:
        full.clear()  # install's own collection
        qtbot.waitUntil(lambda: len(ticks) >= 10)
        assert full == []
        busy[0] = False
        qtbot.waitUntil(lambda: bool(full))
    finally:
        policy.uninstall()
        gc.callbacks.remove(seen)


def test_a_retired_result_is_freed_by_the_next_tick_not_at_once(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(GarbagePolicy, "TICK_MS", 20)
    policy = GarbagePolicy()
    policy.install()
    try:
        replaced = Cycle()
        replaced.me = None  # no cycle: reference counting alone frees it
        ref = weakref.ref(replaced)
        policy.retire(replaced)
        del replaced
        assert ref() is not None  # not in the hand-over's own turn
        qtbot.waitUntil(lambda: ref() is None, timeout=5000)
    finally:
        policy.uninstall()


def test_without_the_policy_running_nothing_is_held(qtbot) -> None:
    policy = GarbagePolicy()  # not installed: no tick would ever free it
    replaced = Cycle()
    replaced.me = None
    ref = weakref.ref(replaced)
    policy.retire(replaced)
    del replaced
    assert ref() is None


def test_new_objects_are_frozen_even_when_old_ones_were_freed_meanwhile(qtbot, monkeypatch):
    monkeypatch.setattr(GarbagePolicy, "TICK_MS", 20)
    monkeypatch.setattr(GarbagePolicy, "YOUNG_LIMIT", 1_000)
    policy = GarbagePolicy()
    policy.install()
    try:
        old = [[n] for n in range(5_000)]
        policy.settle()  # a result handed over: its objects frozen
        kept = [[n] for n in range(5_000)]  # a rescan's new objects...
        del old  # ...while the old result is freed: allocations minus frees read about 0
        assert gc.get_count()[0] < 1_000
        before = gc.get_freeze_count()
        qtbot.waitUntil(lambda: gc.get_freeze_count() >= before + len(kept), timeout=5000)
    finally:
        policy.uninstall()
