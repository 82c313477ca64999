"""What the colour thumbnail costs on JPEGs: the DCT-scaled decode in luma only against YCbCr.

  decode_colour.py DIR [--rounds 3]

For every JPEG in DIR (read into memory first, so the disk is not measured): Pillow's draft
decode at DRAFT_SIZE in mode "L" (what fingerprinting did before the colour thumbnail) and in
mode "YCbCr" (what it does now), then the whole fingerprint_bytes. Rounds alternate so both
see the same machine load; the best round of each is reported, per file.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from PIL import Image

from photodedup.core.fingerprint import fingerprint_bytes
from photodedup.core.imageio import DRAFT_SIZE


def _draft(data: list[bytes], mode: str) -> float:
    start = time.perf_counter()
    for blob in data:
        img = Image.open(io.BytesIO(blob))
        img.draft(mode, (DRAFT_SIZE, DRAFT_SIZE))
        img.load()
    return time.perf_counter() - start


def _fingerprints(data: list[bytes]) -> float:
    start = time.perf_counter()
    for blob in data:
        fingerprint_bytes("x.jpg", len(blob), 0, blob)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    data = [p.read_bytes() for p in sorted(args.folder.glob("*.jpg"))]
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, run in (
            ("draft L", lambda: _draft(data, "L")),
            ("draft YCbCr", lambda: _draft(data, "YCbCr")),
            ("fingerprint_bytes", lambda: _fingerprints(data)),
        ):
            best[name] = min(best.get(name, float("inf")), run())
    n = len(data)
    size = Image.open(io.BytesIO(data[0])).size
    print(f"{n} JPEGs of {size[0]}x{size[1]}, best of {args.rounds} rounds, per file:")
    for name, seconds in best.items():
        print(f"  {name:18s} {1000 * seconds / n:7.1f} ms")
    extra = best["draft YCbCr"] / best["draft L"] - 1
    print(f"  colour decode costs {100 * extra:+.0f} % over luma only")


if __name__ == "__main__":
    main()
