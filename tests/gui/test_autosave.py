"""The autosave encodes a large review between events and always writes the newest marks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from photodedup.core import results_io
from photodedup.core.models import ScanResult, ScanStats
from photodedup.core.review import Review
from photodedup.gui.autosave import Autosaver


def test_a_large_review_is_encoded_a_slice_at_a_time(
    qtbot, tmp_path, synthetic, monkeypatch
) -> None:
    groups = synthetic(5_000)
    result = ScanResult(("/photos",), tuple(groups), (), ScanStats(17_500, 17_500, 0, 1.0))
    review = Review(groups)
    saver = Autosaver(tmp_path / "autosave.json", delay_ms=0)
    monkeypatch.setattr(Autosaver, "SLICE_SECONDS", 0.0)  # a few pieces per turn
    # A zero timer fires once per turn of the event loop; each piece notes the turn it was
    # encoded in. Encoded in one go, every piece would share one turn.
    turns = [0]
    counter = QTimer()
    counter.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    counter.start(0)
    seen: set[int] = set()
    pieces = results_io.json_pieces

    def noting(*args, **kwargs):
        for piece in pieces(*args, **kwargs):
            seen.add(turns[0])
            yield piece

    monkeypatch.setattr(results_io, "json_pieces", noting)
    saver.track(result, review)
    qtbot.waitUntil(lambda: not saver.pending, timeout=30_000)
    counter.stop()
    assert len(seen) > 5
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
    assert saver.pending and not saver.path.exists()
    saver.flush()  # what closing the window does
    assert not saver.pending
    assert len(results_io.load_results(str(saver.path)).groups) == 3_000


def test_a_save_that_cannot_be_encoded_leaves_the_last_one_whole(
    qtbot, tmp_path, synthetic, monkeypatch
) -> None:
    groups = synthetic(2_000)
    result = ScanResult(("/photos",), tuple(groups), (), ScanStats(7_000, 7_000, 0, 1.0))
    saver = Autosaver(tmp_path / "autosave.json")
    saver.track(result, Review(groups))
    saver.save_now(wait=True)
    good = saver.path.read_bytes()
    pieces = results_io.json_pieces

    def failing(*args, **kwargs):
        for n, piece in enumerate(pieces(*args, **kwargs)):
            if n == 500:
                raise ValueError("a value JSON cannot hold")
            yield piece

    monkeypatch.setattr(results_io, "json_pieces", failing)
    saver.save_now()
    qtbot.waitUntil(lambda: not saver.pending, timeout=10_000)  # never stuck "pending"
    saver.flush()
    assert saver.path.read_bytes() == good
    assert saver.save_now(wait=True) is False
    assert saver.path.read_bytes() == good
