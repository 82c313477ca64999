"""The decoder's floor: every photo of a set decoded once, at its smallest useful size, and no
more work than that.

  floor.py DIR [DIR...] [--workers 2] [--colour]

Each file is read and decoded once in ``--workers`` processes with the fastest faithful
decoder there is for it, and the pixels are thrown away: no hashing, no digest, no EXIF, no
results sent back but a count. A scan cannot be faster than this on the same machine, so
``bench_speed.py`` prints PhotoDedup's time as a ratio to it.

- JPEG: libjpeg-turbo through simplejpeg, luma only (exactly the Y plane PhotoDedup hashes),
  DCT-scaled by the largest power of two that keeps both sides at or above 128 pixels (the
  hashes' source size, ``fingerprint.HASH_SOURCE_SIDE``); Pillow's draft where simplejpeg
  refuses the file (CMYK). With ``--colour``, in colour (RGB, simplejpeg's fastest colour
  output): what the fingerprint's colour thumbnail needs besides the luma.
- HEIC/HEIF/AVIF: the primary image through pillow-heif (libheif has no reduced decode).
- PNG, WebP, TIFF, BMP, GIF: Pillow's full decode (none of their decoders can scale; Pillow
  does not expose libwebp's scaled decoding).

Run it with benchmarks/.venv (simplejpeg, Pillow and pillow-heif; see setup_venv.sh).
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import os
import time
from collections import Counter
from pathlib import Path

# Imported here, not per file: without it every JPEG would count as "failed" and the floor
# would look like a fraction of a second (benchmarks/setup_venv.sh installs it).
import simplejpeg

#: The hashes' source size (photodedup.core.fingerprint.HASH_SOURCE_SIDE).
SMALLEST_USEFUL_SIDE = 128

EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif"}
HEIF = {".heic", ".heif", ".avif"}

_heif_ready = False


#: simplejpeg's output for JPEGs: "GRAY" (the luma), or "RGB" with --colour.
_JPEG_SPACE = "GRAY"


def _jpeg(data: bytes) -> None:
    try:
        h, w, _space, _sub = simplejpeg.decode_jpeg_header(data)
        scale = next(
            s for s in (8, 4, 2, 1) if s == 1 or min(w // s, h // s) >= SMALLEST_USEFUL_SIDE
        )
        # libjpeg-turbo picks the smallest scale at or above these: exactly 1/scale.
        simplejpeg.decode_jpeg(
            data, _JPEG_SPACE, min_height=-(-h // scale), min_width=-(-w // scale)
        )
    except ValueError:  # CMYK and the like: Pillow's decoder, DCT-scaled all the same
        from PIL import Image

        img = Image.open(io.BytesIO(data))
        img.draft("L" if _JPEG_SPACE == "GRAY" else "YCbCr", (SMALLEST_USEFUL_SIDE,) * 2)
        img.load()


def _pillow(data: bytes) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        img.load()


def _heif(data: bytes) -> None:
    global _heif_ready
    if not _heif_ready:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_ready = True
    _pillow(data)


def decode_one(path: str) -> str:
    """Read and decode one file; its extension, or "failed:EXT" when it would not decode."""
    ext = os.path.splitext(path)[1].lower()
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        if ext in (".jpg", ".jpeg"):
            _jpeg(data)
        elif ext in HEIF:
            _heif(data)
        else:
            _pillow(data)
    except Exception:
        return f"failed:{ext}"
    return ext


def photo_paths(root: Path) -> list[str]:
    """Every file under root with a photo extension this floor decodes."""
    wanted = EXTENSIONS | HEIF
    return sorted(
        os.path.join(dirpath, name)
        for dirpath, _dirs, names in os.walk(root)
        for name in names
        if os.path.splitext(name)[1].lower() in wanted
    )


def _init(space: str) -> None:
    global _JPEG_SPACE
    _JPEG_SPACE = space


def floor(paths: list[str], workers: int, colour: bool = False) -> Counter:
    """Decode every path once in ``workers`` spawned processes; counts by extension."""
    counts: Counter = Counter()
    chunk = max(1, min(16, len(paths) // (4 * workers)))
    space = "RGB" if colour else "GRAY"
    with mp.get_context("spawn").Pool(workers, _init, (space,)) as pool:
        counts.update(pool.imap_unordered(decode_one, paths, chunksize=chunk))
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dirs", type=Path, nargs="+")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--colour", action="store_true", help="JPEGs in colour, not luma only")
    args = ap.parse_args()
    start = time.perf_counter()
    paths = [p for root in args.dirs for p in photo_paths(root)]
    counts = floor(paths, args.workers, args.colour)
    seconds = time.perf_counter() - start
    failed = sum(n for ext, n in counts.items() if ext.startswith("failed:"))
    kinds = ", ".join(f"{n} {ext}" for ext, n in counts.most_common())
    print(f"{len(paths) - failed} decoded, {failed} failed ({kinds}) in {seconds:.2f} s")


if __name__ == "__main__":
    main()
