"""Find duplicate groups: exact digests, then perceptual candidates verified, then union-find.

Two stages (docs/matching.md has the measurements behind the numbers):

1. Candidates: pairs whose pHash OR whose dHash is within ``threshold`` bits (exact radius
   search, see search.py). Each hash alone misses some edits: a watermark moves pHash by up
   to 20 bits but dHash by 3; a 4 % crop moves dHash by 11 but pHash by 10.
2. Verification (``verified``): the two hashes must agree together: pHash + dHash distance
   (128 bits) at most ``VERIFY_FACTOR * threshold``. Unrelated photos sit near 64 on that
   sum; on the dev corpus the closest unrelated pair was at 34 while the farthest true copy
   was at 23.

Near-uniform ("flat") photos carry too little detail for either hash, so they join a group
only through identical bytes or identical decoded pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .fingerprint import THUMB_SIDE
from .models import CancelToken, Fingerprint
from .search import Progress as SearchProgress
from .search import popcount, radius_pairs

#: Verification limit on pHash + dHash distance, as a multiple of the threshold.
VERIFY_FACTOR = 2.5

#: For a content digest, the digests of the photos the user called different from it.
Partners = Callable[[str], Collection[str]]


@dataclass(frozen=True, slots=True)
class Link:
    """A verified pair: file b, seen in orientation ``variant``, looks like file a."""

    a: int
    b: int
    phash_distance: int
    dhash_distance: int
    variant: int


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[int]]:
        """The sets of two or more members, each in ascending order, by smallest member."""
        root = np.array(self.parent, dtype=np.intp)
        while not np.array_equal(step := root[root], root):
            root = step
        order = np.argsort(root, kind="stable")
        bounds = np.flatnonzero(np.diff(root[order])) + 1
        return [g.tolist() for g in np.split(order, bounds) if len(g) > 1]


def verify_limit(threshold: int) -> int:
    """The most pHash + dHash bits an upright pair may differ by, for a threshold."""
    return int(VERIFY_FACTOR * threshold)


def verified(
    phash_distance: int | np.ndarray,
    dhash_distance: int | np.ndarray,
    threshold: int,
    turned: bool | np.ndarray = False,
) -> bool | np.ndarray:
    """Whether candidate pairs are copies (works on ints and on numpy arrays alike).

    Upright, both hashes must agree together: their sum within VERIFY_FACTOR * threshold.
    (dHash alone within half the threshold would find a watermarked copy whose pHash moved
    32 bits, but on smooth, low-contrast pictures dHash is nearly constant: a generated
    10,000-photo library then showed 53 false pairs at pHash 26-34, dHash 3-4.)

    ``turned`` pairs (one photo rotated or mirrored) must agree within ``threshold`` on the
    sum: comparing 8 orientations gives chance 8 tries, and round, centred compositions
    (a globe, an eye) look alike upside down. Turned copies are plain transforms of the same
    pixels: on both corpora they sit at 3 bits or less, look-alikes at 15 or more (see also
    ``thumbs_match``).
    """
    total = phash_distance + dhash_distance
    return np.where(turned, total <= threshold, total <= verify_limit(threshold))


#: A turned copy's thumbnail, turned back, correlates with the original's at 0.999 or more on
#: both corpora; two quadrants of one round photo, mirrored, reached 0.983.
TURNED_MIN_CORRELATION = 0.99
#: Upright copies keep the picture's layout: their 16x16 thumbnails correlate at 0.70 or more
#: on our corpora (a watermark; crops 0.84), while look-alikes whose hashes agree (smooth
#: generated pictures) mostly fall below 0.6.
UPRIGHT_MIN_CORRELATION = 0.6


_PAIRS_AT_ONCE = 2048


def _correlations(x: np.ndarray, y: np.ndarray, variant: np.ndarray) -> np.ndarray:
    """Per pair: correlation of layouts x[i] and y[i] turned by variant[i] ((n, side, side))."""
    y = y.copy()
    for v in np.unique(variant).tolist():
        sel = variant == v
        # The order of fingerprint.orientation_variants: turns of the block, then of its mirror.
        base = y[sel] if v < 4 else np.flip(y[sel], axis=2)
        y[sel] = np.rot90(base, v % 4, axes=(1, 2))
    x = x - x.mean(axis=(1, 2), keepdims=True)
    y = y - y.mean(axis=(1, 2), keepdims=True)
    norm = np.sqrt((x * x).sum(axis=(1, 2)) * (y * y).sum(axis=(1, 2)))
    return np.where(norm > 0, (x * y).sum(axis=(1, 2)) / np.where(norm > 0, norm, 1.0), -1.0)


def _involved(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The photos in pairs (a[i], b[i]), each once, and each side's position among them."""
    used, pos = np.unique(np.concatenate([a, b]), return_inverse=True)
    return used, pos[: len(a)], pos[len(a) :]


