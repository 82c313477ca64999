"""Move to a folder: real files, a private trash and journal, undo through the journal."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest_safety import TrashEnv, make_library, make_photo, private_trash

from photodedup.core import journal, move_to_folder, xdg_trash
from photodedup.core.journal import Outcome
from photodedup.core.move_to_folder import DestinationError, execute_move
from photodedup.core.trash import plan_trash


@pytest.fixture
def trash_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrashEnv:
    return private_trash(tmp_path, monkeypatch)


@pytest.fixture
def library(tmp_path: Path):
    return make_library(tmp_path)


def snapshot(*roots: Path) -> dict[str, bytes]:
    """Every file under the roots, with its bytes."""
    return {
        os.path.join(folder, name): Path(folder, name).read_bytes()
        for root in roots
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


def read_only(path: Path, request: pytest.FixtureRequest) -> None:
    """Make ``path`` a folder nobody may write in, root included (an immutable folder)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        path.chmod(0o555)
        request.addfinalizer(lambda: path.chmod(0o755))
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode:
        pytest.skip("no way to make a folder read-only for root here")
    request.addfinalizer(lambda: subprocess.run(["chattr", "-i", str(path)]))


def test_move_keeps_the_folder_structure_and_undo_is_byte_identical(
    trash_env: TrashEnv, library, tmp_path: Path
) -> None:
    root, groups = library
    before = snapshot(root)
    dest = tmp_path / "extras"
    plan = plan_trash(groups)
    report = execute_move(plan, str(dest), [str(root)])
    assert report.skipped == [] and len(report.moved) == 3
    for item in plan.items:
        rel = os.path.relpath(item.path, root)
        assert not os.path.exists(item.path)
        assert (dest / "photos" / rel).read_bytes() == before[item.path]
    for g in groups:
        assert os.path.exists(g.members[0].path)  # the keepers stay
    assert trash_env.trashed() == {}  # nothing went to the trash
    entries = journal.batch_entries(report.batch_id)
    assert {e.trash_path for e in entries} == {
        str(dest / "photos" / os.path.relpath(i.path, root)) for i in plan.items
    }
    assert journal.list_batches()[0].action == journal.MOVE

    undo = journal.restore(report.batch_id)
    assert undo.failed == [] and len(undo.restored) == 3
    assert snapshot(root) == before
    assert snapshot(dest) == {}  # the folders stay, empty; no file is left behind


def test_a_taken_name_gets_a_suffix_and_the_file_there_is_untouched(
    trash_env: TrashEnv, library, tmp_path: Path
) -> None:
    root, groups = library
    dest = tmp_path / "extras"
    victim = groups[1].members[1].path
    there = dest / "photos" / "b" / "IMG_2.png"
    there.parent.mkdir(parents=True)
    there.write_bytes(b"someone else's file")
    data = Path(victim).read_bytes()
    report = execute_move(plan_trash(groups), str(dest), [str(root)])
    assert victim in report.moved
    assert there.read_bytes() == b"someone else's file"
    assert (dest / "photos" / "b" / "IMG_2 (2).png").read_bytes() == data
    journal.restore(report.batch_id)
    assert Path(victim).read_bytes() == data
    assert there.read_bytes() == b"someone else's file"


def test_changed_files_and_missing_keepers_are_not_moved(
    trash_env: TrashEnv, library, tmp_path: Path
) -> None:
    root, groups = library
    make_photo(Path(groups[0].members[1].path), 99, size=(60, 40))  # changed since the scan
    Path(groups[1].members[0].path).unlink()  # the only keeper of group 2 is gone
    report = execute_move(plan_trash(groups), str(tmp_path / "extras"), [str(root)])
    skipped = dict(report.skipped)
    assert "size" in skipped[groups[0].members[1].path]
    assert "no kept copy" in skipped[groups[1].members[1].path]
    assert report.moved == [groups[0].members[2].path]
    assert os.path.exists(groups[0].members[1].path)
    assert os.path.exists(groups[1].members[1].path)


