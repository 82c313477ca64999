"""Trash from the main window: confirm, move into a private trash, update the view, undo."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from photodedup.core.models import DuplicateGroup, GroupKind, Relation, ScanResult, ScanStats
from photodedup.gui.formatting import human_size
from photodedup.gui.main_window import MainWindow

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


@pytest.fixture
def scanned(qtbot, scan, window: MainWindow, shell_library: Library) -> MainWindow:
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    assert window.review() is not None and len(window.review()) == len(shell_library.groups)
    return window


def marked_paths(win: MainWindow) -> set[str]:
    review = win.review()
    return {m.path for g in review.groups for m in g.members if not review.is_kept(m.path)}


def confirm_trash(qtbot, win: MainWindow) -> list[str]:
    """Press the trash button, accept the confirmation, wait for the batch; returns moved paths."""
    win.trash_button.click()
    dialog = win.trash_flow.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(win.controller.trashed, timeout=30_000) as blocker:
        dialog.move_button.click()
    return list(blocker.args[0].report.moved)


def test_trash_moves_marked_files_into_the_trash_and_updates_the_view(
    qtbot, scanned: MainWindow, shell_library: Library, user_dirs: UserDirs
):
    win = scanned
    review = win.review()
    # Keep both full-size copies of the first group: only its WhatsApp copy is marked.
    first = review.groups[0]
    full_size = {m.path for m in first.members if "/whatsapp/" not in m.path}
    for path in full_size:
        assert review.set_keep(first.id, path, True)
    win.review_panel.refresh()
    win.review_panel.marksChanged.emit()
    marked = marked_paths(win)
    assert not full_size & marked
    count, _size = review.trash_count_and_bytes()
    assert count == len(marked) == 2 * len(shell_library.groups) - 1
    assert win.trash_button.text().startswith(f"Move {count} files")
    kept = {m.path for g in review.groups for m in g.members} - marked

    moved = confirm_trash(qtbot, win)

    assert set(moved) == marked
    trashed = user_dirs.trashed()
    assert set(trashed) == marked  # every moved file sits in the private trash
    for original, in_trash in trashed.items():
        assert not os.path.exists(original)
        assert in_trash.is_file()
    assert all(os.path.exists(path) for path in kept)
    # Groups left with one file leave; the first group keeps its two full-size copies.
    remaining = win.review().groups
    assert [{m.path for m in g.members} for g in remaining] == [full_size]
    assert win.trash_button.text() == "Move 0 files to trash"
    assert not win.trash_button.isEnabled()
    summary = win.trash_flow.summary
    assert summary is not None and summary.isVisible()
    assert summary.headline.text().startswith(f"Moved {count} files (")
    assert all(path in summary.text() for path in marked)
    summary.close()


def test_cancelling_the_confirmation_moves_nothing(qtbot, scanned: MainWindow, user_dirs: UserDirs):
    marked = marked_paths(scanned)
    scanned.trash_button.click()
    dialog = scanned.trash_flow.confirm_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: scanned.trash_flow.confirm_dialog is None)
    assert not scanned.controller.busy
    assert all(os.path.exists(p) for p in marked)
    assert user_dirs.trashed() == {}


def test_a_file_changed_after_the_scan_is_skipped_with_a_reason(
    qtbot, scanned: MainWindow, user_dirs: UserDirs
):
    marked = sorted(marked_paths(scanned))
    changed = Path(marked[0])
    changed.write_bytes(changed.read_bytes() + b"edited after the scan")

    moved = confirm_trash(qtbot, scanned)

    assert str(changed) not in moved
    assert changed.exists()
    assert set(moved) == set(marked) - {str(changed)}
    assert str(changed) not in user_dirs.trashed()
    summary = scanned.trash_flow.summary
    assert "Skipped 1 file." in summary.headline.text()
    skipped = summary.tree.topLevelItem(0)
    assert skipped.text(0).startswith("Skipped")
    assert skipped.child(0).text(0) == str(changed)
    assert skipped.child(0).text(1)  # the reason is shown
    summary.close()


def test_undo_last_trash_puts_the_files_back(qtbot, scanned: MainWindow, user_dirs: UserDirs):
    marked = marked_paths(scanned)
    confirm_trash(qtbot, scanned)
    scanned.trash_flow.summary.close()
    assert not any(os.path.exists(p) for p in marked)

    with qtbot.waitSignal(scanned.controller.restored, timeout=30_000) as blocker:
        scanned.menus.undo_action.trigger()

    report = blocker.args[0]
    assert {dest for _src, dest in report.restored} == marked
    assert all(os.path.exists(p) for p in marked)
    assert user_dirs.trashed() == {}
    summary = scanned.trash_flow.summary
    assert summary.headline.text().startswith(f"Put back {len(marked)} files.")
    summary.close()


def test_history_lists_batches_and_restores_one(qtbot, scanned: MainWindow, user_dirs: UserDirs):
    marked = marked_paths(scanned)
    confirm_trash(qtbot, scanned)
    scanned.trash_flow.summary.close()

    scanned.menus.history_action.trigger()
    history = scanned.trash_flow.history
    assert history is not None and history.isVisible()
    assert history.tree.topLevelItemCount() == 1
    assert history.tree.topLevelItem(0).text(1) == str(len(marked))
    (batch_id, button), *_ = history.restore_buttons.items()
    assert button.isEnabled()

    with qtbot.waitSignal(scanned.controller.restored, timeout=30_000):
        button.click()

    assert all(os.path.exists(p) for p in marked)
    # The open history refreshes: the batch has nothing left to put back.
    qtbot.waitUntil(lambda: not history.restore_buttons[batch_id].isEnabled())
    assert history.tree.topLevelItem(0).text(3) == str(len(marked))
    scanned.trash_flow.summary.close()
    history.close()


def test_undo_is_disabled_with_an_empty_journal(qtbot, window: MainWindow, user_dirs: UserDirs):
    assert not window.menus.undo_action.isEnabled()
    window.menus.undo_action.trigger()  # a disabled action does nothing
    assert not window.controller.busy and window.error_dialog is None


def test_undo_brings_the_review_back_with_its_marks_then_is_disabled(
    qtbot, scanned: MainWindow, user_dirs: UserDirs
):
    review = scanned.review()
    group = review.groups[0]
    keeper, copy = group.members[0], group.members[1]
    assert review.set_keep(group.id, copy.path, True)  # a mark of the user's: keep this copy
    scanned.review_panel.marksChanged.emit()
    groups_before = [g.id for g in review.groups]
    marked = marked_paths(scanned)
    assert not scanned.menus.undo_action.isEnabled()
    confirm_trash(qtbot, scanned)
    scanned.trash_flow.summary.close()
    assert scanned.menus.undo_action.isEnabled()

    with qtbot.waitSignal(scanned.controller.restored, timeout=30_000):
        scanned.menus.undo_action.trigger()

    back = scanned.review()
    assert [g.id for g in back.groups] == groups_before
    assert marked_paths(scanned) == marked
    assert back.is_kept(copy.path) and back.is_kept(keeper.path)
    assert scanned.stack.currentWidget() is scanned.results_tabs
    assert scanned.trash_button.text().startswith(f"Move {len(marked)} files")
    summary = scanned.trash_flow.summary
    assert "The review is back with your marks." in summary.headline.text()
    assert "Scan again" not in summary.headline.text()
    summary.close()
    assert not scanned.menus.undo_action.isEnabled()


def test_when_every_group_is_resolved_the_window_says_so(
    qtbot, scanned: MainWindow, user_dirs: UserDirs
):
    confirm_trash(qtbot, scanned)
    scanned.trash_flow.summary.close()
    assert len(scanned.review()) == 0
    assert scanned.stack.currentWidget() is scanned.empty_label
    assert scanned.empty_label.text().startswith("Every group is resolved")
    assert not scanned.trash_button.isEnabled()


def test_confirmation_counts_only_the_files_that_will_move(
    qtbot, window: MainWindow, photo_groups, tmp_path: Path, draw
):
    # The keeper of the "cat" group is also a shot of a burst, marked for trash there: the
    # cat group would keep no copy, so the trash refuses it whole and its copy stays.
    cat_group = photo_groups[1]
    cat, cat_copy = (m.path for m in cat_group.members)
    other_shot = draw(tmp_path / "phone" / "cat2.jpg", (300, 400), 7)
    shot = replace(cat_group.members[0], reason="sharpest")
    second = replace(
        shot,
        fingerprint=replace(shot.fingerprint, path=str(other_shot)),
        relation=Relation.BURST_SHOT,
    )
    burst = DuplicateGroup(9, GroupKind.BURST, (shot, second))
    stats = ScanStats(files=9, hashed=9, decoded=9, seconds=0.1)
    window.controller.set_result(
        ScanResult((str(tmp_path),), tuple(photo_groups), (), stats, (), (burst,))
    )
    window.controller.bursts.set_keep(9, cat, False)
    window.results_tabs.bursts.marksChanged.emit()

    moving = [m for g in (photo_groups[0], photo_groups[2]) for m in g.members if not m.keep]
    moving.append(burst.members[0])  # marked in the burst, kept in no group that is acted on
    size = human_size(sum(m.fingerprint.size for m in moving))
    assert window.trash_button.text() == f"Move {len(moving)} files ({size}) to trash"
    window.trash_button.click()
    dialog = window.trash_flow.confirm_dialog
    assert dialog.text() == f"Move {len(moving)} files ({size}) to the trash?"
    assert cat_copy not in {m.path for m in moving}
    dialog.reject()
