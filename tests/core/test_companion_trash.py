"""Companion files travel with their photo: Takeout, Lightroom, iPhone and RAW+JPEG libraries.

Each library is made of real files; each trash goes through the real send2trash into a
private trash, and each undo through the journal, as in test_trash.py.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest_safety import group, make_photo, private_trash
from dng_writer import write_dng
from PIL import Image
from sidecar_files import takeout_json, write, xmp

from photodedup.core import journal
from photodedup.core.companions import COMPANION_EXTENSIONS
from photodedup.core.discovery import discover
from photodedup.core.models import DuplicateGroup, ScanOptions, ScanResult
from photodedup.core.pipeline import run_scan
from photodedup.core.provenance import KEEP_SIDECAR_WORK
from photodedup.core.trash import execute_plan, plan_trash, trash_totals


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (the trash and journal live elsewhere) with its bytes."""
    return {
        os.path.relpath(os.path.join(folder, name), root): Path(folder, name).read_bytes()
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


def orphans(root: Path) -> set[str]:
    """Companion files under root that no photo beside them claims."""
    found = discover([str(root)])
    claimed = {c.path for cs in found.companions.values() for c in cs}
    files = {
        os.path.join(folder, name)
        for folder, _dirs, names in os.walk(root)
        for name in names
        if os.path.splitext(name)[1].lower() in COMPANION_EXTENSIONS
    }
    return files - claimed


def scan(root: Path, tmp_path: Path) -> ScanResult:
    options = ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=1)
    result = run_scan(options)
    assert result.problems == ()
    return result


def trash_and_undo(root: Path, result: ScanResult) -> set[str]:
    """Trash the suggested copies, then undo: the files the trash took (relative to root)."""
    before, unclaimed = snapshot(root), orphans(root)  # an album's metadata.json is nobody's
    report = execute_plan(plan_trash(result.groups))
    assert report.skipped == []
    after = snapshot(root)
    assert orphans(root) == unclaimed  # no sidecar is left without its photo
    gone = {os.path.relpath(p, root) for p in report.moved}
    assert set(before) - set(after) == gone
    undo = journal.restore(report.batch_id)
    assert undo.failed == []
    assert snapshot(root) == before  # byte-identical, companions and all
    return gone


@pytest.fixture
def trash_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return private_trash(tmp_path, monkeypatch)


# -- generated libraries: trash then undo ------------------------------------------------------


def test_takeout_layout(tmp_path: Path, trash_env, new_photo) -> None:
    root = tmp_path / "Takeout" / "Google Photos"
    album = root / "Photos from 2021"
    album.mkdir(parents=True)
    new_photo(1, (160, 120)).save(album / "IMG_1234.jpg", quality=92)
    shutil.copyfile(album / "IMG_1234.jpg", album / "IMG_1234(1).jpg")
    write(album / "IMG_1234.jpg.json", takeout_json("IMG_1234.jpg"))
    write(album / "IMG_1234.jpg(1).json", takeout_json("IMG_1234.jpg"))
    long_name = "Screenshot_20210601-120000_Some Very Long Application.png"
    new_photo(2, (160, 120)).save(album / long_name)
    write(album / ((long_name + ".supplemental-metadata")[:46] + ".json"), takeout_json("s"))
    other = root / "Trip"
    other.mkdir()
    shutil.copyfile(album / long_name, other / long_name)
    write(other / ((long_name + ".supplemental-metadata")[:46] + ".json"), takeout_json("s"))
    write(album / "metadata.json", json.dumps({"title": "Photos from 2021"}))

    result = scan(root, tmp_path)
    assert len(result.groups) == 2
    gone = trash_and_undo(root, result)
    assert len(gone) == 4  # two photos, each with its JSON
    assert {os.path.splitext(p)[1] for p in gone} == {".jpg", ".png", ".json"}