def _layouts_match(
    fps: Sequence[Fingerprint], a: np.ndarray, b: np.ndarray, variant: np.ndarray
) -> np.ndarray:
    """Per pair: ``thumbs_match(fps[a], fps[b], variant)``, all pairs at once."""
    size = THUMB_SIDE * THUMB_SIDE
    used, pa, pb = _involved(a, b)
    thumbs = [fps[i].thumb for i in used.tolist()]
    # Loaded from a results file: no thumbnail to compare, so no match.
    real = np.array([len(t) == size for t in thumbs], dtype=bool)
    flat = b"".join(t if len(t) == size else bytes(size) for t in thumbs)
    grid = np.frombuffer(flat, np.uint8).reshape(-1, THUMB_SIDE, THUMB_SIDE)
    corr = np.empty(len(a))
    for s in range(0, len(a), _PAIRS_AT_ONCE):  # a few MB of floating-point temporaries
        part = slice(s, s + _PAIRS_AT_ONCE)
        x, y = grid[pa[part]].astype(np.float64), grid[pb[part]].astype(np.float64)
        corr[part] = _correlations(x, y, variant[part])
    least = np.where(variant != 0, TURNED_MIN_CORRELATION, UPRIGHT_MIN_CORRELATION)
    return real[pa] & real[pb] & (corr >= least)


def thumbs_match(a: Fingerprint, b: Fingerprint, variant: int) -> bool:
    """b seen in orientation ``variant`` has a's thumbnail (exactly, when turned)."""
    one = np.array([variant])
    return bool(_layouts_match([a, b], np.array([0]), np.array([1]), one)[0])


#: Copies keep their shape (a 4 % crop or a thin frame changes it by a few %): a landscape
#: photo and a portrait one are never copies, however alike their hashes.
MAX_ASPECT_CHANGE = 1.25


def _same_shape(
    fps: Sequence[Fingerprint], a: np.ndarray, b: np.ndarray, variant: np.ndarray
) -> np.ndarray:
    """Per pair: a's aspect ratio within MAX_ASPECT_CHANGE of b's, as b is turned."""
    used, pa, pb = _involved(a, b)
    sizes = np.array([(fps[i].width, fps[i].height) for i in used.tolist()], dtype=np.float64)
    ratio = np.log(np.maximum(sizes.reshape(-1, 2), 1.0)) @ np.array([1.0, -1.0])
    ra, rb = ratio[pa], ratio[pb]
    quarter = (variant % 2) == 1  # 90 and 270 degree turns swap width and height
    return np.abs(ra - np.where(quarter, -rb, rb)) <= np.log(MAX_ASPECT_CHANGE)


def same_shape(a: Fingerprint, b: Fingerprint, variant: int) -> bool:
    """a's aspect ratio is within MAX_ASPECT_CHANGE of b's, b turned by ``variant``."""
    return bool(_same_shape([a, b], np.array([0]), np.array([1]), np.array([variant]))[0])


def moments_differ(a: str, b: str) -> bool:
    """Two EXIF capture times ("YYYY:MM:DD HH:MM:SS[.fraction]") name different moments.

    Seconds are compared, and fractions when both have them (a copy may drop the fraction).
    """
    if not a or not b:
        return False
    if a[:19] != b[:19]:
        return True
    return len(a) > 19 and len(b) > 19 and a != b


