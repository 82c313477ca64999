"""Every kind of edit the brief lists is found, and a hard negative of each kind stays apart."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

from photodedup.core.models import Relation, ScanOptions
from photodedup.core.pipeline import run_scan


def _gamma(img: Image.Image, g: float) -> Image.Image:
    lut = [min(255, int(255 * ((i / 255) ** g) + 0.5)) for i in range(256)]
    return img.point(lut * 3)


def _watermark(img: Image.Image) -> Image.Image:
    img = img.copy()
    d = ImageDraw.Draw(img)
    w, h = img.size
    s = h // 20
    d.rectangle([w - 6 * s, h - 2 * s, w - s // 2, h - s // 2], fill=(255, 255, 255))
    d.text((w - 5.6 * s, h - 1.8 * s), "(c) 2021", fill=(0, 0, 0))
    return img


def _noise(img: Image.Image) -> Image.Image:
    a = np.asarray(img).astype(np.int16)
    n = np.random.default_rng(7).normal(0, 6, a.shape)
    return Image.fromarray(np.clip(a + n, 0, 255).astype(np.uint8))


def _crop(img: Image.Image, f: float) -> Image.Image:
    w, h = img.size
    return img.crop((int(w * f), int(h * f), w - int(w * f), h - int(h * f)))


# name -> (file name, how the copy is made); the same 29 kinds of edit as the dev corpus.
EDITS = {
    "reencode_95": ("q95.jpg", lambda i: i, {"quality": 95}),
    "reencode_70": ("q70.jpg", lambda i: i, {"quality": 70}),
    "reencode_40": ("q40.jpg", lambda i: i, {"quality": 40}),
    "resize_50": ("half.jpg", lambda i: i.resize((i.width // 2, i.height // 2)), {}),
    "resize_25": ("quarter.jpg", lambda i: i.resize((i.width // 4, i.height // 4)), {}),
    "thumb_160": ("thumb.jpg", lambda i: ImageOps.contain(i, (160, 160)), {"quality": 80}),
    "png": ("copy.png", lambda i: i, {}),
    "webp": ("copy.webp", lambda i: i, {"quality": 80}),
    "tiff": ("copy.tif", lambda i: i, {}),
    "bmp": ("copy.bmp", lambda i: i, {}),
    "heic": ("copy.heic", lambda i: i, {"quality": 80}),
    "strip_meta": ("plain.jpg", lambda i: i, {"quality": 92}),
    "crop_4pct": ("crop.jpg", lambda i: _crop(i, 0.04), {}),
    "gamma_0.8": ("gamma08.jpg", lambda i: _gamma(i, 0.8), {}),
    "gamma_1.25": ("gamma125.jpg", lambda i: _gamma(i, 1.25), {}),
    "bright_+15": ("bright.jpg", lambda i: ImageEnhance.Brightness(i).enhance(1.15), {}),
    "contrast_+20": ("contrast.jpg", lambda i: ImageEnhance.Contrast(i).enhance(1.2), {}),
    "saturate": ("saturate.jpg", lambda i: ImageEnhance.Color(i).enhance(1.4), {}),
    "gray": ("gray.jpg", ImageOps.grayscale, {}),
    "blur": ("blur.jpg", lambda i: i.filter(ImageFilter.GaussianBlur(1.5)), {}),
    "sharpen": ("sharpen.jpg", lambda i: i.filter(ImageFilter.SHARPEN), {}),
    "noise": ("noise.jpg", _noise, {}),
    "watermark": ("watermark.jpg", _watermark, {}),
    "border": ("border.jpg", lambda i: ImageOps.expand(i, border=i.width // 40, fill="white"), {}),
}
TURNED = {
    "rot90": ("rot90.jpg", lambda i: i.transpose(Image.Transpose.ROTATE_90), {}),
    "rot180": ("rot180.jpg", lambda i: i.transpose(Image.Transpose.ROTATE_180), {}),
    "rot270": ("rot270.jpg", lambda i: i.transpose(Image.Transpose.ROTATE_270), {}),
    "mirror": ("mirror.jpg", lambda i: i.transpose(Image.Transpose.FLIP_LEFT_RIGHT), {}),
}


@pytest.fixture(scope="module")
def edited(tmp_path_factory, new_photo, exif_bytes) -> tuple[str, dict[str, str]]:
    """An original, one copy per kind of edit (and turned copies), and unrelated photos."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    make, camera_exif = new_photo, exif_bytes
    root = tmp_path_factory.mktemp("edits")
    original = make(70, (1024, 768))
    original.save(root / "original.jpg", quality=92, exif=camera_exif())
    paths = {"original": str(root / "original.jpg")}
    shutil.copyfile(root / "original.jpg", root / "exact.jpg")
    paths["exact"] = str(root / "exact.jpg")
    original.transpose(Image.Transpose.ROTATE_90).save(
        root / "exif_orient.jpg", quality=90, exif=camera_exif(6)
    )
    paths["exif_orient"] = str(root / "exif_orient.jpg")
    for kind, (name, edit, save) in (EDITS | TURNED).items():
        img = edit(original)
        img.save(root / name, **({"quality": 88} | save) if name.endswith(".jpg") else save)
        paths[kind] = str(root / name)
    for seed in (71, 72, 73):
        make(seed, (1024, 768)).save(root / f"other{seed}.jpg", quality=90)
    return str(root), paths


def _group_of(result, path: str) -> set[str]:
    for g in result.groups:
        if any(m.path == path for m in g.members):
            return {m.path for m in g.members}
    return {path}


def test_every_kind_of_edit_is_found(edited):
    root, paths = edited
    result = run_scan(ScanOptions(roots=(root,), use_cache=False, workers=2))
    group = _group_of(result, paths["original"])
    missed = sorted(k for k in (set(paths) - set(TURNED)) if paths[k] not in group)
    assert missed == []
    assert not any(paths[k] in group for k in TURNED)  # turned copies need --rotations
    assert len(result.groups) == 1  # the unrelated photos stay alone


def test_turned_copies_are_found_with_rotations(edited):
    root, paths = edited
    result = run_scan(ScanOptions(roots=(root,), use_cache=False, workers=2, rotations=True))
    group = _group_of(result, paths["original"])
    assert sorted(k for k in paths if paths[k] not in group) == []
    relations = {m.path: m.relation for g in result.groups for m in g.members}
    assert {relations[paths[k]] for k in TURNED} == {Relation.ROTATED}
    assert len(result.groups) == 1
