"""Where a decoder process's time goes, per file and format, and what a scan pays once.

  worker_profile.py DIR [--limit 300]

Per file (CPU time of this one process, median per format): each step of
``fingerprint_bytes`` run on its own, in its order, with the real functions: reading the file,
decoding (Pillow's DCT-scaled draft for JPEG; includes EXIF and the JPEG tables), turning it
upright is part of the decode, then the pixel digest, the frame trim, the chroma thumbnail,
the reductions and the 8 pHash orientations, the dHash, the flat test, the file digest and the
result's transfer (pickling, as the pipe does). Every file's steps are checked against
``fingerprint_bytes`` itself, so the profile cannot drift from the code it describes.

Fixed costs (wall seconds, best of 3): a worker process started until it answers its first
file, the imports a worker does, opening the cache, and writing the JSON results of a scan.
Run it with the app's own venv.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from PIL import Image

from photodedup.core import fingerprint as F
from photodedup.core.imageio import decode_for_hash, ensure_plugins

STEPS = (
    "read",
    "decode+orient",
    "pixel digest",
    "trim",
    "chroma",
    "reduce+pHash x8",
    "dHash x8",
    "flat",
    "file digest",
    "transfer",
)


def profile_file(path: str) -> dict[str, float]:
    """CPU seconds of each step for one file (raises if the steps disagree with the code)."""
    t: dict[str, float] = {}
    clock = time.process_time
    c0 = clock()
    with open(path, "rb") as fh:
        data = fh.read()
    c1 = clock()
    decoded = decode_for_hash(data, path)
    c2 = clock()
    gray = decoded.gray
    pixels = F._pixels(gray)
    digest = hashlib.blake2b(f"{decoded.width}x{decoded.height}".encode(), digest_size=16)
    digest.update(pixels)
    c3 = clock()
    box = F.border_box(pixels)
    if box is not None:
        gray = gray.crop(box)
    c4 = clock()
    chroma = b"" if decoded.colour is None else F._chroma(decoded.colour, box)
    c5 = clock()
    factor = min(gray.size) // F.HASH_SOURCE_SIDE
    if factor > 1:
        gray = gray.resize((gray.width // factor, gray.height // factor), Image.Resampling.BOX)
    small = gray.resize((32, 32), Image.Resampling.LANCZOS)
    pixels32 = F._pixels(small)
    low = F.low_frequencies(pixels32)
    phashes = F.phash_variants(low)
    c6 = clock()
    dhashes = F.dhash_variants(gray)
    c7 = clock()
    flat = F.is_flat(pixels32, low)
    c8 = clock()
    file_digest = F.digest_bytes(data)
    c9 = clock()
    fp = F.fingerprint_bytes(path, len(data), 0, data)
    c10 = clock()
    pickle.loads(pickle.dumps(fp, protocol=pickle.HIGHEST_PROTOCOL))
    c11 = clock()
    same = (
        fp.phashes == phashes
        and fp.dhashes == dhashes
        and fp.thumb == small.tobytes() + chroma
        and fp.flat == flat
        and fp.pixel_digest == digest.hexdigest()
        and fp.digest == file_digest
    )
    if not same:
        raise SystemExit(f"{path}: the profiled steps no longer match fingerprint_bytes")
    marks = (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9)
    for name, a, b in zip(STEPS, marks, marks[1:], strict=False):
        t[name] = b - a
    t["transfer"] = c11 - c10
    t["whole fingerprint_bytes"] = c10 - c9
    return t


def per_file(root: Path, limit: int) -> None:
    ensure_plugins()
    by_ext: dict[str, list[str]] = defaultdict(list)
    for dirpath, _dirs, names in os.walk(root):
        for name in sorted(names):
            ext = os.path.splitext(name)[1].lower()
            if ext != ".json":
                by_ext[ext].append(os.path.join(dirpath, name))
    columns = [*STEPS, "whole fingerprint_bytes"]
    print("| format | files | " + " | ".join(columns) + " |  (median CPU ms a file)")
    print("|---" * (len(columns) + 2) + "|")
    for ext, paths in sorted(by_ext.items(), key=lambda kv: -len(kv[1])):
        for p in paths[:3]:
            profile_file(p)  # warm the caches and the lazy imports
        rows = [profile_file(p) for p in paths[:limit]]
        cells = [f"{1000 * statistics.median(r[c] for r in rows):.2f}" for c in columns]
        print(f"| {ext} | {len(rows)} | " + " | ".join(cells) + " |", flush=True)


def _best(cmd: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


# What a worker imports before its first photo (pool._worker_main).
WORKER_IMPORTS = """
import photodedup.core.pool
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.imageio import ensure_plugins
ensure_plugins()
"""

FIRST_ANSWER = """
import sys, time
from photodedup.core.pool import FingerprintPool
if __name__ == "__main__":
    start = time.perf_counter()
    FingerprintPool(1).run([sys.argv[1]], lambda r: print(time.perf_counter() - start))
"""


def fixed(root: Path) -> None:
    py = sys.executable
    sample = next(
        os.path.join(d, n) for d, _s, names in os.walk(root) for n in names if n.endswith(".jpg")
    )
    bare = _best([py, "-c", "pass"])
    imports = _best([py, "-c", WORKER_IMPORTS])
    firsts = []
    for _ in range(3):
        out = subprocess.run([py, "-c", FIRST_ANSWER, sample], check=True, capture_output=True)
        firsts.append(float(out.stdout.split()[0]))
    print(f"- Python start alone: {bare:.3f} s; with a worker's imports: {imports:.3f} s")
    print(f"- a spawned worker's first answer (start, imports, one photo): {min(firsts):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        from photodedup.core.cache import FingerprintCache

        start = time.perf_counter()
        cache = FingerprintCache(tmp)
        cache.close()
        print(f"- opening a new cache: {time.perf_counter() - start:.3f} s")
        out = Path(tmp) / "r.json"
        subprocess.run(
            [py, "-m", "photodedup.cli", "scan", str(root), "--json", str(out), "--cache-dir", tmp],
            check=True,
            capture_output=True,
        )
        from photodedup.core.results_io import load_results, write_json

        result = load_results(str(out))
        start = time.perf_counter()
        write_json(result, str(out))
        print(
            f"- writing the scan's JSON ({len(result.groups)} groups): "
            f"{time.perf_counter() - start:.3f} s"
        )
        json.loads(out.read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--limit", type=int, default=300, help="files per format at most")
    args = ap.parse_args()
    print(f"load {os.getloadavg()[0]:.2f}")
    per_file(args.dir, args.limit)
    fixed(args.dir)


if __name__ == "__main__":
    main()