def different_shots(a: Fingerprint, b: Fingerprint) -> bool:
    """Both photos carry an EXIF capture time and the times differ: two moments, not copies.

    Copies keep the capture time (re-encoding, resizing and editing tools carry it over) or
    lose it (messengers strip EXIF); they never gain another one. Burst frames, however alike,
    each carry their own.
    """
    return moments_differ(a.taken, b.taken)


def _hash_arrays(fps: Sequence[Fingerprint], rotations: bool) -> tuple[np.ndarray, np.ndarray]:
    variants = 8 if rotations else 1
    count = len(fps) * variants
    # From generators, not np.array(list): one C call over 100,000 tuples holds the GIL for
    # ~70 ms, which a scan thread must not do to the window's thread.
    ph = np.fromiter(chain.from_iterable(fp.phashes[:variants] for fp in fps), np.uint64, count)
    dh = np.fromiter(chain.from_iterable(fp.dhashes[:variants] for fp in fps), np.uint64, count)
    return ph.reshape(-1, variants), dh.reshape(-1, variants)


def similar_links(
    fps: Sequence[Fingerprint],
    threshold: int,
    rotations: bool,
    cancel: CancelToken | None = None,
    progress: SearchProgress | None = None,
) -> list[Link]:
    """Verified perceptual links between non-flat photos (indices into fps).

    ``progress`` hears the share of the search done (the rest takes a fraction of it).
    """
    usable = [i for i, fp in enumerate(fps) if not fp.flat and fp.phashes and fp.dhashes]
    if threshold <= 0 or len(usable) < 2:
        return []
    sub = [fps[i] for i in usable]
    ph, dh = _hash_arrays(sub, rotations)
    variants = ph.shape[1]
    qi_parts, ij_parts = [], []
    report = progress or (lambda _share: None)
    for half, table in enumerate((ph, dh)):

        def step(share: float, half: int = half) -> None:
            report((half + share) / 2)

        # With rotations, every photo as shown against every orientation of every photo.
        index = None if variants == 1 else table.ravel()
        qi, ij, _ = radius_pairs(table[:, 0], index, threshold, cancel, step)
        qi_parts.append(qi)
        ij_parts.append(ij)
    qi = np.concatenate(qi_parts)
    ij = np.concatenate(ij_parts)
    b, variant = np.divmod(ij, variants)
    keep = qi != b
    qi, b, variant = qi[keep], b[keep], variant[keep]
    pd = popcount(ph[qi, 0] ^ ph[b, variant]).astype(np.int64)
    dd = popcount(dh[qi, 0] ^ dh[b, variant]).astype(np.int64)
    ok = verified(pd, dd, threshold, turned=variant != 0)
    (near,) = np.nonzero(ok)
    ok[near] = _same_shape(sub, qi[near], b[near], variant[near])
    (near,) = np.nonzero(ok)
    ok[near] = _layouts_match(sub, qi[near], b[near], variant[near])
    links: dict[tuple[int, int], Link] = {}
    for a_, b_, p_, d_, v_ in zip(
        qi[ok].tolist(),
        b[ok].tolist(),
        pd[ok].tolist(),
        dd[ok].tolist(),
        variant[ok].tolist(),
        strict=True,
    ):
        a, bb = usable[a_], usable[b_]
        key = (min(a, bb), max(a, bb))
        old = links.get(key)
        # Prefer the upright match, then the closest one.
        if old is None or (v_ != 0, p_ + d_) < (
            old.variant != 0,
            old.phash_distance + old.dhash_distance,
        ):
            links[key] = Link(a, bb, p_, d_, v_)
    return list(links.values())


