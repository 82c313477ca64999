"""Camera RAW files: found, fingerprinted from the embedded preview, grouped with their JPEGs."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest
from dng_writer import write_dng
from PIL import Image

from photodedup import cli
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.imageio import DecodeError, open_oriented, read_metadata
from photodedup.core.models import (
    IMAGE_EXTENSIONS,
    RAW_EXTENSIONS,
    Fingerprint,
    Problem,
    Relation,
    ScanOptions,
)
from photodedup.core.pipeline import run_scan
from photodedup.core.raw import NO_PREVIEW


def _scan(root, tmp_path, **kw):
    return run_scan(
        ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=1, **kw)
    )


@pytest.fixture
def upright(new_photo) -> Image.Image:
    """The scene as people see it: a portrait photo."""
    return new_photo(11, (400, 600))


@pytest.fixture
def raw_pair(tmp_path, upright, exif_bytes):
    """A portrait shot: the camera's DNG (preview stored sideways, orientation 6) and its JPEG.

    The JPEG has more pixels than the RAW's sensor, so only the RAW rule can keep the RAW.
    """
    root = tmp_path / "Photos"
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # landscape, as the sensor saw it
    raw = write_dng(root / "IMG_0001.DNG", stored, sensor=(300, 200), orientation=6)
    jpeg = root / "IMG_0001.JPG"
    upright.save(jpeg, quality=90, exif=exif_bytes(1))
    return root, raw, jpeg


def test_every_raw_extension_is_a_photo_extension():
    assert {".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf", ".dng", ".pef", ".srw"} <= (
        RAW_EXTENSIONS
    )
    assert RAW_EXTENSIONS <= IMAGE_EXTENSIONS


def test_raw_fingerprint_reports_the_raw_size_orientation_and_camera(raw_pair):
    _root, raw, jpeg = raw_pair
    fp = fingerprint_path(str(raw))
    assert isinstance(fp, Fingerprint)
    # The sensor is 300x200; orientation 6 shows it as a 200x300 portrait.
    assert (fp.width, fp.height) == (200, 300)
    assert fp.format == "DNG"
    assert fp.camera == "TestCam RAW 1"
    assert fp.taken == "2021:06:01 12:00:00"
    camera_jpeg = fingerprint_path(str(jpeg))
    # Turned upright, the preview hashes like the camera's JPEG.
    assert (fp.phash ^ camera_jpeg.phash).bit_count() <= 2
    assert (fp.dhash ^ camera_jpeg.dhash).bit_count() <= 2


def test_raw_and_its_jpeg_group_and_the_raw_is_kept(raw_pair, tmp_path):
    root, raw, jpeg = raw_pair
    result = _scan(root, tmp_path)
    assert result.problems == ()
    assert len(result.groups) == 1
    keeper, other = result.groups[0].members
    assert keeper.path == str(raw) and keeper.keep
    assert keeper.reason == "RAW original"
    assert other.path == str(jpeg) and not other.keep
    assert other.relation is Relation.CONVERTED


def test_prefer_jpeg_keeps_the_jpeg(raw_pair, tmp_path):
    root, raw, jpeg = raw_pair
    group = _scan(root, tmp_path, prefer_jpeg=True).groups[0]
    assert [m.path for m in group.members if m.keep] == [str(jpeg)]
    assert group.members[0].reason == "JPEG preferred over the RAW"
    assert group.members[1].path == str(raw) and not group.members[1].keep


def test_two_copies_of_a_raw_fall_back_to_the_usual_reasons(raw_pair, tmp_path):
    root, raw, _jpeg = raw_pair
    shutil.copyfile(raw, root / "backup.dng")
    group = _scan(root, tmp_path).groups[0]
    assert len(group.members) == 3
    assert group.members[0].path in (str(raw), str(root / "backup.dng"))
    # The byte-identical backup is no evidence; against the JPEG, the RAW is the original.
    assert group.members[0].reason == "RAW original"
    assert {m.relation for m in group.members[1:]} == {Relation.IDENTICAL, Relation.CONVERTED}
    assert sum(m.keep for m in group.members) == 1


def test_a_raw_without_a_preview_is_a_problem_not_skipped(tmp_path, upright):
    root = tmp_path / "Photos"
    bare = write_dng(root / "bare.dng", None)
    upright.save(root / "other.jpg")
    result = _scan(root, tmp_path)
    assert result.stats.files == 2 and result.stats.hashed == 1
    assert result.problems == (Problem(str(bare), NO_PREVIEW),)


def test_a_tiny_preview_is_not_usable(tmp_path, upright):
    tiny = write_dng(tmp_path / "tiny.nef", upright.resize((40, 60)))
    problem = fingerprint_path(str(tiny))
    assert isinstance(problem, Problem)
    assert problem.error.startswith(NO_PREVIEW)


def test_a_file_with_a_raw_name_but_jpeg_bytes_is_read_as_the_jpeg(tmp_path, upright):
    # Some tools save plain JPEGs as .nef or .cr2: decoded as what the bytes are.
    fake = tmp_path / "holiday.CR2"
    upright.save(fake, "JPEG")
    plain = tmp_path / "holiday.jpg"
    upright.save(plain, "JPEG")
    fp, ref = fingerprint_path(str(fake)), fingerprint_path(str(plain))
    assert isinstance(fp, Fingerprint)
    assert (fp.format, fp.size, fp.phash) == ("JPEG", ref.size, ref.phash)


def test_a_file_with_a_raw_name_and_unknown_bytes_is_a_problem(tmp_path):
    fake = tmp_path / "holiday.NEF"
    fake.write_bytes(b"\x00not a photo at all" * 200)
    problem = fingerprint_path(str(fake))
    assert isinstance(problem, Problem)
    assert "not a RAW file" in problem.error or "cannot read RAW file" in problem.error


def test_the_raw_extension_decides_not_the_case(tmp_path, upright):
    # LibRaw reads by content: a DNG saved under another RAW extension is still read.
    path = write_dng(tmp_path / "SHOT.ARW", upright)
    fp = fingerprint_path(str(path))
    assert isinstance(fp, Fingerprint)
    assert fp.format == "ARW"


def test_open_oriented_shows_the_raw_preview_upright(raw_pair, upright):
    _root, raw, _jpeg = raw_pair
    shown = open_oriented(str(raw))
    assert shown.size == upright.size
    diff = np.abs(np.asarray(shown, dtype=np.int16) - np.asarray(upright, dtype=np.int16))
    assert diff.mean() < 6  # only JPEG loss; a wrong turn would differ by tens of levels
    reduced = open_oriented(str(raw), max_side=150)
    assert max(reduced.size) == 150 and reduced.height > reduced.width


def test_open_oriented_refuses_a_raw_without_preview(tmp_path):
    bare = write_dng(tmp_path / "bare.dng", None)
    with pytest.raises(DecodeError, match=NO_PREVIEW):
        open_oriented(str(bare))


def test_read_metadata_of_a_raw(raw_pair):
    _root, raw, _jpeg = raw_pair
    assert read_metadata(str(raw)) == {"taken": "2021:06:01 12:00:00", "camera": "TestCam RAW 1"}


def test_cli_prefer_jpeg(raw_pair, tmp_path):
    root, _raw, jpeg = raw_pair
    out = tmp_path / "r.json"
    base = ["scan", str(root), "--no-cache", "--workers", "1", "--no-ignore-list"]
    assert cli.main([*base, "--json", str(out)]) == 0
    files = json.loads(out.read_text())["groups"][0]["files"]
    assert [(os.path.basename(f["path"]), f["keep"]) for f in files] == [
        ("IMG_0001.DNG", True),
        ("IMG_0001.JPG", False),
    ]
    assert files[0]["format"] == "DNG" and files[0]["reason"] == "RAW original"
    assert cli.main([*base, "--prefer-jpeg", "--json", str(out)]) == 0
    files = json.loads(out.read_text())["groups"][0]["files"]
    assert [f["path"] for f in files if f["keep"]] == [str(jpeg)]
