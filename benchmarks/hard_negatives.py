"""A corpus of hard negatives: files that look alike but are different photos.

  hard_negatives.py --out DIR

Every file is its own photo (category "distinct" in truth.json), so any pair a tool groups
here is a false pair. Kinds: burst-like shots (one scene, the frame moved by a few percent),
a stereo pair, near-uniform images (skies, black frames, blank pages, gradients) and text
pages that differ only in their words.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

import numpy as np
import photos
from PIL import Image, ImageDraw, ImageFilter

#: Frame moves of burst-like shots, in percent of the width (a 90 % window slides).
BURST_SHIFTS = (0, 2, 4, 7)
BURST_SCENES = 10


def _grain(a: np.ndarray, rng: np.random.Generator, sigma: float) -> Image.Image:
    a = a + rng.normal(0, sigma, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def sky(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    w, h = size
    top = rng.uniform([60, 110, 180], [120, 170, 235])
    bottom = rng.uniform([150, 190, 220], [210, 225, 250])
    t = np.linspace(0, 1, h)[:, None, None] ** rng.uniform(0.6, 1.6)
    a = top * (1 - t) + bottom * t
    return _grain(np.broadcast_to(a, (h, w, 3)), rng, 2.0).filter(ImageFilter.GaussianBlur(1))


def black_frame(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    w, h = size
    level = rng.uniform(0, 12)
    return _grain(np.full((h, w, 3), level), rng, rng.uniform(0.5, 3.0))


def blank_page(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    w, h = size
    base = rng.uniform(225, 250)
    yy, xx = np.mgrid[0:h, 0:w]
    # A scanner's uneven light: a faint slope in a random direction.
    ang = rng.uniform(0, 2 * np.pi)
    slope = ((xx / w - 0.5) * np.cos(ang) + (yy / h - 0.5) * np.sin(ang)) * rng.uniform(2, 10)
    a = np.repeat((base + slope)[..., None], 3, axis=2) * [1.0, 0.99, 0.96]
    return _grain(a, rng, 1.5)


def gradient(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    if rng.random() < 0.5:
        ang = rng.uniform(0, 2 * np.pi)
        t = (xx / w - 0.5) * np.cos(ang) + (yy / h - 0.5) * np.sin(ang) + 0.5
    else:
        cx, cy = rng.uniform(0.2, 0.8, 2)
        t = np.hypot(xx / w - cx, yy / h - cy) * 1.4
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    t = np.clip(t, 0, 1)[..., None]
    return _grain(c0 * (1 - t) + c1 * t, rng, 1.0)


WORDS = (
    "the",
    "photo",
    "library",
    "scan",
    "found",
    "copies",
    "of",
    "many",
    "pictures",
    "taken",
    "on",
    "holiday",
    "last",
    "year",
)


def text_page(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size, (246, 245, 240))
    d = ImageDraw.Draw(img)
    y = h // 10
    step = max(14, h // 30)
    while y < h * 0.9:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9)))
        d.text((w // 10, y), line, fill=(30, 30, 30), font_size=step * 0.7)
        y += step + rng.randint(0, step // 2)
    return img


def bursts(out: Path, truth: dict, rng: random.Random) -> None:
    # motorcycle_left is left out: its stereo twin makes its own pair below.
    sources = [
        photos.load_rgb(p)
        for p in photos.package_photos()
        if p.stem != "motorcycle_left" and min(Image.open(p).size) >= 400
    ][:BURST_SCENES]
    for n, img in enumerate(sources):
        w, h = img.size
        cw, ch = int(w * 0.9), int(h * 0.9)
        y0 = (h - ch) // 2
        for k, shift in enumerate(BURST_SHIFTS):
            x0 = int(w * shift / 100)
            rel = f"Burst/scene{n:02d}_shift{shift}pct.jpg"
            # Like a camera's burst: one camera, frames a second apart.
            exif = _camera_exif(f"2023:07:{n + 1:02d} 10:00:{k:02d}")
            frame = img.crop((x0, y0, x0 + cw, y0 + ch))
            _save(out, rel, frame, truth, "burst_shift", exif)
    site = photos.site_packages() / "skimage" / "data"
    for side in ("left", "right"):
        rel = f"Burst/motorcycle_{side}.jpg"
        _save(out, rel, photos.load_rgb(site / f"motorcycle_{side}.png"), truth, "stereo_pair")


def _camera_exif(taken: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "BenchCam", "Burst 1"
    exif[0x0132] = taken
    exif.get_ifd(0x8769)[0x9003] = taken
    return exif.tobytes()


def _save(out: Path, rel: str, img: Image.Image, truth: dict, kind: str, exif: bytes = b"") -> None:
    dest = out / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.convert("RGB").save(dest, "JPEG", quality=90, exif=exif)
    truth[rel] = {"id": f"h{len(truth):04d}", "kind": kind, "category": "distinct"}


def build(out: Path, seed: int = 1) -> dict:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    truth: dict[str, dict[str, str]] = {}
    bursts(out, truth, rng)
    makers = {"sky": sky, "black_frame": black_frame, "blank_page": blank_page}
    makers["gradient"] = gradient
    for kind, make in makers.items():
        for k in range(8):
            size = rng.choice([(1600, 1200), (1200, 1600), (1024, 768), (800, 800)])
            _save(out, f"Uniform/{kind}_{k}.jpg", make(nrng, size), truth, kind)
    for k in range(8):
        _save(out, f"Scans/page_{k}.jpg", text_page(rng, (850, 1100)), truth, "text_page")
    (out / "truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True))
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    truth = build(a.out)
    print(f"{len(truth)} hard negatives in {a.out}")


if __name__ == "__main__":
    main()