def test_a_real_cross_device_move_copies_and_removes(
    trash_env: TrashEnv, library, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        pytest.skip("no writable /dev/shm")
    if shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("/dev/shm is on the same device as the tests' files")
    dest = shm / f"photodedup-test-{os.getpid()}-{time.monotonic_ns()}"
    request.addfinalizer(lambda: shutil.rmtree(dest, ignore_errors=True))
    root, groups = library
    before = snapshot(root)
    report = execute_move(plan_trash(groups), str(dest), [str(root)])
    assert len(report.moved) == 3 and report.skipped == []
    for path in report.moved:
        assert not os.path.exists(path)
        assert (dest / "photos" / os.path.relpath(path, root)).read_bytes() == before[path]
    journal.restore(report.batch_id)
    assert snapshot(root) == before


def test_a_simulated_cross_device_move_copies_verifies_and_removes(
    trash_env: TrashEnv, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(src, dst, **_kw):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    compared = []
    real_same_bytes = move_to_folder.same_bytes

    def spy(a: str, b: str) -> bool:
        compared.append(a)
        return real_same_bytes(a, b)

    monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(move_to_folder, "same_bytes", spy)
    root, groups = library
    before = snapshot(root)
    dest = tmp_path / "extras"
    report = execute_move(plan_trash(groups), str(dest), [str(root)])
    assert sorted(compared) == sorted(report.moved) and len(report.moved) == 3
    for path in report.moved:
        assert not os.path.exists(path)
        assert (dest / "photos" / os.path.relpath(path, root)).read_bytes() == before[path]
    journal.restore(report.batch_id)
    assert snapshot(root) == before


def test_a_copy_that_differs_is_removed_and_the_original_stays(
    trash_env: TrashEnv, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EXDEV)))
    monkeypatch.setattr(move_to_folder, "same_bytes", lambda a, b: False)
    root, groups = library
    before = snapshot(root)
    dest = tmp_path / "extras"
    report = execute_move(plan_trash(groups), str(dest), [str(root)])
    assert report.moved == []
    assert all("the copy differs" in why for _p, why in report.skipped)
    assert snapshot(root) == before and snapshot(dest) == {}


def test_a_copy_failing_midway_leaves_the_source(
    trash_env: TrashEnv, library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_then_fail(fin, fout, length=0):
        fout.write(fin.read(100))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EXDEV)))
    monkeypatch.setattr(move_to_folder.shutil, "copyfileobj", half_then_fail)
    root, groups = library
    before = snapshot(root)
    dest = tmp_path / "extras"
    report = execute_move(plan_trash(groups), str(dest), [str(root)])
    assert report.moved == [] and len(report.skipped) == 3
    assert all("No space left" in why for _p, why in report.skipped)
    assert snapshot(root) == before
    assert snapshot(dest) == {}  # no partial copy left behind


CHILD = """
import os, shutil, sys, time
from send2trash import plat_other
from photodedup.core import move_to_folder
from photodedup.core.results_io import load_results
from photodedup.core.trash import plan_trash

plat_other.XDG_DATA_HOME = os.fsencode(os.environ["XDG_DATA_HOME"])
results, dest, root, marker = sys.argv[1:]

def no_link(*_a, **_k):
    raise OSError(18, "Invalid cross-device link")

def copy_then_hang(fin, fout, length=0):
    fout.write(fin.read(100))
    fout.flush()
    open(marker, "w").close()
    time.sleep(60)

os.link = no_link
shutil.copyfileobj = copy_then_hang
groups = load_results(results).groups
move_to_folder.execute_move(plan_trash(groups), dest, [root])
"""


def test_a_process_killed_mid_copy_leaves_the_source(
    trash_env: TrashEnv, library, tmp_path: Path
) -> None:
    from conftest_safety import scan_result

    from photodedup.core.results_io import write_json

    root, groups = library
    results = tmp_path / "results.json"
    write_json(scan_result([root], groups), str(results))
    before = snapshot(root)
    dest, marker = tmp_path / "extras", tmp_path / "copying"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(results), str(dest), str(root), str(marker)],
        env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the child ended before copying"
            assert time.monotonic() < deadline, "the child never started copying"
            time.sleep(0.05)
        child.kill()
    finally:
        child.wait()
    assert snapshot(root) == before  # every original is still in place
    # The one copy under way is named as partial; no file of the plan's names is there.
    (left,) = snapshot(dest)
    assert left.endswith(move_to_folder.PARTIAL) and len(snapshot(dest)[left]) == 100
    batch = journal.list_batches()[0]
    assert not batch.finished and batch.action == journal.MOVE
    pending = [e for e in journal.batch_entries(batch.id) if e.outcome is Outcome.PENDING]
    assert pending[0].trash_path and pending[0].digest  # journalled before the copy began
    undo = journal.restore(batch.id)
    assert undo.restored == [] and undo.failed == []  # nothing had moved, nothing to put back
    assert snapshot(root) == before


