"""Grouping at scale: N synthetic fingerprints through photodedup.core.matching, checked exactly.

  grouping.py --n 1000000 [--sample 300]     group, time, check a sample against brute force
  grouping.py --bktree 30000                 pybktree all-pairs at the default radius, vs MIH
  grouping.py --bktree 1000000 --queries 200 the same from 200 lookups (hours otherwise)

Hashes are spread like real photos' hashes: each is a real photo's pHash/dHash pair (the
package photos and the dev corpus) with every bit flipped with probability FLIP, so they
cluster as real ones do instead of being uniform; PLANTED of them get a near-copy. Each
photo gets a 32x32 luma thumbnail (no colour): random for the originals, the source's with a
little noise for the copies, so the verification's layout check runs as in a real scan.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import numpy as np
import pybktree

from photodedup.core.fingerprint import THUMB_SIDE, fingerprint_path
from photodedup.core.matching import candidate_components, split_groups
from photodedup.core.models import DEFAULT_THRESHOLD, Fingerprint
from photodedup.core.search import radius_pairs
from photodedup.core.verify import thumbs_match, verify_limit

FLIP = 0.3
PLANTED = 0.02
DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus_dev"


def seed_hashes() -> np.ndarray:
    """(k, 2) uint64 pHash/dHash pairs of real photos."""
    import photos

    paths = [str(p) for p in photos.package_photos()]
    truth = DEV_CORPUS / "truth.json"
    if truth.exists():
        paths += [str(DEV_CORPUS / p) for p in json.loads(truth.read_text())]
    fps = [fingerprint_path(p) for p in paths]
    return np.array(
        [(f.phash, f.dhash) for f in fps if isinstance(f, Fingerprint)], dtype=np.uint64
    )


def _flip(rng: np.random.Generator, n: int, p: float) -> np.ndarray:
    bits = rng.random((n, 64)) < p
    return np.packbits(bits, axis=1, bitorder="little").view("<u8").ravel()


def synthetic(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """(n, 2) uint64 hashes, the last PLANTED*n near-copies of earlier ones; and their sources."""
    rng = np.random.default_rng(seed)
    seeds = seed_hashes()
    planted = int(n * PLANTED)
    base = n - planted
    out = np.empty((n, 2), dtype=np.uint64)
    pick = seeds[rng.integers(0, len(seeds), base)]
    for c in range(2):
        out[:base, c] = pick[:, c] ^ _flip(rng, base, FLIP)
    src = rng.integers(0, base, planted)
    for c in range(2):
        out[base:, c] = out[src, c] ^ _flip(rng, planted, 0.04)
    return out, src


def thumbnails(n: int, src: np.ndarray, seed: int = 1) -> np.ndarray:
    """(n, THUMB_SIDE**2) uint8 layouts: random; planted copies are their source + noise."""
    rng = np.random.default_rng(seed)
    out = rng.integers(0, 256, size=(n, THUMB_SIDE * THUMB_SIDE), dtype=np.uint8)
    noise = rng.integers(-8, 9, size=(len(src), out.shape[1]))
    out[n - len(src) :] = np.clip(out[src].astype(np.int16) + noise, 0, 255).astype(np.uint8)
    return out


def fingerprints(h: np.ndarray, thumbs: np.ndarray) -> list[Fingerprint]:
    return [
        Fingerprint(
            path=f"/photos/{i // 1000:04d}/IMG_{i:07d}.jpg",
            size=1,
            mtime_ns=0,
            digest=f"d{i}",
            pixel_digest=f"p{i}",
            width=4032,
            height=3024,
            format="JPEG",
            phashes=(int(p),),
            dhashes=(int(d),),
            thumb=t.tobytes(),
            flat=False,
        )
        for i, ((p, d), t) in enumerate(zip(h.tolist(), thumbs, strict=True))
    ]


def brute_neighbours(h: np.ndarray, fps: list[Fingerprint], i: int) -> set[int]:
    """Photo i's verified partners by comparing it with every photo (the scan's rule)."""
    t, lim = DEFAULT_THRESHOLD, verify_limit(DEFAULT_THRESHOLD)
    pd = np.bitwise_count(h[:, 0] ^ h[i, 0])
    dd = np.bitwise_count(h[:, 1] ^ h[i, 1])
    ok = ((pd <= t) | (dd <= t)) & (pd.astype(int) + dd <= lim)
    ok[i] = False
    return {int(j) for j in np.flatnonzero(ok) if thumbs_match(fps[i], fps[j], 0, len(fps))}


def _maxrss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def run_grouping(n: int, sample: int) -> None:
    t0 = time.perf_counter()
    h, src = synthetic(n)
    fps = fingerprints(h, thumbnails(n, src))
    t1 = time.perf_counter()
    rss_before = _maxrss_mb()
    components, links = candidate_components(fps, DEFAULT_THRESHOLD, rotations=False)
    groups = split_groups(fps, components, links, sorted)
    t2 = time.perf_counter()
    rss_after = _maxrss_mb()
    adj: dict[int, set[int]] = {}
    for link in links:
        adj.setdefault(link.a, set()).add(link.b)
        adj.setdefault(link.b, set()).add(link.a)
    rng = np.random.default_rng(2)
    # Half the sample among planted copies (they have neighbours), half anywhere.
    planted = np.arange(n - int(n * PLANTED), n)
    idx = np.concatenate([rng.choice(planted, sample // 2), rng.integers(0, n, sample // 2)])
    bad = [int(i) for i in idx if brute_neighbours(h, fps, int(i)) != adj.get(int(i), set())]
    t3 = time.perf_counter()
    print(
        f"grouping {n} fingerprints at threshold {DEFAULT_THRESHOLD} (verify "
        f"<= {verify_limit(DEFAULT_THRESHOLD)}): {t2 - t1:.1f} s, {len(groups)} groups, "
        f"{len(links)} links; peak RSS {rss_before} MB before grouping, {rss_after} MB after "
        f"(fingerprint objects included); made in {t1 - t0:.1f} s"
    )
    print(
        f"brute force on {len(idx)} sampled photos ({sample // 2} planted copies): "
        f"{len(idx) - len(bad)} identical neighbour sets, {len(bad)} different {bad[:10]} "
        f"({t3 - t2:.1f} s)"
    )
    if n <= 30_000:
        full = {i: brute_neighbours(h, fps, i) for i in range(n)}
        same = all(full[i] == adj.get(i, set()) for i in range(n))
        print(f"full brute force at {n}: {'identical' if same else 'DIFFERENT'}")


def run_bktree(n: int, queries: int) -> None:
    """All pairs within the default radius on pHash alone: pybktree vs the MIH search.

    With ``queries`` > 0 only that many photos (at random) are looked up in the tree and the
    all-pairs time is their time scaled to n lookups: at 100,000 photos and more the full
    run would take hours.
    """
    ph = synthetic(n)[0][:, 0]
    t0 = time.perf_counter()
    tree = pybktree.BKTree(
        lambda a, b: (a[0] ^ b[0]).bit_count(), [(int(p), i) for i, p in enumerate(ph)]
    )
    t1 = time.perf_counter()
    look = range(n) if queries <= 0 else np.random.default_rng(3).choice(n, queries, False)
    pairs = found = 0
    for i in look:
        near = [j for _d, (_h, j) in tree.find((int(ph[i]), int(i)), DEFAULT_THRESHOLD)]
        pairs += sum(1 for j in near if j > i)
        found += len(near) - 1
    t2 = time.perf_counter()
    qi, ij, _d = radius_pairs(ph, None, DEFAULT_THRESHOLD)
    t3 = time.perf_counter()
    if queries <= 0:
        print(
            f"pybktree at {n}: build {t1 - t0:.1f} s, all-pairs radius {DEFAULT_THRESHOLD} "
            f"{t2 - t1:.1f} s, {pairs} pairs; photodedup.core.search MIH {t3 - t2:.2f} s, "
            f"{len(qi)} pairs ({'same count' if len(qi) == pairs else 'DIFFERENT'})"
        )
        return
    per = (t2 - t1) / len(look)
    mine = np.bincount(np.concatenate([qi, ij]), minlength=n)[look].sum()
    print(
        f"pybktree at {n}: build {t1 - t0:.1f} s, {len(look)} lookups at radius "
        f"{DEFAULT_THRESHOLD} {t2 - t1:.1f} s ({per * 1000:.0f} ms each; all pairs = "
        f"{per * n / 3600:.1f} h); photodedup.core.search MIH all pairs {t3 - t2:.2f} s; "
        f"neighbours of the sampled photos: {found} in the tree, {mine} from MIH "
        f"({'same' if found == mine else 'DIFFERENT'})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--bktree", type=int, default=0, help="time pybktree at this size instead")
    ap.add_argument("--queries", type=int, default=0, help="with --bktree: look up only these")
    a = ap.parse_args()
    run_bktree(a.bktree, a.queries) if a.bktree else run_grouping(a.n, a.sample)


if __name__ == "__main__":
    main()
