"""Fixtures shared by all tests: photo-like images made by code, and a messy photo library."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@functools.lru_cache(maxsize=48)
def _photo_pixels(seed: int, size: tuple[int, int]) -> np.ndarray:
    rng = np.random.default_rng(seed)
    w, h = size
    x = np.arange(w, dtype=np.float64)
    y = np.arange(h, dtype=np.float64)
    # Every layer is a sum of products of a column and a row, so the picture is a (h x K) by
    # (K x w) product per channel: 0.4 s for a 2400x1800 photo instead of 2.2 s evaluating
    # each layer over the whole grid (the same pixels, checked on 59 million).
    columns: list[np.ndarray] = []
    rows: list[np.ndarray] = []
    colours: list[np.ndarray] = []
    for _ in range(6):  # low-frequency waves give each picture its own layout
        fx, fy = rng.uniform(0.5, 4.0, 2) * 2 * np.pi / np.array([w, h])
        phase = rng.uniform(0, 2 * np.pi)
        colour = rng.uniform(-60, 60, 3)
        # sin(x fx + phase + y fy) = sin(x fx + phase) cos(y fy) + cos(x fx + phase) sin(y fy)
        columns += [np.cos(y * fy), np.sin(y * fy)]
        rows += [np.sin(x * fx + phase), np.cos(x * fx + phase)]
        colours += [colour, colour]
    for _ in range(8):  # blobs: objects
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(0.05, 0.3) * min(w, h)
        columns.append(np.exp(-((y - cy) ** 2) / (2 * r * r)))
        rows.append(np.exp(-((x - cx) ** 2) / (2 * r * r)))
        colours.append(rng.uniform(-120, 120, 3))
    left, right, weights = np.stack(columns, axis=1), np.stack(rows), np.stack(colours)
    img = np.stack([(left * weights[:, c]) @ right for c in range(3)], axis=-1)
    img += rng.normal(0, 4, img.shape)  # sensor noise
    img += 128
    pixels = np.clip(img, 0, 255).astype(np.uint8)
    pixels.flags.writeable = False
    return pixels


def photo_array(seed: int, size: tuple[int, int] = (640, 480)) -> np.ndarray:
    """An RGB image with the statistics of a photo: smooth shapes, texture, light falloff.

    Drawn once per seed and size in a session (tests ask for the same few often).
    """
    return _photo_pixels(seed, tuple(size)).copy()


def photo(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    return Image.fromarray(photo_array(seed, size), "RGB")


def camera_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x0110] = "TestCam Model 1"
    exif[0x0132] = "2021:06:01 12:00:00"
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x9003] = "2021:06:01 12:00:00"  # DateTimeOriginal
    return exif.tobytes()


@pytest.fixture(scope="session")
def new_photo() -> Callable[..., Image.Image]:
    """photo(seed, size): a photo-like PIL image, different for each seed."""
    return photo


@pytest.fixture(scope="session")
def exif_bytes() -> Callable[[int], bytes]:
    """camera_exif(orientation): an EXIF block with camera, date and orientation."""
    return camera_exif


@pytest.fixture
def make_photo() -> Callable[..., Path]:
    """Write photo(seed) to a path, in the format its extension says."""

    def make(path: Path, seed: int, size: tuple[int, int] = (640, 480), **save) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        img = photo(seed, size)
        if path.suffix.lower() in (".heic", ".heif", ".avif"):
            import pillow_heif

            pillow_heif.register_heif_opener()
        img.save(path, **save)
        return path

    return make


#: name in the library -> how it was made; "a" copies must group with a.jpg.
LIBRARY_COPIES = (
    "Backup/a.jpg",  # byte copy
    "Backup/a_small.jpg",  # resized 50 %
    "Export/a_q40.jpg",  # re-encoded
    "Export/a.png",
    "Export/a.webp",
    "Phone/a.heic",
    "Phone/a_sideways.jpg",  # pixels stored sideways + EXIF orientation 6 (turn right)
    "Edited/a_border.jpg",
    "Edited/a_gray.jpg",
    "Edited/a_bright.jpg",
    "Edited/a_blur.jpg",
    "Edited/a_crop.jpg",
    "Edited/a_watermark.jpg",
)


@pytest.fixture
def library_copies() -> tuple[str, ...]:
    """Paths (relative to the library) of every copy of Camera/a.jpg in ``library``."""
    return LIBRARY_COPIES


def build_library(root: Path) -> Path:
    """Write a messy library at root: photo a with many kinds of copy, b and c with none."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    (root / "Camera").mkdir(parents=True)
    a = photo(1, (1200, 900))
    a.save(root / "Camera/a.jpg", quality=92, exif=camera_exif())
    photo(2).save(root / "Camera/b.jpg", quality=90)
    photo(3, (500, 500)).save(root / "Camera/c.png")
    for rel in LIBRARY_COPIES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / "Camera/a.jpg", root / "Backup/a.jpg")
    a.resize((600, 450), Image.Resampling.LANCZOS).save(root / "Backup/a_small.jpg", quality=85)
    a.save(root / "Export/a_q40.jpg", quality=40)
    a.save(root / "Export/a.png")
    a.save(root / "Export/a.webp", quality=80)
    # x265's fastest preset: still a phone's HEVC file, 0.45 s to write instead of 3.6 s
    # (each of the suite's processes draws this library once).
    a.save(root / "Phone/a.heic", quality=80, enc_params={"preset": "ultrafast"})
    a.transpose(Image.Transpose.ROTATE_90).save(
        root / "Phone/a_sideways.jpg", quality=90, exif=camera_exif(6)
    )
    ImageOps.expand(a, border=30, fill="white").save(root / "Edited/a_border.jpg", quality=88)
    ImageOps.grayscale(a).save(root / "Edited/a_gray.jpg", quality=88)
    ImageEnhance.Brightness(a).enhance(1.15).save(root / "Edited/a_bright.jpg", quality=88)
    a.filter(ImageFilter.GaussianBlur(1.5)).save(root / "Edited/a_blur.jpg", quality=88)
    a.crop((48, 36, 1152, 864)).save(root / "Edited/a_crop.jpg", quality=88)
    marked = a.copy()
    draw = ImageDraw.Draw(marked)
    draw.rectangle((900, 820, 1180, 880), fill=(255, 255, 255))
    draw.text((910, 830), "(c) 2021", fill=(0, 0, 0))
    marked.save(root / "Edited/a_watermark.jpg", quality=88)
    return root


@pytest.fixture(scope="session")
def library_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The library, drawn and encoded once per session (3 s of Pillow work)."""
    return build_library(tmp_path_factory.mktemp("library") / "Pictures")


@pytest.fixture
def library(library_master: Path, tmp_path: Path) -> Path:
    """A private copy of the messy library (tests move, trash and edit its files)."""
    return Path(shutil.copytree(library_master, tmp_path / "Pictures"))