def test_an_unwritable_destination_is_refused_before_anything_moves(
    trash_env: TrashEnv, library, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    root, groups = library
    before = snapshot(root)
    locked = tmp_path / "locked"
    read_only(locked, request)
    with pytest.raises(DestinationError, match="not writable"):
        execute_move(plan_trash(groups), str(locked / "extras"), [str(root)])
    with pytest.raises(DestinationError, match="not writable"):
        execute_move(plan_trash(groups), str(locked), [str(root)])
    assert snapshot(root) == before
    assert journal.list_batches() == []


def test_a_destination_inside_or_around_a_scanned_folder_is_refused(
    trash_env: TrashEnv, library, tmp_path: Path
) -> None:
    root, groups = library
    before = snapshot(root)
    with pytest.raises(DestinationError, match="inside the scanned folder"):
        execute_move(plan_trash(groups), str(root / "extras"), [str(root)])
    with pytest.raises(DestinationError, match="holds the scanned folder"):
        execute_move(plan_trash(groups), str(tmp_path), [str(root)])
    assert snapshot(root) == before and not (root / "extras").exists()
    assert journal.list_batches() == []


def test_a_volume_without_a_usable_trash_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    nas = tmp_path / "nas"
    photo = make_photo(nas / "photos" / "IMG_1.jpg", 1)
    home = make_photo(tmp_path / "home" / "IMG_1.jpg", 2)
    # The share is another volume mounted at nas, where no trash can be made.
    real_stat = os.stat
    moved_dev = real_stat(nas).st_dev + 1

    def stat(path, *a, **k):
        st = real_stat(path, *a, **k)
        if str(path).startswith(str(nas)):
            return os.stat_result((*st[:2], moved_dev, *st[3:]))
        return st

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(xdg_trash, "_mount_point", lambda folder: str(nas))
    monkeypatch.setattr(xdg_trash, "_home_device", lambda: real_stat(tmp_path).st_dev)
    assert xdg_trash.volumes_without_trash([str(photo), str(home)]) == []  # nas is writable
    read_only(nas, request)
    assert xdg_trash.volumes_without_trash([str(photo), str(home)]) == [str(nas)]
    assert xdg_trash.volumes_without_trash([str(home)]) == []
    # A trash folder of one's own on the share makes it usable again.
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(nas)], check=True)
    else:
        nas.chmod(0o755)
    (nas / f".Trash-{os.getuid()}").mkdir()
    read_only(nas, request)
    assert xdg_trash.volumes_without_trash([str(photo)]) == []


def test_companions_move_with_their_photo_and_come_back(
    trash_env: TrashEnv, tmp_path: Path, new_photo
) -> None:
    from sidecar_files import takeout_json, write, xmp

    from photodedup.core.models import ScanOptions
    from photodedup.core.pipeline import run_scan

    root = tmp_path / "Pictures"
    (root / "Backup").mkdir(parents=True)
    new_photo(4, (160, 120)).save(root / "DSC_0002.jpg", quality=95)
    write(root / "DSC_0002.jpg.xmp", xmp(keywords=("family",)))
    shutil.copyfile(root / "DSC_0002.jpg", root / "Backup" / "DSC_0002.jpg")
    write(root / "Backup" / "DSC_0002.xmp", xmp(rating=1))
    write(root / "Backup" / "DSC_0002.jpg.json", takeout_json("DSC_0002.jpg"))
    options = ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=1)
    result = run_scan(options)
    (g,) = result.groups
    assert g.keeper.path == str(root / "DSC_0002.jpg")
    before = snapshot(root)
    dest = tmp_path / "extras"
    report = execute_move(plan_trash(result.groups), str(dest), result.roots)
    assert report.skipped == []
    assert set(snapshot(dest)) == {
        str(dest / "Pictures" / "Backup" / name)
        for name in ("DSC_0002.jpg", "DSC_0002.xmp", "DSC_0002.jpg.json")
    }
    assert set(snapshot(root)) == {str(root / "DSC_0002.jpg"), str(root / "DSC_0002.jpg.xmp")}
    assert journal.restore(report.batch_id).failed == []
    assert snapshot(root) == before and snapshot(dest) == {}
