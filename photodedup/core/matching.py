"""Find duplicate groups: exact digests, perceptual candidates verified, components, stars.

1. Candidates: pairs whose pHash OR whose dHash is within ``threshold`` bits (exact radius
   search, see search.py). Each hash alone misses some edits: a watermark moves pHash by up
   to 20 bits but dHash by 3; a 4 % crop moves dHash by 11 but pHash by 10.
2. Verification (verify.py): both hashes together, the shape, then the pictures' luma and
   colour layouts, stricter in a larger library.
3. ``candidate_components``: union-find over verified links, never joining two capture times
   nor files the user called different. Look-alikes chain through one another here.
4. ``split_groups``: each component cut into stars around keepers, so every member of a group
   is itself verified against its first file.

Near-uniform ("flat") photos carry too little detail for either hash, so they join a group
only through identical bytes or identical decoded pixels. docs/matching.md has the numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

from .layout_search import hash_blind, layout_pairs
from .models import CancelToken, Fingerprint
from .search import Progress as SearchProgress
from .search import popcount, radius_pairs
from .verify import (
    GRAPHIC_VERIFY_FACTOR,
    DetailCheck,
    graphics,
    layouts_match,
    same_shapes,
    verified,
)

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


def _layout_candidates(
    fps: Sequence[Fingerprint],
    rotations: bool,
    seen_a: np.ndarray,
    seen_b: np.ndarray,
    cancel: CancelToken | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (a, b, variant) of hash-blind files by their layouts (layout_search.py), but for
    the pairs (seen_a[i], seen_b[i]) the hashes already passed on."""
    (blind,) = np.nonzero(hash_blind(fps))
    a, b, v = layout_pairs([fps[i] for i in blind.tolist()], rotations, cancel)
    a, b = blind[a], blind[b]
    n = len(fps)
    seen = np.minimum(seen_a, seen_b) * n + np.maximum(seen_a, seen_b)
    new = ~np.isin(np.minimum(a, b) * n + np.maximum(a, b), seen)
    return a[new], b[new], v[new]


def similar_links(
    fps: Sequence[Fingerprint],
    threshold: int,
    rotations: bool,
    cancel: CancelToken | None = None,
    progress: SearchProgress | None = None,
    detail: DetailCheck | None = None,
) -> list[Link]:
    """Verified perceptual links between non-flat photos (indices into fps).

    ``progress`` hears the share of the search done (the rest takes a fraction of it);
    ``detail`` compares graphics pixel by pixel (see ``verify.layouts_match``).
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
    close = verified(pd, dd, threshold, turned=variant != 0)
    ok = close.copy()
    by_layout = np.zeros(len(qi), dtype=bool)
    if detail is not None:  # graphics may go further (the pixels decide for them)
        far = verified(pd, dd, threshold, variant != 0, GRAPHIC_VERIFY_FACTOR)
        (extra,) = np.nonzero(far & ~close)
        if len(extra):
            used, where = np.unique(np.concatenate([qi[extra], b[extra]]), return_inverse=True)
            graphic = graphics(sub, used)[where]
            ok[extra] = graphic[: len(extra)] | graphic[len(extra) :]
        # Graphics and fine textures whose hashes both moved: their nearest layouts.
        la, lb, lv = _layout_candidates(sub, rotations, qi[ok], b[ok], cancel)
        qi, b, variant = np.r_[qi, la], np.r_[b, lb], np.r_[variant, lv]
        pd = np.r_[pd, popcount(ph[la, 0] ^ ph[lb, lv]).astype(np.int64)]
        dd = np.r_[dd, popcount(dh[la, 0] ^ dh[lb, lv]).astype(np.int64)]
        close = np.r_[close, np.zeros(len(la), dtype=bool)]
        ok = np.r_[ok, np.ones(len(la), dtype=bool)]
        by_layout = np.r_[by_layout, np.ones(len(la), dtype=bool)]
    (near,) = np.nonzero(ok)
    ok[near] = same_shapes(sub, qi[near], b[near], variant[near])
    (near,) = np.nonzero(ok)
    ok[near] = layouts_match(
        sub,
        qi[near],
        b[near],
        variant[near],
        len(fps),
        detail,
        hashes_close=close[near],
        pixels_decide=by_layout[near],
    )
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


def candidate_components(
    fps: Sequence[Fingerprint],
    threshold: int,
    rotations: bool,
    partners: Partners | None = None,
    cancel: CancelToken | None = None,
    progress: SearchProgress | None = None,
    detail: DetailCheck | None = None,
) -> tuple[list[list[int]], list[Link]]:
    """Connected components (2+ files) of identical bytes, identical pixels and verified links,
    with the verified links inside them.

    These are candidates, not groups: look-alikes chain through one another (A like B, B like
    C), so ``split_groups`` cuts each component into groups around keepers.

    Threshold 0 means identical files only: same bytes, nothing else. ``partners`` gives, for
    a content digest, the digests the user called different photos ("not a duplicate"): no
    component ever holds such a pair. Links are joined strongest first (identical bytes, then
    identical pixels, then closest hashes), so a refused link costs the weakest connection.
    Every returned link joins two files of one component (so no rule keeps them apart).
    Raises Cancelled soon after ``cancel`` is set; ``progress`` hears the share done;
    ``detail`` compares graphics pixel by pixel (see ``verify.layouts_match``).
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
    links = (
        similar_links(fps, threshold, rotations, cancel, progress, detail) if threshold > 0 else []
    )
    links.sort(key=lambda k: (k.phash_distance + k.dhash_distance, k.variant != 0, k.a, k.b))
    for link in links:
        uf.union(link.a, link.b)
    find = uf.uf.find
    return uf.uf.components(), [k for k in links if find(k.a) == find(k.b)]


