"""The suggested keeper is the original, for every kind of copy, with the evidence named."""

from __future__ import annotations

import csv
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from photodedup.core import provenance as pv
from photodedup.core import results_io
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.imageio import ensure_plugins, jpeg_quality
from photodedup.core.models import (
    Companion,
    CompanionKind,
    Fingerprint,
    Relation,
    ScanOptions,
    ScanResult,
    ScanStats,
)
from photodedup.core.pipeline import run_scan
from photodedup.core.ranking import build_group, parse_rule, relabel


def _watermark(img: Image.Image) -> Image.Image:
    img = img.copy()
    ImageDraw.Draw(img).rectangle((200, 200, 300, 230), fill=(255, 255, 255))
    return img


def _save_heic(img: Image.Image, path: Path, **save: object) -> None:
    ensure_plugins()  # whichever test ran before in this process
    img.save(path, quality=80, **save)


#: kind of copy -> (file name, how it is written from the original picture)
COPIES = {
    "png": ("photo.png", lambda i, p, x, e: i.save(p, **x)),
    "tiff": ("photo.tif", lambda i, p, x, e: i.save(p, **x)),
    "bmp": ("photo.bmp", lambda i, p, x, e: i.save(p)),
    "heic": ("photo.heic", lambda i, p, x, e: _save_heic(i, p, **x)),
    "webp": ("photo.webp", lambda i, p, x, e: i.save(p, quality=80, **x)),
    "reencode_95": ("photo.jpg", lambda i, p, x, e: i.save(p, quality=95, **x)),
    "reencode_70": ("photo.jpg", lambda i, p, x, e: i.save(p, quality=70, **x)),
    "reencode_40": ("photo.jpg", lambda i, p, x, e: i.save(p, quality=40, **x)),
    "resize": ("photo.jpg", lambda i, p, x, e: i.resize((160, 120)).save(p, quality=88, **x)),
    "frame": (
        "photo.jpg",
        lambda i, p, x, e: ImageOps.expand(i, border=10, fill="white").save(p, quality=88, **x),
    ),
    "sharpen": ("photo.jpg", lambda i, p, x, e: i.filter(ImageFilter.SHARPEN).save(p, **x)),
    "gray": ("photo.jpg", lambda i, p, x, e: ImageOps.grayscale(i).save(p, quality=88, **x)),
    "bright": (
        "photo.jpg",
        lambda i, p, x, e: ImageEnhance.Brightness(i).enhance(1.15).save(p, quality=88, **x),
    ),
    "watermark": ("photo.jpg", lambda i, p, x, e: _watermark(i).save(p, quality=88, **x)),
    "strip_meta": ("photo.jpg", lambda i, p, x, e: i.save(p, quality=92)),
    "sideways": (
        "photo.jpg",
        lambda i, p, x, e: i.transpose(Image.Transpose.ROTATE_270).save(p, quality=92, exif=e(6)),
    ),
}


def _fingerprint(path) -> Fingerprint:
    fp = fingerprint_path(str(path))
    assert isinstance(fp, Fingerprint), fp
    return fp


@pytest.fixture(scope="module")
def picture(new_photo) -> Image.Image:
    return new_photo(5, (480, 360))


@pytest.fixture(scope="module")
def camera_exif(exif_bytes):
    return exif_bytes


@pytest.mark.parametrize("exif_copied", [False, True], ids=["stripped", "exif-copied"])
@pytest.mark.parametrize("kind", sorted(COPIES))
def test_the_original_is_kept_whatever_the_copy(tmp_path, picture, camera_exif, kind, exif_copied):
    original = tmp_path / "2019" / "Trip" / "IMG_1001.jpg"
    original.parent.mkdir(parents=True)
    picture.save(original, quality=92, exif=camera_exif())
    name, write = COPIES[kind]
    copy = tmp_path / "Export" / name
    copy.parent.mkdir()
    write(picture, copy, {"exif": camera_exif()} if exif_copied else {}, camera_exif)
    # Scan order never matters: the copy is offered first.
    group = build_group(1, [_fingerprint(copy), _fingerprint(original)])
    keeper, other = group.members
    assert keeper.path == str(original), (keeper.reason, other.reason)
    assert keeper.reason_template in pv.__dict__.values()
    assert other.reason.endswith("of IMG_1001.jpg")
    assert not other.keep


