"""Each flow over the controller and one plain widget, without the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from photodedup.core.models import ScanOptions
from photodedup.gui.autosave import Autosaver
from photodedup.gui.controller import AppController, JobKind
from photodedup.gui.dialogs import DialogHost
from photodedup.gui.executor import Executor
from photodedup.gui.find_copies import FindCopiesFlow
from photodedup.gui.review_files import ReviewFiles
from photodedup.gui.scan_flow import ScanFlow
from photodedup.gui.trash_flow import TrashFlow

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


@pytest.fixture
def host(qtbot) -> DialogHost:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    statuses: list[str] = []
    dialogs = DialogHost(widget, lambda text, _ms: statuses.append(text))
    dialogs.statuses = statuses  # type: ignore[attr-defined]
    return dialogs


@pytest.fixture
def controller(qtbot, user_dirs: UserDirs) -> Iterator[AppController]:
    controller = AppController(Executor(), Autosaver(user_dirs.data_home / "autosave.json"))
    yield controller
    assert not controller.shutdown(), "a job was still running after 10 s"


def options_for(library: Library, user_dirs: UserDirs) -> ScanOptions:
    return ScanOptions(
        roots=(str(library.root),), cache_dir=str(user_dirs.root / "cache"), workers=1
    )


def test_scan_flow_scans_and_words_the_end(
    qtbot, controller: AppController, host: DialogHost, shell_library: Library, user_dirs
) -> None:
    flow = ScanFlow(controller, host, lambda: options_for(shell_library, user_dirs))
    started, ended = [], []
    flow.started.connect(started.append)
    flow.ended.connect(ended.append)
    with qtbot.waitSignal(controller.jobEnded, timeout=60_000) as blocker:
        assert flow.start()
        assert controller.job is JobKind.SCAN
        assert not flow.start()  # one job at a time
    assert blocker.args == [JobKind.SCAN]
    assert started == ["Starting the scan..."]
    assert len(ended) == 1 and "photos compared in" in ended[0]
    groups = [{m.path for m in g.members} for g in controller.duplicates.groups]
    assert sorted(map(sorted, groups)) == sorted(map(sorted, shell_library.groups))


def test_scan_flow_reports_a_missing_folder(
    qtbot, controller: AppController, host: DialogHost, tmp_path: Path
) -> None:
    flow = ScanFlow(controller, host, lambda: ScanOptions(roots=(str(tmp_path / "gone"),)))
    assert not flow.start()
    assert controller.job is None
    assert host.error_dialog is not None and host.error_dialog.isVisible()
    assert str(tmp_path / "gone") in host.error_dialog.message.text()


def test_find_copies_flow_lists_the_copies(
    qtbot, controller, host, shell_library: Library, user_dirs, monkeypatch
) -> None:
    settings = user_dirs.settings()
    flow = FindCopiesFlow(controller, host, settings, lambda: options_for(shell_library, user_dirs))
    query = sorted(shell_library.groups[0])[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (query, ""))
    with qtbot.waitSignal(controller.copiesFound, timeout=60_000):
        flow.start()
    assert flow.dialog is not None and flow.dialog.isVisible()
    assert set(flow.dialog.paths()) == shell_library.groups[0] - {query}
    assert settings.last_dir == str(Path(query).parent)


def scanned(qtbot, controller: AppController, library: Library, user_dirs) -> AppController:
    with qtbot.waitSignal(controller.scanFinished, timeout=60_000):
        assert controller.start_scan(options_for(library, user_dirs))
    assert controller.duplicates is not None and len(controller.duplicates) == len(library.groups)
    return controller


def test_trash_flow_trashes_what_the_review_marks_then_undoes_it(
    qtbot, controller, host, shell_library: Library, user_dirs
) -> None:
    flow = TrashFlow(controller, host)
    review = scanned(qtbot, controller, shell_library, user_dirs).duplicates
    marked = {m.path for g in review.groups for m in g.members if not review.is_kept(m.path)}
    assert controller.trash_totals()[0] == len(marked) == 2 * len(shell_library.groups)

    flow.trash()
    assert flow.confirm_dialog is not None and flow.confirm_dialog.isVisible()
    with qtbot.waitSignal(controller.trashed, timeout=30_000) as trashed:
        flow.confirm_dialog.move_button.click()
    assert set(trashed.args[0].report.moved) == marked, trashed.args[0].report.skipped
    assert set(user_dirs.trashed()) == marked
    assert len(controller.duplicates) == 0  # every group resolved
    assert flow.summary is not None and flow.summary.isVisible()
    assert flow.summary.headline.text().startswith(f"Moved {len(marked)} files")

    with qtbot.waitSignal(controller.restored, timeout=30_000):
        flow.undo_last()
    assert all(Path(p).exists() for p in marked)
    assert flow.summary.headline.text().startswith(f"Put back {len(marked)} files.")


def test_review_files_save_and_open_keep_the_marks(
    qtbot, controller, host, shell_library: Library, tmp_path, user_dirs, monkeypatch
) -> None:
    files = ReviewFiles(controller, host, user_dirs.settings())
    review = scanned(qtbot, controller, shell_library, user_dirs).duplicates
    first = review.groups[0]
    for m in first.members:
        review.set_keep(first.id, m.path, True)
    saved = tmp_path / "review.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    files.save_review()
    assert host.statuses == [f"Saved {saved}"]  # type: ignore[attr-defined]

    controller.set_result(None)
    loaded: list[str] = []
    files.loaded.connect(loaded.append)
    assert files.load_review(str(saved)), host.error_dialog.details.toPlainText()
    assert loaded == ["Review opened from review.json."]
    assert all(controller.duplicates.is_kept(m.path) for m in first.members)
    assert [g.id for g in controller.duplicates.groups] == [g.id for g in review.groups]


SIDECAR = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmp:Rating="4">
  <dc:subject><rdf:Bag><rdf:li>Paris</rdf:li></rdf:Bag></dc:subject>
 </rdf:Description></rdf:RDF></x:xmpmeta>"""


