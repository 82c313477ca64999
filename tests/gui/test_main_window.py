"""The main window's shell: settings, folders, saved and autosaved reviews, errors, entry point."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fixtures_shell import SAVE_DELAY_MS
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

import photodedup
from photodedup.core import results_io
from photodedup.gui import app as app_module
from photodedup.gui.autosave import Autosaver
from photodedup.gui.dialogs import AboutDialog
from photodedup.gui.i18n import Translations
from photodedup.gui.main_window import MainWindow
from photodedup.gui.scan_panel import ScanPanel
from photodedup.gui.settings import Folder, Language, Similarity

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


def new_window(qtbot, user_dirs: UserDirs) -> MainWindow:
    win = MainWindow(
        user_dirs.settings(),
        Autosaver(user_dirs.data_home / "autosave.json", delay_ms=SAVE_DELAY_MS),
    )
    qtbot.addWidget(win)
    return win


def test_empty_window_explains_what_to_do(window: MainWindow):
    assert window.windowTitle() == "PhotoDedup"
    assert window.stack.currentWidget() is window.empty_label
    assert "Scan (Ctrl+R)" in window.empty_label.text()
    assert not window.scan_action.isEnabled()
    assert not window.menus.save_action.isEnabled()
    assert not window.trash_button.isEnabled()
    assert window.trash_button.text() == "Move 0 files to trash"
    assert "Ctrl+R" in window.scan_panel.scan_button.toolTip()
    assert "Esc" in window.scan_panel.cancel_button.toolTip()
    assert "Ctrl+O" in window.scan_panel.folders.add_button.toolTip()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_folders_and_options_are_remembered(qtbot, user_dirs: UserDirs, tmp_path: Path):
    photos, archive = tmp_path / "photos", tmp_path / "archive"
    photos.mkdir()
    archive.mkdir()
    win = new_window(qtbot, user_dirs)
    panel = win.scan_panel
    assert panel.folders.add_folders([str(photos), str(archive), str(photos)]) == 2
    panel.folders.model.set_reference(1, True)
    panel.similarity.setValue(1)
    panel.rotations.setChecked(True)
    panel.excludes.setText("*.gif; */Thumbnails/*")
    panel.workers.setValue(3)
    win.close()

    again = new_window(qtbot, user_dirs)
    assert again.scan_panel.folders.folders() == [Folder(str(photos)), Folder(str(archive), True)]
    options = again.scan_panel.options()
    assert options.roots == (str(photos), str(archive))
    assert options.references == (str(archive),)
    assert options.threshold == Similarity.STRICT
    assert options.rotations
    assert options.excludes == ("*.gif", "*/Thumbnails/*")
    assert options.workers == 3
    assert again.scan_panel.similarity_word.text() == "Strict"


def test_similarity_slider_runs_from_identical_to_loose(window: MainWindow):
    panel = window.scan_panel
    words = []
    for value in range(panel.similarity.maximum() + 1):
        panel.similarity.setValue(value)
        words.append((panel.similarity_word.text(), panel.options().threshold))
    assert words == [
        ("Identical files only", 0),
        ("Strict", Similarity.STRICT),
        ("Normal", Similarity.NORMAL),
        ("Loose", Similarity.LOOSE),
    ]
    assert Similarity.STRICT < Similarity.NORMAL < Similarity.LOOSE


def test_folders_dropped_on_the_list_are_added(window: MainWindow, tmp_path: Path):
    folder = tmp_path / "dropped"
    folder.mkdir()
    a_file = tmp_path / "photo.jpg"
    a_file.write_bytes(b"not a folder")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(a_file))])
    view = window.scan_panel.folders.view
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(drop)
    assert window.scan_panel.folders.folders() == [Folder(str(folder))]
    assert window.scan_action.isEnabled()
    # Files alone are refused.
    files_only = QMimeData()
    files_only.setUrls([QUrl.fromLocalFile(str(a_file))])
    refused = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        files_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_remove_folder_and_reference_checkbox(window: MainWindow, tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    folders = window.scan_panel.folders
    folders.add_folders([str(a), str(b)])
    model = folders.model
    index = model.index(1, 1)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.scan_panel.options().references == (str(b),)
    folders.view.setCurrentIndex(model.index(0, 0))
    assert folders.remove_button.isEnabled()
    folders.remove_button.click()
    assert folders.folders() == [Folder(str(b), True)]


def test_save_and_open_a_review_keeps_the_marks(
    qtbot, scan, window: MainWindow, shell_library: Library, user_dirs: UserDirs, monkeypatch
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    review = window.review()
    group = review.groups[0]
    keep_all = [m.path for m in group.members]
    for path in keep_all:
        review.set_keep(group.id, path, True)
    window.review_panel.marksChanged.emit()
    saved = user_dirs.root / "my review.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    window.menus.save_action.trigger()
    assert saved.is_file()

    other = new_window(qtbot, user_dirs)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    other.menus.open_action.trigger()
    reopened = other.review()
    assert reopened is not None
    assert [g.id for g in reopened.groups] == [g.id for g in review.groups]
    for g in review.groups:
        for m in g.members:
            assert reopened.is_kept(m.path) == review.is_kept(m.path)
    assert all(reopened.is_kept(p) for p in keep_all)
    assert other.trash_button.text().startswith(f"Move {review.trash_count_and_bytes()[0]} files")


def test_export_csv_lists_every_file(
    qtbot, scan, window: MainWindow, shell_library: Library, tmp_path: Path, monkeypatch
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    dest = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    window.menus.export_action.trigger()
    text = dest.read_text(encoding="utf-8")
    for group in shell_library.groups:
        for path in group:
            assert path in text


def test_a_hostile_review_file_is_refused_with_a_message(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
):
    hostile = tmp_path / "evil.json"
    doc = {
        "version": 1,
        "roots": [str(tmp_path / "photos")],
        "groups": [
            {"id": 1, "kind": "identical", "files": [{"path": "/etc/passwd", "keep": False}]}
        ],
    }
    hostile.write_text(json.dumps(doc))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(hostile), ""))
    window.menus.open_action.trigger()
    assert window.review() is None
    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    assert "cannot be opened as a review" in dialog.message.text()
    assert str(hostile) in dialog.details.toPlainText()
    dialog.close()


def test_review_is_autosaved_and_resumed(
    qtbot, scan, window: MainWindow, shell_library: Library, user_dirs: UserDirs, monkeypatch
):
    autosave = user_dirs.data_home / "autosave.json"
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    qtbot.waitUntil(lambda: not window.autosaver.pending, timeout=10_000)
    assert autosave.is_file()  # written as soon as the review exists
    review = window.review()
    group = review.groups[0]
    path = next(m.path for m in group.members if not review.is_kept(m.path))
    review.set_keep(group.id, path, True)
    window.review_panel.marksChanged.emit()
    assert window.autosaver.pending
    qtbot.waitUntil(lambda: not window.autosaver.pending, timeout=10_000)
    saved = results_io.load_results(str(autosave))
    assert next(m for g in saved.groups for m in g.members if m.path == path).keep

    resumed = new_window(qtbot, user_dirs)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    assert resumed.review_files.offer_resume()
    assert asked and asked[0].startswith(f"Resume your last review? ({len(review)} groups, saved ")
    assert resumed.review().is_kept(path)
    assert len(resumed.review()) == len(review)


def test_declining_resume_discards_the_autosave(
    qtbot, scan, window: MainWindow, shell_library: Library, user_dirs: UserDirs, monkeypatch
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    autosave = user_dirs.data_home / "autosave.json"
    qtbot.waitUntil(lambda: not window.autosaver.pending, timeout=10_000)
    assert autosave.is_file()
    other = new_window(qtbot, user_dirs)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    assert not other.review_files.offer_resume()
    assert not autosave.exists()
    assert other.review() is None


def test_closing_the_window_flushes_a_pending_autosave(
    qtbot, scan, window: MainWindow, shell_library: Library, user_dirs: UserDirs
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    window.review_panel.clear_marks()
    assert window.autosaver.pending
    window.close()
    saved = results_io.load_results(str(user_dirs.data_home / "autosave.json"))
    assert all(m.keep for g in saved.groups for m in g.members)


def test_language_choice_is_saved(qtbot, window: MainWindow, user_dirs: UserDirs):
    window.menus.language_actions[Language.JAPANESE].trigger()
    assert user_dirs.settings().language == Language.JAPANESE
    assert window.menus.info_box is not None and "next time" in window.menus.info_box.text()
    window.menus.info_box.close()


def test_translations_load_for_the_chosen_language(qtbot, user_dirs: UserDirs):
    app = QApplication.instance()
    translations = Translations(app)
    try:
        assert not translations.install(Language.ENGLISH)
        assert translations.install(Language.JAPANESE)
        panel = ScanPanel(user_dirs.settings())
        qtbot.addWidget(panel)
        assert panel.scan_button.text() != "Scan"
        assert not panel.scan_button.text().isascii()
    finally:
        translations.remove()
    panel = ScanPanel(user_dirs.settings())
    qtbot.addWidget(panel)
    assert panel.scan_button.text() == "Scan"


def test_the_window_and_its_flows_speak_the_chosen_language(qtbot, user_dirs: UserDirs):
    # Strings moved from the window into the controller's flows and the menus change their
    # translation context: the .ts files must follow them (packaging/update_translations.sh).
    translations = Translations(QApplication.instance())
    try:
        assert translations.install(Language.JAPANESE)
        win = MainWindow(
            user_dirs.settings(),
            Autosaver(user_dirs.data_home / "autosave.json", delay_ms=SAVE_DELAY_MS),
        )
        qtbot.addWidget(win)
        texts = [
            win.menus.scan_action.text(),
            win.menus.undo_action.text(),
            win.problems_dock.windowTitle(),
            win.scan_flow.tr("Starting the scan..."),
            win.trash_flow.tr("Moving files to the trash..."),
        ]
        assert not any(text.isascii() for text in texts), texts
    finally:
        translations.remove()


def test_about_names_version_licence_and_libraries(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    names = [
        dialog.libraries.topLevelItem(i).text(0)
        for i in range(dialog.libraries.topLevelItemCount())
    ]
    assert {"Python", "Qt", "PySide6", "Pillow", "Send2Trash"} <= set(names)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "GPL-3.0-or-later" in texts
    assert f"PhotoDedup {photodedup.__version__}" in texts


def test_a_fatal_crash_leaves_every_threads_stack_in_the_crash_log(user_dirs: UserDirs):
    code = (
        "import faulthandler, threading\n"
        "from photodedup.gui import app\n"
        "print(app.record_crashes(), flush=True)\n"
        "threading.Thread(target=threading.Event().wait, name='decoder', daemon=True).start()\n"
        "faulthandler._sigsegv()\n"
    )
    for _run in range(3):  # the log of the run before is kept once, so it cannot grow
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
        assert run.returncode != 0
    crash_log = Path(run.stdout.strip())
    assert crash_log.is_relative_to(user_dirs.root) and crash_log.name == "crash.log"
    text = crash_log.read_text(encoding="utf-8")
    assert text.count("Segmentation fault") == 1
    assert "Current thread 0x" in text and "Thread 0x" in text  # the crashing one and the other
    assert crash_log.with_name("crash.log.1").read_text(encoding="utf-8").count("Fatal") == 1


def test_unexpected_errors_are_logged_and_shown(qtbot, user_dirs: UserDirs):
    log_file = app_module.setup_logging()
    logger = logging.getLogger("photodedup")
    try:
        assert log_file.startswith(str(user_dirs.root))
        handler = app_module.ExceptionHandler(log_file)
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            handler(*sys.exc_info())
        dialog = handler.dialog
        assert dialog is not None and dialog.isVisible()
        assert "ValueError: boom in a slot" in dialog.details.toPlainText()
        dialog.copy_details()
        assert "boom in a slot" in QApplication.clipboard().text()
        for h in logger.handlers:
            h.flush()
        assert "boom in a slot" in Path(log_file).read_text(encoding="utf-8")
        dialog.close()
    finally:
        for h in list(logger.handlers):
            logger.removeHandler(h)
            h.close()


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exit_info:
        app_module.main(["photodedup", "--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("photodedup ")


def test_desktop_entry_flags_install_and_remove_the_launcher(user_dirs: UserDirs):
    launcher = user_dirs.data_home / "applications" / f"{app_module.APP_ID}.desktop"
    assert app_module.main(["photodedup", "--install-desktop-entry"]) == 0
    assert launcher.is_file()
    assert app_module.main(["photodedup", "--uninstall-desktop-entry"]) == 0
    assert not launcher.exists()
    assert os.path.isdir(user_dirs.data_home)


def test_self_test_flag_returns_the_self_test_code_without_a_window(monkeypatch):
    from photodedup import selftest

    calls: list[int] = []

    def fake_run() -> int:
        calls.append(1)
        return 3

    monkeypatch.setattr(selftest, "run", fake_run)
    windows_before = len(QApplication.topLevelWidgets())
    assert app_module.main(["photodedup", "--self-test"]) == 3
    assert calls == [1]
    assert len(QApplication.topLevelWidgets()) == windows_before


def test_the_entry_module_loads_no_qt_for_the_scan_workers():
    """Spawned decoder processes re-import the console script's module: it must stay light."""
    code = "import sys, photodedup.gui.app; print(sorted(m for m in sys.modules if 'PySide' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_new_result_frees_the_previous_one_after_showing(
    qtbot, scan, window: MainWindow, shell_library: Library
):
    window.scan_panel.folders.add_folders([str(shell_library.root)])
    scan(window)
    first = weakref.ref(window.review())
    scan(window)
    assert window.review() is not first()
    # Not inside the hand-over (freeing a large result takes tens of ms), but soon after.
    qtbot.waitUntil(lambda: first() is None, timeout=5_000)