def test_reasons_name_the_evidence(tmp_path, picture, camera_exif):
    original = tmp_path / "IMG_2002.jpg"
    picture.save(original, quality=92, exif=camera_exif())
    png = tmp_path / "copy.png"
    picture.save(png)
    group = build_group(1, [_fingerprint(png), _fingerprint(original)])
    assert group.members[0].reason.startswith("camera original: TestCam Model 1, taken 2021-06-01")
    assert group.members[1].reason == "PNG conversion of IMG_2002.jpg"
    # With the camera's EXIF copied into the PNG, the format is the evidence.
    picture.save(png, exif=camera_exif())
    group = build_group(1, [_fingerprint(png), _fingerprint(original)])
    assert group.members[0].reason == (
        "JPEG as the camera wrote it; the other copies are conversions"
    )


def test_a_framed_copy_is_not_larger(tmp_path, picture):
    original = tmp_path / "a.jpg"
    picture.save(original, quality=92)
    framed = tmp_path / "b.jpg"
    ImageOps.expand(picture, border=20, fill="white").save(framed, quality=92)
    fp = _fingerprint(framed)
    assert fp.content_size == pytest.approx((480, 360), abs=3)
    group = build_group(1, [fp, _fingerprint(original)])
    assert group.members[0].path == str(original)
    assert group.members[0].reason == "without the frame another copy added"
    assert group.members[1].relation == Relation.FRAMED
    assert group.members[1].reason == "copy with a frame added (520x400) of a.jpg"


def test_a_screenshot_png_is_the_original_of_its_jpeg(tmp_path, picture):
    # Without camera data on either side, the lossless file is the source.
    png = tmp_path / "Screenshot 2024-01-01.png"
    picture.save(png)
    jpg = tmp_path / "Screenshot 2024-01-01.jpg"
    picture.save(jpg, quality=95)
    group = build_group(1, [_fingerprint(jpg), _fingerprint(png)])
    assert group.members[0].path == str(png)
    assert group.members[0].reason == "lossless PNG; the other copies are compressed"


def test_names_and_folders_decide_between_otherwise_equal_copies(tmp_path, picture, camera_exif):
    (tmp_path / "Pictures").mkdir()
    (tmp_path / "WhatsApp Images").mkdir()
    a = tmp_path / "Pictures" / "IMG_3003.jpg"
    b = tmp_path / "WhatsApp Images" / "IMG-20190101-WA0001.jpg"
    for path in (a, b):
        picture.save(path, quality=90, exif=camera_exif())
    b.write_bytes(b.read_bytes() + b"\0")  # other bytes, same picture
    group = build_group(1, [_fingerprint(b), _fingerprint(a)])
    assert group.members[0].path == str(a)
    assert group.members[0].reason == "camera file name: IMG_3003.jpg"


def test_user_rules_come_before_the_evidence(tmp_path, picture, camera_exif):
    original = tmp_path / "camera" / "IMG_1.jpg"
    original.parent.mkdir()
    picture.save(original, quality=92, exif=camera_exif())
    png = tmp_path / "keep" / "a.png"
    png.parent.mkdir()
    picture.save(png)
    fps = [_fingerprint(original), _fingerprint(png)]
    assert build_group(1, fps).members[0].path == str(original)
    by_format = build_group(1, fps, rules=[parse_rule("format:png"), "original"])
    assert by_format.members[0].path == str(png)
    assert by_format.members[0].reason == "preferred format: PNG"
    by_folder = build_group(1, fps, rules=[parse_rule(f"folder:{png.parent}")])
    assert by_folder.members[0].reason == f"in the preferred folder {png.parent}"
    with pytest.raises(ValueError, match="unknown keeper rule"):
        parse_rule("prettiest")


