"""The trash journal and restore, against the real send2trash in a private freedesktop trash."""

from __future__ import annotations

import errno
import os
import random
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest_safety import TrashEnv, digest_of, group, make_library, make_photo, private_trash

from photodedup.core import journal, trash, xdg_trash
from photodedup.core.fingerprint import digest_bytes
from photodedup.core.journal import Journal, JournalError, Outcome
from photodedup.core.trash import execute_plan, plan_trash


@pytest.fixture
def trash_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrashEnv:
    return private_trash(tmp_path, monkeypatch)


@pytest.fixture
def library(tmp_path: Path):
    return make_library(tmp_path)


def trash_all(groups) -> tuple[trash.TrashReport, dict[str, bytes]]:
    plan = plan_trash(groups)
    data = {i.path: Path(i.path).read_bytes() for i in plan.items}
    return execute_plan(plan), data


def test_journal_lives_in_the_user_data_dir(trash_env: TrashEnv, library) -> None:
    _, groups = library
    trash_all(groups)
    assert journal.default_path() == str(trash_env.data_home / "photodedup" / "journal.sqlite3")
    with sqlite3.connect(journal.default_path()) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_batch_records_every_file(trash_env: TrashEnv, library) -> None:
    _, groups = library
    plan = plan_trash(groups)
    facts = {i.path: (i.size, i.mtime_ns, digest_of(i.path)) for i in plan.items}
    report = execute_plan(plan)
    [batch] = journal.list_batches()
    assert (batch.id, batch.total, batch.moved, batch.skipped) == (report.batch_id, 3, 3, 0)
    assert batch.finished and batch.restored == 0 and batch.created
    trashed = trash_env.trashed()
    for e in journal.batch_entries(batch.id):
        assert (e.size, e.mtime_ns, e.digest) == facts[e.path]
        assert e.outcome is Outcome.MOVED
        assert e.trash_path == str(trashed[e.path])
        assert digest_of(e.trash_path) == e.digest


def test_restore_last_puts_files_back_with_the_same_bytes(trash_env: TrashEnv, library) -> None:
    _, groups = library
    report, data = trash_all(groups)
    restored = journal.restore()
    assert restored.batch_id == report.batch_id and restored.failed == []
    assert sorted(dest for _, dest in restored.restored) == sorted(data)
    for path, content in data.items():
        assert Path(path).read_bytes() == content
    assert trash_env.trashed() == {}
    assert list((trash_env.trash / "files").iterdir()) == []
    [batch] = journal.list_batches()
    assert batch.restored == 3
    # A second restore finds nothing left to do and touches nothing.
    again = journal.restore(report.batch_id)
    assert again.restored == [] and again.failed == [] and again.message


def test_restore_beside_a_file_that_took_the_place(trash_env: TrashEnv, library) -> None:
    _, groups = library
    _, data = trash_all(groups)
    taken = Path(groups[1].members[1].path)
    make_photo(taken, 77)
    newcomer = taken.read_bytes()
    (taken.parent / "IMG_2 (restored).png").write_bytes(b"also taken")
    report = journal.restore()
    dest = taken.parent / "IMG_2 (restored 2).png"
    assert (str(trash_env.trash / "files" / taken.name), str(dest)) in report.restored
    assert taken.read_bytes() == newcomer
    assert (taken.parent / "IMG_2 (restored).png").read_bytes() == b"also taken"
    assert dest.read_bytes() == data[str(taken)]
    entry = next(e for e in journal.batch_entries(report.batch_id) if e.path == str(taken))
    assert entry.restored_to == str(dest)


def test_restore_recreates_a_missing_folder(trash_env: TrashEnv, library) -> None:
    root, groups = library
    _, data = trash_all(groups)
    shutil.rmtree(root / "c")
    report = journal.restore()
    assert report.failed == []
    path = groups[0].members[2].path
    assert Path(path).read_bytes() == data[path]


def test_restore_picks_the_batch_and_the_right_copy(trash_env: TrashEnv, tmp_path) -> None:
    keeper = make_photo(tmp_path / "p" / "keep.jpg", 1)
    copy = make_photo(tmp_path / "p" / "copy.jpg", 2)
    first = execute_plan(plan_trash([group(1, [keeper, copy])]))
    # Another file at the same place is trashed later: same name in the trash, other bytes.
    copy2 = make_photo(tmp_path / "p" / "copy.jpg", 3)
    second_bytes = copy2.read_bytes()
    second = execute_plan(plan_trash([group(2, [keeper, copy2])]))
    assert [b.id for b in journal.list_batches()] == [second.batch_id, first.batch_id]
    report = journal.restore(first.batch_id)
    assert report.failed == []
    assert digest_of(copy) == journal.batch_entries(first.batch_id)[0].digest
    # The later copy is still in the trash, untouched.
    assert trash_env.trashed()[str(copy)].read_bytes() == second_bytes