def test_lightroom_layout_both_namings_keeps_the_edited_copy(
    tmp_path: Path, trash_env, new_photo
) -> None:
    root = tmp_path / "Pictures"
    root.mkdir()
    new_photo(3, (160, 120)).save(root / "DSC_0001.jpg", quality=95)
    # A bare copy with the camera's name, and an edited one named as a copy: without its
    # sidecar, the camera's name would be kept.
    edited = root / "Lightroom" / "copy of photo.jpg"
    edited.parent.mkdir()
    shutil.copyfile(root / "DSC_0001.jpg", edited)
    write(root / "Lightroom" / "copy of photo.xmp", xmp(rating=5, edits=True))
    new_photo(4, (160, 120)).save(root / "Lightroom" / "DSC_0002.jpg", quality=95)
    write(root / "Lightroom" / "DSC_0002.jpg.xmp", xmp(keywords=("family",)))
    backup = root / "Backup"
    backup.mkdir()
    shutil.copyfile(root / "Lightroom" / "DSC_0002.jpg", backup / "DSC_0002 (1).jpg")
    write(backup / "DSC_0002 (1).xmp", xmp(rating=1))

    result = scan(root, tmp_path)
    by_keeper = {os.path.basename(g.keeper.path): g for g in result.groups}
    assert set(by_keeper) == {"copy of photo.jpg", "DSC_0002.jpg"}
    assert by_keeper["copy of photo.jpg"].keeper.reason_template == KEEP_SIDECAR_WORK
    gone = trash_and_undo(root, result)
    assert gone == {"DSC_0001.jpg", "Backup/DSC_0002 (1).jpg", "Backup/DSC_0002 (1).xmp"}


def test_iphone_export_heic_mov_aae(tmp_path: Path, trash_env, new_photo) -> None:
    pytest.importorskip("pillow_heif").register_heif_opener()
    root = tmp_path / "iPhone"
    for folder in ("DCIM", "Export"):
        (root / folder).mkdir(parents=True)
    new_photo(5, (160, 120)).save(root / "DCIM" / "IMG_0042.HEIC", format="HEIF", quality=90)
    write(root / "DCIM" / "IMG_0042.MOV", os.urandom(2000))
    write(root / "DCIM" / "IMG_0042.AAE", "<plist><dict/></plist>")
    shutil.copyfile(root / "DCIM" / "IMG_0042.HEIC", root / "Export" / "IMG_0042.HEIC")
    shutil.copyfile(root / "DCIM" / "IMG_0042.MOV", root / "Export" / "IMG_0042.MOV")
    write(root / "Export" / "IMG_0042.AAE", "<plist><dict/></plist>")

    result = scan(root, tmp_path)
    (group,) = result.groups
    trashed = next(m for m in group.members if not m.keep)
    size = os.path.getsize(trashed.path)
    assert trash_totals(result.groups) == (3, size + 2000 + 22)
    assert group.reclaimable == size + 2000 + 22
    gone = trash_and_undo(root, result)
    folder = os.path.basename(os.path.dirname(trashed.path))
    assert gone == {f"{folder}/IMG_0042.{ext}" for ext in ("HEIC", "MOV", "AAE")}


def test_raw_jpeg_xmp(tmp_path: Path, trash_env, new_photo, exif_bytes) -> None:
    root = tmp_path / "Camera"
    upright = new_photo(11, (400, 600))
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    write_dng(root / "IMG_0001.DNG", stored, sensor=(300, 200), orientation=6)
    upright.save(root / "IMG_0001.JPG", quality=90, exif=exif_bytes(1))
    write(root / "IMG_0001.xmp", xmp(rating=3))  # Lightroom's, for every IMG_0001.*
    write(root / "IMG_0001.DNG.xmp", xmp(edits=True))  # darktable's, the RAW's alone
    write(root / "IMG_0001.JPG.xmp", xmp(keywords=("jpeg",)))  # the JPEG's alone

    result = scan(root, tmp_path)
    (group,) = result.groups  # the RAW and its JPEG, as before
    assert group.keeper.path.endswith(".DNG")
    gone = trash_and_undo(root, result)
    # The shared sidecar stays with the RAW; the JPEG's own goes with it.
    assert gone == {"IMG_0001.JPG", "IMG_0001.JPG.xmp"}


