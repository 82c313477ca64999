"""The autosave encodes a large review between events and always writes the newest marks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from photodedup.core import results_io
from photodedup.core.models import ScanResult, ScanStats
from photodedup.core.review import Review
from photodedup.gui.autosave import Autosaver


def test_a_large_review_is_encoded_a_slice_at_a_time(qtbot, tmp_path, synthetic) -> None:
    groups = synthetic(5_000)
    result = ScanResult(("/photos",), tuple(groups), (), ScanStats(17_500, 17_500, 0, 1.0))
    review = Review(groups)
    saver = Autosaver(tmp_path / "autosave.json")
    # A zero timer fires once per turn of the event loop: while the save is being encoded,
    # the loop must keep turning (encoded in one go, it would turn once or twice).
    turns = [0]
    counter = QTimer()
    counter.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    counter.start(0)
    saver.track(result, review)
    qtbot.waitUntil(lambda: not saver.pending, timeout=30_000)
    counter.stop()
    assert turns[0] > 5
    saved = results_io.load_results(str(saver.path))
    assert len(saved.groups) == 5_000
    assert {m.path: m.keep for g in saved.groups for m in g.members} == {
        m.path: review.is_kept(m.path) for g in groups for m in g.members
    }


def test_a_newer_save_replaces_one_still_being_encoded(qtbot, tmp_path, synthetic) -> None:
    groups = synthetic(3_000)
    result = ScanResult(("/photos",), tuple(groups), (), ScanStats(10_500, 10_500, 0, 1.0))
    review = Review(groups)
    saver = Autosaver(tmp_path / "autosave.json")
    saver.track(result, review)
    saver.save_now()
    QCoreApplication.processEvents()  # a first slice
    assert saver.pending
    kept = groups[42].members[0].path
    review.keep_only(42, groups[42].members[1].path)  # marks change while it is encoded
    saver.save_now()
    qtbot.waitUntil(lambda: not saver.pending, timeout=30_000)
    saved = results_io.load_results(str(saver.path))
    assert {m.path: m.keep for m in saved.groups[42].members}[kept] is False


def test_flush_finishes_a_save_being_encoded(qtbot, tmp_path, synthetic) -> None:
    groups = synthetic(3_000)
    result = ScanResult(("/photos",), tuple(groups), (), ScanStats(10_500, 10_500, 0, 1.0))
    saver = Autosaver(tmp_path / "autosave.json")
    saver.track(result, Review(groups))
    saver.save_now()
    QCoreApplication.processEvents()  # a first slice
    assert saver.pending
    saver.flush()  # what closing the window does
    assert not saver.pending
    assert len(results_io.load_results(str(saver.path)).groups) == 3_000