def test_restore_when_the_trash_was_emptied(trash_env: TrashEnv, library) -> None:
    _, groups = library
    report, _ = trash_all(groups)
    shutil.rmtree(trash_env.trash)
    restored = journal.restore()
    assert restored.restored == []
    assert {p for p, _ in restored.failed} == set(report.moved)
    assert all("not found in the trash" in reason for _, reason in restored.failed)


@pytest.mark.parametrize(("platform", "place"), [("win32", "Recycle Bin"), ("darwin", "Trash")])
def test_restore_elsewhere_says_where_the_files_are(trash_env, library, platform, place) -> None:
    _, groups = library
    report, _ = trash_all(groups)
    restored = journal.restore(platform=platform)
    assert not restored.automatic and restored.restored == []
    assert place in restored.message and report.batch_id in restored.message
    assert sorted(p for p, _ in restored.failed) == sorted(report.moved)
    assert len(trash_env.trashed()) == 3


def test_interrupted_batch_stays_true_and_restorable(trash_env, library, monkeypatch) -> None:
    _, groups = library
    real = trash.send2trash
    calls = []

    def dies_after_second_move(path: str) -> None:
        real(path)
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the app killed mid-batch, after the move

    monkeypatch.setattr(trash, "send2trash", dies_after_second_move)
    plan = plan_trash(groups)
    data = {i.path: Path(i.path).read_bytes() for i in plan.items}
    with pytest.raises(KeyboardInterrupt):
        execute_plan(plan)
    [batch] = journal.list_batches()
    assert not batch.finished and (batch.moved, batch.pending) == (1, 2)
    report = journal.restore()
    assert sorted(dest for _, dest in report.restored) == sorted(calls)
    assert report.failed == []
    for path, content in data.items():
        assert Path(path).read_bytes() == content
    assert trash_env.trashed() == {}


def test_concurrent_writers_do_not_corrupt_the_journal(trash_env: TrashEnv) -> None:
    errors = []

    def writer(n: int) -> None:
        try:
            with Journal() as j:
                for k in range(15):
                    bid = j.begin_batch([(f"/p/{n}-{k}-{i}.jpg", 1, 2, "") for i in range(5)])
                    for seq in range(5):
                        j.record(bid, seq, Outcome.SKIPPED, "test")
                    j.finish(bid)
        except Exception as exc:  # surfaced to the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    batches = journal.list_batches()
    assert len(batches) == 60 and all(b.skipped == 5 and b.finished for b in batches)


def test_newer_journal_is_refused(trash_env: TrashEnv) -> None:
    path = trash_env.data_home / "photodedup" / "journal.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(JournalError, match="newer"):
        journal.list_batches()


def test_unknown_batch_and_empty_journal(trash_env: TrashEnv) -> None:
    with pytest.raises(JournalError, match="no batch"):
        journal.restore()
    with pytest.raises(JournalError, match="nope"):
        journal.restore("nope")


def test_per_volume_trash_is_searched(trash_env, tmp_path, monkeypatch) -> None:
    volume = tmp_path / "volume"
    original = volume / "photos" / "x.jpg"
    vol_trash = volume / f".Trash-{os.getuid()}"
    (vol_trash / "files").mkdir(parents=True)
    (vol_trash / "info").mkdir()
    make_photo(vol_trash / "files" / "x.jpg", 5)
    (vol_trash / "info" / "x.jpg.trashinfo").write_text(
        "[Trash Info]\nPath=photos/x.jpg\nDeletionDate=2024-01-02T03:04:05\n"
    )
    monkeypatch.setattr(xdg_trash, "_mount_point", lambda p: str(volume))
    [found] = xdg_trash.index([str(original)])[str(original)]
    assert found.files_path == str(vol_trash / "files" / "x.jpg")
    dest = xdg_trash.restore_file(found, str(original))
    assert dest == str(original) and original.exists()
    assert not (vol_trash / "info" / "x.jpg.trashinfo").exists()


def _no_hard_links(err: int, monkeypatch: pytest.MonkeyPatch) -> None:
    def link(src, dst, *, follow_symlinks=True):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(xdg_trash.os, "link", link)


def test_failed_copy_to_another_volume_leaves_no_partial_file(tmp_path, monkeypatch) -> None:
    src = make_photo(tmp_path / "trash" / "x.jpg", 1)
    data = src.read_bytes()
    dst = tmp_path / "photos" / "x.jpg"
    dst.parent.mkdir()
    _no_hard_links(errno.EXDEV, monkeypatch)

    def disk_full(fin, fout, length=0):
        fout.write(fin.read(100))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xdg_trash.shutil, "copyfileobj", disk_full)
    with pytest.raises(OSError, match="No space"):
        xdg_trash.move_no_overwrite(str(src), str(dst))
    assert not dst.exists() and src.read_bytes() == data


def test_exclusive_copy_never_removes_a_file_it_did_not_create(tmp_path, monkeypatch) -> None:
    src = make_photo(tmp_path / "trash" / "x.jpg", 1)
    dst = tmp_path / "photos" / "x.jpg"
    dst.parent.mkdir()
    dst.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        xdg_trash._copy_exclusive(str(src), str(dst))
    assert dst.read_bytes() == b"someone else's" and src.exists()