class _CannotLinkUnion:
    """Union-find that never joins two moments, nor photos the user called different.

    A component may not hold two different EXIF capture times (see ``different_shots``), not
    even through a third photo without one: a stripped copy that looks like two frames of a
    burst joins one of them, never both.
    """

    def __init__(self, fps: Sequence[Fingerprint], partners: Partners | None) -> None:
        self.uf = UnionFind(len(fps))
        self.partners = partners
        self.moments: dict[int, set[str]] = {i: {fp.taken} for i, fp in enumerate(fps) if fp.taken}
        # Only files with decisions are tracked: the digests with partners in each component.
        self.marked: dict[int, set[str]] = {}
        if partners is not None:
            for i, fp in enumerate(fps):
                if fp.digest and partners(fp.digest):
                    self.marked[i] = {fp.digest}

    def union(self, a: int, b: int, same_picture: bool = False) -> bool:
        """Join the components of a and b unless they must stay apart; True when joined.

        ``same_picture`` (identical bytes or pixels) overrides differing capture times.
        """
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return True
        ma, mb = self.moments.get(ra), self.moments.get(rb)
        apart = ma and mb and any(moments_differ(x, y) for x in ma for y in mb)
        if apart and not same_picture:
            return False
        da, db = self.marked.get(ra), self.marked.get(rb)
        if da and db and self.partners is not None:
            small, large = (da, db) if len(da) <= len(db) else (db, da)
            if any(p in large for d in small for p in self.partners(d)):
                return False
        self.uf.union(ra, rb)
        if ma or mb:
            root = self.uf.find(ra)
            self.moments.pop(ra, None)
            self.moments.pop(rb, None)
            self.moments[root] = (ma or set()) | (mb or set())
        if da or db:
            root = self.uf.find(ra)
            self.marked.pop(ra, None)
            self.marked.pop(rb, None)
            self.marked[root] = (da or set()) | (db or set())
        return True


def group_indices(
    fps: Sequence[Fingerprint],
    threshold: int,
    rotations: bool,
    partners: Partners | None = None,
    cancel: CancelToken | None = None,
    progress: SearchProgress | None = None,
) -> tuple[list[list[int]], list[Link]]:
    """Connected components (2+ files) of identical bytes, identical pixels and verified links.

    Threshold 0 means identical files only: same bytes, nothing else. ``partners`` gives, for
    a content digest, the digests the user called different photos ("not a duplicate"): no
    component ever holds such a pair. Links are joined strongest first (identical bytes, then
    identical pixels, then closest hashes), so a refused link costs the weakest connection.
    Raises Cancelled soon after ``cancel`` is set; ``progress`` hears the share done.
    """
    uf = _CannotLinkUnion(fps, partners)
    first: dict[str, int] = {}
    for i, fp in enumerate(fps):
        if fp.digest and (j := first.setdefault(fp.digest, i)) != i:
            # Byte-identical files are one photo: no decision can hold them apart (and none
            # can be refused here, since a decision never pairs a digest with itself).
            uf.union(j, i, same_picture=True)
    if threshold > 0:
        first = {}
        for i, fp in enumerate(fps):
            if fp.pixel_digest and (j := first.setdefault(fp.pixel_digest, i)) != i:
                uf.union(j, i, same_picture=True)
    links = similar_links(fps, threshold, rotations, cancel, progress) if threshold > 0 else []
    accepted = []
    for link in sorted(
        links, key=lambda k: (k.phash_distance + k.dhash_distance, k.variant != 0, k.a, k.b)
    ):
        if uf.union(link.a, link.b):
            accepted.append(link)
    return uf.uf.components(), accepted


def best_variant(a: Fingerprint, b: Fingerprint, rotations: bool) -> tuple[int, int, int]:
    """(variant, pHash distance, dHash distance) of b's orientation closest to a as shown."""
    if not a.phashes or not b.phashes:
        return 0, 0, 0
    best = (0, (a.phash ^ b.phash).bit_count(), (a.dhash ^ b.dhash).bit_count())
    if rotations:
        for k in range(1, min(len(b.phashes), len(b.dhashes))):
            p = (a.phash ^ b.phashes[k]).bit_count()
            d = (a.dhash ^ b.dhashes[k]).bit_count()
            if p + d < best[1] + best[2]:
                best = (k, p, d)
    return best
