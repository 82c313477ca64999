"""What each picture check measures on a corpus's hash-verified pairs, copies against the rest.

  pair_checks.py CORPUS [--workers 2] [--cache-dir DIR] [--list]

CORPUS has a truth.json (make_corpus.py, make_synthetic.py, graphics.py). Every file is
fingerprinted (from the scan cache in DIR when given), candidate pairs are found and held to
the hash and shape checks as in a scan (threshold 10, upright), then verify.layout_scores
measures each pair. Prints, for pairs of one picture and pairs of different pictures, the
range of each score, how long the picture verification (verify.layouts_match) took with and
without the pixel-by-pixel comparison of graphics (core/detail.py), how many pairs reach that
comparison, and how many pairs of each kind each accepts; --list prints every accepted pair
of different pictures.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from multiprocessing import Pool

import numpy as np

from photodedup.core.cache import FingerprintCache
from photodedup.core.discovery import discover
from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.models import DEFAULT_THRESHOLD, CancelToken, Fingerprint, ScanOptions
from photodedup.core.pipeline import detail_check
from photodedup.core.search import popcount, radius_pairs
from photodedup.core.verify import (
    GRAPHIC_VERIFY_FACTOR,
    graphics,
    layout_scores,
    layouts_match,
    same_shapes,
    verified,
)


def fingerprints(corpus: str, paths: list[str], workers: int, cache_dir: str | None) -> list:
    """Every file's fingerprint (or Problem), those in the scan cache from there."""
    cached: dict[str, Fingerprint] = {}
    if cache_dir:
        cached = FingerprintCache(cache_dir).lookup(discover((corpus,)).files)
    misses = [p for p in paths if p not in cached]
    with Pool(workers) as pool:
        done = dict(zip(misses, pool.map(fingerprint_path, misses, chunksize=64), strict=True))
    return [cached.get(p) or done[p] for p in paths]


def candidate_pairs(
    fps: list[Fingerprint],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Upright pairs (i < j) close on pHash or dHash, shapes agreeing and both hashes within
    the photos' limit, or the graphics' (as a scan does); and whether within the photos'."""
    ph = np.array([f.phash for f in fps], dtype=np.uint64)
    dh = np.array([f.dhash for f in fps], dtype=np.uint64)
    parts = [radius_pairs(t, None, DEFAULT_THRESHOLD, None, None)[:2] for t in (ph, dh)]
    qi = np.concatenate([p[0] for p in parts])
    b = np.concatenate([p[1] for p in parts])
    pairs = np.unique(np.stack([np.minimum(qi, b), np.maximum(qi, b)], 1), axis=0)
    a, b = pairs[pairs[:, 0] != pairs[:, 1]].T
    pd, dd = popcount(ph[a] ^ ph[b]).astype(int), popcount(dh[a] ^ dh[b]).astype(int)
    close = verified(pd, dd, DEFAULT_THRESHOLD)
    graphic = graphics(fps, np.arange(len(fps)))
    ok = close | (graphic[a] | graphic[b]) & verified(
        pd, dd, DEFAULT_THRESHOLD, False, GRAPHIC_VERIFY_FACTOR
    )
    ok &= same_shapes(fps, a, b, np.zeros(len(a), dtype=int))
    return a[ok], b[ok], close[ok]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache-dir", help="read fingerprints from this scan cache")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    with open(os.path.join(args.corpus, "truth.json")) as fh:
        truth = json.load(fh)
    root = os.path.abspath(args.corpus)
    paths = sorted(os.path.join(root, rel) for rel in truth)
    done = fingerprints(root, paths, args.workers, args.cache_dir)
    fps = [f for f in done if isinstance(f, Fingerprint) and not f.flat]
    ident = [truth[os.path.relpath(f.path, root)]["id"] for f in fps]
    a, b, close = candidate_pairs(fps)
    same = np.array([ident[i] == ident[j] for i, j in zip(a.tolist(), b.tolist(), strict=True)])
    variant = np.zeros(len(a), dtype=int)
    start = time.perf_counter()
    without = layouts_match(fps, a, b, variant, len(done), hashes_close=close)
    took = time.perf_counter() - start
    reached: list[int] = []
    check = detail_check(ScanOptions(roots=(root,), workers=args.workers), CancelToken())

    def counted(pairs: list[tuple[str, str, int]]) -> np.ndarray:
        reached.append(len(pairs))
        return check(pairs)

    start = time.perf_counter()
    accepted = layouts_match(fps, a, b, variant, len(done), counted, close)
    took_detail = time.perf_counter() - start
    scores = layout_scores(fps, a, b, variant)
    print(f"{len(done)} files, {len(a)} hash-verified pairs ({same.sum()} of one picture)")
    print(f"  of them within the photos' hash limit: {close.sum()}")
    each = 1e6 * took / max(len(a), 1)
    print(f"layout checks on all of them: {took:.2f} s, {each:.0f} us a pair")
    n = sum(reached)
    print(
        f"with graphics compared pixel by pixel: {took_detail:.2f} s; {n} pairs reach that "
        f"comparison ({1e3 * max(took_detail - took, 0.0) / max(n, 1):.1f} ms a pair, "
        f"{args.workers} workers, their start included)"
    )
    for label, sel in (("one picture", same), ("different pictures", ~same)):
        print(
            f"{label}: {sel.sum()} pairs, accepted {without[sel].sum()} by the layout checks, "
            f"{accepted[sel].sum()} with the pixel comparison"
        )
        for name in ("coarse", "fine", "colour", "residual"):
            v = getattr(scores, name)[sel]
            v = v[~np.isnan(v)]
            if len(v):
                pct = np.percentile(v, [0, 1, 50, 99, 100]).round(3).tolist()
                print(f"  {name:9s} min, 1 %, median, 99 %, max: {pct}")
        print(f"  graphic pairs: {scores.graphic[sel].sum()}")
    if args.list:
        for i in np.flatnonzero(accepted & ~same).tolist():
            pa, pb = (os.path.relpath(fps[k].path, root) for k in (a[i], b[i]))
            print(f"  accepted, different: {pa} {pb}")


if __name__ == "__main__":
    main()