def test_no_hard_links_never_overwrites_a_file_that_appears(tmp_path, monkeypatch) -> None:
    src = make_photo(tmp_path / "trash" / "x.jpg", 1)
    data = src.read_bytes()
    dst = tmp_path / "photos" / "x.jpg"
    dst.parent.mkdir()
    _no_hard_links(errno.EPERM, monkeypatch)
    real_lexists = os.path.lexists

    def lexists_then_race(path) -> bool:
        found = real_lexists(path)
        if os.fspath(path) == str(dst):
            dst.write_bytes(b"arrived just after the check")
        return found

    monkeypatch.setattr(xdg_trash.os.path, "lexists", lexists_then_race)
    with pytest.raises(FileExistsError):
        xdg_trash.move_no_overwrite(str(src), str(dst))
    assert dst.read_bytes() == b"arrived just after the check"
    assert src.read_bytes() == data


def test_no_hard_links_still_moves(tmp_path, monkeypatch) -> None:
    src = make_photo(tmp_path / "trash" / "x.jpg", 1)
    data = src.read_bytes()
    dst = tmp_path / "photos" / "x.jpg"
    dst.parent.mkdir()
    _no_hard_links(errno.EPERM, monkeypatch)
    xdg_trash.move_no_overwrite(str(src), str(dst))
    assert dst.read_bytes() == data and not src.exists()


def test_last_batch_is_the_last_written_even_when_the_clock_went_back(trash_env) -> None:
    with Journal() as j:
        first = j.begin_batch([("/p/a.jpg", 1, 2, "")])
        second = j.begin_batch([("/p/b.jpg", 1, 2, "")])
        # Clocks go back an hour at the end of summer time: the later batch reads earlier.
        j._db.execute(
            "UPDATE batches SET created = '2024-10-27T02:30:00+02:00' WHERE id = ?", (first,)
        )
        j._db.execute(
            "UPDATE batches SET created = '2024-10-27T02:10:00+01:00' WHERE id = ?", (second,)
        )
        assert j.last_batch_id() == second
        assert [b.id for b in j.batches()] == [second, first]


def test_journal_connection_closed_when_the_schema_cannot_be_created(trash_env, monkeypatch):
    path = trash_env.data_home / "photodedup" / "journal.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        # Not a journal: an index already holds the name of one of its tables.
        db.execute("CREATE TABLE t (x)")
        db.execute("CREATE INDEX batches ON t (x)")
    opened = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(journal.sqlite3, "connect", connect)
    with pytest.raises(JournalError, match="index named batches"):
        Journal()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")


@pytest.mark.parametrize("size", [0, 1, (1 << 20) - 1, 1 << 20, 3 * (1 << 20) + 17])
def test_file_digest_is_the_engines_content_digest(tmp_path: Path, size: int) -> None:
    # The trash's content check compares this against the scan's digest_bytes: never drift.
    data = bytes(random.Random(size).getrandbits(8) for _ in range(min(size, 4096)))
    data = (data * (size // max(len(data), 1) + 1))[:size]
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert journal.file_digest(str(path)) == digest_bytes(data)


def test_journal_ignore_list_and_autosave_share_one_folder_on_windows(monkeypatch) -> None:
    # platformdirs adds an author folder on Windows unless told not to: pretend to be there.
    import platformdirs
    from platformdirs.windows import Windows

    from photodedup.core import ignore
    from photodedup.gui import autosave  # imports Qt, but makes no widget

    monkeypatch.setattr(platformdirs, "PlatformDirs", Windows)
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\me\AppData\Local")
    folder = os.path.dirname(ignore.default_path())
    assert folder.endswith("photodedup") and not folder.endswith("photodedup/photodedup")
    assert os.path.dirname(journal.default_path()) == folder
    assert str(autosave.default_path().parent) == folder


def test_a_version_1_journal_is_upgraded_and_keeps_its_batches(tmp_path: Path) -> None:
    from photodedup.core import journal as journal_module

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    old = journal_module._SCHEMA.replace("    previous BLOB,\n", "")
    old = old.replace(",\n    action TEXT NOT NULL DEFAULT 'trash'", "")
    assert "action" not in old
    db.executescript(old)
    db.execute("INSERT INTO batches (id, created, platform) VALUES ('b1', 'then', 'linux')")
    db.execute(
        "INSERT INTO entries (batch_id, seq, path, size, mtime_ns, digest, outcome, updated)"
        " VALUES ('b1', 0, '/p/a.jpg', 3, 4, 'ab', 'moved', 'then')"
    )
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    with journal_module.Journal(str(path)) as j:
        (entry,) = j.entries("b1")
        assert (entry.path, entry.outcome, entry.previous) == ("/p/a.jpg", Outcome.MOVED, None)
        seq = j.begin_write("b1", "/p/k.jpg.xmp", b"old")
        assert j.entries("b1")[seq].previous == b"old"
        # Batches from before "move to folder" went to the trash.
        assert j.action("b1") == journal_module.TRASH
        assert [b.action for b in j.batches()] == [journal_module.TRASH]
