"""Benchmark photo sets built offline: real photos shipped in PyPI packages, and generators."""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import sysconfig
import tarfile
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

#: Everything generated goes here (never into the repository).
BENCH_DIR = Path(os.environ.get("PHOTODEDUP_BENCH_DIR", "/tmp/photodedup-bench"))

CAMERA_SIZE = (4032, 3024)

# Real photographs only: synthetic test cards, drawings and textures would make the sets
# unrealistically easy or hard. Pillow's hopper.jpg is Grace Hopper again (matplotlib ships
# the same photo) and motorcycle_right is the stereo twin of motorcycle_left: both belong to
# hard negatives / true copies, never to the list of distinct originals.
SKIMAGE = [
    "astronaut.png",
    "chelsea.png",
    "coffee.png",
    "rocket.jpg",
    "motorcycle_left.png",
    "hubble_deep_field.jpg",
    "retina.jpg",
    "camera.png",
    "moon.png",
    "coins.png",
    "ihc.png",
    "page.png",
]
MATPLOTLIB = ["grace_hopper.jpg"]
SKLEARN = ["china.jpg", "flower.jpg"]
PILLOW = [
    "balloon.jpf",
    "fujifilm.mpo",
    "xmp_test.jpg",
    "junk_jpeg_header.jpg",
    "exif_typeerror.jpg",
    "sugarshack.mpo",
    "frozenpond.mpo",
    "flower.jpg",
    "iptc.jpg",
    "exif-72dpi-int.jpg",
    "tv.rgb",
]
#: Large enough to cut several distinct pictures (non-overlapping tiles) and shifted crops from.
LARGE = ["fujifilm.mpo", "balloon.jpf", "xmp_test.jpg", "retina.jpg"]


def site_packages() -> Path:
    return Path(sysconfig.get_paths()["purelib"])