def test_a_shared_sidecar_moves_with_the_last_of_its_photos(tmp_path: Path, trash_env) -> None:
    root = tmp_path / "lib"
    a, b = make_photo(root / "a" / "IMG_7.jpg", 1), make_photo(root / "a" / "IMG_7.png", 1)
    keep1, keep2 = make_photo(root / "k" / "one.jpg", 1), make_photo(root / "k" / "two.png", 1)
    write(root / "a" / "IMG_7.xmp", xmp(rating=2))
    found = discover([str(root)]).companions
    groups = [
        _with_found_companions(group(n, [keeper, copy]), found)
        for n, (keeper, copy) in enumerate(((keep1, a), (keep2, b)), 1)
    ]
    # Only one of its photos marked: the sidecar stays for the other.
    plan = plan_trash(groups, keep=lambda p: p != str(b))
    assert [os.path.basename(i.path) for i in plan.items] == ["IMG_7.png"]
    # Both marked: it goes once, after the last of them.
    plan = plan_trash(groups)
    assert [os.path.basename(i.path) for i in plan.items] == ["IMG_7.jpg", "IMG_7.png", "IMG_7.xmp"]
    before = snapshot(root)
    report = execute_plan(plan)
    assert sorted(os.path.basename(p) for p in report.moved) == [
        "IMG_7.jpg",
        "IMG_7.png",
        "IMG_7.xmp",
    ]
    journal.restore(report.batch_id)
    assert snapshot(root) == before


def _with_found_companions(g: DuplicateGroup, found: dict) -> DuplicateGroup:
    members = tuple(
        replace(m, fingerprint=replace(m.fingerprint, companions=found.get(m.path, ())))
        for m in g.members
    )
    return replace(g, members=members)


def test_a_companion_stays_when_its_photo_could_not_move(
    tmp_path: Path, trash_env, new_photo
) -> None:
    root = tmp_path / "lib"
    (root / "b").mkdir(parents=True)
    new_photo(6, (160, 120)).save(root / "IMG_0100.jpg", quality=95)
    shutil.copyfile(root / "IMG_0100.jpg", root / "b" / "IMG_0100 (1).jpg")
    write(root / "b" / "IMG_0100 (1).jpg.xmp", xmp(rating=0))
    result = scan(root, tmp_path)
    plan = plan_trash(result.groups)
    assert [os.path.basename(i.path) for i in plan.items] == [
        "IMG_0100 (1).jpg",
        "IMG_0100 (1).jpg.xmp",
    ]
    os.utime(root / "b" / "IMG_0100 (1).jpg", ns=(1, 1))  # changed since the scan: not moved
    report = execute_plan(plan)
    assert report.moved == []
    assert [r for _p, r in report.skipped][1] == "stays with its photo, which was not moved"
    assert (root / "b" / "IMG_0100 (1).jpg.xmp").exists()


# -- metadata merge ----------------------------------------------------------------------------


