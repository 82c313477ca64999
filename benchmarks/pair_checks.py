"""What each picture check measures on a corpus's hash-verified pairs, copies against the rest.

  pair_checks.py CORPUS [--workers 2] [--list]

CORPUS has a truth.json (make_corpus.py, make_synthetic.py, graphics.py). Every file is
fingerprinted, candidate pairs are found and held to the hash and shape checks as in a scan
(threshold 10, upright), then verify.layout_scores measures each pair. Prints, for pairs of
one picture and pairs of different pictures, the range of each score, how long the
picture verification (verify.layouts_match) took, and how many pairs of each kind it
accepts; --list prints every accepted pair of different pictures.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from multiprocessing import Pool

import numpy as np

from photodedup.core.fingerprint import fingerprint_path
from photodedup.core.models import DEFAULT_THRESHOLD, Fingerprint
from photodedup.core.search import popcount, radius_pairs
from photodedup.core.verify import layout_scores, layouts_match, same_shapes, verified


def candidate_pairs(fps: list[Fingerprint]) -> tuple[np.ndarray, np.ndarray]:
    """Upright pairs (i < j) close on pHash or dHash, both hashes and shapes agreeing."""
    ph = np.array([f.phash for f in fps], dtype=np.uint64)
    dh = np.array([f.dhash for f in fps], dtype=np.uint64)
    parts = [radius_pairs(t, None, DEFAULT_THRESHOLD, None, None)[:2] for t in (ph, dh)]
    qi = np.concatenate([p[0] for p in parts])
    b = np.concatenate([p[1] for p in parts])
    pairs = np.unique(np.stack([np.minimum(qi, b), np.maximum(qi, b)], 1), axis=0)
    a, b = pairs[pairs[:, 0] != pairs[:, 1]].T
    pd, dd = popcount(ph[a] ^ ph[b]), popcount(dh[a] ^ dh[b])
    ok = verified(pd.astype(int), dd.astype(int), DEFAULT_THRESHOLD)
    ok &= same_shapes(fps, a, b, np.zeros(len(a), dtype=int))
    return a[ok], b[ok]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    with open(os.path.join(args.corpus, "truth.json")) as fh:
        truth = json.load(fh)
    paths = sorted(os.path.join(args.corpus, rel) for rel in truth)
    with Pool(args.workers) as pool:
        done = pool.map(fingerprint_path, paths, chunksize=64)
    fps = [f for f in done if isinstance(f, Fingerprint) and not f.flat]
    ident = [truth[os.path.relpath(f.path, args.corpus)]["id"] for f in fps]
    a, b = candidate_pairs(fps)
    same = np.array([ident[i] == ident[j] for i, j in zip(a.tolist(), b.tolist(), strict=True)])
    variant = np.zeros(len(a), dtype=int)
    start = time.perf_counter()
    accepted = layouts_match(fps, a, b, variant, len(done))
    took = time.perf_counter() - start
    scores = layout_scores(fps, a, b, variant)
    print(f"{len(done)} files, {len(a)} hash-verified pairs ({same.sum()} of one picture)")
    each = 1e6 * took / max(len(a), 1)
    print(f"picture checks on all of them: {took:.2f} s, {each:.0f} us a pair")
    for label, sel in (("one picture", same), ("different pictures", ~same)):
        print(f"{label}: {sel.sum()} pairs, {accepted[sel].sum()} accepted")
        for name in ("coarse", "fine", "colour", "residual"):
            v = getattr(scores, name)[sel]
            v = v[~np.isnan(v)]
            if len(v):
                pct = np.percentile(v, [0, 1, 50, 99, 100]).round(3).tolist()
                print(f"  {name:9s} min, 1 %, median, 99 %, max: {pct}")
        print(f"  graphic pairs: {scores.graphic[sel].sum()}")
    if args.list:
        for i in np.flatnonzero(accepted & ~same).tolist():
            pa, pb = (os.path.relpath(fps[k].path, args.corpus) for k in (a[i], b[i]))
            print(f"  accepted, different: {pa} {pb}")


if __name__ == "__main__":
    main()