def test_a_damaged_copy_is_never_the_keeper(tmp_path, picture):
    intact = tmp_path / "a.jpg"
    picture.save(intact, quality=92)
    big = tmp_path / "big.jpg"
    picture.resize((960, 720)).save(big, quality=95)
    data = big.read_bytes()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(data[:-33])  # missing its last bytes, still fully viewable
    fp = _fingerprint(broken)
    assert fp.damaged
    group = build_group(1, [fp, _fingerprint(intact)])
    assert group.members[0].path == str(intact)
    assert group.members[0].reason == "intact file: another copy is damaged"
    assert group.members[1].relation == Relation.DAMAGED
    assert group.members[1].reason == "damaged copy of a.jpg"
    assert not group.members[1].keep


def test_a_damaged_file_with_no_intact_copy_is_never_marked(tmp_path, picture):
    paths = []
    for n in (1, 2):
        path = tmp_path / f"{n}.jpg"
        picture.save(path, quality=90 + n)
        path.write_bytes(path.read_bytes()[:-40])
        paths.append(path)
    group = build_group(1, [_fingerprint(p) for p in paths])
    assert all(m.fingerprint.damaged and m.keep for m in group.members)


def test_a_mostly_missing_file_is_still_a_problem(tmp_path, picture):
    path = tmp_path / "cut.jpg"
    picture.save(path, quality=92)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    assert not isinstance(fingerprint_path(str(path)), Fingerprint)


def test_a_png_with_a_broken_structure_is_damaged(tmp_path, picture):
    path = tmp_path / "p.png"
    picture.convert("P").save(path)
    data = path.read_bytes()
    start = data.index(b"PLTE") - 4
    length = int.from_bytes(data[start : start + 4], "big")
    plte = data[start : start + 12 + length]
    path.write_bytes(data[: start + len(plte)] + plte + data[start + len(plte) :])
    assert _fingerprint(path).damaged
    good = tmp_path / "good.png"
    picture.convert("P").save(good)
    assert not _fingerprint(good).damaged


def test_labels_follow_the_keeper_the_user_picks(tmp_path, picture, camera_exif):
    original = tmp_path / "IMG_1001.jpg"
    picture.save(original, quality=92, exif=camera_exif())
    png = tmp_path / "copy.png"
    picture.save(png)
    small = tmp_path / "small.jpg"
    picture.resize((240, 180)).save(small, quality=80)
    group = build_group(1, [_fingerprint(p) for p in (png, original, small)])
    chosen = relabel(group, str(png))
    assert chosen.members[0].path == str(png)
    assert chosen.members[0].relation == Relation.KEEPER
    assert chosen.members[0].reason == "chosen by you"
    words = {os.path.basename(m.path): m.reason for m in chosen.members[1:]}
    assert words == {
        "IMG_1001.jpg": "JPEG conversion of copy.png",
        "small.jpg": "resized copy (240x180) of copy.png",
    }
    # The engine's suggestion is unchanged underneath: going back gives the same group.
    assert [m.keep for m in chosen.members] == [False, True, False]
    assert relabel(chosen, str(original)).members[0].reason == "chosen by you"


@pytest.mark.parametrize(("quality", "custom"), [(40, False), (75, False), (92, False)])
def test_jpeg_quality_is_read_from_the_tables(tmp_path, picture, quality, custom):
    path = tmp_path / "q.jpg"
    picture.save(path, quality=quality)
    with Image.open(path) as img:
        assert jpeg_quality(img.quantization[0]) == (quality, custom)
    table = [max(1, (v * 7) % 50) for v in range(64)]  # no scaled standard table
    assert jpeg_quality(table)[1] is True


