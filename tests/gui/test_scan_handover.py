"""A scan's hand-over: the new reviews are built on the job thread, the user's marks kept."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from photodedup.core import pipeline
from photodedup.core.models import ScanOptions
from photodedup.core.review import Review
from photodedup.gui import controller as controller_module
from photodedup.gui.autosave import Autosaver
from photodedup.gui.controller import AppController, ReplacedResult
from photodedup.gui.executor import Executor

if TYPE_CHECKING:
    from fixtures_shell import Library, UserDirs

pytest_plugins = ("fixtures_shell",)


@pytest.fixture
def controller(qtbot, user_dirs: UserDirs) -> Iterator[AppController]:
    controller = AppController(Executor(), Autosaver(user_dirs.data_home / "autosave.json"))
    yield controller
    assert not controller.shutdown(), "a job was still running after 10 s"


def scan(qtbot, controller: AppController, library: Library, user_dirs: UserDirs) -> None:
    options = ScanOptions(
        roots=(str(library.root),), cache_dir=str(user_dirs.root / "cache"), workers=1
    )
    with qtbot.waitSignal(controller.scanFinished, timeout=60_000):
        assert controller.start_scan(options)


def a_copy(review: Review) -> tuple[int, str]:
    """A group and one of its files the user may mark for trash."""
    group = review.groups[0]
    path = next(m.path for m in group.members if review.can_mark(group.id, m.path))
    return group.id, path


def test_the_reviews_are_built_on_the_job_thread(
    qtbot, controller, shell_library, user_dirs, monkeypatch
) -> None:
    built_on: list[str] = []

    class Recorded(Review):
        def __init__(self, *args, **kwargs) -> None:
            built_on.append(threading.current_thread().name)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(controller_module, "Review", Recorded)
    scan(qtbot, controller, shell_library, user_dirs)
    assert isinstance(controller.duplicates, Recorded)
    assert len(controller.duplicates) == len(shell_library.groups)
    assert built_on == ["photodedup-jobs", "photodedup-jobs"]  # duplicates and bursts
    assert threading.current_thread().name == "MainThread"


def test_marks_made_before_a_rescan_are_kept(qtbot, controller, shell_library, user_dirs):
    scan(qtbot, controller, shell_library, user_dirs)
    group_id, path = a_copy(controller.duplicates)
    keeper = controller.duplicates.group(group_id).members[0].path
    assert controller.duplicates.keep_only(group_id, path)
    scan(qtbot, controller, shell_library, user_dirs)
    assert controller.duplicates.is_kept(path)
    assert not controller.duplicates.is_kept(keeper)


def test_marks_made_while_a_rescan_runs_are_kept(
    qtbot, controller, shell_library, user_dirs, monkeypatch
) -> None:
    scan(qtbot, controller, shell_library, user_dirs)
    marked = threading.Event()
    real_scan = pipeline.run_scan

    def scan_after_the_mark(*args, **kwargs):
        assert marked.wait(30), "the test never marked a file"
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(pipeline, "run_scan", scan_after_the_mark)
    options = ScanOptions(
        roots=(str(shell_library.root),), cache_dir=str(user_dirs.root / "cache"), workers=1
    )
    group_id, path = a_copy(controller.duplicates)
    keeper = controller.duplicates.group(group_id).members[0].path
    assert controller.duplicates.is_kept(keeper)
    with qtbot.waitSignal(controller.scanFinished, timeout=60_000):
        assert controller.start_scan(options)
        # The scan has started (its marks were taken); the user keeps a copy instead meanwhile.
        assert controller.duplicates.keep_only(group_id, path)
        marked.set()
    assert controller.duplicates.is_kept(path)
    assert not controller.duplicates.is_kept(keeper)


def test_a_rescan_hands_the_replaced_result_to_whoever_frees_it(
    qtbot, controller, shell_library, user_dirs
) -> None:
    replaced: list[ReplacedResult] = []
    controller.resultReplaced.connect(replaced.append)
    scan(qtbot, controller, shell_library, user_dirs)
    assert replaced == []  # nothing was shown before
    first, first_review = controller.result, controller.duplicates
    scan(qtbot, controller, shell_library, user_dirs)
    assert len(replaced) == 1
    assert replaced[0].result is first and replaced[0].duplicates is first_review
    assert controller.result is not first