def test_trash_flow_keeps_the_trashed_copies_metadata_when_asked(
    qtbot, controller, host, tmp_path, user_dirs
) -> None:
    pyexiv2 = pytest.importorskip("pyexiv2")
    from fixtures_shell import Library, textured_photo

    root = tmp_path / "photos"
    (root / "old").mkdir(parents=True)
    textured_photo(3, (400, 300)).save(root / "IMG_0003.jpg", quality=95)
    copy = root / "old" / "IMG_0003.jpg"
    textured_photo(3, (200, 150)).save(copy, quality=80)  # smaller: never the keeper
    (root / "old" / "IMG_0003.xmp").write_text(SIDECAR)
    library = Library(root, [{str(root / "IMG_0003.jpg"), str(copy)}], [], [])
    settings = user_dirs.settings()
    flow = TrashFlow(controller, host, settings)
    scanned(qtbot, controller, library, user_dirs)

    flow.trash()
    dialog = flow.confirm_dialog
    assert dialog is not None and not dialog.merge_box.isChecked()  # off until asked for
    dialog.merge_box.setChecked(True)
    with qtbot.waitSignal(controller.trashed, timeout=30_000) as trashed:
        dialog.move_button.click()
    sidecar = root / "IMG_0003.jpg.xmp"
    assert trashed.args[0].report.written == [str(sidecar)]
    with pyexiv2.Image(str(sidecar)) as img:
        back = img.read_xmp()
    assert (back["Xmp.xmp.Rating"], back["Xmp.dc.subject"]) == ("4", ["Paris"])
    assert "kept in 1 sidecar" in flow.summary.headline.text()
    assert settings.merge_metadata  # remembered for the next trash

    with qtbot.waitSignal(controller.restored, timeout=30_000):
        flow.undo_last()
    assert not sidecar.exists() and copy.exists()
    assert (root / "old" / "IMG_0003.xmp").read_text() == SIDECAR
