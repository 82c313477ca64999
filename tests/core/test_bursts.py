"""Burst shots: similar frames seconds apart from one camera, listed apart and all kept."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest
from PIL import Image, ImageFilter

from photodedup import cli
from photodedup.core import bursts
from photodedup.core.models import Fingerprint, GroupKind, Relation, ScanOptions
from photodedup.core.pipeline import run_scan
from photodedup.core.results_io import load_results, write_json


def _exif(taken: str, model: str = "BurstCam 1") -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "BurstCam"
    exif[0x0110] = model
    exif[0x0112] = 1
    exif.get_ifd(0x8769)[0x9003] = taken
    return exif.tobytes()


def _frame(scene: Image.Image, shift: int) -> Image.Image:
    # The camera pans a little between frames: a new moment, not a copy.
    return scene.crop((shift, 0, shift + 720, 480))


@pytest.fixture
def shoot(tmp_path, new_photo):
    """Three frames of a burst (one blurred by shake), another scene in the same second and a
    byte copy of the first frame (time and camera limits: test_find_bursts_...)."""
    root = tmp_path / "shoot"
    root.mkdir()
    scene = new_photo(31, (900, 600))
    _frame(scene, 0).save(root / "f1.jpg", quality=90, exif=_exif("2023:05:01 10:00:00"))
    _frame(scene, 40).save(root / "f2.jpg", quality=90, exif=_exif("2023:05:01 10:00:01"))
    blurred = _frame(scene, 80).filter(ImageFilter.GaussianBlur(3))
    blurred.save(root / "f3.jpg", quality=90, exif=_exif("2023:05:01 10:00:03"))
    new_photo(32, (720, 480)).save(
        root / "other.jpg", quality=90, exif=_exif("2023:05:01 10:00:02")
    )
    shutil.copyfile(root / "f1.jpg", root / "backup_f1.jpg")
    return root


def _scan(root, tmp_path, **kw):
    return run_scan(
        ScanOptions(roots=(str(root),), cache_dir=str(tmp_path / "cache"), workers=1, **kw)
    )


def _name(member) -> str:
    return os.path.basename(member.path)


def test_a_burst_is_its_own_kind_of_group_all_kept(shoot, tmp_path):
    result = _scan(shoot, tmp_path, bursts=True)
    # Duplicates are untouched: only the byte copy of f1 is one.
    assert [sorted(_name(m) for m in g.members) for g in result.groups] == [
        ["backup_f1.jpg", "f1.jpg"]
    ]
    assert len(result.bursts) == 1
    burst = result.bursts[0]
    assert burst.kind is GroupKind.BURST
    assert burst.id > max(g.id for g in result.groups)
    # f1 stands for its duplicate group; the blurred frame comes last.
    assert [_name(m) for m in burst.members][-1] == "f3.jpg"
    assert {_name(m) for m in burst.members} == {"f1.jpg", "f2.jpg", "f3.jpg"}
    assert all(m.keep for m in burst.members)
    assert burst.members[0].relation is Relation.KEEPER
    assert burst.members[0].reason == "sharpest shot of the burst"
    assert all(m.relation is Relation.BURST_SHOT for m in burst.members[1:])
    values = [m.sharpness for m in burst.members]
    assert all(v is not None and v > 0 for v in values)
    assert values == sorted(values, reverse=True)
    assert values[-1] < 0.5 * values[0]
    assert "% as sharp" in burst.members[-1].reason
    last = burst.members[-1]
    percent = round(100 * values[-1] / values[0])
    assert last.reason_template in bursts.REASON_TEMPLATES
    assert dict(last.reason_values)["percent"] == str(percent)
    assert last.reason.endswith(f", {percent} % as sharp")


def test_bursts_are_off_unless_asked(shoot, tmp_path):
    assert _scan(shoot, tmp_path).bursts == ()


def _fp(name: str, phash: int, taken: str, camera: str = "Cam", flat: bool = False) -> Fingerprint:
    return Fingerprint(
        name,
        1,
        0,
        "d" + name,
        "p" + name,
        10,
        10,
        "JPEG",
        (phash,) * 8,
        (0,) * 8,
        b"",
        flat,
        taken=taken,
        camera=camera,
    )


def test_find_bursts_links_time_camera_and_look():
    base = 0x0123_4567_89AB_CDEF
    near = base ^ 0xFFFF  # 16 bits away
    far = base ^ (((1 << 30) - 1) << 32)  # 30 bits from a, 46 from b
    photos = [
        _fp("a", base, "2023:01:01 10:00:00"),
        _fp("b", near, "2023:01:01 10:00:03"),  # 3 s: in
        _fp("c", base, "2023:01:01 10:00:07"),  # 4 s after b: out
        _fp("d", far, "2023:01:01 10:00:01"),  # looks different: out
        _fp("e", base, "2023:01:01 10:00:01", camera="Other"),  # another camera: out
        _fp("f", base, "2023:01:01 10:00:01", flat=True),  # no detail to compare: out
        _fp("g", base, ""),  # no capture time: out
    ]
    assert bursts.find_bursts(photos) == [[0, 1]]


def test_a_crowd_faster_than_any_camera_is_not_a_burst():
    photos = [_fp(f"p{i}", 0xF0F0, "2021:06:01 12:00:00") for i in range(bursts.MAX_CROWD + 1)]
    assert bursts.find_bursts(photos) == []
    assert len(bursts.find_bursts(photos[: bursts.MAX_CROWD])[0]) == bursts.MAX_CROWD


def test_laplacian_variance_ranks_sharp_above_blurred(new_photo):
    sharp = np.asarray(new_photo(5).convert("L"))
    blurred = np.asarray(new_photo(5).convert("L").filter(ImageFilter.GaussianBlur(2)))
    assert bursts.laplacian_variance(sharp) > 2 * bursts.laplacian_variance(blurred)
    assert bursts.laplacian_variance(np.full((50, 50), 128)) == 0.0


def test_sharpness_of_an_unreadable_file_is_none(tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a photo")
    assert bursts.sharpness(str(bad)) is None


def test_bursts_survive_a_results_file(shoot, tmp_path):
    result = _scan(shoot, tmp_path, bursts=True)
    path = tmp_path / "r.json"
    write_json(result, str(path))
    doc = json.loads(path.read_text())
    assert doc["bursts"][0]["kind"] == "burst"
    assert all("sharpness" in f for f in doc["bursts"][0]["files"])
    loaded = load_results(str(path))
    assert [[m.path for m in g.members] for g in loaded.bursts] == [
        [m.path for m in g.members] for g in result.bursts
    ]
    assert [m.sharpness for m in loaded.bursts[0].members] == [
        m.sharpness for m in result.bursts[0].members
    ]
    assert loaded.bursts[0].members[1].relation is Relation.BURST_SHOT


def test_a_burst_in_the_groups_list_is_refused(shoot, tmp_path):
    from photodedup.core.results_io import ResultsError

    path = tmp_path / "r.json"
    write_json(_scan(shoot, tmp_path, bursts=True), str(path))
    doc = json.loads(path.read_text())
    doc["groups"].append(doc.pop("bursts")[0])
    path.write_text(json.dumps(doc))
    with pytest.raises(ResultsError, match="similar shots belong under 'bursts'"):
        load_results(str(path))


def test_cli_bursts_flag(shoot, tmp_path, capsys):
    out = tmp_path / "r.json"
    base = ["scan", str(shoot), "--no-cache", "--workers", "1", "--no-ignore-list"]
    assert cli.main([*base, "--json", str(out)]) == 0
    assert "bursts" not in json.loads(out.read_text())
    assert cli.main([*base, "--bursts", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert len(doc["bursts"]) == 1
    assert all(f["keep"] for f in doc["bursts"][0]["files"])
    assert "1 burst of similar shots (3 photos, all kept" in capsys.readouterr().out