def test_merged_sidecar_is_read_back_and_removed_by_undo(
    tmp_path: Path, trash_env, new_photo
) -> None:
    pyexiv2 = pytest.importorskip("pyexiv2")
    root = tmp_path / "Photos"
    (root / "Takeout").mkdir(parents=True)
    new_photo(7, (200, 150)).save(root / "IMG_2000.jpg", quality=95)
    copy = root / "Takeout" / "IMG_2000 (1).jpg"
    new_photo(7, (100, 75)).save(copy, quality=80)  # a smaller copy: never the keeper
    write(root / "Takeout" / "IMG_2000 (1).jpg.xmp", xmp(rating=4, keywords=("Paris", "tower")))
    write(root / "Takeout" / "IMG_2000 (1).jpg.json", takeout_json("IMG_2000 (1).jpg"))

    result = scan(root, tmp_path)
    (group,) = result.groups
    assert group.keeper.path == str(root / "IMG_2000.jpg")
    before = snapshot(root)
    report = execute_plan(plan_trash(result.groups), merge_metadata=True)
    sidecar = root / "IMG_2000.jpg.xmp"
    assert report.written == [str(sidecar)]
    with pyexiv2.Image(str(sidecar)) as img:
        back = img.read_xmp()
    assert back["Xmp.xmp.Rating"] == "4"
    assert back["Xmp.dc.subject"] == ["Paris", "tower"]
    assert back["Xmp.exif.DateTimeOriginal"] == "2021-06-01T12:00:00Z"
    assert back["Xmp.exif.GPSLatitude"] == "48,51.5040N"
    assert back["Xmp.exif.GPSLongitude"] == "2,17.6700E"
    assert (root / "IMG_2000.jpg").read_bytes() == before["IMG_2000.jpg"]  # the photo untouched
    undo = journal.restore(report.batch_id)
    assert undo.failed == []
    assert snapshot(root) == before


def test_merge_into_an_existing_sidecar_puts_it_back_on_undo(
    tmp_path: Path, trash_env, new_photo
) -> None:
    pyexiv2 = pytest.importorskip("pyexiv2")
    root = tmp_path / "Photos"
    (root / "old").mkdir(parents=True)
    new_photo(8, (200, 150)).save(root / "DSC_0300.jpg", quality=95)
    write(root / "DSC_0300.xmp", xmp(keywords=("mine",)))
    new_photo(8, (100, 75)).save(root / "old" / "DSC_0300.jpg", quality=80)
    write(root / "old" / "DSC_0300.xmp", xmp(rating=2, keywords=("mine", "theirs")))
    result = scan(root, tmp_path)
    before = snapshot(root)
    report = execute_plan(plan_trash(result.groups), merge_metadata=True)
    assert report.written == [str(root / "DSC_0300.xmp")]
    with pyexiv2.Image(str(root / "DSC_0300.xmp")) as img:
        back = img.read_xmp()
    assert back["Xmp.dc.subject"] == ["mine", "theirs"] and back["Xmp.xmp.Rating"] == "2"
    journal.restore(report.batch_id)
    assert snapshot(root) == before


# -- command line ------------------------------------------------------------------------------


def test_cli_shows_trashes_and_restores_companions(
    tmp_path: Path, trash_env, new_photo, capsys
) -> None:
    from photodedup import cli

    root = tmp_path / "Photos"
    (root / "Downloads").mkdir(parents=True)
    new_photo(12, (200, 150)).save(root / "IMG_3000.jpg", quality=95)
    copy = root / "Downloads" / "IMG_3000.jpg"
    new_photo(12, (100, 75)).save(copy, quality=80)
    write(root / "Downloads" / "IMG_3000.jpg.xmp", xmp(rating=3))
    results = tmp_path / "r.json"
    assert cli.main(["scan", str(root), "--json", str(results), "--no-cache"]) == 0
    assert "1 companion file " in capsys.readouterr().out
    before = snapshot(root)
    assert cli.main(["trash", str(results)]) == 0
    out = capsys.readouterr().out
    assert f"  + with it {copy}.xmp (" in out and "XMP sidecar of IMG_3000.jpg" in out
    assert "2 file(s)" in out
    assert cli.main(["trash", str(results), "--yes", "--merge-metadata"]) == 0
    out = capsys.readouterr().out
    assert "Moved 2 file(s)" in out
    assert f"kept the trashed copies' metadata in {root / 'IMG_3000.jpg.xmp'}" in out
    assert sorted(snapshot(root)) == ["IMG_3000.jpg", "IMG_3000.jpg.xmp"]
    assert cli.main(["restore", "--last"]) == 0
    assert snapshot(root) == before