#: ``split_groups``' distance of files with identical bytes, then identical pixels: closer
#: than any perceptual link (whose pHash + dHash distance is 0 or more).
_SAME_BYTES, _SAME_PIXELS = -2, -1


def split_groups(
    fps: Sequence[Fingerprint],
    components: Sequence[Sequence[int]],
    links: Sequence[Link],
    order: Callable[[list[int]], list[int]],
) -> list[list[int]]:
    """Groups in which every file is a direct copy of the first, its centre.

    ``order(component)`` lists a component's files best keeper first. Walking that order, a
    file directly linked (a verified link, identical bytes or identical pixels) to a centre
    already chosen is a member, any other file becomes a centre. Then every member joins the
    centre it is closest to (identical bytes, then identical pixels, then the smallest
    pHash + dHash distance; the earlier centre on a tie). Each group lists its centre first,
    then its members in ``order``; a file is in one group at most, lone centres are dropped.
    """
    near: dict[int, dict[int, int]] = {}
    for k in links:
        d = k.phash_distance + k.dhash_distance
        for x, y in ((k.a, k.b), (k.b, k.a)):
            row = near.setdefault(x, {})
            row[y] = min(row.get(y, d), d)
    groups = []
    for comp in components:
        ordered = order(list(comp))
        rank: dict[int, int] = {}  # centre -> its place among the component's centres
        by_bytes: dict[str, int] = {}  # two centres never share bytes or pixels: the later
        by_pixels: dict[str, int] = {}  # one would have been the earlier one's member
        for i in ordered:
            fp = fps[i]
            linked = (
                (fp.digest and fp.digest in by_bytes)
                or (fp.pixel_digest and fp.pixel_digest in by_pixels)
                or any(c in rank for c in near.get(i, ()))
            )
            if not linked:
                rank[i] = len(rank)
                if fp.digest:
                    by_bytes[fp.digest] = i
                if fp.pixel_digest:
                    by_pixels[fp.pixel_digest] = i
        members: list[list[int]] = [[c] for c in rank]
        for i in ordered:
            if i in rank:
                continue
            fp = fps[i]
            options = [(d, rank[c]) for c, d in near.get(i, {}).items() if c in rank]
            if fp.pixel_digest and (c := by_pixels.get(fp.pixel_digest)) is not None:
                options.append((_SAME_PIXELS, rank[c]))
            if fp.digest and (c := by_bytes.get(fp.digest)) is not None:
                options.append((_SAME_BYTES, rank[c]))
            members[min(options)[1]].append(i)
        groups.extend(m for m in members if len(m) > 1)
    return groups


def group_indices(
    fps: Sequence[Fingerprint],
    threshold: int,
    rotations: bool,
    partners: Partners | None = None,
    cancel: CancelToken | None = None,
    progress: SearchProgress | None = None,
    key: Callable[[Fingerprint], Any] | None = None,
) -> tuple[list[list[int]], list[Link]]:
    """Duplicate groups in one call: ``candidate_components`` cut by ``split_groups``.

    Keepers are chosen by ``key`` over the fingerprints (smallest first), or by index without
    one. Returns the groups and the verified links inside them.
    """
    components, links = candidate_components(fps, threshold, rotations, partners, cancel, progress)

    def order(comp: list[int]) -> list[int]:
        return sorted(comp) if key is None else sorted(comp, key=lambda i: (key(fps[i]), i))

    groups = split_groups(fps, components, links, order)
    where = {i: n for n, g in enumerate(groups) for i in g}
    inside = [k for k in links if k.a in where and where[k.a] == where.get(k.b)]
    return groups, inside


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