def pillow_test_images(cache: Path = BENCH_DIR / "pillow-sdist") -> Path:
    """Pillow's Tests/images from its source distribution (pip download, extracted once)."""
    images = cache / "Tests" / "images"
    if images.is_dir():
        return images
    cache.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:", "--no-deps"]
    subprocess.run([*pip, "pillow", "-d", str(cache)], check=True)
    sdist = next(cache.glob("pillow-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            parts = Path(member.name).parts
            if parts[1:3] == ("Tests", "images") and len(parts) == 4 and parts[3] in PILLOW:
                member.name = str(Path(*parts[1:]))
                tar.extract(member, cache, filter="data")
    return images


def package_photos(with_pillow: bool = True) -> list[Path]:
    """Paths of the real photos found in the installed packages (and Pillow's sdist)."""
    sp = site_packages()
    found = [sp / "skimage" / "data" / n for n in SKIMAGE]
    found += [sp / "matplotlib" / "mpl-data" / "sample_data" / n for n in MATPLOTLIB]
    found += [sp / "sklearn" / "datasets" / "images" / n for n in SKLEARN]
    if with_pillow:
        found += [pillow_test_images() / n for n in PILLOW]
    missing = [str(p) for p in found if not p.is_file()]
    if missing:
        raise SystemExit(f"missing photos (run benchmarks/setup_venv.sh): {missing}")
    return found


def load_rgb(path: Path) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        img = Image.open(path)
        img.seek(0)
        return ImageOps.exif_transpose(img).convert("RGB")


def tiles(img: Image.Image, nx: int, ny: int) -> list[Image.Image]:
    """Non-overlapping tiles: distinct pictures (no shared pixels) cut from one large photo."""
    w, h = img.size
    return [
        img.crop((i * w // nx, j * h // ny, (i + 1) * w // nx, (j + 1) * h // ny))
        for j in range(ny)
        for i in range(nx)
    ]


def export_originals(out: Path) -> list[Path]:
    """The package photos plus 2x2 tiles of the large ones, as JPEGs: one distinct photo each."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, src in enumerate(package_photos()):
        img = load_rgb(src)
        pictures = [img]
        if src.name in LARGE:
            pictures += tiles(img, 2, 2)
        for k, pic in enumerate(pictures):
            dest = out / f"{n:02d}_{src.stem}_{k}.jpg"
            pic.save(dest, "JPEG", quality=95)
            paths.append(dest)
    return paths


def _noisy(img: Image.Image, rng: np.random.Generator, sigma: int = 4) -> Image.Image:
    # Sensor-like noise so the JPEG is as large as a camera's, not trivially compressible.
    a = np.asarray(img, dtype=np.int16)
    a = a + rng.integers(-sigma, sigma + 1, size=a.shape, dtype=np.int16)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def random_view(img: Image.Image, rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """A random crop (40-100 % of the side), maybe mirrored, scaled to ``size`` (4:3)."""
    w, h = img.size
    aspect = size[0] / size[1]
    f = rng.uniform(0.4, 1.0)
    cw = min(w, int(h * aspect)) * f
    ch = cw / aspect
    x, y = rng.uniform(0, w - cw), rng.uniform(0, h - ch)
    view = img.crop((int(x), int(y), int(x + cw), int(y + ch)))
    if rng.random() < 0.5:
        view = view.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return view.resize(size, Image.Resampling.BICUBIC)


def camera_jpegs(out: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` 4032x3024 JPEGs (~3-5 MB, quality 92) made from random views of real photos."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    sources = [load_rgb(p) for p in package_photos()]
    paths = []
    for i in range(count):
        dest = out / f"DSC_{i:04d}.jpg"
        if not dest.exists():
            view = random_view(rng.choice(sources), rng, CAMERA_SIZE)
            _noisy(view, nrng).save(dest, "JPEG", quality=92)
        paths.append(dest)
    return paths


def mixed_originals(out: Path, count: int, seed: int = 11, extra: list[Path] | None = None):
    """``count`` originals up to 1024 px for make_corpus.py: real photos and random views."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources = [load_rgb(p) for p in [*package_photos(), *(extra or [])]]
    paths = []
    for i in range(count):
        dest = out / f"orig_{i:05d}.jpg"
        src = sources[i % len(sources)]
        size = (rng.choice([640, 800, 1024]), 0)
        size = (size[0], size[0] * 3 // 4)
        pic = src if i < len(sources) else random_view(src, rng, size)
        ImageOps.contain(pic, (1024, 1024)).save(dest, "JPEG", quality=92)
        paths.append(dest)
    return paths


def _synthetic(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    """A small, distinct, photo-like image: smooth colour field, shapes and grain."""
    grid = rng.integers(0, 256, size=(rng.integers(3, 7), rng.integers(3, 7), 3), dtype=np.uint8)
    img = Image.fromarray(grid).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    w, h = size
    for _ in range(int(rng.integers(2, 6))):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        x1, y1 = x0 + int(rng.integers(8, w // 2)), y0 + int(rng.integers(8, h // 2))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        else:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
    return _noisy(img.filter(ImageFilter.GaussianBlur(0.8)), rng, sigma=6)


def small_library(out: Path, count: int, copy_fraction: float = 0.05, seed: int = 3) -> Path:
    """A library of ``count`` small JPEG/PNG files in nested folders, with planted copies.

    About ``copy_fraction`` of the files are copies (re-encoded, resized, PNG or exact) of
    another file. Writes out/truth.json in the corpus format; returns its path.
    """
    rng = np.random.default_rng(seed)
    truth: dict[str, dict[str, str]] = {}
    made: list[tuple[str, Image.Image, str]] = []
    n_copies = int(count * copy_fraction)
    for i in range(count - n_copies):
        rel = f"{i // 1000:03d}/{(i // 100) % 10}/IMG_{i:06d}.jpg"
        img = _synthetic(rng, (192, 144) if rng.random() < 0.7 else (144, 192))
        _save(out / rel, img, "JPEG", 90)
        pid = f"g{i:06d}"
        truth[rel] = {"id": pid, "kind": "original", "category": "original"}
        if len(made) < n_copies and rng.random() < 2 * copy_fraction:
            made.append((pid, img, rel))
    kinds = ["reencode_60", "resize_75", "png", "exact"]
    for k, (pid, img, rel) in enumerate(made):
        kind = kinds[k % len(kinds)]
        base = f"copies/{k // 1000:03d}/{pid}_{kind}"
        if kind == "png":
            _save(out / (base + ".png"), img, "PNG")
        elif kind == "resize_75":
            small = img.resize((img.width * 3 // 4, img.height * 3 // 4), Image.Resampling.LANCZOS)
            _save(out / (base + ".jpg"), small, "JPEG", 85)
        elif kind == "exact":
            (out / (base + ".jpg")).write_bytes((out / rel).read_bytes())
        else:
            _save(out / (base + ".jpg"), img, "JPEG", 60)
        path = base + (".png" if kind == "png" else ".jpg")
        truth[path] = {"id": pid, "kind": kind, "category": "must"}
    (out / "truth.json").write_text(json.dumps(truth, indent=0, sort_keys=True))
    return out / "truth.json"


def _save(dest: Path, img: Image.Image, fmt: str, quality: int = 90) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "JPEG":
        img.save(dest, fmt, quality=quality)
    else:
        img.save(dest, fmt, compress_level=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("list", "originals", "scenes", "camera", "mixed", "library"):
        p = sub.add_parser(name)
        p.add_argument("--out", type=Path, required=True)
        p.add_argument("--count", type=int, default=0)
    a = ap.parse_args()
    if a.cmd == "list":
        a.out.write_text("".join(f"{p}\n" for p in package_photos()))
    elif a.cmd == "originals":
        paths = export_originals(a.out)
        print(f"{len(paths)} originals in {a.out}")
    elif a.cmd == "scenes":
        by_name = {p.name: p for p in package_photos()}
        a.out.write_text("".join(f"{by_name[n]}\n" for n in LARGE))
    elif a.cmd == "camera":
        print(f"{len(camera_jpegs(a.out, a.count or 200))} camera JPEGs in {a.out}")
    elif a.cmd == "mixed":
        print(f"{len(mixed_originals(a.out, a.count or 640))} originals in {a.out}")
    else:
        small_library(a.out, a.count or 100_000)
        print(f"library of {a.count or 100_000} files in {a.out}")


if __name__ == "__main__":
    main()
