"""The Similar shots tab: bursts found by a scan, nothing marked, picked by hand and trashed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixtures_shell import SAVE_DELAY_MS
from PIL import Image, ImageFilter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from photodedup.core import results_io
from photodedup.gui.autosave import Autosaver
from photodedup.gui.main_window import MainWindow

pytest_plugins = ("fixtures_shell",)


def _exif(taken: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "BurstCam"
    exif[0x0110] = "BurstCam 1"
    exif.get_ifd(0x8769)[0x9003] = taken
    return exif.tobytes()


@pytest.fixture
def burst_library(tmp_path: Path, new_photo) -> Path:
    """A burst of three panned frames (the last shaken), plus one photo and its backup."""
    root = tmp_path / "shoot"
    root.mkdir()
    scene = new_photo(41, (900, 600))
    for n, shift in enumerate((0, 40, 80), 1):
        frame = scene.crop((shift, 0, shift + 720, 480))
        if n == 3:
            frame = frame.filter(ImageFilter.GaussianBlur(3))
        frame.save(root / f"frame{n}.jpg", quality=90, exif=_exif(f"2023:05:01 10:00:0{n}"))
    new_photo(42).save(root / "walk.jpg", quality=90)
    shutil.copyfile(root / "walk.jpg", root / "walk backup.jpg")
    return root


def _scan(scan, window: MainWindow, root: Path) -> None:
    window.scan_panel.folders.add_folders([str(root)])
    scan(window)


def test_bursts_get_their_own_tab_with_nothing_marked(scan, window: MainWindow, burst_library):
    assert window.scan_panel.bursts.isChecked()  # on by default in the app
    _scan(scan, window, burst_library)
    tabs = window.results_tabs
    assert tabs.tabText(0) == "Duplicates (1)"
    assert tabs.tabText(1) == "Similar shots (1)"
    shots = window.controller.bursts
    assert shots is not None and len(shots) == 1
    assert shots.trash_count_and_bytes() == (0, 0)
    # Only the duplicate backup is suggested for the trash; no burst frame is.
    assert window.trash_button.text().startswith("Move 1 file ")

    tabs.setCurrentWidget(tabs.bursts)
    pane = tabs.bursts.compare
    names = [Path(c.member.path).name for c in pane.cards()]
    assert sorted(names) == ["frame1.jpg", "frame2.jpg", "frame3.jpg"]
    assert names[-1] == "frame3.jpg"  # the shaken frame is the least sharp
    assert all(c.is_kept() for c in pane.cards())
    assert all("sharpness" in c.fact_labels for c in pane.cards())
    assert not tabs.bursts.different_button.isVisible()
    assert not tabs.bursts.auto_button.isVisible()
    assert not pane.card_menu(1).actions()[0].isEnabled()  # shots are different photos already


def test_a_frame_marked_by_hand_goes_to_the_trash(
    qtbot, scan, window: MainWindow, burst_library, user_dirs
):
    _scan(scan, window, burst_library)
    tabs = window.results_tabs
    tabs.setCurrentWidget(tabs.bursts)
    pane = tabs.bursts.compare
    shaken = next(i for i, c in enumerate(pane.cards()) if c.member.path.endswith("frame3.jpg"))
    shaken_path = pane.cards()[shaken].member.path
    pane.toggle(shaken)
    assert not window.controller.bursts.is_kept(shaken_path)
    assert window.trash_button.text().startswith("Move 2 files ")

    window.trash_button.click()
    dialog = window.trash_flow.confirm_dialog
    assert dialog is not None
    with qtbot.waitSignal(window.controller.trashed, timeout=30_000) as blocker:
        dialog.move_button.click()

    moved = set(blocker.args[0].report.moved)
    assert shaken_path in moved
    assert str(burst_library / "walk backup.jpg") in moved
    assert not Path(shaken_path).exists()
    assert shaken_path in user_dirs.trashed()
    # The burst keeps its two other frames; the duplicate group is resolved.
    assert [len(g.members) for g in window.controller.bursts.groups] == [2]
    assert tabs.tabText(1) == "Similar shots (1)"
    assert len(window.review()) == 0
    window.trash_flow.summary.close()


def test_bursts_can_be_switched_off(scan, window: MainWindow, burst_library):
    window.scan_panel.bursts.setChecked(False)
    assert not window.settings.bursts
    _scan(scan, window, burst_library)
    assert window.controller.result.bursts == ()
    assert window.results_tabs.tabText(1) == "Similar shots (0)"


def _mark_shaken(window: MainWindow) -> str:
    tabs = window.results_tabs
    tabs.setCurrentWidget(tabs.bursts)
    pane = tabs.bursts.compare
    index = next(i for i, c in enumerate(pane.cards()) if c.member.path.endswith("frame3.jpg"))
    path = pane.cards()[index].member.path
    pane.toggle(index)
    assert not window.controller.bursts.is_kept(path)
    return path


def test_burst_marks_survive_save_and_open(
    qtbot, scan, window: MainWindow, burst_library, user_dirs, monkeypatch
):
    _scan(scan, window, burst_library)
    shaken = _mark_shaken(window)
    saved = user_dirs.root / "review.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    window.menus.save_action.trigger()

    other = MainWindow(
        user_dirs.settings(), Autosaver(user_dirs.root / "other.json", delay_ms=SAVE_DELAY_MS)
    )
    qtbot.addWidget(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    other.menus.open_action.trigger()
    shots = other.controller.bursts
    assert shots is not None and not shots.is_kept(shaken)
    assert shots.trash_count_and_bytes()[0] == 1


def test_burst_marks_and_trashed_shots_reach_the_autosave(
    qtbot, scan, window: MainWindow, burst_library, user_dirs, monkeypatch
):
    autosave = user_dirs.data_home / "autosave.json"
    _scan(scan, window, burst_library)
    shaken = _mark_shaken(window)
    qtbot.waitUntil(lambda: not window.autosaver.pending, timeout=10_000)
    window.autosaver.flush()
    saved = results_io.load_results(str(autosave))
    assert {m.path: m.keep for g in saved.bursts for m in g.members}[shaken] is False

    resumed = MainWindow(user_dirs.settings(), Autosaver(autosave, delay_ms=SAVE_DELAY_MS))
    qtbot.addWidget(resumed)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert resumed.review_files.offer_resume()
    assert not resumed.controller.bursts.is_kept(shaken)
    # Two windows autosave to one file here (never so in the app): the resumed one's save
    # must land before the first window's, or it would be written over it from its thread.
    resumed.autosaver.flush()

    window.trash_button.click()
    with qtbot.waitSignal(window.controller.trashed, timeout=30_000):
        window.trash_flow.confirm_dialog.move_button.click()
    window.trash_flow.summary.close()
    window.autosaver.flush()
    saved = results_io.load_results(str(autosave))
    paths = {m.path for g in saved.bursts for m in g.members}
    assert shaken not in paths and len(paths) == 2