def test_the_damaged_flag_is_in_the_results_files(tmp_path, picture):
    intact = tmp_path / "a.jpg"
    picture.save(intact, quality=92)
    broken = tmp_path / "b.jpg"
    broken.write_bytes(intact.read_bytes()[:-33])
    group = build_group(1, [_fingerprint(broken), _fingerprint(intact)])
    result = ScanResult((str(tmp_path),), (group,), (), ScanStats(2, 2, 2, 0.1))
    results_io.write_json(result, str(tmp_path / "r.json"))
    files = json.loads((tmp_path / "r.json").read_text())["groups"][0]["files"]
    assert [f["damaged"] for f in files] == [False, True]
    back = results_io.load_results(str(tmp_path / "r.json"))
    assert [m.fingerprint.damaged for m in back.groups[0].members] == [False, True]
    results_io.write_csv(result, str(tmp_path / "r.csv"))
    with (tmp_path / "r.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [row["damaged"] for row in rows] == ["no", "yes"]


def test_a_truncated_copy_is_grouped_by_a_scan_and_marked(tmp_path, picture):
    picture.save(tmp_path / "IMG_0001.jpg", quality=92)
    picture.resize((960, 720)).save(tmp_path / "big.jpg", quality=95)
    (tmp_path / "big.jpg").write_bytes((tmp_path / "big.jpg").read_bytes()[:-33])
    options = ScanOptions(roots=(str(tmp_path),), cache_dir=str(tmp_path / "cache"), workers=1)
    result = run_scan(options)
    assert result.problems == ()
    (group,) = result.groups
    keeper, copy = group.members
    assert os.path.basename(keeper.path) == "IMG_0001.jpg" and keeper.keep
    assert copy.relation == Relation.DAMAGED and not copy.keep


def test_the_copy_whose_sidecar_holds_the_users_work_is_kept(tmp_path, picture, camera_exif):
    camera = tmp_path / "DCIM" / "IMG_1001.jpg"
    camera.parent.mkdir()
    picture.save(camera, quality=92, exif=camera_exif())
    edited = tmp_path / "Lightroom" / "holiday copy.jpg"
    edited.parent.mkdir()
    picture.save(edited, quality=92)  # same picture, no camera data, a copy's name
    fp_camera, fp_edited = _fingerprint(camera), _fingerprint(edited)
    assert build_group(1, [fp_camera, fp_edited]).keeper.path == str(camera)
    for work in ({"rating": 5}, {"edits": True}, {"keywords": ("family",)}):
        xmp = Companion(str(edited) + ".xmp", CompanionKind.XMP, 10, 1, **work)
        worked = replace(fp_edited, companions=(xmp,))
        group = build_group(1, [fp_camera, worked])
        assert group.keeper.path == str(edited)
        assert group.keeper.reason == pv.KEEP_SIDECAR_WORK
    # A sidecar without the user's work (a Takeout date, an empty XMP) is no reason.
    bare = Companion(str(edited) + ".json", CompanionKind.TAKEOUT, 10, 1, taken="2021:01:01")
    assert build_group(1, [fp_camera, replace(fp_edited, companions=(bare,))]).keeper.path == (
        str(camera)
    )
    # Never at the cost of pixels: a smaller copy with edits is not kept over the original.
    small = tmp_path / "Lightroom" / "small.jpg"
    picture.resize((240, 180)).save(small, quality=92)
    xmp = Companion(str(small) + ".xmp", CompanionKind.XMP, 10, 1, rating=5)
    fp_small = replace(_fingerprint(small), companions=(xmp,))
    assert build_group(1, [fp_camera, fp_small]).keeper.path == str(camera)


def test_a_drawings_thin_margin_is_not_a_frame_its_jpeg_copy_lacks(tmp_path):
    """A card's 2 px of white around its outline is part of it; JPEG noise in a copy's margin
    once made the copy look like the unframed, larger original."""
    img = Image.new("RGB", (164, 224), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([2, 2, 161, 221], radius=10, outline=(0, 0, 0), width=2)
    for x, y in ((50, 50), (114, 50), (82, 112), (50, 174), (114, 174)):
        d.ellipse([x - 12, y - 12, x + 12, y + 12], fill=(200, 20, 30))
    img.save(tmp_path / "card.png")
    img.save(tmp_path / "card_copy.jpg", quality=50)
    for name in ("card.png", "card_copy.jpg"):
        assert fingerprint_path(str(tmp_path / name)).content_size == (164, 224)
    result = run_scan(ScanOptions(roots=(str(tmp_path),), cache_dir=str(tmp_path / "cache")))
    (group,) = result.groups
    assert os.path.basename(group.members[0].fingerprint.path) == "card.png"
