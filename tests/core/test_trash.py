"""Trash planning and execution on real files with the real send2trash and a private trash."""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest_safety import TrashEnv, digest_of, group, make_library, make_photo, private_trash
from send2trash import plat_other

from photodedup.core import journal, trash
from photodedup.core.journal import JournalError, Outcome
from photodedup.core.models import CancelToken
from photodedup.core.trash import execute_plan, plan_trash


@pytest.fixture
def trash_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrashEnv:
    return private_trash(tmp_path, monkeypatch)


@pytest.fixture
def library(tmp_path: Path):
    return make_library(tmp_path)


def paths_of(g) -> list[Path]:
    return [Path(m.path) for m in g.members]


def test_plan_lists_marked_files_with_their_keeper(library) -> None:
    _, groups = library
    plan = plan_trash(groups)
    assert [i.path for i in plan.items] == [
        groups[0].members[1].path,
        groups[0].members[2].path,
        groups[1].members[1].path,
    ]
    assert all(i.keeper == groups[i.group_id - 1].members[0].path for i in plan.items)
    assert plan.items[0].keeper_reason == "largest resolution: 48x32"
    assert plan.refused == ()
    assert plan.total_bytes == sum(os.path.getsize(i.path) for i in plan.items)


def test_keep_override_and_all_marked_group_refused(library) -> None:
    _, groups = library
    g1, g2 = groups
    keep_only = {g1.members[2].path}
    plan = plan_trash(groups, keep=lambda p: p in keep_only)
    assert {i.path for i in plan.items} == {g1.members[0].path, g1.members[1].path}
    assert all(i.keeper == g1.members[2].path for i in plan.items)
    assert [r.group_id for r in plan.refused] == [2]
    assert set(plan.refused[0].paths) == {m.path for m in g2.members}
    # The trash button's count is the plan's, refused group and all.
    assert trash.trash_totals(groups, keep=lambda p: p in keep_only) == (2, plan.total_bytes)
    # A path listed in two groups is counted (and moved) once.
    twice = [g1, dataclasses.replace(g2, id=3, members=(g1.members[0], g1.members[2]))]
    again = plan_trash(twice, keep=lambda p: p in keep_only)
    assert len(again.items) == 2
    assert trash.trash_totals(twice, keep=lambda p: p in keep_only) == (2, again.total_bytes)


def test_reference_files_never_planned_even_when_marked(tmp_path: Path) -> None:
    files = [make_photo(tmp_path / "ref" / "x.jpg", 1), make_photo(tmp_path / "new" / "x.jpg", 2)]
    g = group(1, files, keep=(1,), reference=(0,))
    plan = plan_trash([g], keep=lambda p: False)
    # The reference file counts as kept, so the group is not refused and only the copy goes.
    assert [i.path for i in plan.items] == [str(files[1])]
    assert plan.items[0].keeper == str(files[0])


def test_execute_moves_marked_files_into_the_trash(trash_env: TrashEnv, library) -> None:
    _, groups = library
    before = {i.path: Path(i.path).read_bytes() for i in plan_trash(groups).items}
    calls = []
    report = execute_plan(plan_trash(groups), progress=lambda d, t, p: calls.append((d, t, p)))
    assert sorted(report.moved) == sorted(before)
    assert report.skipped == [] and report.batch_id
    trashed = trash_env.trashed()
    for path, data in before.items():
        assert not os.path.exists(path)
        assert trashed[path].read_bytes() == data
    for g in groups:
        assert os.path.exists(g.members[0].path)
    assert calls[-1] == (3, 3, "") and [c[0] for c in calls[:-1]] == [0, 1, 2]


