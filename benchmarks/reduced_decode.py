"""How far the reduced JPEG decode moves the hashes from a full-size decode, on real files.

  reduced_decode.py DIR [DIR...] [--drafts 128,256]

For every JPEG under the folders, the fingerprint as the scan computes it (DCT-scaled decode
to at least ``imageio.DRAFT_SIZE`` pixels a side) against the fingerprint of the same file
decoded at full size (everything else unchanged: frame trim, reductions, hashes), for each
draft size given. Prints the distribution of the pHash and dHash bit distances.
tests/core/test_fingerprint.py holds the same bound on generated photos. Run it with the
app's own venv.
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from photodedup.core import imageio
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.models import Fingerprint

FULL = 1 << 20  # a draft size no photo reaches: Pillow then decodes at full size


def _fingerprint(path: str, draft: int) -> Fingerprint | None:
    saved, imageio.DRAFT_SIZE = imageio.DRAFT_SIZE, draft
    try:
        fp = fingerprint_path(path)
    finally:
        imageio.DRAFT_SIZE = saved
    return fp if isinstance(fp, Fingerprint) else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dirs", type=Path, nargs="+")
    ap.add_argument("--drafts", default="128,256", help="draft sizes to compare, in pixels")
    args = ap.parse_args()
    drafts = [int(d) for d in args.drafts.split(",")]
    paths = [
        os.path.join(dirpath, name)
        for root in args.dirs
        for dirpath, _dirs, names in os.walk(root)
        for name in sorted(names)
        if name.lower().endswith((".jpg", ".jpeg"))
    ]
    dist: dict[int, list[tuple[int, int]]] = {d: [] for d in drafts}
    for path in paths:
        full = _fingerprint(path, FULL)
        if full is None:
            continue
        for draft in drafts:
            fp = _fingerprint(path, draft)
            if fp is not None:
                dist[draft].append(
                    ((fp.phash ^ full.phash).bit_count(), (fp.dhash ^ full.dhash).bit_count())
                )
    print(
        "| draft size | JPEGs | pHash bits: mean, max, share <= 2 "
        "| dHash bits: mean, max, share <= 2 |"
    )
    print("|---|---|---|---|")
    for draft, rows in dist.items():
        cells = []
        for k in (0, 1):
            values = [r[k] for r in rows]
            within = sum(v <= 2 for v in values) / len(values)
            cells.append(f"{statistics.mean(values):.2f}, {max(values)}, {within:.3f}")
        print(f"| {draft} | {len(rows)} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
