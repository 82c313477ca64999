"""Scanning from the main window: results, problems, progress on the GUI thread, cancel, find."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QThread
from PySide6.QtWidgets import QApplication, QFileDialog

from photodedup.core.models import Progress, ScanResult, ScanStats
from photodedup.gui.controller import JobKind
from photodedup.gui.formatting import human_size
from photodedup.gui.main_window import MainWindow

if TYPE_CHECKING:
    from fixtures_shell import Library

pytest_plugins = ("fixtures_shell",)


def shown_groups(win: MainWindow) -> list[set[str]]:
    review = win.review()
    assert review is not None
    return [{m.path for m in g.members} for g in review.groups]


def test_scan_shows_the_groups_and_the_problems(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    assert not window.scan_panel.scan_button.isEnabled()  # nothing to scan yet
    assert window.scan_panel.folders.add_folders([str(shell_library.root)]) == 1
    assert window.scan_panel.scan_button.isEnabled()

    result = scan(window)

    assert isinstance(result, ScanResult)
    assert sorted(map(sorted, shown_groups(window))) == sorted(map(sorted, shell_library.groups))
    assert window.stack.currentWidget() is window.results_tabs
    assert window.results_tabs.currentWidget() is window.review_panel
    assert window.review_panel.model.rowCount() == len(shell_library.groups)
    # The engine's suggestion is already marked: two copies per group go to the trash.
    count, size = window.review().trash_count_and_bytes()
    assert count == 2 * len(shell_library.groups)
    assert window.trash_button.isEnabled()
    assert window.trash_button.text() == f"Move {count} files ({human_size(size)}) to trash"
    # The fake JPEG is reported, with a reason, and counted in the status bar.
    problems = window.problems_view.model.problems()
    assert [p.path for p in problems] == shell_library.broken
    assert problems[0].error
    assert window.problems_button.isVisible()
    assert window.problems_button.text() == "1 problem"
    window.problems_button.click()
    assert window.problems_dock.isVisible()
    # Inputs are unlocked again and the panel says what happened.
    assert window.scan_panel.scan_button.isEnabled()
    assert not window.scan_panel.cancel_button.isEnabled()
    assert "compared" in window.scan_panel.progress.stage_label.text()


def test_progress_arrives_on_the_gui_thread_and_is_shown(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    seen: list[tuple[Progress, bool]] = []

    def on_progress(progress: object) -> None:
        gui_thread = QThread.currentThread() is QApplication.instance().thread()
        seen.append((progress, gui_thread))

    window.controller.scanProgress.connect(on_progress)
    scan(window)
    assert seen, "no progress was reported"
    assert all(isinstance(p, Progress) for p, _ in seen)
    assert all(gui for _, gui in seen)


def test_scan_inputs_are_locked_while_scanning(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    with qtbot.waitSignal(window.controller.scanFinished, timeout=60_000):
        window.scan_action.trigger()
        assert window.controller.job is JobKind.SCAN
        assert not window.scan_panel.scan_button.isEnabled()
        assert window.scan_panel.cancel_button.isEnabled()
        assert not window.scan_panel.folders.isEnabled()
        assert not window.scan_action.isEnabled()
        window.scan_action.trigger()  # a second scan is refused while one runs
    assert window.controller.job is None


def test_cancel_mid_scan_keeps_the_window_usable(
    qtbot, scan, window: MainWindow, big_library: Library
):
    window.scan_panel.folders.add_folders([str(big_library.root)])
    labels: list[str] = []

    def cancel_on_first_report(_progress: object) -> None:
        if not window.controller.cancel_requested:
            window.scan_panel.cancel_button.click()
            labels.append(window.scan_panel.progress.stage_label.text())

    window.controller.scanProgress.connect(cancel_on_first_report)
    result = scan(window)

    assert result.stats.cancelled
    assert result.stats.hashed < result.stats.files or result.stats.files == 0 or not result.groups
    assert labels == ["Cancelling..."]
    assert window.review() is None  # a partial scan is never offered for trashing
    assert "cancelled" in window.scan_panel.progress.stage_label.text()
    assert window.scan_panel.scan_button.isEnabled()
    # The next scan runs to completion and finds every group.
    window.controller.scanProgress.disconnect(cancel_on_first_report)
    result = scan(window)
    assert not result.stats.cancelled
    assert len(shown_groups(window)) == len(big_library.groups)


def test_escape_cancels_a_running_scan(qtbot, scan, window: MainWindow, big_library: Library):
    window.scan_panel.folders.add_folders([str(big_library.root)])

    def press_escape(_progress: object) -> None:
        if not window.controller.cancel_requested:
            qtbot.keyClick(window, Qt.Key.Key_Escape)

    window.controller.scanProgress.connect(press_escape)
    result = scan(window)
    assert window.scan_action.isEnabled()
    assert result.stats.cancelled


def test_reference_folder_files_are_kept(qtbot, scan, window: MainWindow, shell_library: Library):
    window.scan_panel.folders.add_folders([str(shell_library.root / "backup")])
    window.scan_panel.folders.add_folders([str(shell_library.root / "camera")])
    window.scan_panel.folders.model.set_reference(0, True)  # backup/ is the reference
    scan(window)
    review = window.review()
    backups = {str(p) for p in (shell_library.root / "backup").iterdir()}
    assert len(review.groups) == len(shell_library.groups)
    for group in review.groups:
        for m in group.members:
            assert m.reference == (m.path in backups)
            if m.reference:
                assert review.is_kept(m.path)
                assert not review.set_keep(group.id, m.path, False)


def test_find_copies_of_a_photo(
    qtbot, scan, window: MainWindow, shell_library: Library, monkeypatch
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    query = sorted(shell_library.groups[0])[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (query, ""))
    with qtbot.waitSignal(window.controller.copiesFound, timeout=60_000):
        window.menus.find_action.trigger()
    dialog = window.find_flow.dialog
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.paths()) == shell_library.groups[0] - {query}
    dialog.close()


def test_a_missing_folder_is_reported_not_scanned(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    window.scan_panel.folders.add_folders([str(shell_library.root / "backup")])
    for path in (shell_library.root / "backup").iterdir():
        path.unlink()
    (shell_library.root / "backup").rmdir()
    window.scan_action.trigger()
    assert window.controller.job is None
    assert window.error_dialog is not None and window.error_dialog.isVisible()
    assert str(shell_library.root / "backup") in window.error_dialog.message.text()
    window.error_dialog.close()


def test_scan_summary_words_seconds_for_the_locale_and_labels_engine_warnings(
    qtbot, window: MainWindow, tmp_path
):
    stats = ScanStats(files=3, hashed=3, decoded=3, seconds=2.34)
    result = ScanResult((str(tmp_path),), (), (), stats, warnings=("the cache is read-only",))
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        window.controller.scanFinished.emit(result)
    finally:
        QLocale.setDefault(before)
    assert window.scan_panel.progress.stage_label.text() == (
        "3 photos compared in 2,3 s. Warning: the cache is read-only"
    )