def test_modified_after_scan_is_skipped(trash_env: TrashEnv, library) -> None:
    _, groups = library
    grown = Path(groups[0].members[1].path)
    make_photo(grown, 99, size=(60, 40))
    touched = Path(groups[0].members[2].path)
    st = touched.stat()
    os.utime(touched, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    report = execute_plan(plan_trash(groups))
    skipped = dict(report.skipped)
    assert "size" in skipped[str(grown)]
    assert "modified time" in skipped[str(touched)]
    assert grown.exists() and touched.exists()
    assert report.moved == [groups[1].members[1].path]


def test_same_size_and_mtime_but_other_bytes_is_skipped(trash_env: TrashEnv, library) -> None:
    _, groups = library
    victim = Path(groups[1].members[1].path)
    st = victim.stat()
    data = bytearray(victim.read_bytes())
    data[-20] ^= 0xFF
    victim.write_bytes(bytes(data))
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    report = execute_plan(plan_trash(groups))
    assert dict(report.skipped)[str(victim)] == "changed since the scan (content differs)"
    assert victim.exists()


def test_missing_keeper_skips_its_group(trash_env: TrashEnv, library) -> None:
    _, groups = library
    keeper = Path(groups[0].members[0].path)
    keeper.unlink()
    report = execute_plan(plan_trash(groups))
    for m in groups[0].members[1:]:
        assert "no kept copy" in dict(report.skipped)[m.path]
        assert os.path.exists(m.path)
    assert report.moved == [groups[1].members[1].path]


def test_keeper_that_changed_size_does_not_count(trash_env: TrashEnv, library) -> None:
    _, groups = library
    make_photo(Path(groups[1].members[0].path), 50, size=(10, 10))
    report = execute_plan(plan_trash(groups))
    assert "no kept copy" in dict(report.skipped)[groups[1].members[1].path]


def test_keeper_replaced_by_a_same_size_file_does_not_count(trash_env: TrashEnv, library) -> None:
    _, groups = library
    keeper = Path(groups[1].members[0].path)
    st = keeper.stat()
    other = bytearray(keeper.read_bytes())
    other[-20] ^= 0xFF  # another photo of exactly the same size
    keeper.write_bytes(bytes(other))
    os.utime(keeper, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    plan = plan_trash(groups)
    assert keeper.stat().st_size == plan.items[2].kept[0].size
    report = execute_plan(plan)
    copy = groups[1].members[1].path
    assert "no kept copy" in dict(report.skipped)[copy]
    assert os.path.exists(copy) and len(report.moved) == 2


def test_keeper_that_is_a_link_to_the_file_does_not_count(trash_env: TrashEnv, tmp_path) -> None:
    a = make_photo(tmp_path / "p" / "a.jpg", 1)
    b = make_photo(tmp_path / "p" / "b.jpg", 2)
    a.unlink()
    os.link(b, a)  # same size as b now, but the keeper would vanish with b
    g = group(1, [a, b])
    report = execute_plan(plan_trash([g]))
    assert report.moved == [] and "no kept copy" in report.skipped[0][1]
    assert b.exists()


def test_folder_gone_is_skipped_and_batch_goes_on(trash_env: TrashEnv, library) -> None:
    root, groups = library
    gone = groups[0].members[2].path
    shutil.rmtree(root / "c")
    report = execute_plan(plan_trash(groups))
    assert dict(report.skipped)[gone] == "no longer exists"
    assert len(report.moved) == 2


def _trash_access_as(privileged: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make send2trash's write check answer as root (True) or as a user (the mode bits) would.

    The check is os.access, which says yes to root whatever the mode: without this, which
    branch a test ran would depend on who runs the tests.
    """
    real = os.access

    def access(path, mode, **kwargs) -> bool:
        if mode != os.W_OK:
            return real(path, mode, **kwargs)
        return privileged or bool(os.stat(path).st_mode & stat.S_IWUSR)

    monkeypatch.setattr(plat_other.os, "access", access)


def test_read_only_file_refused_by_the_trash_is_skipped(trash_env, library, monkeypatch) -> None:
    _, groups = library
    ro = Path(groups[1].members[1].path)
    ro.chmod(0o444)
    _trash_access_as(False, monkeypatch)
    report = execute_plan(plan_trash(groups))
    assert "Permission denied" in dict(report.skipped)[str(ro)]
    assert ro.exists() and str(ro) not in trash_env.trashed()
    entries = {e.path: e for e in journal.batch_entries(report.batch_id)}
    assert entries[str(ro)].outcome is Outcome.SKIPPED
    assert len(report.moved) == 2


def test_read_only_file_accepted_by_the_trash_is_journalled(
    trash_env, library, monkeypatch
) -> None:
    _, groups = library
    ro = Path(groups[1].members[1].path)
    ro.chmod(0o444)
    _trash_access_as(True, monkeypatch)
    report = execute_plan(plan_trash(groups))
    assert str(ro) in report.moved and not ro.exists()
    assert trash_env.trashed()[str(ro)].exists()
    entries = {e.path: e for e in journal.batch_entries(report.batch_id)}
    assert entries[str(ro)].outcome is Outcome.MOVED
    assert len(report.moved) == 3


def test_send2trash_failure_for_one_file(trash_env, library, monkeypatch) -> None:
    _, groups = library
    bad = groups[0].members[1].path
    real = trash.send2trash

    def flaky(path: str) -> None:
        if path == bad:
            raise OSError(5, "no trash on this drive")
        real(path)

    monkeypatch.setattr(trash, "send2trash", flaky)
    report = execute_plan(plan_trash(groups))
    assert report.skipped == [(bad, "could not be moved to the trash: no trash on this drive")]
    assert len(report.moved) == 2 and os.path.exists(bad)
    entries = {e.path: e for e in journal.batch_entries(report.batch_id)}
    assert entries[bad].outcome is Outcome.SKIPPED and "no trash" in entries[bad].reason
    for path in report.moved:
        assert entries[path].outcome is Outcome.MOVED
        assert entries[path].trash_path == str(trash_env.trashed()[path])


def test_journal_written_before_the_first_move(trash_env, library, monkeypatch) -> None:
    _, groups = library
    seen_in_journal = []

    def refuse(path: str) -> None:
        # At the moment of the first move the whole batch is already journalled.
        batches = journal.list_batches()
        entries = journal.batch_entries(batches[0].id)
        seen_in_journal.append({e.path: e.digest for e in entries})
        raise RuntimeError("trash is broken")

    monkeypatch.setattr(trash, "send2trash", refuse)
    plan = plan_trash(groups)
    report = execute_plan(plan)
    assert report.moved == [] and len(report.skipped) == 3
    assert set(seen_in_journal[0]) == {i.path for i in plan.items}
    first = plan.items[0].path
    assert seen_in_journal[0][first] == digest_of(first)
    [batch] = journal.list_batches()
    assert (batch.id, batch.skipped, batch.moved, batch.finished) == (report.batch_id, 3, 0, True)


def test_cancel_between_files(trash_env: TrashEnv, library) -> None:
    _, groups = library
    token = CancelToken()

    def progress(done: int, total: int, path: str) -> None:
        if done == 1:
            token.cancel()

    report = execute_plan(plan_trash(groups), progress=progress, cancel=token)
    assert report.cancelled
    assert len(report.moved) == 1
    assert [r for _, r in report.skipped] == ["cancelled", "cancelled"]
    assert all(os.path.exists(p) for p, _ in report.skipped)


def test_no_journal_means_nothing_moves(trash_env: TrashEnv, library) -> None:
    _, groups = library
    (trash_env.data_home / "photodedup").write_text("not a folder")
    plan = plan_trash(groups)
    with pytest.raises(JournalError):
        execute_plan(plan)
    assert all(os.path.exists(i.path) for i in plan.items)
    assert trash_env.trashed() == {}


def test_empty_plan_writes_no_batch(trash_env: TrashEnv, tmp_path) -> None:
    g = group(
        1, [make_photo(tmp_path / "a.jpg", 1), make_photo(tmp_path / "b.jpg", 2)], keep=(0, 1)
    )
    report = execute_plan(plan_trash([g]))
    assert report.batch_id == "" and report.moved == []
    assert journal.list_batches() == []


def test_journal_failure_after_cancel_still_returns_the_report(
    trash_env: TrashEnv, library, monkeypatch
) -> None:
    _, groups = library
    token = CancelToken()
    real_record = journal.Journal.record

    def record(self, batch_id, seq, outcome, reason="", trash_path=""):
        if reason == "cancelled":
            raise JournalError("disk full")
        real_record(self, batch_id, seq, outcome, reason, trash_path)

    monkeypatch.setattr(journal.Journal, "record", record)

    def progress(done: int, total: int, path: str) -> None:
        if done == 1:
            token.cancel()

    plan = plan_trash(groups)
    report = execute_plan(plan, progress=progress, cancel=token)
    # The GUI must still learn which file moved and which did not.
    assert report.moved == [plan.items[0].path] and report.cancelled
    assert report.skipped == [(i.path, "cancelled") for i in plan.items[1:]]
    assert all(os.path.exists(i.path) for i in plan.items[1:])
    assert trash_env.trashed()[plan.items[0].path].exists()


def test_trash_location_failure_after_a_move_keeps_the_report(
    trash_env: TrashEnv, library, monkeypatch
) -> None:
    _, groups = library

    def broken_locate(path: str):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(trash.xdg_trash, "locate", broken_locate)
    plan = plan_trash(groups)
    report = execute_plan(plan)
    assert sorted(report.moved) == sorted(i.path for i in plan.items)
    entries = journal.batch_entries(report.batch_id)
    assert all(e.outcome is Outcome.MOVED and e.trash_path == "" for e in entries)
    # Restore finds the files by their .trashinfo, without the recorded location.
    restored = journal.restore(report.batch_id)
    assert restored.failed == [] and all(os.path.exists(i.path) for i in plan.items)
